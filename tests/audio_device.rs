//! Opening the sound device: quick, and never a word on the terminal, with or without a card.
//!
//! alsa-lib writes straight to fd 2, past Rust's test output capture, so the open runs in a
//! child process (this same test binary, running only `open_in_a_child`) whose stderr the
//! parent captures and checks byte for byte.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use supple::audio::{self, Cue, Speaker};

const CHILD: &str = "SUPPLE_TEST_OPEN_CHILD";

/// What the child writes to stderr on purpose, after the device is opened and dropped: proof
/// that stderr works again and that nothing came before it.
const MARK: &str = "stderr is back\n";

fn no_sound_card() -> bool {
    std::fs::read_to_string("/proc/asound/cards")
        .map(|cards| cards.contains("no soundcards"))
        .unwrap_or(true)
}

#[test]
fn opening_the_device_writes_nothing_to_stderr_and_fails_fast_without_a_card() {
    let exe = std::env::current_exe().expect("test binary");
    let out = Command::new(exe)
        .args([
            "--exact",
            "open_in_a_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .output()
        .expect("run the child");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "child failed:\n{stdout}\n{stderr}");
    assert_eq!(stderr, MARK, "the child's stderr");
    assert!(stdout.contains("opened: "), "{stdout}");
    if no_sound_card() {
        assert!(stdout.contains("opened: no sound device ("), "{stdout}");
    }
}

/// Runs only as the child of the test above.
#[test]
fn open_in_a_child() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let started = Instant::now();
    let opened = audio::open(0.5, Some(Path::new("/nonexistent")));
    let took = started.elapsed();
    match opened {
        Ok(mut speaker) => {
            speaker.play(Cue::Tick);
            println!("opened: a device");
        }
        Err(no_device) => println!("opened: {no_device}"),
    }
    assert!(took < Duration::from_secs(2), "open took {took:?}");
    eprint!("{MARK}");
}
