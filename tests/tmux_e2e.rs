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

#[test]
fn a_break_played_on_the_breaks_screen_speaks_and_v_changes_its_voice() {
    if !tmux::available() {
        println!("skipped: tmux is not installed (.ci/setup installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = |name: &str| -> PathBuf { dir.path().join(name) };
    std::fs::write(
        path("tiny.json"),
        r#"{"name": "Tiny", "steps": [{"name": "Stand tall", "rest": 30}]}"#,
    )
    .unwrap();
    // A stand-in speech program that writes down what it is asked to say.
    let speak = path("speak");
    common::script::write_script(&speak, &format!("cat >> '{}'", path("said").display()));
    supple::ui::safety::Store::new(Some(path("state").join("supple")))
        .mark_shown(&supple::ui::safety::today());
    let quote = |path: PathBuf| format!("'{}'", path.display());
    let command = format!(
        "env {env} SUPPLE_SPEECH_PROGRAM={speak} \
         {binary} breaks --every 1s --routine {routine}; echo $? > {status}; sleep 60",
        env = common::env_words(dir.path()),
        speak = quote(speak.clone()),
        binary = env!("CARGO_BIN_EXE_supple"),
        routine = quote(path("tiny.json")),
        status = quote(path("status")),
    );
    let tmux = Tmux::start(path("tmux.sock"), 80, 24, &command);
    tmux.wait_for("Time to move");
    let said = || std::fs::read_to_string(path("said")).unwrap_or_default();
    assert_eq!(said(), "", "the countdown says nothing");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("v voice");
    assert!(screen.contains("Stand tall"), "{screen}");
    // The break's phrases went to the speech program, as a run's do.
    let start = Instant::now();
    while !said().contains("Tiny. First, stand tall.") {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "said: {:?}",
            said()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    tmux.keys(&["v"]);
    tmux.wait_for("Voice: full");
    tmux.keys(&["q"]);
    tmux.wait_for("back to the breaks");
    tmux.keys(&["q"]);
    tmux.wait_for("Next break in");
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&path("status")), "0", "exit status");
}

/// What opening the default device maps, through ALSA's plugin for PulseAudio (which
/// `.ci/setup` installs; libasound itself is always linked): libpulse, which stays mapped
/// even when no server answers.
const DEVICE_LIBRARY: &str = "libpulse.so";

#[test]
fn a_muted_run_opens_the_sound_device_only_when_m_unmutes_it() {
    if !tmux::available() {
        println!("skipped: tmux is not installed (.ci/setup installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (env, binary, routine) = scratch(dir.path());
    supple::ui::safety::Store::new(Some(dir.path().join("state").join("supple")))
        .mark_shown(&supple::ui::safety::today());
    // `exec`: the pane's process is supple itself, whose mappings the test reads.
    let command = format!("exec {env} {binary} run --mute --before 0 {routine}");
    let tmux = Tmux::start(dir.path().join("tmux.sock"), 80, 24, &command);
    let screen = tmux.wait_for("GET READY");
    assert!(screen.contains("muted"), "{screen}");
    let maps = || {
        let pid = tmux.pane("#{pane_pid}");
        std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap_or_default()
    };
    assert!(
        !maps().contains(DEVICE_LIBRARY),
        "muted, the device is not opened"
    );
    tmux.keys(&["m"]);
    let plugin =
        std::path::Path::new("/usr/lib/x86_64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so");
    if plugin.exists() {
        let start = Instant::now();
        while !maps().contains(DEVICE_LIBRARY) {
            assert!(start.elapsed() < Duration::from_secs(15), "m opens it");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    let no_card = std::fs::read_to_string("/proc/asound/cards")
        .map(|cards| cards.contains("no soundcards"))
        .unwrap_or(true);
    if no_card && std::env::var_os("PULSE_SERVER").is_none() {
        // Found missing as the sound is wanted, and said so.
        tmux.wait_for("no sound device");
    }
    tmux.keys(&["q"]);
    tmux.wait_for("Stopped");
    tmux.keys(&["q"]);
}
