//! The loop's timer. A real run waits on a timerfd of its own, which wakes the loop once
//! per deadline: tokio's timer wheel, for a wait that ends in its next 64 ms block, wakes
//! twice (once to move the timer down a level), and each new sleep writes its eventfd, which
//! costs another wake-up at once. At twenty pacer frames a second that was a third of what
//! breathing cost. Unit tests keep tokio's timer, which their paused clock drives.

use std::os::fd::OwnedFd;

use rustix::time::{
    Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec, timerfd_create,
    timerfd_settime,
};
use tokio::io::Interest;
use tokio::io::unix::AsyncFd;
use tokio::time::Instant;

/// Waits until an instant of the loop's clock.
pub struct Alarm {
    /// `None`: tokio's timer (under test, or when the system gives no timerfd).
    timerfd: Option<AsyncFd<OwnedFd>>,
}

impl Alarm {
    /// tokio's timer, which a paused clock drives.
    pub fn tokio() -> Alarm {
        Alarm { timerfd: None }
    }

    /// A timerfd, when the system gives one; else tokio's timer. Call inside the tokio
    /// runtime, with its I/O driver on.
    pub fn precise() -> Alarm {
        let timerfd = timerfd_create(
            TimerfdClockId::Monotonic,
            TimerfdFlags::NONBLOCK | TimerfdFlags::CLOEXEC,
        )
        .ok()
        .and_then(|fd| {
            // SAFETY: the `OwnedFd` is the timerfd's one owner, moved into the `AsyncFd`, so
            // it stays open and the same descriptor for as long as the `AsyncFd` lives.
            unsafe { AsyncFd::register_with_interest(fd, Interest::READABLE) }.ok()
        });
        Alarm { timerfd }
    }

    /// Returns at `at` or soon after, never before. Dropping the future midway is fine: the
    /// next wait sets the timer anew, and a stale expiry is never taken for its own.
    pub async fn sleep_until(&mut self, at: Instant) {
        let Some(timerfd) = &self.timerfd else {
            return tokio::time::sleep_until(at).await;
        };
        let wait = at.saturating_duration_since(Instant::now());
        if wait.is_zero() {
            return;
        }
        // Relative to now: the wait was measured before the timer is set, so it can only end
        // late by the time between the two, never early.
        let timer = Itimerspec {
            it_interval: Timespec {
                tv_sec: 0,
                tv_nsec: 0,
            },
            it_value: Timespec {
                tv_sec: wait.as_secs() as _,
                tv_nsec: wait.subsec_nanos().into(),
            },
        };
        if timerfd_settime(timerfd.get_ref(), TimerfdTimerFlags::empty(), &timer).is_err() {
            return tokio::time::sleep_until(at).await;
        }
        loop {
            let Ok(mut ready) = timerfd.readable().await else {
                return tokio::time::sleep_until(at).await;
            };
            // The expiry is not read: setting the timer again clears it, and each expiry is
            // an edge of its own for the reactor. A read would be one more system call a
            // frame. (A repeating timerfd would spare setting it each frame, but the kernel
            // sets a repeating timerfd again only as it is read: the same one call.) Readiness left from an earlier wait only makes this look at the clock.
            ready.clear_ready();
            if Instant::now() >= at {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    /// A real clock: these few tests wait milliseconds of real time.
    fn real_time<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(future)
    }

    #[test]
    fn a_timerfd_wakes_at_the_deadline_and_never_before() {
        real_time(async {
            let mut alarm = Alarm::precise();
            assert!(alarm.timerfd.is_some(), "Linux gives a timerfd");
            for wait in [1, 7, 30] {
                let start = Instant::now();
                alarm.sleep_until(start + Duration::from_millis(wait)).await;
                let waited = start.elapsed();
                assert!(waited >= Duration::from_millis(wait), "{waited:?}");
                // Only a hang could break this.
                assert!(waited < Duration::from_secs(5), "{waited:?}");
            }
        });
    }

    #[test]
    fn a_wait_given_up_leaves_nothing_that_ends_the_next_one_early() {
        real_time(async {
            let mut alarm = Alarm::precise();
            let start = Instant::now();
            tokio::select! {
                _ = alarm.sleep_until(start + Duration::from_millis(5)) => panic!("not yet"),
                _ = std::future::ready(()) => {}
            }
            // The first wait's expiry would have come by now.
            std::thread::sleep(Duration::from_millis(10));
            let next = Instant::now() + Duration::from_millis(40);
            alarm.sleep_until(next).await;
            assert!(Instant::now() >= next);
        });
    }

    #[test]
    fn a_deadline_already_past_returns_at_once() {
        real_time(async {
            let mut alarm = Alarm::precise();
            let past = Instant::now();
            std::thread::sleep(Duration::from_millis(1));
            alarm.sleep_until(past).await;
        });
    }
}
