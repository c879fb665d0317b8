//! A run of the real binary steered a line at a time: commands written to its standard input,
//! JSON events read back from its standard output as they come.

use std::io::{BufRead, BufReader, Lines, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};

use serde_json::Value;

pub struct Steered {
    child: Child,
    stdin: ChildStdin,
    lines: Lines<BufReader<ChildStdout>>,
}

impl Steered {
    /// Starts `command` with both standard streams piped to the test.
    pub fn start(command: &mut Command) -> Steered {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("runs");
        let stdin = child.stdin.take().expect("stdin");
        let lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        Steered {
            child,
            stdin,
            lines,
        }
    }

    /// Writes one command line, as a script would.
    pub fn send(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").expect("write");
    }

    /// The next event line.
    pub fn next(&mut self) -> Value {
        let line = self.lines.next().expect("a line").expect("text");
        serde_json::from_str(&line).expect("json")
    }

    /// The next event of kind `event`, passing over the others.
    pub fn until(&mut self, event: &str) -> Value {
        loop {
            let value = self.next();
            if value["event"] == event {
                return value;
            }
        }
    }

    /// Every event up to and including the next of kind `event`.
    pub fn through(&mut self, event: &str) -> Vec<Value> {
        let mut events = Vec::new();
        loop {
            let value = self.next();
            let last = value["event"] == event;
            events.push(value);
            if last {
                return events;
            }
        }
    }

    /// Sends `quit` and waits for the end.
    pub fn quit(&mut self) -> ExitStatus {
        self.send("quit");
        self.wait()
    }

    /// Waits for the end, standard input still open: the run must end by itself.
    pub fn wait(&mut self) -> ExitStatus {
        self.child.wait().expect("exit")
    }
}

/// A failing test leaves nothing running.
impl Drop for Steered {
    fn drop(&mut self) {
        if self.child.try_wait().is_ok_and(|status| status.is_none()) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
