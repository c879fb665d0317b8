use std::time::Duration;

use super::*;
use crate::history::record::Record;
use crate::history::recording::Recording;
use crate::routine::{Hold, Routine, Step, StepKind};
use crate::runtime::stream::{Stream, Style};
use crate::runtime::{Clock, Input, Inputs, Silence};
use crate::session::Plan;

fn secs(n: f64) -> Duration {
    Duration::from_secs_f64(n)
}

fn hold_step(name: &str, hold: f64) -> Step {
    Step {
        name: name.into(),
        cue: None,
        kind: StepKind::Hold(Hold {
            hold: secs(hold),
            reps: 1,
            release: Duration::ZERO,
            sides: vec![],
            switch: Duration::ZERO,
        }),
        prepare: secs(2.0),
        rest: None,
    }
}

/// Three steps of 2 + 5 s: 21 s.
fn routine() -> Routine {
    Routine {
        title: "Short back".into(),
        description: None,
        steps: vec![
            hold_step("Knee to chest", 5.0),
            hold_step("Cat-cow", 5.0),
            hold_step("Child's pose", 5.0),
        ],
    }
}

fn wall() -> jiff::ZonedDateTime {
    "2026-12-01T07:30:05+01:00[+01:00]".parse().unwrap()
}

struct Run {
    records: Vec<Record>,
    resume: Resume,
    outcome: Outcome,
    /// Keeps the history's folder until the test is done with the resume points.
    _dir: tempfile::TempDir,
}

/// Plays `plan` as `--json` with `script` (driver time, stdin line), recording into a temp
/// history; returns what was recorded.
async fn play(plan: Plan, notes: Notes, script: Vec<(f64, &'static str)>) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let history = History::new(dir.path().join("history.jsonl"));
    let resume = Resume::new(Some(dir.path().join("resume.json")));
    let mut recorded =
        Recorded::new(Silence, notes, Some(history.clone()), resume.clone()).with_wall_clock(wall);
    let (sender, mut inputs) = Inputs::channel();
    let clock = Clock::start(1.0);
    tokio::spawn(async move {
        for (at, line) in script {
            tokio::time::sleep_until(clock.instant_at(secs(at))).await;
            let _ = sender.send(Input::Line(line.into())).await;
        }
        std::future::pending::<()>().await;
    });
    let mut frontend = Stream::new(Vec::new(), Style::Json, "short-back");
    let outcome = crate::runtime::run(&plan, clock, &mut frontend, &mut recorded, &mut inputs)
        .await
        .unwrap();
    recorded.finish(outcome);
    assert_eq!(recorded.warning(), None);
    let records = history.load().unwrap().records;
    Run {
        records,
        resume,
        outcome,
        _dir: dir,
    }
}

#[tokio::test(start_paused = true)]
async fn a_finished_run_is_recorded_once_with_its_times_counts_and_ratings() {
    let notes = Notes::new("short-back");
    notes.set_before(Some(6));
    let run = play(
        Plan::new(&routine()),
        notes,
        vec![(3.0, "pause"), (13.0, "resume"), (14.0, "next")],
    )
    .await;
    assert_eq!(run.outcome, Outcome::Finished);
    assert_eq!(run.records.len(), 1);
    let record = &run.records[0];
    assert_eq!(record.routine, "short-back");
    assert_eq!(record.title, "Short back");
    assert_eq!(record.outcome, Ending::Finished);
    assert_eq!(record.start.as_str(), "2026-12-01T07:30:05+01:00");
    assert_eq!(record.planned, 21.0);
    assert_eq!(record.paused, 10.0);
    // Paused at 3 s for 10 s; the first step skipped at 4 s of routine time, then the
    // other two steps' 7 s each: 4 + 14.
    assert_eq!(record.active, 18.0);
    assert_eq!((record.steps, record.completed, record.skipped), (3, 2, 1));
    assert_eq!((record.before, record.after), (Some(6), None));
}

#[tokio::test(start_paused = true)]
async fn a_quit_run_is_recorded_as_quit_and_remembers_its_step_for_a_resume() {
    let run = play(
        Plan::new(&routine()),
        Notes::new("short-back"),
        vec![(9.0, "quit")],
    )
    .await;
    assert_eq!(run.outcome, Outcome::Quit);
    let record = &run.records[0];
    assert_eq!(record.outcome, Ending::Quit);
    assert_eq!(record.active, 9.0);
    assert_eq!((record.completed, record.skipped), (1, 0));
    let offer = run.resume.offer("short-back", wall().timestamp(), |step| {
        routine().steps.get(step).map(|s| s.name.clone())
    });
    assert_eq!(offer.map(|p| (p.step, p.name)), Some((1, "Cat-cow".into())));
}

#[tokio::test(start_paused = true)]
async fn a_run_from_a_step_records_what_it_planned_from_there() {
    let run = play(
        Plan::new(&routine()).starting_at(2),
        Notes::new("short-back"),
        vec![],
    )
    .await;
    let record = &run.records[0];
    assert_eq!(record.planned, 7.0);
    assert_eq!(record.active, 7.0);
    assert_eq!((record.steps, record.completed), (3, 1));
    let offer = run.resume.offer("short-back", wall().timestamp(), |_| None);
    assert_eq!(offer, None, "a finished run leaves nothing to resume");
}

#[test]
fn every_outcome_maps_to_the_historys_word() {
    assert_eq!(ending(Outcome::Finished), Ending::Finished);
    assert_eq!(ending(Outcome::Quit), Ending::Quit);
    assert_eq!(ending(Outcome::Signalled), Ending::Interrupted);
}

#[test]
fn no_run_started_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::new(dir.path().join("history.jsonl"));
    let mut recorded = Recorded::new(
        Silence,
        Notes::new("x"),
        Some(history.clone()),
        Resume::new(None),
    );
    recorded.finish(Outcome::Quit);
    assert!(!history.path().exists());
}

