//! `supple edit` in a real pseudo-terminal (tmux): a terminal editor gets the keyboard and
//! the screen while it runs, and the e/k/d answer is typed on the same terminal.

mod common;

use std::path::Path;

use common::tmux::{self, Tmux};

fn quoted(path: &Path) -> String {
    format!("'{}'", path.display())
}

#[test]
fn a_terminal_editor_has_the_terminal_and_the_answer_is_typed_there() {
    assert!(tmux::available(), "tmux is needed (.ci/setup installs it)");
    let home = tempfile::tempdir().expect("temp dir");
    let routines = home.path().join("config/supple/routines");
    std::fs::create_dir_all(&routines).expect("folder");
    let routine = routines.join("neck.json");
    std::fs::write(
        &routine,
        r#"{"name": "Neck", "steps": [{"name": "Tuck", "hold": 5}]}"#,
    )
    .expect("write");
    // The editor asks the person for a step name on the terminal, as a terminal editor
    // reads keys; it refuses to run without one.
    let editor = home.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\n[ -t 0 ] && [ -t 1 ] || exit 9\nprintf 'step name? '\nread step\n\
         printf '{\"name\": \"Neck\", \"steps\": [{\"name\": \"%s\", \"hold\": 0}]}' \
         \"$step\" > \"$1\"\n",
    )
    .expect("write editor");
    let command = format!(
        "{home} VISUAL='sh {editor}' {supple} edit neck; echo \"EXIT=$?\"; sleep 60",
        home = common::env_words(home.path()),
        editor = quoted(&editor),
        supple = env!("CARGO_BIN_EXE_supple"),
    );
    let tmux = Tmux::start(home.path().join("tmux.sock"), 100, 30, &command);

    // The save has a hold of 0, which the check refuses; the answer is typed on the terminal.
    tmux.wait_for("step name?");
    tmux.type_line("Chin tuck");
    let screen = tmux.wait_for("[E/k/d]");
    assert!(
        screen.contains("steps[0].hold: must be more than 0"),
        "{screen}"
    );
    tmux.type_line("k");
    tmux.wait_for("EXIT=0");
    let kept = std::fs::read_to_string(&routine).expect("read");
    assert!(
        kept.contains("\"name\": \"Chin tuck\", \"hold\": 0"),
        "{kept}"
    );
}
