//! The commands about routine files: `list`, `show` and `validate`.

use std::path::{Path, PathBuf};

use super::{Failure, resolve};
use crate::format::{self, printable};
use crate::routine::file::Problem;
use crate::routine::library::{self, Origin};
use crate::routine::{Routine, StepKind};
use crate::session::Plan;

/// `list`: one line per routine. On a terminal, each line ends with as much of the
/// description as fits; with `long`, the whole description follows on indented lines. Piped
/// without `long`, the short form, for scripts.
pub fn list(long: bool, out: &mut impl std::io::Write) -> Result<(), Failure> {
    use std::io::IsTerminal;
    let entries = library::all();
    let width = std::io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(columns, _)| usize::from(columns));
    write!(out, "{}", list_text(&entries, width, long)).map_err(anyhow::Error::from)?;
    Ok(())
}

/// `list`'s text for a terminal `width` columns wide (`None`: not a terminal).
pub fn list_text(entries: &[library::Entry], width: Option<usize>, long: bool) -> String {
    let rows: Vec<[String; 4]> = entries
        .iter()
        .map(|entry| {
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
            [
                printable(&entry.name).into_owned(),
                length,
                printable(&title).into_owned(),
                format!("({origin})"),
            ]
        })
        .collect();
    let widest = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (name_width, length_width) = (widest(0), widest(1));
    let mut text = String::new();
    for (row, entry) in rows.iter().zip(entries) {
        let [name, length, title, origin] = row;
        let mut line = format!(
            "{}  {}  {title}  {origin}",
            format::pad_right(name, name_width),
            format::pad_left(length, length_width),
        );
        // On a terminal a line never wraps: a long problem is cut (`validate` says it all).
        if let (Some(width), false) = (width, long) {
            line = crate::ui::format::ellipsis(&line, width.saturating_sub(1));
        }
        let description = entry
            .routine
            .as_ref()
            .ok()
            .and_then(|routine| routine.description.as_deref())
            .map(printable);
        text.push_str(&line);
        match (description, width, long) {
            (Some(description), _, true) => {
                let indent = name_width + 2;
                let room = width.unwrap_or(80).saturating_sub(indent).max(20);
                text.push('\n');
                for wrapped in crate::ui::format::wrap(&description, room) {
                    text.push_str(&format!("{}{wrapped}\n", " ".repeat(indent)));
                }
                continue;
            }
            // On a terminal, the description after the line, if enough of it fits to help.
            (Some(description), Some(width), false) => {
                let room = width.saturating_sub(line.chars().count() + 4);
                if room >= 40 || room >= description.chars().count() {
                    let cut = crate::ui::format::ellipsis(&description, room);
                    text.push_str(&format!(" · {cut}"));
                }
            }
            _ => {}
        }
        text.push('\n');
    }
    text
}

pub fn show(
    name: impl AsRef<std::ffi::OsStr>,
    out: &mut impl std::io::Write,
) -> Result<(), Failure> {
    let (_, routine) = resolve(name)?;
    write!(out, "{}", show_text(&routine)).map_err(anyhow::Error::from)?;
    Ok(())
}

/// `show`'s text: the title, the description, a line per step under a header that says
/// what each column is, the total.
pub fn show_text(routine: &Routine) -> String {
    let plan = Plan::new(routine);
    let mut text = format!("{}\n", printable(&routine.title));
    if let Some(description) = &routine.description {
        text.push_str(&format!("{}\n", printable(description)));
    }
    text.push('\n');
    let names: Vec<_> = routine.steps.iter().map(|s| printable(&s.name)).collect();
    let lengths: Vec<_> = (0..routine.steps.len())
        .map(|index| format::length(plan.step_len(index)))
        .collect();
    let number_width = routine.steps.len().to_string().len();
    let (name_head, length_head, what_head) = ("step", "whole step", "what you do");
    let name_width = names
        .iter()
        .map(|name| name.chars().count())
        .chain([name_head.len()])
        .max()
        .unwrap_or(0);
    let length_width = lengths
        .iter()
        .map(|length| length.chars().count())
        .chain([length_head.len()])
        .max()
        .unwrap_or(0);
    text.push_str(&format!(
        "{}  {}  {}  {what_head}\n",
        " ".repeat(number_width),
        format::pad_right(name_head, name_width),
        format::pad_left(length_head, length_width),
    ));
    for (index, step) in routine.steps.iter().enumerate() {
        text.push_str(&format!(
            "{}. {}  {}  {}\n",
            format::pad_left(&(index + 1).to_string(), number_width),
            format::pad_right(&names[index], name_width),
            format::pad_left(&lengths[index], length_width),
            step_outline(step),
        ));
    }
    text.push_str(&format!(
        "\nTotal: {} ({})\n",
        format::length(plan.total()),
        format::countdown(plan.total())
    ));
    text.push_str("A whole step counts its get-ready, releases, side switches and rest.\n");
    text
}

/// What a step consists of, in a few words: "5 × 5 s hold per side (Right leg, Left leg),
/// 3 s release between reps, 5 s to switch sides, then 10 s rest".
fn step_outline(step: &crate::routine::Step) -> String {
    let mut parts = Vec::new();
    match &step.kind {
        StepKind::Hold(hold) => {
            let mut text = if hold.reps > 1 {
                format!("{} × {} hold", hold.reps, format::length(hold.hold))
            } else {
                format!("{} hold", format::length(hold.hold))
            };
            if !hold.sides.is_empty() {
                let sides: Vec<_> = hold.sides.iter().map(|side| printable(side)).collect();
                text.push_str(&format!(" per side ({})", sides.join(", ")));
            }
            parts.push(text);
            if hold.reps > 1 && !hold.release.is_zero() {
                parts.push(format!(
                    "{} release between reps",
                    format::length(hold.release)
                ));
            }
            if hold.sides.len() > 1 && !hold.switch.is_zero() {
                parts.push(format!("{} to switch sides", format::length(hold.switch)));
            }
        }
        StepKind::Breath(breath) => {
            let mut pattern = vec![format!("{} in", format::length(breath.inhale))];
            if !breath.hold_in.is_zero() {
                pattern.push(format!("{} hold in", format::length(breath.hold_in)));
            }
            pattern.push(format!("{} out", format::length(breath.exhale)));
            if !breath.hold_out.is_zero() {
                pattern.push(format!("{} hold out", format::length(breath.hold_out)));
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
            Ok(_) => writeln!(
                out,
                "{}: ok",
                format::printable(&path.display().to_string())
            )
            .map_err(anyhow::Error::from)?,
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

#[cfg(test)]
mod tests;
