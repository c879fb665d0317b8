//! The history and its statistics as text: the table and CSV of `supple history`, and the
//! Unicode-block pictures of `supple stats` for a plain terminal.

use std::fmt::Write;

use super::record::Record;
use super::stats::{Day, Stats};
use crate::format::{elapsed, printable};

/// The table of `supple history`, one session a line, as given (newest last).
pub fn table(records: &[Record]) -> String {
    let mut out = String::new();
    if records.is_empty() {
        out.push_str("No sessions recorded yet.\n");
        return out;
    }
    let titles: Vec<String> = records
        .iter()
        .map(|r| printable(&r.title).into_owned())
        .collect();
    let width = titles
        .iter()
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(7, 28);
    let _ = writeln!(
        out,
        "{:<10}  {:<5}  {:<width$}  {:>7}  {:<18}  stiffness",
        "date", "start", "routine", "taken", "steps"
    );
    for (record, title) in records.iter().zip(&titles) {
        let steps = match record.skipped {
            0 => format!("{} of {}", record.completed, record.steps),
            n => format!("{} of {}, {n} skipped", record.completed, record.steps),
        };
        let title = crate::ui::format::ellipsis(title, width);
        let ending = match record.outcome {
            super::Ending::Finished => "",
            super::Ending::Quit => "  (quit)",
            super::Ending::Interrupted => "  (interrupted)",
        };
        let _ = writeln!(
            out,
            "{:<10}  {:<5}  {title:<width$}  {:>7}  {steps:<18}  {}{ending}",
            record.start.date(),
            record.start.clock(),
            elapsed(std::time::Duration::from_secs_f64(record.active.max(0.0))),
            ratings(record.before, record.after),
        );
    }
    out
}

/// `6 → 3`, `6 → –`, or `–` when neither was given.
fn ratings(before: Option<u8>, after: Option<u8>) -> String {
    let show = |rating: Option<u8>| rating.map_or("–".to_string(), |n| n.to_string());
    match (before, after) {
        (None, None) => "–".into(),
        _ => format!("{} → {}", show(before), show(after)),
    }
}

/// Every field of every record as CSV, with a header, for a spreadsheet.
pub fn csv(records: &[Record]) -> String {
    let mut out = String::from(
        "routine,title,start,end,planned,active,paused,steps,completed,skipped,outcome,before,after\n",
    );
    let rating = |r: Option<u8>| r.map_or(String::new(), |n| n.to_string());
    for r in records {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{}",
            csv_field(&r.routine),
            csv_field(&r.title),
            r.start.as_str(),
            r.end.as_str(),
            r.planned,
            r.active,
            r.paused,
            r.steps,
            r.completed,
            r.skipped,
            r.outcome.as_str(),
            rating(r.before),
            rating(r.after)
        );
    }
    out
}

