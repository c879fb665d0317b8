//! `--json`: one JSON object per event, in the shape `interface.md` promises.

use serde::Serialize;

use crate::format::json_seconds;
use crate::session::{Event, Session, Stamped};

/// Field order follows the interface page: `event` and `t` first.
#[derive(Serialize)]
struct Line<'a> {
    event: &'static str,
    t: f64,
    #[serde(flatten)]
    fields: Fields<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Fields<'a> {
    None {},
    Start {
        routine: &'a str,
        title: &'a str,
        total: f64,
        steps: usize,
    },
    Phase {
        phase: &'static str,
        step: usize,
        name: &'a str,
        seconds: f64,
        #[serde(skip_serializing_if = "Option::is_none")]
        side: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        rep: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        reps: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        cycle: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        cycles: Option<u32>,
    },
    To {
        to: usize,
    },
    Counts {
        completed: usize,
        skipped: usize,
    },
    Say {
        text: &'a str,
    },
}

/// The JSON line for one event. `routine` is the routine's name (its file stem).
pub fn line(session: &Session, routine: &str, stamped: &Stamped) -> String {
    let plan = session.plan();
    let (event, fields) = match stamped.event {
        Event::Start => (
            "start",
            Fields::Start {
                routine,
                title: &plan.routine.title,
                total: json_seconds(plan.total()),
                steps: plan.step_count(),
            },
        ),
        Event::Phase { index, len } => {
            let phase = &plan.phases[index];
            (
                "phase",
                Fields::Phase {
                    phase: phase.kind.as_str(),
                    step: phase.step + 1,
                    name: &plan.step_of(phase).name,
                    seconds: json_seconds(len),
                    side: phase.side.as_deref(),
                    rep: phase.rep.map(|c| c.index),
                    reps: phase.rep.map(|c| c.of),
                    cycle: phase.cycle.map(|c| c.index),
                    cycles: phase.cycle.map(|c| c.of),
                },
            )
        }
        Event::Pause => ("pause", Fields::None {}),
        Event::Resume => ("resume", Fields::None {}),
        Event::Skip { to } => ("skip", Fields::To { to: to + 1 }),
        Event::Back { to } => ("back", Fields::To { to: to + 1 }),
        Event::Done { completed, skipped } => ("done", Fields::Counts { completed, skipped }),
        Event::Quit { completed, skipped } => ("quit", Fields::Counts { completed, skipped }),
    };
    let line = Line {
        event,
        t: json_seconds(stamped.t),
        fields,
    };
    // Serializing plain strings and numbers cannot fail.
    serde_json::to_string(&line).unwrap_or_default()
}

/// The JSON line for a spoken phrase: `say`, at routine time `t`, with its words.
pub fn say_line(t: std::time::Duration, text: &str) -> String {
    let line = Line {
        event: "say",
        t: json_seconds(t),
        fields: Fields::Say { text },
    };
    serde_json::to_string(&line).unwrap_or_default()
}
