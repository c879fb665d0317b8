use super::*;
use crate::history::record::Ending;
use crate::history::sample;
use crate::history::stats::stats;

fn day(text: &str) -> jiff::civil::Date {
    text.parse().unwrap()
}

#[test]
fn the_table_shows_date_routine_time_steps_and_ratings_newest_last() {
    let mut quit = sample::session(day("2026-12-01"), "desk-break", 3.5);
    quit.outcome = Ending::Quit;
    quit.completed = 2;
    quit.skipped = 1;
    let records = vec![
        sample::rated(
            sample::session(day("2026-11-30"), "morning-back", 17.0),
            6,
            3,
        ),
        quit,
    ];
    let table = table(&records);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines,
        [
            "date        start  routine         taken  steps               stiffness",
            "2026-11-30  07:30  Morning back    17:00  10 of 10            6 → 3",
            "2026-12-01  07:30  Desk break       3:30  2 of 10, 1 skipped  –  (quit)",
        ]
    );
    assert_eq!(table_of_nothing(), "No sessions recorded yet.\n");
}

fn table_of_nothing() -> String {
    table(&[])
}

#[test]
fn csv_quotes_what_needs_quoting_and_never_starts_a_formula() {
    let mut record = sample::session(day("2026-12-01"), "mine", 5.0);
    record.title = "Back, \"gentle\"".into();
    let text = csv(&[record.clone()]);
    assert!(
        text.contains(r#"mine,"Back, ""gentle""",2026-12-01T07:30:00+01:00,"#),
        "{text}"
    );
    record.title = "=HYPERLINK(\"x\")".into();
    let text = csv(&[record]);
    assert!(text.contains(r#","'=HYPERLINK(""x"")","#), "{text}");
    assert!(text.lines().nth(1).unwrap().ends_with(",finished,,"));
}

#[test]
fn sparklines_and_heat_squares_grow_with_the_value() {
    assert_eq!(sparkline([0.0, 5.0, 10.0, 12.0]), "▁▅██");
    let heat_of = |minutes, practised| {
        heat(&Day {
            date: day("2026-12-01"),
            minutes,
            practised,
        })
    };
    assert_eq!(heat_of(0.0, false), '·');
    assert_eq!(heat_of(25.0, false), '░', "only a quit session: light");
    assert_eq!(heat_of(5.0, true), '░');
    assert_eq!(heat_of(15.0, true), '▒');
    assert_eq!(heat_of(30.0, true), '▓');
    assert_eq!(heat_of(60.0, true), '█');
}

#[test]
fn the_stats_text_says_the_rule_draws_the_map_and_names_the_trend() {
    let today = day("2026-12-01");
    let records = sample::fortnight(today, &[0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15]);
    let text = stats_text(&stats(&records, today, 3), 80);
    assert!(
        text.starts_with("Streak       14 days now, longest 14 days\n"),
        "{text}"
    );
    assert!(text.contains("One rest day in"), "{text}");
    // Monday 16 November to Tuesday 1 December: three columns; a rest day on Friday 20.
    assert!(text.contains("\n  Fri  · ▒\n"), "{text}");
    assert!(text.contains("2.0 looser after a session"), "{text}");
    assert!(text.contains("Morning back   10 sessions"), "{text}");
}

#[test]
fn no_ratings_say_how_to_give_one() {
    let text = stats_text(&stats(&[], day("2026-12-01"), 2), 80);
    assert!(text.contains("no ratings yet"), "{text}");
    assert!(!text.contains("Most played"));
}
