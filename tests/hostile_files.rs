//! Hostile files given to the real binary: what is not a regular file, paths that are not
//! UTF-8, and text that would drive the terminal. Each must get a clear message at once.

mod common;

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const SHORT: &str = "tests/fixtures/e2e/short.json";

/// The binary with its own empty folders, so no helper's or user's settings are read.
fn supple(home: &Path) -> Command {
    common::supple_in(home)
}

fn fifo(dir: &Path) -> PathBuf {
    let path = dir.join("pipe.json");
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: a valid NUL-terminated path and a plain mode; mkfifo touches nothing else.
    let made = unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) };
    assert_eq!(made, 0, "mkfifo: {}", std::io::Error::last_os_error());
    path
}

#[test]
fn a_fifo_is_refused_at_once_by_validate_show_and_run() {
    let home = tempfile::tempdir().expect("temp dir");
    let pipe = fifo(home.path());
    for args in [
        &["validate"][..],
        &["show"][..],
        &["run", "--plain", "--mute"][..],
    ] {
        let mut command = supple(home.path());
        command.args(args).arg(&pipe);
        let out = common::finishes(&mut command, Duration::from_secs(20));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(
            stderr.trim_end(),
            format!(
                "{}:1:1: cannot read the file: it is a named pipe (FIFO), not a regular file; \
                 give the path of a routine's .json file",
                pipe.display()
            ),
            "{args:?}"
        );
    }
}

#[test]
fn a_folder_and_a_device_are_refused_with_their_kind() {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("folder.json");
    std::fs::create_dir(&folder).expect("mkdir");
    let mut command = supple(home.path());
    command.arg("validate").arg(&folder).arg("/dev/null");
    let out = common::finishes(&mut command, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2));
    let advice = "give the path of a routine's .json file";
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "{}:1:1: cannot read the file: it is a folder, not a file; {advice}\n\
             /dev/null:1:1: cannot read the file: it is a device, not a regular file; {advice}\n",
            folder.display()
        )
    );
}

#[test]
fn a_path_that_is_not_utf8_works_for_every_command() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut name = home.path().as_os_str().to_owned().into_vec();
    name.extend_from_slice(b"/caf\xe9.json");
    let path = PathBuf::from(OsString::from_vec(name));
    std::fs::copy(SHORT, &path).expect("copy");

    for args in [
        &["validate"][..],
        &["show"][..],
        &["run", "--plain", "--mute", "--speed", "100"][..],
    ] {
        let mut command = supple(home.path());
        command.args(args).arg(&path);
        let out = common::finishes(&mut command, Duration::from_secs(30));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let expected = match args[0] {
            "validate" => "caf\u{fffd}.json: ok",
            "show" => "Short test routine",
            _ => "done: 3 completed, 0 skipped",
        };
        assert!(stdout.contains(expected), "{args:?}: {stdout}");
    }

    let wav = home.path().join("track.wav");
    let mut command = supple(home.path());
    command.arg("export-audio").arg(&path).arg(&wav);
    let out = common::finishes(&mut command, Duration::from_secs(60));
    assert!(
        out.status.success(),
        "export-audio: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(wav.metadata().expect("the WAV is written").len() > 44);
}

#[test]
fn a_name_that_is_not_utf8_is_still_looked_up_as_a_name() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut command = supple(home.path());
    command
        .arg("show")
        .arg(OsString::from_vec(b"morning-b\xe4ck".to_vec()));
    let out = common::finishes(&mut command, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "supple: there is no routine named \"morning-b\u{fffd}ck\"; did you mean \"morning-back\"?\n"
    );
}

/// Every byte a terminal could take as the start of a command: C0 (but the line break that
/// ends each line), DEL, and C1 (as UTF-8, U+0080 to U+009F).
fn control_characters_in(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c.is_control() && c != '\n')
        .collect()
}

#[test]
fn validate_never_prints_a_control_character_from_a_file_or_its_name() {
    let home = tempfile::tempdir().expect("temp dir");
    let hostile = std::fs::read("tests/fixtures/invalid/control-characters.json").expect("read");
    let mut bad = home.path().as_os_str().to_owned().into_vec();
    bad.extend_from_slice(b"/\x1b]0;title\x07\xc2\x9b2J.json");
    let bad = PathBuf::from(OsString::from_vec(bad));
    std::fs::write(&bad, &hostile).expect("write");
    let mut good = home.path().as_os_str().to_owned().into_vec();
    good.extend_from_slice(b"/\x1b[2J.json");
    let good = PathBuf::from(OsString::from_vec(good));
    std::fs::copy(SHORT, &good).expect("copy");
    // An unknown field whose name holds an escape, echoed in its message.
    let odd_key = home.path().join("odd-key.json");
    std::fs::write(
        &odd_key,
        "{\"name\": \"r\", \"\\u001b[31mred\": 1, \"steps\": [{\"name\": \"s\", \"hold\": 1}]}",
    )
    .expect("write");

    let mut command = supple(home.path());
    command.arg("validate").arg(&bad).arg(&good).arg(&odd_key);
    let out = common::finishes(&mut command, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(control_characters_in(&stdout), [], "{stdout:?}");
    assert_eq!(control_characters_in(&stderr), [], "{stderr:?}");
    assert!(stdout.ends_with("\u{fffd}[2J.json: ok\n"), "{stdout:?}");
    assert_eq!(
        stderr
            .matches("must not contain control characters")
            .count(),
        8
    );
    assert!(
        stderr.contains("unknown field \"\\u{1b}[31mred\""),
        "{stderr:?}"
    );
}
