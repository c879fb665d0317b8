//! Telling a sound device gone from a hiccup, from the errors its stream reports.

use std::time::{Duration, Instant};

use rodio::cpal;

/// Errors closer together than this belong to one run of failures.
const STORM: Duration = Duration::from_millis(150);

/// A run of failures this long is a device gone, not a hiccup.
const GONE_AFTER: Duration = Duration::from_millis(500);

/// How long cpal's audio thread waits after each failure in a run (see [`Failures`]).
pub(super) const FAILED_PAUSE: Duration = Duration::from_millis(100);

/// The stream's errors as cpal's audio thread reports them, to tell a device gone from a
/// hiccup. None is ever printed (rodio's default would print over the screen). An underrun
/// on a busy machine, or a stray error as a sound server sets a stream up, passes by itself.
/// A device gone (a sound server killed, a speaker switched off) fails for good, and cpal's
/// thread then goes round again and fails again, tens of thousands of times a second, until
/// the stream is dropped. So from the second error of a run the thread waits a little after
/// each one, and a run that lasts is the device gone: the speaker drops the stream at its
/// next cue.
#[derive(Debug, Default, Clone)]
pub(super) struct Failures {
    /// When the current run of errors started, and its latest error.
    run: Option<(Instant, Instant)>,
    count: u32,
}

impl Failures {
    /// Counts an error at `now`; whether the device is gone.
    pub(super) fn failed(&mut self, kind: cpal::ErrorKind, now: Instant) -> bool {
        use cpal::ErrorKind::{DeviceNotAvailable, HostUnavailable, Xrun};
        match kind {
            DeviceNotAvailable | HostUnavailable => return true,
            Xrun => return false,
            _ => {}
        }
        match self.run {
            Some((start, last)) if now.duration_since(last) < STORM => {
                self.run = Some((start, now));
                self.count += 1;
            }
            _ => {
                self.run = Some((now, now));
                self.count = 1;
            }
        }
        self.run
            .is_some_and(|(start, _)| now.duration_since(start) >= GONE_AFTER)
    }

    /// Whether errors are coming one after another, so the thread should wait.
    pub(super) fn storming(&self) -> bool {
        self.count >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_error_or_two_is_a_hiccup_and_a_lasting_run_is_a_device_gone() {
        let start = Instant::now();
        let at = |ms| start + Duration::from_millis(ms);
        let other = cpal::ErrorKind::BackendError;
        let mut failures = Failures::default();
        assert!(!failures.failed(other, at(0)));
        assert!(!failures.storming());
        assert!(!failures.failed(other, at(1)));
        assert!(failures.storming(), "the second in a row waits");
        // A second later: a new run, and a hiccup again.
        assert!(!failures.failed(other, at(1000)));
        assert!(!failures.storming());
        // Errors every 100 ms (the thread waiting after each) for half a second.
        let gone = (1..=6).any(|n| failures.failed(other, at(1000 + 100 * n)));
        assert!(gone);
        // Underruns never count; a vanished device counts at once.
        let mut failures = Failures::default();
        assert!((0..100).all(|ms| !failures.failed(cpal::ErrorKind::Xrun, at(ms))));
        assert!(Failures::default().failed(cpal::ErrorKind::DeviceNotAvailable, at(0)));
    }
}
