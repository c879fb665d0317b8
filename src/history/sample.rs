//! Histories made up for tests, benchmarks and the README: sessions on chosen days.

use jiff::civil::Date;

use super::record::{Ending, Record, Stamp, VERSION};

/// A finished session of `routine` on `day` at 07:30 (UTC+01:00), `minutes` long.
pub fn session(day: Date, routine: &str, minutes: f64) -> Record {
    let start = format!("{day}T07:30:00+01:00");
    let whole = (minutes * 60.0).round() as i64;
    let end_time = jiff::civil::time(7, 30, 0, 0)
        .checked_add(jiff::SignedDuration::from_secs(whole))
        .unwrap_or(jiff::civil::time(23, 59, 59, 0));
    let end = format!("{day}T{}+01:00", end_time.strftime("%H:%M:%S"));
    let title = routine
        .split('-')
        .enumerate()
        .map(|(i, word)| {
            if i == 0 {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| first.to_uppercase().collect::<String>() + chars.as_str())
                    .unwrap_or_default()
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Record {
        v: VERSION,
        routine: routine.to_string(),
        title,
        start: Stamp::parse(&start).unwrap_or_else(|_| fallback()),
        end: Stamp::parse(&end).unwrap_or_else(|_| fallback()),
        planned: minutes * 60.0,
        active: minutes * 60.0,
        paused: 0.0,
        steps: 10,
        completed: 10,
        skipped: 0,
        outcome: Ending::Finished,
        before: None,
        after: None,
    }
}

/// The Unix epoch, for a day too far out to write (never in practice).
fn fallback() -> Stamp {
    Stamp::from_zoned(&jiff::Timestamp::UNIX_EPOCH.to_zoned_datetime(jiff::tz::TimeZone::UTC))
}

/// The same session, rated before and after.
pub fn rated(record: Record, before: u8, after: u8) -> Record {
    Record {
        before: Some(before),
        after: Some(after),
        ..record
    }
}

/// A fortnight ending on `today` (a Tuesday in the tests): practised on the days listed as
/// offsets back from today, morning-back on most, stiffness easing from 7 to 3 before and
/// from 5 to 1 after.
pub fn fortnight(today: Date, days_ago: &[i64]) -> Vec<Record> {
    let mut days: Vec<i64> = days_ago.to_vec();
    days.sort_unstable_by(|a, b| b.cmp(a));
    let count = days.len().max(1) as f64;
    days.iter()
        .enumerate()
        .filter_map(|(i, ago)| {
            let day = today.checked_sub(jiff::Span::new().days(*ago)).ok()?;
            let routine = if i % 3 == 2 {
                "desk-reset"
            } else {
                "morning-back"
            };
            let minutes = if routine == "desk-reset" { 6.0 } else { 17.5 };
            let eased = (i as f64 / count * 4.0).round() as u8;
            Some(rated(session(day, routine, minutes), 7 - eased, 5 - eased))
        })
        .collect()
}

/// `n` sessions, one or two a day going back from `today`: a history of years.
pub fn years(today: Date, n: usize) -> Vec<Record> {
    (0..n)
        .filter_map(|i| {
            let day = today
                .checked_sub(jiff::Span::new().days((n - i) as i64 / 2))
                .ok()?;
            let record = session(day, ["morning-back", "desk-reset", "evening"][i % 3], 12.0);
            Some(rated(record, (i % 8) as u8 + 2, (i % 5) as u8 + 1))
        })
        .collect()
}
