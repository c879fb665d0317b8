//! What the command-line tests share: an isolated home, and running supple in it.

#![allow(dead_code)] // Each test file uses a part.

use std::io::{BufRead, BufReader, Lines, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};

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

    /// Points every folder supple uses into this home.
    pub fn isolate(&self, command: &mut Command) {
        let root = self.dir.path();
        command
            .env("HOME", root)
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_STATE_HOME", root.join("state"))
            .env("XDG_CACHE_HOME", root.join("cache"))
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
        let out = child.wait_with_output().expect("exit");
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

/// A `supple breaks --json` day driven as a script would: commands on standard input, events
/// read back one line at a time.
pub struct JsonDay {
    child: Child,
    stdin: ChildStdin,
    lines: Lines<BufReader<ChildStdout>>,
}

impl JsonDay {
    /// Starts `command` (a `breaks --json` one); its standard error is not kept.
    pub fn start(command: &mut Command) -> JsonDay {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("runs");
        let stdin = child.stdin.take().expect("stdin");
        let lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        JsonDay {
            child,
            stdin,
            lines,
        }
    }

    /// One command, as a line.
    pub fn send(&mut self, command: &str) {
        writeln!(self.stdin, "{command}").expect("write");
    }

    /// Every event up to and including the next `event`.
    pub fn until(&mut self, event: &str) -> Vec<serde_json::Value> {
        let mut events = Vec::new();
        loop {
            let line = self.lines.next().expect("a line").expect("text");
            let value: serde_json::Value = serde_json::from_str(&line).expect("json");
            let last = value["event"] == event;
            events.push(value);
            if last {
                return events;
            }
        }
    }

    /// Quits the day and waits for it to end.
    pub fn quit(mut self) -> ExitStatus {
        self.send("quit");
        self.child.wait().expect("exit")
    }
}
