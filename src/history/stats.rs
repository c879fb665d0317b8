//! Statistics over the history: streaks, days and minutes practised, routines played and
//! stiffness over the weeks. Pure functions of the records and of "today".

use std::collections::{BTreeMap, HashMap};

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::Serialize;

use super::record::{Ending, Record};
pub use super::streak::{STREAK_RULE, Streak, days_in_last, practice_days, streak, week_start};

/// One week of practice, Monday first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Week {
    #[serde(serialize_with = "date_text")]
    pub start: Date,
    pub sessions: usize,
    /// Days with a finished session.
    pub days: usize,
    /// Minutes moving, pauses left out, over every session however it ended.
    pub minutes: f64,
    /// Average stiffness before and after, over the sessions rated.
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// A routine and how often it was played.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Played {
    pub routine: String,
    pub title: String,
    pub sessions: usize,
    pub minutes: f64,
}

/// One day of the heat map.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Day {
    #[serde(serialize_with = "date_text")]
    pub date: Date,
    pub minutes: f64,
    /// Whether a session finished that day.
    pub practised: bool,
}

/// Average stiffness over the sessions rated.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stiffness {
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// The average of `after - before` over sessions rated both times: below zero is looser.
    pub change: Option<f64>,
    /// Sessions with at least one rating.
    pub rated: usize,
}

/// Everything `supple stats` and the stats screen show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    #[serde(serialize_with = "date_text")]
    pub today: Date,
    pub streak: Streak,
    pub streak_rule: &'static str,
    pub sessions: usize,
    pub finished: usize,
    pub minutes: f64,
    pub days_last_7: usize,
    pub days_last_30: usize,
    /// The last weeks, oldest first, this week last.
    pub weeks: Vec<Week>,
    /// Most played first.
    pub routines: Vec<Played>,
    pub stiffness: Stiffness,
    /// Every day of the weeks shown, oldest first: the heat map.
    pub days: Vec<Day>,
    /// The latest stiffness ratings before each session, oldest first, for a sparkline.
    pub recent_before: Vec<u8>,
    /// The latest ratings after, oldest first.
    pub recent_after: Vec<u8>,
    /// When the last session ended, as written.
    pub last: Option<String>,
}

/// Most-played routines listed, and ratings kept for the sparklines.
const TOP_ROUTINES: usize = 5;
const RECENT_RATINGS: usize = 30;

