//! `--plain`: one human-readable line per phase and per user action.

use crate::format;
use crate::session::{Event, Session, Stamped};

/// The line for one event, or `None` when plain output says nothing about it.
pub fn line(session: &Session, title: &str, stamped: &Stamped) -> Option<String> {
    let plan = session.plan();
    let at = format::elapsed(stamped.t);
    let steps = plan.step_count();
    let text = match stamped.event {
        Event::Start => format!(
            "{title}: {steps} step{}, {}",
            if steps == 1 { "" } else { "s" },
            format::length(plan.total())
        ),
        Event::Phase { index, len } => {
            let phase = &plan.phases[index];
            let step = &plan.step_of(phase).name;
            let mut details = vec![format::length(len)];
            details.extend(phase.side.clone());
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
