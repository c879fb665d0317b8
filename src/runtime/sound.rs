//! Cues and speech for a run: follows the session's phases on the loop's clock and plays
//! each cue and phrase once, on time, through a speaker.

mod speech;

use std::time::Duration;

pub use speech::{Said, SaidLog, Speech, WAIT};

use super::Cues;
use crate::audio::schedule::start_cue;
use crate::audio::{Cue, CueCursor, Speaker};
use crate::config::Voice;
use crate::session::{Event, Session, Stamped, Status};

pub struct Sound<S: Speaker> {
    speaker: S,
    cursor: CueCursor,
    speech: Option<Speech>,
}

impl<S: Speaker> Sound<S> {
    pub fn new(speaker: S) -> Self {
        Sound {
            speaker,
            cursor: CueCursor::new(),
            speech: None,
        }
    }

    /// With spoken guidance.
    pub fn with_speech(speaker: S, speech: Speech) -> Self {
        Sound {
            speech: Some(speech),
            ..Sound::new(speaker)
        }
    }

    pub fn speaker(&self) -> &S {
        &self.speaker
    }

    fn hush(&mut self) {
        if let Some(speech) = &mut self.speech {
            speech.waiting = None;
        }
        self.speaker.hush();
    }

    fn cues_wake(&mut self, session: &Session, now: Duration) {
        let progress = session.progress(now);
        let kind = session.current_phase().kind;
        if let Some(cue) = self
            .cursor
            .due(kind, progress.phase_len, progress.phase_elapsed)
        {
            self.speaker.play(cue);
        }
    }
}

impl<S: Speaker> Cues for Sound<S> {
    fn on_events(&mut self, session: &Session, events: &[Stamped], now: Duration) {
        for stamped in events {
            match stamped.event {
                Event::Phase { index, .. } => {
                    self.cursor = CueCursor::new();
                    if let Some(speech) = &mut self.speech {
                        speech.from = Duration::ZERO;
                    }
                    // No phrase is planned across an opening cue; one left over is cut.
                    if start_cue(session.plan().phases[index].kind).is_some() {
                        self.hush();
                    }
                }
                Event::Start => {
                    self.hush();
                    if let Some(speech) = &mut self.speech {
                        speech.start(session.plan());
                    }
                }
                Event::Pause | Event::Skip { .. } | Event::Back { .. } | Event::Quit { .. } => {
                    self.hush()
                }
                Event::Done { .. } => {
                    self.hush();
                    self.speaker.play(Cue::Finished);
                    if let Some(speech) = &mut self.speech {
                        speech.closing(session, stamped, &mut self.speaker);
                    }
                }
                Event::Resume => {}
            }
        }
        // A phase's opening cue (and a phrase at its start) is due at once.
        self.wake(session, now);
    }

    fn wake_at(&self, session: &Session, now: Duration) -> Option<Duration> {
        if session.status() != Status::Running {
            return None;
        }
        let progress = session.progress(now);
        let kind = session.current_phase().kind;
        // Phase offsets are routine time, which runs with the driver's clock while running.
        let at_offset = |at: Duration| now + at.saturating_sub(progress.phase_elapsed);
        let cue = (!self.speaker.is_muted())
            .then(|| self.cursor.peek(kind, progress.phase_len))
            .flatten()
            .map(|(at, _)| at_offset(at));
        let speech = self.speech.as_ref().filter(|s| s.voice != Voice::Off);
        let phrase = speech.and_then(|speech| {
            let next = speech
                .schedule
                .in_phase(progress.phase)
                .iter()
                .find(|placed| placed.offset >= speech.from)?;
            Some(at_offset(next.offset))
        });
        let waiting = speech
            .and_then(|s| s.waiting.as_ref())
            .map(|_| now + speech::LOOK_AGAIN);
        [cue, phrase, waiting].into_iter().flatten().min()
    }

    fn wake(&mut self, session: &Session, now: Duration) {
        if session.status() != Status::Running {
            return;
        }
        // Muted, no cue is due: the cursor catches up when sound is back, and drops what
        // is by then too late to play.
        if !self.speaker.is_muted() {
            self.cues_wake(session, now);
        }
        if let Some(speech) = &mut self.speech {
            speech.wake(session, now, &mut self.speaker);
        }
    }

    fn toggle_mute(&mut self) -> bool {
        let muted = !self.speaker.is_muted();
        self.speaker.set_muted(muted);
        muted
    }

    fn voice(&self) -> Option<Voice> {
        self.speech.as_ref().map(|s| s.voice)
    }

    fn cycle_voice(&mut self) -> Option<Voice> {
        let speech = self.speech.as_mut()?;
        speech.voice = match speech.voice {
            Voice::Off => Voice::Names,
            Voice::Names => Voice::Full,
            Voice::Full => Voice::Off,
        };
        speech.render();
        let voice = speech.voice;
        if voice == Voice::Off {
            self.hush();
        }
        Some(voice)
    }
}

#[cfg(test)]
mod tests;
