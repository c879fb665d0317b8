//! Writing your own routines with the real binary: `new`, `edit` with a stand-in editor,
//! completions, the man page, and the messages a person sees when something is off.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A home of its own for each test: config, data, state and cache folders in a temp dir.
struct Home {
    dir: tempfile::TempDir,
}

struct Run {
    code: i32,
    out: String,
    err: String,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn routines(&self) -> PathBuf {
        self.dir.path().join("config/supple/routines")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_supple"));
        command.args(args);
        self.isolate(&mut command);
        command
    }

    /// Points every folder supple uses into this home.
    fn isolate(&self, command: &mut Command) {
        let root = self.dir.path();
        command
            .env("HOME", root)
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_STATE_HOME", root.join("state"))
            .env("XDG_CACHE_HOME", root.join("cache"))
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .current_dir(root);
    }

    fn run(&self, args: &[&str], input: &str, env: &[(&str, &str)]) -> Run {
        let mut command = self.command(args);
        command.envs(env.iter().copied());
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
        let out = child.wait_with_output().expect("exit");
        Run {
            code: out.status.code().unwrap_or(-1),
            out: String::from_utf8_lossy(&out.stdout).into(),
            err: String::from_utf8_lossy(&out.stderr).into(),
        }
    }

    fn supple(&self, args: &[&str]) -> Run {
        self.run(args, "", &[])
    }

    /// A stand-in editor: on its Nth call it writes the Nth of `saves` into the file.
    fn editor(&self, saves: &[&str]) -> String {
        let script = self.dir.path().join("editor.sh");
        let mut text = String::from(
            "#!/bin/sh\nn=$(cat \"$0.count\" 2>/dev/null || echo 0)\nn=$((n+1))\n\
             echo $n > \"$0.count\"\ncase $n in\n",
        );
        for (index, save) in saves.iter().enumerate() {
            let file = self.dir.path().join(format!("save{}.json", index + 1));
            std::fs::write(&file, save).expect("write save");
            text.push_str(&format!(
                "{}) cp '{}' \"$1\" ;;\n",
                index + 1,
                file.display()
            ));
        }
        text.push_str("esac\n");
        std::fs::write(&script, text).expect("write editor");
        // Run through `sh` with an argument, as `code --wait` would be: the string is split.
        format!("sh '{}'", script.display())
    }

