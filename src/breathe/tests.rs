use std::time::Duration;

use super::*;
use crate::session::{PhaseKind, Plan};

fn secs(x: f64) -> Duration {
    Duration::from_secs_f64(x)
}

fn breath(breathing: &Breathing) -> &Breath {
    match &breathing.routine.steps[0].kind {
        StepKind::Breath(breath) => breath,
        other => panic!("not a breath: {other:?}"),
    }
}

fn phases(breathing: &Breathing) -> Vec<(PhaseKind, Duration)> {
    Plan::new(&breathing.routine)
        .phases
        .iter()
        .map(|phase| (phase.kind, phase.len))
        .collect()
}

fn error(pattern: &str) -> String {
    build(Some(pattern), Length::Default)
        .unwrap_err()
        .to_string()
}

#[test]
fn no_pattern_is_five_slow_belly_breaths_four_in_six_out() {
    let belly = build(None, Length::Default).unwrap();
    assert_eq!(belly.name, "breathe:belly");
    let b = breath(&belly);
    assert_eq!(
        (b.inhale, b.hold_in, b.exhale, b.hold_out),
        (secs(4.0), Duration::ZERO, secs(6.0), Duration::ZERO)
    );
    assert_eq!(b.cycles, 5);
    let plan = Plan::new(&belly.routine);
    // The get-ready countdown, then five breaths of 10 s.
    assert_eq!(plan.total(), secs(5.0 + 50.0));
    assert_eq!(belly.routine.title, "Belly breathing · 5 breaths (50 s)");
    assert_eq!(belly.caution, None);
}

#[test]
fn each_preset_becomes_its_exact_phases_and_default_length() {
    let expect = [
        ("belly", [4.0, 0.0, 6.0, 0.0], 5),
        ("box", [4.0, 4.0, 4.0, 4.0], 6),
        ("4-7-8", [4.0, 7.0, 8.0, 0.0], 4),
        ("resonance", [5.5, 0.0, 5.5, 0.0], 27),
        ("calm", [4.0, 0.0, 8.0, 0.0], 8),
    ];
    assert_eq!(PRESETS.len(), expect.len());
    for (name, [inhale, hold_in, exhale, hold_out], cycles) in expect {
        let built = build(Some(name), Length::Default).unwrap();
        assert_eq!(built.name, format!("breathe:{name}"));
        let b = breath(&built);
        assert_eq!(
            (b.inhale, b.hold_in, b.exhale, b.hold_out, b.cycles),
            (
                secs(inhale),
                secs(hold_in),
                secs(exhale),
                secs(hold_out),
                cycles
            ),
            "{name}"
        );
    }
}

#[test]
fn box_breathing_plays_in_hold_out_hold_in_each_cycle() {
    let built = build(Some("box"), Length::Cycles(2)).unwrap();
    use PhaseKind::*;
    let four = secs(4.0);
    assert_eq!(
        phases(&built),
        vec![
            (Prepare, secs(5.0)),
            (Inhale, four),
            (HoldIn, four),
            (Exhale, four),
            (HoldOut, four),
            (Inhale, four),
            (HoldIn, four),
            (Exhale, four),
            (HoldOut, four),
        ]
    );
}

#[test]
fn numbers_become_in_out_in_hold_out_or_all_four_phases() {
    let two = build(Some("4-6"), Length::Default).unwrap();
    assert_eq!(two.name, "breathe:4-6");
    assert_eq!(two.routine.steps[0].name, "In 4 s, out 6 s");
    assert_eq!(breath(&two).cycles, 5);
    let three = Pattern::parse("3-2-5").unwrap();
    assert_eq!(
        three,
        Pattern::new(secs(3.0), secs(2.0), secs(5.0), Duration::ZERO)
    );
    let four = Pattern::parse("3-1-4-2").unwrap();
    assert_eq!(
        four,
        Pattern::new(secs(3.0), secs(1.0), secs(4.0), secs(2.0))
    );
    assert_eq!(four.describe(), "In 3 s, hold 1 s, out 4 s, hold 2 s");
    let decimals = build(Some("4.5-6.25"), Length::Cycles(2)).unwrap();
    assert_eq!(decimals.name, "breathe:4.5-6.25");
    assert_eq!(
        decimals.routine.title,
        "Breathing 4.5-6.25 · 2 breaths (21.5 s)"
    );
    assert_eq!(breath(&decimals).exhale, Duration::from_millis(6250));
}

