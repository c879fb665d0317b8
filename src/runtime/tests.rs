use std::time::Duration;

use serde_json::Value;

use super::stream::{Stream, Style};
use super::*;
use crate::routine::{Hold, Routine, Step, StepKind};

fn secs(n: f64) -> Duration {
    Duration::from_secs_f64(n)
}

/// Two steps: prepare 2 + hold 5 ×2 reps with release 1, then a 3 s rest step: 16 s.
fn routine() -> Routine {
    Routine {
        title: "Short".into(),
        description: None,
        steps: vec![
            Step {
                name: "Stretch".into(),
                cue: None,
                kind: StepKind::Hold(Hold {
                    hold: secs(5.0),
                    reps: 2,
                    release: secs(1.0),
                    sides: vec![],
                    switch: secs(5.0),
                }),
                prepare: secs(2.0),
                rest: None,
            },
            Step {
                name: "Breather".into(),
                cue: None,
                kind: StepKind::Rest,
                prepare: Duration::ZERO,
                rest: Some(secs(3.0)),
            },
        ],
    }
}

async fn run_json(speed: f64, script: Vec<(f64, &'static str)>) -> (Vec<Value>, Outcome) {
    let plan = Plan::new(&routine());
    let (sender, mut inputs) = Inputs::channel();
    let clock = Clock::start(speed);
    tokio::spawn(async move {
        for (at, line) in script {
            tokio::time::sleep_until(clock.instant_at(secs(at))).await;
            let _ = sender.send(Input::Line(line.into())).await;
        }
        // Keep the channel open: end of input must change nothing.
        std::future::pending::<()>().await;
    });
    let mut frontend = Stream::new(Vec::new(), Style::Json, "short");
    let outcome = run(&plan, clock, &mut frontend, &mut Silence, &mut inputs)
        .await
        .expect("run");
    let text = String::from_utf8(frontend.into_inner()).expect("utf-8");
    let events = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    (events, outcome)
}

fn summary(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            let kind = e["event"].as_str().unwrap_or("?");
            let detail = e["phase"].as_str().unwrap_or("");
            format!(
                "{kind}{}{detail}@{}",
                if detail.is_empty() { "" } else { ":" },
                e["t"]
            )
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn a_json_run_writes_every_event_at_its_moment() {
    let (events, outcome) = run_json(1.0, vec![]).await;
    assert_eq!(outcome, Outcome::Finished);
    assert_eq!(
        summary(&events),
        [
            "start@0.0",
            "phase:prepare@0.0",
            "phase:hold@2.0",
            "phase:release@7.0",
            "phase:hold@8.0",
            "phase:rest@13.0",
            "done@16.0"
        ]
    );
    assert_eq!(events[0]["routine"], "short");
    assert_eq!(events[0]["title"], "Short");
    assert_eq!(events[0]["total"], 16.0);
    assert_eq!(events[0]["steps"], 2);
    assert_eq!(events[2]["rep"], 1);
    assert_eq!(events[2]["reps"], 2);
    assert_eq!(events[2]["seconds"], 5.0);
    assert_eq!(events[2]["step"], 1);
    assert_eq!(events[2]["name"], "Stretch");
    assert_eq!(events[5]["step"], 2);
    assert_eq!(events[6]["completed"], 2);
    assert_eq!(events[6]["skipped"], 0);
}

#[tokio::test(start_paused = true)]
async fn pausing_from_stdin_excludes_the_pause_from_routine_time() {
    let started = tokio::time::Instant::now();
    let (events, _) = run_json(1.0, vec![(3.0, "pause"), (10.0, "resume")]).await;
    assert_eq!(
        summary(&events)[2..6],
        [
            "phase:hold@2.0",
            "pause@3.0",
            "resume@3.0",
            "phase:release@7.0"
        ]
    );
    assert_eq!(events.last().map(|e| e["t"].clone()), Some(16.0.into()));
    assert_eq!(started.elapsed(), secs(23.0));
}

#[tokio::test(start_paused = true)]
async fn next_back_and_quit_from_stdin() {
    let (events, outcome) = run_json(1.0, vec![(1.0, "next"), (2.0, "back"), (2.5, "quit")]).await;
    assert_eq!(outcome, Outcome::Quit);
    assert_eq!(
        summary(&events)[2..],
        [
            "skip@1.0",
            "phase:rest@1.0",
            "back@2.0",
            "phase:prepare@2.0",
            "quit@2.5"
        ]
    );
    assert_eq!(events[2]["to"], 2);
    assert_eq!(events[4]["to"], 1);
    assert_eq!(events[6]["completed"], 0);
}

#[tokio::test(start_paused = true)]
async fn unknown_stdin_words_change_nothing() {
    let (events, outcome) = run_json(1.0, vec![(1.0, "jump"), (1.5, "")]).await;
    assert_eq!(outcome, Outcome::Finished);
    assert_eq!(events.len(), 7);
}

#[tokio::test(start_paused = true)]
async fn speed_runs_routine_time_faster_than_the_wall_clock() {
    let started = tokio::time::Instant::now();
    let (events, _) = run_json(8.0, vec![]).await;
    assert_eq!(events.last().map(|e| e["t"].clone()), Some(16.0.into()));
    assert_eq!(started.elapsed(), secs(2.0));
}

/// A front end that counts how often the loop turns.
struct Counting(Stream<Vec<u8>>, usize);

impl Frontend for Counting {
    fn show(&mut self, s: &Session, e: &[Stamped], now: Duration) -> anyhow::Result<()> {
        self.0.show(s, e, now)
    }
    fn handle(&mut self, s: &Session, input: Input, now: Duration) -> Vec<Action> {
        self.0.handle(s, input, now)
    }
    fn wake_at(&self, s: &Session, now: Duration) -> Option<Duration> {
        self.0.wake_at(s, now)
    }
    fn wake(&mut self, s: &Session, now: Duration) -> anyhow::Result<Vec<Action>> {
        self.1 += 1;
        self.0.wake(s, now)
    }
}

#[tokio::test(start_paused = true)]
async fn the_loop_sleeps_until_the_next_change_instead_of_ticking() {
    let plan = Plan::new(&routine());
    let (_sender, mut inputs) = Inputs::channel();
    let mut frontend = Counting(Stream::new(Vec::new(), Style::Json, "short"), 0);
    run(
        &plan,
        Clock::start(1.0),
        &mut frontend,
        &mut Silence,
        &mut inputs,
    )
    .await
    .expect("run");
    // Five phase boundaries plus the end: two wakes per loop turn.
    assert!(frontend.1 <= 2 * 7, "woke {} times", frontend.1);
}

#[tokio::test(start_paused = true)]
async fn cues_follow_the_run_on_the_same_clock() {
    use crate::audio::{Cue, Recorder, track};
    use crate::runtime::sound::Sound;

    let plan = Plan::new(&routine());
    let (_sender, mut inputs) = Inputs::channel();
    let mut frontend = Stream::new(Vec::new(), Style::Json, "short");
    let mut sound = Sound::new(Recorder::default());
    run(
        &plan,
        Clock::start(1.0),
        &mut frontend,
        &mut sound,
        &mut inputs,
    )
    .await
    .expect("run");
    let expected: Vec<Cue> = track(&plan).into_iter().map(|(_, cue)| cue).collect();
    assert_eq!(sound.speaker().heard(), expected.as_slice());
    assert!(expected.contains(&Cue::Tick));
}
