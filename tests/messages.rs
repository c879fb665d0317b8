//! The help and the messages a person sees when something is off: option values, names and
//! paths mixed up, unknown routines, failed writes, a broken settings file.

mod common;

use std::path::Path;

use common::{FIXED, Home};

#[test]
fn the_help_explains_keys_files_stdin_pipes_exit_statuses_and_ranges() {
    let home = Home::new();
    let main = home.supple(&["--help"]).out;
    for words in [
        "routines/NAME.json",
        "config.json",
        "history.jsonl",
        "not a terminal",
        "Exit status",
    ] {
        assert!(main.contains(words), "--help lacks {words:?}:\n{main}");
    }
    let run = home.supple(&["run", "--help"]).out;
    for words in [
        "Space",
        "n or Right",
        "pause, resume, next, back,",
        "not a terminal",
        "Exit status",
        "0.01 to 1000",
        "--volume 0 to 100",
    ] {
        assert!(run.contains(words), "run --help lacks {words:?}:\n{run}");
    }
    let edit = home.supple(&["edit", "--help"]).out;
    assert!(edit.contains("code --wait"), "{edit}");
}

#[test]
fn option_values_out_of_range_say_what_the_option_takes() {
    let home = Home::new();
    for value in ["150", "loud"] {
        let run = home.supple(&["run", "desk-break", "--volume", value]);
        assert_eq!(run.code, 2);
        assert!(run.err.contains("--volume"), "{}", run.err);
        assert!(run.err.contains("0 to 100"), "{}", run.err);
    }
    let run = home.supple(&["run", "desk-break", "--speed", "0"]);
    assert!(run.err.contains("0.01 to 1000"), "{}", run.err);
}

#[test]
fn a_routine_given_as_a_command_suggests_run() {
    let home = Home::new();
    let run = home.supple(&["desk-break"]);
    assert_eq!(run.code, 2);
    assert!(
        run.err.contains("did you mean `supple run desk-break`?"),
        "{}",
        run.err
    );
    let misspelt = home.supple(&["deskbreak"]);
    assert!(
        misspelt.err.contains("`supple run desk-break`"),
        "{}",
        misspelt.err
    );
    let command = home.supple(&["lst"]);
    assert!(command.err.contains("list"), "{}", command.err);
}

#[test]
fn an_unknown_routine_with_no_close_match_lists_the_routines() {
    let home = Home::new();
    let run = home.supple(&["show", "zzzz"]);
    assert_eq!(run.code, 2);
    assert!(
        run.err.contains("the routines are after-run, "),
        "{}",
        run.err
    );
    assert!(run.err.contains("supple list"), "{}", run.err);
}

#[test]
fn names_and_paths_given_for_one_another_get_a_hint() {
    let home = Home::new();
    let validate = home.supple(&["validate", "desk-break"]);
    assert_eq!(validate.code, 2);
    assert!(
        validate.err.contains("desk-break is a built-in routine"),
        "{}",
        validate.err
    );
    let run = home.supple(&["run", "./desk-break.json"]);
    assert_eq!(run.code, 2);
    assert!(
        run.err.contains("run `supple run desk-break`"),
        "{}",
        run.err
    );
    std::fs::write(home.dir.path().join("neck.json"), FIXED).expect("write");
    let run = home.supple(&["run", "neck"]);
    assert!(
        run.err.contains("give its path, `./neck.json`"),
        "{}",
        run.err
    );
}

#[test]
fn a_failed_export_names_the_file_once_and_no_temporary_path() {
    let home = Home::new();
    let run = home.supple(&["export-audio", "desk-break", "missing/dir/cues.wav"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.err,
        "supple: cannot write missing/dir/cues.wav: the folder missing/dir does not exist; \
         create it first or give another path\n"
    );
}

#[test]
fn a_broken_settings_file_is_reported_once_and_the_routine_runs() {
    let home = Home::new();
    let config = home.dir.path().join("config/supple");
    std::fs::create_dir_all(&config).expect("folder");
    std::fs::write(
        config.join("config.json"),
        "{\n  \"volume\": \"loud\",\n  \"mute\": true,\n  \"vioce\": \"full\"\n}\n",
    )
    .expect("write");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/e2e/short.json");
    let fixture = fixture.to_str().expect("utf-8 path");
    let run = home.supple(&["run", fixture, "--plain", "--speed", "50"]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.contains("done: 3 completed"), "{}", run.out);
    let file = config.join("config.json");
    let volume = format!(
        "supple: {}:2:3: \"volume\" takes a whole number",
        file.display()
    );
    assert!(run.err.contains(&volume), "{}", run.err);
    assert!(run.err.contains("did you mean \"voice\"?"), "{}", run.err);
    assert_eq!(
        run.err.matches("\"volume\" takes").count(),
        1,
        "{}",
        run.err
    );
}
