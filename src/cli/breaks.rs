//! `supple breaks`: reads its options and settings, then hands the day to the breaks module.

use std::io::IsTerminal;
use std::time::Duration;

use clap::Args;

use super::{Failure, Mode};
use crate::breaks::start::{self, Options};
use crate::config::Settings;
use crate::routine::duration;

/// The interval with no `--every` and no `break_every` setting: the articles' 90 minutes.
const DEFAULT_EVERY: Duration = Duration::from_secs(90 * 60);
const DEFAULT_ROUTINE: &str = "movement-break";

#[derive(Debug, Args)]
#[command(
    after_help = "Keys: Enter starts the break now, s snoozes 10 minutes, x skips this break, \
q quits. With --plain or --json, standard input takes start, snooze, skip and quit, one a line."
)]
pub struct BreaksArgs {
    /// How often a break is due, as routine files write durations: 90m, 30m, 45m30s
    /// (default: the settings file's break_every, else 90m).
    #[arg(long, value_name = "DURATION")]
    pub every: Option<String>,
    /// The routine a break offers: a name or a .json file (default: the settings file's
    /// break_routine, else movement-break).
    #[arg(long, value_name = "ROUTINE")]
    pub routine: Option<String>,
    /// No sound at all.
    #[arg(long)]
    pub mute: bool,
    /// No full screen: one human-readable line per change, for logs and status bars.
    #[arg(long, conflicts_with = "json")]
    pub plain: bool,
    /// No full screen: one JSON object per line per event, for scripts and status bars.
    #[arg(long)]
    pub json: bool,
    /// Run the whole day this many times faster, breaks included, to try it out (e.g. 60).
    #[arg(long, value_name = "FACTOR", default_value = "1", value_parser = super::parse_speed)]
    pub speed: f64,
}

pub fn breaks(args: &BreaksArgs) -> Result<(), Failure> {
    let settings = Settings::load().map_err(Failure::Usage)?;
    let every = match (&args.every, &settings.break_every) {
        (Some(text), _) => every(text).map_err(|why| format!("--every {why}")),
        (None, Some(text)) => {
            every(text).map_err(|why| format!("break_every in the settings file: {why}"))
        }
        (None, None) => Ok(DEFAULT_EVERY),
    }
    .map_err(Failure::Usage)?;
    let routine = (args.routine.as_deref())
        .or(settings.break_routine.as_deref())
        .unwrap_or(DEFAULT_ROUTINE);
    let mode = if args.json {
        Mode::Json
    } else if args.plain || !std::io::stdout().is_terminal() {
        Mode::Plain
    } else {
        Mode::FullScreen
    };
    let options = Options {
        every,
        routine: routine.to_string(),
        mode,
        mute: args.mute,
        speed: args.speed,
    };
    start::start(&options, &settings).map(|_| ())
}

fn every(text: &str) -> Result<Duration, String> {
    let explain = || {
        format!(
            "{:?} is not an interval: write a duration like 90m, 30m or 45m30s",
            crate::format::printable(text)
        )
    };
    let every = duration::parse(text.trim()).map_err(|_| explain())?;
    if every.is_zero() {
        return Err(format!(
            "{text:?} is no time at all: give it at least a second"
        ));
    }
    Ok(every)
}
