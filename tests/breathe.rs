//! `supple breathe` as a script drives it: the built plan's events, and bad patterns.

mod common;

use serde_json::Value;

fn supple(args: &[&str]) -> (i32, String, String) {
    let home = tempfile::tempdir().expect("temp dir");
    common::finish(common::supple_in(home.path()).args(args))
}

#[test]
fn a_pattern_plays_as_its_breaths_under_its_breathe_name() {
    let (code, out, err) = supple(&[
        "breathe", "4-7-8", "--cycles", "2", "--json", "--mute", "--speed", "100",
    ]);
    assert_eq!(code, 0, "{err}");
    let events: Vec<Value> = out
        .lines()
        .map(|line| serde_json::from_str(line).expect("json"))
        .collect();
    assert_eq!(events[0]["event"], "start");
    assert_eq!(events[0]["routine"], "breathe:4-7-8");
    assert_eq!(events[0]["total"], 5.0 + 2.0 * 19.0);
    let phases: Vec<&str> = events.iter().filter_map(|e| e["phase"].as_str()).collect();
    assert_eq!(
        phases,
        [
            "prepare", "inhale", "hold-in", "exhale", "inhale", "hold-in", "exhale"
        ]
    );
    assert_eq!(events.last().expect("events")["event"], "done");
    // A 7 s hold: the caution comes first, on standard error.
    assert!(err.contains("light-headed or dizzy"), "{err}");
}

#[test]
fn a_bad_pattern_exits_2_with_the_reason_and_the_presets() {
    let (code, out, err) = supple(&["breathe", "4-70"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("70 s is longer than a minute"), "{err}");
    assert!(err.contains("Presets:") && err.contains("box"), "{err}");
}

#[test]
fn help_lists_every_preset_with_its_description() {
    let (code, out, _) = supple(&["breathe", "--help"]);
    assert_eq!(code, 0);
    for preset in ["belly", "box", "4-7-8", "resonance", "calm"] {
        assert!(out.contains(&format!("  {preset} ")), "{preset}: {out}");
    }
    assert!(out.contains("--cycles") && out.contains("--minutes") && out.contains("--no-log"));
}
