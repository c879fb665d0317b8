//! The full screen: the player and the picker. Views are pure functions of state; this
//! module only takes the terminal, runs the loops on it and always gives it back.

pub mod breaks;
mod cells;
pub mod digits;
pub mod format;
pub mod frontend;
pub mod help;
pub mod keys;
pub mod next;
pub mod pacer;
pub mod picker;
pub mod player;
pub mod practice;
mod prompts;
pub mod rating;
pub mod resume;
mod run;
pub mod safety;
pub mod stats;
pub mod summary;
pub mod theme;
pub mod ticks;

#[cfg(test)]
mod testing;

pub use frontend::{Options, Player};
pub use run::{breaks, pick, play};

use safety::Store;
use theme::Theme;

impl Options {
    /// Colour unless `NO_COLOR`; the safety note if it hasn't been shown today. `notice` is
    /// given exactly when there is no sound device.
    pub fn from_env(muted: bool, notice: Option<String>) -> Options {
        let store = Store::from_env();
        let today = safety::today();
        Options {
            theme: Theme::from_env(),
            muted,
            silent: notice.is_some(),
            notice,
            back_to: None,
            voice: None,
            safety: store.due(&today).then_some((store, today)),
            practice: practice::Practice::default(),
        }
    }
}
