//! How much CPU a process has used, for the tests and benchmarks that check it does not spin.
//! Benchmarks include this file by path (`#[path]`), so it uses nothing of `common`.

/// CPU nanoseconds the process's threads have used so far: schedstat counts in ns, unlike the
/// 10 ms ticks of `/proc/PID/stat`. 0 once the process is gone.
pub fn cpu_ns(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|text| text.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}
