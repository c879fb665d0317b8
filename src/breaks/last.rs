//! When the last session played anywhere ended, so a routine played elsewhere counts as a
//! break.
//!
//! PROVISIONAL: `HistoryTail` reads the history file itself until the history module's
//! reader lands; the integrator swaps it for that reader behind [`LastSession`].

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;

use jiff::Timestamp;

/// Where the end of the latest recorded session comes from.
pub trait LastSession {
    /// The `end` of the newest session recorded, or `None` when there is none (or no file).
    fn latest_end(&self) -> Option<Timestamp>;
}

/// Enough of the file's end to hold its last few records; the cost does not grow with the
/// history.
const TAIL: u64 = 8 * 1024;

/// PROVISIONAL reader of `history.jsonl`: only its last lines, only their `end` field.
#[derive(Debug, Clone)]
pub struct HistoryTail {
    path: Option<PathBuf>,
}

impl HistoryTail {
    /// The history file in the data folder (`$XDG_DATA_HOME/supple/history.jsonl`).
    pub fn from_env() -> HistoryTail {
        HistoryTail {
            path: crate::config::data_dir().map(|dir| dir.join("history.jsonl")),
        }
    }

    pub fn at(path: PathBuf) -> HistoryTail {
        HistoryTail { path: Some(path) }
    }
}

impl LastSession for HistoryTail {
    fn latest_end(&self) -> Option<Timestamp> {
        let mut file = File::open(self.path.as_ref()?).ok()?;
        let len = file.metadata().ok()?.len();
        let from = len.saturating_sub(TAIL);
        file.seek(SeekFrom::Start(from)).ok()?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).ok()?;
        let text = String::from_utf8_lossy(&bytes);
        let mut lines = text.lines();
        if from > 0 {
            // The first line was cut by the seek.
            lines.next();
        }
        // Lines it cannot read are skipped: the file is the user's, read leniently.
        lines.filter_map(end_of).max()
    }
}

fn end_of(line: &str) -> Option<Timestamp> {
    let record: serde_json::Value = serde_json::from_str(line).ok()?;
    record.get("end")?.as_str()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn the_newest_end_in_the_last_lines_is_the_last_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        let mut file = File::create(&path).unwrap();
        // Enough old records that only the tail is read.
        for _ in 0..200 {
            writeln!(
                file,
                r#"{{"v":1,"routine":"old","end":"2026-11-01T07:00:00+01:00"}}"#
            )
            .unwrap();
        }
        writeln!(
            file,
            r#"{{"v":1,"routine":"a","end":"2026-12-01T09:30:00+01:00"}}"#
        )
        .unwrap();
        writeln!(file, "not json").unwrap();
        writeln!(
            file,
            r#"{{"v":1,"routine":"b","end":"2026-12-01T10:15:00+01:00","x":1}}"#
        )
        .unwrap();
        writeln!(file, r#"{{"v":1,"routine":"c"}}"#).unwrap();
        drop(file);
        let end = HistoryTail::at(path).latest_end().unwrap();
        assert_eq!(end, "2026-12-01T09:15:00Z".parse::<Timestamp>().unwrap());
    }

    #[test]
    fn no_history_file_means_no_session() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            HistoryTail::at(dir.path().join("none.jsonl")).latest_end(),
            None
        );
    }
}
