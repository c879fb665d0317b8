//! Streaks, and the kindness rule for missed days: pure functions of the days practised.

use std::collections::BTreeSet;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::record::{Ending, Record};

/// How a missed day is treated, in the words `stats` and the README use.
pub const STREAK_RULE: &str = "A day counts when you finish at least one session. One rest day in any seven keeps a streak going; a second missed day within a week ends it. Today is not missed until it is over.";

/// Two missed days closer than this end a streak.
const REST_WINDOW: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Streak {
    /// Days practised in the streak still going today (0 when it ended).
    pub current: u32,
    pub longest: u32,
}

/// The days on which at least one session finished.
pub fn practice_days(records: &[Record]) -> BTreeSet<Date> {
    records
        .iter()
        .filter(|record| record.outcome == Ending::Finished)
        .map(Record::day)
        .collect()
}

/// The current and longest streak as of `today`, by `STREAK_RULE`: a streak counts the days
/// practised, and survives one missed day in any seven.
pub fn streak(days: &BTreeSet<Date>, today: Date) -> Streak {
    let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
        return Streak {
            current: 0,
            longest: 0,
        };
    };
    let mut current = 0u32;
    let mut longest = 0u32;
    let mut last_missed: Option<Date> = None;
    let end = last.max(today);
    let mut day = first;
    while day <= end {
        if days.contains(&day) {
            current += 1;
            longest = longest.max(current);
        } else if day < today && current > 0 {
            let too_soon =
                last_missed.is_some_and(|missed| days_between(missed, day) < REST_WINDOW);
            if too_soon {
                current = 0;
                last_missed = None;
            } else {
                last_missed = Some(day);
            }
        }
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    Streak { current, longest }
}

fn days_between(earlier: Date, later: Date) -> i64 {
    i64::from((later - earlier).get_days())
}

/// How many of the `n` days up to and including `today` were practised.
pub fn days_in_last(days: &BTreeSet<Date>, today: Date, n: i64) -> usize {
    let first = today
        .checked_sub(n.saturating_sub(1).days())
        .unwrap_or(Date::MIN);
    days.range(first..=today).count()
}

/// The Monday of the week `day` is in.
pub fn week_start(day: Date) -> Date {
    let back = i64::from(day.weekday().to_monday_zero_offset());
    day.checked_sub(back.days()).unwrap_or(day)
}
