//! Routine files: JSON text in, a validated `Routine` or every problem found out.

use std::path::Path;

use super::Routine;

/// One thing wrong with a routine file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it.
    pub file: String,
    /// 1-based; 0 when the problem is about the whole file (e.g. it cannot be read).
    pub line: usize,
    pub column: usize,
    /// The field's path, e.g. `steps[2].breath.exhale`; empty for the whole document.
    pub path: String,
    pub message: String,
}

/// Parses and validates a routine file's text. `file` names it in problems.
pub fn parse(text: &str, file: &str) -> Result<Routine, Vec<Problem>> {
    let _ = (text, file);
    todo!("parser")
}

/// Reads and parses a routine file from disk.
pub fn load(path: &Path) -> Result<Routine, Vec<Problem>> {
    let _ = path;
    todo!("parser")
}
