//! When the last session played anywhere ended, so a routine played elsewhere counts as a
//! break.
//! The history module reads it (only the file's tail); this trait lets tests fake it.

use std::path::PathBuf;

use jiff::Timestamp;

/// Where the end of the latest recorded session comes from.
pub trait LastSession {
    /// The `end` of the newest session recorded, or `None` when there is none (or no file).
    fn latest_end(&self) -> Option<Timestamp>;
}

/// The history file's latest session, as `crate::history::latest_end` reads it.
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
        crate::history::latest_end(self.path.as_ref()?).map(|end| end.timestamp())
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A whole record, as interface.md shows one, ending at `end`.
    fn record(end: &str) -> String {
        format!(
            r#"{{"v":1,"routine":"morning-back","title":"Morning back","start":"2026-11-01T07:00:00+01:00","end":"{end}","planned":1060.0,"active":1043.2,"paused":21.0,"steps":12,"completed":11,"skipped":1,"outcome":"finished"}}"#
        )
    }

    #[test]
    fn the_newest_end_in_the_last_lines_is_the_last_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.jsonl");
        let mut file = std::fs::File::create(&path).unwrap();
        // Enough old records that only the tail is read.
        for _ in 0..200 {
            writeln!(file, "{}", record("2026-11-01T07:18:00+01:00")).unwrap();
        }
        writeln!(file, "{}", record("2026-12-01T10:15:00+01:00")).unwrap();
        writeln!(file, "not json").unwrap();
        writeln!(file, "{}", record("2026-12-01T09:30:00+01:00")).unwrap();
        writeln!(file, r#"{{"v":1,"routine":"torn"#).unwrap();
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
