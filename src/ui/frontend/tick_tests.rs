//! Seconds drawn without a full frame: whatever the routine does and whatever the person
//! presses, the terminal shows exactly what a full frame of that moment would draw.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;

use super::tests::options;
use super::*;
use crate::session::Plan;
use crate::ui::testing::routine;

fn press(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// Plays the whole routine as the loop would, pressing `keys` at their times, on a player
/// and on one that draws every change of the time as a full frame, and compares their terminals after every
/// wake-up. Returns how many draws there were, and how many of them were full frames.
fn play_and_compare(width: u16, height: u16, keys: &[(u64, char)]) -> (u64, u64) {
    play_and_compare_plan(Plan::new(&routine()), width, height, keys)
}

/// As [`play_and_compare`], for `plan`.
fn play_and_compare_plan(plan: Plan, width: u16, height: u16, keys: &[(u64, char)]) -> (u64, u64) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut reference = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut player = Player::new(&mut terminal, options(), Box::new(|| Ok(())));
    let mut full = Player::new(&mut reference, options(), Box::new(|| Ok(())));
    full.no_ticks = true;
    let (mut session, events) = Session::start(plan, Duration::ZERO);
    player.show(&session, &events, Duration::ZERO).unwrap();
    full.show(&session, &events, Duration::ZERO).unwrap();
    let mut keys = keys.iter().peekable();
    let mut now = Duration::ZERO;
    while !session.is_over() {
        let mut actions = Vec::new();
        let events = session.advance(now);
        for player in [&mut player, &mut full] {
            if !events.is_empty() {
                player.show(&session, &events, now).unwrap();
            }
        }
        if let Some((_, key)) = keys.next_if(|(at, _)| Duration::from_secs(*at) <= now) {
            actions = player.handle(&session, press(*key), now);
            full.handle(&session, press(*key), now);
        }
        actions.extend(player.wake(&session, now).unwrap());
        full.wake(&session, now).unwrap();
        for action in actions {
            if let Action::Session(command) = action {
                let events = session.command(command, now);
                player.show(&session, &events, now).unwrap();
                full.show(&session, &events, now).unwrap();
            }
        }
        player.wake(&session, now).unwrap();
        full.wake(&session, now).unwrap();
        assert_eq!(
            player.terminal.backend().buffer(),
            full.terminal.backend().buffer(),
            "{width}x{height} at {now:?}"
        );
        let next_key = keys.peek().map(|(at, _)| Duration::from_secs(*at));
        let next_change = session.next_change(now).map(|wait| now + wait);
        now = [player.wake_at(&session, now), next_change, next_key]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(now + Duration::from_secs(1))
            .max(now + Duration::from_millis(1));
    }
    assert!(full.draws >= player.draws, "the same changes drawn");
    (player.draws, player.full_draws)
}

#[test]
fn seconds_drawn_alone_show_what_a_full_frame_would() {
    for (width, height) in [(80, 24), (100, 30), (200, 60), (40, 12), (24, 8)] {
        let (draws, full) = play_and_compare(width, height, &[]);
        assert!(
            full * 4 < draws,
            "{width}x{height}: {full} of {draws} draws were full frames"
        );
    }
}

#[test]
fn seconds_drawn_alone_stay_true_through_pauses_skips_and_added_time() {
    let keys = [
        (3, ' '),
        (5, ' '),
        (12, '+'),
        (20, 'n'),
        (31, '-'),
        (40, 'b'),
        (44, '?'),
        (47, '?'),
        (60, ' '),
        (61, ' '),
        (90, 'n'),
    ];
    for (width, height) in [(100, 30), (200, 60), (40, 12)] {
        play_and_compare(width, height, &keys);
    }
}

/// A routine of one breathing step: three breaths, each with both holds.
fn breaths() -> Plan {
    let mut routine = routine();
    routine
        .steps
        .retain(|step| matches!(step.kind, crate::routine::StepKind::Breath(_)));
    routine.steps[0].prepare = Duration::ZERO;
    Plan::new(&routine)
}

#[test]
fn a_breaths_turn_is_drawn_without_a_full_frame_and_shows_what_one_would() {
    let plan = breaths();
    let turns = plan.phases.len() as u64 - 1;
    assert!(turns >= 5, "{turns} turns");
    for (width, height) in [(100, 30), (200, 60), (80, 24), (40, 12), (24, 8)] {
        let (_, full) = play_and_compare_plan(plan.clone(), width, height, &[]);
        // The first frame, and the summary's at the end: none for a turn.
        assert!(
            full <= 3,
            "{width}x{height}: {full} full frames for {turns} turns"
        );
    }
}

#[test]
fn turns_stay_true_through_pauses_and_going_back() {
    let keys = [
        (3, ' '),
        (4, ' '),
        (9, 'b'),
        (14, ' '),
        (15, '+'),
        (16, ' '),
        (22, 'm'),
    ];
    for (width, height) in [(100, 30), (40, 12)] {
        play_and_compare_plan(breaths(), width, height, &keys);
    }
}
