//! Routines built by hand and sessions stopped at chosen moments, for the views' tests.

use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Widget;

use crate::routine::{Breath, Hold, Routine, Step, StepKind};
use crate::session::{PhaseKind, Plan, Session};

pub fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// A routine with every phase kind: prepare, hold, release, switch, rest, and all four
/// breathing phases.
pub fn routine() -> Routine {
    Routine {
        title: "Morning back".into(),
        description: Some("Gentle moves for a stiff lower back. Mostly on the floor.".into()),
        steps: vec![
            Step {
                name: "Knee to chest".into(),
                cue: Some(
                    "On your back, legs long. Hug one knee in, hands just below it, and let it go."
                        .into(),
                ),
                kind: StepKind::Hold(Hold {
                    hold: secs(5),
                    reps: 2,
                    release: secs(3),
                    sides: vec!["Right leg".into(), "Left leg".into()],
                    switch: secs(5),
                }),
                prepare: secs(5),
                rest: Some(secs(10)),
            },
            Step {
                name: "Belly breathing".into(),
                cue: Some(
                    "Hand on the belly; let it rise as you breathe in through the nose.".into(),
                ),
                kind: StepKind::Breath(Breath {
                    inhale: secs(4),
                    hold_in: secs(2),
                    exhale: secs(6),
                    hold_out: secs(2),
                    cycles: 3,
                }),
                prepare: secs(5),
                rest: None,
            },
            Step {
                name: "Breather".into(),
                cue: None,
                kind: StepKind::Rest,
                prepare: Duration::ZERO,
                rest: Some(secs(20)),
            },
            Step {
                name: "Child's pose".into(),
                cue: Some("Sit back toward your heels and fold forward.".into()),
                kind: StepKind::Hold(Hold {
                    hold: secs(60),
                    reps: 1,
                    release: Duration::ZERO,
                    sides: vec![],
                    switch: Duration::ZERO,
                }),
                prepare: secs(5),
                rest: None,
            },
        ],
    }
}

/// A session started at 0 and run to `into` past the start of the first phase of `kind`
/// (the `nth` such phase, 0-based).
pub fn session_at(
    routine: &Routine,
    kind: PhaseKind,
    nth: usize,
    into: Duration,
) -> (Session, Duration) {
    let plan = Plan::new(routine);
    let start: Duration = {
        let index = plan
            .phases
            .iter()
            .enumerate()
            .filter(|(_, phase)| phase.kind == kind)
            .nth(nth)
            .map(|(i, _)| i)
            .expect("the routine has that phase");
        plan.phases[..index].iter().map(|phase| phase.len).sum()
    };
    let (mut session, _) = Session::start(plan, Duration::ZERO);
    let now = start + into;
    session.advance(now);
    (session, now)
}

/// The widget drawn on a fresh terminal of `width` × `height`, as text.
pub fn draw(width: u16, height: u16, widget: impl Widget) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| frame.render_widget(widget, frame.area()))
        .expect("drawing never fails on a test backend");
    terminal.backend().clone()
}
