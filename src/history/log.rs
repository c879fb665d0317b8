//! The play path's recorder: listens to the loop's events beside the sound, and keeps each
//! run that ends in the history (and where it stopped, for a resume). The one place a run is
//! recorded, whichever front end shows it.

use std::time::Duration;

use super::record::{Ending, Stamp};
use super::recording::{Ended, Notes, Recording};
use super::resume::{Point, Resume};
use super::store::History;
use crate::runtime::{Cues, Outcome};
use crate::session::{Session, Stamped};

/// How the history names the way a run ended.
pub fn ending(outcome: Outcome) -> Ending {
    match outcome {
        Outcome::Finished => Ending::Finished,
        Outcome::Quit => Ending::Quit,
        Outcome::Signalled => Ending::Interrupted,
    }
}

/// Cues that also record: every event reaches the sound unchanged.
pub struct Recorded<C: Cues> {
    cues: C,
    recording: Recording,
    /// `None` with `--no-log` or `log: false`.
    history: Option<History>,
    resume: Resume,
    /// The first failure to record, said once when the run is over.
    warning: Option<String>,
    /// The local time now (a fixed clock in tests).
    wall: fn() -> jiff::ZonedDateTime,
}

impl<C: Cues> Recorded<C> {
    pub fn new(cues: C, notes: Notes, history: Option<History>, resume: Resume) -> Self {
        Recorded {
            cues,
            recording: Recording::new(notes),
            history,
            resume,
            warning: None,
            wall: jiff::ZonedDateTime::now,
        }
    }

    /// Uses `wall` for the local time instead of the system's clock.
    pub fn with_wall_clock(mut self, wall: fn() -> jiff::ZonedDateTime) -> Self {
        self.wall = wall;
        self
    }

    pub fn cues(&self) -> &C {
        &self.cues
    }

    /// The loop ended with `outcome`: the run in progress (if one started) is kept.
    pub fn finish(&mut self, outcome: Outcome) {
        let wall = (self.wall)();
        if let Some(ended) = self.recording.finish(ending(outcome), &wall) {
            self.keep(ended, &wall);
        }
    }

    /// Why the history could not be written, if it could not (said once).
    pub fn warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    fn keep(&mut self, ended: Ended, wall: &jiff::ZonedDateTime) {
        let Ended { record, stopped_at } = ended;
        let point = stopped_at.map(|(step, name)| Point {
            step,
            name,
            at: Stamp::from_zoned(wall),
        });
        self.resume.set(&record.routine, point);
        let Some(history) = &self.history else { return };
        if let Err(error) = history.append(&record)
            && self.warning.is_none()
        {
            self.warning = Some(format!(
                "could not record this session in {}: {error}",
                crate::format::printable(&history.path().display().to_string())
            ));
        }
    }
}

/// Cues that keep each run: the picker ends every run it plays this way.
pub trait RunLog: Cues {
    /// The loop of one run ended with `outcome`.
    fn finish(&mut self, outcome: Outcome);
}

/// No sound and no history: nothing to keep.
impl RunLog for crate::runtime::Silence {
    fn finish(&mut self, _: Outcome) {}
}

impl<C: Cues> RunLog for Recorded<C> {
    fn finish(&mut self, outcome: Outcome) {
        Recorded::finish(self, outcome);
    }
}

impl<C: Cues> Cues for Recorded<C> {
    fn on_events(&mut self, session: &Session, events: &[Stamped], now: Duration) {
        let clock = self.wall;
        if let Some(ended) = self.recording.observe(session, events, now, &clock) {
            self.keep(ended, &clock());
        }
        self.cues.on_events(session, events, now);
    }

    fn wake_at(&self, session: &Session, now: Duration) -> Option<Duration> {
        self.cues.wake_at(session, now)
    }

    fn wake(&mut self, session: &Session, now: Duration) {
        self.cues.wake(session, now);
    }

    fn toggle_mute(&mut self) -> bool {
        self.cues.toggle_mute()
    }

    fn cycle_voice(&mut self) -> Option<crate::config::Voice> {
        self.cues.cycle_voice()
    }

    fn voice(&self) -> Option<crate::config::Voice> {
        self.cues.voice()
    }
}

#[cfg(test)]
mod tests;
