//! The history file: only ever appended to, one whole line per session, and read leniently.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use super::record::Record;

/// The history file's name in the data folder.
pub const FILE_NAME: &str = "history.jsonl";

/// Where the history lives, and the only way it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    path: PathBuf,
}

/// A line that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// 1-based.
    pub line: usize,
    pub reason: String,
}

/// Every record that could be read, oldest first as written, and the lines that could not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    pub records: Vec<Record>,
    pub unreadable: Vec<Unreadable>,
}

/// At most this many unreadable lines are named one by one; the rest are counted.
const NAMED: usize = 5;

impl Loaded {
    /// One warning per unreadable line (the first few, then how many more), naming the file
    /// and the line.
    pub fn warnings(&self, path: &Path) -> Vec<String> {
        let file = crate::format::printable(&path.display().to_string()).into_owned();
        let mut warnings: Vec<String> = (self.unreadable.iter().take(NAMED))
            .map(|bad| {
                format!(
                    "{file}: line {} skipped, it is not a session record ({})",
                    bad.line,
                    crate::format::printable(&bad.reason)
                )
            })
            .collect();
        if self.unreadable.len() > NAMED {
            warnings.push(format!(
                "{file}: {} more lines skipped",
                self.unreadable.len() - NAMED
            ));
        }
        warnings
    }
}

impl History {
    pub fn new(path: impl Into<PathBuf>) -> History {
        History { path: path.into() }
    }

    /// `history.jsonl` in the user's data folder; `None` when there is no home folder.
    pub fn from_env() -> Option<History> {
        crate::config::data_dir().map(|dir| History::new(dir.join(FILE_NAME)))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one record as one whole line, in one write to a file opened for appending,
    /// then syncs it. When the file's last line was torn (a power cut or a full disk cut a
    /// write short), the new line starts with a newline so it stands on its own.
    pub fn append(&self, record: &Record) -> io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.path)?;
        let len = file.metadata()?.len();
        let torn = if len == 0 {
            false
        } else {
            let mut last = [0u8; 1];
            file.read_exact_at(&mut last, len - 1)?;
            last[0] != b'\n'
        };
        append_line(&mut file, torn, &record.to_line())?;
        file.sync_data()
    }

    /// Every record that can be read; a missing file is an empty history.
    pub fn load(&self) -> io::Result<Loaded> {
        match std::fs::read(&self.path) {
            Ok(bytes) => Ok(parse(&bytes)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Loaded::default()),
            Err(error) => Err(error),
        }
    }
}

/// Writes `line` and its newline (after a newline first when the file's end is `torn`) in a
/// single `write`, so two processes appending at once never interleave within a line. A
/// short write is an error: the line was torn, and the next append starts afresh.
pub fn append_line(out: &mut impl Write, torn: bool, line: &str) -> io::Result<()> {
    let mut bytes = Vec::with_capacity(line.len() + 2);
    if torn {
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(line.as_bytes());
    bytes.push(b'\n');
    let written = out.write(&bytes)?;
    if written == bytes.len() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::WriteZero,
            format!(
                "only {written} of the record's {} bytes were written",
                bytes.len()
            ),
        ))
    }
}

/// Reads the records out of a history's bytes; blank lines are nothing, not problems.
pub fn parse(bytes: &[u8]) -> Loaded {
    let mut loaded = Loaded::default();
    for (index, line) in bytes.split(|&byte| byte == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let read = std::str::from_utf8(line)
            .map_err(|_| "not UTF-8 text".to_string())
            .and_then(Record::from_line);
        match read {
            Ok(record) => loaded.records.push(record),
            Err(reason) => loaded.unreadable.push(Unreadable {
                line: index + 1,
                reason,
            }),
        }
    }
    loaded
}

#[cfg(test)]
mod tests;
