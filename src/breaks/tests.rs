//! The breaks loop on a paused tokio clock, through the JSON front end.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use jiff::Timestamp;
use serde_json::Value;

use super::alert::Recorded;
use super::input::Switch;
use super::lines::Lines;
use super::*;
use crate::routine::{Hold, Routine, Step, StepKind};
use crate::runtime::sound::{SaidLog, Sound, Speech};
use crate::runtime::stream::Style;
use crate::runtime::{Input, Outcome, Silence};
use crate::session::Plan;

fn mins(m: u64) -> Duration {
    Duration::from_secs(m * 60)
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// A history whose latest end the test sets, counting how often the loop looks.
#[derive(Default)]
struct FakeHistory {
    end: Mutex<Option<Timestamp>>,
    looks: AtomicU32,
}

impl LastSession for Arc<FakeHistory> {
    fn latest_end(&self) -> Option<Timestamp> {
        self.looks.fetch_add(1, Ordering::Relaxed);
        *self.end.lock().unwrap()
    }
}

fn stretch() -> Offer {
    let routine = Routine {
        title: "Quick stretch".into(),
        description: None,
        steps: vec![Step {
            name: "Reach up".into(),
            cue: None,
            kind: StepKind::Hold(Hold {
                hold: secs(60),
                reps: 1,
                release: Duration::ZERO,
                sides: vec![],
                switch: Duration::ZERO,
            }),
            prepare: Duration::ZERO,
            rest: None,
        }],
    };
    Offer {
        name: "quick-stretch".into(),
        what: "Quick stretch (1 min)".into(),
        plan: Plan::new(&routine),
    }
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 12, 1)
}

