//! What the full screen costs beside its peers: CPU milliseconds per wall second and peak
//! memory of the real binaries in a real terminal (tmux), all started in one run and
//! measured in turns: in each window one program runs and the others are stopped, round
//! after round, so a busy machine weighs on every program alike.
//!
//! In turns, not all at once: two programs whose frames fall on the same instants wake one
//! just after the other, and the second finds the caches warm. Measured all at once, the
//! same binary twice read 2.32 and 2.06 ms/s.
//!
//! Run by hand: `cargo bench --bench screen`. Settings (environment):
//! - `SUPPLE_BENCH_SIZES`: terminal sizes, default `100x30,200x60`;
//! - `SUPPLE_BENCH_SECONDS`: one measured window, default 10 (a whole breath of the
//!   breathing routine, so every window holds the same frames); `SUPPLE_BENCH_ROUNDS`: how
//!   many windows each, default 3 (the figure is their median);
//! - `SUPPLE_BENCH_AT_ONCE=1`: every program running in every window, sampled at the same
//!   instants (how the earlier figures in `docs/benchmarks.md` were taken);
//! - `SUPPLE_BENCH_BASELINE`: another supple binary (say, an older build) measured beside.
//!
//! The peers are run when found on the PATH: `tclock` (a clock, its seconds ticking) and
//! `timr-tui` (a countdown, running). Aims for supple: breathing ≤ 2 ms/s at 100×30 and
//! ≤ 3 ms/s at 200×60, a hold ≤ 0.33 ms/s, peak RSS ≤ 7 MiB.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn main() {
    if !succeeds(Command::new("tmux").arg("-V")) {
        println!("skipped: tmux is not installed");
        return;
    }
    let window = Duration::from_secs(env_or("SUPPLE_BENCH_SECONDS", 10));
    let rounds = env_or("SUPPLE_BENCH_ROUNDS", 3).max(1) as usize;
    let turns = std::env::var_os("SUPPLE_BENCH_AT_ONCE").is_none_or(|value| value != "1");
    let sizes = std::env::var("SUPPLE_BENCH_SIZES").unwrap_or_else(|_| "100x30,200x60".into());
    let dir = tempfile::tempdir().expect("temp dir");
    // Long enough for every window of up to six programs in turns.
    let programs = programs(
        dir.path(),
        (window + SETTLE) * (rounds * 6) as u32 + Duration::from_secs(30),
    );
    println!(
        "{} (release build) beside {}",
        env!("CARGO_BIN_EXE_supple"),
        peer_names(&programs)
    );
    println!(
        "{rounds} windows of {} s each, {}; load average {}",
        window.as_secs(),
        if turns {
            "one program at a time, the others stopped"
        } else {
            "all programs at once"
        },
        load_average()
    );
    for size in sizes.split(',') {
        let Some((width, height)) = size.trim().split_once('x') else {
            panic!("SUPPLE_BENCH_SIZES like 100x30,200x60, not {size:?}");
        };
        run_at(dir.path(), &programs, width, height, window, rounds, turns);
    }
    println!("load average after: {}", load_average());
}

/// One program to measure: a name, the shell command that starts it, and keys to send once
/// it is up (to start a timer).
struct Program {
    name: String,
    command: String,
    keys: Vec<&'static str>,
    /// The aim for supple's figure, if this is supple: ms/s.
    aim: Option<f64>,
}

