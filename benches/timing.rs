//! How exactly a real-time run keeps to its plan, and what it costs.
//!
//! Plays a generated routine of a few minutes with `--json` at speed 1, notes when each
//! event line arrives, and reports how late events and the end are against their routine
//! time, plus the CPU the process used per second of wall time and its peak memory.
//! `SUPPLE_BENCH_SECONDS` sets the length (default 180).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let seconds: u64 = std::env::var("SUPPLE_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(180);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.json");
    std::fs::write(&path, routine(seconds)).expect("write routine");

    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_supple"))
        .args(["run", "--json", "--mute", "--no-log"])
        .arg(&path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start supple");
    let stdout = child.stdout.take().expect("stdout");
    let mut lateness = Vec::new();
    let mut end = None;
    let mut first = None;
    for line in BufReader::new(stdout).lines() {
        let arrived = started.elapsed().as_secs_f64();
        let event: serde_json::Value = serde_json::from_str(&line.expect("line")).expect("json");
        let t = event["t"].as_f64().expect("t");
        first.get_or_insert(arrived);
        lateness.push(arrived - t);
        if event["event"] == "done" {
            end = Some((t, arrived));
        }
    }
    let status = child.wait().expect("wait");
    let wall = started.elapsed().as_secs_f64();
    let usage = children_usage();

    lateness.sort_by(f64::total_cmp);
    let percentile = |p: f64| lateness[((lateness.len() - 1) as f64 * p) as usize] * 1000.0;
    let (t_end, arrived_end) = end.expect("a done event");
    let startup = first.expect("a start event");
    println!(
        "routine: {seconds} s planned, {} events, exit {status}",
        lateness.len()
    );
    println!(
        "end: planned {t_end:.3} s, arrived {arrived_end:.3} s after spawn: {:+.1} ms off plan, \
         {:+.1} ms counted from the start event ({:.1} ms of process start-up)",
        (arrived_end - t_end) * 1000.0,
        (arrived_end - startup - t_end) * 1000.0,
        startup * 1000.0
    );
    println!(
        "event lateness (arrival - t, includes process start-up): median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(0.5),
        percentile(0.99),
        percentile(1.0)
    );
    println!(
        "cpu: {:.1} ms user+sys over {wall:.1} s wall = {:.3} ms per wall second; peak RSS {} KiB",
        usage.0 * 1000.0,
        usage.0 * 1000.0 / wall,
        usage.1
    );
}

/// A routine of about `seconds`: holds with reps and sides, breathing, rests.
fn routine(seconds: u64) -> String {
    let block = r#"
      { "name": "Reach", "hold": 5, "reps": 2, "release": 2, "sides": ["Left", "Right"], "switch": 3 },
      { "name": "Breathe", "breath": { "inhale": 4, "hold": 1, "exhale": 6 }, "cycles": 2, "prepare": 2 },
      { "name": "Breather", "rest": 4 }"#;
    // One block lasts 5 + 2*(5+2+5) + 3 + 2 + 2*11 + 4 = 60 s.
    let blocks = seconds.div_ceil(60).max(1);
    // Rounded up to whole blocks, so the routine lasts at least `seconds`.
    let steps = vec![block; blocks as usize].join(",");
    format!(r#"{{ "name": "Benchmark", "prepare": 5, "steps": [{steps}] }}"#)
}

/// CPU seconds (user + system) and peak RSS (KiB) of waited-for children.
fn children_usage() -> (f64, i64) {
    // SAFETY: getrusage only writes into the struct we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let secs = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
    (secs(usage.ru_utime) + secs(usage.ru_stime), usage.ru_maxrss)
}
