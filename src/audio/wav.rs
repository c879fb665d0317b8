//! WAV files in and out: our own 16-bit mono PCM, and whatever PCM WAV a user drops in.

use std::io::{Cursor, Read, Seek, Write};

use hound::{SampleFormat, WavReader, WavSpec, WavWriter};

use super::synth::{SAMPLE_RATE, from_i16};

/// A user's cue longer than this is refused: cues are short by design, and this bounds the
/// memory a stray file can take.
pub const MAX_CUE_SECS: u32 = 10;

/// The format of every file we write: mono, 16-bit PCM at [`SAMPLE_RATE`].
pub fn spec() -> WavSpec {
    WavSpec {
        channels: 1,
        sample_rate: SAMPLE_RATE,
        bits_per_sample: 16,
        sample_format: SampleFormat::Int,
    }
}

/// A whole WAV file holding `samples`, byte for byte what the generator writes.
pub fn encode(samples: &[i16]) -> Result<Vec<u8>, hound::Error> {
    let mut bytes = Cursor::new(Vec::new());
    write(&mut bytes, samples)?;
    Ok(bytes.into_inner())
}

/// Writes `samples` as a WAV file to `out`.
pub fn write<W: Write + Seek>(out: W, samples: &[i16]) -> Result<(), hound::Error> {
    let mut writer = WavWriter::new(out, spec())?;
    for sample in samples {
        writer.write_sample(*sample)?;
    }
    writer.finalize()
}

/// Decodes any integer or float PCM WAV to mono floats at [`SAMPLE_RATE`]: channels are
/// averaged and other rates resampled (linearly: plenty for a short cue).
pub fn decode<R: Read>(reader: WavReader<R>) -> Result<Vec<f32>, String> {
    let spec = reader.spec();
    let channels = usize::from(spec.channels);
    if channels == 0 || spec.sample_rate == 0 {
        return Err("the file says it has no channels or no sample rate".into());
    }
    if reader.duration() > MAX_CUE_SECS.saturating_mul(spec.sample_rate) {
        return Err(format!("it is longer than {MAX_CUE_SECS} s"));
    }
    let interleaved = samples(reader, spec).map_err(|e| e.to_string())?;
    let mono: Vec<f32> = interleaved
        .chunks_exact(channels)
        .map(|frame| frame.iter().sum::<f32>() / channels as f32)
        .collect();
    Ok(resample(&mono, spec.sample_rate, SAMPLE_RATE))
}

/// Every sample as a float in -1.0..1.0, still interleaved.
fn samples<R: Read>(reader: WavReader<R>, spec: WavSpec) -> Result<Vec<f32>, hound::Error> {
    match (spec.sample_format, spec.bits_per_sample) {
        (SampleFormat::Float, _) => reader.into_samples::<f32>().collect(),
        (SampleFormat::Int, 16) => reader
            .into_samples::<i16>()
            .map(|s| s.map(from_i16))
            .collect(),
        (SampleFormat::Int, bits) => {
            let scale = 2.0_f32.powi(i32::from(bits) - 1);
            reader
                .into_samples::<i32>()
                .map(|s| s.map(|s| s as f32 / scale))
                .collect()
        }
    }
}

/// Linear interpolation from `from` Hz to `to` Hz.
pub(crate) fn resample(samples: &[f32], from: u32, to: u32) -> Vec<f32> {
    if from == to || samples.is_empty() {
        return samples.to_vec();
    }
    let step = f64::from(from) / f64::from(to);
    let len = (samples.len() as f64 / step).round() as usize;
    let last = samples.len() - 1;
    (0..len)
        .map(|i| {
            let pos = i as f64 * step;
            let index = (pos.floor() as usize).min(last);
            let frac = (pos - index as f64) as f32;
            let next = samples[(index + 1).min(last)];
            samples[index] * (1.0 - frac) + next * frac
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav_bytes(spec: WavSpec, samples: &[i32]) -> Vec<u8> {
        let mut bytes = Cursor::new(Vec::new());
        let mut writer = WavWriter::new(&mut bytes, spec).expect("writer");
        for s in samples {
            writer.write_sample(*s).expect("sample");
        }
        writer.finalize().expect("finalize");
        bytes.into_inner()
    }

    fn decode_bytes(bytes: &[u8]) -> Result<Vec<f32>, String> {
        let reader = WavReader::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        decode(reader)
    }

    #[test]
    fn our_own_files_decode_to_the_same_samples() {
        let pcm = [0_i16, 1000, -1000, 32767, -32768];
        let decoded = decode_bytes(&encode(&pcm).expect("encode")).expect("decode");
        let want: Vec<f32> = pcm.iter().map(|s| from_i16(*s)).collect();
        assert_eq!(decoded, want);
    }

    #[test]
    fn stereo_is_averaged_to_mono() {
        let spec = WavSpec {
            channels: 2,
            ..spec()
        };
        let decoded = decode_bytes(&wav_bytes(spec, &[16384, 0, -16384, -16384])).expect("decode");
        assert_eq!(decoded, vec![0.25, -0.5]);
    }

    #[test]
    fn other_rates_are_resampled_to_ours() {
        let spec = WavSpec {
            sample_rate: 22_050,
            bits_per_sample: 24,
            ..spec()
        };
        let decoded = decode_bytes(&wav_bytes(spec, &[0, 4_194_304, 0])).expect("decode");
        assert_eq!(decoded.len(), 6);
        assert_eq!(decoded[2], 0.5);
        assert_eq!(decoded[1], 0.25);
    }

    #[test]
    fn overlong_and_broken_files_are_refused() {
        let spec = WavSpec {
            sample_rate: 100,
            ..spec()
        };
        let long = wav_bytes(spec, &vec![0; 100 * MAX_CUE_SECS as usize + 1]);
        assert!(decode_bytes(&long).is_err());
        assert!(decode_bytes(b"RIFF junk").is_err());
    }
}
