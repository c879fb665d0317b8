//! Spoken guidance for a run: places a plan's phrases as it starts, says each one due on the
//! loop's clock through the speaker, and leaves what it said for the front end.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use crate::audio::schedule::{LATE, next_cue};
use crate::audio::{Cue, Speaker};
use crate::config::Voice;
use crate::session::{Plan, Session, Stamped, Status};
use crate::speech::cache::Cache;
use crate::speech::place::{self, GAP};
use crate::speech::{Bank, Program, Schedule, program};

/// A phrase whose samples are not rendered yet when it falls due is waited for this long,
/// then left out (its `say` event is written either way).
pub const WAIT: Duration = Duration::from_millis(300);

/// How often a waiting phrase looks again for its samples.
pub(super) const LOOK_AGAIN: Duration = Duration::from_millis(50);

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
    pub(super) voice: Voice,
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
    pub(super) schedule: Schedule,
    bank: Bank,
    /// Rendering has started for this plan.
    rendering: bool,
    /// Offset in the running phase from which phrases are still to come.
    pub(super) from: Duration,
    pub(super) waiting: Option<Waiting>,
}

/// A phrase due but not yet rendered.
#[derive(Debug, Clone)]
pub(super) struct Waiting {
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
    pub(super) fn start(&mut self, plan: &Plan) {
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
    pub(super) fn render(&mut self) {
        if self.rendering || self.voice == Voice::Off {
            return;
        }
        if let Some(program) = &self.program {
            self.rendering = true;
            self.bank = Bank::start(program.clone(), self.cache.clone(), self.schedule.texts());
        }
    }

    /// Says the phrases due now in the running phase (and writes what it says).
    pub(super) fn wake(&mut self, session: &Session, now: Duration, speaker: &mut impl Speaker) {
        let speech = self;
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
                    speaker.say(&samples, Duration::ZERO);
                }
            }
        }
    }

    /// The closing words, after the finished chime has rung.
    pub(super) fn closing(
        &mut self,
        session: &Session,
        stamped: &Stamped,
        speaker: &mut impl Speaker,
    ) {
        let speech = self;
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
            speaker.say(&samples, after);
        }
    }
}
