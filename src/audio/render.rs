//! A routine's cue track as samples, streamed: every cue and spoken phrase at its time,
//! silence between.

use std::iter::Peekable;
use std::sync::Arc;
use std::time::Duration;

use super::synth::{SAMPLE_RATE, to_i16};
use super::voice::{Voice, Voices, amplitude};
use super::{Cue, Sounds, schedule};
use crate::session::Plan;

/// Silence kept after the finished chime has rung out.
pub const TAIL: Duration = Duration::from_millis(1500);

/// The sample at routine time `t`, to the nearest.
pub fn sample_at(t: Duration) -> u64 {
    let nanos = t.as_nanos() * u128::from(SAMPLE_RATE);
    u64::try_from((nanos + 500_000_000) / 1_000_000_000).unwrap_or(u64::MAX)
}

/// The cue track of a plan at speed 1, one 16-bit sample at a time at [`SAMPLE_RATE`], mixed
/// exactly as the player sounds it (same [`Voice`]s, same volume). Only the cues sounding at
/// the moment are held, so a long routine takes no more memory than a short one.
pub struct Track {
    cues: Peekable<std::vec::IntoIter<(u64, Arc<[f32]>)>>,
    voices: Voices,
    sounding: Vec<Voice>,
    /// Phrases, with voices of their own as in the player (a cue never cuts a phrase).
    phrases: Peekable<std::vec::IntoIter<(u64, Arc<[f32]>)>>,
    speech: Voices,
    amplitude: f32,
    pos: u64,
    len: u64,
}

impl Track {
    pub fn new(plan: &Plan, sounds: &Sounds, volume: f32) -> Track {
        Track::with_speech(plan, sounds, volume, Vec::new())
    }

    /// The cue track with `spoken` phrases mixed in, each starting at its routine time. The
    /// track lasts until the last phrase has been said and [`TAIL`] after.
    pub fn with_speech(
        plan: &Plan,
        sounds: &Sounds,
        volume: f32,
        spoken: Vec<(Duration, Arc<[f32]>)>,
    ) -> Track {
        let mut phrases: Vec<(u64, Arc<[f32]>)> = spoken
            .into_iter()
            .map(|(t, samples)| (sample_at(t), samples))
            .collect();
        phrases.sort_by_key(|(at, _)| *at);
        let said = phrases
            .iter()
            .map(|(at, samples)| at + samples.len() as u64 + sample_at(TAIL))
            .max()
            .unwrap_or(0);
        let cues: Vec<(u64, Arc<[f32]>)> = schedule::track(plan)
            .into_iter()
            .map(|(t, cue)| (sample_at(t), Arc::clone(sounds.get(cue))))
            .collect();
        Track {
            cues: cues.into_iter().peekable(),
            voices: Voices::default(),
            sounding: Vec::new(),
            phrases: phrases.into_iter().peekable(),
            speech: Voices::default(),
            amplitude: amplitude(volume),
            pos: 0,
            len: len(plan, sounds).max(said),
        }
    }

    /// Samples in the whole track.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Samples in the track of `plan`: the routine, then the finished chime and [`TAIL`].
pub fn len(plan: &Plan, sounds: &Sounds) -> u64 {
    sample_at(plan.total()) + sounds.get(Cue::Finished).len() as u64 + sample_at(TAIL)
}

impl Iterator for Track {
    type Item = i16;

    fn next(&mut self) -> Option<i16> {
        if self.pos >= self.len {
            return None;
        }
        while let Some((at, _)) = self.cues.peek()
            && *at <= self.pos
        {
            if let Some((_, samples)) = self.cues.next() {
                self.sounding
                    .push(self.voices.start(samples, self.amplitude));
            }
        }
        while let Some((at, _)) = self.phrases.peek()
            && *at <= self.pos
        {
            if let Some((_, samples)) = self.phrases.next() {
                self.sounding
                    .push(self.speech.start(samples, self.amplitude));
            }
        }
        let mut mix = 0.0;
        self.sounding.retain_mut(|voice| match voice.next() {
            Some(sample) => {
                mix += sample;
                true
            }
            None => false,
        });
        self.pos += 1;
        Some(to_i16(mix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_times_round_to_the_nearest() {
        assert_eq!(sample_at(Duration::ZERO), 0);
        assert_eq!(sample_at(Duration::from_secs(2)), 88_200);
        assert_eq!(sample_at(Duration::from_micros(11)), 0);
        assert_eq!(sample_at(Duration::from_micros(12)), 1);
    }
}
