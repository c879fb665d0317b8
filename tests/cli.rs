//! The real binary, driven as scripts and people drive it: exit codes, messages, `--json`.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::steered::Steered;
use serde_json::Value;

const SHORT: &str = "tests/fixtures/e2e/short.json";

/// A run to its end in a home of its own: no user's routines, settings or history.
fn output(args: &[&str]) -> (i32, String, String) {
    let home = tempfile::tempdir().expect("temp dir");
    common::finish(common::supple_in(home.path()).args(args))
}

#[test]
fn json_events_arrive_in_order_never_early_and_as_they_happen() {
    let speed = 4.0;
    let home = tempfile::tempdir().expect("temp dir");
    let mut child = common::supple_in(home.path())
        .args(["run", SHORT, "--json", "--mute", "--speed", "4"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    let started = Instant::now();
    let stdout = child.stdout.take().expect("stdout");
    let mut events = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let arrived = started.elapsed();
        let event: Value = serde_json::from_str(&line.expect("line")).expect("json");
        events.push((arrived, event));
    }
    assert!(child.wait().expect("exit").success());

    let kinds: Vec<String> = events
        .iter()
        .map(|(_, e)| {
            let kind = e["event"].as_str().unwrap_or("?").to_string();
            match e["phase"].as_str() {
                Some(phase) => format!("{kind}:{phase}@{}", e["t"]),
                None => format!("{kind}@{}", e["t"]),
            }
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "start@0.0",
            "phase:prepare@0.0",
            "phase:hold@0.5",
            "phase:release@1.5",
            "phase:hold@2.0",
            "phase:hold@3.0",
            "phase:release@4.0",
            "phase:hold@4.5",
            "phase:inhale@5.5",
            "phase:exhale@6.5",
            "phase:rest@7.5",
            "done@8.5",
        ]
    );
    let hold = &events[2].1;
    assert_eq!(hold["side"], "Left");
    assert_eq!(
        (hold["rep"].clone(), hold["reps"].clone()),
        (1.into(), 2.into())
    );
    assert_eq!(events[5].1["side"], "Right");
    assert_eq!(events[8].1["cycle"], 1);
    assert_eq!(events[8].1["cycles"], 1);
    assert_eq!(events[11].1["completed"], 3);

    // No line comes before its moment: the clock above started before supple's own, so a
    // busy machine only makes lines later (the small margin is for rounding).
    for (arrived, event) in &events {
        let due = Duration::from_secs_f64(event["t"].as_f64().expect("t") / speed);
        assert!(
            arrived.as_secs_f64() >= due.as_secs_f64() - 0.05,
            "{event} arrived at {arrived:?}, before its moment {due:?}"
        );
    }
    // Each line is flushed as its moment comes, not at the end: the first and the last come
    // two seconds apart, as their moments are (2.1 s at speed 4). How late lines are is
    // measured by `cargo bench --bench timing`.
    let (first, last) = (events[0].0, events[events.len() - 1].0);
    assert!(
        last.saturating_sub(first) > Duration::from_secs(1),
        "the first line came at {first:?}, the last at {last:?}: held back, not flushed"
    );
}

#[test]
fn stdin_commands_steer_a_json_run() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut run = Steered::start(
        common::supple_in(home.path()).args(["run", SHORT, "--json", "--mute", "--speed", "0.5"]),
    );
    assert_eq!(run.next()["event"], "start");
    assert_eq!(run.next()["phase"], "prepare");
    run.send("next");
    assert_eq!(run.next()["event"], "skip");
    assert_eq!(run.next()["step"], 2);
    run.send("pause");
    assert_eq!(run.next()["event"], "pause");
    run.send("quit");
    let quit = run.next();
    assert_eq!(quit["event"], "quit");
    assert_eq!(quit["skipped"], 1);
    assert_eq!(run.wait().code(), Some(0));
}

