//! The format page's rules, applied to parsed JSON: the domain routine, or every problem.

use std::time::Duration;

use serde_json::Value;

use super::Problem;
use super::fields::{At, Checker, Level, Object, Zero, brief, place};
use super::text::Text;
use crate::routine::positions::{Positions, Spot, element, member};
use crate::routine::{Breath, Hold, Routine, Step, StepKind};

const DEFAULT_PREPARE: Duration = Duration::from_secs(5);
const DEFAULT_SWITCH: Duration = Duration::from_secs(5);
/// The most phases a routine may have: far beyond any real routine, small enough to plan.
pub const MAX_PHASES: u64 = 100_000;

/// How many phases a step plays, counted without building them (see `session::plan`).
pub(super) fn phase_count(step: &Step) -> u64 {
    let nonzero = |d: Duration| u64::from(!d.is_zero());
    let body = match &step.kind {
        StepKind::Hold(hold) => {
            let sides = hold.sides.len().max(1) as u64;
            let reps = u64::from(hold.reps);
            let per_side = reps + (reps - 1) * nonzero(hold.release);
            sides * per_side + (sides - 1) * nonzero(hold.switch)
        }
        StepKind::Breath(breath) => {
            let per_cycle = [
                breath.inhale,
                breath.hold_in,
                breath.exhale,
                breath.hold_out,
            ]
            .into_iter()
            .map(nonzero)
            .sum::<u64>();
            u64::from(breath.cycles) * per_cycle
        }
        StepKind::Rest => 0,
    };
    nonzero(step.prepare) + body + step.rest.map_or(0, nonzero)
}

/// A step field that only makes sense with another, and what it is for.
const NEEDS: &[(&str, &str, &str)] = &[
    ("reps", "hold", ""),
    ("release", "reps", " (it is the pause between two reps)"),
    ("cycles", "breath", ""),
    ("sides", "hold", ""),
    ("switch", "sides", " (it is the pause between two sides)"),
];

pub(super) fn routine(
    value: &Value,
    positions: &Positions,
    file: &str,
) -> Result<Routine, Vec<Problem>> {
    let mut check = Checker::new(positions, file);
    for repeated in positions.duplicates() {
        let Spot { line, column } = repeated.first;
        let message = format!(
            "field {:?} is given twice in {} (first at line {line}, column {column})",
            brief(&repeated.key, 40),
            brief(place(&repeated.object), 200)
        );
        check.report_at(
            repeated.at,
            &member(&repeated.object, &repeated.key),
            message,
        );
    }
    let routine = check.routine(value);
    let problems = check.into_problems();
    match routine {
        Some(routine) if problems.is_empty() => Ok(routine),
        // Every rule that yields no value reports why; this only guards that promise.
        None if problems.is_empty() => Err(vec![Problem::whole_file(
            file,
            "the routine could not be read (a bug in supple: please report it)",
        )]),
        _ => Err(problems),
    }
}

