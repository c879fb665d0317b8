//! Where each phrase is said: a pure schedule that puts phrases in the quiet between cues.
//!
//! Bells, ticks and tones keep their exact moments. A phrase starts at its wanted moment, or
//! [`GAP`] after the cue sounding then has rung out, and has until [`GAP`] before the next cue
//! (or the next phrase) to finish: its *room*. Which of its forms is said is decided with the
//! rendered lengths, by [`Placed::words`]: the longest that fits the room, or nothing. The
//! moment never depends on the lengths, so the player and the export place phrases alike.

use std::ops::Range;
use std::time::Duration;

use super::phrases::{self, Phrase};
use crate::audio::{Cue, schedule};
use crate::config::Voice;
use crate::session::Plan;

/// The quiet kept between speech and any cue.
pub const GAP: Duration = Duration::from_millis(150);

/// A phrase at its moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// Routine time at which it starts (planned, speed 1).
    pub at: Duration,
    /// The phase it starts in, and how far into that phase.
    pub phase: usize,
    pub offset: Duration,
    /// How long it may last; `None` when nothing follows (the closing words).
    pub room: Option<Duration>,
    pub phrase: Phrase,
}

impl Placed {
    /// What is said here at `voice`, given each form's length: the longest form that fits.
    pub fn words(&self, voice: Voice, len: impl Fn(&str) -> Duration) -> Option<&str> {
        self.words_within(voice, self.room, len)
    }

    /// As [`Placed::words`], within `room` instead of the planned room.
    pub fn words_within(
        &self,
        voice: Voice,
        room: Option<Duration>,
        len: impl Fn(&str) -> Duration,
    ) -> Option<&str> {
        let text = self.phrase.text(voice)?;
        text.forms
            .iter()
            .find(|form| room.is_none_or(|room| len(form) <= room))
            .map(String::as_str)
    }
}

/// Every phrase of a plan at its moment, found by phase; the closing words apart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    pub placed: Vec<Placed>,
    /// `by_phase[i]`: the range of `placed` that starts in phase `i`.
    by_phase: Vec<Range<usize>>,
    /// Said after the finished chime.
    pub closing: Option<Placed>,
}

impl Schedule {
    /// The phrases that start in phase `index`, in order.
    pub fn in_phase(&self, index: usize) -> &[Placed] {
        self.by_phase
            .get(index)
            .map_or(&[], |range| &self.placed[range.clone()])
    }

    /// Every form of every phrase at any voice level, soonest first, each once: what to
    /// render.
    pub fn texts(&self) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        let mut texts = Vec::new();
        for placed in self.placed.iter().chain(&self.closing) {
            let phrase = &placed.phrase;
            for text in [&phrase.names, &phrase.full].into_iter().flatten() {
                for form in &text.forms {
                    if seen.insert(form.as_str()) {
                        texts.push(form.clone());
                    }
                }
            }
        }
        texts
    }

    /// Every phrase said at `voice`, closing words included, with its start: the words of
    /// each from `len` (rendered or estimated lengths).
    pub fn spoken(&self, voice: Voice, len: impl Fn(&str) -> Duration) -> Vec<(Duration, String)> {
        self.placed
            .iter()
            .chain(&self.closing)
            .filter_map(|placed| Some((placed.at, placed.words(voice, &len)?.to_string())))
            .collect()
    }
}

/// The schedule of `plan`'s phrases among its cues, each cue sounding for `cue_len`.
pub fn schedule(plan: &Plan, cue_len: impl Fn(Cue) -> Duration) -> Schedule {
    let spans = cue_spans(plan, &cue_len);
    let starts = phase_starts(plan);
    let quiet = |at| fit(&spans, at).1.unwrap_or(Duration::MAX);
    let mut all = phrases::phrases(plan, quiet);
    let closing = all.pop();
    let mut placed: Vec<Placed> = all
        .into_iter()
        .map(|phrase| {
            let (at, room) = fit(&spans, phrase.at);
            let (phase, offset) = phase_at(&starts, at);
            Placed {
                at,
                phase,
                offset,
                room,
                phrase,
            }
        })
        .collect();
    // A phrase pushed late by a cue can land on the next; keep them in order, no overlaps.
    placed.sort_by_key(|p| p.at);
    for i in 1..placed.len() {
        let next = placed[i].at;
        let this = &mut placed[i - 1];
        let before_next = next.saturating_sub(this.at + GAP);
        this.room = Some(this.room.map_or(before_next, |room| room.min(before_next)));
    }
    let mut by_phase = vec![0..0; plan.phases.len()];
    let mut first = 0;
    for (index, range) in by_phase.iter_mut().enumerate() {
        let end = first + placed[first..].partition_point(|p| p.phase == index);
        *range = first..end;
        first = end;
    }
    let closing = closing.map(|phrase| {
        let (at, _) = fit(&spans, phrase.at);
        let (phase, offset) = phase_at(&starts, at);
        Placed {
            at,
            phase,
            offset,
            room: None,
            phrase,
        }
    });
    Schedule {
        placed,
        by_phase,
        closing,
    }
}

/// When each cue of the track sounds: from its moment until it rings out or the next cue
/// cuts it (only one cue sounds at a time).
fn cue_spans(plan: &Plan, cue_len: &impl Fn(Cue) -> Duration) -> Vec<Range<Duration>> {
    let track = schedule::track(plan);
    track
        .iter()
        .enumerate()
        .map(|(i, (at, cue))| {
            let rung = *at + cue_len(*cue);
            let end = track.get(i + 1).map_or(rung, |(next, _)| rung.min(*next));
            *at..end
        })
        .collect()
}

/// The start of a phrase wanted at `wanted`, and its room before the next cue.
fn fit(spans: &[Range<Duration>], wanted: Duration) -> (Duration, Option<Duration>) {
    // Only the cue sounding at the wanted moment pushes a phrase on: a phrase drifting past
    // several cues would no longer belong to its moment, so it gets no room instead.
    let next = spans.partition_point(|span| span.start <= wanted);
    let mut start = wanted;
    if let Some(sounding) = next.checked_sub(1).map(|i| &spans[i]) {
        start = start.max(sounding.end + GAP);
    }
    let room = spans
        .get(next)
        .map(|next| next.start.saturating_sub(start + GAP));
    (start, room)
}

/// Routine time at which each phase starts, as planned.
fn phase_starts(plan: &Plan) -> Vec<Duration> {
    let mut start = Duration::ZERO;
    plan.phases
        .iter()
        .map(|phase| {
            let this = start;
            start += phase.len;
            this
        })
        .collect()
}

/// The phase routine time `at` falls in, and how far into it (the last phase past the end).
fn phase_at(starts: &[Duration], at: Duration) -> (usize, Duration) {
    let index = starts
        .partition_point(|start| *start <= at)
        .saturating_sub(1);
    let start = starts.get(index).copied().unwrap_or_default();
    (index, at.saturating_sub(start))
}

#[cfg(test)]
mod tests;
