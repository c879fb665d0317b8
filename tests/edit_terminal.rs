//! `supple edit` in a real pseudo-terminal (tmux): a terminal editor gets the keyboard and
//! the screen while it runs, and the e/k/d answer is typed on the same terminal.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of our own (its socket in the test's folder), killed when the test ends.
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn start(socket: PathBuf, command: &str) -> Tmux {
        let tmux = Tmux { socket };
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "edit",
            "-x",
            "100",
            "-y",
            "30",
            "sh",
            "-c",
            command,
        ]);
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(output.status.success(), "tmux {args:?}: {output:?}");
        output
    }

    fn type_line(&self, text: &str) {
        self.run(&["send-keys", "-t", "edit", "-l", text]);
        self.run(&["send-keys", "-t", "edit", "Enter"]);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "edit"]).stdout).into()
    }

    /// Waits until the screen shows `text`, failing with the screen after 15 s.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

fn quoted(path: &Path) -> String {
    format!("'{}'", path.display())
}

#[test]
fn a_terminal_editor_has_the_terminal_and_the_answer_is_typed_there() {
    if Command::new("tmux").arg("-V").output().is_err() {
        panic!("tmux is needed (.ci/setup installs it)");
    }
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
        "HOME={home} XDG_CONFIG_HOME={home}/config XDG_DATA_HOME={home}/data \
         XDG_STATE_HOME={home}/state XDG_CACHE_HOME={home}/cache VISUAL='sh {editor}' \
         {supple} edit neck; echo \"EXIT=$?\"; sleep 60",
        home = quoted(home.path()),
        editor = quoted(&editor),
        supple = env!("CARGO_BIN_EXE_supple"),
    );
    let tmux = Tmux::start(home.path().join("tmux.sock"), &command);

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
