//! The cue track of a routine: its exact schedule, and the exported WAV file analysed.

use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use supple::audio::render::{TAIL, sample_at};
use supple::audio::synth::SAMPLE_RATE;
use supple::audio::{Cue, CueCursor, Recorder, Sounds, Speaker, export_wav, level, track};
use supple::routine::{Breath, Hold, Routine, Step, StepKind};
use supple::session::{Event, Plan, Session, Stamped};

fn s(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

/// A hold with two reps on two sides, then paced breathing, then a rest step: 97 s.
fn routine() -> Routine {
    Routine {
        title: "Test".into(),
        description: None,
        steps: vec![
            Step {
                name: "Hamstring".into(),
                cue: None,
                kind: StepKind::Hold(Hold {
                    hold: s(12),
                    reps: 2,
                    release: s(5),
                    sides: vec!["left".into(), "right".into()],
                    switch: s(5),
                }),
                prepare: s(5),
                rest: Some(s(6)),
            },
            Step {
                name: "Breathe".into(),
                cue: None,
                kind: StepKind::Breath(Breath {
                    inhale: s(4),
                    hold_in: s(2),
                    exhale: s(6),
                    hold_out: s(2),
                    cycles: 2,
                }),
                prepare: s(3),
                rest: None,
            },
            Step {
                name: "Lie still".into(),
                cue: None,
                kind: StepKind::Rest,
                prepare: Duration::ZERO,
                rest: Some(s(4)),
            },
        ],
    }
}

fn plan() -> Plan {
    Plan::new(&routine())
}

/// Just the breathing step: quicker to export where the whole routine adds nothing.
fn breathing() -> Plan {
    let mut routine = routine();
    routine.steps.retain(|step| step.name == "Breathe");
    Plan::new(&routine)
}

#[test]
fn the_cue_track_of_a_routine_is_exact() {
    use Cue::*;
    let ticks = |end: u64| [(s(end - 3), Tick), (s(end - 2), Tick), (s(end - 1), Tick)];
    let mut want = Vec::new();
    // Prepare 0-5: silent start, 3-2-1 into the hold.
    want.extend(ticks(5));
    // Left: hold 5-17, release 17-22, hold 22-34; switch 34-39.
    want.push((s(5), HoldStart));
    want.extend(ticks(17));
    want.push((s(17), Release));
    want.extend(ticks(22));
    want.push((s(22), HoldStart));
    want.extend(ticks(34));
    want.push((s(34), Switch));
    want.extend(ticks(39));
    // Right: hold 39-51, release 51-56, hold 56-68; rest 68-74.
    want.push((s(39), HoldStart));
    want.extend(ticks(51));
    want.push((s(51), Release));
    want.extend(ticks(56));
    want.push((s(56), HoldStart));
    want.extend(ticks(68));
    want.push((s(68), RestStart));
    want.extend(ticks(74));
    // Breathing: prepare 74-77, then two cycles of 4-2-6-2, no ticks.
    want.extend(ticks(77));
    for start in [77, 91] {
        want.push((s(start), BreatheIn));
        want.push((s(start + 4), BreathHold));
        want.push((s(start + 6), BreatheOut));
        want.push((s(start + 12), BreathHold));
    }
    // The rest step is under 5 s: its cue, no ticks. Then the end.
    want.push((s(105), RestStart));
    want.push((s(109), Finished));

    assert_eq!(plan().total(), s(109));
    assert_eq!(track(&plan()), want);
}

fn apply(events: Vec<Stamped>, cursor: &mut CueCursor, speaker: &mut Recorder) {
    for stamped in events {
        match stamped.event {
            Event::Phase { .. } => *cursor = CueCursor::new(),
            Event::Done { .. } => speaker.play(Cue::Finished),
            _ => {}
        }
    }
}

/// Drives the engine the way the runtime does, waking only at the next phase boundary or the
/// next cue, and records what the speaker is asked to play and when.
#[test]
fn a_runtime_following_the_engine_clock_plays_the_track_on_time() {
    let plan = plan();
    let mut speaker = Recorder::default();
    let mut cursor = CueCursor::new();
    let mut heard = Vec::new();
    let mut now = Duration::ZERO;
    let (mut session, events) = Session::start(plan.clone(), now);
    apply(events, &mut cursor, &mut speaker);
    while !session.is_over() {
        let progress = session.progress(now);
        let kind = plan.phases[progress.phase].kind;
        if let Some(cue) = cursor.due(kind, progress.phase_len, progress.phase_elapsed) {
            speaker.play(cue);
            heard.push((progress.t, cue));
        }
        let to_end = session.next_change(now).unwrap_or_default();
        let to_cue = cursor
            .peek(kind, progress.phase_len)
            .map(|(at, _)| at.saturating_sub(progress.phase_elapsed));
        now += to_cue.map_or(to_end, |to_cue| to_cue.min(to_end));
        apply(session.advance(now), &mut cursor, &mut speaker);
    }
    heard.push((session.progress(now).t, Cue::Finished));

    assert_eq!(heard, track(&plan));
    let cues: Vec<Cue> = heard.iter().map(|(_, cue)| *cue).collect();
    assert_eq!(speaker.heard(), cues);
}

/// The exported file's samples, after checking its format.
fn read(path: &Path) -> Vec<i16> {
    let reader = hound::WavReader::open(path).expect("a WAV file");
    let spec = reader.spec();
    assert_eq!(spec.channels, 1);
    assert_eq!(spec.sample_rate, SAMPLE_RATE);
    assert_eq!(spec.bits_per_sample, 16);
    assert_eq!(spec.sample_format, hound::SampleFormat::Int);
    reader
        .into_samples::<i16>()
        .collect::<Result<_, _>>()
        .expect("samples")
}

fn export(plan: &Plan, volume: f32) -> Vec<i16> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("track.wav");
    export_wav(plan, &path, &Sounds::builtin(), volume).expect("export");
    read(&path)
}

