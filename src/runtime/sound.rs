//! Cues for a run: follows the session's phases on the loop's clock and plays each cue
//! once, on time, through a speaker.

use std::time::Duration;

use super::Cues;
use crate::audio::{Cue, CueCursor, Speaker};
use crate::session::{Event, Session, Stamped, Status};

pub struct Sound<S: Speaker> {
    speaker: S,
    cursor: CueCursor,
}

impl<S: Speaker> Sound<S> {
    pub fn new(speaker: S) -> Self {
        Sound {
            speaker,
            cursor: CueCursor::new(),
        }
    }

    pub fn speaker(&self) -> &S {
        &self.speaker
    }
}

impl<S: Speaker> Cues for Sound<S> {
    fn on_events(&mut self, session: &Session, events: &[Stamped], now: Duration) {
        for stamped in events {
            match stamped.event {
                Event::Phase { .. } => self.cursor = CueCursor::new(),
                Event::Done { .. } => self.speaker.play(Cue::Finished),
                _ => {}
            }
        }
        // A phase's opening cue is due at once.
        self.wake(session, now);
    }

    fn wake_at(&self, session: &Session, now: Duration) -> Option<Duration> {
        if session.status() != Status::Running || self.speaker.is_muted() {
            return None;
        }
        let progress = session.progress(now);
        let kind = session.current_phase().kind;
        let (at, _) = self.cursor.peek(kind, progress.phase_len)?;
        // Phase offsets are routine time, which runs with the driver's clock while running.
        Some(now + at.saturating_sub(progress.phase_elapsed))
    }

    fn wake(&mut self, session: &Session, now: Duration) {
        if session.status() != Status::Running {
            return;
        }
        let progress = session.progress(now);
        let kind = session.current_phase().kind;
        if let Some(cue) = self
            .cursor
            .due(kind, progress.phase_len, progress.phase_elapsed)
        {
            self.speaker.play(cue);
        }
    }

    fn toggle_mute(&mut self) -> bool {
        let muted = !self.speaker.is_muted();
        self.speaker.set_muted(muted);
        muted
    }
}
