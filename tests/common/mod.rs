//! What the tests of the real binary share: an isolated home, running supple in it (to its
//! end, or steered a line at a time), a tmux server of their own, and a process's CPU time.

#![allow(dead_code)] // Each test file uses a part.

pub mod cpu;
pub mod script;
pub mod steered;
pub mod tmux;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

/// The XDG folders supple reads and writes, and their names inside a test's home.
const FOLDERS: [(&str, &str); 4] = [
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_CACHE_HOME", "cache"),
];

/// Points `HOME` and every XDG folder supple uses into `root`, so that no user's or other
/// test's settings, history or cache are read or written.
pub fn isolate_in<'a>(command: &'a mut Command, root: &Path) -> &'a mut Command {
    command.env("HOME", root);
    for (var, folder) in FOLDERS {
        command.env(var, root.join(folder));
    }
    command.env("XDG_RUNTIME_DIR", runtime_dir(root))
}

/// The same folders as `NAME='path'` words, for a shell command line (tmux runs one).
pub fn env_words(root: &Path) -> String {
    let mut words = format!("HOME='{}'", root.display());
    for (var, folder) in FOLDERS {
        words.push_str(&format!(" {var}='{}'", root.join(folder).display()));
    }
    words + &format!(" XDG_RUNTIME_DIR='{}'", runtime_dir(root).display())
}

/// A runtime folder inside `root` for libpulse, which ALSA's default device loads: without
/// one, each run that looked for a sound device left a `/tmp/pulse-*` folder behind.
fn runtime_dir(root: &Path) -> PathBuf {
    use std::os::unix::fs::DirBuilderExt;
    let dir = root.join("runtime");
    // libpulse takes a runtime folder only if no one else may enter it.
    let _ = std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir);
    dir
}

/// The real binary with its folders in `root` and nothing on standard input, run from the
/// crate's folder (where the fixtures are).
pub fn supple_in(root: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_supple"));
    isolate_in(&mut command, root).stdin(Stdio::null());
    command
}

/// Runs `command` to its end: its exit code (-1 for a signal), standard output and error.
pub fn finish(command: &mut Command) -> (i32, String, String) {
    let out = finishes(command, HUNG);
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// How long any run of a test may take before it counts as hung: far more than the
/// slowest needs, so that a hang fails its test with a name instead of stalling the suite.
pub const HUNG: Duration = Duration::from_secs(120);

/// Runs to the end, or fails the test if it is still running after `limit`: a guard against
/// a hang, not a measure of speed.
pub fn finishes(command: &mut Command, limit: Duration) -> Output {
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    output_within(child, limit, command)
}

/// The child's output once it ends, read as it comes; killed and a failed test after `limit`.
fn output_within(child: Child, limit: Duration, what: &Command) -> Output {
    let pid = child.id();
    let (ended, output) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = ended.send(child.wait_with_output());
    });
    match output.recv_timeout(limit) {
        Ok(output) => output.expect("output"),
        Err(_) => {
            // Not reaped yet, so the process id is still the child's.
            // SAFETY: a plain signal to our own child; no memory is touched.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            panic!("{what:?} still running after {limit:?}");
        }
    }
}

/// Output bytes as text, for messages and comparisons.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Fails the test with the command's standard error unless it succeeded.
pub fn succeeded(out: &Output) {
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// A home of its own for each test: config, data, state and cache folders in a temp dir.
pub struct Home {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub out: String,
    pub err: String,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn routines(&self) -> PathBuf {
        self.dir.path().join("config/supple/routines")
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_supple"));
        command.args(args);
        self.isolate(&mut command);
        command
    }

    /// Points every folder supple uses into this home, and runs in it, with no editor set.
    pub fn isolate(&self, command: &mut Command) {
        let root = self.dir.path();
        isolate_in(command, root)
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .current_dir(root);
    }

    pub fn run(&self, args: &[&str], input: &str, env: &[(&str, &str)]) -> Run {
        let mut command = self.command(args);
        command.envs(env.iter().copied());
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
        let out = output_within(child, HUNG, &command);
        Run {
            code: out.status.code().unwrap_or(-1),
            out: String::from_utf8_lossy(&out.stdout).into(),
            err: String::from_utf8_lossy(&out.stderr).into(),
        }
    }

    pub fn supple(&self, args: &[&str]) -> Run {
        self.run(args, "", &[])
    }

    /// A stand-in editor: on its Nth call it writes the Nth of `saves` into the file.
    pub fn editor(&self, saves: &[&str]) -> String {
        let script = self.dir.path().join("editor.sh");
        let mut text = String::from(
            "#!/bin/sh\nn=$(cat \"$0.count\" 2>/dev/null || echo 0)\nn=$((n+1))\n\
             echo $n > \"$0.count\"\ncase $n in\n",
        );
        for (index, save) in saves.iter().enumerate() {
            let file = self.dir.path().join(format!("save{}.json", index + 1));
            std::fs::write(&file, save).expect("write save");
            text.push_str(&format!(
                "{}) cp '{}' \"$1\" ;;\n",
                index + 1,
                file.display()
            ));
        }
        text.push_str("esac\n");
        std::fs::write(&script, text).expect("write editor");
        // Run through `sh` with an argument, as `code --wait` would be: the string is split.
        format!("sh '{}'", script.display())
    }

    pub fn calls(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("editor.sh.count"))
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// Every file in the routine folder, dot files included.
    pub fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.routines())
            .map(|listing| {
                listing
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

/// A routine with a mistake: a duration with a space in it.
pub const BROKEN: &str = r#"{
  "name": "Back sheet",
  "steps": [
    { "name": "Pelvic tilts", "hold": "5 s", "reps": 10 }
  ]
}
"#;

pub const FIXED: &str = r#"{
  "name": "Back sheet",
  "steps": [
    { "name": "Pelvic tilts", "hold": "5s", "reps": 10 }
  ]
}
"#;
