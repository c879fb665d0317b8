//! How long `stats` takes over a history of years: 20,000 records written to a file, then
//! loaded and summed up as `supple stats` does. Prints figures; `cargo bench --bench history`.

use std::time::{Duration, Instant};

use supple::history::{History, sample, stats};

const RECORDS: usize = 20_000;
const ROUNDS: usize = 20;

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("history.jsonl");
    let today = jiff::civil::date(2026, 12, 1);
    let text: String = sample::years(today, RECORDS)
        .iter()
        .map(|record| record.to_line() + "\n")
        .collect();
    std::fs::write(&path, &text).expect("write the history");
    let history = History::new(&path);

    let mut load = Vec::with_capacity(ROUNDS);
    let mut sum = Vec::with_capacity(ROUNDS);
    let mut whole = Vec::with_capacity(ROUNDS);
    let mut cpu = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        let cpu_started = thread_cpu();
        let started = Instant::now();
        let loaded = history.load().expect("load");
        let loaded_at = started.elapsed();
        let figures = stats::stats(&loaded.records, today, 8);
        let done = started.elapsed();
        assert_eq!(loaded.records.len(), RECORDS);
        assert!(figures.sessions == RECORDS);
        load.push(loaded_at);
        sum.push(done - loaded_at);
        whole.push(done);
        cpu.push(thread_cpu().saturating_sub(cpu_started));
    }
    // The floor: the same bytes through serde_json without building records.
    let mut json_only = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let bytes = std::fs::read(&path).expect("read");
        let lines = (bytes.split(|&b| b == b'\n'))
            .filter(|line| !line.is_empty())
            .filter(|line| serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok())
            .count();
        assert_eq!(lines, RECORDS);
        json_only.push(started.elapsed());
    }
    let append = {
        let record = sample::session(today, "morning-back", 17.0);
        let started = Instant::now();
        for _ in 0..100 {
            history.append(&record).expect("append");
        }
        started.elapsed() / 100
    };
    println!(
        "history of {RECORDS} records ({:.1} MiB), {ROUNDS} rounds, median (min … max):",
        text.len() as f64 / (1024.0 * 1024.0)
    );
    report("load (read + parse)", &mut load);
    report("statistics", &mut sum);
    report("stats in all", &mut whole);
    // CPU time is what the work costs; wall time also counts waiting for a busy machine.
    report("  of which CPU time", &mut cpu);
    report("floor: read + JSON", &mut json_only);
    println!(
        "  one append (open, write, sync_data): {:.2} ms",
        ms(append)
    );
}

/// CPU time this thread has used.
fn thread_cpu() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

fn ms(time: Duration) -> f64 {
    time.as_secs_f64() * 1000.0
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    println!(
        "  {what:<20} {:>7.2} ms ({:.2} … {:.2})",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
}
