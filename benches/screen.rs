//! What the full screen costs: CPU milliseconds per wall second and peak memory of the real
//! binary in a real terminal (tmux), during a plain hold and during paced breathing.
//!
//! Run by hand: `cargo bench --bench screen`. `SUPPLE_BENCH_SECONDS` sets each measured
//! window (default 30), `SUPPLE_BENCH_SIZE` the terminal (default `80x24`). Aims: under
//! 1 ms/s during a hold, under 5 ms/s during breathing.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn main() {
    if !Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        println!("skipped: tmux is not installed");
        return;
    }
    let window: u64 = env_or("SUPPLE_BENCH_SECONDS", 30);
    let size = std::env::var("SUPPLE_BENCH_SIZE").unwrap_or_else(|_| "80x24".into());
    let (width, height) = size.split_once('x').expect("SUPPLE_BENCH_SIZE like 80x24");

    let dir = tempfile::tempdir().expect("temp dir");
    let routine = dir.path().join("bench.json");
    // A hold, then breathing, each a little longer than its window; no get-ready phases.
    let hold = window + 4;
    let cycles = (window + 4).div_ceil(10);
    std::fs::write(
        &routine,
        format!(
            r#"{{ "name": "Bench", "prepare": 0, "steps": [
                {{ "name": "Long hold", "cue": "Hold still.", "hold": {hold} }},
                {{ "name": "Breathing", "breath": {{ "inhale": 4, "exhale": 6 }}, "cycles": {cycles} }}
            ] }}"#
        ),
    )
    .expect("write routine");
    // Already shown today: no safety note in the way.
    let state = dir.path().join("state");
    supple::ui::safety::Store::new(Some(state.join("supple")))
        .mark_shown(&supple::ui::safety::today());

    let socket = dir.path().join("tmux.sock");
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux")
    };
    // No history record, and a rating given so no stiffness prompt waits before the hold.
    let command = format!(
        "exec env XDG_STATE_HOME='{}' '{}' run --mute --no-log --before 0 '{}'",
        state.display(),
        env!("CARGO_BIN_EXE_supple"),
        routine.display()
    );
    let started = Instant::now();
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "bench",
        "-x",
        width,
        "-y",
        height,
        &command,
    ]);
    let pid_text = tmux(&["display-message", "-p", "-t", "bench", "#{pane_pid}"]).stdout;
    let pid: u32 = String::from_utf8_lossy(&pid_text)
        .trim()
        .parse()
        .expect("pane pid");

    println!("supple in tmux at {size}, release build, {window} s windows");
    let at = |seconds: u64| started + Duration::from_secs(seconds);
    let hold_cost = measure(pid, at(2), at(2 + window));
    let breath_start = hold;
    let breath_cost = measure(pid, at(breath_start + 2), at(breath_start + 2 + window));
    let peak = peak_rss_kib(pid);
    tmux(&["send-keys", "-t", "bench", "q"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux(&["kill-server"]);

    report("hold", &hold_cost, 1.0);
    report("breathing", &breath_cost, 5.0);
    println!("peak RSS: {:.1} MiB", peak as f64 / 1024.0);
}

struct Cost {
    cpu_ms_per_s: f64,
    bytes_per_s: f64,
}

fn report(what: &str, cost: &Cost, aim: f64) {
    let verdict = if cost.cpu_ms_per_s < aim {
        "ok"
    } else {
        "OVER"
    };
    println!(
        "{what:>9}: {:.3} ms CPU per wall second (aim < {aim} ms/s: {verdict}), {:.0} bytes/s to the terminal",
        cost.cpu_ms_per_s, cost.bytes_per_s
    );
}

/// CPU time and bytes written by the process between two instants.
fn measure(pid: u32, from: Instant, to: Instant) -> Cost {
    sleep_until(from);
    let (cpu0, bytes0, wall0) = (cpu_ns(pid), written(pid), Instant::now());
    sleep_until(to);
    let (cpu1, bytes1, wall) = (cpu_ns(pid), written(pid), wall0.elapsed().as_secs_f64());
    Cost {
        cpu_ms_per_s: (cpu1 - cpu0) as f64 / 1e6 / wall,
        bytes_per_s: (bytes1 - bytes0) as f64 / wall,
    }
}

fn sleep_until(at: Instant) {
    std::thread::sleep(at.saturating_duration_since(Instant::now()));
}

/// Nanoseconds on a CPU, all threads (schedstat counts in ns, unlike the 10 ms ticks of
/// /proc/<pid>/stat).
fn cpu_ns(pid: u32) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the process runs");
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|text| text.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

fn written(pid: u32) -> u64 {
    field(format!("/proc/{pid}/io"), "wchar:")
}

fn peak_rss_kib(pid: u32) -> u64 {
    field(format!("/proc/{pid}/status"), "VmHWM:")
}

fn field(path: impl AsRef<Path>, name: &str) -> u64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| {
            let line = text.lines().find(|line| line.starts_with(name))?;
            line[name.len()..].split_whitespace().next()?.parse().ok()
        })
        .unwrap_or(0)
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}
