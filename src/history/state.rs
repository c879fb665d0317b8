//! Small files in the state folder, each written whole (a temporary file renamed over the
//! old one), so a crash never leaves half of one. A file that cannot be read is as if absent.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Reads a JSON state file; missing or unreadable means `None`.
pub fn read<T: DeserializeOwned>(path: &Path) -> Option<T> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

/// Writes a JSON state file whole: a temporary file beside it, synced, renamed into place.
pub fn write<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    let text = serde_json::to_string(value).map_err(io::Error::other)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_data()?;
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// A file in the user's state folder.
pub fn in_state_dir(name: &str) -> Option<PathBuf> {
    crate::config::state_dir().map(|dir| dir.join(name))
}
