//! Evens out cue levels: every cue as loud as the others, none peaking above the ceiling.
//!
//! Peak level alone does not make cues sound even: a sustained tone peaking at -3 dBFS sounds
//! several dB louder than a struck bell with the same peak. So each cue is scaled to the same
//! loudness (the loudest 400 ms, as RMS, the window of EBU "momentary" loudness), unless that
//! would put its peak above [`PEAK`], in which case the peak wins. A very short sound (a tick)
//! counts as quiet over 400 ms, so it always ends up at the peak ceiling and still sounds soft.

/// No cue's sample ever goes above this: -3 dBFS, headroom so nothing clips.
pub const PEAK: f64 = 0.707_945_784_384_137_9;

/// The loudness every cue is scaled to when its peak allows: -11 dBFS RMS over 400 ms.
pub const LOUDNESS: f64 = 0.281_838_293_126_445_5;

/// Samples per loudness window at `rate` Hz.
fn window(rate: u32) -> usize {
    (rate as usize * 2 / 5).max(1)
}

/// The factor that brings `samples` (at `rate` Hz) to [`LOUDNESS`], or to [`PEAK`] if that is
/// lower. Silence gets 0.
pub fn gain<T: Copy + Into<f64>>(samples: &[T], rate: u32) -> f64 {
    let peak = samples
        .iter()
        .fold(0.0_f64, |m, s| m.max((*s).into().abs()));
    if peak == 0.0 {
        return 0.0;
    }
    let loudness = loudness(samples, rate);
    (LOUDNESS / loudness).min(PEAK / peak)
}

/// RMS of the loudest window, the sound padded with silence when shorter than a window.
pub fn loudness<T: Copy + Into<f64>>(samples: &[T], rate: u32) -> f64 {
    let window = window(rate);
    let mut sums = Vec::with_capacity(samples.len() + 1);
    sums.push(0.0_f64);
    let mut total = 0.0;
    for s in samples {
        total += (*s).into().powi(2);
        sums.push(total);
    }
    let loudest = if samples.len() <= window {
        total
    } else {
        // Every start a hundredth of a second apart, and the last full window.
        let step = (rate as usize / 100).max(1);
        (0..=samples.len() - window)
            .step_by(step)
            .chain([samples.len() - window])
            .map(|start| sums[start + window] - sums[start])
            .fold(0.0, f64::max)
    };
    (loudest / window as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sine(amplitude: f64, secs: f64) -> Vec<f64> {
        let n = (secs * 1000.0) as usize;
        (0..n).map(|i| amplitude * (i as f64 * 0.3).sin()).collect()
    }

    #[test]
    fn a_steady_tone_is_brought_to_the_loudness() {
        let tone = sine(0.1, 2.0);
        let g = gain(&tone, 1000);
        let scaled: Vec<f64> = tone.iter().map(|s| s * g).collect();
        assert!((loudness(&scaled, 1000) - LOUDNESS).abs() < 1e-3);
    }

    #[test]
    fn a_short_blip_is_held_to_the_peak() {
        let blip = sine(0.1, 0.05);
        let g = gain(&blip, 1000);
        let peak = blip.iter().fold(0.0_f64, |m, s| m.max(s.abs())) * g;
        assert!((peak - PEAK).abs() < 1e-9);
    }

    #[test]
    fn silence_stays_silent() {
        assert_eq!(gain(&[0.0_f32; 100], 1000), 0.0);
        assert_eq!(gain::<f32>(&[], 1000), 0.0);
    }
}
