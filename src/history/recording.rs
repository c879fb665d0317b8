//! Turns a session's events into the history record of each run, however the run ends.
//! Fed by the play path with every event the loop delivers, so every front end records
//! the same way.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use super::record::{Ending, Record, Stamp, VERSION};
use crate::session::{Event, Session, Stamped, Status};

/// What the screens learn about a run that the engine does not know: the routine's name
/// and the stiffness ratings. Shared between the screens that ask and the recorder.
#[derive(Debug, Clone, Default)]
pub struct Notes(Rc<RefCell<Noted>>);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Noted {
    routine: String,
    before: Option<u8>,
    after: Option<u8>,
}

impl Notes {
    pub fn new(routine: &str) -> Notes {
        let notes = Notes::default();
        notes.set_routine(routine);
        notes
    }

    /// The routine about to play (the picker plays several).
    pub fn set_routine(&self, routine: &str) {
        let mut noted = self.0.borrow_mut();
        routine.clone_into(&mut noted.routine);
        noted.before = None;
        noted.after = None;
    }

    pub fn routine(&self) -> String {
        self.0.borrow().routine.clone()
    }

    pub fn set_before(&self, rating: Option<u8>) {
        self.0.borrow_mut().before = rating;
    }

    pub fn set_after(&self, rating: Option<u8>) {
        self.0.borrow_mut().after = rating;
    }

    pub fn before(&self) -> Option<u8> {
        self.0.borrow().before
    }

    pub fn after(&self) -> Option<u8> {
        self.0.borrow().after
    }
}

/// A run that has ended: its record, and the step it stopped in when it stopped early.
#[derive(Debug, Clone, PartialEq)]
pub struct Ended {
    pub record: Record,
    /// 0-based step and its name, when the run ended before its end.
    pub stopped_at: Option<(usize, String)>,
}

/// Follows the runs of one loop: a start begins a run, and the next start (the summary's
/// "again") or the end of the loop ends it.
#[derive(Debug, Default)]
pub struct Recording {
    notes: Notes,
    run: Option<Run>,
}

#[derive(Debug, Clone)]
struct Run {
    routine: String,
    title: String,
    start: Stamp,
    planned: Duration,
    steps: usize,
    step: usize,
    step_name: String,
    completed: usize,
    skipped: usize,
    active: Duration,
    paused: Duration,
    status: Status,
}

impl Recording {
    pub fn new(notes: Notes) -> Recording {
        Recording { notes, run: None }
    }

    /// Takes in what the session just did at driver time `now` (`wall` tells the local
    /// time, asked only when a run starts). Returns the run that a new start just ended.
    pub fn observe(
        &mut self,
        session: &Session,
        events: &[Stamped],
        now: Duration,
        wall: &dyn Fn() -> jiff::ZonedDateTime,
    ) -> Option<Ended> {
        let mut ended = None;
        for stamped in events {
            if stamped.event == Event::Start {
                let wall = wall();
                let wall = &wall;
                let ending = self.run.as_ref().map(|run| match run.status {
                    Status::Done => Ending::Finished,
                    _ => Ending::Quit,
                });
                if let Some(ending) = ending {
                    ended = self.finish(ending, wall);
                    // A new run is rated afresh.
                    self.notes.set_before(None);
                    self.notes.set_after(None);
                }
                let plan = session.plan();
                self.run = Some(Run {
                    routine: self.notes.routine(),
                    title: plan.routine.title.clone(),
                    start: Stamp::from_zoned(wall),
                    planned: plan.planned(),
                    steps: plan.step_count(),
                    step: plan.first_step(),
                    step_name: String::new(),
                    completed: 0,
                    skipped: 0,
                    active: Duration::ZERO,
                    paused: Duration::ZERO,
                    status: Status::Running,
                });
            }
        }
        let Some(run) = &mut self.run else {
            return ended;
        };
        let (completed, skipped) = session.completed_and_skipped();
        run.completed = completed;
        run.skipped = skipped;
        run.paused = session.paused(now);
        run.status = session.status();
        let step = session.progress(now).step;
        if step != run.step || run.step_name.is_empty() {
            run.step = step;
            if let Some(step) = session.plan().routine.steps.get(step) {
                step.name.clone_into(&mut run.step_name);
            }
        }
        // The routine time stops at the end: take the end's own moment.
        let end = events.iter().rev().find_map(|stamped| match stamped.event {
            Event::Done { .. } | Event::Quit { .. } => Some(stamped.t),
            _ => None,
        });
        run.active = end.unwrap_or_else(|| session.routine_time(now));
        ended
    }

    /// Ends the run in progress (if one started) as `ending`, at local time `wall`.
    pub fn finish(&mut self, ending: Ending, wall: &jiff::ZonedDateTime) -> Option<Ended> {
        let run = self.run.take()?;
        // A run whose session finished counts as finished, whatever ended the loop after.
        let ending = if run.status == Status::Done {
            Ending::Finished
        } else {
            ending
        };
        let record = Record {
            v: VERSION,
            routine: run.routine,
            title: run.title,
            start: run.start,
            end: Stamp::from_zoned(wall),
            planned: seconds(run.planned),
            active: seconds(run.active),
            paused: seconds(run.paused),
            steps: count(run.steps),
            completed: count(run.completed),
            skipped: count(run.skipped),
            outcome: ending,
            before: self.notes.before(),
            after: self.notes.after(),
        };
        let stopped_at = (ending != Ending::Finished).then_some((run.step, run.step_name));
        Some(Ended { record, stopped_at })
    }
}

fn seconds(time: Duration) -> f64 {
    crate::format::json_seconds(time)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