#[test]
fn plain_output_is_one_readable_line_per_phase() {
    let (code, out, _) = output(&["run", SHORT, "--plain", "--mute", "--speed", "50"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 12, "{out}");
    assert!(lines[0].contains("Short test routine: 3 steps"), "{out}");
    assert!(
        lines[2].contains("step 1/3 Reach: hold (1 s, Left, rep 1 of 2)"),
        "{out}"
    );
    assert!(lines[11].contains("done: 3 completed, 0 skipped"), "{out}");
}

#[test]
fn run_without_a_terminal_falls_back_to_plain_lines() {
    let (code, out, _) = output(&["run", SHORT, "--mute", "--speed", "50"]);
    assert_eq!(code, 0);
    assert!(out.contains("step 3/3 Breather: rest"), "{out}");
}

#[test]
fn an_unknown_routine_exits_2_and_names_the_closest() {
    let (code, _, err) = output(&["run", "desk-brake", "--json"]);
    assert_eq!(code, 2);
    assert!(err.contains("desk-brake"), "{err}");
    assert!(err.contains("desk-break"), "{err}");
}

#[test]
fn a_bad_speed_is_a_usage_error() {
    let (code, _, err) = output(&["run", SHORT, "--speed", "fast"]);
    assert_eq!(code, 2);
    assert!(err.contains("--speed"), "{err}");
}

#[test]
fn list_shows_every_built_in_routine_with_its_length() {
    let (code, out, _) = output(&["list"]);
    assert_eq!(code, 0);
    for name in [
        "morning-back",
        "desk-break",
        "lifter-back",
        "belly-breathing",
        "movement-break",
        "after-run",
    ] {
        let line = out
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} missing from:\n{out}"));
        assert!(line.contains("built-in"), "{line}");
    }
}

#[test]
fn show_prints_each_step_and_the_total() {
    let (code, out, _) = output(&["show", SHORT]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Short test routine\n"), "{out}");
    assert!(out.contains("1. Reach"), "{out}");
    assert!(out.contains("Total: 8.5 s"), "{out}");
}

#[test]
fn validate_exits_0_for_valid_files_and_2_for_invalid_ones() {
    let (code, out, _) = output(&["validate", SHORT]);
    assert_eq!(code, 0, "{out}");
    let broken = tempfile::NamedTempFile::with_suffix(".json").expect("temp");
    std::fs::write(
        broken.path(),
        r#"{"name": "x", "steps": [{"name": "a", "hold": -1}]}"#,
    )
    .expect("write");
    let path = broken.path().to_str().expect("utf-8 path");
    let (code, _, err) = output(&["validate", SHORT, path]);
    assert_eq!(code, 2);
    assert!(err.contains(path), "{err}");
    assert!(err.contains("steps[0].hold"), "{err}");
}

#[test]
fn a_routine_that_fails_validation_never_starts() {
    let broken = tempfile::NamedTempFile::with_suffix(".json").expect("temp");
    std::fs::write(broken.path(), "{ not json").expect("write");
    let (code, out, err) = output(&["run", broken.path().to_str().expect("path"), "--json"]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains(":1:"), "{err}");
}

#[test]
fn the_readme_sample_of_show_is_what_show_prints() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let sample = readme
        .split("$ supple show desk-break\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a show sample in the README");
    let (code, out, _) = output(&["show", "desk-break"]);
    assert_eq!(code, 0);
    assert_eq!(out, sample, "update the README's sample");
}

#[test]
fn json_and_plain_runs_print_the_safety_note_on_stderr_and_keep_stdout_clean() {
    let (home, state) = (
        tempfile::tempdir().expect("temp"),
        tempfile::tempdir().expect("temp"),
    );
    for mode in ["--json", "--plain"] {
        let out = common::supple_in(home.path())
            .env("XDG_STATE_HOME", state.path())
            .args(["run", SHORT, mode, "--mute", "--speed", "100"])
            .stdin(Stdio::null())
            .output()
            .expect("runs");
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(stderr.contains("Before you start"), "{stderr}");
        assert!(!stdout.contains("Before you start"), "{stdout}");
        if mode == "--json" {
            assert!(stdout.lines().all(|line| line.starts_with('{')), "{stdout}");
        }
        assert!(
            !stderr.contains("no sound device"),
            "a muted run says nothing of sound"
        );
    }
    // Standard error was no terminal: nobody read it, so it is still due.
    assert!(std::fs::read_dir(state.path()).is_ok_and(|mut d| d.next().is_none()));
}
