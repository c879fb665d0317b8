//! Rendered phrases on disk, so that a second run speaks at once: one WAV file per text,
//! program, voice and rate, in the cache folder. Written whole (a temporary file renamed into
//! place); a file that cannot be read is rendered again.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use super::Program;
use crate::audio::synth::{from_i16, to_i16};
use crate::audio::wav;

/// Changes whenever rendering changes (trimming, levelling), so old files are not used.
const VERSION: &str = "speech-1";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    /// `speech/` in the user's cache folder (see `config::cache_dir`).
    pub fn user() -> Option<Cache> {
        Some(Cache::new(crate::config::cache_dir()?.join("speech")))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where `text`, spoken by `program`, is kept.
    pub fn path(&self, program: &Program, text: &str) -> PathBuf {
        let mut key = Fnv::default();
        for part in [
            VERSION.as_bytes(),
            program.path.as_os_str().as_encoded_bytes(),
            program.voice.as_deref().unwrap_or("").as_bytes(),
            program
                .rate
                .map(|r| r.to_string())
                .unwrap_or_default()
                .as_bytes(),
            text.as_bytes(),
        ] {
            key.write(part);
            // A separator no part contains, so ("ab", "c") and ("a", "bc") differ.
            key.write(&[0xff]);
        }
        self.dir.join(format!("{:016x}.wav", key.0))
    }

    /// The samples kept for `text`, if any can be read.
    pub fn get(&self, program: &Program, text: &str) -> Option<Vec<f32>> {
        let bytes = std::fs::read(self.path(program, text)).ok()?;
        let reader = hound::WavReader::new(Cursor::new(bytes)).ok()?;
        if reader.spec() != wav::spec() {
            return None;
        }
        reader
            .into_samples::<i16>()
            .map(|s| s.map(from_i16))
            .collect::<Result<Vec<f32>, _>>()
            .ok()
    }

    /// How long the phrase kept for `text` lasts, from its header alone (cheap: for choosing
    /// words at start-up while the samples load in the background).
    pub fn len(&self, program: &Program, text: &str) -> Option<std::time::Duration> {
        let reader = hound::WavReader::open(self.path(program, text)).ok()?;
        if reader.spec() != wav::spec() {
            return None;
        }
        let rate = f64::from(reader.spec().sample_rate);
        Some(std::time::Duration::from_secs_f64(
            f64::from(reader.duration()) / rate,
        ))
    }

    /// Removes temporary files left by a run that ended while writing one (older than a
    /// minute, so another run's file being written now is left alone).
    pub fn tidy(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|at| at.elapsed().is_ok_and(|age| age.as_secs() > 60));
            if name.starts_with(".phrase-") && name.ends_with(".part") && stale {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// Keeps `samples` for `text`: written beside its place and renamed, so a reader sees the
    /// whole file or none.
    pub fn put(&self, program: &Program, text: &str, samples: &[f32]) -> anyhow::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let pcm: Vec<i16> = samples.iter().map(|s| to_i16(*s)).collect();
        let mut temp = tempfile::Builder::new()
            .prefix(".phrase-")
            .suffix(".part")
            .tempfile_in(&self.dir)?;
        std::io::Write::write_all(&mut temp, &wav::encode(&pcm)?)?;
        temp.persist(self.path(program, text))
            .map_err(|e| e.error)?;
        Ok(())
    }
}

/// FNV-1a, 64 bits: a key that stays the same across builds (std's hasher may not).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(voice: Option<&str>) -> Program {
        Program {
            path: "/usr/bin/espeak-ng".into(),
            voice: voice.map(str::to_string),
            rate: Some(170),
            limit: crate::speech::program::TIME_LIMIT,
        }
    }

    #[test]
    fn a_phrase_put_is_got_back_exactly() {
        let dir = tempfile::tempdir().expect("dir");
        let cache = Cache::new(dir.path().join("speech"));
        let samples = vec![0.0, 0.5, -0.25, 0.125];
        assert_eq!(cache.get(&program(None), "Rest."), None);
        cache.put(&program(None), "Rest.", &samples).expect("put");
        assert_eq!(cache.get(&program(None), "Rest."), Some(samples));
        let len = cache.len(&program(None), "Rest.").expect("len");
        assert!((len.as_secs_f64() - 4.0 / 44_100.0).abs() < 1e-9, "{len:?}");
        let leftovers: Vec<_> = std::fs::read_dir(cache.dir())
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn the_key_tells_texts_voices_and_rates_apart() {
        let cache = Cache::new("/c".into());
        let a = cache.path(&program(None), "Rest.");
        assert_eq!(a, cache.path(&program(None), "Rest."));
        assert_ne!(a, cache.path(&program(None), "Rest"));
        assert_ne!(a, cache.path(&program(Some("en-gb")), "Rest."));
        let faster = Program {
            rate: Some(200),
            ..program(None)
        };
        assert_ne!(a, cache.path(&faster, "Rest."));
    }

    #[test]
    fn tidying_removes_only_old_temporary_files() {
        let dir = tempfile::tempdir().expect("dir");
        let cache = Cache::new(dir.path().to_path_buf());
        let old = dir.path().join(".phrase-old.part");
        let new = dir.path().join(".phrase-new.part");
        let kept = dir.path().join("0123456789abcdef.wav");
        for path in [&old, &new, &kept] {
            std::fs::write(path, b"x").expect("write");
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for path in [&old, &kept] {
            std::fs::File::options()
                .write(true)
                .open(path)
                .and_then(|f| f.set_modified(hour_ago))
                .expect("age");
        }
        cache.tidy();
        assert!(!old.exists());
        assert!(new.exists() && kept.exists());
    }

    #[test]
    fn a_broken_file_is_not_used() {
        let dir = tempfile::tempdir().expect("dir");
        let cache = Cache::new(dir.path().to_path_buf());
        std::fs::write(cache.path(&program(None), "Rest."), b"RIFF junk").expect("write");
        assert_eq!(cache.get(&program(None), "Rest."), None);
    }
}
