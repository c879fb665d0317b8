//! Writes a routine's track (cues and speech) to a WAV or FLAC file, all or nothing.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use flacenc::component::BitRepr;
use flacenc::error::Verify;
use hound::WavWriter;

use super::render::Track;
use super::synth::SAMPLE_RATE;
use super::{Sounds, wav};
use crate::session::Plan;

/// The kinds of file an export writes, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// 16-bit mono PCM.
    Wav,
    /// The same samples, compressed losslessly.
    Flac,
}

impl Format {
    /// The format for `path`'s extension, or what to do about it.
    pub fn of(path: &Path) -> Result<Format, String> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("wav") => Ok(Format::Wav),
            Some("flac") => Ok(Format::Flac),
            _ => Err(format!(
                "{}: the file name must end in .wav or .flac (the format follows it)",
                crate::format::printable(&path.display().to_string())
            )),
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Format::Wav => ".wav.part",
            Format::Flac => ".flac.part",
        }
    }
}

/// The export was stopped by a signal (Ctrl-C, SIGTERM); nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("interrupted: nothing was written")]
pub struct Interrupted;

/// What was written: samples at [`SAMPLE_RATE`] and bytes on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub samples: u64,
    pub bytes: u64,
}

/// Writes the cue track of `plan` (see [`Track`]) to `path` as 16-bit mono PCM WAV.
pub fn export_wav(plan: &Plan, path: &Path, sounds: &Sounds, volume: f32) -> anyhow::Result<()> {
    let never = AtomicBool::new(false);
    export(Track::new(plan, sounds, volume), path, Format::Wav, &never)?;
    Ok(())
}

/// Writes `track` to `path` in `format`. The file is written beside `path` under a temporary
/// name and renamed into place once complete, so on any error, and when `stop` is set (by a
/// signal) part way, there is no file at `path` (an old one stays as it was) and no partial
/// file: the error is then [`Interrupted`].
pub fn export(
    track: Track,
    path: &Path,
    format: Format,
    stop: &AtomicBool,
) -> anyhow::Result<Written> {
    let samples = track.len();
    if format == Format::Wav && !fits_in_wav(samples) {
        anyhow::bail!("the routine is too long to export: a WAV file holds at most 13 hours");
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new();
    temp.prefix(".supple-export-").suffix(format.suffix());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // An ordinary file (umask applies), not tempfile's owner-only default.
        temp.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temp = temp
        .tempfile_in(dir)
        .with_context(|| format!("cannot write a file in {}", dir.display()))?;
    // From here on every early return drops `temp`, which deletes it.
    let result = match format {
        Format::Wav => write_wav(track, temp.as_file(), stop),
        Format::Flac => write_flac(track, temp.as_file(), stop),
    };
    if stop.load(Ordering::Relaxed) {
        return Err(Interrupted.into());
    }
    result.with_context(|| format!("cannot write {}", path.display()))?;
    let bytes = temp.as_file().metadata().map(|m| m.len()).unwrap_or(0);
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Written { samples, bytes })
}

/// Samples between looks at the stop flag: a tenth of a second of audio.
const CHECK_EVERY: usize = SAMPLE_RATE as usize / 10;

fn write_wav(track: Track, file: &std::fs::File, stop: &AtomicBool) -> anyhow::Result<()> {
    let mut out = WavWriter::new(BufWriter::new(file), wav::spec())?;
    for (i, sample) in track.enumerate() {
        if i % CHECK_EVERY == 0 && stop.load(Ordering::Relaxed) {
            return Err(Interrupted.into());
        }
        out.write_sample(sample)?;
    }
    out.finalize()?;
    file.sync_all()?;
    Ok(())
}

/// The track for the FLAC encoder, a block at a time; it ends early when `stop` is set.
struct FlacSource<'a> {
    track: Track,
    len: usize,
    block: Vec<i32>,
    stop: &'a AtomicBool,
}

impl flacenc::source::Source for FlacSource<'_> {
    fn channels(&self) -> usize {
        1
    }

    fn bits_per_sample(&self) -> usize {
        16
    }

    fn sample_rate(&self) -> usize {
        SAMPLE_RATE as usize
    }

    fn read_samples<F: flacenc::source::Fill>(
        &mut self,
        block_size: usize,
        dest: &mut F,
    ) -> Result<usize, flacenc::error::SourceError> {
        self.block.clear();
        if !self.stop.load(Ordering::Relaxed) {
            self.block
                .extend(self.track.by_ref().take(block_size).map(i32::from));
        }
        dest.fill_interleaved(&self.block)?;
        Ok(self.block.len())
    }

    fn len_hint(&self) -> Option<usize> {
        Some(self.len)
    }
}

fn write_flac(track: Track, file: &std::fs::File, stop: &AtomicBool) -> anyhow::Result<()> {
    let config = flacenc::config::Encoder::default()
        .into_verified()
        .map_err(|(_, e)| anyhow::anyhow!("the FLAC encoder's settings: {e}"))?;
    let len = usize::try_from(track.len())?;
    let source = FlacSource {
        track,
        len,
        block: Vec::new(),
        stop,
    };
    let stream = flacenc::encode_with_fixed_block_size(&config, source, config.block_size)
        .map_err(|e| anyhow::anyhow!("FLAC encoding failed: {e}"))?;
    if stop.load(Ordering::Relaxed) {
        return Err(Interrupted.into());
    }
    let mut sink = flacenc::bitsink::ByteSink::new();
    stream
        .write(&mut sink)
        .map_err(|e| anyhow::anyhow!("FLAC encoding failed: {e}"))?;
    let mut out = BufWriter::new(file);
    out.write_all(sink.as_slice())?;
    out.flush()?;
    drop(out);
    file.sync_all()?;
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

    #[test]
    fn a_wav_file_holds_about_thirteen_hours() {
        let hours = |h: u64| h * 3600 * u64::from(SAMPLE_RATE);
        assert!(fits_in_wav(hours(13)));
        assert!(!fits_in_wav(hours(14)));
        assert!(!fits_in_wav(u64::MAX));
    }

    #[test]
    fn the_format_follows_the_extension_whatever_its_case() {
        assert_eq!(Format::of(Path::new("a/guide.wav")), Ok(Format::Wav));
        assert_eq!(Format::of(Path::new("guide.FLAC")), Ok(Format::Flac));
        let error = Format::of(Path::new("guide.mp3")).unwrap_err();
        assert!(error.contains(".wav or .flac"), "{error}");
        assert!(Format::of(Path::new("guide")).is_err());
    }
}
