//! The sound server going away mid-routine and coming back: a PulseAudio of the test's own
//! (a null sink, in a private runtime folder) that the test records, kills and starts again,
//! with the real binary playing a routine through ALSA's pulse plugin.

#![cfg(target_os = "linux")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::tmux::{self, Tmux};

fn all_found() -> bool {
    for program in ["pulseaudio", "parec", "pactl"] {
        if !found(program) {
            println!("skipped: {program} is not installed (.ci/setup installs it)");
            return false;
        }
    }
    true
}

fn found(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// The private folders a sound server and its clients share.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        let place = Place {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        for folder in ["run", "xdg"] {
            std::fs::create_dir_all(place.path(folder)).expect("folder");
        }
        use std::os::unix::fs::PermissionsExt;
        let private = std::fs::Permissions::from_mode(0o700);
        std::fs::set_permissions(place.path("xdg"), private).expect("chmod");
        place
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A routine of one-second steps, so a cue sounds at every step's start.
    fn routine(&self) -> PathBuf {
        let routine = self.path("steps.json");
        let steps: Vec<String> = (1..=30)
            .map(|n| format!(r#"{{ "name": "Step {n}", "hold": 1 }}"#))
            .collect();
        std::fs::write(
            &routine,
            format!(
                r#"{{ "name": "Steps", "prepare": 0, "steps": [{}] }}"#,
                steps.join(",")
            ),
        )
        .expect("write routine");
        routine
    }

    /// A command that finds this place's server (and no other).
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        common::isolate_in(&mut command, self.dir.path())
            .envs(self.server_env())
            .env_remove("PULSE_SERVER");
        command
    }

    /// Where the server's socket is: the variables that, with the home, find this place's.
    fn server_env(&self) -> [(&'static str, PathBuf); 2] {
        [
            ("PULSE_RUNTIME_PATH", self.path("run")),
            ("XDG_RUNTIME_DIR", self.path("xdg")),
        ]
    }

    /// Starts the sound server, with one null sink, and waits until it takes clients.
    fn start_server(&self) -> Running {
        let server = self
            .command("pulseaudio")
            .args([
                "--daemonize=no",
                "--exit-idle-time=-1",
                "-n",
                "--load=module-null-sink sink_name=out",
                "--load=module-native-protocol-unix",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start pulseaudio");
        let server = Running(Some(server));
        // A killed server leaves its socket behind: ask the server itself.
        wait_for(
            "the sound server to listen",
            Duration::from_secs(10),
            || {
                self.command("pactl")
                    .arg("info")
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|status| status.success())
            },
        );
        server
    }

    /// Records the null sink's monitor (8 kHz mono, 16-bit) into `file`.
    fn record(&self, file: &Path) -> Running {
        let recorder = self
            .command("parec")
            .args([
                "-d",
                "out.monitor",
                "--format=s16le",
                "--rate=8000",
                "--channels=1",
            ])
            .stdout(std::fs::File::create(file).expect("recording file"))
            .stderr(Stdio::null())
            .spawn()
            .expect("start parec");
        Running(Some(recorder))
    }
}

/// Whether a recording holds sound (not just silence).
fn heard(file: &Path) -> bool {
    let bytes = std::fs::read(file).unwrap_or_default();
    bytes
        .chunks_exact(2)
        .any(|pair| i16::from_le_bytes([pair[0], pair[1]]).unsigned_abs() > 1000)
}

fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "waited {limit:?} for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A child process killed when dropped, so a failing test leaves nothing running.
struct Running(Option<Child>);

impl Running {
    fn id(&self) -> u32 {
        self.0.as_ref().map_or(0, Child::id)
    }

    fn into_child(mut self) -> Child {
        self.0.take().expect("still running")
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn stop(running: Running) {
    drop(running);
}

/// CPU time the process has used so far, threads that have ended included (which
/// per-thread counters would miss: the audio thread ends when the stream is dropped).
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces) in parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks: u64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i)?.parse::<u64>().ok())
        .sum();
    // SAFETY: sysconf only reads a system constant.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Duration::from_millis(ticks * 1000 / per_second)
}

#[test]
fn sound_lost_mid_routine_is_said_once_costs_nothing_and_comes_back_with_the_server() {
    if !all_found() {
        return;
    }
    let place = Place::new();
    let routine = place.routine();

    let server = place.start_server();
    let first = place.path("before.raw");
    let recorder = place.record(&first);
    let supple = place
        .command(env!("CARGO_BIN_EXE_supple"))
        .args(["run", "--plain", "--no-log"])
        .arg(&routine)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start supple");
    let supple = Running(Some(supple));
    let pid = supple.id();
    wait_for("the first cues", Duration::from_secs(10), || heard(&first));
    stop(recorder);

    // The server goes away.
    stop(server);
    std::thread::sleep(Duration::from_millis(1500));
    let (cpu, since) = (cpu_time(pid), Instant::now());
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_time(pid).saturating_sub(cpu);
    let share = used.as_secs_f64() / since.elapsed().as_secs_f64();
    assert!(
        share < 0.05,
        "with the server gone supple used {used:?} of CPU in {:?}",
        since.elapsed()
    );

    // It comes back, and so does the sound, at a step's start.
    let server = place.start_server();
    let second = place.path("after.raw");
    let recorder = place.record(&second);
    wait_for(
        "the cues after the server came back",
        Duration::from_secs(10),
        || heard(&second),
    );
    stop(recorder);

    // Ended by a signal, as a person would end it; then what it said on standard error.
    // SAFETY: our own child.
    unsafe { libc::kill(pid as i32, libc::SIGTERM) };
    let output = supple.into_child().wait_with_output().expect("supple ends");
    stop(server);
    let said = String::from_utf8_lossy(&output.stderr);
    let losses = said
        .lines()
        .filter(|line| line.contains("sound lost"))
        .count();
    assert_eq!(
        losses, 1,
        "the loss is said once; standard error was:\n{said}"
    );
}

#[test]
fn the_full_screen_says_sound_was_lost() {
    if !all_found() || !found_tmux() {
        return;
    }
    let place = Place::new();
    let routine = place.routine();
    // Already shown today: the safety note is not in the way.
    supple::ui::safety::Store::new(Some(place.path("state").join("supple")))
        .mark_shown(&supple::ui::safety::today());
    let server = place.start_server();
    let server_env: Vec<String> = (place.server_env().iter())
        .map(|(name, path)| format!("{name}='{}'", path.display()))
        .collect();
    let command = format!(
        "exec env {} {} '{}' run --no-log --before 0 '{}'",
        server_env.join(" "),
        common::env_words(place.dir.path()),
        env!("CARGO_BIN_EXE_supple"),
        routine.display()
    );
    let tmux = Tmux::start(place.path("tmux.sock"), 80, 24, &command);
    wait_for("the player", Duration::from_secs(10), || {
        tmux.screen().contains("Step")
    });
    assert!(!tmux.screen().contains("sound lost"));
    stop(server);
    wait_for("the notice", Duration::from_secs(5), || {
        tmux.screen().contains("sound lost")
    });
}

fn found_tmux() -> bool {
    let found = tmux::available();
    if !found {
        println!("skipped: tmux is not installed (.ci/setup installs it)");
    }
    found
}
