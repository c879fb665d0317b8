//! The speech program (`espeak-ng`): found once, run once per phrase under a time limit, and
//! its WAV output made into samples that sit with the cues.
//!
//! The program is run, not linked: espeak-ng's library is GPL, and speech stays optional. The
//! text goes in on standard input (so no phrase can be read as an option) and a WAV comes out
//! on standard output (`--stdout`).

use std::ffi::OsString;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::audio::level;
use crate::audio::synth::{SAMPLE_RATE, from_i16, to_i16};

/// The program looked for on the `PATH`.
pub const DEFAULT: &str = "espeak-ng";

/// Names another speech program (a path or a name on the `PATH`) taking espeak-ng's options;
/// set but empty, there is none. Tests point it at a stand-in.
pub const ENV: &str = "SUPPLE_SPEECH_PROGRAM";

/// One phrase may take this long to render; a program that hangs is killed.
pub const TIME_LIMIT: Duration = Duration::from_secs(5);

/// The check of a voice may take this long: espeak-ng answers in under 10 ms, and a run must
/// not wait long on a program that hangs (the check then blames nothing).
const CHECK_LIMIT: Duration = Duration::from_millis(500);

/// espeak-ng's own rate, words per minute, when the settings give none.
pub const DEFAULT_RATE: u32 = 175;

/// Output larger than this is not a phrase: refused (bounds the memory a broken program takes).
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Below this level a sample counts as silence when trimming the ends: -40 dBFS.
const SILENT: f32 = 0.01;

/// The speech program and how it is to speak.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    pub path: PathBuf,
    /// An espeak-ng voice name (`-v`), e.g. `en-gb`.
    pub voice: Option<String>,
    /// Words per minute (`-s`).
    pub rate: Option<u32>,
    /// How long one phrase may take ([`TIME_LIMIT`]).
    pub limit: Duration,
}

impl Program {
    /// The speech program to use: [`ENV`] if set, else [`DEFAULT`], when it can be found.
    pub fn find(voice: Option<String>, rate: Option<u32>) -> Option<Program> {
        let name = std::env::var_os(ENV).unwrap_or_else(|| DEFAULT.into());
        let path = locate(Path::new(&name), std::env::var_os("PATH"))?;
        Some(Program {
            path,
            voice,
            rate,
            limit: TIME_LIMIT,
        })
    }

    /// A program at `path` with espeak-ng's own voice and rate.
    pub fn at(path: PathBuf) -> Program {
        Program {
            path,
            voice: None,
            rate: None,
            limit: TIME_LIMIT,
        }
    }

    /// The command-line arguments for one phrase (the text goes on standard input).
    pub fn args(&self) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec!["--stdout".into()];
        if let Some(voice) = &self.voice {
            args.extend(["-v".into(), voice.into()]);
        }
        if let Some(rate) = self.rate {
            args.extend(["-s".into(), rate.to_string().into()]);
        }
        args
    }

    /// `text` spoken: mono samples at [`SAMPLE_RATE`], silence trimmed from both ends,
    /// levelled like the cues, and rounded to 16 bits (as the cache keeps them).
    pub fn render(&self, text: &str) -> Result<Vec<f32>, String> {
        let bytes = self.run(text).map_err(|failed| match failed {
            Failed::TooLong => format!("it took longer than {:?}", self.limit),
            Failed::Other(why) => why,
        })?;
        let samples = decode(&bytes)?;
        Ok(finish(&samples))
    }

    /// Whether the program refuses its voice: it fails with it, given nothing to say, and
    /// succeeds without it (espeak-ng exits 1 on a voice it does not have). Costs one run of
    /// a few milliseconds when the voice is fine; a program that is broken or slow either
    /// way is not the voice's fault, and rendering reports it as usual.
    pub fn refuses_voice(&self) -> bool {
        if self.voice.is_none() {
            return false;
        }
        let quick = Program {
            limit: self.limit.min(CHECK_LIMIT),
            ..self.clone()
        };
        match quick.run("") {
            Ok(_) | Err(Failed::TooLong) => false,
            Err(Failed::Other(_)) => Program {
                voice: None,
                ..quick
            }
            .run("")
            .is_ok(),
        }
    }

    /// The program's standard output for `text`, within its time limit.
    fn run(&self, text: &str) -> Result<Vec<u8>, Failed> {
        let mut child = Command::new(&self.path)
            .args(self.args())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| Failed::Other(format!("cannot start {}: {e}", self.path.display())))?;
        if let Some(mut stdin) = child.stdin.take() {
            // A program that exits without reading is fine: its output tells.
            let _ = stdin.write_all(text.as_bytes());
        }
        let Some(stdout) = child.stdout.take() else {
            return Err(Failed::Other("no output".into()));
        };
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let read = stdout.take(MAX_BYTES + 1).read_to_end(&mut bytes);
            let _ = sender.send(read.map(|_| bytes));
        });
        let output = receiver.recv_timeout(self.limit);
        if output.is_err() {
            let _ = child.kill();
        }
        let status = child.wait().map_err(|e| Failed::Other(e.to_string()))?;
        let bytes = match output {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(e)) => return Err(Failed::Other(format!("cannot read its output: {e}"))),
            Err(_) => return Err(Failed::TooLong),
        };
        if !status.success() {
            return Err(Failed::Other(format!("it failed ({status})")));
        }
        if bytes.len() as u64 > MAX_BYTES {
            return Err(Failed::Other("its output is too large for a phrase".into()));
        }
        Ok(bytes)
    }
}

