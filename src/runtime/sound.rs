//! Cues and speech for a run: follows the session's phases on the loop's clock and plays
//! each cue and phrase once, on time, through a speaker.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use super::Cues;
use crate::audio::schedule::{LATE, next_cue, start_cue};
use crate::audio::{Cue, CueCursor, Speaker};
use crate::config::Voice;
use crate::session::{Event, Plan, Session, Stamped, Status};
use crate::speech::cache::Cache;
use crate::speech::place::{self, GAP};
use crate::speech::{Bank, Program, Schedule, program};

/// A phrase whose samples are not rendered yet when it falls due is waited for this long,
/// then left out (its `say` event is written either way).
pub const WAIT: Duration = Duration::from_millis(300);

/// How often a waiting phrase looks again for its samples.
const LOOK_AGAIN: Duration = Duration::from_millis(50);

/// One phrase as it was said: routine time and words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub t: Duration,
    pub text: String,
}

/// Where the speech leaves what it said, for a front end to show (`say` events). Shared by
/// the sound and the front end of one run, on the loop's thread.
#[derive(Debug, Clone, Default)]
pub struct SaidLog(Rc<RefCell<Vec<Said>>>);

impl SaidLog {
    fn push(&self, said: Said) {
        self.0.borrow_mut().push(said);
    }

    /// Everything said since the last call, oldest first.
    pub fn take(&self) -> Vec<Said> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

/// Spoken guidance for a run.
pub struct Speech {
    voice: Voice,
    program: Option<Program>,
    cache: Option<Cache>,
    /// How long each cue sounds, for placing phrases between them.
    cue_lens: [Duration; Cue::COUNT],
    /// Heard only at speed 1: sped up, phrases would no longer fit between the cues. Their
    /// `say` events are written at every speed.
    audible: bool,
    said: SaidLog,
    /// The plan the schedule is for (a picker plays several), and its phrases.
    plan: Option<Plan>,
    schedule: Schedule,
    bank: Bank,
    /// Rendering has started for this plan.
    rendering: bool,
    /// Offset in the running phase from which phrases are still to come.
    from: Duration,
    waiting: Option<Waiting>,
}

/// A phrase due but not yet rendered.
#[derive(Debug, Clone)]
struct Waiting {
    words: String,
    /// Driver time at which it was due, and the room it had then.
    due: Duration,
    room: Option<Duration>,
}

impl Speech {
    /// Speech at `voice` through `program` (none: `say` events only), placed between cues
    /// lasting `cue_lens` (see [`crate::audio::sounds::lengths`]). Each plan's phrases are
    /// rendered as it starts.
    pub fn new(
        voice: Voice,
        program: Option<Program>,
        cache: Option<Cache>,
        cue_lens: [Duration; Cue::COUNT],
        audible: bool,
        said: SaidLog,
    ) -> Self {
        let rate = program.as_ref().and_then(|p| p.rate);
        Speech {
            voice,
            program,
            cache,
            cue_lens,
            audible,
            said,
            plan: None,
            schedule: Schedule::default(),
            bank: Bank::empty(rate),
            rendering: false,
            from: Duration::ZERO,
            waiting: None,
        }
    }

    /// With phrases already rendered (tests): nothing is rendered in the background.
    pub fn with_bank(mut self, bank: Bank) -> Self {
        self.bank = bank;
        self.rendering = true;
        self.program = None;
        self
    }

    /// A new plan starts: place its phrases, and start rendering them if they will be said.
    fn start(&mut self, plan: &Plan) {
        if self.plan.as_ref() != Some(plan) {
            let lens = self.cue_lens;
            self.schedule = place::schedule(plan, |cue| lens[cue.index()]);
            self.plan = Some(plan.clone());
            if self.program.is_some() {
                self.rendering = false;
            }
        }
        self.render();
    }

    /// Starts rendering the plan's phrases, once, when there is something to say them with.
    /// Sped up, nothing is heard, but the rendered lengths still choose the words, as in an
    /// export.
    fn render(&mut self) {
        if self.rendering || self.voice == Voice::Off {
            return;
        }
        if let Some(program) = &self.program {
            self.rendering = true;
            self.bank = Bank::start(program.clone(), self.cache.clone(), self.schedule.texts());
        }
    }
}

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

    fn speech_wake(&mut self, session: &Session, now: Duration) {
        let Some(speech) = &mut self.speech else {
            return;
        };
        let progress = session.progress(now);
        let phase = session.current_phase();
        let planned = session.plan().phases[progress.phase].len;
        let elapsed = progress.phase_elapsed;
        for placed in speech.schedule.in_phase(progress.phase) {
            if placed.offset < speech.from || placed.offset > elapsed {
                continue;
            }
            // Offsets are whole milliseconds at least, so one nanosecond on is "after".
            speech.from = placed.offset + Duration::from_nanos(1);
            let late = elapsed - placed.offset;
            if placed.phrase.timed && progress.phase_len != planned {
                continue;
            }
            // Time added or taken moves this phase's ticks: the room is what is left now.
            let before_cue = next_cue(phase.kind, progress.phase_len, placed.offset)
                .map(|(at, _)| at.saturating_sub(placed.offset + GAP));
            let room = match (placed.room, before_cue) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let bank = &speech.bank;
            let Some(words) = placed.words_within(speech.voice, room, |text| bank.len(text)) else {
                continue;
            };
            speech.said.push(Said {
                t: progress.t - late,
                text: words.to_string(),
            });
            // Overdue (a stalled loop, or a fast preview): written, never heard late.
            speech.waiting = (speech.audible && late <= LATE).then(|| Waiting {
                words: words.to_string(),
                due: now - late,
                room,
            });
        }
        // Say the phrase due now, or as soon as it is rendered, if it still fits.
        if let Some(waiting) = &speech.waiting {
            let late = now.saturating_sub(waiting.due);
            let room_left = waiting.room.map(|room| room.saturating_sub(late));
            if late > WAIT || session.status() != Status::Running {
                speech.waiting = None;
            } else if let Some(samples) = speech.bank.get(&waiting.words) {
                speech.waiting = None;
                if room_left.is_none_or(|room| program::duration(&samples) <= room) {
                    self.speaker.say(&samples, Duration::ZERO);
                }
            }
        }
    }

    /// The closing words, after the finished chime has rung.
    fn closing(&mut self, session: &Session, stamped: &Stamped) {
        let Some(speech) = &mut self.speech else {
            return;
        };
        let Some(closing) = &speech.schedule.closing else {
            return;
        };
        let bank = &speech.bank;
        let Some(words) = closing.words(speech.voice, |text| bank.len(text)) else {
            return;
        };
        let after = closing.at.saturating_sub(session.plan().total());
        speech.said.push(Said {
            t: stamped.t + after,
            text: words.to_string(),
        });
        if speech.audible
            && let Some(samples) = bank.get(words)
        {
            self.speaker.say(&samples, after);
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
                    self.closing(session, stamped);
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
            .map(|_| now + LOOK_AGAIN);
        [cue, phrase, waiting].into_iter().flatten().min()
    }

    fn wake(&mut self, session: &Session, now: Duration) {
        if session.status() != Status::Running {
            return;
        }
        self.cues_wake(session, now);
        self.speech_wake(session, now);
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
