//! The engine: plays a plan through time. Pure: time comes in as a value, events go out.
//!
//! `now` is the driver's monotonic clock since the session started (already scaled by
//! `--speed`). Routine time `t` is `now` minus every paused stretch, so it is always derived
//! from one start instant and never summed from ticks.

pub mod plan;

use std::time::Duration;

pub use plan::{Count, Phase, PhaseKind, Plan};

/// Within this long of a step's start, back goes to the previous step instead of restarting.
pub const BACK_WINDOW: Duration = Duration::from_secs(3);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Pause,
    Resume,
    TogglePause,
    Next,
    Back,
    /// Add this much to the countdown running now.
    AddTime(Duration),
    /// Take this much off the countdown running now; ends the phase if less is left.
    TakeTime(Duration),
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Start,
    /// Phase `index` of the plan began, with `len` its length as it began.
    Phase {
        index: usize,
        len: Duration,
    },
    Pause,
    Resume,
    /// The user skipped to this step (0-based).
    Skip {
        to: usize,
    },
    /// The user went back to this step (0-based).
    Back {
        to: usize,
    },
    Done {
        completed: usize,
        skipped: usize,
    },
    Quit {
        completed: usize,
        skipped: usize,
    },
}

/// An event and the routine time `t` at which it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamped {
    pub t: Duration,
    pub event: Event,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Running,
    /// Paused at driver time `since`.
    Paused {
        since: Duration,
    },
    Done,
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StepStatus {
    Pending,
    Completed,
    Skipped,
}

/// Where the session stands at one moment, for views.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub phase: usize,
    pub step: usize,
    pub t: Duration,
    pub phase_len: Duration,
    pub phase_elapsed: Duration,
    pub phase_left: Duration,
    /// Time left in the whole routine as planned from here.
    pub total_left: Duration,
    pub status: Status,
}

impl Progress {
    /// How far through the phase, 0.0 to 1.0.
    pub fn phase_ratio(&self) -> f64 {
        ratio(self.phase_elapsed, self.phase_len)
    }
}

pub fn ratio(part: Duration, whole: Duration) -> f64 {
    if whole.is_zero() {
        1.0
    } else {
        (part.as_secs_f64() / whole.as_secs_f64()).clamp(0.0, 1.0)
    }
}

#[derive(Debug, Clone)]
pub struct Session {
    plan: Plan,
    status: Status,
    paused_total: Duration,
    phase: usize,
    phase_start: Duration,
    phase_len: Duration,
    step_start: Duration,
    steps: Vec<StepStatus>,
    /// Driver time the session started at, for the time spent paused.
    started: Duration,
}

impl Session {
    /// Starts at driver time `now`, at the plan's first step (the routine's first unless
    /// `Plan::starting_at` moved it), returning the session and its first events.
    pub fn start(plan: Plan, now: Duration) -> (Session, Vec<Stamped>) {
        let first = plan.first_phase();
        let first_len = plan.phases.get(first).map(|p| p.len).unwrap_or_default();
        let steps = vec![StepStatus::Pending; plan.step_count()];
        let session = Session {
            plan,
            status: Status::Running,
            paused_total: now,
            phase: first,
            phase_start: Duration::ZERO,
            phase_len: first_len,
            step_start: Duration::ZERO,
            steps,
            started: now,
        };
        let mut events = vec![session.stamp(Duration::ZERO, Event::Start)];
        if session.plan.phases.is_empty() {
            let mut session = session;
            session.status = Status::Done;
            events.push(session.stamp(Duration::ZERO, session.done_event()));
            return (session, events);
        }
        events.push(session.stamp(
            Duration::ZERO,
            Event::Phase {
                index: first,
                len: first_len,
            },
        ));
        (session, events)
    }

    /// Driver time spent paused so far, up to `now`.
    pub fn paused(&self, now: Duration) -> Duration {
        let current = match self.status {
            Status::Paused { since } => now.saturating_sub(since),
            _ => Duration::ZERO,
        };
        self.paused_total.saturating_sub(self.started) + current
    }

