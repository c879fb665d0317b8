//! The commands about routine files: `list`, `show`, `validate` and `export-audio`.

use std::path::{Path, PathBuf};

use super::usage::plain_io;
use super::{Failure, resolve};
use crate::audio;
use crate::config::Settings;
use crate::format;
use crate::routine::file::Problem;
use crate::routine::library::{self, Origin};
use crate::routine::{Routine, StepKind};
use crate::session::Plan;

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
        .map_err(|error| anyhow::anyhow!("{}", cannot_write(file, &error)))?;
    Ok(())
}

/// "cannot write FILE: why", in the user's words: the export's own error names a temporary
/// file and repeats the target.
fn cannot_write(file: &Path, error: &anyhow::Error) -> String {
    let shown = format::printable(&file.display().to_string()).into_owned();
    let io = error
        .chain()
        .find_map(|cause| cause.downcast_ref::<std::io::Error>());
    let folder = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.display().to_string(),
        _ => ".".to_string(),
    };
    let why = match io.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::NotFound) => format!(
            "the folder {} does not exist; create it first or give another path",
            format::printable(&folder)
        ),
        Some(std::io::ErrorKind::PermissionDenied) => {
            "permission denied; give a path in a folder you can write to".to_string()
        }
        Some(std::io::ErrorKind::IsADirectory) => {
            "it is a folder; give a file name, like desk-break.wav".to_string()
        }
        Some(std::io::ErrorKind::StorageFull) => "the disk is full".to_string(),
        _ => match io {
            Some(io) => plain_io(io),
            None => format!("{}", error.root_cause()),
        },
    };
    format!("cannot write {shown}: {why}")
}

/// A missing file that is a routine's name gets a hint: `validate` takes files.
fn a_name_not_a_file(path: &Path, mut problems: Vec<Problem>) -> Vec<Problem> {
    let Some(name) = path.to_str() else {
        return problems;
    };
    let Ok(entry) = library::find(name) else {
        return problems;
    };
    let hint = match entry.origin {
        Origin::User(file) => format!(
            "; {name} is one of your routines, in {}: `supple validate {}` checks it",
            format::printable(&file.display().to_string()),
            format::printable(&file.display().to_string())
        ),
        Origin::BuiltIn => format!(
            "; {name} is a built-in routine, and built-in routines are always valid \
             (`supple show {name}` shows it)"
        ),
        Origin::File(_) => return problems,
    };
    if let Some(first) = problems.first_mut() {
        first.message.push_str(&hint);
    }
    problems
}

/// Checks every file; prints each problem, or "ok" per valid file.
pub fn validate(files: &[PathBuf], out: &mut impl std::io::Write) -> Result<(), Failure> {
    let mut problems = Vec::new();
    for path in files {
        match crate::routine::file::load(path) {
            Ok(_) => writeln!(out, "{}: ok", path.display()).map_err(anyhow::Error::from)?,
            Err(found) if !path.exists() => problems.extend(a_name_not_a_file(path, found)),
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Invalid(problems))
    }
}
