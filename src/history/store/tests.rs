use std::io;

use super::*;
use crate::history::sample;

fn day(text: &str) -> jiff::civil::Date {
    text.parse().unwrap()
}

fn record(n: u32) -> Record {
    Record {
        completed: n,
        ..sample::session(day("2026-12-01"), "morning-back", 17.0)
    }
}

#[test]
fn appended_records_read_back_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::new(dir.path().join("data/supple/history.jsonl"));
    assert_eq!(
        history.load().unwrap(),
        Loaded::default(),
        "no file, no records"
    );
    history.append(&record(1)).unwrap();
    history.append(&record(2)).unwrap();
    let loaded = history.load().unwrap();
    assert_eq!(loaded.records, vec![record(1), record(2)]);
    assert!(loaded.unreadable.is_empty());
    let text = std::fs::read_to_string(history.path()).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(text.ends_with('\n'));
}

#[test]
fn a_torn_last_line_is_skipped_with_a_warning_and_the_next_record_starts_a_fresh_line() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::new(dir.path().join("history.jsonl"));
    history.append(&record(1)).unwrap();
    let whole = record(2).to_line();
    let torn = &whole[..whole.len() / 2];
    std::fs::OpenOptions::new()
        .append(true)
        .open(history.path())
        .and_then(|mut file| file.write_all(torn.as_bytes()))
        .unwrap();
    let loaded = history.load().unwrap();
    assert_eq!(loaded.records, vec![record(1)]);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].line, 2);
    let warnings = loaded.warnings(history.path());
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].contains("history.jsonl: line 2 skipped"),
        "{warnings:?}"
    );

    history.append(&record(3)).unwrap();
    let text = std::fs::read_to_string(history.path()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        vec![record(1).to_line().as_str(), torn, &record(3).to_line()]
    );
    let loaded = history.load().unwrap();
    assert_eq!(loaded.records, vec![record(1), record(3)]);
    assert_eq!(loaded.unreadable[0].line, 2);
}

#[test]
fn blank_lines_are_not_problems_and_other_bad_lines_are_named_by_number() {
    let good = record(1).to_line();
    let text = format!("{good}\n\n  \nnot json\n{good}\n\u{ff}\n");
    let mut bytes = text.into_bytes();
    // An invalid UTF-8 byte on line 6.
    let at = bytes.len() - 3;
    bytes[at] = 0xff;
    let loaded = parse(&bytes);
    assert_eq!(loaded.records.len(), 2);
    let lines: Vec<usize> = loaded.unreadable.iter().map(|bad| bad.line).collect();
    assert_eq!(lines, vec![4, 6]);
}

#[test]
fn many_bad_lines_give_a_few_warnings_and_a_count() {
    let text = "x\n".repeat(12);
    let loaded = parse(text.as_bytes());
    let warnings = loaded.warnings(Path::new("h.jsonl"));
    assert_eq!(warnings.len(), 6);
    assert_eq!(warnings[5], "h.jsonl: 7 more lines skipped");
}

#[test]
fn a_warning_never_carries_control_characters_from_the_file() {
    let loaded = parse(b"{\"v\":1,\"routine\":\"\x1b]0;x\x07\"}\n");
    let warnings = loaded.warnings(Path::new("h.jsonl"));
    assert!(!warnings[0].chars().any(char::is_control), "{warnings:?}");
}

/// A disk that takes `room` bytes, then fails like a full disk does.
struct FullDisk {
    written: Vec<u8>,
    room: usize,
}

impl Write for FullDisk {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::from_raw_os_error(libc::ENOSPC));
        }
        let n = bytes.len().min(self.room);
        self.written.extend_from_slice(&bytes[..n]);
        self.room -= n;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_full_disk_is_an_error_and_a_cut_line_is_torn_not_merged() {
    let line = record(1).to_line();
    let mut disk = FullDisk {
        written: Vec::new(),
        room: 0,
    };
    let error = append_line(&mut disk, false, &line).unwrap_err();
    assert_eq!(error.raw_os_error(), Some(libc::ENOSPC));
    assert!(disk.written.is_empty());

    let mut disk = FullDisk {
        written: b"earlier\n".to_vec(),
        room: 10,
    };
    assert!(
        append_line(&mut disk, false, &line).is_err(),
        "a short write is an error"
    );
    assert!(disk.written.starts_with(b"earlier\n"));
    // The next append sees the torn end and starts on a line of its own.
    disk.room = usize::MAX;
    append_line(&mut disk, true, &line).unwrap();
    let loaded = parse(&disk.written);
    assert_eq!(loaded.records, vec![record(1)]);
    assert_eq!(loaded.unreadable.len(), 2, "'earlier' and the cut line");
}

#[test]
fn a_history_in_a_folder_that_cannot_be_made_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let history = History::new(file.join("history.jsonl"));
    assert!(history.append(&record(1)).is_err());
    assert!(history.load().is_err());
}

#[test]
fn the_latest_end_is_the_latest_session_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    assert_eq!(crate::history::latest_end(&path), None);
    let history = History::new(&path);
    history
        .append(&sample::session(day("2026-12-02"), "a", 10.0))
        .unwrap();
    history
        .append(&sample::session(day("2026-11-30"), "b", 10.0))
        .unwrap();
    let latest = crate::history::latest_end(&path).unwrap();
    assert_eq!(latest.timestamp().to_string(), "2026-12-02T06:40:00Z");
}
