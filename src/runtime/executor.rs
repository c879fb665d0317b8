//! Where a real run's loop waits. tokio's runtime serves everything that needs a reactor
//! (signals, the key reader, speech and D-Bus tasks) on a worker thread of its own, while
//! the loop itself runs on the calling thread and sleeps in a plain `epoll_wait` on its
//! timerfd and on a bell that wakers ring. A pacer frame then costs the kernel's wake-up
//! and the frame's own work: measured on this kind of machine, a loop of twenty waits a
//! second that parks in tokio's scheduler cost about 40 µs more per wake-up than the same
//! loop waiting in `epoll_wait` itself, which was a third of what breathing cost.
//!
//! The loop is polled whole at every wake-up, whatever rang: the alarm's timerfd needs no
//! waker of its own (see [`watch_edges`]), and everything else wakes it through the bell.

use std::cell::Cell;
use std::future::Future;
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use rustix::event::epoll::{self, CreateFlags, EventData, EventFlags};
use rustix::event::{EventfdFlags, eventfd};

/// The epoll set of tokens: the bell's, and one for every file [`watch_edges`] adds.
const BELL: u64 = 0;
const WATCHED: u64 = 1;

thread_local! {
    /// The epoll set of the loop [`block_on`] is running on this thread, while it runs.
    static WAITING_ON: Cell<Option<RawFd>> = const { Cell::new(None) };
}

/// tokio's runtime for a run: one worker thread, every driver on.
pub fn tokio() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("supple-tokio")
        .enable_all()
        .build()
}

/// Runs `future` to its end on this thread, inside `tokio`'s context (so that its
/// timers, channels, signals and spawned tasks all work). If the system gives no epoll
/// set or eventfd, tokio runs it instead.
pub fn block_on<F: Future>(tokio: &tokio::runtime::Runtime, future: F) -> F::Output {
    let Ok(waiting) = Waiting::new() else {
        return tokio.block_on(future);
    };
    let _tokio = tokio.enter();
    waiting.run(future)
}

/// Adds `fd` to the epoll set of the loop running on this thread, edge-triggered: each
/// time it becomes readable the loop is polled again, and it never needs reading. Returns
/// `false` when no loop of [`block_on`] is running here (or the set refused the file);
/// the caller must then wait some other way. A future that waits on a file added here
/// may return `Pending` without keeping the waker: the loop is polled at every wake-up.
pub fn watch_edges(fd: BorrowedFd<'_>) -> bool {
    let Some(epoll) = WAITING_ON.get() else {
        return false;
    };
    // SAFETY: the set stays open while its loop runs, and `WAITING_ON` holds it only
    // then (the guard in `Waiting::run` takes it out before the set is closed).
    let epoll = unsafe { BorrowedFd::borrow_raw(epoll) };
    epoll::add(
        epoll,
        fd,
        EventData::new_u64(WATCHED),
        EventFlags::IN | EventFlags::ET,
    )
    .is_ok()
}

/// The loop's epoll set, with the bell in it.
struct Waiting {
    epoll: OwnedFd,
    bell: Arc<Bell>,
}

/// Rung by the loop's waker: an eventfd in the loop's epoll set.
struct Bell {
    eventfd: OwnedFd,
}

impl Wake for Bell {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // Only fails when the count is full, and then the bell is already ringing.
        let _ = rustix::io::write(&self.eventfd, &1u64.to_ne_bytes());
    }
}

impl Waiting {
    fn new() -> std::io::Result<Waiting> {
        let epoll = epoll::create(CreateFlags::CLOEXEC)?;
        let eventfd = eventfd(0, EventfdFlags::CLOEXEC | EventfdFlags::NONBLOCK)?;
        epoll::add(
            &epoll,
            &eventfd,
            EventData::new_u64(BELL),
            EventFlags::IN | EventFlags::ET,
        )?;
        Ok(Waiting {
            epoll,
            bell: Arc::new(Bell { eventfd }),
        })
    }

    fn run<F: Future>(self, future: F) -> F::Output {
        let _current = Current::set(self.epoll.as_raw_fd());
        let waker = Waker::from(Arc::clone(&self.bell));
        let mut context = Context::from_waker(&waker);
        let mut future = pin!(future);
        loop {
            if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
            self.wait();
        }
    }

