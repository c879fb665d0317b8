//! The real binary in a real pseudo-terminal (tmux): keys in, the screen read back, and the
//! terminal checked afterwards: main screen, cursor shown, modes as they were.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::tmux::{self, Tmux};

fn wait_for_file(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && text.ends_with('\n')
        {
            return text.trim().to_string();
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

const ROUTINE: &str = r#"{
  "name": "Tmux check",
  "prepare": 3,
  "steps": [
    { "name": "Knee to chest", "cue": "Hug one knee in.", "hold": 20, "sides": ["Right leg", "Left leg"] },
    { "name": "Slow breaths", "breath": { "inhale": 4, "exhale": 6 }, "cycles": 3 }
  ]
}
"#;

/// The routine written into `dir`, and the shell words that run supple with its folders
/// there: (`env …`, the binary, the routine's path), quoted.
fn scratch(dir: &Path) -> (String, String, String) {
    let routine = dir.join("check.json");
    std::fs::write(&routine, ROUTINE).expect("write the routine");
    (
        format!("env {}", common::env_words(dir)),
        format!("'{}'", env!("CARGO_BIN_EXE_supple")),
        format!("'{}'", routine.display()),
    )
}

#[test]
fn space_n_and_q_in_a_real_terminal_then_the_terminal_is_given_back() {
    if !tmux::available() {
        println!("skipped: tmux is not installed (.ci/setup installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = |name: &str| -> PathBuf { dir.path().join(name) };
    let (env, binary, routine) = scratch(dir.path());
    let quote = |path: PathBuf| format!("'{}'", path.display());
    let command = format!(
        "stty -g > {before}; {env} {binary} run {routine}; \
         echo $? > {status}; stty -g > {after}; sleep 60",
        before = quote(path("before")),
        status = quote(path("status")),
        after = quote(path("after")),
    );
    let tmux = Tmux::start(path("tmux.sock"), 80, 24, &command);

    // The first run of the day: the safety note, until any key.
    tmux.wait_for("Before you start");
    assert_eq!(
        tmux.pane("#{alternate_on}"),
        "1",
        "the full screen is the alternate one"
    );
    assert_eq!(tmux.pane("#{cursor_flag}"), "0", "the cursor is hidden");
    tmux.keys(&["x"]);
    // Then the stiffness prompt, which one key skips.
    tmux.wait_for("How stiff is your back?");
    tmux.keys(&["s"]);
    let screen = tmux.wait_for("GET READY");
    assert!(
        screen.contains("step 1 of 2") && screen.contains("Right leg"),
        "{screen}"
    );

    tmux.keys(&["Space"]);
    let screen = tmux.wait_for("PAUSED");
    assert!(screen.contains("Space resume"), "{screen}");

    tmux.keys(&["n"]);
    let screen = tmux.wait_for("step 2 of 2");
    assert!(
        screen.contains("Slow breaths") && screen.contains("PAUSED"),
        "{screen}"
    );

    // `q` stops the routine and shows what was done; `q` again leaves.
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("Stopped");
    assert!(screen.contains("skipped"), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&path("status")), "0", "exit status");
    assert_eq!(
        wait_for_file(&path("before")),
        wait_for_file(&path("after")),
        "terminal modes restored"
    );
    assert_eq!(tmux.pane("#{alternate_on}"), "0", "back on the main screen");
    assert_eq!(tmux.pane("#{cursor_flag}"), "1", "the cursor shows again");
    assert!(
        std::fs::read_dir(path("state").join("supple")).is_ok_and(|mut d| d.next().is_some()),
        "the safety note's day is remembered"
    );
    let history = std::fs::read_to_string(path("data").join("supple/history.jsonl")).unwrap();
    let record: serde_json::Value = serde_json::from_str(history.trim()).unwrap();
    assert_eq!(record["routine"], "check", "{history}");
    assert_eq!(record["outcome"], "quit", "{history}");
    assert_eq!(
        (record["completed"].as_u64(), record["skipped"].as_u64()),
        (Some(0), Some(1))
    );
    assert!(
        record.get("before").is_none(),
        "the prompt was skipped: {history}"
    );
}

#[test]
fn a_stopped_run_offers_to_resume_and_the_picker_shows_the_practice_and_its_stats() {
    if !tmux::available() {
        println!("skipped: tmux is not installed (.ci/setup installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = |name: &str| -> PathBuf { dir.path().join(name) };
    let (env, binary, routine) = scratch(dir.path());
    let command = format!(
        "{env} {binary} run --mute {routine}; {env} {binary} run --mute {routine}; \
         {env} {binary}; echo $? > '{status}'; sleep 60",
        status = path("status").display(),
    );
    let tmux = Tmux::start(path("tmux.sock"), 80, 24, &command);
    let history = || std::fs::read_to_string(path("data").join("supple/history.jsonl"));

    // First run: the note, a rating of 7, then stopped in step 2.
    tmux.wait_for("Before you start");
    tmux.keys(&["x"]);
    tmux.wait_for("How stiff is your back?");
    tmux.keys(&["7"]);
    tmux.wait_for("step 1 of 2");
    tmux.keys(&["n"]);
    tmux.wait_for("step 2 of 2");
    // q stops and shows the summary; q again leaves it.
    tmux.keys(&["q"]);
    tmux.wait_for("Stopped");
    tmux.keys(&["q"]);

    // Second run: the offer to resume, then the prompt again, then step 2 at once.
    tmux.wait_for("Resume Tmux check at step 2, Slow breaths?");
    let first = history().unwrap();
    assert!(
        first.contains(r#""outcome":"quit""#) && first.contains(r#""before":7"#),
        "{first}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("How stiff is your back?");
    tmux.keys(&["s"]);
    tmux.wait_for("step 2 of 2");
    tmux.wait_for("Slow breaths");
    tmux.keys(&["q"]);
    tmux.wait_for("Stopped");
    tmux.keys(&["q"]);

    // The picker: the practice line, and s for the stats screen.
    tmux.wait_for("no streak yet · last: Tmux check, today");
    tmux.keys(&["s"]);
    // The bottom row is written last: the whole screen is there once it shows.
    let screen = tmux.wait_for("q back");
    assert!(
        screen.contains("Practice days")
            && screen.contains("Minutes a week")
            && screen.contains("Stiffness"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("pick a routine");
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&path("status")), "0", "exit status");
    assert_eq!(history().unwrap().lines().count(), 2);
}
