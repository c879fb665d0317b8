//! `supple breaks --plain` and `--json`: one line per change, flushed at once, and the
//! commands `start`, `snooze`, `skip` and `quit` on standard input.

use std::io::Write;
use std::time::Duration;

use serde::Serialize;

use super::front::{Front, Offer, Request};
use super::input::Switch;
use super::machine::{Breaks, Command, Event};
use crate::format::{json_seconds, length, printable};
use crate::runtime::sound::SaidLog;
use crate::runtime::stream::{Stream, Style};
use crate::runtime::{self, Clock, Cues, Input, Inputs, Outcome};

pub struct Lines<W: Write> {
    out: W,
    style: Style,
    switch: Switch,
    /// Standard output went away (a closed pipe): stop quietly.
    closed: bool,
    /// What a break's speech said, for its routine's `say` events.
    said: Option<SaidLog>,
}

impl<W: Write> Lines<W> {
    pub fn new(out: W, style: Style, switch: Switch) -> Self {
        Lines {
            out,
            style,
            switch,
            closed: false,
            said: None,
        }
    }

    /// Writes what a break's speech says as its `say` events, as `supple run` does.
    pub fn with_said(mut self, said: SaidLog) -> Self {
        self.said = Some(said);
        self
    }

    /// The writer, once the day is over (tests read what was written).
    pub fn into_inner(self) -> W {
        self.out
    }

    fn write(&mut self, text: &str) -> anyhow::Result<()> {
        if !crate::runtime::stream::write_line(&mut self.out, text)? {
            self.closed = true;
        }
        Ok(())
    }
}

/// A line's command, or why it is not one.
pub fn parse_command(line: &str) -> Result<Option<Request>, String> {
    let word = line.trim();
    match word.to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "start" => Ok(Some(Request::Breaks(Command::Start))),
        "snooze" => Ok(Some(Request::Breaks(Command::Snooze))),
        "skip" => Ok(Some(Request::Breaks(Command::Skip))),
        "quit" => Ok(Some(Request::Quit)),
        _ => Err(format!(
            "unknown command {word:?} on standard input (expected start, snooze, skip or quit)"
        )),
    }
}

/// The plain line for an event, or `None` for one that has no line of its own.
pub fn plain(event: &Event, offer: &Offer) -> Option<String> {
    Some(match *event {
        Event::Waiting { due } => format!("waiting: next break in {}", length(due)),
        Event::Due { reminder: 0 } => format!("due: time to move: {}", offer.what),
        Event::Due { reminder } => format!(
            "due: still time to move (reminder {reminder} of {}): {}",
            super::machine::MAX_REMINDERS,
            offer.what
        ),
        Event::Snooze { due } => format!("snooze: next break in {}", length(due)),
        Event::Skip { due } => format!("skip: next break in {}", length(due)),
        // The routine's own start line follows.
        Event::Start => return None,
    })
}

/// A `supple breaks --json` line. Field order follows the interface page: `event` and `t`
/// (seconds since the day started) first.
#[derive(Serialize)]
struct JsonLine<'a> {
    event: &'static str,
    t: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    routine: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reminder: Option<u32>,
}

/// The JSON object for an event, or `None` for one that has no line of its own.
pub fn json(event: &Event, offer: &Offer, now: Duration) -> Option<String> {
    let routine = printable(&offer.name);
    let mut line = JsonLine {
        event: "",
        t: json_seconds(now),
        due: None,
        routine: None,
        reminder: None,
    };
    match *event {
        Event::Waiting { due } => (line.event, line.due) = ("waiting", Some(json_seconds(due))),
        Event::Snooze { due } => (line.event, line.due) = ("snooze", Some(json_seconds(due))),
        Event::Skip { due } => (line.event, line.due) = ("skip", Some(json_seconds(due))),
        Event::Due { reminder } => {
            line.event = "due";
            line.routine = Some(&routine);
            line.reminder = (reminder > 0).then_some(reminder);
        }
        Event::Start => return None,
    }
    serde_json::to_string(&line).ok()
}

impl<W: Write> Front for Lines<W> {
    fn inputs(&mut self) -> Inputs {
        self.switch.inputs()
    }

    fn give_back(&mut self, inputs: Inputs) {
        self.switch.give_back(inputs);
    }

