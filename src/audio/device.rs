//! The real speaker: the default sound device through rodio, opened quietly, dropped when
//! it fails mid-routine and opened again now and then, so sound comes back with its server.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rodio::cpal::traits::HostTrait;
use rodio::cpal::{self, BufferSize};
use rodio::{DeviceSinkBuilder, DeviceSinkError, MixerDeviceSink, Source};

use super::speaker::Speaker;
use super::voice::{Voices, amplitude};
use super::{Cue, Sounds, health, quiet};

mod failures;

use failures::{FAILED_PAUSE, Failures};

/// Frames per device period: ~11 ms at 44.1 or 48 kHz. cpal keeps two periods queued, so a
/// cue reaches the speaker about 20 ms after `play`; rodio's own default is 50 ms a period.
const PERIOD_FRAMES: u32 = 512;

/// How often a lost device is tried again, at the most: at the first cue after this long.
const RETRY_EVERY: Duration = Duration::from_secs(2);

/// Why there is no sound: for the one-line notice on screen. The routine plays on silently.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no sound device ({reason})")]
pub struct NoDevice {
    pub reason: String,
}

/// Plays cues on the default output device.
pub struct RodioSpeaker {
    /// The open device; `None` while sound is lost.
    sink: Option<MixerDeviceSink>,
    /// Set from the audio thread when the stream fails for good.
    failed: Arc<AtomicBool>,
    /// When a lost device may be tried again.
    retry_at: Option<Instant>,
    sounds: Sounds,
    voices: Voices,
    /// Phrases are voices of their own: a cue never cuts a phrase, a newer phrase does.
    speech: Voices,
    volume: f32,
    muted: bool,
    warnings: Vec<String>,
    /// When the last cue started, and its length.
    last: Option<(std::time::Instant, Duration)>,
    /// When the last phrase was started, and how long until it has been said.
    last_said: Option<(std::time::Instant, Duration)>,
}

/// Opens the default sound device and loads every cue (the user's own from `user_sounds`, see
/// [`Sounds::load`]). Call once, before the screen takes over the terminal: nothing any audio
/// library says reaches the terminal, but for that stderr is briefly muted for the whole
/// process. With no device this fails within milliseconds; run on with a
/// [`Silent`](super::Silent) speaker.
pub fn open(volume: f32, user_sounds: Option<&Path>) -> Result<RodioSpeaker, NoDevice> {
    quiet::silence_alsa();
    let failed = Arc::new(AtomicBool::new(false));
    let sink = open_quietly(&failed).map_err(|err| NoDevice {
        reason: reason(&err),
    })?;
    let (sounds, warnings) = Sounds::load(user_sounds);
    Ok(RodioSpeaker {
        sink: Some(sink),
        failed,
        retry_at: None,
        sounds,
        voices: Voices::default(),
        speech: Voices::default(),
        volume: amplitude(volume),
        muted: false,
        warnings,
        last: None,
        last_said: None,
    })
}

fn open_quietly(failed: &Arc<AtomicBool>) -> Result<MixerDeviceSink, DeviceSinkError> {
    failed.store(false, Ordering::SeqCst);
    let mut sink = quiet::without_stderr(|| open_sink(failed))?;
    sink.log_on_drop(false);
    Ok(sink)
}

/// The default device only: trying every other device, as rodio's `open_default_sink` does,
/// can land on surprising ones (ALSA's `null` spins a core; `jack` may start a server).
fn open_sink(failed: &Arc<AtomicBool>) -> Result<MixerDeviceSink, DeviceSinkError> {
    let device = cpal::default_host()
        .default_output_device()
        .ok_or(DeviceSinkError::NoDevice)?;
    let on_error = || {
        let failed = Arc::clone(failed);
        let mut failures = Failures::default();
        move |err: cpal::Error| {
            if failures.failed(err.kind(), Instant::now()) {
                failed.store(true, Ordering::SeqCst);
                health::mark_lost();
            }
            if failures.storming() {
                std::thread::sleep(FAILED_PAUSE);
            }
        }
    };
    DeviceSinkBuilder::from_device(device.clone())?
        .with_buffer_size(BufferSize::Fixed(PERIOD_FRAMES))
        .with_error_callback(on_error())
        .open_stream()
        .or_else(|_| {
            DeviceSinkBuilder::from_device(device)?
                .with_error_callback(on_error())
                .open_sink_or_fallback()
        })
}

