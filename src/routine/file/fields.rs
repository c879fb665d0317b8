//! Reading one field of a routine file: its type and range, or a positioned problem.

use std::borrow::Cow;
use std::time::Duration;

use serde_json::{Map, Value};

use super::Problem;
use super::text::{Text, text_problem};
use crate::routine::positions::{Positions, Spot, element, member};
use crate::routine::{duration, suggest};

pub(super) type Object = Map<String, Value>;

/// Which object of the file a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    Routine,
    Step,
    Breath,
}

impl Level {
    fn fields(self) -> &'static [&'static str] {
        match self {
            Level::Routine => &["$schema", "name", "description", "prepare", "steps"],
            Level::Step => &[
                "name", "cue", "hold", "reps", "release", "breath", "cycles", "sides", "switch",
                "prepare", "rest",
            ],
            Level::Breath => &["inhale", "hold", "exhale", "hold_out"],
        }
    }

    /// A hint for a field that is known, but at another level, or a common other word.
    fn hint(self, key: &str) -> Option<String> {
        let elsewhere = |level: Level| level.fields().contains(&key);
        match self {
            Level::Routine if key == "title" => Some("; did you mean \"name\"?".into()),
            Level::Routine if elsewhere(Level::Step) => {
                Some("; it belongs in a step, inside \"steps\"".into())
            }
            Level::Step if key == "description" => Some("; did you mean \"cue\"?".into()),
            Level::Step if elsewhere(Level::Breath) => {
                Some("; it belongs inside \"breath\"".into())
            }
            Level::Breath if elsewhere(Level::Step) => {
                Some("; it belongs in the step, next to \"breath\"".into())
            }
            _ => None,
        }
    }
}

/// A field the format does not know, and the known one it is closest to.
pub(super) struct Unknown {
    at: Spot,
    like: Option<&'static str>,
}

/// Where a problem points: at a member's key (`"cylces": …`) or at its value.
#[derive(Debug, Clone, Copy)]
pub(super) enum At {
    Key,
    Value,
}

/// Whether a duration field may be 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Zero {
    Allowed,
    Refused,
}

/// `text`, cut to `limit` characters and an ellipsis: a field name can be as long as the
/// file, and a problem echoing it whole would bury the message.
pub(super) fn brief(text: &str, limit: usize) -> Cow<'_, str> {
    match text.char_indices().nth(limit) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

/// `path`, or "the routine" for the root.
pub(super) fn place(path: &str) -> &str {
    if path.is_empty() { "the routine" } else { path }
}

/// Collects problems while the rules walk the file. Readers return `None` for an absent field
/// and for a broken one, which they have then reported.
pub(super) struct Checker<'a> {
    positions: &'a Positions,
    file: &'a str,
    problems: Vec<Problem>,
    /// Where each problem sorts: its own place, or later (see `after_unknown`).
    order: Vec<Spot>,
}

impl<'a> Checker<'a> {
    pub fn new(positions: &'a Positions, file: &'a str) -> Self {
        Checker {
            positions,
            file,
            problems: Vec::new(),
            order: Vec::new(),
        }
    }

    /// How many problems were found so far.
    pub fn found(&self) -> usize {
        self.problems.len()
    }

    /// Every problem, in the order of the places they point at (a stable sort, so that at
    /// one place the problem found first stays first).
    pub fn into_problems(self) -> Vec<Problem> {
        let mut ordered: Vec<(Spot, Problem)> = self.order.into_iter().zip(self.problems).collect();
        ordered.sort_by_key(|(order, _)| *order);
        ordered.into_iter().map(|(_, problem)| problem).collect()
    }

    /// Sorts the problems found since `from`, about missing `causes`, after the first unknown
    /// field that looks like one of them: a misspelt `"hodl"` also makes the step miss
    /// `"hold"`, and the first problem listed (the picker and `list` show only that one)
    /// should be the cause, not the consequence.
    pub fn after_unknown(&mut self, from: usize, unknown: &[Unknown], causes: &[&str]) {
        let cause = (unknown.iter())
            .filter(|unknown| unknown.like.is_some_and(|like| causes.contains(&like)))
            .map(|unknown| unknown.at)
            .min();
        let Some(cause) = cause else { return };
        for order in self.order.iter_mut().skip(from) {
            *order = (*order).max(cause);
        }
    }

    pub fn report_at(&mut self, spot: Spot, path: &str, message: impl Into<String>) {
        self.order.push(spot);
        self.problems.push(Problem {
            file: self.file.to_string(),
            line: spot.line,
            column: spot.column,
            path: brief(path, 200).into_owned(),
            message: message.into(),
        });
    }

    pub fn report(&mut self, path: &str, at: At, message: impl Into<String>) {
        let key = match at {
            At::Key => self.positions.key(path),
            At::Value => None,
        };
        let spot = key
            .or_else(|| self.positions.value(path))
            .unwrap_or(Spot { line: 0, column: 0 });
        self.report_at(spot, path, message);
    }

