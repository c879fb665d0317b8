//! The commands about routine files: `list`, `show` and `validate`.

use std::path::PathBuf;

use super::{Failure, resolve};
use crate::format;
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
