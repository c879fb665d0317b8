//! The line-stream front end behind `--plain` and `--json`: writes one line per event,
//! flushed at once, and takes commands from standard input.

use std::io::{ErrorKind, Write};
use std::time::Duration;

use super::sound::SaidLog;
use super::{Action, Frontend, Input, json, lines, plain};
use crate::session::{Session, Stamped};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Json,
}

pub struct Stream<W: Write> {
    out: W,
    style: Style,
    /// The routine's name (file stem), for `--json`.
    name: String,
    /// Standard output went away (a closed pipe): stop quietly.
    closed: bool,
    /// What the speech said, written as `say` events (`--json` only).
    said: Option<SaidLog>,
}

impl<W: Write> Stream<W> {
    pub fn new(out: W, style: Style, name: &str) -> Self {
        Stream {
            out,
            style,
            name: name.to_string(),
            closed: false,
            said: None,
        }
    }

    /// Writes what `said` holds as `say` events, after the event that led to it.
    pub fn with_said(mut self, said: SaidLog) -> Self {
        self.said = Some(said);
        self
    }

    /// The writer, once the run is over (tests read what was written).
    pub fn into_inner(self) -> W {
        self.out
    }

    fn write(&mut self, text: &str) -> anyhow::Result<()> {
        if !write_line(&mut self.out, text)? {
            self.closed = true;
        }
        Ok(())
    }
}

impl<W: Write> Frontend for Stream<W> {
    fn show(&mut self, session: &Session, events: &[Stamped], _: Duration) -> anyhow::Result<()> {
        for stamped in events {
            let text = match self.style {
                Style::Plain => plain::line(session, &session.plan().routine.title, stamped),
                Style::Json => Some(json::line(session, &self.name, stamped)),
            };
            if let Some(text) = text {
                self.write(&text)?;
            }
        }
        Ok(())
    }

    fn handle(&mut self, _: &Session, input: Input, _: Duration) -> Vec<Action> {
        let Input::Line(line) = input else {
            return Vec::new();
        };
        match lines::parse_command(&line) {
            Ok(command) => command.map(Action::Session).into_iter().collect(),
            Err(message) => {
                eprintln!("supple: {message}");
                Vec::new()
            }
        }
    }

    fn wake_at(&self, _: &Session, _: Duration) -> Option<Duration> {
        None
    }

    fn wake(&mut self, session: &Session, _: Duration) -> anyhow::Result<Vec<Action>> {
        // Said once, on standard error: standard output is the routine's lines (and with
        // `--json` the contract), and the loss is not the routine's.
        if self.style == Style::Plain && crate::audio::health::take_news() {
            let _ = writeln!(
                std::io::stderr(),
                "supple: {}",
                crate::audio::health::LOST_NOTICE
            );
        }
        let said = self.said.as_ref().map(SaidLog::take).unwrap_or_default();
        if self.style == Style::Json {
            for said in said {
                self.write(&json::say_line(said.t, &said.text))?;
            }
        }
        Ok(if session.is_over() || self.closed {
            vec![Action::Exit]
        } else {
            Vec::new()
        })
    }
}

/// Writes one line and flushes it at once (a status bar reads it as it happens). Returns
/// `false` when the reader has gone away (a closed pipe), which ends nothing by itself.
pub fn write_line(out: &mut impl Write, text: &str) -> std::io::Result<bool> {
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(error) if error.kind() == ErrorKind::BrokenPipe => Ok(false),
        other => other.map(|()| true),
    }
}
