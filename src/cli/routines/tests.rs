use std::time::Duration;

use super::*;
use crate::routine::library::Entry;
use crate::routine::{Breath, Hold, Step};

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

fn hold(hold: f64) -> StepKind {
    StepKind::Hold(Hold {
        hold: secs(hold),
        reps: 1,
        release: Duration::ZERO,
        sides: vec![],
        switch: Duration::ZERO,
    })
}

fn routine(title: &str, steps: Vec<Step>) -> Routine {
    Routine {
        title: title.into(),
        description: Some("A description long enough to be cut on a narrow terminal.".into()),
        steps,
    }
}

fn step(name: &str, kind: StepKind) -> Step {
    Step {
        name: name.into(),
        cue: None,
        kind,
        prepare: secs(5.0),
        rest: None,
    }
}

fn entry(name: &str, routine: Routine) -> Entry {
    Entry {
        name: name.into(),
        origin: Origin::BuiltIn,
        routine: Ok(routine),
    }
}

#[test]
fn list_keeps_its_columns_for_routines_of_an_hour_or_more() {
    let long = routine("Long", vec![step("Sit", hold(3_725.0))]);
    let short = routine("Short", vec![step("Sit", hold(40.0))]);
    let text = list_text(&[entry("long", long), entry("s", short)], None, false);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "long  1 h 2 min 10 s  Long  (built-in)");
    assert_eq!(lines[1], "s               45 s  Short  (built-in)");
}

#[test]
fn list_shows_descriptions_on_a_wide_terminal_or_when_asked_and_never_in_a_pipe() {
    let entries = [entry("s", routine("Short", vec![step("Sit", hold(40.0))]))];
    assert!(!list_text(&entries, None, false).contains("description"));
    let wide = list_text(&entries, Some(120), false);
    assert_eq!(wide.lines().count(), 1);
    assert!(wide.contains(" · A description long enough to be cut on a narrow terminal."));
    let narrow = list_text(&entries, Some(70), false);
    assert!(
        narrow.trim_end().ends_with('…') && narrow.chars().count() <= 70,
        "{narrow}"
    );
    let too_narrow = list_text(&entries, Some(60), false);
    assert_eq!(
        too_narrow,
        list_text(&entries, None, false),
        "no stub of a description"
    );
    let long = list_text(&entries, None, true);
    assert_eq!(long.lines().count(), 2, "{long}");
    assert!(long.lines().nth(1).unwrap().starts_with("   A description"));
}

#[test]
fn show_labels_its_columns_and_names_every_part_of_a_step() {
    let mut sided = step(
        "Lunge",
        StepKind::Hold(Hold {
            hold: secs(20.0),
            reps: 3,
            release: secs(3.0),
            sides: vec!["Right".into(), "Left".into()],
            switch: secs(5.0),
        }),
    );
    sided.rest = Some(secs(10.0));
    let breath = step(
        "Box",
        StepKind::Breath(Breath {
            inhale: secs(4.0),
            hold_in: secs(4.0),
            exhale: secs(4.0),
            hold_out: secs(4.0),
            cycles: 2,
        }),
    );
    let text = show_text(&routine("T", vec![sided, breath]));
    assert!(
        text.contains("   step   whole step  what you do\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "20 s hold per side (Right, Left), 3 s release between reps, \
             5 s to switch sides, then 10 s rest"
        ),
        "{text}"
    );
    assert!(text.contains("2 breaths: 4 s in, 4 s hold in, 4 s out, 4 s hold out"));
}

#[test]
fn show_rounds_a_length_one_way_everywhere() {
    let text = show_text(&routine("T", vec![step("Sit", hold(115.2))]));
    assert!(text.contains("Total: 2 min 1 s (2:01)"), "{text}");
    let tiny = show_text(&routine("T", vec![step("Blink", hold(0.0001))]));
    assert!(tiny.contains("0.001 s hold"), "{tiny}");
}

#[test]
fn show_and_list_print_any_text_safely() {
    let name = format!("{}\u{1b}[2J", "x".repeat(70_000));
    let text = show_text(&routine("\u{1b}]0;t\u{7}", vec![step(&name, hold(5.0))]));
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
    let listed = list_text(&[entry(&name, routine("ok", vec![]))], Some(80), false);
    assert!(!listed.contains('\u{1b}'));
}
