//! `supple breaks` as a script or status bar drives it: its options' messages, and one short
//! day at `--speed 60` through standard input.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;

use common::JsonDay;

fn supple(home: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_supple"));
    command
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("TMUX");
    command
}

fn fails(args: &[&str], settings: Option<&str>) -> (i32, String) {
    let home = tempfile::tempdir().expect("temp dir");
    if let Some(settings) = settings {
        let dir = home.path().join("config/supple");
        std::fs::create_dir_all(&dir).expect("config dir");
        std::fs::write(dir.join("config.json"), settings).expect("settings");
    }
    let out = supple(home.path())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into(),
    )
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
    let mut child = supple(home.path())
        .args([
            "breaks", "--every", "1m", "--json", "--mute", "--speed", "60",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut next = || -> Value {
        let line = lines.next().expect("a line").expect("text");
        serde_json::from_str(&line).expect("json")
    };
    let waiting = next();
    assert_eq!(waiting["event"], "waiting");
    assert_eq!(waiting["due"], 60.0);
    let due = next();
    assert_eq!(due["event"], "due");
    assert_eq!(due["routine"], "movement-break");
    writeln!(stdin, "skip").expect("write");
    let skip = next();
    assert_eq!(skip["event"], "skip");
    assert_eq!(skip["due"], 60.0);
    writeln!(stdin, "quit").expect("write");
    assert!(child.wait().expect("exit").success());
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
    let mut day = JsonDay::start(supple(home.path()).args([
        "breaks",
        "--every",
        "1m",
        "--routine",
        "tiny",
        "--json",
        "--mute",
        "--speed",
        "60",
    ]));
    day.until("due");
    day.send("start");
    day.until("done");
    day.until("waiting");
    assert!(day.quit().success());
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
    let mut child = supple(home.path())
        .args(["breaks", "--plain"])
        .env("SUPPLE_SPEECH_PROGRAM", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    writeln!(child.stdin.take().expect("stdin"), "quit").expect("write");
    let out = child.wait_with_output().expect("exit");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("espeak-ng").count(), 1, "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("waiting: next break in 1 h 30 min"));
}
