//! What `supple breaks` costs while it waits: wake-ups per hour counted on a paused clock
//! (the loop as the binary runs it), and the CPU of the real binary's full screen in tmux,
//! run at `--speed 60` so a real minute is an hour of the day, then scaled.
//!
//! Run by hand: `cargo bench --bench breaks`. `SUPPLE_BENCH_SECONDS` sets the real window
//! (default 30 s, that is 30 minutes of the day at speed 60). Aim: under 50 ms of CPU per
//! hour of waiting.

#[path = "../tests/common/cpu.rs"]
mod cpu;

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use supple::breaks::alert::Recorded;
use supple::breaks::input::Switch;
use supple::breaks::lines::Lines;
use supple::breaks::{Day, LastSession, Offer};
use supple::runtime::stream::Style;
use supple::runtime::{Input, Silence};

use cpu::cpu_ns;

const HOUR: Duration = Duration::from_secs(3600);

fn main() {
    wakes_on_a_paused_clock();
    real_screen_in_tmux();
}

/// Counts the loop's turns: it looks at the history once a turn.
struct Counting(Arc<AtomicU64>);

impl LastSession for Counting {
    fn latest_end(&self) -> Option<jiff::Timestamp> {
        self.0.fetch_add(1, Ordering::Relaxed);
        None
    }
}

fn wakes_on_a_paused_clock() {
    let hours = 8;
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("a runtime");
    let turns = Arc::new(AtomicU64::new(0));
    let cpu0 = cpu_ns(std::process::id());
    tokio.block_on(async {
        let (_, routine) = supple::cli::resolve("movement-break").expect("built in");
        let offer = Offer {
            name: "movement-break".into(),
            what: routine.title.clone(),
            plan: supple::session::Plan::new(&routine),
        };
        let switch = Switch::default();
        let quitter = switch.clone();
        tokio::spawn(async move {
            tokio::time::sleep(HOUR * hours).await;
            quitter.send(Input::Line("quit".into())).await;
        });
        let mut front = Lines::new(std::io::sink(), Style::Json, switch);
        let last = Counting(Arc::clone(&turns));
        let day = Day {
            // Longer than the run: only waiting is measured.
            every: HOUR * (hours + 1),
            speed: 1.0,
            offer,
            last: &last,
            alert: &mut Recorded::default(),
            cues: &mut Silence,
            today: || jiff::civil::date(2026, 12, 1),
        };
        supple::breaks::run(&mut front, day).await.expect("runs");
    });
    let cpu = cpu_ns(std::process::id()) - cpu0;
    let turns = turns.load(Ordering::Relaxed);
    println!(
        "paused clock, {hours} h of waiting (--plain/--json loop): {turns} wake-ups, {:.1} per hour; {:.1} µs CPU per wake-up in process",
        turns as f64 / hours as f64,
        cpu as f64 / 1e3 / turns as f64
    );
}

fn real_screen_in_tmux() {
    if !Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        println!("skipped the real run: tmux is not installed");
        return;
    }
    let window: u64 = std::env::var("SUPPLE_BENCH_SECONDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(30);
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path().display().to_string();
    for (speed, label) in [(60, "speed 60"), (1, "speed 1")] {
        // A server of its own for each run, so one shutting down never takes the next along.
        let socket = dir.path().join(format!("tmux-{speed}.sock"));
        let tmux = |args: &[&str]| {
            Command::new("tmux")
                .arg("-S")
                .arg(&socket)
                .args(["-f", "/dev/null"])
                .args(args)
                .output()
                .expect("tmux")
        };
        let command = format!(
            "exec env XDG_CONFIG_HOME='{home}/c' XDG_DATA_HOME='{home}/d' XDG_STATE_HOME='{home}/s' XDG_CACHE_HOME='{home}/k' '{}' breaks --mute --every 300m --speed {speed}",
            env!("CARGO_BIN_EXE_supple"),
        );
        tmux(&[
            "new-session",
            "-d",
            "-s",
            "bench",
            "-x",
            "80",
            "-y",
            "24",
            &command,
        ]);
        let pid_text = tmux(&["display-message", "-p", "-t", "bench", "#{pane_pid}"]).stdout;
        let pid: u32 = String::from_utf8_lossy(&pid_text)
            .trim()
            .parse()
            .expect("pane pid");
        // Past start-up (the sound device, the bus, the first frame).
        std::thread::sleep(Duration::from_secs(2));
        let (cpu0, bytes0, wall0) = (cpu_ns(pid), written(pid), Instant::now());
        std::thread::sleep(Duration::from_secs(window));
        let running = std::path::Path::new(&format!("/proc/{pid}")).exists();
        let (cpu, bytes) = (
            cpu_ns(pid).saturating_sub(cpu0),
            written(pid).saturating_sub(bytes0),
        );
        let wall = wall0.elapsed().as_secs_f64();
        if !running {
            println!("{label}: supple ended before the window did; no figure");
            tmux(&["kill-server"]);
            continue;
        }
        tmux(&["send-keys", "-t", "bench", "q"]);
        std::thread::sleep(Duration::from_millis(300));
        tmux(&["kill-server"]);
        // The day's time that passed in the window, and so the hours of waiting measured.
        let hours = wall * f64::from(speed) / 3600.0;
        let per_hour = cpu as f64 / 1e6 / hours;
        let verdict = if per_hour < 50.0 { "ok" } else { "OVER" };
        println!(
            "real full screen in tmux 80x24, {label}, {window} s: {:.3} ms CPU, {bytes} bytes to the terminal; {per_hour:.2} ms CPU per hour of waiting (aim < 50: {verdict})",
            cpu as f64 / 1e6,
        );
    }
}

fn written(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/io"))
        .ok()
        .and_then(|text| {
            let line = text.lines().find(|line| line.starts_with("wchar:"))?;
            line["wchar:".len()..].trim().parse().ok()
        })
        .unwrap_or(0)
}
