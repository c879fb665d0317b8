//! The history file with real processes: every run recorded however it ends, in exactly the
//! contract's fields; torn lines, concurrent writers, SIGKILL, a full disk and a read-only
//! folder never lose or change what was recorded; `history` and `stats` read it back.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::text;
use serde_json::Value;
use supple::history::{History, Record, sample};

const SHORT: &str = "tests/fixtures/e2e/short.json";

/// A scratch home for one test: config, data and state folders of its own.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn history_path(&self) -> PathBuf {
        self.data().join("supple/history.jsonl")
    }

    fn history_text(&self) -> String {
        std::fs::read_to_string(self.history_path()).unwrap_or_default()
    }

    fn records(&self) -> Vec<Record> {
        History::new(self.history_path()).load().unwrap().records
    }

    fn settings(&self, json: &str) {
        let dir = self.dir.path().join("config/supple");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.json"), json).unwrap();
    }

    fn supple(&self) -> Command {
        common::supple_in(self.dir.path())
    }

    fn run(&self, args: &[&str]) -> Output {
        self.supple().args(args).output().expect("supple runs")
    }

    fn run_with_input(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .supple()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("supple starts");
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input.as_bytes()).unwrap();
        // Keep standard input open: its end changes nothing, and the commands must arrive.
        let output = child.wait_with_output().expect("supple ends");
        drop(stdin);
        output
    }
}

fn quick<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["run", SHORT, "--json", "--mute", "--speed", "1000"];
    args.extend(extra);
    args
}