/// The routine exported at full volume, once for every test that looks at it.
fn exported() -> &'static [i16] {
    static FULL: OnceLock<Vec<i16>> = OnceLock::new();
    FULL.get_or_init(|| export(&plan(), 1.0))
}

/// Where the sound first rises above -40 dBFS at or after `from`, looking `within`.
fn onset(samples: &[i16], from: usize, within: usize) -> Option<usize> {
    samples[from..(from + within).min(samples.len())]
        .iter()
        .position(|s| i32::from(*s).abs() >= 328)
}

fn ms_to_samples(millis: u64) -> usize {
    sample_at(Duration::from_millis(millis)) as usize
}

#[test]
fn the_file_lasts_the_routine_then_the_finished_chime_and_a_short_tail() {
    let samples = exported();
    let finished = Sounds::builtin().get(Cue::Finished).len();
    let want = sample_at(plan().total()) as usize + finished + sample_at(TAIL) as usize;
    assert_eq!(samples.len(), want);
    // The chime rings after the end, then silence.
    let end = sample_at(plan().total()) as usize;
    assert!(onset(samples, end, ms_to_samples(20)).is_some());
    assert!(samples[end + finished..].iter().all(|s| *s == 0));
}

#[test]
fn every_cue_starts_within_20_ms_of_its_time_out_of_silence() {
    let samples = exported();
    for (t, cue) in track(&plan()) {
        let at = sample_at(t) as usize;
        let before = &samples[at - ms_to_samples(100)..at];
        assert!(
            before.iter().all(|s| *s == 0),
            "{cue:?} at {t:?}: sound before"
        );
        let found = onset(samples, at, ms_to_samples(20));
        assert!(found.is_some(), "{cue:?} at {t:?}: nothing within 20 ms");
    }
}

/// Sign changes per sample, a rough pitch.
fn crossing_rate(samples: &[i16]) -> f64 {
    let signs: Vec<bool> = samples
        .iter()
        .filter(|s| **s != 0)
        .map(|s| *s > 0)
        .collect();
    let flips = signs.windows(2).filter(|w| w[0] != w[1]).count();
    flips as f64 / samples.len() as f64
}

