//! The default cue sounds, synthesized: pure functions from a cue to its samples.
//!
//! Two families, so a cue is recognisable with eyes closed: struck bells for the stretching
//! cues (hold, release, rest, switch, finished, tick) and soft sustained tones for the
//! breathing cues (in rises, hold stays level, out falls and sits lower). Every envelope starts
//! and ends at zero along a raised cosine, so no cue clicks.

use std::f64::consts::{PI, TAU};

use super::{Cue, level};

/// Sample rate of every cue sound and of exported tracks.
pub const SAMPLE_RATE: u32 = 44_100;

const SR: f64 = SAMPLE_RATE as f64;

/// The cue's default sound: mono 16-bit samples at [`SAMPLE_RATE`], levelled (see
/// [`level`]).
pub fn pcm(cue: Cue) -> Vec<i16> {
    let raw = match cue {
        Cue::HoldStart => bell(783.99, 1.2, &BRIGHT),
        Cue::Release => soft_bell(440.0, 0.9),
        Cue::Tick => tick(),
        Cue::RestStart => {
            let mut out = soft_bell(587.33, 1.25);
            mix_at(&mut out, &soft_bell(440.0, 1.25), 0.25);
            out
        }
        Cue::Switch => {
            let mut out = bell(880.0, 0.8, &LIGHT);
            mix_at(&mut out, &bell(880.0, 0.8, &LIGHT), 0.18);
            out
        }
        Cue::BreatheIn => tone(329.63, 523.25, 1.3, 0.06, 0.45),
        Cue::BreathHold => tone(440.0, 440.0, 0.7, 0.06, 0.3),
        Cue::BreatheOut => tone(392.0, 246.94, 1.5, 0.06, 0.55),
        Cue::Finished => {
            // C5 E5 G5, rising, left to ring.
            let mut out = Vec::new();
            for (i, freq) in [523.25, 659.26, 783.99].into_iter().enumerate() {
                mix_at(&mut out, &bell(freq, 1.9, &BRIGHT), 0.28 * i as f64);
            }
            out
        }
    };
    normalize(&raw)
}

/// A sample as a float in -1.0..1.0 (the inverse of [`to_i16`]).
pub fn from_i16(sample: i16) -> f32 {
    f32::from(sample) / 32768.0
}

/// A float sample as 16-bit PCM, saturating at the ends.
pub fn to_i16(sample: f32) -> i16 {
    (f64::from(sample) * 32768.0)
        .round()
        .clamp(-32768.0, 32767.0) as i16
}

/// One partial of a bell: a multiple of the base frequency, its level, and how fast it dies
/// away (seconds to fall to 1/e).
struct Partial {
    ratio: f64,
    level: f64,
    decay: f64,
}

const fn partial(ratio: f64, level: f64, decay: f64) -> Partial {
    Partial {
        ratio,
        level,
        decay,
    }
}

/// A clear bell: a little bright, the upper partials dying away first.
const BRIGHT: [Partial; 4] = [
    partial(1.0, 1.0, 0.45),
    partial(2.0, 0.30, 0.18),
    partial(3.0, 0.10, 0.08),
    partial(4.16, 0.05, 0.05),
];

/// A short, light strike.
const LIGHT: [Partial; 3] = [
    partial(1.0, 1.0, 0.2),
    partial(2.0, 0.25, 0.08),
    partial(3.0, 0.06, 0.04),
];

/// A mellow bell, nearly pure, with a gentler strike.
fn soft_bell(freq: f64, len: f64) -> Vec<f64> {
    const MELLOW: [Partial; 2] = [partial(1.0, 1.0, 0.28), partial(2.0, 0.12, 0.12)];
    struck(freq, len, 0.012, &MELLOW)
}

fn bell(freq: f64, len: f64, partials: &[Partial]) -> Vec<f64> {
    struck(freq, len, 0.005, partials)
}

/// A very short, round blip: soft enough to count seconds by without startling.
fn tick() -> Vec<f64> {
    const BLIP: [Partial; 2] = [partial(1.0, 1.0, 0.018), partial(2.0, 0.1, 0.008)];
    struck(1046.5, 0.08, 0.002, &BLIP)
}

/// A struck sound of `len` seconds: partials decaying from a smooth `attack`, faded to exact
/// silence over the last few milliseconds.
fn struck(freq: f64, len: f64, attack: f64, partials: &[Partial]) -> Vec<f64> {
    let release = (len / 3.0).min(0.05);
    (0..samples_in(len))
        .map(|i| {
            let t = i as f64 / SR;
            let sound: f64 = partials
                .iter()
                .map(|p| p.level * (-t / p.decay).exp() * (TAU * freq * p.ratio * t).sin())
                .sum();
            sound * rise(t / attack) * rise((len - t) / release)
        })
        .collect()
}

/// A soft sustained tone of `len` seconds whose pitch moves smoothly from `from` to `to` Hz,
/// with a smooth `attack` and a long `release` so it breathes out rather than stops.
fn tone(from: f64, to: f64, len: f64, attack: f64, release: f64) -> Vec<f64> {
    let mut phase: f64 = 0.0;
    (0..samples_in(len))
        .map(|i| {
            let t = i as f64 / SR;
            let x = t / len;
            // Ease in and out of the glide: the pitch moves most in the middle.
            let eased = x * x * (3.0 - 2.0 * x);
            let freq = from * (to / from).powf(eased);
            let sound = phase.sin() + 0.18 * (2.0 * phase).sin() + 0.05 * (3.0 * phase).sin();
            phase = (phase + TAU * freq / SR) % TAU;
            sound * rise(t / attack) * rise((len - t) / release)
        })
        .collect()
}

