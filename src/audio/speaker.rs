//! The one thing the runtime knows about sound: a speaker that plays cues and can be muted.

use super::Cue;

/// Plays cues. Playing never fails and never blocks: a speaker that cannot sound stays quiet.
pub trait Speaker {
    /// Starts `cue` now, cutting short any cue still sounding (unless muted).
    fn play(&mut self, cue: Cue);
    fn set_muted(&mut self, muted: bool);
    fn is_muted(&self) -> bool;
}

/// A speaker that never makes a sound: no device, or sound turned off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Silent {
    muted: bool,
}

impl Speaker for Silent {
    fn play(&mut self, _cue: Cue) {}

    fn set_muted(&mut self, muted: bool) {
        self.muted = muted;
    }

    fn is_muted(&self) -> bool {
        self.muted
    }
}

/// A speaker for tests: remembers every cue it would have sounded, in order (none while muted).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recorder {
    muted: bool,
    heard: Vec<Cue>,
}

impl Recorder {
    /// Every cue played while not muted, oldest first.
    pub fn heard(&self) -> &[Cue] {
        &self.heard
    }
}

impl Speaker for Recorder {
    fn play(&mut self, cue: Cue) {
        if !self.muted {
            self.heard.push(cue);
        }
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
    fn the_silent_speaker_remembers_only_muting() {
        let mut speaker = Silent::default();
        speaker.play(Cue::Tick);
        speaker.set_muted(true);
        assert!(speaker.is_muted());
    }
}
