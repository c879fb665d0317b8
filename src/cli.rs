//! The command line: clap definitions and one function per command.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::config::Voice;
use crate::routine::Routine;
use crate::routine::file::Problem;
use crate::routine::library::{self, Entry};

mod breaks;
mod breathe;
mod routines;

pub use breaks::{BreaksArgs, breaks};
pub use breathe::{BreatheArgs, breathe};
pub use routines::{export_audio, list, show, show_text, validate};

/// Guided, timed body routines in the terminal: stretches, holds, rests and paced breathing.
///
/// With no command, opens a full-screen picker of every routine.
#[derive(Debug, Parser)]
#[command(name = "supple", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play a routine full screen (or as plain lines or JSON events).
    Run(RunArgs),
    /// List every routine: name, length, title, and where it comes from.
    List,
    /// Show a routine's steps with each one's length, and the total.
    Show {
        /// A routine's name, or a path to a .json file.
        routine: String,
    },
    /// Check routine files and print every problem found.
    Validate {
        /// Routine files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a routine's whole cue track as a WAV file, to follow away from the screen.
    ExportAudio {
        /// A routine's name, or a path to a .json file.
        routine: String,
        /// The WAV file to write (replaced whole if it exists).
        file: PathBuf,
        /// Cue volume in percent (default: the settings file's, else 80).
        #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u8).range(0..=100))]
        volume: Option<u8>,
    },
    /// A paced breathing session in the player: a preset or your own pattern.
    Breathe(BreatheArgs),
    /// Stay open and remind you to move: a break every --every (default 90m).
    Breaks(BreaksArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// A routine's name (see `supple list`), or a path to a .json file.
    pub routine: String,
    #[command(flatten)]
    pub options: PlayOptions,
}

/// Every option of `run`, shared with the commands that play a routine they build
/// (`breathe`). `RunArgs` derefs to it, so `args.mute` reads as before.
#[derive(Debug, Clone, Args)]
pub struct PlayOptions {
    /// No sound at all.
    #[arg(long)]
    pub mute: bool,
    /// No full screen: one human-readable line per phase as it starts.
    #[arg(long, conflicts_with = "json")]
    pub plain: bool,
    /// No full screen: one JSON object per line per event, for scripts and status bars.
    #[arg(long)]
    pub json: bool,
    /// Run the clock this many times faster, to preview a routine quickly (e.g. 10).
    #[arg(long, value_name = "FACTOR", default_value = "1", value_parser = parse_speed)]
    pub speed: f64,
    /// Cue volume in percent (default: the settings file's, else 80).
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub volume: Option<u8>,
    /// Spoken guidance: off, names (the moves, sides and rests) or full (also each cue).
    #[arg(long, value_name = "LEVEL", value_enum)]
    pub voice: Option<Voice>,
    /// Start at this step: its number, or part of its name.
    #[arg(long, value_name = "STEP")]
    pub from: Option<String>,
    /// Do not record this run in the history.
    #[arg(long)]
    pub no_log: bool,
    /// How stiff your back is before the routine, 0 (none) to 10 (worst), for runs that do not ask.
    #[arg(long, value_name = "0-10", value_parser = clap::value_parser!(u8).range(0..=10))]
    pub before: Option<u8>,
}

fn parse_speed(text: &str) -> Result<f64, String> {
    let speed: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    if speed.is_finite() && (0.01..=1000.0).contains(&speed) {
        Ok(speed)
    } else {
        Err("must be a number from 0.01 to 1000".into())
    }
}

/// How the front end shows a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    FullScreen,
    Plain,
    Json,
}

impl std::ops::Deref for RunArgs {
    type Target = PlayOptions;

    fn deref(&self) -> &PlayOptions {
        &self.options
    }
}

impl PlayOptions {
    pub fn mode(&self) -> Mode {
        if self.json {
            Mode::Json
        } else if self.plain || !std::io::stdout().is_terminal() {
            Mode::Plain
        } else {
            Mode::FullScreen
        }
    }
}

/// Why a command failed, and so which exit status it gets.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// A usage error or an invalid or unknown routine: exit 2.
    #[error("{0}")]
    Usage(String),
    /// Invalid routine files: each problem on its own line, exit 2.
    #[error("{}", problems_text(.0))]
    Invalid(Vec<Problem>),
    /// Anything else: exit 1.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Usage(_) | Failure::Invalid(_) => 2,
            Failure::Other(_) => 1,
        }
    }
}

fn problems_text(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Finds a routine by name or path and makes sure it is valid.
pub fn resolve(name: &str) -> Result<(String, Routine), Failure> {
    let entry = library::find(name).map_err(|error| Failure::Usage(error.to_string()))?;
    let Entry { name, routine, .. } = entry;
    Ok((name, routine.map_err(Failure::Invalid)?))
}