/// Why one run of the program gave nothing to use.
enum Failed {
    /// It was stopped at its time limit.
    TooLong,
    Other(String),
}

/// How long `text` will take to say, before it is rendered: about 65 ms a character at
/// espeak-ng's own rate (measured on this project's phrases, trimmed; a little over).
pub fn estimate(text: &str, rate: Option<u32>) -> Duration {
    let rate = f64::from(rate.unwrap_or(DEFAULT_RATE).max(1));
    let chars = text.chars().count() as f64;
    Duration::from_secs_f64(chars * 0.065 * f64::from(DEFAULT_RATE) / rate)
}

/// `name` as an executable file: a path as it is, a bare name looked up in `path_var`.
fn locate(name: &Path, path_var: Option<OsString>) -> Option<PathBuf> {
    if name.as_os_str().is_empty() {
        return None;
    }
    if name.components().count() > 1 {
        return is_executable(name).then(|| name.to_path_buf());
    }
    std::env::split_paths(&path_var?)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// A WAV from the program as mono floats at [`SAMPLE_RATE`]. espeak-ng writing to a pipe
/// cannot go back to fill in the data's length, so the samples are read until they end.
pub fn decode(bytes: &[u8]) -> Result<Vec<f32>, String> {
    let mut bytes = bytes.to_vec();
    // The usual 44-byte header: put the real data length in, so the reader takes it.
    if bytes.len() >= 44 && &bytes[..4] == b"RIFF" && &bytes[36..40] == b"data" {
        let data = u32::try_from((bytes.len() - 44) & !1).unwrap_or(!1);
        bytes[40..44].copy_from_slice(&data.to_le_bytes());
    }
    let reader = hound::WavReader::new(Cursor::new(bytes))
        .map_err(|e| format!("its output is not a WAV file ({e})"))?;
    let spec = reader.spec();
    if spec.sample_format != hound::SampleFormat::Int
        || spec.bits_per_sample != 16
        || spec.channels == 0
        || spec.sample_rate == 0
    {
        return Err("its output is not 16-bit PCM".into());
    }
    let channels = usize::from(spec.channels);
    let interleaved: Vec<f32> = reader
        .into_samples::<i16>()
        .map_while(Result::ok)
        .map(from_i16)
        .collect();
    let mono: Vec<f32> = interleaved
        .chunks_exact(channels)
        .map(|frame| frame.iter().sum::<f32>() / channels as f32)
        .collect();
    Ok(crate::audio::wav::resample(
        &mono,
        spec.sample_rate,
        SAMPLE_RATE,
    ))
}

/// Trimmed, levelled under the cues' ceiling, rounded to 16 bits.
fn finish(samples: &[f32]) -> Vec<f32> {
    let first = samples.iter().position(|s| s.abs() > SILENT);
    let last = samples.iter().rposition(|s| s.abs() > SILENT);
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let spoken = &samples[first..=last];
    let gain = level::gain(spoken, SAMPLE_RATE) as f32;
    spoken.iter().map(|s| from_i16(to_i16(s * gain))).collect()
}

/// How long samples at [`SAMPLE_RATE`] last.
pub fn duration(samples: &[f32]) -> Duration {
    Duration::from_secs_f64(samples.len() as f64 / f64::from(SAMPLE_RATE))
}

#[cfg(test)]
mod tests;
