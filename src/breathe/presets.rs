//! The named breathing patterns, each with a one-line description and a default length.

use std::time::Duration;

use super::Pattern;

/// The pattern `supple breathe` plays with no argument.
pub const DEFAULT: &str = "belly";
/// Breaths for a pattern given as numbers, like the articles' five slow breaths.
pub const CUSTOM_BREATHS: u32 = 5;
pub const CUSTOM_CUE: &str = "Breathe slowly and gently, following the pacer.";

/// A named pattern. Times are in milliseconds so the table can be a constant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    pub name: &'static str,
    pub title: &'static str,
    /// One line, for `--help` and the preset list.
    pub description: &'static str,
    pub cue: &'static str,
    /// In, hold, out, hold, in milliseconds.
    pub millis: [u64; 4],
    /// Its default length.
    pub breaths: u32,
}

impl Preset {
    pub fn pattern(&self) -> Pattern {
        let [inhale, hold_in, exhale, hold_out] = self.millis.map(Duration::from_millis);
        Pattern::new(inhale, hold_in, exhale, hold_out)
    }
}

pub const PRESETS: [Preset; 5] = [
    Preset {
        name: "belly",
        title: "Belly breathing",
        description: "slow belly breaths, 4 s in and 6 s out; five of them, two or three times a day (the default)",
        cue: "A hand on your belly: breathe in through the nose so it rises, then out slowly through the mouth.",
        millis: [4000, 0, 6000, 0],
        breaths: 5,
    },
    Preset {
        name: "box",
        title: "Box breathing",
        description: "4 s in, hold 4 s, 4 s out, hold 4 s; six rounds (about 1.5 min) to steady yourself",
        cue: "Four even sides: in, hold, out, hold. Keep the holds soft, never strained.",
        millis: [4000, 4000, 4000, 4000],
        breaths: 6,
    },
    Preset {
        name: "4-7-8",
        title: "4-7-8 breathing",
        description: "4 s in, hold 7 s, 8 s out; four rounds, to wind down",
        cue: "In quietly through the nose, hold gently, then a long slow breath out through the mouth.",
        millis: [4000, 7000, 8000, 0],
        breaths: 4,
    },
    Preset {
        name: "resonance",
        title: "Resonance breathing",
        description: "5.5 s in and 5.5 s out, about six breaths a minute; 27 breaths (about 5 min)",
        cue: "Smooth and even, in and out through the nose, without pausing at the turns.",
        millis: [5500, 0, 5500, 0],
        breaths: 27,
    },
    Preset {
        name: "calm",
        title: "Calming breaths",
        description: "4 s in, 8 s out: a breath out twice as long as the breath in; eight breaths (about 1.5 min)",
        cue: "Breathe in easily, then let the breath out slowly, as if through a straw.",
        millis: [4000, 0, 8000, 0],
        breaths: 8,
    },
];

/// The preset called `name` (exactly, ignoring case).
pub fn find(name: &str) -> Option<&'static Preset> {
    PRESETS
        .iter()
        .find(|preset| preset.name.eq_ignore_ascii_case(name))
}

/// Every preset on its own line, for `--help` and for messages about a bad pattern.
pub fn list() -> String {
    let width = PRESETS.iter().map(|p| p.name.len()).max().unwrap_or(0);
    let mut text = String::from("Presets:");
    for preset in &PRESETS {
        text.push_str(&format!(
            "\n  {:width$}  {}",
            preset.name, preset.description
        ));
    }
    text
}