fn programs(dir: &Path, length: Duration) -> Vec<Program> {
    let seconds = length.as_secs();
    let hold = dir.join("hold.json");
    let breath = dir.join("breath.json");
    std::fs::write(
        &hold,
        format!(
            r#"{{ "name": "Bench", "prepare": 0, "steps": [
                {{ "name": "Long hold", "cue": "Hold still.", "hold": {seconds} }} ] }}"#
        ),
    )
    .expect("write routine");
    std::fs::write(
        &breath,
        format!(
            r#"{{ "name": "Bench", "prepare": 0, "steps": [
                {{ "name": "Breathing", "breath": {{ "inhale": 4, "exhale": 6 }},
                   "cycles": {} }} ] }}"#,
            seconds.div_ceil(10)
        ),
    )
    .expect("write routine");
    // Already shown today: no safety note in the way. Every program gets its own folders.
    let state = dir.join("state");
    supple::ui::safety::Store::new(Some(state.join("supple")))
        .mark_shown(&supple::ui::safety::today());
    let env = format!(
        "env XDG_STATE_HOME='{}' XDG_CONFIG_HOME='{}' XDG_DATA_HOME='{}' XDG_CACHE_HOME='{}'",
        state.display(),
        dir.join("config").display(),
        dir.join("data").display(),
        dir.join("cache").display(),
    );
    let supple = |name: &str, binary: &str, routine: &Path, aim| Program {
        name: name.into(),
        command: format!(
            "exec {env} '{binary}' run --mute --no-log --before 0 '{}'",
            routine.display()
        ),
        keys: Vec::new(),
        aim,
    };
    let binary = env!("CARGO_BIN_EXE_supple");
    let mut programs = vec![
        supple("supple hold", binary, &hold, Some(0.33)),
        supple("supple breathing", binary, &breath, Some(2.0)),
    ];
    if let Ok(baseline) = std::env::var("SUPPLE_BENCH_BASELINE") {
        programs.push(supple("baseline hold", &baseline, &hold, None));
        programs.push(supple("baseline breathing", &baseline, &breath, None));
    }
    if on_path("tclock") {
        programs.push(Program {
            name: "tclock".into(),
            command: format!("exec {env} tclock"),
            keys: Vec::new(),
            aim: None,
        });
    }
    if on_path("timr-tui") {
        // A countdown, started with Space.
        programs.push(Program {
            name: "timr-tui".into(),
            command: format!("exec {env} timr-tui --mode countdown --countdown 59:00"),
            keys: vec!["Space"],
            aim: None,
        });
    }
    programs
}

fn peer_names(programs: &[Program]) -> String {
    let peers: Vec<&str> = programs
        .iter()
        .filter(|p| !p.name.starts_with("supple"))
        .map(|p| p.name.as_str())
        .collect();
    if peers.is_empty() {
        "no peers (none of tclock, timr-tui on the PATH)".into()
    } else {
        peers.join(", ")
    }
}

/// Every program at one size, side by side in one tmux server.
fn run_at(
    dir: &Path,
    programs: &[Program],
    width: &str,
    height: &str,
    window: Duration,
    rounds: usize,
    turns: bool,
) {
    let socket = dir.join(format!("tmux-{width}x{height}.sock"));
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux")
    };
    let mut pids = Vec::new();
    for (i, program) in programs.iter().enumerate() {
        let session = format!("p{i}");
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            &session,
            "-x",
            width,
            "-y",
            height,
        ];
        args.push(&program.command);
        tmux(&args);
        let pid = tmux(&["display-message", "-p", "-t", &session, "#{pane_pid}"]).stdout;
        pids.push(String::from_utf8_lossy(&pid).trim().parse::<u32>().ok());
    }
    // Up and drawing; then the keys that start a timer.
    std::thread::sleep(Duration::from_secs(2));
    for (i, program) in programs.iter().enumerate() {
        for key in &program.keys {
            tmux(&["send-keys", "-t", &format!("p{i}"), key]);
        }
    }
    std::thread::sleep(Duration::from_secs(1));

    let mut costs: Vec<Vec<f64>> = vec![Vec::new(); programs.len()];
    let mut bytes: Vec<Vec<f64>> = vec![Vec::new(); programs.len()];
    for round in 0..rounds {
        if !turns {
            measure(
                &pids,
                &(0..pids.len()).collect::<Vec<_>>(),
                window,
                &mut costs,
                &mut bytes,
            );
            continue;
        }
        // Each round starts one program later: a program's place in the round showed in its
        // figure (the same binary read 5 to 20 % more as "supple" than as the baseline).
        for i in (0..pids.len()).map(|k| (k + round) % pids.len()) {
            if pids[i].is_none() {
                continue;
            }
            for (j, other) in pids.iter().enumerate() {
                signal(*other, if i == j { libc::SIGCONT } else { libc::SIGSTOP });
            }
            // A program that was stopped first catches up (a frame, a phase change).
            std::thread::sleep(SETTLE);
            measure(&pids, &[i], window, &mut costs, &mut bytes);
        }
    }
    for pid in &pids {
        signal(*pid, libc::SIGCONT);
    }
    let peaks: Vec<Option<u64>> = pids
        .iter()
        .map(|pid| pid.and_then(|pid| field(format!("/proc/{pid}/status"), "VmHWM:")))
        .collect();
    tmux(&["kill-server"]);

    println!("\nat {width}x{height}:");
    println!(
        "{:<20} {:>9} {:>17} {:>11} {:>10}",
        "program", "ms CPU/s", "(min–max)", "bytes/s", "peak RSS"
    );
    let medians: Vec<Option<f64>> = costs.iter().map(|c| median(c)).collect();
    for (i, program) in programs.iter().enumerate() {
        let Some(cost) = medians[i] else {
            println!("{:<20} did not run", program.name);
            continue;
        };
        let (low, high) = spread(&costs[i]);
        let rss = peaks[i].map_or("?".into(), |kib| format!("{:.1} MiB", kib as f64 / 1024.0));
        let aim = match program.aim {
            // The breathing aim grows to 3 ms/s on the largest screens.
            Some(_) if program.name.ends_with("breathing") && width.parse().unwrap_or(0) > 150 => {
                verdict(cost, 3.0)
            }
            Some(aim) => verdict(cost, aim),
            None => String::new(),
        };
        println!(
            "{:<20} {cost:>9.3} {:>17} {:>11.0} {rss:>10} {aim}",
            program.name,
            format!("({low:.3}–{high:.3})"),
            median(&bytes[i]).unwrap_or(0.0),
        );
    }
    // Ratios against each peer.
    for (i, peer) in programs.iter().enumerate() {
        if peer.name.starts_with("supple") || peer.name.starts_with("baseline") {
            continue;
        }
        let Some(Some(theirs)) = medians.get(i) else {
            continue;
        };
        let ratio = |name: &str| {
            let at = programs.iter().position(|p| p.name == name)?;
            Some(medians[at]? / theirs)
        };
        if let (Some(hold), Some(breath)) = (ratio("supple hold"), ratio("supple breathing")) {
            println!(
                "supple / {}: hold {hold:.2}×, breathing {breath:.2}×",
                peer.name
            );
        }
    }
}

