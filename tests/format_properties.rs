//! Every routine the format admits, written as a file, parses back to exactly itself: names,
//! sides and cues up to their limits (with quotes, backslashes and letters beyond ASCII),
//! every kind of step, and durations to the millisecond.

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use supple::routine::{Routine, StepKind, file};

mod strategies;
use strategies::routine;

/// Seconds as a routine file writes them; whole milliseconds survive the trip exactly.
fn seconds(d: std::time::Duration) -> Value {
    json!(d.as_millis() as f64 / 1000.0)
}

/// The routine as its author would write it, every optional field spelt out.
fn to_file(routine: &Routine) -> String {
    let steps: Vec<Value> = (routine.steps.iter())
        .map(|step| {
            let mut fields = Map::new();
            fields.insert("name".into(), json!(step.name));
            if let Some(cue) = &step.cue {
                fields.insert("cue".into(), json!(cue));
            }
            match &step.kind {
                StepKind::Hold(hold) => {
                    fields.insert("hold".into(), seconds(hold.hold));
                    fields.insert("reps".into(), json!(hold.reps));
                    fields.insert("release".into(), seconds(hold.release));
                    if !hold.sides.is_empty() {
                        fields.insert("sides".into(), json!(hold.sides));
                        fields.insert("switch".into(), seconds(hold.switch));
                    }
                }
                StepKind::Breath(breath) => {
                    let pattern = json!({
                        "inhale": seconds(breath.inhale),
                        "hold": seconds(breath.hold_in),
                        "exhale": seconds(breath.exhale),
                        "hold_out": seconds(breath.hold_out),
                    });
                    fields.insert("breath".into(), pattern);
                    fields.insert("cycles".into(), json!(breath.cycles));
                }
                StepKind::Rest => {}
            }
            if !matches!(step.kind, StepKind::Rest) {
                fields.insert("prepare".into(), seconds(step.prepare));
            }
            if let Some(rest) = step.rest {
                fields.insert("rest".into(), seconds(rest));
            }
            Value::Object(fields)
        })
        .collect();
    let mut top = Map::new();
    top.insert("name".into(), json!(routine.title));
    if let Some(description) = &routine.description {
        top.insert("description".into(), json!(description));
    }
    top.insert("steps".into(), Value::Array(steps));
    serde_json::to_string_pretty(&Value::Object(top)).expect("JSON")
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_admitted_routine_parses_back_to_itself(routine in routine()) {
        let text = to_file(&routine);
        prop_assert_eq!(file::parse(&text, "random.json"), Ok(routine));
    }
}
