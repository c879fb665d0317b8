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
    let track = Track::new(plan, sounds, volume);
    if !fits_in_wav(track.len()) {
        anyhow::bail!("the routine is too long to export: a WAV file holds at most 13 hours");
    }
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
        for sample in track {
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

/// Whether a mono 16-bit track of `samples` fits a WAV file, whose sizes are 32-bit.
fn fits_in_wav(samples: u64) -> bool {
    const HEADER: u64 = 44;
    samples
        .checked_mul(2)
        .is_some_and(|bytes| bytes + HEADER <= u64::from(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::synth::SAMPLE_RATE;

    #[test]
    fn a_wav_file_holds_about_thirteen_hours() {
        let hours = |h: u64| h * 3600 * u64::from(SAMPLE_RATE);
        assert!(fits_in_wav(hours(13)));
        assert!(!fits_in_wav(hours(14)));
        assert!(!fits_in_wav(u64::MAX));
    }
}
