//! `--plain`: one human-readable line per phase and per user action.

use crate::format::{self, printable};
use crate::session::{Event, PhaseKind, Session, Stamped};

/// The line for one event, or `None` when plain output says nothing about it.
pub fn line(session: &Session, title: &str, stamped: &Stamped) -> Option<String> {
    let plan = session.plan();
    let at = format::elapsed(stamped.t);
    let steps = plan.step_count();
    let text = match stamped.event {
        Event::Start => format!(
            "{}: {steps} step{}, {}",
            printable(title),
            if steps == 1 { "" } else { "s" },
            format::length(plan.total())
        ),
        Event::Phase { index, len } => {
            let phase = &plan.phases[index];
            let step = printable(&plan.step_of(phase).name);
            let mut details = vec![format::length(len)];
            // The rest after a move with sides is nobody's side: the move is over.
            let side = phase.side.as_deref().map(printable);
            match (phase.kind, side) {
                (PhaseKind::Rest, _) | (_, None) => {}
                (PhaseKind::Switch, Some(side)) => details.push(format!("to {side}")),
                (_, Some(side)) => details.push(side.into_owned()),
            }
            if let Some(rep) = phase.rep {
                details.push(format!("rep {} of {}", rep.index, rep.of));
            }
            if let Some(cycle) = phase.cycle {
                details.push(format!("breath {} of {}", cycle.index, cycle.of));
            }
            format!(
                "step {}/{steps} {step}: {} ({})",
                phase.step + 1,
                format::phase_words(phase.kind),
                details.join(", ")
            )
        }
        Event::Pause => "paused".into(),
        Event::Resume => "resumed".into(),
        Event::Skip { to } => format!("skipped to step {}", to + 1),
        Event::Back { to } => format!("back to step {}", to + 1),
        Event::Done { completed, skipped } => {
            format!("done: {completed} completed, {skipped} skipped")
        }
        Event::Quit { completed, skipped } => {
            format!("quit: {completed} completed, {skipped} skipped")
        }
    };
    Some(format!("{at:>5}  {text}"))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::routine::{Hold, Routine, Step, StepKind};
    use crate::session::Plan;

    fn lines_of(routine: &Routine) -> Vec<String> {
        let plan = Plan::new(routine);
        let title = routine.title.clone();
        let (session, _) = Session::start(plan, Duration::ZERO);
        let phases = session.plan().phases.len();
        (0..phases)
            .filter_map(|index| {
                let len = session.plan().phases[index].len;
                let event = Event::Phase { index, len };
                line(
                    &session,
                    &title,
                    &Stamped {
                        t: Duration::ZERO,
                        event,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn a_switch_says_to_which_side_and_the_rest_after_sides_names_none() {
        let secs = Duration::from_secs;
        let routine = Routine {
            title: "T\u{1b}[2J".into(),
            description: None,
            steps: vec![Step {
                name: "Lunge\u{7}".into(),
                cue: None,
                kind: StepKind::Hold(Hold {
                    hold: secs(5),
                    reps: 1,
                    release: Duration::ZERO,
                    sides: vec!["Right".into(), "Left".into()],
                    switch: secs(3),
                }),
                prepare: secs(2),
                rest: Some(secs(10)),
            }],
        };
        let lines = lines_of(&routine);
        assert!(
            lines[2].ends_with("Lunge\u{fffd}: switch sides (3 s, to Left)"),
            "{lines:?}"
        );
        assert!(lines[4].ends_with("rest (10 s)"), "{lines:?}");
    }
}
