//! Whether the sound device was lost mid-routine (its server went away, a speaker was
//! switched off), so the front ends can say so. One device per process, so one flag: it is
//! set on the audio library's own thread, which nothing else reaches.

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

/// What the full screen shows while sound is lost.
pub const LOST_NOTICE: &str = "sound lost: trying again at each step";

/// The process's one flag. Tests of the flag itself make their own, so that no test can
/// make another's screen say that sound was lost.
static HEALTH: Health = Health::new();

/// Whether sound is lost now.
pub fn lost() -> bool {
    HEALTH.lost()
}

/// Whether a loss is still to be said; true once per loss, and taking it says it.
pub fn take_news() -> bool {
    HEALTH.take_news()
}

/// The device failed: sound is lost (if it was not already).
pub(crate) fn mark_lost() {
    HEALTH.mark_lost();
}

/// The device opened again: sound is back.
pub(crate) fn mark_found() {
    HEALTH.mark_found();
}

/// What the front ends say once when sound is wanted and there is no device.
pub const NO_DEVICE: &str = "no sound device, running silently";

/// A muted run found no sound device as it was unmuted (see `OpenOnUnmute`); true once.
pub fn take_missing() -> bool {
    // Asked on every wake-up: a plain read first, so that no write is made in vain.
    if !MISSING.load(Ordering::Relaxed) {
        return false;
    }
    MISSING.swap(false, Ordering::SeqCst)
}

static MISSING: AtomicBool = AtomicBool::new(false);

pub(crate) fn mark_missing() {
    MISSING.store(true, Ordering::SeqCst);
}

struct Health(AtomicU8);

const FINE: u8 = 0;
const LOST: u8 = 1;
const LOST_AND_SAID: u8 = 2;

impl Health {
    const fn new() -> Health {
        Health(AtomicU8::new(FINE))
    }

    fn lost(&self) -> bool {
        self.0.load(Ordering::SeqCst) != FINE
    }

    fn take_news(&self) -> bool {
        self.0
            .compare_exchange(LOST, LOST_AND_SAID, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    }

    fn mark_lost(&self) {
        let _ = self
            .0
            .compare_exchange(FINE, LOST, Ordering::SeqCst, Ordering::SeqCst);
    }

    fn mark_found(&self) {
        self.0.store(FINE, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loss_is_news_once_and_again_after_sound_came_back() {
        let health = Health::new();
        assert!(!health.lost() && !health.take_news());
        health.mark_lost();
        health.mark_lost();
        assert!(health.lost());
        assert!(health.take_news());
        assert!(!health.take_news(), "said once");
        health.mark_lost();
        assert!(!health.take_news(), "still the same loss");
        health.mark_found();
        assert!(!health.lost());
        health.mark_lost();
        assert!(health.take_news());
    }
}