    fn calls(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("editor.sh.count"))
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// Every file in the routine folder, dot files included.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.routines())
            .map(|listing| {
                listing
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

const BROKEN: &str = r#"{
  "name": "Back sheet",
  "steps": [
    { "name": "Pelvic tilts", "hold": "5 s", "reps": 10 }
  ]
}
"#;

const FIXED: &str = r#"{
  "name": "Back sheet",
  "steps": [
    { "name": "Pelvic tilts", "hold": "5s", "reps": 10 }
  ]
}
"#;

#[test]
fn new_writes_the_template_to_the_routine_folder_and_prints_its_path() {
    let home = Home::new();
    let run = home.supple(&["new", "back-sheet"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let path = home.routines().join("back-sheet.json");
    assert_eq!(run.out, format!("{}\n", path.display()));
    let text = std::fs::read_to_string(&path).expect("the new file");
    assert!(text.contains("\"name\": \"Back sheet\""), "{text}");
    assert!(run.err.contains("supple edit back-sheet"), "{}", run.err);
    let list = home.supple(&["list"]);
    assert!(list.out.contains("back-sheet"), "{}", list.out);
}

#[test]
fn new_never_overwrites_a_routine() {
    let home = Home::new();
    assert_eq!(home.supple(&["new", "neck"]).code, 0);
    let path = home.routines().join("neck.json");
    std::fs::write(&path, FIXED).expect("write");
    let again = home.supple(&["new", "neck"]);
    assert_eq!(again.code, 2);
    assert!(
        again.err.contains("already have a routine named neck"),
        "{}",
        again.err
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), FIXED);
    assert_eq!(home.files(), ["neck.json"], "no temporary file is left");
}

#[test]
fn new_refuses_names_that_are_not_file_names() {
    let home = Home::new();
    for (name, why) in [
        ("", "cannot be empty"),
        ("../escape", "it is a path"),
        ("sub/dir", "it is a path"),
        (".hidden", "starts with a dot"),
        ("what?", "file names cannot"),
    ] {
        let run = home.supple(&["new", name]);
        assert_eq!(run.code, 2, "{name:?}");
        assert!(run.err.contains(why), "{name:?}: {}", run.err);
    }
    assert!(home.files().is_empty());
}

#[test]
fn new_from_copies_a_built_in_routine_as_it_is() {
    let home = Home::new();
    let run = home.supple(&["new", "my-desk", "--from", "desk-break"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let copy = std::fs::read_to_string(home.routines().join("my-desk.json")).expect("copy");
    let built_in = std::fs::read_to_string("routines/desk-break.json").expect("built-in");
    assert_eq!(copy, built_in);
    let unknown = home.supple(&["new", "x", "--from", "desk-brake"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.err.contains("did you mean \"desk-break\"?"),
        "{}",
        unknown.err
    );
}

#[test]
fn edit_shows_the_problems_and_edits_again_until_the_routine_is_valid() {
    let home = Home::new();
    assert_eq!(home.supple(&["new", "back-sheet"]).code, 0);
    let editor = home.editor(&[BROKEN, FIXED]);
    let run = home.run(&["edit", "back-sheet"], "e\n", &[("VISUAL", &editor)]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(home.calls(), "2");
    let path = home.routines().join("back-sheet.json");
    // The problem names the routine's own file, with its line and column, not the copy's.
    let problem = format!("{}:4:39: steps[0].hold: must be a duration", path.display());
    assert!(run.err.contains(&problem), "{}", run.err);
    assert!(run.err.contains("[E/k/d]"), "{}", run.err);
    assert!(
        !run.err.contains("/.back-sheet."),
        "a temporary path leaked: {}",
        run.err
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), FIXED);
    assert_eq!(
        home.files(),
        ["back-sheet.json"],
        "the working copy is gone"
    );
}

#[test]
fn edit_keeps_a_broken_routine_only_when_asked() {
    let home = Home::new();
    let path = home.routines().join("back-sheet.json");
    std::fs::create_dir_all(home.routines()).expect("folder");

    std::fs::write(&path, FIXED).expect("write");
    let editor = home.editor(&[BROKEN]);
    let discard = home.run(&["edit", "back-sheet"], "d\n", &[("EDITOR", &editor)]);
    assert_eq!(discard.code, 0, "{}", discard.err);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), FIXED);

    let editor = home.editor(&[BROKEN]);
    std::fs::remove_file(home.dir.path().join("editor.sh.count")).expect("reset");
    let keep = home.run(&["edit", "back-sheet"], "k\n", &[("EDITOR", &editor)]);
    assert_eq!(keep.code, 0, "{}", keep.err);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), BROKEN);
    assert_eq!(home.files(), ["back-sheet.json"]);
}

#[test]
fn edit_with_no_one_to_answer_keeps_the_edit_as_a_draft() {
    let home = Home::new();
    assert_eq!(home.supple(&["new", "back-sheet"]).code, 0);
    let before = std::fs::read_to_string(home.routines().join("back-sheet.json")).expect("read");
    let editor = home.editor(&[BROKEN]);
    let run = home.run(&["edit", "back-sheet"], "", &[("VISUAL", &editor)]);
    assert_eq!(run.code, 2);
    assert!(run.err.contains("back-sheet is unchanged"), "{}", run.err);
    let draft = home.routines().join("back-sheet.json.draft");
    assert_eq!(std::fs::read_to_string(&draft).expect("draft"), BROKEN);
    assert_eq!(
        std::fs::read_to_string(home.routines().join("back-sheet.json")).expect("read"),
        before
    );
}

#[test]
fn editing_a_built_in_routine_saves_a_copy_that_shadows_it() {
    let home = Home::new();
    let editor = home.editor(&[FIXED]);
    let run = home.run(&["edit", "desk-break"], "", &[("VISUAL", &editor)]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.err.contains("desk-break is built in"), "{}", run.err);
    assert!(
        run.err.contains("instead of the built-in one"),
        "{}",
        run.err
    );
    let list = home.supple(&["list"]);
    let line = list
        .out
        .lines()
        .find(|l| l.starts_with("desk-break"))
        .expect("listed");
    assert!(line.contains("(yours)"), "{line}");
}

#[test]
fn an_unchanged_built_in_routine_leaves_no_copy_behind() {
    let home = Home::new();
    let run = home.run(&["edit", "desk-break"], "", &[("VISUAL", "true")]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.err.contains("no changes"), "{}", run.err);
    assert!(run.err.contains("VISUAL=\"code --wait\""), "{}", run.err);
    assert!(home.files().is_empty(), "{:?}", home.files());
}

#[test]
fn edit_of_an_unknown_routine_points_to_new() {
    let home = Home::new();
    let run = home.run(&["edit", "pelvic"], "", &[("VISUAL", "true")]);
    assert_eq!(run.code, 2);
    assert!(run.err.contains("supple new pelvic"), "{}", run.err);
}

#[test]
fn an_editor_that_cannot_start_is_explained() {
    let home = Home::new();
    assert_eq!(home.supple(&["new", "neck"]).code, 0);
    let run = home.run(
        &["edit", "neck"],
        "",
        &[("VISUAL", "no-such-editor --wait")],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.err
            .contains("cannot start the editor \"no-such-editor\""),
        "{}",
        run.err
    );
    assert!(run.err.contains("set VISUAL or EDITOR"), "{}", run.err);
    assert_eq!(home.files(), ["neck.json"]);
}

#[test]
fn the_bash_completion_is_valid_bash_and_completes_routine_names() {
    let home = Home::new();
    std::fs::create_dir_all(home.routines()).expect("folder");
    std::fs::write(home.routines().join("back-sheet.json"), FIXED).expect("write");
    let script = home.supple(&["completions", "bash"]);
    assert_eq!(script.code, 0);
    let file = home.dir.path().join("supple.bash");
    std::fs::write(&file, &script.out).expect("write");
    let check = Command::new("bash")
        .arg("-n")
        .arg(&file)
        .output()
        .expect("bash");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // Tab after `supple run b`, with the binary on the PATH as an installed one would be.
    let bin = Path::new(env!("CARGO_BIN_EXE_supple"))
        .parent()
        .expect("bin dir");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let probe = format!(
        "source '{}'; COMP_WORDS=(supple run b); COMP_CWORD=2; _supple_routines supple b run; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        file.display()
    );
    let mut bash = Command::new("bash");
    home.isolate(&mut bash);
    bash.env("PATH", path).arg("-c").arg(&probe);
    let out = bash.output().expect("bash");
    let words = String::from_utf8_lossy(&out.stdout);
    let words: Vec<&str> = words.lines().collect();
    assert!(words.contains(&"back-sheet"), "{words:?}");
    assert!(words.contains(&"belly-breathing"), "{words:?}");
}

/// Runs `shell -n` (parse only) on the script.
fn parses_in(shell: &str, script: &str, home: &Home) {
    let file = home.dir.path().join(format!("completion.{shell}"));
    std::fs::write(&file, script).expect("write");
    let check = Command::new(shell)
        .arg("-n")
        .arg(&file)
        .output()
        .unwrap_or_else(|_| panic!("{shell} is needed (.ci/setup installs it)"));
    assert!(
        check.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn fish_completes_routine_names_as_tab_is_pressed() {
    let home = Home::new();
    std::fs::create_dir_all(home.routines()).expect("folder");
    std::fs::write(home.routines().join("back-sheet.json"), FIXED).expect("write");
    let script = home.supple(&["completions", "fish"]).out;
    parses_in("fish", &script, &home);
    let file = home.dir.path().join("completion.fish");
    let bin = Path::new(env!("CARGO_BIN_EXE_supple"))
        .parent()
        .expect("bin dir");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut fish = Command::new("fish");
    home.isolate(&mut fish);
    let probe = format!(
        "source '{}'; complete -C 'supple run b'; complete -C 'supple new x --from desk'",
        file.display()
    );
    let out = fish
        .env("PATH", path)
        .arg("-c")
        .arg(probe)
        .output()
        .expect("fish");
    let words = String::from_utf8_lossy(&out.stdout);
    let words: Vec<&str> = words.lines().collect();
    assert!(words.contains(&"back-sheet"), "{words:?}");
    assert!(words.contains(&"belly-breathing"), "{words:?}");
    assert!(words.contains(&"desk-break"), "{words:?}");
}

#[test]
fn zsh_and_fish_completions_ask_supple_for_routine_names() {
    let home = Home::new();
    let zsh = home.supple(&["completions", "zsh"]);
    assert_eq!(zsh.code, 0);
    assert!(zsh.out.starts_with("#compdef supple"), "{}", &zsh.out[..40]);
    assert!(zsh.out.contains("_supple_routines()"));
    assert!(zsh.out.contains(":_supple_routines' \\"));
    parses_in("zsh", &zsh.out, &home);
    let fish = home.supple(&["completions", "fish"]);
    assert_eq!(fish.code, 0);
    assert!(fish.out.contains("(supple routine-names 2>/dev/null)"));
    let names = home.supple(&["routine-names"]);
    assert!(
        names.out.lines().any(|l| l == "desk-break"),
        "{}",
        names.out
    );
    let unknown = home.supple(&["completions", "tcsh"]);
    assert_eq!(unknown.code, 2);
}

#[test]
fn the_man_page_is_roff_made_from_the_help() {
    let home = Home::new();
    let man = home.supple(&["man"]);
    assert_eq!(man.code, 0);
    assert!(man.out.contains(".TH supple 1"), "{}", man.out);
    assert!(man.out.contains("completions"), "{}", man.out);
    assert!(man.out.contains("pause / resume"), "the long help is in it");
}

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
