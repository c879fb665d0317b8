//! Noticing a terminal that has gone away without a SIGHUP (the process is not in the
//! terminal's session, or its parent died), so the full screen ends as a hangup ends it.
//!
//! crossterm's reader cannot tell us: at end of input it reads again and again without ever
//! returning. So a thread of our own waits in `poll` for the hangup on the terminal's
//! descriptors, asking for no events at all: the kernel reports a hangup whatever was asked,
//! and keys waiting to be read never wake it.

use std::fs::File;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once the terminal has hung up; never cleared.
static GONE: AtomicBool = AtomicBool::new(false);

/// Whether the terminal has gone away: a draw that fails after this is no news. Asked of the
/// descriptors too, not only of the watcher: a draw can fail before the watcher wakes.
pub fn gone() -> bool {
    GONE.load(Ordering::SeqCst) || hung_up_now(&[0, 1])
}

/// Whether one of `fds` reports a hangup right now (a poll that does not wait).
fn hung_up_now(fds: &[RawFd]) -> bool {
    let mut polled = asking_nothing(fds);
    // SAFETY: `polled` is a valid, exclusively borrowed array of `polled.len()` entries.
    let ready = unsafe { libc::poll(polled.as_mut_ptr(), polled.len() as libc::nfds_t, 0) };
    ready > 0 && polled.iter().any(|p| p.revents & libc::POLLHUP != 0)
}

/// Starts a thread that waits for the terminal to hang up, then marks it gone, runs
/// `then` and raises SIGHUP in this process, so every loop waiting on signals ends the way
/// a hangup ends it. The caller must have a SIGHUP handler installed (tokio's), or the
/// signal ends the process at once. The thread lives as long as the terminal does.
pub fn watch(then: impl FnOnce() + Send + 'static) {
    // The terminal crossterm reads (standard input if it is one, else /dev/tty) and the one
    // the screen is drawn on.
    let tty = File::open("/dev/tty").ok();
    let mut fds: Vec<RawFd> = [0, 1].into_iter().filter(|fd| is_terminal(*fd)).collect();
    if fds.is_empty() {
        fds.extend(tty.as_ref().map(AsRawFd::as_raw_fd));
    }
    if fds.is_empty() {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("supple-hangup".into())
        .spawn(move || {
            let _tty = tty;
            if wait_for_hangup(&fds) {
                GONE.store(true, Ordering::SeqCst);
                if fds.contains(&0) {
                    stop_reading_standard_input();
                }
                then();
                // SAFETY: sending a signal to our own process has no memory-safety
                // preconditions; tokio's handler for it is installed (see above).
                unsafe {
                    libc::kill(libc::getpid(), libc::SIGHUP);
                }
            }
        });
    // Without the thread, a closed terminal still ends the run at the next failed draw.
    drop(spawned);
}

/// Makes every read of standard input find nothing to read, from now on. crossterm reads
/// standard input when it is the terminal, and it retries every read that does not say
/// "would block": at the end of a hung-up terminal's input (a read of 0 bytes) or on an
/// error it reads again and again without returning, so a key reader woken by the hangup
/// would spin there for good and hold the loop that should end. An empty pipe, read without
/// blocking, says "would block", which crossterm takes for "wait for more".
fn stop_reading_standard_input() {
    let mut pipe = [-1; 2];
    // SAFETY: `pipe` is a valid array of two descriptors for pipe2(2) to fill; dup2 puts the
    // read end on descriptor 0, closing what was there (the terminal, which is gone), and the
    // read end's own descriptor is then closed. The write end stays open for the rest of the
    // process, so that reads find the pipe empty rather than ended.
    unsafe {
        if libc::pipe2(pipe.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) == 0 {
            libc::dup2(pipe[0], 0);
            libc::close(pipe[0]);
        }
    }
}

fn is_terminal(fd: RawFd) -> bool {
    // SAFETY: isatty only inspects the descriptor number.
    unsafe { libc::isatty(fd) == 1 }
}

/// Blocks until one of `fds` reports a hangup or an error; `false` if polling itself fails.
fn wait_for_hangup(fds: &[RawFd]) -> bool {
    let mut polled = asking_nothing(fds);
    loop {
        // SAFETY: `polled` is a valid, exclusively borrowed array of `polled.len()` entries.
        let ready = unsafe { libc::poll(polled.as_mut_ptr(), polled.len() as libc::nfds_t, -1) };
        if ready < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return false;
        }
        if polled
            .iter()
            .any(|p| p.revents & (libc::POLLHUP | libc::POLLERR) != 0)
        {
            return true;
        }
        // A descriptor closed under us (POLLNVAL) tells nothing about the terminal, and
        // polling it again would return at once: stop watching it.
        polled.retain(|p| p.revents & libc::POLLNVAL == 0);
        if polled.is_empty() {
            return false;
        }
    }
}

/// `pollfd`s that ask for no event: the kernel reports a hangup whatever was asked, and
/// keys waiting to be read never wake them.
fn asking_nothing(fds: &[RawFd]) -> Vec<libc::pollfd> {
    fds.iter()
        .map(|&fd| libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        })
        .collect()
}
