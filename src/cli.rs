//! The command line: clap definitions and one function per command.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::audio;
use crate::config::Settings;
use crate::format;
use crate::routine::file::Problem;
use crate::routine::library::{self, Entry, Origin};
use crate::routine::{Routine, StepKind};
use crate::session::Plan;

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
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// A routine's name (see `supple list`), or a path to a .json file.
    pub routine: String,
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

impl RunArgs {
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

pub fn list(out: &mut impl std::io::Write) -> Result<(), Failure> {
    let entries = library::all();
    let width = entries
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0);
    for entry in &entries {
        let origin = match entry.origin {
            Origin::BuiltIn => "built-in",
            _ => "yours",
        };
        let (length, title) = match &entry.routine {
            Ok(routine) => (
                format::length(Plan::new(routine).total()),
                routine.title.clone(),
            ),
            Err(problems) => (
                "invalid".to_string(),
                problems
                    .first()
                    .map(|p| p.message.clone())
                    .unwrap_or_default(),
            ),
        };
        writeln!(
            out,
            "{:<width$}  {length:>12}  {title}  ({origin})",
            entry.name
        )
        .map_err(anyhow::Error::from)?;
    }
    Ok(())
}

pub fn show(name: &str, out: &mut impl std::io::Write) -> Result<(), Failure> {
    let (_, routine) = resolve(name)?;
    write!(out, "{}", show_text(&routine)).map_err(anyhow::Error::from)?;
    Ok(())
}

/// `show`'s text: the title, the description, one line per step, the total.
pub fn show_text(routine: &Routine) -> String {
    let plan = Plan::new(routine);
    let mut text = format!("{}\n", routine.title);
    if let Some(description) = &routine.description {
        text.push_str(&format!("{description}\n"));
    }
    text.push('\n');
    let width = routine
        .steps
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0);
    let number_width = routine.steps.len().to_string().len();
    for (index, step) in routine.steps.iter().enumerate() {
        text.push_str(&format!(
            "{:>number_width$}. {:<width$}  {:>11}  {}\n",
            index + 1,
            step.name,
            format::length(plan.step_len(index)),
            step_outline(step),
        ));
    }
    text.push_str(&format!(
        "\nTotal: {} ({})\n",
        format::length(plan.total()),
        format::elapsed(plan.total())
    ));
    text
}

/// What a step consists of, in a few words: "5 × 5 s per side (Right leg, Left leg)".
fn step_outline(step: &crate::routine::Step) -> String {
    let mut parts = Vec::new();
    match &step.kind {
        StepKind::Hold(hold) => {
            let mut text = if hold.reps > 1 {
                format!("{} × {}", hold.reps, format::length(hold.hold))
            } else {
                format::length(hold.hold)
            };
            if !hold.sides.is_empty() {
                text.push_str(&format!(" per side ({})", hold.sides.join(", ")));
            }
            parts.push(text);
        }
        StepKind::Breath(breath) => {
            let mut pattern = vec![format!("{} in", format::length(breath.inhale))];
            if !breath.hold_in.is_zero() {
                pattern.push(format!("{} hold", format::length(breath.hold_in)));
            }
            pattern.push(format!("{} out", format::length(breath.exhale)));
            if !breath.hold_out.is_zero() {
                pattern.push(format!("{} hold", format::length(breath.hold_out)));
            }
            parts.push(format!(
                "{} breath{}: {}",
                breath.cycles,
                if breath.cycles == 1 { "" } else { "s" },
                pattern.join(", ")
            ));
        }
        StepKind::Rest => parts.push("rest".into()),
    }
    if let (Some(rest), false) = (step.rest, matches!(step.kind, StepKind::Rest)) {
        parts.push(format!("then {} rest", format::length(rest)));
    }
    parts.join(", ")
}

/// Writes the routine's cue track, exactly as the player would sound it at speed 1.
pub fn export_audio(name: &str, file: &Path, volume: Option<u8>) -> Result<(), Failure> {
    let (_, routine) = resolve(name)?;
    let settings = Settings::load().map_err(Failure::Usage)?;
    let gain = f32::from(volume.unwrap_or(settings.volume)) / 100.0;
    let (sounds, warnings) = audio::Sounds::load(audio::user_dir().as_deref());
    for warning in warnings {
        eprintln!("supple: {warning}");
    }
    audio::export_wav(&Plan::new(&routine), file, &sounds, gain)
        .map_err(|error| anyhow::anyhow!("cannot write {}: {error:#}", file.display()))?;
    Ok(())
}

/// Checks every file; prints each problem, or "ok" per valid file.
pub fn validate(files: &[PathBuf], out: &mut impl std::io::Write) -> Result<(), Failure> {
    let mut problems = Vec::new();
    for path in files {
        match crate::routine::file::load(path) {
            Ok(_) => writeln!(out, "{}: ok", path.display()).map_err(anyhow::Error::from)?,
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Invalid(problems))
    }
}
