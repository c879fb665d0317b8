//! Breathing patterns written as seconds: `IN-OUT`, `IN-HOLD-OUT` or `IN-HOLD-OUT-HOLD`.

use std::time::Duration;

use crate::routine::duration;

/// The longest any one phase of a breath may be.
pub const MAX_PHASE: Duration = Duration::from_secs(60);

/// One breath: its four phases (holds may be zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pattern {
    pub inhale: Duration,
    pub hold_in: Duration,
    pub exhale: Duration,
    pub hold_out: Duration,
}

/// Why text is not a pattern; the Display names the text and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error(
        "{0:?} is neither a preset nor a pattern: write seconds as IN-OUT, IN-HOLD-OUT or IN-HOLD-OUT-HOLD, e.g. 4-6"
    )]
    NotNumbers(String),
    #[error("{0:?} has only one number: a pattern needs at least IN-OUT, e.g. 4-6")]
    TooFew(String),
    #[error(
        "{text:?} has {count} numbers: a pattern has at most four (IN-HOLD-OUT-HOLD, e.g. 4-4-4-4)"
    )]
    TooMany { text: String, count: usize },
    #[error("{0:?}: every time in a pattern must be more than 0 seconds")]
    NotPositive(String),
    #[error("{text:?}: {seconds} s is longer than a minute; keep each phase to 60 s or less")]
    TooLong { text: String, seconds: String },
}

impl Pattern {
    /// Reads `4-6`, `4-7-8`, `4-4-4-4`, `5.5-5.5`.
    pub fn parse(text: &str) -> Result<Pattern, PatternError> {
        let owned = || text.to_string();
        let pieces: Vec<&str> = text.split('-').collect();
        // A minus sign makes an empty piece: "-4-6", "4--6".
        if pieces.len() > 1 && pieces.iter().any(|piece| piece.is_empty()) {
            let rest_are_numbers = pieces.iter().all(|p| p.is_empty() || is_number(p));
            return Err(if rest_are_numbers {
                PatternError::NotPositive(owned())
            } else {
                PatternError::NotNumbers(owned())
            });
        }
        if !pieces.iter().all(|piece| is_number(piece)) {
            return Err(PatternError::NotNumbers(owned()));
        }
        match pieces.len() {
            1 => return Err(PatternError::TooFew(owned())),
            2..=4 => {}
            count => {
                return Err(PatternError::TooMany {
                    text: owned(),
                    count,
                });
            }
        }
        let mut times = Vec::with_capacity(4);
        for piece in &pieces {
            let seconds: f64 = piece
                .parse()
                .map_err(|_| PatternError::NotNumbers(owned()))?;
            let time = duration::from_seconds(seconds).unwrap_or(Duration::MAX);
            if time > MAX_PHASE {
                return Err(PatternError::TooLong {
                    text: owned(),
                    seconds: piece.to_string(),
                });
            }
            if time.is_zero() {
                return Err(PatternError::NotPositive(owned()));
            }
            times.push(time);
        }
        let zero = Duration::ZERO;
        Ok(match times[..] {
            [inhale, exhale] => Pattern::new(inhale, zero, exhale, zero),
            [inhale, hold, exhale] => Pattern::new(inhale, hold, exhale, zero),
            [inhale, hold_in, exhale, hold_out] => Pattern::new(inhale, hold_in, exhale, hold_out),
            _ => return Err(PatternError::NotNumbers(owned())),
        })
    }

    pub const fn new(
        inhale: Duration,
        hold_in: Duration,
        exhale: Duration,
        hold_out: Duration,
    ) -> Pattern {
        Pattern {
            inhale,
            hold_in,
            exhale,
            hold_out,
        }
    }

    /// One whole breath.
    pub fn cycle(&self) -> Duration {
        self.inhale + self.hold_in + self.exhale + self.hold_out
    }

    /// The pattern as numbers: `4-6`, `4-7-8`, `4-4-4-4`.
    pub fn numbers(&self) -> String {
        let mut parts = vec![self.inhale];
        if !self.hold_in.is_zero() || !self.hold_out.is_zero() {
            parts.push(self.hold_in);
        }
        parts.push(self.exhale);
        if !self.hold_out.is_zero() {
            parts.push(self.hold_out);
        }
        parts
            .iter()
            .map(|d| trim(d.as_secs_f64()))
            .collect::<Vec<_>>()
            .join("-")
    }

    /// The breath in words, for the step's name: `In 4 s, out 6 s`.
    pub fn describe(&self) -> String {
        let mut parts = vec![format!("In {} s", trim(self.inhale.as_secs_f64()))];
        if !self.hold_in.is_zero() {
            parts.push(format!("hold {} s", trim(self.hold_in.as_secs_f64())));
        }
        parts.push(format!("out {} s", trim(self.exhale.as_secs_f64())));
        if !self.hold_out.is_zero() {
            parts.push(format!("hold {} s", trim(self.hold_out.as_secs_f64())));
        }
        parts.join(", ")
    }
}

/// Digits with at most one decimal point, nothing else (no signs, exponents or `inf`).
fn is_number(text: &str) -> bool {
    let mut halves = text.splitn(2, '.');
    let digits = |part: Option<&str>| {
        part.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let whole = halves.next();
    match halves.next() {
        Some(fraction) => digits(whole) && digits(Some(fraction)),
        None => digits(whole),
    }
}

/// A number without needless decimals: `4`, `5.5`, `2.25`.
pub fn trim(x: f64) -> String {
    let text = format!("{x:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
