//! The practice log: every session appended to a history file that is never rewritten,
//! statistics over it as pure functions, the stiffness ratings and where a run stopped.

pub mod asking;
pub mod log;
pub mod record;
pub mod recording;
pub mod report;
pub mod resume;
pub mod sample;
pub mod state;
pub mod stats;
pub mod store;
pub mod streak;

pub use record::{Ending, Record, Stamp};
pub use recording::{Ended, Notes, Recording};
pub use store::{History, Loaded};

use std::path::Path;

/// When the last recorded session ended, in the local time zone; `None` when the history
/// is missing, empty or unreadable. For `supple breaks`, to count from the last session.
pub fn latest_end(path: &Path) -> Option<jiff::ZonedDateTime> {
    let loaded = History::new(path).load().ok()?;
    let latest = loaded.records.iter().map(|r| r.end.timestamp()).max()?;
    Some(latest.to_zoned_datetime(jiff::tz::TimeZone::system()))
}
