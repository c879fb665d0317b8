//! `supple breaks` as a script or status bar drives it: its options' messages, and one short
//! day at `--speed 60` through standard input.

mod common;

use std::process::{Command, Stdio};

use common::steered::Steered;
use serde_json::Value;

/// The binary in a home of its own, outside tmux (where a due break would open a window).
fn supple(home: &std::path::Path) -> Command {
    let mut command = common::supple_in(home);
    command.env_remove("TMUX");
    command
}

/// As [`supple`], with all of `input` on standard input from the start, as a pipe written
/// at once gives it.
fn with_input(home: &std::path::Path, input: &str) -> Command {
    let path = home.join("input");
    std::fs::write(&path, input).expect("write input");
    let mut command = supple(home);
    command.stdin(std::fs::File::open(&path).expect("input"));
    command
}

fn fails(args: &[&str], settings: Option<&str>) -> (i32, String) {
    let home = tempfile::tempdir().expect("temp dir");
    if let Some(settings) = settings {
        let dir = home.path().join("config/supple");
        std::fs::create_dir_all(&dir).expect("config dir");
        std::fs::write(dir.join("config.json"), settings).expect("settings");
    }
    let (code, _, err) = common::finish(supple(home.path()).args(args));
    (code, err)
}

#[test]
fn a_bad_interval_or_routine_exits_2_and_says_why() {
    let (code, err) = fails(&["breaks", "--every", "90", "--plain"], None);
    assert_eq!(code, 2);
    assert!(
        err.contains(r#"--every "90" is not an interval: write a duration like 90m"#),
        "{err}"
    );
    let (code, err) = fails(&["breaks", "--every", "0m", "--plain"], None);
    assert_eq!(code, 2);
    assert!(err.contains("no time at all"), "{err}");
    let (code, err) = fails(&["breaks", "--plain"], Some(r#"{"break_every": "soon"}"#));
    assert_eq!(code, 2);
    assert!(err.contains("break_every in the settings file"), "{err}");
    let (code, err) = fails(&["breaks", "--routine", "no-such-routine", "--plain"], None);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-routine"), "{err}");
}

#[test]
fn a_due_break_skipped_from_standard_input_then_quit() {
    let home = tempfile::tempdir().expect("temp dir");
    // At speed 60 a minute passes in a second.
    let mut run = Steered::start(supple(home.path()).args([
        "breaks", "--every", "1m", "--json", "--mute", "--speed", "60",
    ]));
    let waiting = run.next();
    assert_eq!(waiting["event"], "waiting");
    assert_eq!(waiting["due"], 60.0);
    let due = run.next();
    assert_eq!(due["event"], "due");
    assert_eq!(due["routine"], "movement-break");
    run.send("skip");
    let skip = run.next();
    assert_eq!(skip["event"], "skip");
    assert_eq!(skip["due"], 60.0);
    run.send("quit");
    assert!(run.wait().success());
}

#[test]
fn a_break_taken_here_is_recorded_in_the_history() {
    let home = tempfile::tempdir().expect("temp dir");
    // A routine of a second, and a day at speed 60: the break is due after a second.
    let routines = home.path().join("config/supple/routines");
    std::fs::create_dir_all(&routines).expect("routines");
    std::fs::write(
        routines.join("tiny.json"),
        r#"{"name": "Tiny", "steps": [{"name": "Stand", "rest": 1}]}"#,
    )
    .expect("routine");
    let mut run = Steered::start(
        supple(home.path())
            .args([
                "breaks",
                "--every",
                "1m",
                "--routine",
                "tiny",
                "--json",
                "--mute",
                "--speed",
                "60",
            ])
            .stderr(Stdio::null()),
    );
    run.until("due");
    run.send("start");
    run.until("done");
    run.until("waiting");
    run.send("quit");
    assert!(run.wait().success());
    let history =
        std::fs::read_to_string(home.path().join("data/supple/history.jsonl")).expect("a history");
    let records: Vec<Value> = history
        .lines()
        .map(|line| serde_json::from_str(line).expect("a record"))
        .collect();
    assert_eq!(records.len(), 1, "{history}");
    assert_eq!(records[0]["routine"], "tiny");
    assert_eq!(records[0]["outcome"], "finished");
}

#[test]
fn with_no_speech_program_a_plain_day_says_so_once_and_goes_on() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("config/supple");
    std::fs::create_dir_all(&dir).expect("config dir");
    // Muted by the settings: no sound device (this machine's case) is not what it says.
    std::fs::write(dir.join("config.json"), r#"{"mute": true}"#).expect("settings");
    let mut command = with_input(home.path(), "quit\n");
    command
        .args(["breaks", "--plain"])
        .env("SUPPLE_SPEECH_PROGRAM", "");
    let out = common::finishes(&mut command, std::time::Duration::from_secs(20));
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("espeak-ng").count(), 1, "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("waiting: next break in 1 h 30 min"));
}

#[test]
fn the_readme_sample_of_lines_piped_at_once_is_what_breaks_prints() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let command = "$ printf 'start\\nquit\\nquit\\n' | supple breaks --plain --mute\n";
    let sample = readme
        .split(command)
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README's sample of piped lines");
    let home = tempfile::tempdir().expect("temp dir");
    // All three are there at once, before the day has begun: each must reach its loop.
    let mut command = with_input(home.path(), "start\nquit\nquit\n");
    command.args(["breaks", "--plain", "--mute"]);
    let out = common::finishes(&mut command, std::time::Duration::from_secs(20));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        sample,
        "update the README"
    );
}
