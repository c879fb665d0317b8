//! Durations as routine files write them: seconds (`30`, `2.5`) or `"1m30s"`-style strings.

use std::time::Duration;

use serde_json::Value;

/// The format's limit for any one duration.
pub const MAX: Duration = Duration::from_secs(24 * 60 * 60);

const MAX_MILLIS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// Why a value is not an acceptable duration; the Display is the message shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    #[error("must be a duration like 30, 2.5, \"90s\" or \"1m30s\"")]
    NotADuration,
    #[error("must not be negative")]
    Negative,
    #[error("must be at most 24 hours")]
    TooLong,
}

/// Reads a duration from a JSON value: a number of seconds or a duration string.
pub fn from_json(value: &Value) -> Result<Duration, DurationError> {
    match value {
        Value::Number(number) => number
            .as_f64()
            .ok_or(DurationError::NotADuration)
            .and_then(from_seconds),
        Value::String(text) => parse(text),
        _ => Err(DurationError::NotADuration),
    }
}

/// Converts seconds to a duration, rounded to the millisecond.
pub fn from_seconds(seconds: f64) -> Result<Duration, DurationError> {
    if seconds.is_nan() {
        return Err(DurationError::NotADuration);
    }
    // `-0.0 < 0.0` is false, so JSON's `-0` is simply zero.
    if seconds < 0.0 {
        return Err(DurationError::Negative);
    }
    // Checked before the cast: `Duration::from_secs_f64` would panic on huge values, and a
    // rounded millisecond count keeps `0.1` from becoming 100000000.0000000055 ns.
    let millis = (seconds * 1000.0).round();
    if millis > MAX_MILLIS {
        return Err(DurationError::TooLong);
    }
    Ok(Duration::from_millis(millis as u64))
}

/// Parses `"90s"`, `"1m"`, `"1m30s"` or `"1.5s"`: whole minutes, then seconds that may have a
/// decimal part, at least one of the two, no spaces.
pub fn parse(text: &str) -> Result<Duration, DurationError> {
    if let Some(rest) = text.strip_prefix('-') {
        return Err(match seconds_in(rest) {
            Some(_) => DurationError::Negative,
            None => DurationError::NotADuration,
        });
    }
    seconds_in(text)
        .ok_or(DurationError::NotADuration)
        .and_then(from_seconds)
}

fn seconds_in(text: &str) -> Option<f64> {
    let (minutes, seconds) = match text.split_once('m') {
        Some((minutes, "")) => (whole(minutes)?, 0.0),
        Some((minutes, seconds)) => (whole(minutes)?, decimal(seconds.strip_suffix('s')?)?),
        None => (0.0, decimal(text.strip_suffix('s')?)?),
    };
    Some(minutes * 60.0 + seconds)
}

fn whole(digits: &str) -> Option<f64> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn decimal(text: &str) -> Option<f64> {
    match text.split_once('.') {
        Some((int, fraction)) => {
            whole(int)?;
            whole(fraction)?;
            text.parse().ok()
        }
        None => whole(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn secs(value: f64) -> Duration {
        Duration::from_secs_f64(value)
    }

    #[test]
    fn numbers_are_seconds() {
        assert_eq!(from_json(&json!(30)), Ok(secs(30.0)));
        assert_eq!(from_json(&json!(2.5)), Ok(secs(2.5)));
        assert_eq!(from_json(&json!(0)), Ok(Duration::ZERO));
        assert_eq!(from_json(&json!(-0.0)), Ok(Duration::ZERO));
        assert_eq!(from_json(&json!(0.1)), Ok(Duration::from_millis(100)));
    }

    #[test]
    fn strings_take_minutes_and_seconds() {
        assert_eq!(parse("90s"), Ok(secs(90.0)));
        assert_eq!(parse("1m"), Ok(secs(60.0)));
        assert_eq!(parse("1m30s"), Ok(secs(90.0)));
        assert_eq!(parse("1.5s"), Ok(secs(1.5)));
        assert_eq!(parse("2m0.25s"), Ok(secs(120.25)));
        assert_eq!(parse("0s"), Ok(Duration::ZERO));
        assert_eq!(parse("0m"), Ok(Duration::ZERO));
        assert_eq!(parse("1m90s"), Ok(secs(150.0)));
    }

    #[test]
    fn precision_is_the_millisecond() {
        assert_eq!(from_seconds(1.0004), Ok(Duration::from_millis(1000)));
        assert_eq!(from_seconds(1.0006), Ok(Duration::from_millis(1001)));
        assert_eq!(from_seconds(0.0004), Ok(Duration::ZERO));
    }

    #[test]
    fn anything_else_is_not_a_duration() {
        for text in [
            "", "s", "m", "ms", "30", "1.5", "1.5m", "1h", "1h30m", "30 s", " 30s", "30s ",
            "1m 30s", "1m30", "30S", "1M", ".5s", "5.s", "1e3s", "1s30m", "1m1m", "1m30s30s",
            "+5s", "--5s", "٣s", "abc", "NaN", "inf", "infs",
        ] {
            assert_eq!(parse(text), Err(DurationError::NotADuration), "{text:?}");
        }
        for value in [json!(null), json!(true), json!([30]), json!({"s": 30})] {
            assert_eq!(
                from_json(&value),
                Err(DurationError::NotADuration),
                "{value}"
            );
        }
        assert_eq!(from_seconds(f64::NAN), Err(DurationError::NotADuration));
    }

    #[test]
    fn negatives_are_refused() {
        assert_eq!(from_json(&json!(-1)), Err(DurationError::Negative));
        assert_eq!(from_json(&json!(-0.5)), Err(DurationError::Negative));
        assert_eq!(parse("-5s"), Err(DurationError::Negative));
        assert_eq!(parse("-1m30s"), Err(DurationError::Negative));
        assert_eq!(
            from_seconds(f64::NEG_INFINITY),
            Err(DurationError::Negative)
        );
    }

    #[test]
    fn at_most_a_day() {
        assert_eq!(from_json(&json!(86400)), Ok(MAX));
        assert_eq!(parse("1440m"), Ok(MAX));
        assert_eq!(from_json(&json!(86400.001)), Err(DurationError::TooLong));
        assert_eq!(parse("1440m0.001s"), Err(DurationError::TooLong));
        assert_eq!(parse("1441m"), Err(DurationError::TooLong));
        assert_eq!(from_json(&json!(1e20)), Err(DurationError::TooLong));
        assert_eq!(from_json(&json!(u64::MAX)), Err(DurationError::TooLong));
        assert_eq!(from_seconds(f64::MAX), Err(DurationError::TooLong));
        assert_eq!(from_seconds(f64::INFINITY), Err(DurationError::TooLong));
        // So many digits that they parse to infinity.
        assert_eq!(
            parse(&format!("{}s", "9".repeat(400))),
            Err(DurationError::TooLong)
        );
        assert_eq!(
            parse(&format!("{}m", "9".repeat(400))),
            Err(DurationError::TooLong)
        );
    }
}