    fn show(
        &mut self,
        _: &Breaks,
        offer: &Offer,
        events: &[Event],
        now: Duration,
    ) -> anyhow::Result<()> {
        for event in events {
            let line = match self.style {
                Style::Plain => plain(event, offer),
                Style::Json => json(event, offer, now),
            };
            if let Some(line) = line {
                self.write(&line)?;
            }
        }
        Ok(())
    }

    fn handle(&mut self, _: &Breaks, input: Input) -> Option<Request> {
        let Input::Line(line) = input else {
            return None;
        };
        match parse_command(&line) {
            Ok(request) => request,
            Err(message) => {
                eprintln!("supple: {message}");
                None
            }
        }
    }

    fn wake_at(&self, _: &Breaks, _: Duration) -> Option<Duration> {
        None
    }

    fn wake(&mut self, _: &Breaks, _: &Offer, _: Duration) -> anyhow::Result<Option<Request>> {
        Ok(self.closed.then_some(Request::Quit))
    }

    async fn play(
        &mut self,
        offer: &Offer,
        clock: Clock,
        cues: &mut impl Cues,
    ) -> anyhow::Result<Outcome> {
        let mut inputs = self.switch.inputs();
        let mut stream = Stream::new(&mut self.out, self.style, &offer.name);
        if let Some(said) = &self.said {
            stream = stream.with_said(said.clone());
        }
        let outcome = runtime::run(&offer.plan, clock, &mut stream, cues, &mut inputs).await;
        self.switch.give_back(inputs);
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::Routine;
    use crate::session::Plan;

    fn offer() -> Offer {
        let routine = Routine {
            title: "Movement break".into(),
            description: None,
            steps: vec![],
        };
        Offer {
            name: "movement-break".into(),
            what: "Movement break (1 min 54 s)".into(),
            plan: Plan::new(&routine),
        }
    }

    #[test]
    fn each_change_is_one_plain_line() {
        let offer = offer();
        let lines: Vec<Option<String>> = [
            Event::Waiting {
                due: Duration::from_secs(5400),
            },
            Event::Due { reminder: 0 },
            Event::Due { reminder: 2 },
            Event::Snooze {
                due: Duration::from_secs(600),
            },
            Event::Skip {
                due: Duration::from_secs(2730),
            },
            Event::Start,
        ]
        .iter()
        .map(|event| plain(event, &offer))
        .collect();
        assert_eq!(
            lines,
            [
                Some("waiting: next break in 1 h 30 min".to_string()),
                Some("due: time to move: Movement break (1 min 54 s)".to_string()),
                Some(
                    "due: still time to move (reminder 2 of 3): Movement break (1 min 54 s)"
                        .to_string()
                ),
                Some("snooze: next break in 10 min".to_string()),
                Some("skip: next break in 45 min 30 s".to_string()),
                None,
            ]
        );
    }

    #[test]
    fn json_lines_put_event_and_t_first() {
        let offer = offer();
        let now = Duration::from_millis(1_234);
        assert_eq!(
            json(&Event::Due { reminder: 1 }, &offer, now).unwrap(),
            r#"{"event":"due","t":1.234,"routine":"movement-break","reminder":1}"#
        );
        assert_eq!(
            json(
                &Event::Snooze {
                    due: Duration::from_secs(600)
                },
                &offer,
                now
            )
            .unwrap(),
            r#"{"event":"snooze","t":1.234,"due":600.0}"#
        );
        assert_eq!(json(&Event::Start, &offer, now), None);
    }

    #[test]
    fn the_four_words_are_requests_and_others_are_explained() {
        assert_eq!(
            parse_command(" START "),
            Ok(Some(Request::Breaks(Command::Start)))
        );
        assert_eq!(
            parse_command("snooze"),
            Ok(Some(Request::Breaks(Command::Snooze)))
        );
        assert_eq!(
            parse_command("skip"),
            Ok(Some(Request::Breaks(Command::Skip)))
        );
        assert_eq!(parse_command("quit"), Ok(Some(Request::Quit)));
        assert_eq!(parse_command(""), Ok(None));
        let error = parse_command("pause").unwrap_err();
        assert!(
            error.contains("expected start, snooze, skip or quit"),
            "{error}"
        );
    }
}
