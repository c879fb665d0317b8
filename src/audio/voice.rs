//! One cue sounding: its samples at a volume, cut short with a quick fade when the next starts.
//!
//! Only one cue is heard at a time: a cue still ringing when the next begins (a short breath,
//! the chime after a short last phase) fades out over [`FADE`] while the new one fades in over
//! the same stretch. Cues then never pile up into a blur, and the two gains always sum to at
//! most one, so overlapping cues never go past the peak ceiling (nor does a user's sound that
//! starts abruptly click). The player and the exporter both sound cues through [`Voice`], so an
//! exported track is what the player plays.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use rodio::{ChannelCount, SampleRate, Source};

use super::synth::SAMPLE_RATE;

const RATE: SampleRate = rodio::nz!(44_100);
const _: () = assert!(RATE.get() == SAMPLE_RATE);

/// Samples over which a cue fades in, and a cut cue fades out: 5 ms, quick but no click.
pub const FADE: usize = SAMPLE_RATE as usize / 200;

/// The amplitude for a volume setting: 0.0 (silent) to 1.0 (the cue as made), linear.
pub fn amplitude(volume: f32) -> f32 {
    if volume.is_nan() {
        0.0
    } else {
        volume.clamp(0.0, 1.0)
    }
}

/// Hands out voice numbers; the newest voice is the one that keeps sounding.
#[derive(Debug, Clone, Default)]
pub struct Voices {
    newest: Arc<AtomicU64>,
}

impl Voices {
    /// A new voice for `samples` at `amplitude`, which cuts every earlier voice.
    pub fn start(&self, samples: Arc<[f32]>, amplitude: f32) -> Voice {
        let id = self.newest.fetch_add(1, Ordering::Relaxed) + 1;
        Voice {
            samples,
            pos: 0,
            amplitude,
            id,
            newest: Arc::clone(&self.newest),
            cut_at: None,
        }
    }
}

/// A cue's samples as a mono rodio source at [`SAMPLE_RATE`].
#[derive(Debug, Clone)]
pub struct Voice {
    samples: Arc<[f32]>,
    pos: usize,
    amplitude: f32,
    id: u64,
    newest: Arc<AtomicU64>,
    /// Where a newer voice cut in, once it has.
    cut_at: Option<usize>,
}

impl Iterator for Voice {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        let sample = *self.samples.get(self.pos)?;
        if self.cut_at.is_none() && self.newest.load(Ordering::Relaxed) != self.id {
            self.cut_at = Some(self.pos);
        }
        let fade_in = ramp(self.pos);
        let fade_out = match self.cut_at {
            None => 1.0,
            Some(cut) => {
                let since = self.pos - cut;
                if since >= FADE {
                    self.pos = self.samples.len();
                    return None;
                }
                1.0 - ramp(since)
            }
        };
        self.pos += 1;
        Some(sample * self.amplitude * fade_in * fade_out)
    }
}

/// 0 to 1 over [`FADE`] samples, in a straight line.
fn ramp(samples: usize) -> f32 {
    if samples >= FADE {
        1.0
    } else {
        samples as f32 / FADE as f32
    }
}

impl Source for Voice {
    fn current_span_len(&self) -> Option<usize> {
        // Mono at one rate throughout: the span is the rest of the sound.
        None
    }

    fn channels(&self) -> ChannelCount {
        rodio::nz!(1)
    }

    fn sample_rate(&self) -> SampleRate {
        RATE
    }

    fn total_duration(&self) -> Option<Duration> {
        let secs = self.samples.len() as f64 / f64::from(SAMPLE_RATE);
        Some(Duration::from_secs_f64(secs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ones(n: usize) -> Arc<[f32]> {
        vec![1.0; n].into()
    }

    #[test]
    fn a_voice_fades_in_then_plays_its_samples_at_its_amplitude() {
        let voices = Voices::default();
        let played: Vec<f32> = voices.start(ones(2 * FADE), 0.5).collect();
        assert_eq!(played.len(), 2 * FADE);
        assert_eq!(played[0], 0.0);
        assert!(played[..FADE].windows(2).all(|w| w[1] > w[0]));
        assert!(played[FADE..].iter().all(|s| *s == 0.5));
    }

    #[test]
    fn a_newer_voice_crossfades_with_the_older_one_never_summing_past_one() {
        let voices = Voices::default();
        let mut old = voices.start(ones(10_000), 1.0);
        old.by_ref().take(3 * FADE).for_each(drop);
        let new = voices.start(ones(10_000), 1.0);
        let rest: Vec<f32> = old.collect();
        assert_eq!(rest.len(), FADE);
        assert_eq!(rest[0], 1.0);
        assert!(rest.windows(2).all(|w| w[1] < w[0]));
        for (old, new) in rest.iter().zip(new) {
            assert!((old + new - 1.0).abs() < 1e-6);
        }
    }

    #[test]
    fn volume_is_clamped_to_zero_through_one() {
        assert_eq!(amplitude(2.0), 1.0);
        assert_eq!(amplitude(-1.0), 0.0);
        assert_eq!(amplitude(f32::NAN), 0.0);
        assert_eq!(amplitude(0.3), 0.3);
    }

    #[test]
    fn the_source_says_mono_at_our_rate() {
        let voice = Voices::default().start(ones(44_100), 1.0);
        assert_eq!(voice.channels().get(), 1);
        assert_eq!(voice.sample_rate().get(), SAMPLE_RATE);
        assert_eq!(voice.total_duration(), Some(Duration::from_secs(1)));
    }
}
