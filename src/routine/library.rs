//! The built-in routines (embedded) and the user's own, found by name.
//! (Temporary stand-in until the library lands from the parser branch.)

use std::path::PathBuf;

use super::Routine;
use super::file::Problem;

#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    BuiltIn,
    User(PathBuf),
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub origin: Origin,
    pub routine: Result<Routine, Vec<Problem>>,
}

#[derive(Debug, thiserror::Error)]
pub enum FindError {
    #[error("no routine named {name:?}")]
    Unknown { name: String, closest: Vec<String> },
}

pub fn all() -> Vec<Entry> {
    Vec::new()
}

pub fn find(name: &str) -> Result<Entry, FindError> {
    Err(FindError::Unknown {
        name: name.into(),
        closest: vec![],
    })
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, self.path, self.message
        )
    }
}