/// A CSV field, quoted when it has to be; a leading `=`, `+`, `-` or `@` is escaped with a
/// quote so a spreadsheet never runs a routine's title as a formula.
fn csv_field(text: &str) -> String {
    let text = printable(text);
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.into_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A sparkline of ratings from 0 to 10.
pub fn sparkline(ratings: impl IntoIterator<Item = f64>) -> String {
    ratings
        .into_iter()
        .map(|rating| {
            let level = (rating.clamp(0.0, 10.0) / 10.0 * 7.0).round() as usize;
            SPARKS[level]
        })
        .collect()
}

/// A day's square in the heat map: `·` nothing, then lighter to darker with the minutes.
pub fn heat(day: &Day) -> char {
    match day.minutes {
        m if m <= 0.0 => '·',
        m if !day.practised || m < 10.0 => '░',
        m if m < 20.0 => '▒',
        m if m < 40.0 => '▓',
        _ => '█',
    }
}

/// A bar of `value` out of `max`, `width` cells at most, in eighths.
fn bar(value: f64, max: f64, width: usize) -> String {
    if max <= 0.0 || value <= 0.0 {
        return String::new();
    }
    let eighths = ((value / max) * (width * 8) as f64).round().max(1.0) as usize;
    let mut bar = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        bar.push(['▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8 - 1]);
    }
    bar
}

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// `supple stats` on a plain terminal.
pub fn stats_text(stats: &Stats, width: usize) -> String {
    let mut out = String::new();
    let s = stats;
    let _ = writeln!(
        out,
        "Streak       {} now, longest {}",
        days(s.streak.current),
        days(s.streak.longest)
    );
    for line in crate::ui::format::wrap(s.streak_rule, width.saturating_sub(13).max(20)) {
        let _ = writeln!(out, "             {line}");
    }
    let _ = writeln!(
        out,
        "Practised    {} of the last 7 days, {} of the last 30",
        s.days_last_7, s.days_last_30
    );
    let _ = writeln!(
        out,
        "Sessions     {} ({} finished), {} in all",
        s.sessions,
        s.finished,
        // Whole minutes: seconds are noise over weeks.
        crate::format::length(std::time::Duration::from_secs(
            s.minutes.round() as u64 * 60
        ))
    );

    let _ = writeln!(
        out,
        "\nPractice days, the last {} weeks (a column a week)",
        s.weeks.len()
    );
    for weekday in 0..7 {
        let letter = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday];
        let row: String = s
            .days
            .iter()
            .skip(weekday)
            .step_by(7)
            .map(|day| format!("{} ", heat(day)))
            .collect();
        let _ = writeln!(out, "  {letter}  {}", row.trim_end());
    }
    let _ = writeln!(
        out,
        "       · none  ░ under 10 min  ▒ 10–20  ▓ 20–40  █ 40 or more"
    );

    let _ = writeln!(out, "\nMinutes per week");
    let most = s.weeks.iter().map(|w| w.minutes).fold(0.0, f64::max);
    let bar_width = width.saturating_sub(24).clamp(10, 40);
    for week in &s.weeks {
        let line = format!(
            "  {}  {:>4.0}  {}",
            week.start.strftime("%e %b"),
            week.minutes,
            bar(week.minutes, most, bar_width)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }

    let _ = writeln!(out, "\nStiffness (0 none … 10 worst)");
    let k = &s.stiffness;
    match (k.before, k.after) {
        (None, None) => {
            let _ = writeln!(
                out,
                "  no ratings yet: the player asks, or use run --before N"
            );
        }
        (before, after) => {
            let show = |v: Option<f64>| v.map_or("–".into(), |v| format!("{v:.1}"));
            let change = k.change.map_or(String::new(), |c| match c {
                c if c < 0.0 => format!(", {:.1} looser after a session", -c),
                c if c > 0.0 => format!(", {c:.1} stiffer after a session"),
                _ => ", no change over a session".into(),
            });
            let _ = writeln!(
                out,
                "  on average {} before → {} after{change} ({} sessions rated)",
                show(before),
                show(after),
                k.rated
            );
            let weekly = |pick: fn(&super::stats::Week) -> Option<f64>| -> String {
                s.weeks
                    .iter()
                    .map(|w| pick(w).map_or(' ', |v| sparkline([v]).chars().next().unwrap_or(' ')))
                    .collect()
            };
            let _ = writeln!(
                out,
                "  by week   before {}  after {}",
                weekly(|w| w.before),
                weekly(|w| w.after)
            );
            if !s.recent_before.is_empty() {
                let _ = writeln!(
                    out,
                    "  sessions  before {}",
                    sparkline(s.recent_before.iter().map(|&r| f64::from(r)))
                );
            }
            if !s.recent_after.is_empty() {
                let _ = writeln!(
                    out,
                    "            after  {}",
                    sparkline(s.recent_after.iter().map(|&r| f64::from(r)))
                );
            }
        }
    }

    if !s.routines.is_empty() {
        let _ = writeln!(out, "\nMost played");
        let width = s
            .routines
            .iter()
            .map(|r| printable(&r.title).chars().count())
            .max()
            .unwrap_or(0);
        for played in &s.routines {
            let _ = writeln!(
                out,
                "  {:<width$}  {:>3} sessions  {:>5.0} min",
                printable(&played.title),
                played.sessions,
                played.minutes
            );
        }
    }
    out
}

#[cfg(test)]
mod tests;
