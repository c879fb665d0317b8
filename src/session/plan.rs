//! Turns a routine into the flat list of timed phases it plays, in the format page's order.

use std::time::Duration;

use crate::routine::{Routine, StepKind};

/// What the person is doing during a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhaseKind {
    Prepare,
    Hold,
    Release,
    Switch,
    Rest,
    Inhale,
    HoldIn,
    Exhale,
    HoldOut,
}

impl PhaseKind {
    /// Every kind, in the order they are declared: for tests that go through them all.
    #[cfg(test)]
    pub const ALL: [PhaseKind; 9] = [
        PhaseKind::Prepare,
        PhaseKind::Hold,
        PhaseKind::Release,
        PhaseKind::Switch,
        PhaseKind::Rest,
        PhaseKind::Inhale,
        PhaseKind::HoldIn,
        PhaseKind::Exhale,
        PhaseKind::HoldOut,
    ];

    /// The name used in the `--json` stream (public contract: never changes).
    pub fn as_str(self) -> &'static str {
        match self {
            PhaseKind::Prepare => "prepare",
            PhaseKind::Hold => "hold",
            PhaseKind::Release => "release",
            PhaseKind::Switch => "switch",
            PhaseKind::Rest => "rest",
            PhaseKind::Inhale => "inhale",
            PhaseKind::HoldIn => "hold-in",
            PhaseKind::Exhale => "exhale",
            PhaseKind::HoldOut => "hold-out",
        }
    }

    pub fn is_breathing(self) -> bool {
        matches!(
            self,
            PhaseKind::Inhale | PhaseKind::HoldIn | PhaseKind::Exhale | PhaseKind::HoldOut
        )
    }
}

/// "i of n", 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub index: u32,
    pub of: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    pub kind: PhaseKind,
    /// 0-based index of the step this phase belongs to.
    pub step: usize,
    pub len: Duration,
    /// The side label, on every phase of a step with sides: the first side while preparing,
    /// the coming side while switching, the last side while resting.
    pub side: Option<String>,
    /// On hold and release phases of a step with reps (a release carries the rep just done).
    pub rep: Option<Count>,
    /// On the breathing phases of a breathing step.
    pub cycle: Option<Count>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The routine the plan was made from: titles, step names and cues for views.
    pub routine: Routine,
    pub phases: Vec<Phase>,
    /// Index of each step's first phase.
    pub step_starts: Vec<usize>,
    /// `after[i]`: the planned length of every phase after phase `i`.
    after: Vec<Duration>,
    /// `step_lens[s]`: the planned length of step `s`, all its phases. Computed once here so
    /// that `show` stays linear and a frame's cost never depends on the routine's length.
    step_lens: Vec<Duration>,
    /// The step (0-based) a session of this plan starts at (`run --from`).
    first_step: usize,
}

impl Plan {
    pub fn new(routine: &Routine) -> Plan {
        let mut phases = Vec::new();
        let mut step_starts = Vec::with_capacity(routine.steps.len());
        for (index, step) in routine.steps.iter().enumerate() {
            step_starts.push(phases.len());
            let mut push = |kind, len: Duration, side: Option<&String>, rep, cycle| {
                if !len.is_zero() {
                    phases.push(Phase {
                        kind,
                        step: index,
                        len,
                        side: side.cloned(),
                        rep,
                        cycle,
                    });
                }
            };
            let mut last_side = None;
            match &step.kind {
                StepKind::Hold(hold) => {
                    let sides: Vec<Option<&String>> = if hold.sides.is_empty() {
                        vec![None]
                    } else {
                        hold.sides.iter().map(Some).collect()
                    };
                    push(PhaseKind::Prepare, step.prepare, sides[0], None, None);
                    for (s, side) in sides.iter().enumerate() {
                        for r in 1..=hold.reps {
                            let rep = (hold.reps > 1).then_some(Count {
                                index: r,
                                of: hold.reps,
                            });
                            push(PhaseKind::Hold, hold.hold, *side, rep, None);
                            if r < hold.reps {
                                push(PhaseKind::Release, hold.release, *side, rep, None);
                            }
                        }
                        if let Some(next) = sides.get(s + 1) {
                            push(PhaseKind::Switch, hold.switch, *next, None, None);
                        }
                    }
                    last_side = *sides.last().unwrap_or(&None);
                }
                StepKind::Breath(breath) => {
                    push(PhaseKind::Prepare, step.prepare, None, None, None);
                    for c in 1..=breath.cycles {
                        let cycle = Some(Count {
                            index: c,
                            of: breath.cycles,
                        });
                        push(PhaseKind::Inhale, breath.inhale, None, None, cycle);
                        push(PhaseKind::HoldIn, breath.hold_in, None, None, cycle);
                        push(PhaseKind::Exhale, breath.exhale, None, None, cycle);
                        push(PhaseKind::HoldOut, breath.hold_out, None, None, cycle);
                    }
                }
                StepKind::Rest => {}
            }
            if let Some(rest) = step.rest {
                push(PhaseKind::Rest, rest, last_side, None, None);
            }
        }
        let mut after = vec![Duration::ZERO; phases.len()];
        for i in (0..phases.len().saturating_sub(1)).rev() {
            after[i] = after[i + 1] + phases[i + 1].len;
        }
        let mut step_lens = vec![Duration::ZERO; routine.steps.len()];
        for phase in &phases {
            step_lens[phase.step] += phase.len;
        }
        Plan {
            routine: routine.clone(),
            phases,
            step_starts,
            after,
            step_lens,
            first_step: 0,
        }
    }

