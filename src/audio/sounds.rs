//! The samples each cue plays: the built-in sounds embedded in the binary, or the user's own.

use std::fs::File;
use std::io::{BufReader, Cursor, ErrorKind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use hound::WavReader;

use super::synth::{self, SAMPLE_RATE};
use super::{Cue, level, wav};

/// Every cue's samples: mono floats at [`SAMPLE_RATE`], levelled. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Sounds {
    cues: [Arc<[f32]>; Cue::COUNT],
}

impl Sounds {
    /// The built-in sounds.
    pub fn builtin() -> Sounds {
        Sounds {
            cues: Cue::ALL.map(builtin),
        }
    }

    /// The built-in sounds, each replaced by a file of the same name in `dir` if there is one
    /// (see [`Cue::file_name`]). A file that cannot be used keeps the built-in sound and adds
    /// a warning for the screen; nothing is printed. A user's sound is levelled like ours, so a
    /// silent file silences its cue.
    pub fn load(dir: Option<&Path>) -> (Sounds, Vec<String>) {
        let mut sounds = Sounds::builtin();
        let mut warnings = Vec::new();
        let Some(dir) = dir else {
            return (sounds, warnings);
        };
        for cue in Cue::ALL {
            let path = dir.join(cue.file_name());
            match user_sound(&path) {
                Ok(Some(samples)) => sounds.cues[cue.index()] = samples,
                Ok(None) => {}
                Err(why) => warnings.push(format!(
                    "Sound {} not used ({why}); playing the built-in one.",
                    path.display()
                )),
            }
        }
        (sounds, warnings)
    }

    pub fn get(&self, cue: Cue) -> &Arc<[f32]> {
        &self.cues[cue.index()]
    }

    /// How long the cue's sound lasts.
    pub fn len(&self, cue: Cue) -> Duration {
        Duration::from_secs_f64(self.get(cue).len() as f64 / f64::from(SAMPLE_RATE))
    }
}

/// Where a user's own cue sounds live: `sounds/` in the config folder (see
/// `config::config_dir`).
pub fn user_dir() -> Option<PathBuf> {
    Some(crate::config::config_dir()?.join("sounds"))
}

/// The embedded default WAV file for `cue`, as `cargo run --example gen-sounds` wrote it.
pub fn embedded(cue: Cue) -> &'static [u8] {
    macro_rules! asset {
        ($name:literal) => {
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/assets/sounds/",
                $name
            ))
        };
    }
    match cue {
        Cue::HoldStart => asset!("hold-start.wav"),
        Cue::Release => asset!("release.wav"),
        Cue::Tick => asset!("tick.wav"),
        Cue::RestStart => asset!("rest.wav"),
        Cue::Switch => asset!("switch.wav"),
        Cue::BreatheIn => asset!("breathe-in.wav"),
        Cue::BreathHold => asset!("breath-hold.wav"),
        Cue::BreatheOut => asset!("breathe-out.wav"),
        Cue::Finished => asset!("finished.wav"),
    }
}

/// How long each cue sounds, read from the files' headers alone (nothing decoded, so it costs
/// next to nothing at start-up): the user's file in `dir` where there is a readable one.
pub fn lengths(dir: Option<&Path>) -> [Duration; Cue::COUNT] {
    Cue::ALL.map(|cue| {
        let user = dir
            .map(|dir| dir.join(cue.file_name()))
            .and_then(|path| WavReader::open(path).ok())
            .map(|reader| header_len(&reader));
        user.unwrap_or_else(|| embedded_len(cue))
    })
}

/// How long an embedded cue lasts, from its file's size alone: reading even its header would
/// map the pages around it, and the nine files are most of a megabyte that a muted run never
/// needs. They are canonical 16-bit mono WAV files at [`SAMPLE_RATE`] (a test holds them so).
fn embedded_len(cue: Cue) -> Duration {
    const HEADER: usize = 44;
    let samples = embedded(cue).len().saturating_sub(HEADER) / 2;
    Duration::from_secs_f64(samples as f64 / f64::from(SAMPLE_RATE))
}

fn header_len<R: std::io::Read>(reader: &WavReader<R>) -> Duration {
    let rate = reader.spec().sample_rate.max(1);
    Duration::from_secs_f64(f64::from(reader.duration()) / f64::from(rate))
}

fn builtin(cue: Cue) -> Arc<[f32]> {
    let decoded = WavReader::new(Cursor::new(embedded(cue)))
        .map_err(|e| e.to_string())
        .and_then(wav::decode);
    // The embedded file is the synth's output (a test holds them equal), so making the sound
    // afresh is an exact stand-in should the file ever not decode.
    decoded
        .unwrap_or_else(|_| synth::pcm(cue).into_iter().map(synth::from_i16).collect())
        .into()
}

