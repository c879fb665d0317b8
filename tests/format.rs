//! The routine format page, end to end: fixture files that must parse, fixture files that must
//! fail with exactly the problems in their `.expected` sibling, and hostile inputs.
//!
//! `SUPPLE_BLESS=1 cargo test --test format` rewrites the `.expected` files from the current
//! output; review the diff before committing it.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use supple::routine::Routine;
use supple::routine::file::{self, MAX_SIZE, Problem};
use supple::session::Plan;

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new("tests/fixtures").join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("list fixtures").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

fn total(path: &str) -> Duration {
    let routine = file::load(Path::new(path)).expect("a valid fixture");
    Plan::new(&routine).total()
}

#[test]
fn every_valid_fixture_parses() {
    let mut failures = Vec::new();
    for path in fixtures("valid") {
        if let Err(problems) = file::load(&path) {
            failures.extend(problems.iter().map(ToString::to_string));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_format_pages_example_lasts_296_seconds() {
    assert_eq!(
        total("tests/fixtures/valid/example.json"),
        Duration::from_secs(296)
    );
}

#[test]
fn valid_fixtures_last_as_the_format_page_says() {
    let ms = Duration::from_millis;
    for (fixture, expected) in [
        ("breath-holds", ms(122_000)),
        ("sides-switch-zero", ms(146_000)),
        ("durations", ms(86_706_251)),
        ("prepare-zero", ms(88_000)),
        ("rest-step", ms(100_000)),
        ("unicode", ms(80_000)),
    ] {
        let path = format!("tests/fixtures/valid/{fixture}.json");
        assert_eq!(total(&path), expected, "{path}");
    }
}

#[test]
fn every_invalid_fixture_prints_exactly_its_expected_problems() {
    let bless = std::env::var_os("SUPPLE_BLESS").is_some();
    let mut failures = Vec::new();
    for path in fixtures("invalid") {
        let printed = match file::load(&path) {
            Ok(_) => String::from("(parsed without a problem)\n"),
            Err(problems) => problems.iter().map(|p| format!("{p}\n")).collect(),
        };
        let expected_path = path.with_extension("expected");
        if bless {
            fs::write(&expected_path, &printed).expect("write .expected");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if printed != expected {
            failures.push(format!(
                "{}\n--- expected\n{expected}--- printed\n{printed}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_expected_file_has_its_fixture() {
    for entry in fs::read_dir("tests/fixtures/invalid").expect("fixtures") {
        let path = entry.expect("list fixtures").path();
        if path.extension().is_some_and(|ext| ext == "expected") {
            assert!(path.with_extension("json").exists(), "{}", path.display());
        }
    }
}

/// Inputs meant to make a parser panic, hang or recurse until the stack runs out.
fn hostile_inputs() -> Vec<String> {
    let mut inputs: Vec<String> = [
        "",
        " ",
        "\0",
        "\u{feff}",
        "null",
        "true",
        "0",
        "-0",
        "\"\"",
        "[]",
        "{}",
        "[{}]",
        "1e400",
        "-1e400",
        "99999999999999999999",
        "{\"name\":1e400}",
        "{\"\":{}}",
        "\"\\ud800\"",
        "{",
        "}",
        "[",
        "]",
        "{\"a\"",
        "{\"a\":}",
        "{\"a\":1,}",
        "[1,]",
        "{\"a\" 1}",
        "\u{7f}",
        "{\"\":1,\"a b\":2,\"a.b\":3,\"[0]\":4,\"\\\"\":5,\"\\u0041\":6,\"A\":7,\"é\":8}",
        "{\"name\":\"r\",\"steps\":[{\"name\":\"s\",\"hold\":1,\"\\u0068old\":2,\"\\n\":0}]}",
    ]
    .map(String::from)
    .to_vec();
    for depth in [127, 128, 129, 100_000] {
        inputs.push("[".repeat(depth));
        inputs.push(format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        inputs.push(format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)));
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        inputs.push(format!(
            "{{\"name\":{nested},\"steps\":[{{\"hold\":{nested}}}]}}"
        ));
    }
    // Every field, at every level, given every kind of wrong value.
    let wrong = [
        "null",
        "true",
        "-1",
        "0",
        "0.0001",
        "1e308",
        "-1e308",
        "18446744073709551616",
        "\"\"",
        "\" \"",
        "\"x\"",
        "\"-1m\"",
        "[]",
        "[1]",
        "[\"a\"]",
        "{}",
        "{\"a\":1}",
        "[[[[[[]]]]]]",
    ];
    let fields = [
        "name",
        "description",
        "prepare",
        "steps",
        "cue",
        "hold",
        "reps",
        "release",
        "breath",
        "cycles",
        "sides",
        "switch",
        "rest",
        "inhale",
        "exhale",
        "hold_out",
        "x",
    ];
    for value in wrong {
        for field in fields {
            inputs.push(format!("{{\"{field}\":{value}}}"));
            inputs.push(format!(
                "{{\"name\":\"r\",\"steps\":[{{\"{field}\":{value}}}]}}"
            ));
            inputs.push(format!(
                "{{\"name\":\"r\",\"steps\":[{{\"name\":\"s\",\"cycles\":1,\
                 \"breath\":{{\"{field}\":{value}}}}}]}}"
            ));
        }
        inputs.push(format!("{{\"name\":\"r\",\"steps\":[{value}]}}"));
        inputs.push(format!(
            "{{\"name\":\"r\",\"steps\":[{{\"name\":\"s\",\"hold\":1,\"sides\":[{value},{value}]}}]}}"
        ));
    }
    inputs
}

/// Problems must exist, say something, and point inside the text; once serde_json accepted
/// the text, every problem must have found its place in it.
fn assert_sound(input: &str, result: Result<Routine, Vec<Problem>>) {
    let shown: String = input.chars().take(80).collect();
    let Err(problems) = result else { return };
    assert!(!problems.is_empty(), "no problem given for {shown:?}");
    let accepted = serde_json::from_str::<serde_json::Value>(input).is_ok();
    for problem in &problems {
        assert!(!problem.message.is_empty(), "{shown:?}: {problem:?}");
        assert!(
            problem.line <= input.lines().count() + 1,
            "{shown:?}: {problem}"
        );
        if accepted {
            assert!(
                problem.line >= 1 && problem.column >= 1,
                "{shown:?}: {problem}"
            );
        }
    }
}

#[test]
fn nothing_panics_or_hangs_on_hostile_input() {
    for input in hostile_inputs() {
        assert_sound(&input, file::parse(&input, "hostile.json"));
    }
}

#[test]
fn damaged_copies_of_a_valid_file_never_panic() {
    let text = fs::read_to_string("tests/fixtures/valid/example.json").expect("fixture");
    let chars: Vec<char> = text.chars().collect();
    let inserts = ['{', '}', '[', ']', '"', ',', ':', '\\', '-', '0', 'é', '\n'];
    // A fixed linear congruential sequence: reproducible, and no extra dependency.
    let mut seed: u64 = 0x5eed;
    let mut next = |below: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % below
    };
    for _ in 0..3000 {
        let mut damaged = chars.clone();
        for _ in 0..1 + next(3) {
            let at = next(damaged.len());
            match next(3) {
                0 => {
                    damaged.remove(at);
                }
                1 => damaged.insert(at, inserts[next(inserts.len())]),
                _ => {
                    let other = next(damaged.len());
                    damaged.swap(at, other);
                }
            }
        }
        let damaged: String = damaged.into_iter().collect();
        assert_sound(&damaged, file::parse(&damaged, "damaged.json"));
    }
}

// Files at the size limit. How long the parser takes on them is measured by
// `cargo bench --bench routine_size`; the tests below check only what it gives back.

#[test]
fn a_file_of_exactly_the_largest_size_is_read_and_one_byte_more_is_refused() {
    let routine = r#"{"name":"r","steps":[{"name":"s","hold":1}]}"#;
    let largest = format!("{routine}{}", " ".repeat(MAX_SIZE - routine.len()));
    assert_eq!(largest.len(), MAX_SIZE);
    let read = file::parse(&largest, "largest.json").expect("a file of the largest size");
    assert_eq!(read.steps.len(), 1);
    let over = format!("{largest} ");
    let problems: Vec<String> = file::parse(&over, "over.json")
        .expect_err("one byte over the limit")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        ["over.json:1:1: the file is larger than 1024 KiB; a routine file is a few kilobytes"]
    );
}

#[test]
fn every_broken_step_of_a_file_near_the_limit_is_reported() {
    // Just under the limit: a huge number of steps, every one of them broken.
    let steps = (MAX_SIZE - 100) / 3 + 1;
    let many = "{},".repeat(steps - 1);
    let text = format!("{{\"name\":\"r\",\"steps\":[{many}{{}}]}}");
    assert!(text.len() <= MAX_SIZE);
    let problems = file::parse(&text, "big.json").expect_err("every step is broken");
    // Each step has no name and no timing, and the last step's are the last problems.
    assert_eq!(problems.len(), 2 * steps);
    let last = format!("steps[{}]", steps - 1);
    assert!(
        problems[problems.len() - 2..]
            .iter()
            .all(|p| p.path == last),
        "{:?}",
        &problems[problems.len() - 2..]
    );
}

#[test]
fn a_file_near_the_limit_on_one_line_is_refused_as_not_a_routine() {
    let one_line = format!("[{}0]", "0,".repeat((MAX_SIZE - 10) / 2));
    assert!(one_line.len() <= MAX_SIZE);
    let problems = file::parse(&one_line, "line.json").expect_err("an array is no routine");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &problems[0];
    assert_eq!((problem.line, problem.column), (1, 1), "{problem}");
    assert!(
        problem
            .message
            .starts_with("a routine must be a JSON object"),
        "{problem}"
    );
}
