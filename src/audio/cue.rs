//! The sound cues a routine plays, and the file name each one goes by.

/// One sound the player makes. Each has a file name, used for the built-in asset and for a
/// user's override in the sounds folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cue {
    /// A hold (or the next rep of it) begins.
    HoldStart,
    /// A release between reps begins.
    Release,
    /// One of the last three seconds of a countdown.
    Tick,
    /// A rest begins.
    RestStart,
    /// Time to switch sides.
    Switch,
    /// Breathe in: rises in pitch.
    BreatheIn,
    /// Hold the breath (after breathing in or out).
    BreathHold,
    /// Breathe out: falls in pitch.
    BreatheOut,
    /// The routine is finished.
    Finished,
}

impl Cue {
    pub const COUNT: usize = 9;

    pub const ALL: [Cue; Cue::COUNT] = [
        Cue::HoldStart,
        Cue::Release,
        Cue::Tick,
        Cue::RestStart,
        Cue::Switch,
        Cue::BreatheIn,
        Cue::BreathHold,
        Cue::BreatheOut,
        Cue::Finished,
    ];

    /// The file name of this cue's sound in `assets/sounds/` and in the user's sounds folder
    /// (public contract: never changes).
    pub fn file_name(self) -> &'static str {
        match self {
            Cue::HoldStart => "hold-start.wav",
            Cue::Release => "release.wav",
            Cue::Tick => "tick.wav",
            Cue::RestStart => "rest.wav",
            Cue::Switch => "switch.wav",
            Cue::BreatheIn => "breathe-in.wav",
            Cue::BreathHold => "breath-hold.wav",
            Cue::BreatheOut => "breathe-out.wav",
            Cue::Finished => "finished.wav",
        }
    }

    /// Position in [`Cue::ALL`], for tables indexed by cue.
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_cue_at_its_index() {
        for (i, cue) in Cue::ALL.iter().enumerate() {
            assert_eq!(cue.index(), i);
        }
    }

    #[test]
    fn file_names_are_distinct_wav_names() {
        let mut names: Vec<_> = Cue::ALL.iter().map(|c| c.file_name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Cue::COUNT);
        assert!(names.iter().all(|n| n.ends_with(".wav")));
    }
}