/// A raised-cosine ramp: 0 at `x <= 0`, 1 at `x >= 1`, smooth at both ends.
fn rise(x: f64) -> f64 {
    if x <= 0.0 {
        0.0
    } else if x >= 1.0 {
        1.0
    } else {
        0.5 - 0.5 * (PI * x).cos()
    }
}

fn samples_in(secs: f64) -> usize {
    (secs * SR).round() as usize
}

/// Adds `sound` into `out` starting `at` seconds in, growing `out` as needed.
fn mix_at(out: &mut Vec<f64>, sound: &[f64], at: f64) {
    let start = samples_in(at);
    if out.len() < start + sound.len() {
        out.resize(start + sound.len(), 0.0);
    }
    for (o, s) in out[start..].iter_mut().zip(sound) {
        *o += s;
    }
}

/// Scales the sound to the common level, then quantizes it.
fn normalize(sound: &[f64]) -> Vec<i16> {
    let gain = level::gain(sound, SAMPLE_RATE);
    sound
        .iter()
        .map(|s| (s * gain * 32768.0).round() as i16)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peak(pcm: &[i16]) -> i32 {
        pcm.iter().map(|s| i32::from(*s).abs()).max().unwrap_or(0)
    }

    fn loudness_db(pcm: &[i16]) -> f64 {
        let floats: Vec<f32> = pcm.iter().map(|s| from_i16(*s)).collect();
        20.0 * level::loudness(&floats, SAMPLE_RATE).log10()
    }

    /// Zero crossings per second over a stretch: a rough pitch.
    fn crossings(pcm: &[i16]) -> f64 {
        let signs: Vec<bool> = pcm.iter().filter(|s| **s != 0).map(|s| *s > 0).collect();
        let flips = signs.windows(2).filter(|w| w[0] != w[1]).count();
        flips as f64 / (pcm.len() as f64 / SR)
    }

    #[test]
    fn no_cue_peaks_above_the_ceiling() {
        let ceiling = (level::PEAK * 32768.0).round() as i32;
        for cue in Cue::ALL {
            let peak = peak(&pcm(cue));
            assert!(peak <= ceiling, "{cue:?} peaks at {peak}");
        }
        assert_eq!(peak(&pcm(Cue::Tick)), ceiling);
    }

    #[test]
    fn cues_are_about_as_loud_as_each_other() {
        let target = 20.0 * level::LOUDNESS.log10();
        for cue in Cue::ALL.into_iter().filter(|c| *c != Cue::Tick) {
            let db = loudness_db(&pcm(cue));
            assert!((db - target).abs() < 1.5, "{cue:?} at {db:.1} dB");
        }
        // The tick is short, so softer: it counts seconds, it does not announce anything.
        assert!(loudness_db(&pcm(Cue::Tick)) < target - 6.0);
    }

    #[test]
    fn every_cue_starts_and_ends_in_silence() {
        for cue in Cue::ALL {
            let pcm = pcm(cue);
            assert!(pcm[0].abs() <= 1, "{cue:?} starts at {}", pcm[0]);
            let end = pcm[pcm.len() - 1];
            assert!(end.abs() <= 1, "{cue:?} ends at {end}");
        }
    }

    #[test]
    fn no_cue_jumps_between_samples() {
        // A click is a jump no smooth tone this low could make between two samples.
        for cue in Cue::ALL {
            let pcm = pcm(cue);
            let jump = pcm
                .windows(2)
                .map(|w| (i32::from(w[1]) - i32::from(w[0])).abs())
                .max()
                .unwrap_or(0);
            assert!(jump < 8000, "{cue:?} jumps by {jump}");
        }
    }

    #[test]
    fn cues_are_short() {
        for cue in Cue::ALL {
            let secs = pcm(cue).len() as f64 / SR;
            let limit = if cue == Cue::Finished { 2.5 } else { 1.5 };
            assert!(secs <= limit, "{cue:?} lasts {secs} s");
        }
        assert!(pcm(Cue::Tick).len() as f64 / SR <= 0.1);
    }

    #[test]
    fn breathing_in_rises_and_breathing_out_falls_lower() {
        let halves = |cue| {
            let pcm = pcm(cue);
            let (a, b) = pcm.split_at(pcm.len() / 2);
            (crossings(a), crossings(b))
        };
        let (in_first, in_second) = halves(Cue::BreatheIn);
        let (out_first, out_second) = halves(Cue::BreatheOut);
        assert!(in_second > in_first * 1.2, "{in_first} -> {in_second}");
        assert!(out_second < out_first / 1.2, "{out_first} -> {out_second}");
        assert!(out_first + out_second < in_first + in_second);
    }

    #[test]
    fn conversion_round_trips() {
        for s in [i16::MIN, -12345, -1, 0, 1, 23198, i16::MAX] {
            assert_eq!(to_i16(from_i16(s)), s);
        }
        assert_eq!(to_i16(1.5), i16::MAX);
        assert_eq!(to_i16(-1.5), i16::MIN);
    }
}