impl Checker<'_> {
    fn routine(&mut self, value: &Value) -> Option<Routine> {
        let Some(object) = value.as_object() else {
            let message = "a routine must be a JSON object: { \"name\": …, \"steps\": [ … ] }";
            self.report("", At::Value, message);
            return None;
        };
        let unknown = self.unknown_fields(object, "", Level::Routine);
        let from = self.found();
        let title = self.name(object, "", "the routine's title");
        if !object.contains_key("name") {
            self.after_unknown(from, &unknown, &["name"]);
        }
        let description = self.text(object, "", "description", Text::Description);
        let prepare = self.duration(object, "", "prepare", Zero::Allowed);
        let steps_from = self.found();
        let steps = self.steps(object, prepare.unwrap_or(DEFAULT_PREPARE));
        if !object.contains_key("steps") {
            // Only the missing list itself: the problems inside it keep their own places.
            self.after_unknown(steps_from, &unknown, &["steps"]);
        }
        Some(Routine {
            title: title?,
            description,
            steps: steps?,
        })
    }

    fn steps(&mut self, routine: &Object, prepare: Duration) -> Option<Vec<Step>> {
        let Some(value) = routine.get("steps") else {
            self.report("", At::Value, "missing required field \"steps\"");
            return None;
        };
        let Some(items) = value.as_array() else {
            self.report(
                "steps",
                At::Value,
                "must be a list of steps: [ { … }, { … } ]",
            );
            return None;
        };
        if items.is_empty() {
            self.report("steps", At::Value, "must have at least one step");
            return None;
        }
        // Every step is checked, even after a broken one.
        let steps: Vec<Option<Step>> = (items.iter().enumerate())
            .map(|(index, item)| self.step(item, &element("steps", index), prepare))
            .collect();
        self.phase_limit(&steps);
        steps.into_iter().collect()
    }

    /// Refuses a routine too large to plan: each rep, side and breath becomes a phase held
    /// in memory, so `"reps": 4000000000` would exhaust it before anything plays.
    fn phase_limit(&mut self, steps: &[Option<Step>]) {
        let mut total: u64 = 0;
        for (index, step) in steps.iter().enumerate() {
            let Some(step) = step else { continue };
            let count = phase_count(step);
            total = total.saturating_add(count);
            if total > MAX_PHASES {
                let message = format!(
                    "this step has {count} timed phases, taking the routine past supple's \
                     limit of {MAX_PHASES}; use fewer reps, sides or cycles"
                );
                self.report(&element("steps", index), At::Value, message);
                return;
            }
        }
    }

    fn step(&mut self, value: &Value, path: &str, routine_prepare: Duration) -> Option<Step> {
        let Some(object) = value.as_object() else {
            let message = "a step must be an object: { \"name\": …, \"hold\": … }";
            self.report(path, At::Value, message);
            return None;
        };
        let found_before = self.found();
        let unknown = self.unknown_fields(object, path, Level::Step);
        // Presence, not validity: a mistyped `hold` must not also be reported as missing.
        let has = |key: &str| object.contains_key(key);
        let from = self.found();
        match (has("hold"), has("breath")) {
            (true, true) => self.report(
                path,
                At::Value,
                "a step has \"hold\" or \"breath\", not both",
            ),
            (false, false) if !has("rest") => {
                self.report(
                    path,
                    At::Value,
                    "a step needs \"hold\" (a timed hold), \"breath\" (paced breathing) \
                     or, for a rest step, just \"rest\"",
                );
                self.after_unknown(from, &unknown, &["hold", "breath", "rest"]);
            }
            _ => {}
        }
        for (field, needed, why) in NEEDS {
            if has(field) && !has(needed) {
                let from = self.found();
                let message = format!("\"{field}\" needs \"{needed}\"{why}");
                self.report(&member(path, field), At::Key, message);
                self.after_unknown(from, &unknown, &[needed]);
            }
        }
        if has("breath") && !has("cycles") {
            let from = self.found();
            let message = "\"breath\" needs \"cycles\" (how many breaths)";
            self.report(&member(path, "breath"), At::Key, message);
            self.after_unknown(from, &unknown, &["cycles"]);
        }

        let from = self.found();
        let name = self.name(object, path, "the move's name");
        if !has("name") {
            self.after_unknown(from, &unknown, &["name"]);
        }
        let cue = self.text(object, path, "cue", Text::Cue);
        let hold = self.duration(object, path, "hold", Zero::Refused);
        let reps = self.count(object, path, "reps");
        let release = self.duration(object, path, "release", Zero::Allowed);
        let sides = self.sides(object, path);
        let switch = self.duration(object, path, "switch", Zero::Allowed);
        let cycles = self.count(object, path, "cycles");
        let breath = self.breath(object, path, cycles);
        let prepare = self.duration(object, path, "prepare", Zero::Allowed);
        let rest = self.duration(object, path, "rest", Zero::Refused);
        if self.found() > found_before {
            return None;
        }

        // No problem in this step, so every field given was read and the rules above hold.
        let kind = match (hold, breath) {
            (Some(hold), None) => StepKind::Hold(Hold {
                hold,
                reps: reps.unwrap_or(1),
                release: release.unwrap_or_default(),
                switch: match sides {
                    Some(_) => switch.unwrap_or(DEFAULT_SWITCH),
                    None => Duration::ZERO,
                },
                sides: sides.unwrap_or_default(),
            }),
            (None, Some(breath)) => StepKind::Breath(breath),
            (None, None) => StepKind::Rest,
            (Some(_), Some(_)) => return None,
        };
        let prepare = match kind {
            StepKind::Rest => Duration::ZERO,
            _ => prepare.unwrap_or(routine_prepare),
        };
        Some(Step {
            name: name?,
            cue,
            kind,
            prepare,
            rest,
        })
    }

    fn breath(&mut self, step: &Object, path: &str, cycles: Option<u32>) -> Option<Breath> {
        let value = step.get("breath")?;
        let path = member(path, "breath");
        let Some(object) = value.as_object() else {
            self.report(
                &path,
                At::Value,
                "must be an object like { \"inhale\": 4, \"exhale\": 6 }",
            );
            return None;
        };
        let unknown = self.unknown_fields(object, &path, Level::Breath);
        let from = self.found();
        let inhale = self.required_duration(object, &path, "inhale");
        self.after_unknown(from, &unknown, &["inhale"]);
        let hold_in = self.duration(object, &path, "hold", Zero::Allowed);
        let from = self.found();
        let exhale = self.required_duration(object, &path, "exhale");
        self.after_unknown(from, &unknown, &["exhale"]);
        let hold_out = self.duration(object, &path, "hold_out", Zero::Allowed);
        // A broken `hold` or `hold_out` is reported above, and the step is then dropped.
        Some(Breath {
            inhale: inhale?,
            hold_in: hold_in.unwrap_or_default(),
            exhale: exhale?,
            hold_out: hold_out.unwrap_or_default(),
            cycles: cycles?,
        })
    }
}
