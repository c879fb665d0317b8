//! `export-audio`: a routine's whole guide, cues and speech, as a WAV or FLAC file.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use super::usage::plain_io;
use super::{Failure, resolve};
use crate::audio::{self, Format, Track};
use crate::config::{Settings, Voice};
use crate::format::printable;
use crate::session::Plan;
use crate::speech::{self, cache::Cache, setup};

/// Writes the routine's guide exactly as the player sounds and speaks it at speed 1, and
/// prints one line saying what was written.
pub fn export_audio(
    name: impl AsRef<std::ffi::OsStr>,
    file: &Path,
    volume: Option<u8>,
    voice: Option<Voice>,
    out: &mut impl std::io::Write,
) -> Result<(), Failure> {
    let (_, routine) = resolve(name)?;
    let format = Format::of(file).map_err(Failure::Usage)?;
    let settings = Settings::load().map_err(Failure::Usage)?;
    let gain = f32::from(volume.unwrap_or(settings.volume)) / 100.0;
    let (sounds, warnings) = audio::Sounds::load(audio::user_dir().as_deref());
    for warning in warnings {
        eprintln!("supple: {}", printable(&warning));
    }
    let plan = Plan::new(&routine);
    let speech = setup::setup(voice, &settings, false);
    if speech.missing {
        eprintln!("supple: {}; exporting the tones only", setup::MISSING);
    }
    if let Some(wrong) = &speech.unknown_voice {
        eprintln!("supple: {wrong}");
    }
    let spoken = match &speech.program {
        Some(program) if speech.voice != Voice::Off => {
            let schedule = speech::place::schedule(&plan, |cue| sounds.len(cue));
            let cache = Cache::user();
            let (spoken, failure) =
                setup::render_all(&schedule, speech.voice, program, cache.as_ref());
            if let Some(why) = failure {
                eprintln!(
                    "supple: the speech program failed ({}); some phrases are left out",
                    printable(&why)
                );
            }
            spoken
        }
        _ => Vec::new(),
    };
    let track = Track::with_speech(&plan, &sounds, gain, spoken);
    let stop = Arc::new(AtomicBool::new(false));
    let handlers = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM]
        .map(|signal| signal_hook::flag::register(signal, Arc::clone(&stop)));
    let written = audio::export(track, file, format, &stop);
    for id in handlers.into_iter().flatten() {
        signal_hook::low_level::unregister(id);
    }
    let shown = printable(&file.display().to_string()).into_owned();
    let written = written.map_err(|error| {
        if error.is::<audio::export::Interrupted>() {
            anyhow::anyhow!("export of {shown} {error}")
        } else {
            anyhow::anyhow!("{}", cannot_write(file, &error))
        }
    })?;
    let length =
        Duration::from_secs_f64(written.samples as f64 / f64::from(audio::synth::SAMPLE_RATE));
    writeln!(
        out,
        "Wrote {shown}: {} of audio, {}.",
        crate::format::elapsed(length),
        size(written.bytes)
    )
    .map_err(anyhow::Error::from)?;
    Ok(())
}

/// A file's size for people: "4.2 MB", "830 kB", "512 bytes" (decimal units, as file
/// managers show them).
pub fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.0} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// "cannot write FILE: why", in the user's words: the export's own error names a temporary
/// file and repeats the target.
fn cannot_write(file: &Path, error: &anyhow::Error) -> String {
    let shown = printable(&file.display().to_string()).into_owned();
    let io = error
        .chain()
        .find_map(|cause| cause.downcast_ref::<std::io::Error>());
    let folder = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.display().to_string(),
        _ => ".".to_string(),
    };
    let why = match io.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::NotFound) => format!(
            "the folder {} does not exist; create it first or give another path",
            printable(&folder)
        ),
        Some(std::io::ErrorKind::PermissionDenied) => {
            "permission denied; give a path in a folder you can write to".to_string()
        }
        Some(std::io::ErrorKind::IsADirectory) => {
            "it is a folder; give a file name, like desk-break.wav".to_string()
        }
        Some(std::io::ErrorKind::StorageFull) => "the disk is full".to_string(),
        _ => match io {
            Some(io) => plain_io(io),
            None => format!("{}", error.root_cause()),
        },
    };
    format!("cannot write {shown}: {why}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_decimal_units() {
        assert_eq!(size(512), "512 bytes");
        assert_eq!(size(830_400), "830 kB");
        assert_eq!(size(4_230_000), "4.2 MB");
        assert_eq!(size(94_000_000), "94.0 MB");
    }
}