#[test]
fn a_finished_run_writes_exactly_the_contracts_fields() {
    let home = Home::new();
    let out = home.run(&quick(&["--before", "4"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let history = home.history_text();
    assert_eq!(history.lines().count(), 1, "{history}");
    let record: Value = serde_json::from_str(history.trim()).unwrap();
    // interface.md, "The history": v, routine, title, start, end, planned, active, paused,
    // steps, completed, skipped, outcome, before, after (absent when not given), in order.
    let order = [
        "v",
        "routine",
        "title",
        "start",
        "end",
        "planned",
        "active",
        "paused",
        "steps",
        "completed",
        "skipped",
        "outcome",
        "before",
    ];
    assert_eq!(record.as_object().unwrap().len(), order.len(), "{history}");
    let at: Vec<usize> = (order.iter())
        .map(|key| history.find(&format!("\"{key}\":")).expect(key))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{history}");
    assert_eq!(record["v"], 1);
    assert_eq!(record["routine"], "short");
    assert_eq!(record["title"], "Short test routine");
    for field in ["start", "end"] {
        let stamp = record[field].as_str().unwrap();
        // Local time with its offset, to the second: 2026-12-01T07:30:05+01:00.
        assert_eq!(stamp.len(), 25, "{stamp}");
        assert!(stamp.parse::<jiff::Timestamp>().is_ok(), "{stamp}");
        assert!(matches!(&stamp[19..20], "+" | "-"), "{stamp}");
    }
    assert_eq!(record["planned"], 8.5);
    assert_eq!(record["active"], 8.5);
    assert!(record["paused"].as_f64().unwrap() >= 0.0);
    assert_eq!(record["steps"], 3);
    assert_eq!(record["completed"], 3);
    assert_eq!(record["skipped"], 0);
    assert_eq!(record["outcome"], "finished");
    assert_eq!(record["before"], 4);
}

#[test]
fn a_quit_run_is_recorded_as_quit_and_a_signal_as_interrupted() {
    let home = Home::new();
    let out = home.run_with_input(&["run", SHORT, "--json", "--mute"], "quit\n");
    assert!(out.status.success());
    let mut child = home
        .supple()
        .args(["run", SHORT, "--plain", "--mute"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until it has started (its first line), then ask it to end.
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    child.wait().unwrap();
    let outcomes: Vec<&str> = home.records().iter().map(|r| r.outcome.as_str()).collect();
    assert_eq!(outcomes, ["quit", "interrupted"]);
}

#[test]
fn no_log_and_the_log_setting_off_record_nothing() {
    let home = Home::new();
    assert!(home.run(&quick(&["--no-log"])).status.success());
    home.settings(r#"{ "log": false }"#);
    assert!(home.run(&quick(&[])).status.success());
    assert!(!home.history_path().exists());
}

#[test]
fn from_starts_at_a_step_by_number_or_name_and_lists_the_steps_when_none_matches() {
    let home = Home::new();
    let first_step = |from: &str| -> u64 {
        let out = home.run(&quick(&["--from", from, "--no-log"]));
        let line = text(&out.stdout);
        let phase = line
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .find(|event| event["event"] == "phase")
            .unwrap();
        phase["step"].as_u64().unwrap()
    };
    assert_eq!(first_step("2"), 2);
    assert_eq!(first_step("BREATHER"), 3);
    let out = home.run(&quick(&["--from", "cat-cow"]));
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert!(message.contains("--from cat-cow: no step"), "{message}");
    assert!(
        message.contains(" 1  Reach") && message.contains(" 3  Breather"),
        "{message}"
    );
}

#[test]
fn a_run_that_stopped_early_says_how_to_pick_up_there() {
    let home = Home::new();
    home.run_with_input(&["run", SHORT, "--json", "--mute"], "next\nquit\n");
    let out = home.run(&["run", SHORT, "--plain", "--mute", "--speed", "1000"]);
    let first = text(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert_eq!(
        first,
        "Short test routine stopped at step 2, Breathe; to pick up there: supple run short --from 2"
    );
    // That run finished: nothing is offered any more. JSON says it on standard error.
    home.run_with_input(&["run", SHORT, "--json", "--mute"], "next\nquit\n");
    let out = home.run(&quick(&[]));
    assert!(
        text(&out.stderr).contains("--from 2"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).lines().all(|l| l.starts_with('{')));
}

#[test]
fn a_torn_last_line_is_skipped_with_its_number_and_the_next_record_starts_afresh() {
    let home = Home::new();
    assert!(home.run(&quick(&[])).status.success());
    let before = home.history_text();
    let torn = "{\"v\":1,\"routine\":\"sho";
    std::fs::OpenOptions::new()
        .append(true)
        .open(home.history_path())
        .unwrap()
        .write_all(torn.as_bytes())
        .unwrap();
    assert!(home.run(&quick(&[])).status.success());
    let after = home.history_text();
    assert!(after.starts_with(&format!("{before}{torn}\n")), "{after}");
    assert_eq!(home.records().len(), 2);
    let out = home.run(&["history"]);
    let warning = text(&out.stderr);
    assert!(
        warning.contains("history.jsonl: line 2 skipped"),
        "{warning}"
    );
    assert_eq!(
        text(&out.stdout).lines().count(),
        3,
        "a header and two sessions"
    );
}

/// Set by the tests that re-run this binary as a writer of records.
const WRITER: &str = "SUPPLE_TEST_HISTORY_WRITER";

/// As a child: appends `count` records tagged with `tag` to the history at `path`.
fn act_as_writer() -> bool {
    let Ok(spec) = std::env::var(WRITER) else {
        return false;
    };
    let mut parts = spec.splitn(3, '|');
    let (Some(tag), Some(count), Some(path)) = (parts.next(), parts.next(), parts.next()) else {
        return true;
    };
    let history = History::new(path);
    let today = jiff::civil::date(2026, 12, 1);
    for n in 0..count.parse::<u32>().unwrap_or(0) {
        let mut record = sample::session(today, tag, 1.0);
        record.completed = n;
        history.append(&record).expect("append");
    }
    true
}

fn writer(tag: &str, count: u32, path: &Path) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", "child_writer", "--nocapture", "--test-threads=1"])
        .env(WRITER, format!("{tag}|{count}|{}", path.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// The entry point of the re-executed writers; does nothing in a normal test run.
#[test]
fn child_writer() {
    act_as_writer();
}

#[test]
fn writers_in_separate_processes_at_once_all_keep_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let children: Vec<_> = (0..6)
        .map(|i| writer(&format!("w{i}"), 150, &path).spawn().unwrap())
        .collect();
    // And real supple runs ending at the same moments.
    let home = Home::new();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let runs: Vec<_> = (0..4)
        .map(|_| {
            home.supple()
                .args(quick(&[]))
                .env("XDG_DATA_HOME", dir.path().join("data"))
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children.into_iter().chain(runs) {
        assert!(child.wait().unwrap().success());
    }
    let loaded = History::new(&path).load().unwrap();
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    assert_eq!(loaded.records.len(), 6 * 150);
    for i in 0..6 {
        let tag = format!("w{i}");
        let mine: Vec<u32> = (loaded.records.iter())
            .filter(|r| r.routine == tag)
            .map(|r| r.completed)
            .collect();
        assert_eq!(
            mine,
            (0..150).collect::<Vec<_>>(),
            "{tag}'s records, in order"
        );
    }
    let runs = History::new(dir.path().join("data/supple/history.jsonl"))
        .load()
        .unwrap();
    assert_eq!(runs.records.len(), 4);
    assert!(runs.unreadable.is_empty());
}

/// A small random number generator (xorshift), seeded from the clock: the moments vary from
/// run to run, and the seed is printed to replay a failure.
struct Moments(u64);

impl Moments {
    fn next_micros(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn sigkill_at_random_moments_never_loses_or_changes_what_was_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    println!("seed {seed}");
    let mut moments = Moments(seed);
    let mut kept = String::new();
    let mut torn = std::collections::HashSet::new();
    for round in 0..25 {
        let mut child = writer(&format!("k{round}"), 100_000, &path)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(2_000 + moments.next_micros(30_000)));
        unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
        child.wait().unwrap();
        let now = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            now.starts_with(&kept),
            "round {round} (seed {seed}) changed earlier lines"
        );
        let loaded = History::new(&path).load().unwrap();
        // Only a line cut by a kill may be unreadable: the last one of its round, which the
        // next round's first record then leaves behind on a line of its own.
        let lines = now.split('\n').count();
        for bad in &loaded.unreadable {
            assert!(
                torn.contains(&bad.line) || bad.line + 1 >= lines,
                "round {round} (seed {seed}): line {} unreadable",
                bad.line
            );
            torn.insert(bad.line);
        }
        kept = now;
    }
    // And the real binary, killed at random moments of a sped-up run.
    let home = Home::new();
    let mut kept = String::new();
    for round in 0..10 {
        let mut child = home
            .supple()
            .args(quick(&[]))
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(moments.next_micros(40_000)));
        unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
        child.wait().unwrap();
        let now = home.history_text();
        assert!(now.starts_with(&kept), "round {round} (seed {seed})");
        kept = now;
    }
    let loaded = History::new(home.history_path()).load().unwrap();
    assert!(loaded.unreadable.len() <= 1, "{:?}", loaded.unreadable);
}

/// Mounts a small tmpfs at `at` (root only); `false` when this machine does not allow it.
fn mount_tmpfs(at: &Path, options: &str) -> bool {
    std::fs::create_dir_all(at).unwrap();
    Command::new("mount")
        .args(["-t", "tmpfs", "-o", options, "tmpfs"])
        .arg(at)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn unmount(at: &Path) {
    let _ = Command::new("umount").arg(at).status();
}

#[test]
fn a_full_disk_warns_runs_on_and_loses_nothing_recorded() {
    let home = Home::new();
    let data = home.data();
    if !mount_tmpfs(&data, "size=64k") {
        println!(
            "skipped: cannot mount a small file system here (the store's unit tests use an injected full disk)"
        );
        return;
    }
    let result = std::panic::catch_unwind(|| {
        assert!(home.run(&quick(&[])).status.success());
        // Bring the file's end near a page boundary, so the next record needs a new page.
        let history = History::new(home.history_path());
        let today = jiff::civil::date(2026, 12, 1);
        while std::fs::metadata(home.history_path()).unwrap().len() % 4096 < 4096 - 300 {
            history
                .append(&sample::session(today, "padding", 1.0))
                .unwrap();
        }
        let recorded = home.history_text();
        // Fill the disk: what is left is less than a record.
        let filler = data.join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = vec![b'x'; 1024];
        while file.write_all(&block).is_ok() {}
        while file.write_all(b"x").is_ok() {}
        drop(file);
        let out = home.run(&quick(&[]));
        assert!(out.status.success(), "the routine still runs");
        assert_eq!(
            text(&out.stdout)
                .lines()
                .last()
                .map(|l| l.contains("\"done\"")),
            Some(true)
        );
        let warning = text(&out.stderr);
        assert_eq!(
            warning.matches("could not record this session").count(),
            1,
            "{warning}"
        );
        assert!(
            home.history_text().starts_with(&recorded),
            "nothing recorded is lost"
        );
        // Room again: the next record is whole and on a line of its own.
        std::fs::remove_file(&filler).unwrap();
        assert!(home.run(&quick(&[])).status.success());
        assert!(home.history_text().starts_with(&recorded));
        let loaded = History::new(home.history_path()).load().unwrap();
        let runs = loaded
            .records
            .iter()
            .filter(|r| r.routine == "short")
            .count();
        assert_eq!(runs, 2);
        assert!(
            loaded.unreadable.len() <= 1,
            "at most the cut line: {:?}",
            loaded.unreadable
        );
    });
    unmount(&data);
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[test]
fn a_read_only_history_folder_warns_once_and_the_routine_still_runs() {
    let home = Home::new();
    assert!(home.run(&quick(&[])).status.success());
    let recorded = home.history_text();
    let folder = home.data().join("supple");
    let mut mounted = false;
    // Permissions do not stop root; a read-only mount does.
    std::fs::set_permissions(&folder, std::os::unix::fs::PermissionsExt::from_mode(0o555)).unwrap();
    let history = home.history_path();
    std::fs::set_permissions(
        &history,
        std::os::unix::fs::PermissionsExt::from_mode(0o444),
    )
    .unwrap();
    if std::fs::OpenOptions::new()
        .append(true)
        .open(&history)
        .is_ok()
    {
        let copy = recorded.clone();
        if !mount_tmpfs(&folder, "size=64k") {
            println!("skipped: running as root without mounts, nothing is read-only here");
            return;
        }
        std::fs::write(&history, &copy).unwrap();
        let remount = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&folder)
            .status()
            .unwrap();
        assert!(remount.success());
        mounted = true;
    }
    let result = std::panic::catch_unwind(|| {
        let out = home.run(&quick(&[]));
        assert!(out.status.success(), "the routine still runs");
        assert!(text(&out.stdout).contains("\"done\""));
        let warning = text(&out.stderr);
        assert_eq!(
            warning.matches("could not record this session").count(),
            1,
            "{warning}"
        );
        assert_eq!(home.history_text(), recorded, "nothing changed");
    });
    if mounted {
        unmount(&folder);
    }
    let _ = std::fs::set_permissions(&folder, std::os::unix::fs::PermissionsExt::from_mode(0o755));
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

/// A simulated fortnight ending today: practised every day but two, a rest day each week.
fn fortnight(home: &Home) -> Vec<Record> {
    let today = jiff::ZonedDateTime::now().date();
    let records = sample::fortnight(today, &[0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15]);
    let history = History::new(home.history_path());
    for record in &records {
        history.append(record).unwrap();
    }
    records
}

#[test]
fn history_lists_filters_and_exports_the_sessions() {
    let home = Home::new();
    let records = fortnight(&home);
    let out = home.run(&["history", "--json"]);
    assert_eq!(
        text(&out.stdout),
        home.history_text(),
        "the records as stored"
    );
    let out = home.run(&["history", "--csv"]);
    let csv = text(&out.stdout);
    assert!(
        csv.starts_with("routine,title,start,end,planned,active,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), records.len() + 1);
    let out = home.run(&["history", "--routine", "desk-reset"]);
    assert_eq!(text(&out.stdout).lines().count(), 1 + 4);
    let since = records[records.len() - 3].start.date().to_string();
    let out = home.run(&["history", "--since", &since]);
    assert_eq!(text(&out.stdout).lines().count(), 1 + 3);
    let out = home.run(&["history", "--since", "last tuesday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn stats_tell_a_fortnights_streak_and_trend() {
    let home = Home::new();
    fortnight(&home);
    let out = home.run(&["stats", "--json", "--weeks", "3"]);
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["streak"]["current"], 14);
    assert_eq!(stats["days_last_7"], 6);
    assert_eq!(stats["days_last_30"], 14);
    assert_eq!(stats["weeks"].as_array().unwrap().len(), 3);
    assert_eq!(stats["stiffness"]["change"], -2.0);
    assert_eq!(stats["routines"][0]["routine"], "morning-back");
    let out = home.run(&["stats"]);
    let text = text(&out.stdout);
    assert!(
        text.contains("Streak       14 days now, longest 14 days"),
        "{text}"
    );
    assert!(
        text.contains("A day counts when you finish at least one session."),
        "{text}"
    );
    assert!(
        text.contains("Practised    6 of the last 7 days, 14 of the last 30"),
        "{text}"
    );
    assert!(
        text.contains("5.1 before → 3.1 after, 2.0 looser after a session"),
        "{text}"
    );
}
