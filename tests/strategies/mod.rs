//! Random routines of every shape the format admits, for the property tests.

use std::time::Duration;

use proptest::prelude::*;
use supple::routine::file::{MAX_NAME, MAX_TEXT};
use supple::routine::{Breath, Hold, Routine, Step, StepKind};

pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// A length that may be zero (a skipped phase), or one that may not.
fn length(zero_allowed: bool) -> impl Strategy<Value = Duration> {
    let least = u64::from(!zero_allowed);
    prop_oneof![Just(least), least..3_000u64, Just(1u64)].prop_map(ms)
}

fn rest() -> impl Strategy<Value = Option<Duration>> {
    prop::option::of(length(false))
}

/// Text the format admits: no control characters, not blank, at most `limit` characters;
/// with quotes, backslashes and letters beyond ASCII, which JSON must escape or carry.
pub fn text(limit: usize) -> impl Strategy<Value = String> {
    let chars = prop::sample::select(vec!['a', 'Z', ' ', '"', '\\', '/', 'é', 'ß', '→', '🙂']);
    (
        prop::collection::vec(chars, 0..limit),
        prop::sample::select(vec!['x', 'É', '7']),
    )
        .prop_map(|(rest, first)| std::iter::once(first).chain(rest).collect())
}

fn sides() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![Just(Vec::new()), prop::collection::vec(text(12), 2..4)]
}

/// Any step the format admits: every kind, with sides, reps and zero-length phases, and
/// names and cues up to their limits.
fn step() -> impl Strategy<Value = Step> {
    let hold = (
        length(false),
        1..4u32,
        length(true),
        sides(),
        length(true),
        length(true),
        rest(),
    )
        .prop_map(|(hold, reps, release, sides, switch, prepare, rest)| Step {
            name: String::new(),
            cue: None,
            kind: StepKind::Hold(Hold {
                hold,
                reps,
                release,
                switch: if sides.is_empty() {
                    Duration::ZERO
                } else {
                    switch
                },
                sides,
            }),
            prepare,
            rest,
        });
    let breath = (
        (length(false), length(true), length(false), length(true)),
        1..4u32,
        length(true),
        rest(),
    )
        .prop_map(
            |((inhale, hold_in, exhale, hold_out), cycles, prepare, rest)| Step {
                name: String::new(),
                cue: None,
                kind: StepKind::Breath(Breath {
                    inhale,
                    hold_in,
                    exhale,
                    hold_out,
                    cycles,
                }),
                prepare,
                rest,
            },
        );
    let rest_step = length(false).prop_map(|rest| Step {
        name: String::new(),
        cue: None,
        kind: StepKind::Rest,
        prepare: Duration::ZERO,
        rest: Some(rest),
    });
    (
        prop_oneof![hold, breath, rest_step],
        text(MAX_NAME),
        prop::option::of(text(MAX_TEXT)),
    )
        .prop_map(|(step, name, cue)| Step { name, cue, ..step })
}

pub fn routine() -> impl Strategy<Value = Routine> {
    (
        text(MAX_NAME),
        prop::option::of(text(MAX_TEXT)),
        prop::collection::vec(step(), 1..7),
    )
        .prop_map(|(title, description, steps)| Routine {
            title,
            description,
            steps,
        })
}
