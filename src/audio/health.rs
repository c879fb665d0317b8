//! Whether the sound device was lost mid-routine (its server went away, a speaker was
//! switched off), so the front ends can say so. One device per process, so one flag: it is
//! set on the audio library's own thread, which nothing else reaches.

use std::sync::atomic::{AtomicU8, Ordering};

const FINE: u8 = 0;
const LOST: u8 = 1;
const LOST_AND_SAID: u8 = 2;

static STATE: AtomicU8 = AtomicU8::new(FINE);

/// What the full screen shows while sound is lost.
pub const LOST_NOTICE: &str = "sound lost: trying again at each step";

/// Whether sound is lost now.
pub fn lost() -> bool {
    STATE.load(Ordering::SeqCst) != FINE
}

/// Whether a loss is still to be said; true once per loss, and taking it says it.
pub fn take_news() -> bool {
    STATE
        .compare_exchange(LOST, LOST_AND_SAID, Ordering::SeqCst, Ordering::SeqCst)
        .is_ok()
}

/// The device failed: sound is lost (if it was not already).
pub(crate) fn mark_lost() {
    let _ = STATE.compare_exchange(FINE, LOST, Ordering::SeqCst, Ordering::SeqCst);
}

/// The device opened again: sound is back.
pub(crate) fn mark_found() {
    STATE.store(FINE, Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loss_is_news_once_and_again_after_sound_came_back() {
        // The only test that touches the process-wide flag.
        assert!(!lost() && !take_news());
        mark_lost();
        mark_lost();
        assert!(lost());
        assert!(take_news());
        assert!(!take_news(), "said once");
        mark_lost();
        assert!(!take_news(), "still the same loss");
        mark_found();
        assert!(!lost());
        mark_lost();
        assert!(take_news());
        mark_found();
    }
}