/// Statistics over `records` as of `today`, for the last `weeks` weeks (this one included).
pub fn stats(records: &[Record], today: Date, weeks: usize) -> Stats {
    let weeks = weeks.max(1);
    let days = practice_days(records);
    let this_week = week_start(today);
    let first_week = this_week
        .checked_sub(((weeks as i64 - 1) * 7).days())
        .unwrap_or(Date::MIN);

    let mut by_week: BTreeMap<Date, WeekSums> = BTreeMap::new();
    let mut by_day: HashMap<Date, f64> = HashMap::new();
    let mut by_routine: HashMap<&str, Played> = HashMap::new();
    let mut all = Ratings::default();
    for record in records {
        let day = record.day();
        let minutes = record.active.max(0.0) / 60.0;
        if day >= first_week && day <= today {
            let week = by_week.entry(week_start(day)).or_default();
            week.sessions += 1;
            week.minutes += minutes;
            week.ratings.add(record);
            *by_day.entry(day).or_default() += minutes;
        }
        all.add(record);
        let played = by_routine
            .entry(record.routine.as_str())
            .or_insert_with(|| Played {
                routine: record.routine.clone(),
                title: record.title.clone(),
                sessions: 0,
                minutes: 0.0,
            });
        played.sessions += 1;
        played.minutes += minutes;
        played.title.clone_from(&record.title);
    }

    let weeks: Vec<Week> = (0..weeks)
        .filter_map(|i| first_week.checked_add((i as i64 * 7).days()).ok())
        .map(|start| {
            let sums = by_week.remove(&start).unwrap_or_default();
            let end = start.checked_add(6.days()).unwrap_or(start);
            Week {
                start,
                sessions: sums.sessions,
                days: days.range(start..=end).count(),
                minutes: round1(sums.minutes),
                before: sums.ratings.before(),
                after: sums.ratings.after(),
            }
        })
        .collect();

    let heat: Vec<Day> = std::iter::successors(Some(first_week), |day| day.tomorrow().ok())
        .take_while(|day| *day <= today)
        .map(|date| Day {
            date,
            minutes: round1(by_day.get(&date).copied().unwrap_or(0.0)),
            practised: days.contains(&date),
        })
        .collect();

    let mut routines: Vec<Played> = by_routine.into_values().collect();
    routines.sort_by(|a, b| {
        (b.sessions.cmp(&a.sessions))
            .then(b.minutes.total_cmp(&a.minutes))
            .then(a.routine.cmp(&b.routine))
    });
    routines.truncate(TOP_ROUTINES);
    for played in &mut routines {
        played.minutes = round1(played.minutes);
    }

    let recent = |pick: fn(&Record) -> Option<u8>| {
        let mut latest: Vec<u8> = records
            .iter()
            .rev()
            .filter_map(pick)
            .take(RECENT_RATINGS)
            .collect();
        latest.reverse();
        latest
    };

    Stats {
        today,
        streak: streak(&days, today),
        streak_rule: STREAK_RULE,
        sessions: records.len(),
        finished: records
            .iter()
            .filter(|record| record.outcome == Ending::Finished)
            .count(),
        minutes: round1(records.iter().map(|r| r.active.max(0.0)).sum::<f64>() / 60.0),
        days_last_7: days_in_last(&days, today, 7),
        days_last_30: days_in_last(&days, today, 30),
        weeks,
        routines,
        stiffness: Stiffness {
            before: all.before(),
            after: all.after(),
            change: all.change(),
            rated: all.rated,
        },
        days: heat,
        recent_before: recent(|record| record.before),
        recent_after: recent(|record| record.after),
        last: records
            .iter()
            .max_by_key(|record| record.end.timestamp())
            .map(|record| record.end.as_str().to_string()),
    }
}

#[derive(Debug, Default)]
struct WeekSums {
    sessions: usize,
    minutes: f64,
    ratings: Ratings,
}

#[derive(Debug, Default)]
struct Ratings {
    before: (u32, u32),
    after: (u32, u32),
    change: (i32, u32),
    rated: usize,
}

impl Ratings {
    fn add(&mut self, record: &Record) {
        if let Some(before) = record.before {
            self.before.0 += u32::from(before);
            self.before.1 += 1;
        }
        if let Some(after) = record.after {
            self.after.0 += u32::from(after);
            self.after.1 += 1;
        }
        if let (Some(before), Some(after)) = (record.before, record.after) {
            self.change.0 += i32::from(after) - i32::from(before);
            self.change.1 += 1;
        }
        if record.before.is_some() || record.after.is_some() {
            self.rated += 1;
        }
    }

    fn before(&self) -> Option<f64> {
        average(self.before.0 as f64, self.before.1)
    }

    fn after(&self) -> Option<f64> {
        average(self.after.0 as f64, self.after.1)
    }

    fn change(&self) -> Option<f64> {
        average(f64::from(self.change.0), self.change.1)
    }
}

fn average(sum: f64, count: u32) -> Option<f64> {
    (count > 0).then(|| round1(sum / f64::from(count)))
}

/// Dates as `2026-12-01` in JSON.
fn date_text<S: serde::Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The weekday letters of the heat map's rows, Monday first.
pub fn weekday_letter(day: Weekday) -> char {
    match day {
        Weekday::Monday => 'M',
        Weekday::Tuesday => 'T',
        Weekday::Wednesday => 'W',
        Weekday::Thursday => 'T',
        Weekday::Friday => 'F',
        Weekday::Saturday => 'S',
        Weekday::Sunday => 'S',
    }
}

#[cfg(test)]
mod tests;
