//! The frame cache in the player: between full frames the pacer moves alone, and what the
//! terminal shows of it is exactly what a full frame would draw.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::tests::options;
use super::*;
use crate::session::Plan;
use crate::ui::testing::routine;

fn breathing() -> Plan {
    let mut routine = routine();
    routine.steps.drain(..1);
    routine.steps.truncate(1);
    routine.steps[0].prepare = Duration::ZERO;
    Plan::new(&routine)
}

/// Plays one breath frame by frame, as the loop would, and checks the pacer's cells on the
/// terminal after every frame against a full render of that moment. Returns how many
/// frames moved the pacer alone.
fn check_a_breath(width: u16, height: u16) -> u32 {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut player = Player::new(&mut terminal, options(), Box::new(|| Ok(())));
    let (mut session, events) = Session::start(breathing(), Duration::ZERO);
    player.show(&session, &events, Duration::ZERO).unwrap();
    let mut alone = 0;
    let mut now = Duration::ZERO;
    // The inhale (4 s) and the first two seconds of the hold after it.
    while now < Duration::from_secs(6) {
        let events = session.advance(now);
        if !events.is_empty() {
            player.show(&session, &events, now).unwrap();
        }
        let draws = player.draws();
        let before = player.drawn.clone();
        player.wake(&session, now).unwrap();
        let pacer_only = before
            .zip(player.drawn.as_ref())
            .is_some_and(|(before, after)| before.but_pacer(after));
        if player.draws() > draws && pacer_only {
            alone += 1;
        }
        let area = Rect::new(0, 0, width, height);
        let view = PlayerView::new(&session, now);
        if let Some((spot, _, _)) = view.pacer_spot(area) {
            let mut fresh = Buffer::empty(area);
            ratatui::widgets::Widget::render(&view, area, &mut fresh);
            let shown = player.terminal.backend().buffer();
            for y in spot.top()..spot.bottom() {
                for x in spot.left()..spot.right() {
                    assert_eq!(
                        shown.cell((x, y)),
                        fresh.cell((x, y)),
                        "{width}x{height} at {now:?}, cell ({x}, {y})"
                    );
                }
            }
        }
        now = player
            .wake_at(&session, now)
            .unwrap_or(now + Duration::from_secs(1));
    }
    alone
}

#[test]
fn between_full_frames_the_pacer_moves_alone_and_shows_what_a_full_frame_would() {
    for (width, height) in [(80, 24), (100, 30), (200, 60), (40, 12)] {
        let alone = check_a_breath(width, height);
        assert!(
            alone > 5,
            "{width}x{height}: {alone} frames moved the pacer alone"
        );
    }
}
