use std::sync::Arc;

use serde_json::Value;

use super::*;
use crate::audio::speaker::Spoken;
use crate::audio::{Recorder, synth::SAMPLE_RATE};
use crate::routine::{Hold, Routine, Step, StepKind};
use crate::runtime::stream::{Stream, Style};
use crate::runtime::{Clock, Input, Inputs, run};
use crate::session::Plan;
use crate::speech::Bank;

fn secs(n: f64) -> Duration {
    Duration::from_secs_f64(n)
}

/// Prepare 5 s, a 10 s hold on each side with a 5 s switch, then a 6 s rest step: 36 s.
fn routine(cue: Option<&str>) -> Routine {
    Routine {
        title: "Short".into(),
        description: None,
        steps: vec![
            Step {
                name: "Reach".into(),
                cue: cue.map(str::to_string),
                kind: StepKind::Hold(Hold {
                    hold: secs(10.0),
                    reps: 1,
                    release: Duration::ZERO,
                    sides: vec!["Left".into(), "Right".into()],
                    switch: secs(5.0),
                }),
                prepare: secs(5.0),
                rest: None,
            },
            Step {
                name: "Breather".into(),
                cue: None,
                kind: StepKind::Rest,
                prepare: Duration::ZERO,
                rest: Some(secs(6.0)),
            },
        ],
    }
}

fn cue_lens() -> [Duration; Cue::COUNT] {
    crate::audio::sounds::lengths(None)
}

fn samples(seconds: f64) -> Arc<[f32]> {
    vec![0.1; (seconds * f64::from(SAMPLE_RATE)) as usize].into()
}

/// Phrases rendered with these lengths.
fn bank(phrases: &[(&str, f64)]) -> Bank {
    Bank::from_rendered(
        None,
        phrases
            .iter()
            .map(|(text, secs)| (text.to_string(), samples(*secs))),
    )
}

fn rendered() -> Bank {
    bank(&[
        ("Short. First, reach. Left.", 1.0),
        ("Right.", 0.5),
        ("Breather.", 0.6),
        ("Reach up.", 2.0),
        (crate::speech::phrases::CLOSING, 1.0),
    ])
}

struct Run {
    says: Vec<(f64, String)>,
    kinds: Vec<String>,
    spoken: Vec<Spoken>,
}