/// How long a program runs after it is continued before its window starts.
const SETTLE: Duration = Duration::from_millis(300);

/// One window: the CPU and bytes of the programs `which`, sampled at the same instants.
fn measure(
    pids: &[Option<u32>],
    which: &[usize],
    window: Duration,
    costs: &mut [Vec<f64>],
    bytes: &mut [Vec<f64>],
) {
    let before: Vec<_> = which.iter().map(|&i| pids[i].and_then(sample)).collect();
    let started = Instant::now();
    std::thread::sleep(window);
    let wall = started.elapsed().as_secs_f64();
    for (&i, before) in which.iter().zip(before) {
        let (Some(pid), Some(before)) = (pids[i], before) else {
            continue;
        };
        if let Some(after) = sample(pid) {
            costs[i].push((after.0 - before.0) as f64 / 1e6 / wall);
            bytes[i].push((after.1 - before.1) as f64 / wall);
        }
    }
}

fn signal(pid: Option<u32>, signal: libc::c_int) {
    if let Some(pid) = pid.and_then(|pid| libc::pid_t::try_from(pid).ok()) {
        // SAFETY: kill(2) takes any pid and signal number; a gone process is only an error.
        unsafe { libc::kill(pid, signal) };
    }
}

fn verdict(cost: f64, aim: f64) -> String {
    if cost <= aim {
        format!("aim ≤ {aim}: ok")
    } else {
        format!("aim ≤ {aim}: OVER")
    }
}

/// CPU nanoseconds (all threads; schedstat counts in ns, unlike the 10 ms ticks of
/// /proc/<pid>/stat) and bytes written so far.
fn sample(pid: u32) -> Option<(u64, u64)> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let cpu = tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|text| text.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    Some((cpu, field(format!("/proc/{pid}/io"), "wchar:").unwrap_or(0)))
}

fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

fn spread(values: &[f64]) -> (f64, f64) {
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(0.0, f64::max);
    (low, high)
}

fn field(path: impl AsRef<Path>, name: &str) -> Option<u64> {
    let text = std::fs::read_to_string(path).ok()?;
    let line = text.lines().find(|line| line.starts_with(name))?;
    line[name.len()..].split_whitespace().next()?.parse().ok()
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".into())
}

fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| is_executable(&dir.join(name))))
}

fn is_executable(path: &PathBuf) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

fn succeeds(command: &mut Command) -> bool {
    command.output().is_ok_and(|o| o.status.success())
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}