#[test]
fn breathing_in_rises_in_pitch_and_breathing_out_falls() {
    let samples = exported();
    let sounds = Sounds::builtin();
    let halves = |start: u64, cue: Cue| {
        let at = sample_at(s(start)) as usize;
        let cue = &samples[at..at + sounds.get(cue).len()];
        let (first, second) = cue.split_at(cue.len() / 2);
        (crossing_rate(first), crossing_rate(second))
    };
    let (in_first, in_second) = halves(77, Cue::BreatheIn);
    assert!(in_second > in_first * 1.2, "in: {in_first} -> {in_second}");
    let (out_first, out_second) = halves(83, Cue::BreatheOut);
    assert!(
        out_second < out_first / 1.2,
        "out: {out_first} -> {out_second}"
    );
}

#[test]
fn a_long_hold_is_silent_between_its_opening_cue_and_its_countdown() {
    let samples = exported();
    // The first hold runs 5-17 s: its cue is over by 7 s, the first tick is at 14 s.
    let middle = &samples[sample_at(s(7)) as usize..sample_at(s(14)) as usize];
    let rms =
        (middle.iter().map(|s| f64::from(*s).powi(2)).sum::<f64>() / middle.len() as f64).sqrt();
    assert_eq!(rms, 0.0);
}

#[test]
fn nothing_clips_even_at_full_volume() {
    let samples = exported();
    let ceiling = (level::PEAK * 32768.0).round() as i32;
    let peak = samples
        .iter()
        .map(|s| i32::from(*s).abs())
        .max()
        .unwrap_or(0);
    assert!(peak <= ceiling, "peak {peak}");
    assert!(peak > ceiling / 2, "the cues are there: peak {peak}");
    assert!(!samples.contains(&i16::MAX) && !samples.contains(&i16::MIN));
}

#[test]
fn volume_scales_every_cue() {
    let full = export(&breathing(), 1.0);
    let half = export(&breathing(), 0.5);
    assert_eq!(full.len(), half.len());
    for (f, h) in full.iter().zip(&half) {
        assert!((i32::from(*f) - 2 * i32::from(*h)).abs() <= 2, "{f} vs {h}");
    }
    assert!(export(&breathing(), 0.0).iter().all(|s| *s == 0));
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn a_failed_export_leaves_no_file_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The target is a folder: the track is written, then cannot take its place.
    let target = dir.path().join("track.wav");
    std::fs::create_dir(&target).expect("mkdir");
    assert!(export_wav(&breathing(), &target, &Sounds::builtin(), 1.0).is_err());
    assert_eq!(names_in(dir.path()), vec!["track.wav"]);
    assert!(target.is_dir());
    // The folder does not exist: nothing can be written at all.
    let nowhere = dir.path().join("missing").join("track.wav");
    assert!(export_wav(&breathing(), &nowhere, &Sounds::builtin(), 1.0).is_err());
    assert_eq!(names_in(dir.path()), vec!["track.wav"]);
}

#[test]
fn an_export_replaces_an_old_file_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("track.wav");
    std::fs::write(&path, b"an old file").expect("write");
    export_wav(&breathing(), &path, &Sounds::builtin(), 1.0).expect("export");
    assert_eq!(read(&path), export(&breathing(), 1.0));
    assert_eq!(names_in(dir.path()), vec!["track.wav"]);
}

#[test]
fn a_routine_with_no_phases_is_just_the_chime() {
    let empty = Plan::new(&Routine {
        title: "Empty".into(),
        description: None,
        steps: vec![],
    });
    assert_eq!(track(&empty), vec![(Duration::ZERO, Cue::Finished)]);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.wav");
    export_wav(&empty, &path, &Sounds::builtin(), 1.0).expect("export");
    let finished = Sounds::builtin().get(Cue::Finished).len();
    assert_eq!(read(&path).len(), finished + sample_at(TAIL) as usize);
}