    /// The same plan, started at `step` (0-based) instead of the first step; a step past
    /// the end starts at the last one.
    pub fn starting_at(mut self, step: usize) -> Plan {
        self.first_step = step.min(self.step_count().saturating_sub(1));
        self
    }

    /// The step (0-based) a session of this plan starts at.
    pub fn first_step(&self) -> usize {
        self.first_step
    }

    /// The phase a session of this plan starts with.
    pub fn first_phase(&self) -> usize {
        (self.step_starts.get(self.first_step).copied())
            .filter(|&phase| phase < self.phases.len())
            .unwrap_or(0)
    }

    /// The planned length of what a session of this plan plays: from its first step on.
    pub fn planned(&self) -> Duration {
        let first = self.first_phase();
        match self.phases.get(first) {
            Some(phase) => phase.len + self.after(first),
            None => Duration::ZERO,
        }
    }

    /// The first step matching `wanted`: a 1-based number, or the first step whose name
    /// contains it, in any case. `None` when nothing matches.
    pub fn find_step(&self, wanted: &str) -> Option<usize> {
        let wanted = wanted.trim();
        let steps = &self.routine.steps;
        if let Ok(number) = wanted.parse::<usize>() {
            return (1..=steps.len()).contains(&number).then(|| number - 1);
        }
        let needle = wanted.to_lowercase();
        if needle.is_empty() {
            return None;
        }
        steps
            .iter()
            .position(|step| step.name.to_lowercase().contains(&needle))
    }

    pub fn total(&self) -> Duration {
        match self.phases.first() {
            Some(first) => first.len + self.after[0],
            None => Duration::ZERO,
        }
    }

    /// Planned length of every phase after phase `index`.
    pub fn after(&self, index: usize) -> Duration {
        self.after.get(index).copied().unwrap_or_default()
    }

    /// The step a phase belongs to.
    pub fn step_of(&self, phase: &Phase) -> &crate::routine::Step {
        &self.routine.steps[phase.step]
    }

    pub fn step_count(&self) -> usize {
        self.step_starts.len()
    }

    /// Planned length of one step, all its phases; zero past the last step.
    pub fn step_len(&self, step: usize) -> Duration {
        self.step_lens.get(step).copied().unwrap_or_default()
    }

    /// Planned routine time at which phase `index` starts (the total past the last phase).
    pub fn phase_start(&self, index: usize) -> Duration {
        match self.after.get(index) {
            Some(after) => self.total() - self.phases[index].len - *after,
            None => self.total(),
        }
    }

    /// Whether phase `index` is the last one of its step (true past the last phase).
    pub fn ends_step(&self, index: usize) -> bool {
        match (self.phases.get(index), self.phases.get(index + 1)) {
            (Some(phase), Some(next)) => next.step != phase.step,
            _ => true,
        }
    }
}
