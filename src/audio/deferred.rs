//! A speaker for a run that starts muted: the sound device is opened only when sound is
//! first wanted. Opening it maps the audio libraries (alsa-lib, and through its plugin
//! libpulse with a dozen more), megabytes that a muted run would carry for nothing.

use std::sync::Arc;
use std::time::Duration;

use super::speaker::{Silent, Speaker};
use super::{Cue, NoDevice};

/// Opens the device when asked: the real one, or a stand-in in tests. The real one tells
/// the front ends when there is none (`health::mark_missing`).
pub type Opener = Box<dyn FnMut() -> Result<Box<dyn Speaker>, NoDevice>>;

/// Muted until unmuted; the first unmute opens the device, or finds there is none.
pub struct OpenOnUnmute {
    open: Opener,
    state: State,
}

enum State {
    /// Not opened yet, so muted.
    Closed,
    /// Opened, or found missing and so silent for good.
    Opened(Box<dyn Speaker>),
}

impl OpenOnUnmute {
    pub fn new(open: Opener) -> OpenOnUnmute {
        OpenOnUnmute {
            open,
            state: State::Closed,
        }
    }

    fn opened(&mut self) -> Option<&mut Box<dyn Speaker>> {
        match &mut self.state {
            State::Closed => None,
            State::Opened(speaker) => Some(speaker),
        }
    }
}

impl Speaker for OpenOnUnmute {
    fn play(&mut self, cue: Cue) {
        if let Some(speaker) = self.opened() {
            speaker.play(cue);
        }
    }

    fn set_muted(&mut self, muted: bool) {
        if let State::Closed = self.state {
            if muted {
                return;
            }
            let speaker = (self.open)().unwrap_or_else(|_| Box::new(Silent::default()));
            self.state = State::Opened(speaker);
        }
        if let Some(speaker) = self.opened() {
            speaker.set_muted(muted);
        }
    }

    fn is_muted(&self) -> bool {
        match &self.state {
            State::Closed => true,
            State::Opened(speaker) => speaker.is_muted(),
        }
    }

    fn ringing(&self) -> Duration {
        match &self.state {
            State::Closed => Duration::ZERO,
            State::Opened(speaker) => speaker.ringing(),
        }
    }

    fn say(&mut self, samples: &Arc<[f32]>, after: Duration) {
        if let Some(speaker) = self.opened() {
            speaker.say(samples, after);
        }
    }

    fn hush(&mut self) {
        if let Some(speaker) = self.opened() {
            speaker.hush();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    use super::*;
    use crate::audio::Recorder;

    /// A speaker whose device is a recorder, and how many times it was opened.
    fn counted(works: bool) -> (OpenOnUnmute, Rc<Cell<u32>>) {
        let opened = Rc::new(Cell::new(0));
        let count = Rc::clone(&opened);
        let speaker = OpenOnUnmute::new(Box::new(move || {
            count.set(count.get() + 1);
            match works {
                true => Ok(Box::new(Recorder::default())),
                false => Err(NoDevice {
                    reason: "none here".into(),
                }),
            }
        }));
        (speaker, opened)
    }

    #[test]
    fn a_muted_run_never_opens_the_device() {
        let (mut speaker, opened) = counted(true);
        speaker.play(Cue::HoldStart);
        speaker.set_muted(true);
        speaker.say(&Arc::from(vec![0.0; 4]), Duration::ZERO);
        speaker.hush();
        assert!(speaker.is_muted());
        assert_eq!(speaker.ringing(), Duration::ZERO);
        assert_eq!(opened.get(), 0);
    }

    #[test]
    fn the_first_unmute_opens_the_device_once_and_later_ones_toggle_it() {
        let (mut speaker, opened) = counted(true);
        speaker.set_muted(false);
        assert!(!speaker.is_muted());
        speaker.set_muted(true);
        assert!(speaker.is_muted());
        speaker.set_muted(false);
        speaker.play(Cue::Finished);
        assert_eq!(opened.get(), 1);
    }

    #[test]
    fn no_device_found_on_unmute_leaves_it_silent_without_trying_again() {
        let (mut speaker, opened) = counted(false);
        speaker.set_muted(false);
        speaker.play(Cue::Tick);
        speaker.set_muted(true);
        speaker.set_muted(false);
        assert!(!speaker.is_muted(), "unmuted, though nothing sounds");
        assert_eq!(opened.get(), 1, "not tried again at each unmute");
    }
}
