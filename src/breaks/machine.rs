//! The day of breaks as a pure state machine: driver time in, events out, no clock of its own.

use std::time::Duration;

/// What `s` (or `snooze`) puts a due break off by.
pub const SNOOZE: Duration = Duration::from_secs(10 * 60);
/// How long a due break waits unanswered before a gentle reminder.
pub const REMIND_AFTER: Duration = Duration::from_secs(5 * 60);
/// Reminders after the first signal, at most.
pub const MAX_REMINDERS: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Counting down to the break due at this driver time.
    Waiting { due_at: Duration },
    /// The break has been due since `since`; `reminders` given so far.
    Due { since: Duration, reminders: u32 },
    /// The routine is playing.
    OnBreak,
}

/// What the user asks of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Start the break now (waiting or due).
    Start,
    /// Put a due break off by [`SNOOZE`].
    Snooze,
    /// Let this break go: the countdown starts again from the full interval.
    Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Counting down: the next break is `due` from now.
    Waiting {
        due: Duration,
    },
    /// A break is due; `reminder` is 0 for the first signal, then 1 to [`MAX_REMINDERS`].
    Due {
        reminder: u32,
    },
    Snooze {
        due: Duration,
    },
    Skip {
        due: Duration,
    },
    /// The break's routine starts now.
    Start,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Breaks {
    every: Duration,
    state: State,
    /// Breaks taken, here or elsewhere, since the count last started (the day).
    taken: u32,
}

impl Breaks {
    /// Counting down from `now` to the first break, `every` from now.
    pub fn start(every: Duration, now: Duration) -> (Breaks, Vec<Event>) {
        let mut breaks = Breaks {
            every,
            state: State::OnBreak,
            taken: 0,
        };
        let events = vec![breaks.wait(now, every, |due| Event::Waiting { due })];
        (breaks, events)
    }

    pub fn state(&self) -> State {
        self.state
    }

    pub fn every(&self) -> Duration {
        self.every
    }

    pub fn taken(&self) -> u32 {
        self.taken
    }

    /// A new day: the count of breaks starts again.
    pub fn new_day(&mut self) {
        self.taken = 0;
    }

    /// Time left until the break is due, while waiting.
    pub fn due_in(&self, now: Duration) -> Option<Duration> {
        match self.state {
            State::Waiting { due_at } => Some(due_at.saturating_sub(now)),
            _ => None,
        }
    }

    /// How long until `advance` has something to say, or `None` when only a command can
    /// change anything (on a break, or every reminder given).
    pub fn next_change(&self, now: Duration) -> Option<Duration> {
        self.next_at().map(|at| at.saturating_sub(now))
    }

    fn next_at(&self) -> Option<Duration> {
        match self.state {
            State::Waiting { due_at } => Some(due_at),
            State::Due { since, reminders } if reminders < MAX_REMINDERS => {
                Some(since + REMIND_AFTER * (reminders + 1))
            }
            _ => None,
        }
    }

    /// Brings the state up to `now`. A long jump (a sleeping laptop) gives one event, not
    /// every reminder that was missed.
    pub fn advance(&mut self, now: Duration) -> Vec<Event> {
        match self.state {
            State::Waiting { due_at } if now >= due_at => {
                // Reminders missed while nobody was there are not replayed one by one.
                let late = ((now - due_at).as_secs() / REMIND_AFTER.as_secs()) as u32;
                let reminders = late.min(MAX_REMINDERS);
                self.state = State::Due {
                    since: due_at,
                    reminders,
                };
                vec![Event::Due {
                    reminder: reminders,
                }]
            }
            State::Due { since, reminders } if reminders < MAX_REMINDERS => {
                let elapsed =
                    ((now.saturating_sub(since)).as_secs() / REMIND_AFTER.as_secs()) as u32;
                let now_at = elapsed.min(MAX_REMINDERS);
                if now_at > reminders {
                    self.state = State::Due {
                        since,
                        reminders: now_at,
                    };
                    vec![Event::Due { reminder: now_at }]
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        }
    }

    pub fn command(&mut self, command: Command, now: Duration) -> Vec<Event> {
        match (command, self.state) {
            (_, State::OnBreak) => Vec::new(),
            (Command::Start, _) => {
                self.state = State::OnBreak;
                vec![Event::Start]
            }
            (Command::Snooze, State::Due { .. }) => {
                vec![self.wait(now, SNOOZE, |due| Event::Snooze { due })]
            }
            // Nothing is due yet, so there is nothing to put off.
            (Command::Snooze, State::Waiting { .. }) => Vec::new(),
            (Command::Skip, _) => vec![self.wait(now, self.every, |due| Event::Skip { due })],
        }
    }

    /// The break's routine has ended; `finished` when it was played to the end. Either way
    /// the countdown starts again from the full interval.
    pub fn break_over(&mut self, now: Duration, finished: bool) -> Vec<Event> {
        if self.state != State::OnBreak {
            return Vec::new();
        }
        if finished {
            self.taken += 1;
        }
        vec![self.wait(now, self.every, |due| Event::Waiting { due })]
    }

    /// A session played somewhere else (another terminal, `supple run`) ended: it counts as
    /// a break, and the countdown starts again from the full interval.
    pub fn break_elsewhere(&mut self, now: Duration) -> Vec<Event> {
        if self.state == State::OnBreak {
            return Vec::new();
        }
        self.taken += 1;
        vec![self.wait(now, self.every, |due| Event::Waiting { due })]
    }

    fn wait(&mut self, now: Duration, due: Duration, event: fn(Duration) -> Event) -> Event {
        self.state = State::Waiting { due_at: now + due };
        event(due)
    }
}

#[cfg(test)]
mod tests;
