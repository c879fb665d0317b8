//! Keeps audio libraries off the terminal: alsa-lib writes `ALSA lib …` lines to stderr itself.
//!
//! Two layers. [`silence_alsa`] gives alsa-lib an error handler that drops every message, for
//! the whole process and every thread (cpal's playback thread too, e.g. when a device is
//! unplugged mid-routine). [`without_stderr`] points fd 2 at /dev/null while the device opens,
//! catching anything else a library might print there (rodio prints one line if it cannot
//! list devices). The only `unsafe` in the audio code is here.

/// Installs an alsa-lib error handler that discards every message, once per process.
pub fn silence_alsa() {
    #[cfg(any(
        target_os = "linux",
        target_os = "dragonfly",
        target_os = "freebsd",
        target_os = "netbsd"
    ))]
    alsa::silence();
}

/// Runs `f` with fd 2 pointed at /dev/null, then puts it back (also if `f` panics). If fd 2
/// cannot be moved, `f` runs anyway and only [`silence_alsa`] keeps alsa-lib quiet.
///
/// This is process-wide: whatever any thread writes to stderr meanwhile is lost. So keep `f`
/// short and run it before the screen and other threads start, as opening the device does.
pub fn without_stderr<T>(f: impl FnOnce() -> T) -> T {
    #[cfg(unix)]
    let _muted = fd::Muted::new();
    f()
}

#[cfg(unix)]
mod fd {
    use libc::c_int;

    const STDERR: c_int = 2;

    /// fd 2 pointed at /dev/null until dropped; holds the original, to put back.
    pub struct Muted {
        saved: c_int,
    }

    impl Muted {
        pub fn new() -> Option<Muted> {
            // SAFETY: plain POSIX calls on descriptors this function owns or on fd 2, with every
            // result checked; on any failure what was done is undone and fd 2 is left as it was.
            // CLOEXEC keeps the copies out of any child process started meanwhile.
            unsafe {
                let saved = libc::fcntl(STDERR, libc::F_DUPFD_CLOEXEC, 0);
                if saved < 0 {
                    return None;
                }
                let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
                if null < 0 {
                    libc::close(saved);
                    return None;
                }
                let moved = libc::dup2(null, STDERR) >= 0;
                libc::close(null);
                if !moved {
                    libc::close(saved);
                    return None;
                }
                Some(Muted { saved })
            }
        }
    }

    impl Drop for Muted {
        fn drop(&mut self) {
            // SAFETY: `saved` is a descriptor we own (from `new`); putting it back on fd 2 and
            // closing our copy touches nothing else.
            unsafe {
                libc::dup2(self.saved, STDERR);
                libc::close(self.saved);
            }
        }
    }
}

#[cfg(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd"
))]
mod alsa {
    use std::ffi::{c_char, c_int};
    use std::sync::Once;

    /// alsa-lib's `snd_lib_error_handler_t`, minus its trailing `...`: see [`ignore`].
    type Handler = unsafe extern "C" fn(*const c_char, c_int, *const c_char, c_int, *const c_char);

    unsafe extern "C" {
        // In libasound, which cpal already links (through alsa-sys) on these systems.
        fn snd_lib_error_set_handler(handler: Option<Handler>) -> c_int;
    }

    /// Drops an alsa-lib message. alsa-lib calls its handler as a variadic C function
    /// (`…, const char *fmt, ...`); this one names only the fixed arguments and reads none of
    /// them. That is sound on the C calling conventions of these systems: the caller places
    /// and removes the variadic arguments, and a callee that never reads them is unaffected
    /// (the same handler is the usual way C and Python programs silence alsa-lib).
    unsafe extern "C" fn ignore(
        _file: *const c_char,
        _line: c_int,
        _function: *const c_char,
        _err: c_int,
        _fmt: *const c_char,
    ) {
    }

    pub fn silence() {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            // SAFETY: alsa-lib stores the pointer and calls it with the arguments above;
            // `ignore` lives for the whole process and does nothing.
            unsafe {
                snd_lib_error_set_handler(Some(ignore));
            }
        });
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::fs::File;
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;

    use super::*;

    /// fd 2 is one per process and tests run on parallel threads: one test's quiet stretch
    /// would be the other's "before".
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

    /// Which file fd 2 is now: (device, inode).
    fn stderr_file() -> (u64, u64) {
        let fd = std::io::stderr()
            .as_fd()
            .try_clone_to_owned()
            .expect("dup fd 2");
        let meta = File::from(fd).metadata().expect("fstat");
        (meta.dev(), meta.ino())
    }

    #[test]
    fn stderr_points_at_dev_null_for_the_quiet_stretch_then_comes_back() {
        let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let null = std::fs::metadata("/dev/null").expect("stat /dev/null");
        let before = stderr_file();
        let inside = without_stderr(stderr_file);
        assert_eq!(inside, (null.dev(), null.ino()));
        assert_eq!(stderr_file(), before);
    }

    #[test]
    fn stderr_comes_back_even_if_the_quiet_stretch_panics() {
        let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let before = stderr_file();
        let result = std::panic::catch_unwind(|| without_stderr(|| panic!("inside")));
        assert!(result.is_err());
        assert_eq!(stderr_file(), before);
    }
}
