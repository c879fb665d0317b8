//! The loop's timer. A real run waits on a timerfd of its own, which wakes the loop once
//! per deadline: tokio's timer wheel, for a wait that ends in its next 64 ms block, wakes
//! twice (once to move the timer down a level), and each new sleep writes its eventfd, which
//! costs another wake-up at once. At twenty pacer frames a second that was a third of what
//! breathing cost. The timerfd sits in the epoll set of the loop's own executor when the loop
//! runs on it (see `executor`), else in tokio's reactor. Unit tests keep tokio's timer, which
//! their paused clock drives.

use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use rustix::time::{
    Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec, timerfd_create,
    timerfd_settime,
};
use tokio::io::Interest;
use tokio::io::unix::AsyncFd;
use tokio::time::Instant;

/// Waits until an instant of the loop's clock.
pub struct Alarm {
    timer: Timer,
}

enum Timer {
    /// tokio's timer (under test, or when the system gives no timerfd).
    Tokio,
    /// A timerfd in the epoll set of the executor the loop runs on.
    Watched(OwnedFd),
    /// A timerfd in tokio's reactor.
    Reactor(AsyncFd<OwnedFd>),
}

impl Alarm {
    /// tokio's timer, which a paused clock drives.
    pub fn tokio() -> Alarm {
        Alarm {
            timer: Timer::Tokio,
        }
    }

    /// A timerfd, when the system gives one; else tokio's timer. Call inside the tokio
    /// runtime, with its I/O driver on, or on the loop's own executor.
    pub fn precise() -> Alarm {
        let Ok(fd) = timerfd_create(
            TimerfdClockId::Monotonic,
            TimerfdFlags::NONBLOCK | TimerfdFlags::CLOEXEC,
        ) else {
            return Alarm::tokio();
        };
        if super::executor::watch_edges(fd.as_fd()) {
            return Alarm {
                timer: Timer::Watched(fd),
            };
        }
        // SAFETY: the `OwnedFd` is the timerfd's one owner, moved into the `AsyncFd`, so it
        // stays open and the same descriptor for as long as the `AsyncFd` lives.
        match unsafe { AsyncFd::register_with_interest(fd, Interest::READABLE) } {
            Ok(fd) => Alarm {
                timer: Timer::Reactor(fd),
            },
            Err(_) => Alarm::tokio(),
        }
    }

    /// Returns at `at` or soon after, never before. Dropping the future midway is fine: the
    /// next wait sets the timer anew, and a stale expiry is never taken for its own.
    pub async fn sleep_until(&mut self, at: Instant) {
        match &self.timer {
            Timer::Tokio => tokio::time::sleep_until(at).await,
            Timer::Watched(fd) => match set(fd.as_fd(), at) {
                // The executor polls the loop again at each expiry, and at every other wake-up.
                Ok(true) => {
                    std::future::poll_fn(|_| match Instant::now() >= at {
                        true => std::task::Poll::Ready(()),
                        false => std::task::Poll::Pending,
                    })
                    .await
                }
                Ok(false) => {}
                Err(_) => tokio::time::sleep_until(at).await,
            },
            Timer::Reactor(fd) => match set(fd.get_ref().as_fd(), at) {
                Ok(true) => readable_until(fd, at).await,
                Ok(false) => {}
                Err(_) => tokio::time::sleep_until(at).await,
            },
        }
    }
}

/// Sets `timerfd` to expire at `at`; `false` when `at` is already here.
fn set(timerfd: BorrowedFd<'_>, at: Instant) -> rustix::io::Result<bool> {
    let wait = at.saturating_duration_since(Instant::now());
    if wait.is_zero() {
        return Ok(false);
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
    timerfd_settime(timerfd, TimerfdTimerFlags::empty(), &timer)?;
    Ok(true)
}

/// Waits in tokio's reactor until `timerfd`, set to expire at `at`, has.
async fn readable_until(timerfd: &AsyncFd<OwnedFd>, at: Instant) {
    loop {
        let Ok(mut ready) = timerfd.readable().await else {
            return tokio::time::sleep_until(at).await;
        };
        // The expiry is not read: setting the timer again clears it, and each expiry is an
        // edge of its own for the reactor. A read would be one more system call a frame. (A
        // repeating timerfd would spare setting it each frame, but the kernel sets a
        // repeating timerfd again only as it is read: the same one call.) Readiness left
        // from an earlier wait only makes this look at the clock.
        ready.clear_ready();
        if Instant::now() >= at {
            return;
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

    /// Waits a few deadlines on `alarm`: none ends early, none hangs.
    async fn keeps_deadlines(alarm: &mut Alarm) {
        for wait in [1, 7, 30] {
            let start = Instant::now();
            alarm.sleep_until(start + Duration::from_millis(wait)).await;
            let waited = start.elapsed();
            assert!(waited >= Duration::from_millis(wait), "{waited:?}");
            // Only a hang could break this.
            assert!(waited < Duration::from_secs(5), "{waited:?}");
        }
    }

    #[test]
    fn a_timerfd_wakes_at_the_deadline_and_never_before() {
        real_time(async {
            let mut alarm = Alarm::precise();
            assert!(
                matches!(alarm.timer, Timer::Reactor(_)),
                "Linux gives a timerfd"
            );
            keeps_deadlines(&mut alarm).await;
        });
    }

    #[test]
    fn on_the_loops_executor_the_timerfd_is_its_own_and_keeps_deadlines() {
        let tokio = crate::runtime::executor::tokio().unwrap();
        crate::runtime::executor::block_on(&tokio, async {
            let mut alarm = Alarm::precise();
            assert!(matches!(alarm.timer, Timer::Watched(_)));
            keeps_deadlines(&mut alarm).await;
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