async fn play(
    voice: Voice,
    cue: Option<&str>,
    bank: Option<Bank>,
    script: Vec<(f64, &'static str)>,
) -> Run {
    let plan = Plan::new(&routine(cue));
    let said = SaidLog::default();
    let mut speech = Speech::new(voice, None, None, cue_lens(), true, said.clone());
    if let Some(bank) = bank {
        speech = speech.with_bank(bank);
    }
    let mut sound = Sound::with_speech(Recorder::default(), speech);
    let mut frontend = Stream::new(Vec::new(), Style::Json, "short").with_said(said);
    let (sender, mut inputs) = Inputs::channel();
    let clock = Clock::start(1.0);
    tokio::spawn(async move {
        for (at, line) in script {
            tokio::time::sleep_until(clock.instant_at(secs(at))).await;
            let _ = sender.send(Input::Line(line.into())).await;
        }
        std::future::pending::<()>().await;
    });
    run(&plan, clock, &mut frontend, &mut sound, &mut inputs)
        .await
        .expect("run");
    let text = String::from_utf8(frontend.into_inner()).expect("utf-8");
    let events: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    Run {
        says: events
            .iter()
            .filter(|e| e["event"] == "say")
            .map(|e| {
                let t = e["t"].as_f64().expect("t");
                (t, e["text"].as_str().expect("text").to_string())
            })
            .collect(),
        kinds: events
            .iter()
            .map(|e| e["event"].as_str().unwrap_or("?").to_string())
            .collect(),
        spoken: sound.speaker().spoken().to_vec(),
    }
}

fn said(says: &[(f64, String)]) -> Vec<(f64, &str)> {
    says.iter().map(|(t, text)| (*t, text.as_str())).collect()
}

fn phrases_heard(spoken: &[Spoken]) -> Vec<(usize, Duration)> {
    spoken
        .iter()
        .filter_map(|s| match s {
            Spoken::Say { samples, after } => Some((*samples, *after)),
            Spoken::Hush => None,
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn each_phrase_is_said_between_the_cues_and_written_as_a_say_event() {
    let run = play(Voice::Names, None, Some(rendered()), vec![]).await;
    assert_eq!(
        said(&run.says),
        [
            (0.0, "Short. First, reach. Left."),
            // The switch is all bell and ticks: the side after the hold's bell (1.2 s).
            (21.35, "Right."),
            (31.65, "Breather."),
            // After the finished chime (2.46 s).
            (38.61, "That's the routine. Well done.")
        ]
    );
    assert_eq!(
        phrases_heard(&run.spoken),
        [
            (44_100, Duration::ZERO),
            (22_050, Duration::ZERO),
            (26_460, Duration::ZERO),
            (44_100, secs(2.61)),
        ]
    );
    // A say event comes after the phase it belongs to; the closing one after `done`.
    assert_eq!(run.kinds[..3], ["start", "phase", "say"]);
    assert_eq!(run.kinds[run.kinds.len() - 2..], ["done", "say"]);
}

#[tokio::test(start_paused = true)]
async fn voice_off_says_nothing() {
    let run = play(Voice::Off, Some("Reach up"), Some(rendered()), vec![]).await;
    assert!(run.says.is_empty());
    assert!(phrases_heard(&run.spoken).is_empty());
}

#[tokio::test(start_paused = true)]
async fn full_also_reads_the_cue_as_the_first_hold_begins() {
    let run = play(Voice::Full, Some("Reach up"), Some(rendered()), vec![]).await;
    assert_eq!(said(&run.says)[1], (6.35, "Reach up."));
    assert_eq!(run.says.len(), 5);
}

#[tokio::test(start_paused = true)]
async fn a_phrase_too_long_for_its_room_is_shortened() {
    let bank = bank(&[("Short. First, reach. Left.", 1.9), ("Reach. Left.", 0.8)]);
    let run = play(Voice::Names, None, Some(bank), vec![]).await;
    assert_eq!(said(&run.says)[0], (0.0, "Reach. Left."));
    assert_eq!(phrases_heard(&run.spoken)[0], (35_280, Duration::ZERO));
}

#[tokio::test(start_paused = true)]
async fn with_nothing_rendered_the_say_events_are_still_written() {
    let run = play(Voice::Names, None, None, vec![]).await;
    assert_eq!(run.says.len(), 4);
    assert_eq!(said(&run.says)[1], (21.35, "Right."));
    assert!(phrases_heard(&run.spoken).is_empty());
}

#[tokio::test(start_paused = true)]
async fn pausing_cuts_a_phrase_at_once_and_it_is_not_said_again() {
    let run = play(
        Voice::Names,
        None,
        Some(rendered()),
        vec![(21.5, "pause"), (23.0, "resume")],
    )
    .await;
    let right = run
        .spoken
        .iter()
        .position(|s| {
            matches!(
                s,
                Spoken::Say {
                    samples: 22_050,
                    ..
                }
            )
        })
        .expect("right said");
    assert_eq!(run.spoken[right + 1], Spoken::Hush, "cut by the pause");
    assert_eq!(run.says.iter().filter(|(_, t)| t == "Right.").count(), 1);
}

#[tokio::test(start_paused = true)]
async fn skipping_cuts_a_phrase_and_says_the_next_steps_own() {
    let run = play(Voice::Names, None, Some(rendered()), vec![(0.5, "next")]).await;
    assert_eq!(
        run.spoken[..3],
        [
            Spoken::Hush,
            Spoken::Say {
                samples: 44_100,
                after: Duration::ZERO
            },
            Spoken::Hush,
        ]
    );
    assert_eq!(said(&run.says)[1], (2.15, "Breather."));
}

#[tokio::test(start_paused = true)]
async fn the_voice_key_cycles_off_names_full() {
    let said = SaidLog::default();
    let speech = Speech::new(Voice::Off, None, None, cue_lens(), true, said);
    let mut sound = Sound::with_speech(Recorder::default(), speech);
    assert_eq!(sound.voice(), Some(Voice::Off));
    assert_eq!(sound.cycle_voice(), Some(Voice::Names));
    assert_eq!(sound.cycle_voice(), Some(Voice::Full));
    assert_eq!(sound.cycle_voice(), Some(Voice::Off));
    assert_eq!(Sound::new(Recorder::default()).cycle_voice(), None);
}
