//! Whether to ask for a stiffness rating: the setting, and three skips in a row stop the
//! asking until a rating is given again (a small counter in the state folder).

use std::path::PathBuf;

use super::state;

/// Skips in a row after which supple stops asking.
pub const SKIPS_BEFORE_STOPPING: u32 = 3;

/// Said once, when the asking stops.
pub const STOPPED: &str = "Not asking about stiffness any more. To be asked again, give a rating once: supple run ROUTINE --before N.";

/// The skip counter, in `stiffness-skips` in the state folder.
#[derive(Debug, Clone)]
pub struct Asking {
    enabled: bool,
    file: Option<PathBuf>,
}

impl Asking {
    /// `enabled` is the `ask_stiffness` setting.
    pub fn new(enabled: bool, file: Option<PathBuf>) -> Asking {
        Asking { enabled, file }
    }

    pub fn from_env(enabled: bool) -> Asking {
        Asking::new(enabled, state::in_state_dir("stiffness-skips"))
    }

    fn skips(&self) -> u32 {
        (self.file.as_deref()).and_then(state::read).unwrap_or(0)
    }

    /// Whether to ask now.
    pub fn due(&self) -> bool {
        self.enabled && self.skips() < SKIPS_BEFORE_STOPPING
    }

    /// A rating was given (any way, `--before` too): ask again from now on.
    pub fn answered(&self) {
        if let Some(file) = &self.file
            && self.skips() != 0
        {
            let _ = state::write(file, &0u32);
        }
    }

    /// The prompt was skipped; returns whether that was the skip that stops the asking.
    pub fn skipped(&self) -> bool {
        let Some(file) = &self.file else { return false };
        let skips = self.skips().saturating_add(1);
        let _ = state::write(file, &skips);
        skips == SKIPS_BEFORE_STOPPING
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_skips_in_a_row_stop_the_asking_until_a_rating_is_given() {
        let dir = tempfile::tempdir().unwrap();
        let asking = Asking::new(true, Some(dir.path().join("stiffness-skips")));
        assert!(asking.due());
        assert!(!asking.skipped());
        assert!(!asking.skipped());
        assert!(asking.due());
        assert!(asking.skipped(), "the third skip says it stops");
        assert!(!asking.due());
        asking.answered();
        assert!(asking.due());
    }

    #[test]
    fn a_rating_between_skips_starts_the_count_again() {
        let dir = tempfile::tempdir().unwrap();
        let asking = Asking::new(true, Some(dir.path().join("stiffness-skips")));
        asking.skipped();
        asking.skipped();
        asking.answered();
        asking.skipped();
        asking.skipped();
        assert!(asking.due());
    }

    #[test]
    fn the_setting_off_never_asks() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!Asking::new(false, Some(dir.path().join("s"))).due());
    }
}
