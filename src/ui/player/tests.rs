use insta::assert_snapshot;

use super::*;
use crate::session::Command;
use crate::ui::testing::{draw, routine, secs, session_at};

/// Every phase kind, named by its json name, with how far into it to look.
const PHASES: [(PhaseKind, usize, u64); 9] = [
    (PhaseKind::Prepare, 0, 2),
    (PhaseKind::Hold, 1, 1),
    (PhaseKind::Release, 0, 1),
    (PhaseKind::Switch, 0, 3),
    (PhaseKind::Rest, 0, 4),
    (PhaseKind::Inhale, 1, 2),
    (PhaseKind::HoldIn, 0, 1),
    (PhaseKind::Exhale, 0, 3),
    (PhaseKind::HoldOut, 0, 1),
];

const SIZES: [(u16, u16); 3] = [(80, 24), (40, 12), (24, 7)];

#[test]
fn every_phase_kind_at_every_size() {
    let routine = routine();
    for (kind, nth, into) in PHASES {
        let (session, now) = session_at(&routine, kind, nth, secs(into));
        let view = PlayerView::new(&session, now);
        assert_eq!(view.kind, kind);
        for (width, height) in SIZES {
            let name = format!("phase_{}_{width}x{height}", kind.as_str());
            assert_snapshot!(name, draw(width, height, &view));
        }
    }
}

#[test]
fn paused_says_so_plainly() {
    let routine = routine();
    let (mut session, now) = session_at(&routine, PhaseKind::Hold, 0, secs(2));
    session.command(Command::Pause, now);
    let view = PlayerView::new(&session, now + secs(30));
    assert!(view.paused);
    assert_eq!(
        view.phase_left,
        secs(3),
        "the countdown does not move while paused"
    );
    for (width, height) in SIZES.into_iter().chain([(20, 5)]) {
        assert_snapshot!(
            format!("paused_{width}x{height}"),
            draw(width, height, &view)
        );
    }
}

#[test]
fn resuming_counts_down_before_the_hold_goes_on() {
    let routine = routine();
    let (mut session, now) = session_at(&routine, PhaseKind::Hold, 0, secs(2));
    session.command(Command::Pause, now);
    let mut view = PlayerView::new(&session, now);
    view.lead_in = Some(Duration::from_millis(2500));
    for (width, height) in [(80, 24), (24, 7), (20, 5)] {
        assert_snapshot!(
            format!("lead_in_{width}x{height}"),
            draw(width, height, &view)
        );
    }
}

#[test]
fn the_last_step_has_nothing_next_and_notices_show() {
    let routine = routine();
    let (session, now) = session_at(&routine, PhaseKind::Hold, 4, secs(10));
    let mut view = PlayerView::new(&session, now);
    assert_eq!(view.next, crate::ui::next::Next::End);
    view.muted = true;
    view.notice = Some("no sound device, running silently");
    for (width, height) in [(80, 24), (40, 12), (24, 7)] {
        assert_snapshot!(
            format!("last_step_muted_{width}x{height}"),
            draw(width, height, &view)
        );
    }
}

#[test]
fn a_full_screen_gives_the_digits_room() {
    let routine = routine();
    let (session, now) = session_at(&routine, PhaseKind::Exhale, 0, secs(3));
    let view = PlayerView::new(&session, now);
    assert_snapshot!("exhale_160x48", draw(160, 48, &view));
}

#[test]
fn a_large_screen_gives_the_digits_the_room_and_the_cue_whole() {
    let routine = routine();
    let (session, now) = session_at(&routine, PhaseKind::Hold, 4, secs(15));
    let view = PlayerView::new(&session, now);
    assert_snapshot!("hold_200x60", draw(200, 60, &view));
    // A narrow screen wraps the whole cue rather than cutting it.
    let (session, now) = session_at(&routine, PhaseKind::Hold, 0, secs(1));
    let view = PlayerView::new(&session, now);
    let text = draw(30, 16, &view).to_string();
    assert!(
        text.contains("On your back") && text.contains("let it go."),
        "{text}"
    );
}

#[test]
fn without_colour_the_phase_is_still_in_words_and_shapes() {
    let routine = routine();
    let (session, now) = session_at(&routine, PhaseKind::Inhale, 0, secs(2));
    let mut view = PlayerView::new(&session, now);
    view.theme = Theme::PLAIN;
    let backend = draw(80, 24, &view);
    for cell in backend.buffer().content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
        );
    }
    let text = backend.to_string();
    assert!(text.contains("BREATHE IN") && text.contains('█'));
}

#[test]
fn the_view_follows_the_session() {
    let routine = routine();
    let (session, now) = session_at(&routine, PhaseKind::Hold, 1, Duration::from_millis(1500));
    let view = PlayerView::new(&session, now);
    assert_eq!(view.step, 0);
    assert_eq!(view.steps, 4);
    assert_eq!(view.name, "Knee to chest");
    assert_eq!(view.detail.as_deref(), Some("Right leg · rep 2 of 2"));
    assert_eq!(view.phase_left, Duration::from_millis(3500));
    assert_eq!(view.next, crate::ui::next::Next::Side("Left leg".into()));
    assert_eq!(view.pacer, None);
}

#[test]
fn getting_ready_reads_the_whole_cue_even_on_a_small_screen() {
    let mut routine = routine();
    routine.steps[0].cue = Some(
        "Tilt your ear toward your shoulder and let the weight of your head do the work, \
         breathing slowly, shoulders low and soft, and stop well before it hurts."
            .into(),
    );
    let (session, now) = session_at(&routine, PhaseKind::Prepare, 0, secs(1));
    let mut view = PlayerView::new(&session, now);
    let backend = draw(40, 12, &view);
    let text = backend.to_string();
    assert!(text.contains("hurts.") && !text.contains('…'), "{text}");
    assert_snapshot!("long_cue_prepare_40x12", backend);
    // The notice's few seconds come first: it is said once, so it must be seen.
    view.notice = Some("no sound device, running silently");
    let text = draw(40, 12, &view).to_string();
    assert!(text.contains("no sound device"), "{text}");
}

#[test]
fn the_footer_lists_v_when_the_run_has_speech_and_narrow_screens_stay_as_they_were() {
    let routine = routine();
    let (session, now) = session_at(&routine, PhaseKind::Hold, 0, secs(2));
    let mut view = PlayerView::new(&session, now);
    let footer = |view: &PlayerView, width, height| {
        let backend = draw(width, height, view);
        let buffer = backend.buffer();
        let y = height - 1;
        (0..width)
            .map(|x| buffer[(x, y)].symbol())
            .collect::<String>()
    };
    let without: Vec<String> = SIZES.iter().map(|&(w, h)| footer(&view, w, h)).collect();
    assert!(!without[0].contains("v voice"), "{}", without[0]);
    view.voice = true;
    assert!(footer(&view, 80, 24).contains("m mute  v voice  ? help"));
    for (width, height) in [(80, 24), (24, 7)] {
        assert_snapshot!(
            format!("hold_with_speech_{width}x{height}"),
            draw(width, height, &view)
        );
    }
    for (i, &(width, height)) in SIZES.iter().enumerate().skip(1) {
        assert_eq!(footer(&view, width, height), without[i], "{width}x{height}");
    }
}