#[test]
fn a_history_that_cannot_be_written_gives_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("file"), "").unwrap();
    let history = History::new(dir.path().join("file/history.jsonl"));
    let mut recorded = Recorded::new(Silence, Notes::new("x"), Some(history), Resume::new(None))
        .with_wall_clock(wall);
    let plan = Plan::new(&routine());
    for _ in 0..2 {
        let (session, events) = crate::session::Session::start(plan.clone(), Duration::ZERO);
        recorded.on_events(&session, &events, Duration::ZERO);
    }
    recorded.finish(Outcome::Quit);
    let warning = recorded.warning().unwrap();
    assert!(
        warning.starts_with("could not record this session in "),
        "{warning}"
    );
}

#[test]
fn again_from_the_summary_keeps_the_finished_run_and_starts_a_fresh_one() {
    let notes = Notes::new("short-back");
    notes.set_before(Some(5));
    notes.set_after(Some(2));
    let mut recording = Recording::new(notes.clone());
    let plan = Plan::new(&routine());
    let (mut session, events) = crate::session::Session::start(plan.clone(), Duration::ZERO);
    assert_eq!(
        recording.observe(&session, &events, Duration::ZERO, &wall),
        None
    );
    let events = session.advance(secs(21.0));
    assert_eq!(
        recording.observe(&session, &events, secs(21.0), &wall),
        None
    );
    // "r again": a new start ends the finished run.
    let (mut again, events) = crate::session::Session::start(plan, secs(30.0));
    let first = recording
        .observe(&again, &events, secs(30.0), &wall)
        .unwrap();
    assert_eq!(first.record.outcome, Ending::Finished);
    assert_eq!(
        (first.record.before, first.record.after),
        (Some(5), Some(2))
    );
    assert_eq!(first.stopped_at, None);
    let events = again.command(crate::session::Command::Quit, secs(39.0));
    recording.observe(&again, &events, secs(39.0), &wall);
    let second = recording.finish(Ending::Quit, &wall()).unwrap();
    assert_eq!(second.record.outcome, Ending::Quit);
    assert_eq!(second.record.active, 9.0);
    assert_eq!(
        (second.record.before, second.record.after),
        (None, None),
        "rated afresh"
    );
    assert_eq!(second.stopped_at, Some((1, "Cat-cow".into())));
    assert_eq!(recording.finish(Ending::Quit, &wall()), None, "kept once");
}
