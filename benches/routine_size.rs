//! What a long routine costs: `show` and `validate` on 5,000 to 47,661 steps (a 1 MiB file)
//! must grow linearly, the parser must get through hostile files at the size limit, and a
//! frame of the player must cost the same for any length.
//!
//! Run with `cargo bench --bench routine_size`; it prints one line per size and command (wall
//! time, CPU and peak memory of the real binary), then the parser's time on the large hostile
//! files (`tests/format.rs` checks what it gives back), then the player's cost per frame.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use supple::routine::file::{self, MAX_SIZE};
use supple::routine::{Breath, Routine, Step, StepKind};
use supple::session::{Plan, Session};
use supple::ui::player::PlayerView;

/// Compact steps, so that 47,661 of them fit the 1 MiB limit as in the issue's report.
fn routine(steps: usize) -> String {
    let step = r#"{"name":"s","hold":1}"#;
    format!(
        r#"{{"name":"M","steps":[{}]}}"#,
        vec![step; steps].join(",")
    )
}

/// CPU time and peak memory of the children waited for so far.
fn children() -> (Duration, i64) {
    // SAFETY: getrusage only fills in the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    (time(usage.ru_utime) + time(usage.ru_stime), usage.ru_maxrss)
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config");
    println!("steps   command   wall ms   cpu ms   peak RSS (max so far) MiB");
    for steps in [5_000, 10_000, 20_000, 47_661] {
        let path = dir.path().join(format!("steps-{steps}.json"));
        std::fs::write(&path, routine(steps)).expect("write routine");
        for command in ["show", "validate"] {
            let (cpu_before, _) = children();
            let started = Instant::now();
            let status = Command::new(env!("CARGO_BIN_EXE_supple"))
                .arg(command)
                .arg(&path)
                .env("XDG_CONFIG_HOME", &config)
                .stdout(Stdio::null())
                .status()
                .expect("run supple");
            let wall = started.elapsed();
            assert!(status.success(), "{command} {steps}");
            let (cpu_after, peak_kib) = children();
            println!(
                "{steps:>6}  {command:<8}  {:>8.1}  {:>7.1}  {:>8.1}",
                wall.as_secs_f64() * 1000.0,
                (cpu_after - cpu_before).as_secs_f64() * 1000.0,
                peak_kib as f64 / 1024.0,
            );
        }
    }

    large_hostile_files();

    println!();
    println!("phases   player frame (view of the session), ns");
    for steps in [10, 1_000, 49_000] {
        // Breathing steps of two phases each: 49,000 steps make a 98,000-phase plan (built
        // directly: as a file it would pass the 1 MiB limit).
        let step = Step {
            name: "Breathe".into(),
            cue: None,
            kind: StepKind::Breath(Breath {
                inhale: Duration::from_secs(1),
                hold_in: Duration::ZERO,
                exhale: Duration::from_secs(1),
                hold_out: Duration::ZERO,
                cycles: 1,
            }),
            prepare: Duration::ZERO,
            rest: None,
        };
        let routine = Routine {
            title: "Many".into(),
            description: None,
            steps: vec![step; steps],
        };
        let plan = Plan::new(&routine);
        let phases = plan.phases.len();
        let (session, _) = Session::start(plan, Duration::ZERO);
        let frames = 200_000u32;
        let started = Instant::now();
        let mut width = 0usize;
        for frame in 0..frames {
            let now = Duration::from_micros(u64::from(frame % 1000));
            let view = PlayerView::new(&session, now);
            width += view.name.len() + view.steps;
        }
        let per_frame = started.elapsed() / frames;
        println!("{phases:>6}   {:>6}", per_frame.as_nanos());
        std::hint::black_box(width);
    }
}

/// The parser on files at the size limit that make it work hardest: every step broken (two
/// problems each, every one placed), one line of half a million numbers, one byte too many.
/// The aim, from the test this replaced: well under 20 s each in a debug build.
fn large_hostile_files() {
    let steps = (MAX_SIZE - 100) / 3 + 1;
    let broken = format!(
        r#"{{"name":"r","steps":[{}{{}}]}}"#,
        "{},".repeat(steps - 1)
    );
    let numbers = (MAX_SIZE - 10) / 2 + 1;
    let one_line = format!("[{}0]", "0,".repeat(numbers - 1));
    let over = "x".repeat(MAX_SIZE + 1);
    println!();
    println!(
        "{:<40} {:>6}  {:>9}  {:>7}",
        "hostile file (parsed in process)", "KiB", "problems", "ms"
    );
    for (what, text) in [
        (format!("every one of {steps} steps broken"), &broken),
        (format!("one line of {numbers} numbers"), &one_line),
        ("one byte over the limit".into(), &over),
    ] {
        let started = Instant::now();
        let problems = file::parse(text, "big.json").map_or_else(|p| p.len(), |_| 0);
        let took = started.elapsed();
        println!(
            "{what:<40} {:>6}  {problems:>9}  {:>7.1}",
            text.len() / 1024,
            took.as_secs_f64() * 1000.0
        );
    }
}