    /// Sleeps until the bell rings or a watched file becomes readable. A failed or
    /// interrupted wait returns too: polling the loop once more is always safe.
    fn wait(&self) {
        let mut events = [MaybeUninit::uninit(); 4];
        let Ok((ready, _)) = epoll::wait(&self.epoll, &mut events, None) else {
            return;
        };
        if ready.iter().any(|event| event.data.u64() == BELL) {
            // Emptied so that its count can never fill; edge-triggered, it rings again at
            // the next write whether or not it was read.
            let mut count = [0; 8];
            let _ = rustix::io::read(self.bell.eventfd.as_fd(), &mut count);
        }
    }
}

/// Marks the loop's epoll set as this thread's while the loop runs, and unmarks it
/// however the loop ends, a panic included.
struct Current {
    before: Option<RawFd>,
}

impl Current {
    fn set(epoll: RawFd) -> Current {
        Current {
            before: WAITING_ON.replace(Some(epoll)),
        }
    }
}

impl Drop for Current {
    fn drop(&mut self) {
        WAITING_ON.set(self.before);
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    #[test]
    fn a_future_that_is_ready_at_once_returns_its_output() {
        let tokio = tokio().unwrap();
        assert_eq!(block_on(&tokio, async { 7 }), 7);
    }

    #[test]
    fn a_wake_from_another_thread_polls_the_loop_again() {
        let tokio = tokio().unwrap();
        let (tell, told) = tokio::sync::oneshot::channel();
        let sender = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(5));
            tell.send(42).unwrap();
        });
        assert_eq!(block_on(&tokio, told).unwrap(), 42);
        sender.join().unwrap();
    }

    #[test]
    fn tokio_tasks_timers_and_channels_work_inside() {
        let tokio = tokio().unwrap();
        let got = block_on(&tokio, async {
            let (send, mut receive) = tokio::sync::mpsc::channel(4);
            tokio::spawn(async move {
                for n in 0..3 {
                    tokio::time::sleep(Duration::from_millis(1)).await;
                    send.send(n).await.unwrap();
                }
            });
            let mut got = Vec::new();
            while let Some(n) = receive.recv().await {
                got.push(n);
            }
            got
        });
        assert_eq!(got, [0, 1, 2]);
    }

    #[test]
    fn a_watched_timerfd_wakes_the_loop_with_no_waker_kept() {
        use rustix::time::{
            Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec, timerfd_create,
            timerfd_settime,
        };
        let tokio = tokio().unwrap();
        let start = Instant::now();
        let waited = block_on(&tokio, async {
            let timer = timerfd_create(TimerfdClockId::Monotonic, TimerfdFlags::NONBLOCK).unwrap();
            assert!(watch_edges(timer.as_fd()));
            let zero = Timespec {
                tv_sec: 0,
                tv_nsec: 0,
            };
            let in_3_ms = Itimerspec {
                it_interval: zero,
                it_value: Timespec {
                    tv_sec: 0,
                    tv_nsec: 3_000_000,
                },
            };
            timerfd_settime(&timer, TimerfdTimerFlags::empty(), &in_3_ms).unwrap();
            let due = start + Duration::from_millis(3);
            std::future::poll_fn(|_| match Instant::now() >= due {
                true => Poll::Ready(start.elapsed()),
                false => Poll::Pending,
            })
            .await
        });
        assert!(waited >= Duration::from_millis(3), "{waited:?}");
        // Only a hang could break this.
        assert!(waited < Duration::from_secs(5), "{waited:?}");
    }

    #[test]
    fn outside_the_loop_nothing_is_watched() {
        let timer = eventfd(0, EventfdFlags::CLOEXEC).unwrap();
        assert!(!watch_edges(timer.as_fd()));
    }

    #[test]
    fn the_thread_forgets_the_loop_after_a_panic_in_it() {
        let tokio = tokio().unwrap();
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            block_on(&tokio, async { panic!("in the loop") })
        }));
        assert!(panicked.is_err());
        assert_eq!(WAITING_ON.get(), None);
    }
}
