//! The command line: clap definitions and one function per command.

use std::ffi::{OsStr, OsString};
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::config::Voice;
use crate::routine::Routine;
use crate::routine::file::Problem;
use crate::routine::library::{self, Entry};

mod breaks;
mod breathe;
mod edit;
mod editor;
mod export;
mod help;
mod history;
mod new;
mod routines;
mod shell;
mod usage;
mod values;

pub use breaks::{BreaksArgs, breaks};
pub use breathe::{BreatheArgs, breathe};
pub use edit::edit;
pub use export::export_audio;
pub use history::{HistoryArgs, StatsArgs, history, stats};
pub use new::new;
pub use routines::{list, show, show_text, validate};
pub use shell::{Shell, completions, man, routine_names, schema};
pub use usage::usage_error;

/// Guided, timed body routines in the terminal: stretches, holds, rests and paced breathing.
///
/// With no command, opens a full-screen picker of every routine.
#[derive(Debug, Parser)]
#[command(name = "supple", version, about, long_about, after_long_help = help::MAIN)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play a routine full screen (or as plain lines or JSON events).
    Run(RunArgs),
    /// List every routine: name, length, title, and where it comes from.
    List {
        /// Each routine's whole description too, on the lines after it.
        #[arg(long)]
        long: bool,
    },
    /// Show a routine's steps with each one's length, and the total.
    Show {
        /// A routine's name, or a path to a .json file.
        routine: OsString,
    },
    /// Check routine files and print every problem found.
    Validate {
        /// Routine files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a routine's whole guide, cues and speech, as a WAV or FLAC file, to follow away
    /// from the screen.
    ExportAudio {
        /// A routine's name, or a path to a .json file.
        routine: OsString,
        /// The file to write, `.wav` or `.flac` (replaced whole if it exists).
        file: PathBuf,
        /// Cue volume in percent (default: the settings file's, else 80).
        #[arg(long, value_name = "PERCENT", value_parser = values::percent)]
        volume: Option<u8>,
        /// Spoken guidance: off, names (the moves, sides and rests) or full (also each cue).
        #[arg(long, value_name = "LEVEL", value_enum)]
        voice: Option<Voice>,
    },
    /// Write a new routine to your routine folder, from a template or a copy, and print its path.
    #[command(after_long_help = help::NEW)]
    New {
        /// The new routine's name: its file name without .json (e.g. back-sheet).
        name: String,
        /// Copy this routine (a built-in one, one of yours, or a .json file) instead of the template.
        #[arg(long, value_name = "ROUTINE")]
        from: Option<String>,
    },
    /// Open one of your routines in your editor, and check it when you save.
    #[command(after_long_help = help::EDIT)]
    Edit {
        /// The routine's name (see `supple list`); a built-in one is copied to your folder first.
        name: String,
    },
    /// Print the JSON Schema of routine files, for editors that check JSON as you type.
    Schema,
    /// Print a completion script for your shell: commands, options and routine names.
    #[command(after_long_help = help::COMPLETIONS)]
    Completions {
        /// The shell to complete in.
        shell: Shell,
    },
    /// Print the manual page (roff), to install with `supple man > ~/.local/share/man/man1/supple.1`.
    #[command(hide = true)]
    Man,
    /// The routine names, one a line, for completion scripts.
    #[command(hide = true)]
    RoutineNames,
    /// Every recorded session, newest last: a table, or --json / --csv to export.
    History(HistoryArgs),
    /// Streaks, days and minutes practised, and stiffness before and after over the weeks.
    Stats(StatsArgs),
    /// A paced breathing session in the player: a preset or your own pattern.
    Breathe(BreatheArgs),
    /// Stay open and remind you to move: a break every --every (default 90m).
    Breaks(BreaksArgs),
}

#[derive(Debug, Args)]
#[command(after_long_help = help::RUN)]
pub struct RunArgs {
    /// A routine's name (see `supple list`), or a path to a .json file.
    pub routine: OsString,
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
    /// Run the clock this many times faster, to preview a routine quickly: 0.01 to 1000 (e.g. 10).
    #[arg(long, value_name = "FACTOR", default_value = "1", value_parser = parse_speed)]
    pub speed: f64,
    /// Cue volume in percent, 0 to 100 (default: the settings file's, else 80).
    #[arg(long, value_name = "PERCENT", value_parser = values::percent)]
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
    #[arg(long, value_name = "0-10", value_parser = values::rating)]
    pub before: Option<u8>,
}

fn parse_speed(text: &str) -> Result<f64, String> {
    values::speed(text)
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
pub fn resolve(name: impl AsRef<OsStr>) -> Result<(String, Routine), Failure> {
    let entry = library::find(name).map_err(|library::FindError::Unknown { name, closest }| {
        no_such_routine(&name, &closest)
    })?;
    let Entry {
        name,
        routine,
        origin,
    } = entry;
    let routine = routine.map_err(|mut problems| {
        // A path that is not there but names a routine: `supple run ./desk-break.json`.
        if let (library::Origin::File(path), Some(first)) = (&origin, problems.first_mut())
            && !path.exists()
            && library::all()
                .iter()
                .any(|entry| entry.name == name && entry.origin != origin)
        {
            let name = crate::format::printable(&name);
            first.message.push_str(&format!(
                "; to play the routine named {name}, run `supple run {name}`"
            ));
        }
        Failure::Invalid(problems)
    })?;
    Ok((name, routine))
}

/// "There is no routine named …", with the close names, or else every name, and a file of
/// that name in the current folder if there is one.
pub(crate) fn no_such_routine(name: &str, closest: &[String]) -> Failure {
    let mut message = no_such_routine_message(name, closest);
    let here = format!("{name}.json");
    if std::path::Path::new(&here).is_file() {
        message.push_str(&format!(
            ". There is a file {} here: to play it, give its path, `./{}`",
            crate::format::printable(&here),
            crate::format::printable(&here)
        ));
    }
    Failure::Usage(message)
}

pub(crate) fn no_such_routine_message(name: &str, closest: &[String]) -> String {
    let name = crate::format::printable(name);
    match closest {
        [] => {
            let names: Vec<String> = library::all().into_iter().map(|entry| entry.name).collect();
            format!(
                "there is no routine named {name:?}; the routines are {} (`supple list` shows \
                 them with their lengths)",
                crate::format::printable(&names.join(", "))
            )
        }
        [only] => format!(
            "there is no routine named {name:?}; did you mean {:?}?",
            crate::format::printable(only)
        ),
        several => {
            let quoted: Vec<String> = several
                .iter()
                .map(|n| format!("{:?}", crate::format::printable(n)))
                .collect();
            format!(
                "there is no routine named {name:?}; did you mean one of {}?",
                quoted.join(", ")
            )
        }
    }
}