/// The error and its causes on one line.
fn reason(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

impl RodioSpeaker {
    /// Problems with the user's sound files, for the screen (never printed).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The cue sounds this speaker plays (also what an export should use).
    pub fn sounds(&self) -> &Sounds {
        &self.sounds
    }

    pub fn volume(&self) -> f32 {
        self.volume
    }

    /// 0.0 (silent) to 1.0 (full); applies from the next cue.
    pub fn set_volume(&mut self, volume: f32) {
        self.volume = amplitude(volume);
    }
}

impl RodioSpeaker {
    /// The device to play on now: a failed one is dropped (which stops its audio thread),
    /// and a lost one is opened again if it is time to try.
    fn device(&mut self) -> Option<&MixerDeviceSink> {
        if self.sink.is_some() && self.failed.load(Ordering::SeqCst) {
            self.sink = None;
            self.retry_at = Some(Instant::now() + RETRY_EVERY);
        }
        if self.sink.is_none() && self.retry_at.is_none_or(|at| Instant::now() >= at) {
            match open_quietly(&self.failed) {
                Ok(sink) => {
                    self.sink = Some(sink);
                    self.retry_at = None;
                    health::mark_found();
                }
                Err(_) => self.retry_at = Some(Instant::now() + RETRY_EVERY),
            }
        }
        self.sink.as_ref()
    }
}

impl Speaker for RodioSpeaker {
    fn play(&mut self, cue: Cue) {
        if self.muted {
            return;
        }
        let voice = self.voices.start(self.sounds.get(cue).clone(), self.volume);
        let Some(sink) = self.device() else {
            return;
        };
        sink.mixer().add(voice);
        self.last = Some((std::time::Instant::now(), self.sounds.len(cue)));
    }

    fn ringing(&self) -> Duration {
        if self.muted {
            return Duration::ZERO;
        }
        [self.last, self.last_said]
            .into_iter()
            .flatten()
            .map(|(started, len)| len.saturating_sub(started.elapsed()))
            .max()
            .unwrap_or_default()
    }

    fn say(&mut self, samples: &Arc<[f32]>, after: Duration) {
        if self.muted {
            return;
        }
        let phrase = self.speech.start(Arc::clone(samples), self.volume);
        let len = phrase.total_duration().unwrap_or_default();
        let Some(sink) = self.device() else {
            return;
        };
        sink.mixer().add(phrase.delay(after));
        self.last_said = Some((std::time::Instant::now(), after + len));
    }

    fn hush(&mut self) {
        // An empty phrase cuts the one sounding (or waiting), as an empty cue cuts a cue.
        if let Some(sink) = &self.sink {
            sink.mixer().add(self.speech.start(Vec::new().into(), 0.0));
        }
        self.last_said = None;
    }

    fn set_muted(&mut self, muted: bool) {
        if let (true, false, Some(sink)) = (muted, self.muted, &self.sink) {
            // An empty voice cuts whatever is still ringing, so muting is heard at once.
            sink.mixer().add(self.voices.start(Vec::new().into(), 0.0));
        }
        if muted && !self.muted {
            self.hush();
        }
        self.muted = muted;
    }

    fn is_muted(&self) -> bool {
        self.muted
    }
}

impl std::fmt::Debug for RodioSpeaker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RodioSpeaker")
            .field("sink", &self.sink)
            .field("volume", &self.volume)
            .field("muted", &self.muted)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("outer")]
    struct Outer(#[source] std::io::Error);

    #[test]
    fn the_reason_reads_the_whole_chain() {
        let err = Outer(std::io::Error::other("inner"));
        assert_eq!(reason(&err), "outer: inner");
    }
}
