//! The sound server going away mid-routine and coming back: a PulseAudio of the test's own
//! (a null sink, in a private runtime folder) that the test records, kills and starts again,
//! with the real binary playing a routine through ALSA's pulse plugin.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

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
        for folder in ["run", "xdg", "home"] {
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

    /// A command that finds this place's server (and no other).
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env("PULSE_RUNTIME_PATH", self.path("run"))
            .env("XDG_RUNTIME_DIR", self.path("xdg"))
            .env("HOME", self.path("home"))
            .env_remove("PULSE_SERVER")
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CACHE_HOME", self.path("cache"));
        command
    }

    /// Starts the sound server, with one null sink, and waits until it takes clients.
    fn start_server(&self) -> Child {
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
    fn record(&self, file: &Path) -> Child {
        self.command("parec")
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
            .expect("start parec")
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

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// CPU nanoseconds the process's threads have used so far.
fn cpu_ns(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|text| text.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

#[test]
fn sound_lost_mid_routine_is_said_once_costs_nothing_and_comes_back_with_the_server() {
    for program in ["pulseaudio", "parec", "pactl"] {
        if !found(program) {
            println!("skipped: {program} is not installed (.ci/setup installs it)");
            return;
        }
    }
    let place = Place::new();
    // One-second steps: a cue at every step's start.
    let routine = place.path("steps.json");
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
    let pid = supple.id();
    wait_for("the first cues", Duration::from_secs(10), || heard(&first));
    stop(recorder);

    // The server goes away.
    stop(server);
    std::thread::sleep(Duration::from_millis(1500));
    let (cpu, since) = (cpu_ns(pid), Instant::now());
    std::thread::sleep(Duration::from_secs(2));
    let used = Duration::from_nanos(cpu_ns(pid) - cpu);
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
    let output = supple.wait_with_output().expect("supple ends");
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
