//! Reading a routine file from disk: only a regular file, never more than the size limit.

use std::io::{self, Read};
use std::path::Path;

use super::{MAX_SIZE, too_large};

/// The file's bytes, at most `MAX_SIZE + 1` of them. Only a regular file is read: a FIFO or a
/// device could make the read wait forever, so it is opened without blocking and its type
/// checked on the opened handle (no race with a file swapped in between) before any read.
pub(super) fn read(path: &Path) -> Result<Vec<u8>, String> {
    let cannot = |error: io::Error| {
        let reason = match error.kind() {
            io::ErrorKind::NotFound => "there is no such file".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            io::ErrorKind::IsADirectory => "it is a folder, not a file".to_string(),
            _ => error.to_string(),
        };
        format!("cannot read the file: {reason}")
    };
    let file = open_without_waiting(path).map_err(cannot)?;
    let kind = file.metadata().map_err(cannot)?.file_type();
    if !kind.is_file() {
        return Err(not_a_file(kind));
    }
    let mut bytes = Vec::new();
    file.take(MAX_SIZE as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > MAX_SIZE {
        return Err(too_large());
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Opening a FIFO for reading blocks until a writer comes, unless O_NONBLOCK is given. A
    // regular file ignores the flag, so reading it is unchanged.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Why a path that is not a regular file cannot be a routine.
fn not_a_file(kind: std::fs::FileType) -> String {
    let what = if kind.is_dir() {
        "a folder, not a file"
    } else {
        special_kind(kind)
    };
    format!("cannot read the file: it is {what}; give the path of a routine's .json file")
}

#[cfg(unix)]
fn special_kind(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO), not a regular file"
    } else if kind.is_socket() {
        "a socket, not a regular file"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device, not a regular file"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: std::fs::FileType) -> &'static str {
    "not a regular file"
}
