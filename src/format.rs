//! Small pure formatting helpers shared by every front end.

use std::borrow::Cow;
use std::time::Duration;

use crate::session::PhaseKind;

/// `m:ss` (or `h:mm:ss`), counting whole seconds up: a countdown shows 0:01 until it ends.
pub fn countdown(left: Duration) -> String {
    clock(ceil_secs(left))
}

/// `m:ss` (or `h:mm:ss`) of elapsed time, whole seconds down.
pub fn elapsed(time: Duration) -> String {
    clock(time.as_secs())
}

/// Whole seconds a countdown shows: rounded up, so the last second reads 1 and 0 appears
/// only when the time is really up.
pub fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

fn clock(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A length in words for listings: `45 s`, `2 min`, `1 min 30 s`, `2.5 s`, `1 h 5 min`.
///
/// One rounding rule everywhere, the countdown's: up. Under a minute to the millisecond
/// (so a length the file gives is never shown as nothing), from a minute on to the second.
pub fn length(d: Duration) -> String {
    let millis = d.as_nanos().div_ceil(1_000_000);
    if !millis.is_multiple_of(1000) && millis < 60_000 {
        return format!("{} s", trim_decimal(millis as f64 / 1000.0));
    }
    let secs = millis.div_ceil(1000) as u64;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let parts: Vec<String> = [(h, "h"), (m, "min"), (s, "s")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
    if parts.is_empty() {
        "0 s".into()
    } else {
        parts.join(" ")
    }
}

fn trim_decimal(x: f64) -> String {
    let text = format!("{x:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `text` padded with spaces on the right to `width` columns (counted in chars). By hand:
/// `format!`'s `{:<width$}` panics at widths of 65536 and more, which text from a file can reach.
pub fn pad_right(text: &str, width: usize) -> String {
    let mut padded = text.to_string();
    padded.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(text.chars().count()),
    ));
    padded
}

/// `text` padded with spaces on the left to `width` columns.
pub fn pad_left(text: &str, width: usize) -> String {
    let mut padded: String =
        std::iter::repeat_n(' ', width.saturating_sub(text.chars().count())).collect();
    padded.push_str(text);
    padded
}

/// The phase in the user's words, lower case.
pub fn phase_words(kind: PhaseKind) -> &'static str {
    match kind {
        PhaseKind::Prepare => "get ready",
        PhaseKind::Hold => "hold",
        PhaseKind::Release => "release",
        PhaseKind::Switch => "switch sides",
        PhaseKind::Rest => "rest",
        PhaseKind::Inhale => "breathe in",
        // A held breath is named by which breath it holds, so that it is never read as a
        // stretch's hold at a glance or by a screen reader.
        PhaseKind::HoldIn => "hold in",
        PhaseKind::Exhale => "breathe out",
        PhaseKind::HoldOut => "hold out",
    }
}

/// Seconds as the `--json` stream writes them: a number with millisecond precision.
pub fn json_seconds(d: Duration) -> f64 {
    d.as_millis() as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn a_countdown_shows_the_second_it_is_in() {
        assert_eq!(countdown(ms(30_000)), "0:30");
        assert_eq!(countdown(ms(29_001)), "0:30");
        assert_eq!(countdown(ms(1)), "0:01");
        assert_eq!(countdown(ms(0)), "0:00");
        assert_eq!(countdown(ms(3_600_000)), "1:00:00");
    }

    #[test]
    fn elapsed_time_counts_whole_seconds_done() {
        assert_eq!(elapsed(ms(59_999)), "0:59");
        assert_eq!(elapsed(ms(296_000)), "4:56");
    }

    #[test]
    fn lengths_read_as_words() {
        assert_eq!(length(ms(45_000)), "45 s");
        assert_eq!(length(ms(120_000)), "2 min");
        assert_eq!(length(ms(90_000)), "1 min 30 s");
        assert_eq!(length(ms(2_500)), "2.5 s");
        assert_eq!(length(ms(3_900_000)), "1 h 5 min");
        assert_eq!(length(ms(0)), "0 s");
    }

    #[test]
    fn lengths_round_up_like_the_countdown() {
        assert_eq!(length(Duration::from_micros(100)), "0.001 s");
        assert_eq!(length(Duration::from_micros(2_500_100)), "2.501 s");
        assert_eq!(length(ms(120_200)), "2 min 1 s");
        assert_eq!(countdown(ms(120_200)), "2:01");
        assert_eq!(length(Duration::from_micros(59_999_900)), "1 min");
    }

    #[test]
    fn padding_takes_any_width() {
        assert_eq!(pad_right("ab", 4), "ab  ");
        assert_eq!(pad_left("ab", 4), "  ab");
        assert_eq!(pad_left("abc", 2), "abc");
        assert_eq!(pad_right("", 70_000).len(), 70_000);
    }

    #[test]
    fn json_seconds_keep_milliseconds() {
        assert_eq!(json_seconds(Duration::from_micros(12_345_678)), 12.345);
    }
}

/// Text from files and settings made safe to print: every control character (C0, DEL, C1),
/// which a terminal could take as the start of an escape sequence, becomes U+FFFD.
pub fn printable(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_control) {
        Cow::Owned(
            text.chars()
                .map(|c| if c.is_control() { '\u{fffd}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod printable_tests {
    use super::printable;

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(printable("Cat-cow"), "Cat-cow");
        assert_eq!(
            printable("a\u{1b}]52;c;x\u{7}b"),
            "a\u{fffd}]52;c;x\u{fffd}b"
        );
        assert_eq!(
            printable("\u{9b}2J\r\n\t\u{7f}"),
            "\u{fffd}2J\u{fffd}\u{fffd}\u{fffd}\u{fffd}"
        );
    }
}