/// What happens at each driver time: a line of input, or a session ending elsewhere.
enum Script {
    Line(&'static str),
    Elsewhere,
}

/// Runs a day of `every` with `script`, returning the JSON events (`t`, kind and the
/// event), the signals given, and how often the loop turned.
async fn day(every: Duration, script: Vec<(Duration, Script)>) -> (Vec<Value>, Recorded, u32) {
    day_with(every, script, &mut Silence, None).await
}

/// As [`day`], with these cues for the breaks, and what their speech says written.
async fn day_with(
    every: Duration,
    script: Vec<(Duration, Script)>,
    cues: &mut impl crate::history::log::RunLog,
    said: Option<SaidLog>,
) -> (Vec<Value>, Recorded, u32) {
    let switch = Switch::default();
    let history = Arc::new(FakeHistory::default());
    let feeder = {
        let (switch, history) = (switch.clone(), Arc::clone(&history));
        tokio::spawn(async move {
            let start = tokio::time::Instant::now();
            for (at, step) in script {
                tokio::time::sleep_until(start + at).await;
                match step {
                    Script::Line(line) => switch.send(Input::Line(line.into())).await,
                    Script::Elsewhere => *history.end.lock().unwrap() = Some(Timestamp::now()),
                }
            }
        })
    };
    let mut front = Lines::new(Vec::new(), Style::Json, switch);
    if let Some(said) = said {
        front = front.with_said(said);
    }
    let mut alert = Recorded::default();
    let outcome = run(
        &mut front,
        Day {
            every,
            speed: 1.0,
            offer: stretch(),
            last: &history,
            alert: &mut alert,
            cues,
            today,
        },
    )
    .await
    .unwrap();
    assert_eq!(outcome, Outcome::Quit);
    feeder.await.unwrap();
    let text = String::from_utf8(front.into_inner()).unwrap();
    let events = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    (events, alert, history.looks.load(Ordering::Relaxed))
}

/// Each event's kind, in order.
fn kinds(events: &[Value]) -> Vec<&str> {
    events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect()
}

/// `kind@t` with the `due` of countdown events, e.g. `waiting@0+1800`.
fn summary(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            let mut text = format!("{}@{}", e["event"].as_str().unwrap(), e["t"]);
            if let Some(due) = e["due"].as_f64() {
                text.push_str(&format!("+{due}"));
            }
            if let Some(reminder) = e["reminder"].as_u64() {
                text.push_str(&format!(" reminder {reminder}"));
            }
            text
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn due_then_snooze_then_skip_on_the_clock() {
    let (events, alert, _) = day(
        mins(30),
        vec![
            (mins(31), Script::Line("snooze")),
            (mins(45), Script::Line("skip")),
            (mins(50), Script::Line("quit")),
        ],
    )
    .await;
    assert_eq!(
        summary(&events),
        [
            "waiting@0.0+1800",
            "due@1800.0",
            "snooze@1860.0+600",
            "due@2460.0",
            "skip@2700.0+1800",
        ]
    );
    assert_eq!(events[1]["routine"], "quick-stretch");
    assert_eq!(
        alert.0,
        [
            ("Quick stretch (1 min)".to_string(), 0),
            ("Quick stretch (1 min)".to_string(), 0)
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn unanswered_it_reminds_three_times_then_waits_quietly() {
    let (events, alert, _) = day(mins(30), vec![(mins(120), Script::Line("quit"))]).await;
    assert_eq!(
        summary(&events),
        [
            "waiting@0.0+1800",
            "due@1800.0",
            "due@2100.0 reminder 1",
            "due@2400.0 reminder 2",
            "due@2700.0 reminder 3",
        ]
    );
    let reminders: Vec<u32> = alert.0.iter().map(|(_, n)| *n).collect();
    assert_eq!(reminders, [0, 1, 2, 3]);
}

#[tokio::test(start_paused = true)]
async fn a_break_started_plays_the_routine_then_counts_down_again() {
    let (events, _, _) = day(
        mins(30),
        vec![
            (mins(30) + secs(10), Script::Line("start")),
            // During the routine, input is the routine's.
            (mins(30) + secs(20), Script::Line("skip")),
            (mins(40), Script::Line("quit")),
        ],
    )
    .await;
    let kinds = kinds(&events);
    assert_eq!(
        kinds,
        ["waiting", "due", "start", "phase", "done", "waiting"],
        "{events:?}"
    );
    assert_eq!(events[2]["routine"], "quick-stretch");
    // Waiting again from the end of the routine, for the full interval.
    assert_eq!(events[5]["t"], 1870.0);
    assert_eq!(events[5]["due"], 1800.0);
}

#[tokio::test(start_paused = true)]
async fn a_routine_quit_early_still_starts_the_full_interval_again() {
    let (events, _, _) = day(
        mins(30),
        vec![
            (mins(5), Script::Line("start")),
            (mins(5) + secs(20), Script::Line("quit")),
            (mins(6), Script::Line("quit")),
        ],
    )
    .await;
    let kinds = kinds(&events);
    assert_eq!(kinds, ["waiting", "start", "phase", "quit", "waiting"]);
    assert_eq!(events[4]["t"], 320.0);
}

#[tokio::test(start_paused = true)]
async fn lines_that_come_at_once_each_reach_the_loop_they_are_for() {
    // As `printf 'start\nquit\nquit\n' | supple breaks --plain` gives them: all three are
    // read before the waiting loop has read the first.
    let at_once = secs(0);
    let (events, _, _) = day(
        mins(30),
        vec![
            (at_once, Script::Line("start")),
            (at_once, Script::Line("quit")),
            (at_once, Script::Line("quit")),
            // Ends the day had a quit been lost, so that the test fails rather than hangs.
            (mins(120), Script::Line("quit")),
        ],
    )
    .await;
    let kinds = kinds(&events);
    // The first quit ends the break's routine, the second the day.
    assert_eq!(kinds, ["waiting", "start", "phase", "quit", "waiting"]);
}

#[tokio::test(start_paused = true)]
async fn a_session_played_elsewhere_starts_the_countdown_again() {
    let (events, alert, _) = day(
        mins(30),
        vec![
            (mins(20) - secs(30), Script::Elsewhere),
            (mins(45), Script::Line("quit")),
        ],
    )
    .await;
    // Seen at the next look, within a minute of it ending.
    assert_eq!(
        summary(&events),
        ["waiting@0.0+1800", "waiting@1200.0+1800"]
    );
    assert!(alert.0.is_empty());
}

#[tokio::test(start_paused = true)]
async fn unknown_words_and_blank_lines_change_nothing() {
    let (events, _, _) = day(
        mins(2),
        vec![
            (secs(10), Script::Line("hello")),
            (secs(20), Script::Line("")),
            (mins(3), Script::Line("quit")),
        ],
    )
    .await;
    assert_eq!(summary(&events), ["waiting@0.0+120", "due@120.0"]);
}

#[tokio::test(start_paused = true)]
async fn waiting_an_hour_wakes_about_once_a_minute() {
    let (_, _, looks) = day(mins(90), vec![(mins(60), Script::Line("quit"))]).await;
    // One look at the history per turn of the loop: a turn a minute, nothing in between.
    assert!((60..=62).contains(&looks), "{looks} turns");
}

/// Cues that speak every phrase of `stretch()` (each rendered as half a second) through a
/// recorder, kept in no history.
fn speaking(said: SaidLog) -> crate::history::log::Recorded<Sound<crate::audio::Recorder>> {
    let lens = crate::audio::sounds::lengths(None);
    let texts = crate::speech::place::schedule(&stretch().plan, |cue| lens[cue.index()]).texts();
    let half = vec![0.1; crate::audio::synth::SAMPLE_RATE as usize / 2];
    let bank = crate::speech::Bank::from_rendered(
        None,
        texts.into_iter().map(|text| (text, half.clone().into())),
    );
    let voice = crate::config::Voice::Names;
    let speech = Speech::new(voice, None, None, lens, true, said).with_bank(bank);
    crate::history::log::Recorded::new(
        Sound::with_speech(crate::audio::Recorder::default(), speech),
        crate::history::Notes::new("quick-stretch"),
        None,
        crate::history::resume::Resume::new(None),
    )
}

#[tokio::test(start_paused = true)]
async fn the_countdown_says_nothing_and_a_break_speaks_its_routine() {
    let said = SaidLog::default();
    let mut cues = speaking(said.clone());
    // Due, reminded three times, never taken: only the alert sounded.
    let script = vec![(mins(120), Script::Line("quit"))];
    let (events, alert, _) = day_with(mins(30), script, &mut cues, Some(said)).await;
    assert_eq!(alert.0.len(), 4);
    assert!(events.iter().all(|e| e["event"] != "say"), "{events:?}");
    let speaker = cues.cues().speaker();
    assert!(speaker.spoken().is_empty() && speaker.heard().is_empty());

    let said = SaidLog::default();
    let mut cues = speaking(said.clone());
    let script = vec![
        (mins(30) + secs(10), Script::Line("start")),
        (mins(40), Script::Line("quit")),
    ];
    let (events, _, _) = day_with(mins(30), script, &mut cues, Some(said)).await;
    let says: Vec<&str> = (events.iter())
        .filter(|e| e["event"] == "say")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        says.first(),
        Some(&"Quick stretch. First, reach up."),
        "{says:?}"
    );
    let spoken = cues.cues().speaker().spoken();
    let heard = spoken
        .iter()
        .filter(|s| matches!(s, crate::audio::speaker::Spoken::Say { .. }))
        .count();
    assert_eq!(heard, says.len(), "{spoken:?}");
}
