//! The validated routine: what the engine plays. Built only through `file::parse`.

pub mod duration;
pub mod file;
pub mod library;
mod positions;
pub mod schema;
mod suggest;

use std::time::Duration;

/// A routine the engine can trust: every rule of the format page already holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Routine {
    pub title: String,
    pub description: Option<String>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub name: String,
    pub cue: Option<String>,
    pub kind: StepKind,
    /// The "get ready" countdown before the step; zero for rest steps and when turned off.
    pub prepare: Duration,
    /// The rest after the step (for a rest step, the step itself).
    pub rest: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StepKind {
    Hold(Hold),
    Breath(Breath),
    /// A step that is only a rest.
    Rest,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hold {
    pub hold: Duration,
    /// At least 1.
    pub reps: u32,
    pub release: Duration,
    /// Empty for a single unnamed side; otherwise two or more labels.
    pub sides: Vec<String>,
    pub switch: Duration,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Breath {
    pub inhale: Duration,
    pub hold_in: Duration,
    pub exhale: Duration,
    pub hold_out: Duration,
    /// At least 1.
    pub cycles: u32,
}
