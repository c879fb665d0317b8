use std::collections::BTreeSet;

use super::*;
use crate::history::sample;

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

/// Days practised, as offsets back from `today`.
fn practised(today: Date, ago: &[i64]) -> BTreeSet<Date> {
    ago.iter()
        .map(|n| today.checked_sub(n.days()).unwrap())
        .collect()
}

const TODAY: &str = "2026-12-01";

fn streak_of(ago: &[i64]) -> Streak {
    let today = day(TODAY);
    streak(&practised(today, ago), today)
}

#[test]
fn no_practice_is_no_streak() {
    assert_eq!(
        streak_of(&[]),
        Streak {
            current: 0,
            longest: 0
        }
    );
}

#[test]
fn days_in_a_row_make_a_streak_and_today_not_yet_practised_does_not_break_it() {
    assert_eq!(streak_of(&[0, 1, 2]).current, 3);
    assert_eq!(streak_of(&[1, 2, 3]).current, 3);
}

#[test]
fn one_rest_day_keeps_the_streak() {
    // Practised 4, 3, rested 2, practised 1: three days practised, the streak goes on.
    assert_eq!(streak_of(&[1, 3, 4]).current, 3);
    // Yesterday was the rest day.
    assert_eq!(streak_of(&[2, 3]).current, 2);
}

#[test]
fn two_missed_days_in_a_row_end_the_streak() {
    assert_eq!(streak_of(&[3, 4, 5]).current, 0);
    assert_eq!(streak_of(&[3, 4, 5]).longest, 3);
    assert_eq!(streak_of(&[0, 3, 4]).current, 1);
}

#[test]
fn a_second_missed_day_within_a_week_ends_the_streak_but_a_week_later_it_does_not() {
    // Missed 2 and 5 (three days apart): the streak restarts after day 2.
    assert_eq!(streak_of(&[0, 1, 3, 4, 6]).current, 2);
    assert_eq!(streak_of(&[0, 1, 3, 4, 6]).longest, 3);
    // Missed 2 and 9 (seven days apart): one rest day a week, the streak holds.
    let ago: Vec<i64> = (0..=12).filter(|n| *n != 2 && *n != 9).collect();
    assert_eq!(streak_of(&ago).current, 11);
}

#[test]
fn the_longest_streak_is_remembered_after_it_ends() {
    let mut ago: Vec<i64> = (20..30).collect();
    ago.extend([0, 1]);
    let streak = streak_of(&ago);
    assert_eq!(streak.current, 2);
    assert_eq!(streak.longest, 10);
}

#[test]
fn only_finished_sessions_make_a_practice_day() {
    let today = day(TODAY);
    let mut quit = sample::session(today, "morning-back", 3.0);
    quit.outcome = Ending::Quit;
    let finished = sample::session(day("2026-11-30"), "morning-back", 17.0);
    let days = practice_days(&[quit, finished]);
    assert_eq!(
        days.into_iter().collect::<Vec<_>>(),
        vec![day("2026-11-30")]
    );
}

#[test]
fn days_practised_are_counted_over_the_last_7_and_30_days_today_included() {
    let today = day(TODAY);
    let days = practised(today, &[0, 6, 7, 29, 30]);
    assert_eq!(days_in_last(&days, today, 7), 2);
    assert_eq!(days_in_last(&days, today, 30), 4);
}

#[test]
fn weeks_start_on_monday() {
    assert_eq!(week_start(day("2026-12-01")), day("2026-11-30"));
    assert_eq!(week_start(day("2026-11-30")), day("2026-11-30"));
    assert_eq!(week_start(day("2026-12-06")), day("2026-11-30"));
}

/// The simulated fortnight: two weeks ending Tuesday 1 December 2026, practised on every day
/// but two (a rest day each week), morning-back most days, stiffness easing.
fn fortnight() -> Vec<Record> {
    sample::fortnight(day(TODAY), &[0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15])
}

#[test]
fn a_fortnight_tells_the_streak_days_minutes_routines_and_trend() {
    let stats = stats(&fortnight(), day(TODAY), 3);
    assert_eq!(
        stats.streak,
        Streak {
            current: 14,
            longest: 14
        }
    );
    assert_eq!(stats.days_last_7, 6);
    assert_eq!(stats.days_last_30, 14);
    assert_eq!(stats.sessions, 14);
    let starts: Vec<String> = stats.weeks.iter().map(|w| w.start.to_string()).collect();
    assert_eq!(starts, ["2026-11-16", "2026-11-23", "2026-11-30"]);
    let days: Vec<usize> = stats.weeks.iter().map(|w| w.days).collect();
    assert_eq!(days, [6, 6, 2]);
    // 14 sessions: every third desk-reset (6 min), the rest morning-back (17.5 min).
    assert_eq!(stats.routines[0].routine, "morning-back");
    assert_eq!(stats.routines[0].sessions, 10);
    assert_eq!(stats.routines[1].sessions, 4);
    assert_eq!(stats.minutes, 10.0 * 17.5 + 4.0 * 6.0);
    let before: Vec<Option<f64>> = stats.weeks.iter().map(|w| w.before).collect();
    assert!(before[0] > before[1] && before[1] > before[2], "{before:?}");
    assert_eq!(stats.stiffness.rated, 14);
    assert_eq!(stats.stiffness.change, Some(-2.0));
    assert_eq!(stats.days.len(), 14 + 2, "Monday 16 November to today");
    assert_eq!(stats.days.iter().filter(|d| d.practised).count(), 14);
    assert_eq!(stats.recent_before.len(), 14);
    assert_eq!(stats.last.as_deref(), Some("2026-12-01T07:47:30+01:00"));
}

#[test]
fn weeks_without_practice_are_shown_empty_and_no_rating_is_no_average() {
    let stats = stats(&[], day(TODAY), 4);
    assert_eq!(stats.weeks.len(), 4);
    assert!(
        stats
            .weeks
            .iter()
            .all(|w| w.sessions == 0 && w.before.is_none())
    );
    assert_eq!(stats.stiffness.before, None);
    assert_eq!(stats.stiffness.change, None);
    assert!(stats.routines.is_empty());
    assert_eq!(stats.last, None);
}

#[test]
fn the_stats_serialize_dates_as_text() {
    let value = serde_json::to_value(stats(&fortnight(), day(TODAY), 2)).unwrap();
    assert_eq!(value["today"], "2026-12-01");
    assert_eq!(value["weeks"][0]["start"], "2026-11-23");
    assert_eq!(value["streak"]["current"], 14);
    assert_eq!(value["streak_rule"], STREAK_RULE);
}