    /// Reports every field not known at `level`, and returns them with the field each one
    /// looks like.
    pub fn unknown_fields(&mut self, object: &Object, path: &str, level: Level) -> Vec<Unknown> {
        let known = level.fields();
        let mut unknown = Vec::new();
        for key in object.keys().filter(|key| !known.contains(&key.as_str())) {
            let like = suggest::closest(key, known.iter().copied(), 1)
                .first()
                .copied();
            let advice = level.hint(key).unwrap_or_else(|| match like {
                Some(close) => format!("; did you mean \"{close}\"?"),
                None => format!(" (the fields here are {})", known.join(", ")),
            });
            let message = format!(
                "unknown field {:?} in {}{advice}",
                brief(key, 40),
                brief(place(path), 200)
            );
            let key_path = member(path, key);
            if let Some(at) = self.positions.key(&key_path) {
                unknown.push(Unknown { at, like });
            }
            self.report(&key_path, At::Key, message);
        }
        unknown
    }

    /// A required, non-empty string; `what` says what it is for.
    pub fn name(&mut self, object: &Object, path: &str, what: &str) -> Option<String> {
        let Some(value) = object.get("name") else {
            let message = format!("missing required field \"name\" ({what})");
            self.report(path, At::Value, message);
            return None;
        };
        let name_path = member(path, "name");
        match value.as_str() {
            Some(name) => return self.checked_text(&name_path, name, Text::Name),
            None => self.report(&name_path, At::Value, "must be a string"),
        }
        None
    }

    /// An optional string: the routine's description or a step's cue.
    pub fn text(&mut self, object: &Object, path: &str, key: &str, kind: Text) -> Option<String> {
        let value = object.get(key)?;
        let path = member(path, key);
        match value.as_str() {
            Some(text) => self.checked_text(&path, text, kind),
            None => {
                self.report(&path, At::Value, "must be a string");
                None
            }
        }
    }

    /// `text` if the format admits it as a `kind`; otherwise reported at `path`.
    fn checked_text(&mut self, path: &str, text: &str, kind: Text) -> Option<String> {
        match text_problem(text, kind) {
            None => Some(text.to_string()),
            Some(message) => {
                self.report(path, At::Value, message);
                None
            }
        }
    }

    pub fn duration(
        &mut self,
        object: &Object,
        path: &str,
        key: &str,
        zero: Zero,
    ) -> Option<Duration> {
        let value = object.get(key)?;
        let message = match duration::from_json(value) {
            Ok(length) if length.is_zero() && zero == Zero::Refused => {
                "must be more than 0".to_string()
            }
            Ok(length) => return Some(length),
            Err(error) => error.to_string(),
        };
        self.report(&member(path, key), At::Value, message);
        None
    }

    pub fn required_duration(
        &mut self,
        object: &Object,
        path: &str,
        key: &str,
    ) -> Option<Duration> {
        if !object.contains_key(key) {
            self.report(path, At::Value, format!("missing required field \"{key}\""));
        }
        self.duration(object, path, key, Zero::Refused)
    }

    /// A whole number ≥ 1. `3.0` is 3: JSON has one kind of number.
    pub fn count(&mut self, object: &Object, path: &str, key: &str) -> Option<u32> {
        let value = object.get(key)?;
        let message = match value.as_f64() {
            Some(n) if n.fract() != 0.0 => "must be a whole number, like 3".to_string(),
            Some(n) if n < 1.0 => "must be at least 1".to_string(),
            Some(n) if n > f64::from(u32::MAX) => format!("must be at most {}", u32::MAX),
            // In range and whole, so the cast is exact.
            Some(n) => return Some(n as u32),
            None => "must be a whole number, like 3".to_string(),
        };
        self.report(&member(path, key), At::Value, message);
        None
    }

    /// Two or more non-empty side names.
    pub fn sides(&mut self, step: &Object, path: &str) -> Option<Vec<String>> {
        let value = step.get("sides")?;
        let path = member(path, "sides");
        let Some(items) = value.as_array() else {
            let message = "must be a list of side names, like [\"Left\", \"Right\"]";
            self.report(&path, At::Value, message);
            return None;
        };
        if items.len() < 2 {
            let message = "must name at least 2 sides, like [\"Left\", \"Right\"]";
            self.report(&path, At::Value, message);
        }
        let names: Vec<Option<String>> = (items.iter().enumerate())
            .map(|(index, item)| {
                let side_path = element(&path, index);
                match item.as_str() {
                    Some(name) => self.checked_text(&side_path, name, Text::Side),
                    None => {
                        let message = "must be a string (the side's name)";
                        self.report(&side_path, At::Value, message);
                        None
                    }
                }
            })
            .collect();
        names.into_iter().collect()
    }
}
