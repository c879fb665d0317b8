//! A tmux server of a test's own (its socket in the test's folder, no user's tmux settings),
//! with one session, killed when the test ends: keys in, the screen read back.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The one session of each server.
const SESSION: &str = "test";

pub struct Tmux {
    socket: PathBuf,
}

/// Whether tmux is installed (`.ci/setup` installs it).
pub fn available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|output| output.status.success())
}

impl Tmux {
    /// A server on `socket` running `command` (a shell command line) in a window of
    /// `width` × `height`.
    pub fn start(socket: PathBuf, width: u16, height: u16, command: &str) -> Tmux {
        let tmux = Tmux { socket };
        let size = [width.to_string(), height.to_string()];
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            &size[0],
            "-y",
            &size[1],
            "sh",
            "-c",
            command,
        ]);
        tmux
    }

    /// Runs a tmux command on this server; it must succeed.
    pub fn run(&self, args: &[&str]) -> Output {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(output.status.success(), "tmux {args:?}: {output:?}");
        output
    }

    /// Presses each key (tmux names: `Space`, `Enter`, `q`).
    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", SESSION, key]);
        }
    }

    /// Types `text` as it is, then Enter.
    pub fn type_line(&self, text: &str) {
        self.run(&["send-keys", "-t", SESSION, "-l", text]);
        self.run(&["send-keys", "-t", SESSION, "Enter"]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", SESSION]).stdout).into()
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    pub fn pane(&self, format: &str) -> String {
        let output = self.run(&["display-message", "-p", "-t", SESSION, format]);
        String::from_utf8_lossy(&output.stdout).trim().into()
    }

    /// Waits until the screen shows `text`, failing with the screen after 15 s (a hang).
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}
