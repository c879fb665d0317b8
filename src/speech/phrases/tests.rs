use super::*;
use crate::routine::{Breath, Hold, Routine, Step, StepKind};

fn s(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

fn hold(name: &str, secs: u64, sides: &[&str], cue: Option<&str>) -> Step {
    Step {
        name: name.into(),
        cue: cue.map(str::to_string),
        kind: StepKind::Hold(Hold {
            hold: s(secs),
            reps: 1,
            release: Duration::ZERO,
            sides: sides.iter().map(|s| s.to_string()).collect(),
            switch: s(5),
        }),
        prepare: s(5),
        rest: None,
    }
}

fn routine(steps: Vec<Step>) -> Plan {
    Plan::new(&Routine {
        title: "Morning back".into(),
        description: None,
        steps,
    })
}

fn said(plan: &Plan, voice: Voice) -> Vec<(u64, Vec<String>)> {
    phrases(plan, |_| Duration::from_secs(2))
        .iter()
        .filter_map(|p| Some((p.at.as_secs(), p.text(voice)?.forms.clone())))
        .collect()
}

fn forms(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn the_first_step_is_introduced_with_the_routine_and_later_steps_by_name_and_side() {
    let plan = routine(vec![
        hold("Cat-cow", 30, &[], None),
        hold("Knee to chest", 30, &["Right leg", "Left leg"], None),
    ]);
    assert_eq!(
        said(&plan, Voice::Names),
        vec![
            (0, forms(&["Morning back. First, cat-cow.", "Cat-cow."])),
            (35, forms(&["Knee to chest. Right leg.", "Knee to chest."])),
            (70, forms(&["Left leg."])),
            (105, forms(&[CLOSING])),
        ]
    );
}

#[test]
fn a_rest_says_what_comes_next_except_the_last() {
    let mut first = hold("Cat-cow", 20, &[], None);
    first.rest = Some(s(10));
    let mut last = hold("Child's pose", 20, &[], None);
    last.rest = Some(s(10));
    let plan = routine(vec![first, last]);
    let words = said(&plan, Voice::Names);
    assert_eq!(
        words[1],
        (25, forms(&["Rest. Next, child's pose.", "Rest."]))
    );
    assert_eq!(words[3], (60, forms(&["Rest."])));
}

#[test]
fn long_holds_get_one_time_cue() {
    let plan = routine(vec![
        hold("A", 60, &[], None),
        hold("B", 120, &[], None),
        hold("C", 180, &[], None),
    ]);
    let words = said(&plan, Voice::Names);
    assert_eq!(words[1], (5 + 30, forms(&["Halfway."])));
    assert_eq!(words[3], (65 + 5 + 90, forms(&["Thirty seconds left."])));
    assert_eq!(words[5], (190 + 5 + 120, forms(&["One minute left."])));
    assert!(phrases(&plan, |_| s(2))[1].timed);
}

#[test]
fn breathing_is_talked_through_its_first_breath_only() {
    let plan = routine(vec![Step {
        name: "Belly breathing".into(),
        cue: Some("Let the belly lift".into()),
        kind: StepKind::Breath(Breath {
            inhale: s(4),
            hold_in: Duration::ZERO,
            exhale: s(6),
            hold_out: Duration::ZERO,
            cycles: 3,
        }),
        prepare: s(5),
        rest: None,
    }]);
    let words = said(&plan, Voice::Names);
    assert_eq!(words[1], (5, forms(&["Breathe in."])));
    assert_eq!(words[2], (9, forms(&["Breathe out."])));
    assert_eq!(words[3].1, forms(&[CLOSING]));
    let full = said(&plan, Voice::Full);
    assert_eq!(
        full[1],
        (
            5,
            forms(&["Breathe in. Let the belly lift.", "Breathe in."])
        )
    );
}

#[test]
fn full_reads_the_cue_as_the_first_hold_begins() {
    let plan = routine(vec![hold(
        "Hip circles",
        30,
        &["Clockwise", "Counter-clockwise"],
        Some("Trace slow circles"),
    )]);
    assert_eq!(said(&plan, Voice::Names).len(), 3, "no cue at names");
    let full = said(&plan, Voice::Full);
    assert_eq!(full[1], (5, forms(&["Trace slow circles."])));
    assert_eq!(
        full[2],
        (35, forms(&["Counter-clockwise."])),
        "sides, not the cue again"
    );
}

#[test]
fn off_says_nothing() {
    let plan = routine(vec![hold("A", 60, &["L", "R"], Some("cue"))]);
    assert!(said(&plan, Voice::Off).is_empty());
}

#[test]
fn sides_without_a_switch_are_said_as_the_next_side_begins() {
    let mut step = hold("Lunge", 20, &["Right", "Left"], None);
    if let StepKind::Hold(hold) = &mut step.kind {
        hold.switch = Duration::ZERO;
    }
    let plan = routine(vec![step]);
    assert_eq!(said(&plan, Voice::Names)[1], (25, forms(&["Left."])));
}

#[test]
fn sentences_are_capitalised_and_stopped_and_names_lowered_mid_sentence() {
    assert_eq!(sentence(" knee to chest "), "Knee to chest.");
    assert_eq!(sentence("Ready?"), "Ready?");
    assert_eq!(lower_first("Cat-cow"), "cat-cow");
    assert_eq!(lower_first("NHS stretch"), "NHS stretch");
    assert_eq!(lower_first(""), "");
}

#[test]
fn a_step_with_no_quiet_while_it_is_prepared_is_announced_as_it_begins() {
    let mut step = hold("Stand and sway", 30, &[], None);
    step.prepare = s(3);
    let plan = routine(vec![step]);
    let words: Vec<_> = phrases(&plan, |at| if at < s(3) { s(0) } else { s(20) })
        .into_iter()
        .filter_map(|p| Some((p.at.as_secs(), p.text(Voice::Names)?.forms.clone())))
        .collect();
    assert_eq!(
        words[0],
        (
            3,
            forms(&["Morning back. First, stand and sway.", "Stand and sway."])
        )
    );
}
