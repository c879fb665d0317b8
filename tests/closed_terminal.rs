//! A terminal closed under the full screen without a SIGHUP (the process is in a session of
//! its own, so the kernel sends none): the real binary on a pseudo-terminal whose master the
//! test closes. It must end, cleanly, without spinning. The issue asks for an end within a
//! second; that figure is a measurement (docs/benchmarks.md), not this test's limit, which is
//! a ceiling that only a hang breaks, so that a loaded machine never fails it.

#![cfg(target_os = "linux")]

mod common;

use std::fs::File;
use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::cpu::cpu_ns;

/// A pseudo-terminal of `width` × `height`: (master, slave).
fn pty(width: u16, height: u16) -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    let size = libc::winsize {
        ws_row: height,
        ws_col: width,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the given integers; no name buffer or
    // termios is passed, and the size is read only.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
    // Kept out of every child (the other test's too): a master inherited anywhere would
    // keep the terminal open.
    for fd in [master, slave] {
        // SAFETY: setting a flag on a descriptor we own.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: both descriptors were just opened and are owned by nobody else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// What `master` shows, read until it contains `text` (fails after 20 s).
fn read_until(master: &File, text: &str) {
    let start = Instant::now();
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains(text) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "waited for {text:?}; the terminal got:\n{}",
            String::from_utf8_lossy(&seen)
        );
        let mut poll = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut poll, 1, 200) } > 0 {
            let read = (&*master).read(&mut buffer).expect("read the pty");
            seen.extend_from_slice(&buffer[..read]);
        }
    }
}

/// How a child ended: its wait status, how long after `since`, and its CPU time in all.
fn wait_at_most(pid: u32, since: Instant, limit: Duration) -> Option<(i32, Duration, Duration)> {
    loop {
        let mut status = 0;
        // SAFETY: an all-zero rusage is valid; wait4 fills it and the status.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let waited = unsafe { libc::wait4(pid as i32, &mut status, libc::WNOHANG, &mut usage) };
        assert!(waited >= 0, "wait4: {}", std::io::Error::last_os_error());
        if waited > 0 {
            let time = |t: libc::timeval| {
                Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
            };
            let cpu = time(usage.ru_utime) + time(usage.ru_stime);
            return Some((status, since.elapsed(), cpu));
        }
        if since.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Long past the second it takes: only a hang runs this long, however loaded the machine.
const HANG: Duration = Duration::from_secs(10);

/// Starts supple with `args` on a fresh pseudo-terminal in a session of its own, waits until
/// the screen shows `text`, closes the terminal and checks how the process ends.
fn closing_the_terminal_ends(args: &[&str], text: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = |name: &str| dir.path().join(name);
    // Already shown today: the safety note is not in the way.
    supple::ui::safety::Store::new(Some(folder("state").join("supple")))
        .mark_shown(&supple::ui::safety::today());
    // Nor is the stiffness prompt: the screen under test is the player or the picker.
    std::fs::create_dir_all(folder("config").join("supple")).expect("config folder");
    std::fs::write(
        folder("config").join("supple").join("config.json"),
        r#"{"ask_stiffness": false}"#,
    )
    .expect("settings");
    let (master, slave) = pty(100, 30);
    let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup the pty"));
    let mut command = Command::new(env!("CARGO_BIN_EXE_supple"));
    common::isolate_in(&mut command, dir.path())
        .args(args)
        .env("TERM", "xterm-256color")
        .stdin(io(&slave))
        .stdout(io(&slave))
        .stderr(io(&slave));
    // SAFETY: setsid is async-signal-safe. A new session has no controlling terminal, and
    // the pty, already open, does not become one: closing it sends no SIGHUP.
    unsafe {
        command.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    // Reaped below with wait4, which also says how much CPU it used.
    let pid = command.spawn().expect("start supple").id();
    drop(command);
    drop(slave);
    let master = File::from(master);
    read_until(&master, text);

    let cpu_before = cpu_ns(pid);
    let closed = Instant::now();
    drop(master);
    let Some((status, after, cpu)) = wait_at_most(pid, closed, HANG) else {
        // SAFETY: our own child, still running.
        unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        let _ = wait_at_most(pid, Instant::now(), Duration::from_secs(5));
        panic!("supple still ran {HANG:?} after its terminal was closed: it hangs");
    };
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "supple must end cleanly, as after a hangup; wait status {status:#x} (101 is a panic)"
    );
    let spent = cpu.saturating_sub(Duration::from_nanos(cpu_before));
    assert!(
        spent < Duration::from_millis(250),
        "supple used {spent:?} of CPU in the {after:?} after the terminal closed: it spins"
    );
}

#[test]
fn the_player_ends_when_its_terminal_closes_without_a_hangup() {
    closing_the_terminal_ends(&["run", "--mute", "desk-break"], "Desk");
}

#[test]
fn the_picker_ends_when_its_terminal_closes_without_a_hangup() {
    closing_the_terminal_ends(&[], "desk-break");
}