#[test]
fn minutes_round_to_whole_breaths_and_the_title_says_so() {
    // 5 min of 11 s breaths is 27.27 breaths: 27.
    let built = build(Some("resonance"), Length::Minutes(5.0)).unwrap();
    assert_eq!(breath(&built).cycles, 27);
    assert_eq!(
        built.routine.title,
        "Resonance breathing · 5 min as 27 whole breaths (4 min 57 s)"
    );
    // 1.5 min of 10 s breaths: exactly 9.
    let belly = build(None, Length::Minutes(1.5)).unwrap();
    assert_eq!(breath(&belly).cycles, 9);
    // Shorter than one breath still plays one.
    let tiny = build(Some("4-7-8"), Length::Minutes(0.1)).unwrap();
    assert_eq!(breath(&tiny).cycles, 1);
    assert!(
        tiny.routine.title.contains("1 whole breath ("),
        "{}",
        tiny.routine.title
    );
}

#[test]
fn cycles_set_the_number_of_breaths() {
    let built = build(Some("4-7-8"), Length::Cycles(3)).unwrap();
    assert_eq!(breath(&built).cycles, 3);
    assert_eq!(Plan::new(&built.routine).total(), secs(5.0 + 3.0 * 19.0));
}

#[test]
fn holds_of_seven_seconds_or_more_bring_a_caution() {
    assert_eq!(
        build(Some("4-7-8"), Length::Default).unwrap().caution,
        Some(CAUTION)
    );
    assert_eq!(
        build(Some("4-4-4-8"), Length::Default).unwrap().caution,
        Some(CAUTION)
    );
    assert_eq!(
        build(Some("4-6.9-8"), Length::Default).unwrap().caution,
        None
    );
    assert_eq!(build(Some("box"), Length::Default).unwrap().caution, None);
    assert!(CAUTION.contains("light-headed or dizzy"));
}

#[test]
fn zero_or_negative_times_are_refused_with_the_preset_list() {
    for pattern in ["0-6", "4-0-6", "-4-6", "4--6", "0.0004-6"] {
        let message = error(pattern);
        assert!(
            message.contains("must be more than 0 seconds"),
            "{pattern}: {message}"
        );
        assert!(message.contains("Presets:\n  belly"), "{message}");
        assert!(message.contains("resonance"), "{message}");
    }
}

#[test]
fn more_than_four_numbers_are_refused() {
    let message = error("4-4-4-4-4");
    assert!(
        message.contains("has 5 numbers: a pattern has at most four"),
        "{message}"
    );
    assert!(error("4").contains("only one number"));
}

#[test]
fn a_phase_over_a_minute_is_refused() {
    let message = error("4-61");
    assert!(
        message.contains("61 s is longer than a minute"),
        "{message}"
    );
    assert!(build(Some("4-60"), Length::Default).is_ok());
    assert!(error(&format!("4-{}", "9".repeat(400))).contains("longer than a minute"));
}

#[test]
fn words_and_odd_numbers_are_not_patterns() {
    for pattern in [
        "boxx", "4-x", "4,6", "4 - 6", "1e3-4", "inf-4", "4.-6", ".5-6", "", "+4-6",
    ] {
        let message = error(pattern);
        assert!(
            message.contains("neither a preset nor a pattern"),
            "{pattern:?}: {message}"
        );
        assert!(message.contains("Presets:"), "{message}");
    }
}

#[test]
fn minutes_out_of_range_are_refused() {
    for minutes in [0.0, -1.0, f64::NAN, 121.0] {
        let message = build(None, Length::Minutes(minutes))
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("--minutes must be more than 0"),
            "{message}"
        );
    }
}

#[test]
fn presets_are_found_whatever_their_case_and_listed_one_a_line() {
    assert_eq!(
        build(Some("BOX"), Length::Default).unwrap().name,
        "breathe:box"
    );
    let list = presets::list();
    assert_eq!(list.lines().count(), 1 + PRESETS.len());
    assert!(list.lines().all(|line| line.len() < 120), "{list}");
}
