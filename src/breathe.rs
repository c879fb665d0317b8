//! Breathing sessions as plans: a pattern (a preset or numbers) and a length become an
//! ordinary `Routine`, so the player, `--plain`/`--json`, sound and history apply unchanged.

pub mod pattern;
pub mod presets;

use std::time::Duration;

use crate::routine::{Breath, Routine, Step, StepKind};

pub use pattern::{Pattern, PatternError};
pub use presets::{PRESETS, Preset};

/// The "get ready" countdown before the first breath, as routine files have by default.
const PREPARE: Duration = Duration::from_secs(5);
/// Holds this long or longer get a caution before starting.
const LONG_HOLD: Duration = Duration::from_secs(7);
/// The most breaths a session may have, whichever way its length is given.
pub const MAX_CYCLES: u32 = 1000;
/// The longest session `--minutes` asks for.
pub const MAX_MINUTES: f64 = 120.0;

/// The one-line caution shown before patterns with long breath holds.
pub const CAUTION: &str =
    "Long breath holds: stop and breathe normally if you feel light-headed or dizzy.";

/// How long the session is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// The preset's own length (five breaths for a pattern given as numbers).
    Default,
    Cycles(u32),
    /// Rounded to whole breaths.
    Minutes(f64),
}

/// A breathing session ready to play.
#[derive(Debug, Clone, PartialEq)]
pub struct Breathing {
    /// What the history and `--json` call it: `breathe:belly`, `breathe:4-6`.
    pub name: String,
    pub routine: Routine,
    /// Said before starting when a hold is long.
    pub caution: Option<&'static str>,
}

/// Why a pattern or length cannot be played; the Display is the whole message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BreatheError {
    #[error("{0}\n{list}", list = presets::list())]
    Pattern(PatternError),
    #[error("--minutes must be more than 0 and at most {MAX_MINUTES}, not {0}")]
    Minutes(f64),
}

/// The session for `pattern` (a preset name or numbers; `None` is the default preset).
pub fn build(pattern: Option<&str>, length: Length) -> Result<Breathing, BreatheError> {
    let text = pattern.map(str::trim).unwrap_or(presets::DEFAULT);
    let (key, pattern, preset) = match presets::find(text) {
        Some(preset) => (preset.name.to_string(), preset.pattern(), Some(preset)),
        None => (
            text.to_string(),
            Pattern::parse(text).map_err(BreatheError::Pattern)?,
            None,
        ),
    };
    let cycle = pattern.cycle();
    let (cycles, asked) = match length {
        Length::Default => (preset.map_or(presets::CUSTOM_BREATHS, |p| p.breaths), None),
        Length::Cycles(n) => (n.clamp(1, MAX_CYCLES), None),
        Length::Minutes(minutes) => {
            if !(minutes.is_finite() && minutes > 0.0 && minutes <= MAX_MINUTES) {
                return Err(BreatheError::Minutes(minutes));
            }
            let breaths = (minutes * 60.0 / cycle.as_secs_f64()).round();
            (
                breaths.clamp(1.0, f64::from(MAX_CYCLES)) as u32,
                Some(minutes),
            )
        }
    };
    let title = title(preset, &pattern, cycles, cycle, asked);
    let step = Step {
        name: pattern.describe(),
        cue: Some(preset.map_or(presets::CUSTOM_CUE, |p| p.cue).to_string()),
        kind: StepKind::Breath(Breath {
            inhale: pattern.inhale,
            hold_in: pattern.hold_in,
            exhale: pattern.exhale,
            hold_out: pattern.hold_out,
            cycles,
        }),
        prepare: PREPARE,
        rest: None,
    };
    let long_hold = pattern.hold_in.max(pattern.hold_out) >= LONG_HOLD;
    Ok(Breathing {
        name: format!("breathe:{key}"),
        routine: Routine {
            title,
            description: preset.map(|p| p.description.to_string()),
            steps: vec![step],
        },
        caution: long_hold.then_some(CAUTION),
    })
}

/// The title says the length, and how minutes were rounded to whole breaths.
fn title(
    preset: Option<&Preset>,
    pattern: &Pattern,
    cycles: u32,
    cycle: Duration,
    asked: Option<f64>,
) -> String {
    let name = match preset {
        Some(preset) => preset.title.to_string(),
        None => format!("Breathing {}", pattern.numbers()),
    };
    let breaths = if cycles == 1 { "breath" } else { "breaths" };
    let total = crate::format::length(cycle * cycles);
    match asked {
        Some(minutes) => format!(
            "{name} · {} min as {cycles} whole {breaths} ({total})",
            pattern::trim(minutes)
        ),
        None => format!("{name} · {cycles} {breaths} ({total})"),
    }
}

#[cfg(test)]
mod tests;