/// The user's sound at `path`, levelled; `None` if there is no such file.
fn user_sound(path: &Path) -> Result<Option<Arc<[f32]>>, String> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let reader = WavReader::new(BufReader::new(file)).map_err(|e| e.to_string())?;
    let mut samples = wav::decode(reader)?;
    let gain = level::gain(&samples, SAMPLE_RATE) as f32;
    for sample in &mut samples {
        *sample *= gain;
    }
    Ok(Some(samples.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embedded_cue_lasts_what_its_header_says() {
        for cue in Cue::ALL {
            let reader = WavReader::new(Cursor::new(embedded(cue))).expect("a WAV file");
            let spec = reader.spec();
            assert_eq!((spec.channels, spec.bits_per_sample), (1, 16), "{cue:?}");
            assert_eq!(spec.sample_rate, SAMPLE_RATE, "{cue:?}");
            assert_eq!(embedded_len(cue), header_len(&reader), "{cue:?}");
        }
    }

    #[test]
    fn lengths_from_the_headers_are_the_decoded_lengths() {
        let sounds = Sounds::builtin();
        let lengths = lengths(None);
        for cue in Cue::ALL {
            assert_eq!(lengths[cue.index()], sounds.len(cue), "{cue:?}");
        }
    }

    #[test]
    fn committed_assets_are_exactly_what_the_synth_makes_now() {
        for cue in Cue::ALL {
            let fresh = wav::encode(&synth::pcm(cue)).expect("encode");
            assert!(
                embedded(cue) == fresh.as_slice(),
                "assets/sounds/{} is stale: run `cargo run --example gen-sounds`",
                cue.file_name()
            );
        }
    }

    #[test]
    fn builtin_sounds_decode_from_the_embedded_files() {
        let sounds = Sounds::builtin();
        for cue in Cue::ALL {
            let want: Vec<f32> = synth::pcm(cue).into_iter().map(synth::from_i16).collect();
            assert_eq!(&sounds.get(cue)[..], &want[..], "{cue:?}");
        }
    }

    fn write_wav(path: &Path, spec: hound::WavSpec, samples: &[i16]) {
        let mut writer = hound::WavWriter::create(path, spec).expect("create");
        for s in samples {
            writer.write_sample(*s).expect("write");
        }
        writer.finalize().expect("finalize");
    }

    #[test]
    fn a_users_file_replaces_its_cue_and_is_levelled() {
        let dir = tempfile::tempdir().expect("tempdir");
        let spec = hound::WavSpec {
            channels: 2,
            sample_rate: 48_000,
            ..wav::spec()
        };
        let loud: Vec<i16> = (0..4800)
            .map(|i| if i % 20 < 10 { 30000 } else { -30000 })
            .collect();
        write_wav(&dir.path().join("tick.wav"), spec, &loud);
        let (sounds, warnings) = Sounds::load(Some(dir.path()));
        assert!(warnings.is_empty(), "{warnings:?}");
        let tick = sounds.get(Cue::Tick);
        assert_eq!(tick.len(), 2205, "resampled to 44.1 kHz mono");
        let peak = tick.iter().fold(0.0_f32, |m, s| m.max(s.abs()));
        assert!(f64::from(peak) <= level::PEAK + 1e-6, "{peak}");
        assert_eq!(
            sounds.get(Cue::HoldStart),
            Sounds::builtin().get(Cue::HoldStart)
        );
    }

    #[test]
    fn a_silent_file_silences_its_cue() {
        let dir = tempfile::tempdir().expect("tempdir");
        write_wav(&dir.path().join("tick.wav"), wav::spec(), &[0; 100]);
        let (sounds, _) = Sounds::load(Some(dir.path()));
        assert!(sounds.get(Cue::Tick).iter().all(|s| *s == 0.0));
    }

    #[test]
    fn a_broken_file_keeps_the_builtin_sound_with_a_warning() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("rest.wav"), b"not a wav").expect("write");
        std::fs::create_dir(dir.path().join("switch.wav")).expect("mkdir");
        let (sounds, warnings) = Sounds::load(Some(dir.path()));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("rest.wav"), "{warnings:?}");
        let builtin = Sounds::builtin();
        assert_eq!(sounds.get(Cue::RestStart), builtin.get(Cue::RestStart));
        assert_eq!(sounds.get(Cue::Switch), builtin.get(Cue::Switch));
    }

    #[test]
    fn no_folder_means_builtin_sounds_and_no_warnings() {
        let missing = Path::new("/nonexistent/supple/sounds");
        let (sounds, warnings) = Sounds::load(Some(missing));
        assert!(warnings.is_empty());
        assert_eq!(
            sounds.get(Cue::Finished),
            Sounds::builtin().get(Cue::Finished)
        );
    }
}
