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

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// How much of the history's end `latest_end` reads: a record is a few hundred bytes, so
/// this holds the last twenty or so, and the cost never grows with the history.
const TAIL: u64 = 8 * 1024;

/// When the last recorded session ended, in the local time zone; `None` when the history
/// is missing, empty or unreadable. For `supple breaks`, which asks once a minute: it reads
/// only the file's last few kilobytes, and skips lines it cannot read.
pub fn latest_end(path: &Path) -> Option<jiff::ZonedDateTime> {
    let mut file = std::fs::File::open(path).ok()?;
    let from = file.metadata().ok()?.len().saturating_sub(TAIL);
    file.seek(SeekFrom::Start(from)).ok()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let mut lines = text.lines();
    if from > 0 {
        // The seek cut the first line.
        lines.next();
    }
    let latest = lines
        .filter_map(|line| Record::from_line(line).ok())
        .map(|record| record.end.timestamp())
        .max()?;
    Some(latest.to_zoned_datetime(jiff::tz::TimeZone::system()))
}
