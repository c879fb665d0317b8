//! Writes a routine's cue track to a WAV file, all or nothing.

use std::io::BufWriter;
use std::path::Path;

use anyhow::Context;
use hound::WavWriter;

use super::render::Track;
use super::{Sounds, wav};
use crate::session::Plan;

/// Writes the cue track of `plan` (see [`Track`]) to `path` as 16-bit mono PCM WAV. The file
/// is written beside `path` under a temporary name and renamed into place once complete, so
/// on any error there is no file at `path` (an old one stays as it was) and no partial file.
pub fn export_wav(plan: &Plan, path: &Path, sounds: &Sounds, volume: f32) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new();
    temp.prefix(".supple-export-").suffix(".wav.part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // An ordinary file (umask applies), not tempfile's owner-only default.
        temp.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temp = temp
        .tempfile_in(dir)
        .with_context(|| format!("cannot write a file in {}", dir.display()))?;
    let write = || -> anyhow::Result<()> {
        let mut out = WavWriter::new(BufWriter::new(temp.as_file()), wav::spec())?;
        for sample in Track::new(plan, sounds, volume) {
            out.write_sample(sample)?;
        }
        out.finalize()?;
        temp.as_file().sync_all()?;
        Ok(())
    };
    write().with_context(|| format!("cannot write {}", path.display()))?;
    // On failure the temporary file is dropped, and so deleted.
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
