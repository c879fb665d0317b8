//! The one thing the runtime knows about sound: a speaker that plays cues and spoken phrases,
//! and can be muted.

use std::sync::Arc;
use std::time::Duration;

use super::Cue;

/// Plays cues. Playing never fails and never blocks: a speaker that cannot sound stays quiet.
pub trait Speaker {
    /// Starts `cue` now, cutting short any cue still sounding (unless muted).
    fn play(&mut self, cue: Cue);
    fn set_muted(&mut self, muted: bool);
    fn is_muted(&self) -> bool;
    /// How long the last cue played will still sound: a program about to exit waits this
    /// long so the last cue (the finished chime) is heard whole.
    fn ringing(&self) -> std::time::Duration {
        std::time::Duration::ZERO
    }
    /// Starts a spoken phrase (`samples`, mono at the cues' rate) `after` from now, beside the
    /// cues: a cue never cuts it, a newer phrase does (unless muted).
    fn say(&mut self, samples: &Arc<[f32]>, after: Duration);
    /// Stops any phrase still sounding or waiting to, at once.
    fn hush(&mut self);
}

/// A speaker that never makes a sound: no device, or sound turned off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Silent {
    muted: bool,
}

impl Speaker for Silent {
    fn play(&mut self, _cue: Cue) {}

    fn say(&mut self, _samples: &Arc<[f32]>, _after: Duration) {}

    fn hush(&mut self) {}

    fn set_muted(&mut self, muted: bool) {
        self.muted = muted;
    }

    fn is_muted(&self) -> bool {
        self.muted
    }
}

/// A speaker for tests: remembers every cue it would have sounded, in order (none while
/// muted), and what it was told to say and hush.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recorder {
    muted: bool,
    heard: Vec<Cue>,
    spoken: Vec<Spoken>,
}

/// What a [`Recorder`] was asked to do with speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spoken {
    /// A phrase of this many samples, starting this long after the call.
    Say {
        samples: usize,
        after: Duration,
    },
    Hush,
}

impl Recorder {
    /// Every cue played while not muted, oldest first.
    pub fn heard(&self) -> &[Cue] {
        &self.heard
    }

    /// Every phrase started while not muted, and every hush, oldest first.
    pub fn spoken(&self) -> &[Spoken] {
        &self.spoken
    }
}

impl Speaker for Recorder {
    fn play(&mut self, cue: Cue) {
        if !self.muted {
            self.heard.push(cue);
        }
    }

    fn say(&mut self, samples: &Arc<[f32]>, after: Duration) {
        if !self.muted {
            self.spoken.push(Spoken::Say {
                samples: samples.len(),
                after,
            });
        }
    }

    fn hush(&mut self) {
        self.spoken.push(Spoken::Hush);
    }

    fn set_muted(&mut self, muted: bool) {
        self.muted = muted;
    }

    fn is_muted(&self) -> bool {
        self.muted
    }
}

/// Lets a run choose its speaker at start-up (a device, or silence) behind one type.
impl<S: Speaker + ?Sized> Speaker for Box<S> {
    fn play(&mut self, cue: Cue) {
        (**self).play(cue);
    }

    fn set_muted(&mut self, muted: bool) {
        (**self).set_muted(muted);
    }

    fn is_muted(&self) -> bool {
        (**self).is_muted()
    }

    fn ringing(&self) -> std::time::Duration {
        (**self).ringing()
    }

    fn say(&mut self, samples: &Arc<[f32]>, after: Duration) {
        (**self).say(samples, after);
    }

    fn hush(&mut self) {
        (**self).hush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recorder_hears_cues_in_order_except_while_muted() {
        let mut speaker = Recorder::default();
        speaker.play(Cue::HoldStart);
        speaker.set_muted(true);
        assert!(speaker.is_muted());
        speaker.play(Cue::Tick);
        speaker.set_muted(false);
        speaker.play(Cue::Finished);
        assert_eq!(speaker.heard(), &[Cue::HoldStart, Cue::Finished]);
    }

    #[test]
    fn the_recorder_remembers_phrases_and_hushes_but_no_phrase_while_muted() {
        let mut speaker = Recorder::default();
        let phrase: Arc<[f32]> = vec![0.0; 10].into();
        speaker.say(&phrase, Duration::from_secs(1));
        speaker.set_muted(true);
        speaker.say(&phrase, Duration::ZERO);
        speaker.hush();
        assert_eq!(
            speaker.spoken(),
            &[
                Spoken::Say {
                    samples: 10,
                    after: Duration::from_secs(1)
                },
                Spoken::Hush
            ]
        );
    }

    #[test]
    fn the_silent_speaker_remembers_only_muting() {
        let mut speaker = Silent::default();
        speaker.play(Cue::Tick);
        speaker.set_muted(true);
        assert!(speaker.is_muted());
    }
}