    /// Steps completed and skipped so far.
    pub fn completed_and_skipped(&self) -> (usize, usize) {
        self.counts()
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn status(&self) -> Status {
        self.status
    }

    pub fn is_over(&self) -> bool {
        matches!(self.status, Status::Done | Status::Quit)
    }

    pub fn current_phase(&self) -> &Phase {
        &self.plan.phases[self.phase.min(self.plan.phases.len().saturating_sub(1))]
    }

    /// Routine time at driver time `now`: pauses excluded, frozen while paused.
    pub fn routine_time(&self, now: Duration) -> Duration {
        let now = match self.status {
            Status::Paused { since } => since,
            _ => now,
        };
        now.saturating_sub(self.paused_total)
    }

    /// How long (driver time) until the session next changes by itself; `None` while paused
    /// or over, when only a command can change it.
    pub fn next_change(&self, now: Duration) -> Option<Duration> {
        match self.status {
            Status::Running => {
                Some((self.phase_start + self.phase_len).saturating_sub(self.routine_time(now)))
            }
            _ => None,
        }
    }

    pub fn progress(&self, now: Duration) -> Progress {
        let t = self.routine_time(now);
        let end = self.phase_start + self.phase_len;
        let phase_left = if self.is_over() {
            Duration::ZERO
        } else {
            end.saturating_sub(t)
        };
        let total_left = if self.is_over() {
            Duration::ZERO
        } else {
            phase_left + self.plan.after(self.phase)
        };
        Progress {
            phase: self.phase,
            step: self.current_phase().step,
            t,
            phase_len: self.phase_len,
            phase_elapsed: t.saturating_sub(self.phase_start).min(self.phase_len),
            phase_left,
            total_left,
            status: self.status,
        }
    }

    /// Moves the session to driver time `now`, returning every event that happened on the
    /// way, each stamped with its exact moment (not the moment it was noticed).
    pub fn advance(&mut self, now: Duration) -> Vec<Stamped> {
        let mut events = Vec::new();
        if self.status != Status::Running {
            return events;
        }
        let t = self.routine_time(now);
        while self.status == Status::Running && t >= self.phase_start + self.phase_len {
            let boundary = self.phase_start + self.phase_len;
            if self.plan.ends_step(self.phase) {
                let step = self.current_phase().step;
                self.steps[step] = StepStatus::Completed;
            }
            if self.phase + 1 >= self.plan.phases.len() {
                self.status = Status::Done;
                // Leave the clock at the end so views show 0:00 rather than run past it.
                self.phase_start = boundary;
                self.phase_len = Duration::ZERO;
                events.push(self.stamp(boundary, self.done_event()));
            } else {
                self.enter(self.phase + 1, boundary, &mut events);
            }
        }
        events
    }

    /// Applies a command at driver time `now`, after first advancing to `now`.
    pub fn command(&mut self, command: Command, now: Duration) -> Vec<Stamped> {
        let mut events = self.advance(now);
        if self.is_over() {
            return events;
        }
        let t = self.routine_time(now);
        match command {
            Command::TogglePause => {
                let toggled = match self.status {
                    Status::Paused { .. } => Command::Resume,
                    _ => Command::Pause,
                };
                events.extend(self.command(toggled, now));
            }
            Command::Pause => {
                if self.status == Status::Running {
                    self.status = Status::Paused { since: now };
                    events.push(self.stamp(t, Event::Pause));
                }
            }
            Command::Resume => {
                if let Status::Paused { since } = self.status {
                    self.paused_total += now.saturating_sub(since);
                    self.status = Status::Running;
                    events.push(self.stamp(t, Event::Resume));
                }
            }
            Command::Next => {
                let step = self.current_phase().step;
                self.steps[step] = StepStatus::Skipped;
                if step + 1 < self.plan.step_count() {
                    events.push(self.stamp(t, Event::Skip { to: step + 1 }));
                    self.enter(self.plan.step_starts[step + 1], t, &mut events);
                } else {
                    self.status = Status::Done;
                    self.phase_start = t;
                    self.phase_len = Duration::ZERO;
                    events.push(self.stamp(t, self.done_event()));
                }
            }
            Command::Back => {
                let step = self.current_phase().step;
                let to = if t.saturating_sub(self.step_start) < BACK_WINDOW && step > 0 {
                    step - 1
                } else {
                    step
                };
                for status in &mut self.steps[to..=step] {
                    *status = StepStatus::Pending;
                }
                events.push(self.stamp(t, Event::Back { to }));
                self.enter(self.plan.step_starts[to], t, &mut events);
            }
            Command::AddTime(amount) => self.phase_len += amount,
            Command::TakeTime(amount) => {
                let elapsed = t.saturating_sub(self.phase_start);
                self.phase_len = self.phase_len.saturating_sub(amount).max(elapsed);
                events.extend(self.advance(now));
            }
            Command::Quit => {
                self.status = Status::Quit;
                let (completed, skipped) = self.counts();
                events.push(self.stamp(t, Event::Quit { completed, skipped }));
            }
        }
        events
    }

    fn enter(&mut self, index: usize, at: Duration, events: &mut Vec<Stamped>) {
        let phase = &self.plan.phases[index];
        if index == 0 || phase.step != self.plan.phases[index - 1].step || index != self.phase + 1 {
            self.step_start = at;
        }
        self.phase = index;
        self.phase_start = at;
        self.phase_len = phase.len;
        events.push(self.stamp(
            at,
            Event::Phase {
                index,
                len: phase.len,
            },
        ));
    }

    fn counts(&self) -> (usize, usize) {
        let count = |wanted| self.steps.iter().filter(|s| **s == wanted).count();
        (count(StepStatus::Completed), count(StepStatus::Skipped))
    }

    fn done_event(&self) -> Event {
        let (completed, skipped) = self.counts();
        Event::Done { completed, skipped }
    }

    fn stamp(&self, t: Duration, event: Event) -> Stamped {
        Stamped { t, event }
    }
}

#[cfg(test)]
mod tests;
