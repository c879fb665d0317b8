//! The breaks state machine alone, in microseconds.

use std::time::Duration;

use super::*;

fn mins(m: u64) -> Duration {
    Duration::from_secs(m * 60)
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

#[test]
fn a_break_falls_due_after_the_interval() {
    let (mut breaks, events) = Breaks::start(mins(90), Duration::ZERO);
    assert_eq!(events, [Event::Waiting { due: mins(90) }]);
    assert_eq!(breaks.next_change(mins(30)), Some(mins(60)));
    assert!(breaks.advance(mins(90) - secs(1)).is_empty());
    assert_eq!(breaks.advance(mins(90)), [Event::Due { reminder: 0 }]);
    assert_eq!(
        breaks.state(),
        State::Due {
            since: mins(90),
            reminders: 0
        }
    );
}

#[test]
fn an_unanswered_break_reminds_every_five_minutes_three_times_at_most() {
    let (mut breaks, _) = Breaks::start(mins(30), Duration::ZERO);
    breaks.advance(mins(30));
    let mut reminders = Vec::new();
    for minute in 31..=60 {
        reminders.extend(breaks.advance(mins(minute)));
    }
    assert_eq!(
        reminders,
        [
            Event::Due { reminder: 1 },
            Event::Due { reminder: 2 },
            Event::Due { reminder: 3 }
        ]
    );
    assert_eq!(breaks.advance(mins(30) + REMIND_AFTER * 3), []);
    assert_eq!(breaks.next_change(mins(60)), None);
    assert_eq!(MAX_REMINDERS, 3);
}

#[test]
fn a_long_jump_gives_one_signal_not_every_missed_reminder() {
    let (mut breaks, _) = Breaks::start(mins(30), Duration::ZERO);
    assert_eq!(breaks.advance(mins(42)), [Event::Due { reminder: 2 }]);
    assert_eq!(breaks.advance(mins(200)), [Event::Due { reminder: 3 }]);
}

#[test]
fn snoozing_puts_the_break_off_ten_minutes() {
    let (mut breaks, _) = Breaks::start(mins(30), Duration::ZERO);
    // Nothing to put off while waiting.
    assert_eq!(breaks.command(Command::Snooze, mins(5)), []);
    breaks.advance(mins(30));
    assert_eq!(
        breaks.command(Command::Snooze, mins(31)),
        [Event::Snooze { due: SNOOZE }]
    );
    assert_eq!(breaks.due_in(mins(31)), Some(mins(10)));
    assert_eq!(breaks.advance(mins(41)), [Event::Due { reminder: 0 }]);
}

#[test]
fn skipping_starts_the_full_interval_again() {
    let (mut breaks, _) = Breaks::start(mins(30), Duration::ZERO);
    breaks.advance(mins(30));
    assert_eq!(
        breaks.command(Command::Skip, mins(33)),
        [Event::Skip { due: mins(30) }]
    );
    assert_eq!(breaks.due_in(mins(33)), Some(mins(30)));
    assert_eq!(breaks.taken(), 0);
}

#[test]
fn a_finished_break_counts_and_starts_the_full_interval_again() {
    let (mut breaks, _) = Breaks::start(mins(30), Duration::ZERO);
    assert_eq!(breaks.command(Command::Start, mins(10)), [Event::Start]);
    assert_eq!(breaks.state(), State::OnBreak);
    // Nothing else happens on a break.
    assert_eq!(breaks.advance(mins(100)), []);
    assert_eq!(breaks.command(Command::Skip, mins(11)), []);
    assert_eq!(breaks.break_elsewhere(mins(11)), []);
    assert_eq!(
        breaks.break_over(mins(12), true),
        [Event::Waiting { due: mins(30) }]
    );
    assert_eq!(breaks.taken(), 1);
    breaks.command(Command::Start, mins(13));
    breaks.break_over(mins(14), false);
    assert_eq!(breaks.taken(), 1, "a break quit early is not counted");
    breaks.new_day();
    assert_eq!(breaks.taken(), 0);
}

#[test]
fn a_session_elsewhere_counts_as_a_break() {
    let (mut breaks, _) = Breaks::start(mins(30), Duration::ZERO);
    breaks.advance(mins(30));
    assert_eq!(
        breaks.break_elsewhere(mins(32)),
        [Event::Waiting { due: mins(30) }]
    );
    assert_eq!(breaks.due_in(mins(32)), Some(mins(30)));
    assert_eq!(breaks.taken(), 1);
}
