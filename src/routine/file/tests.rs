//! Unit tests of parsing: the domain routine built from valid text, and problem details.

use std::time::Duration;

use super::*;
use crate::routine::{Breath, Hold, Step, StepKind};

fn secs(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

fn lines(text: &str) -> Vec<String> {
    match parse(text, "r.json") {
        Ok(routine) => panic!("expected problems, got {routine:?}"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_format_pages_example_becomes_these_steps() {
    let text = r#"{
      "name": "Morning back mobility",
      "description": "Gentle moves for a stiff lower back.",
      "prepare": 5,
      "steps": [
        { "name": "Belly breathing",
          "cue": "Hand on the belly; let it rise as you breathe in through the nose.",
          "breath": { "inhale": 4, "exhale": 6 }, "cycles": 5 },
        { "name": "Hip circles", "hold": 30, "sides": ["Clockwise", "Counter-clockwise"] },
        { "name": "Knees to chest", "hold": 5, "reps": 5, "release": 2,
          "sides": ["Right leg", "Left leg"], "rest": 10 },
        { "name": "Breather", "rest": 20 },
        { "name": "Child's pose", "hold": "1m" }
      ]
    }"#;
    let routine = parse(text, "example.json").expect("valid");
    assert_eq!(routine.title, "Morning back mobility");
    assert_eq!(
        routine.description.as_deref(),
        Some("Gentle moves for a stiff lower back.")
    );
    let hold = |hold, reps, release, sides: &[&str], switch| {
        StepKind::Hold(Hold {
            hold: secs(hold),
            reps,
            release: secs(release),
            sides: sides.iter().map(|s| s.to_string()).collect(),
            switch: secs(switch),
        })
    };
    let step = |name: &str, kind, prepare, rest: Option<u64>| Step {
        name: name.into(),
        cue: None,
        kind,
        prepare: secs(prepare),
        rest: rest.map(secs),
    };
    let breathing = Step {
        cue: Some("Hand on the belly; let it rise as you breathe in through the nose.".into()),
        ..step(
            "Belly breathing",
            StepKind::Breath(Breath {
                inhale: secs(4),
                hold_in: Duration::ZERO,
                exhale: secs(6),
                hold_out: Duration::ZERO,
                cycles: 5,
            }),
            5,
            None,
        )
    };
    assert_eq!(
        routine.steps,
        [
            breathing,
            step(
                "Hip circles",
                hold(30, 1, 0, &["Clockwise", "Counter-clockwise"], 5),
                5,
                None
            ),
            step(
                "Knees to chest",
                hold(5, 5, 2, &["Right leg", "Left leg"], 5),
                5,
                Some(10)
            ),
            step("Breather", StepKind::Rest, 0, Some(20)),
            step("Child's pose", hold(60, 1, 0, &[], 0), 5, None),
        ]
    );
}

#[test]
fn prepare_defaults_to_five_seconds_and_a_step_may_override_it() {
    let text = r#"{"name": "r", "steps": [
        {"name": "a", "hold": 1},
        {"name": "b", "hold": 1, "prepare": 0},
        {"name": "c", "rest": 1, "prepare": 9}
    ]}"#;
    let routine = parse(text, "r.json").expect("valid");
    let prepares: Vec<_> = routine.steps.iter().map(|step| step.prepare).collect();
    assert_eq!(prepares, [secs(5), secs(0), secs(0)]);
}

#[test]
fn problems_print_file_line_column_path_and_message() {
    let problem = |line, column, path: &str| Problem {
        file: "r.json".into(),
        line,
        column,
        path: path.into(),
        message: "is wrong".into(),
    };
    assert_eq!(
        problem(3, 7, "steps[0].hold").to_string(),
        "r.json:3:7: steps[0].hold: is wrong"
    );
    assert_eq!(problem(3, 0, "").to_string(), "r.json:3: is wrong");
    assert_eq!(problem(0, 0, "").to_string(), "r.json: is wrong");
    let nameless = Problem {
        file: String::new(),
        ..problem(0, 0, "name")
    };
    assert_eq!(nameless.to_string(), "name: is wrong");
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let text =
        "{\"steps\": [{\"name\": 3, \"hold\": -1},\n {\"hold\": \"1h\", \"reps\": 0}], \"x\": 1}";
    assert_eq!(
        lines(text),
        [
            "r.json:1:1: missing required field \"name\" (the routine's title)",
            "r.json:1:21: steps[0].name: must be a string",
            "r.json:1:32: steps[0].hold: must not be negative",
            "r.json:2:2: steps[1]: missing required field \"name\" (the move's name)",
            "r.json:2:11: steps[1].hold: must be a duration like 30, 2.5, \"90s\" or \"1m30s\"",
            "r.json:2:25: steps[1].reps: must be at least 1",
            "r.json:2:30: x: unknown field \"x\" in the routine (the fields here are $schema, name, \
             description, prepare, steps)",
        ]
    );
}

#[test]
fn syntax_errors_point_at_the_character_in_characters() {
    assert_eq!(
        lines("{\n  \"名前\": x}"),
        [
            "r.json:2:9: not valid JSON: expected a value here: a number, \"text in double quotes\", \
          true, false, null, [ or {"
        ]
    );
    // serde_json reports "line 2 column 0" for a problem with the line break itself.
    assert_eq!(
        lines("{\"name\": \"a\nb\"}"),
        [
            "r.json:1:12: not valid JSON: a string cannot hold a line break or tab as is; write \\n or \\t"
        ]
    );
    assert_eq!(
        lines("{\"name\": \"é\",\n}"),
        ["r.json:1:13: not valid JSON: a comma must not come right before a closing ] or }"]
    );
}

#[test]
fn syntax_errors_point_at_the_start_of_a_bad_word_or_number() {
    assert_eq!(
        lines("name: Morning"),
        [
            "r.json:1:1: not valid JSON: text must be in double quotes; only true, false and null \
          go without"
        ]
    );
    assert_eq!(
        lines("{\"é\": -1e400}"),
        ["r.json:1:7: [\"é\"]: -1e400 is too large a number for any field of a routine"]
    );
    assert_eq!(
        lines("{\"é\": [tru]}"),
        [
            "r.json:1:8: not valid JSON: text must be in double quotes; only true, false and null \
          go without"
        ]
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let routine = parse(
        "\u{feff}{\"name\": \"r\", \"steps\": [{\"name\": \"a\", \"rest\": 1}]}",
        "r",
    );
    assert!(routine.is_ok(), "{routine:?}");
    assert_eq!(
        lines("\u{feff}{\"name\": 1}"),
        [
            "r.json:1:1: missing required field \"steps\"",
            "r.json:1:10: name: must be a string",
        ]
    );
}

#[test]
fn empty_and_oversized_texts_are_refused_unparsed() {
    assert_eq!(lines(""), ["r.json:1:1: the file is empty"]);
    assert_eq!(lines(" \n\t\r\n"), ["r.json:1:1: the file is empty"]);
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(MAX_SIZE));
    assert_eq!(
        lines(&huge),
        ["r.json:1:1: the file is larger than 1024 KiB; a routine file is a few kilobytes"]
    );
}

#[test]
fn load_names_unreadable_and_non_utf8_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.json");
    let problems = load(&missing).expect_err("missing");
    assert_eq!(
        problems[0].to_string(),
        format!(
            "{}:1:1: cannot read the file: there is no such file",
            missing.display()
        )
    );
    let folder = load(dir.path()).expect_err("a folder");
    assert!(
        folder[0].message.contains("it is a folder, not a file"),
        "{folder:?}"
    );

    let latin1 = dir.path().join("latin1.json");
    std::fs::write(&latin1, b"{\n  \"name\": \"caf\xe9\"}").expect("write");
    let problems = load(&latin1).expect_err("not UTF-8");
    assert_eq!(
        problems[0].to_string(),
        format!(
            "{}:2:15: the file is not UTF-8 text; save it as UTF-8",
            latin1.display()
        )
    );

    let big = dir.path().join("big.json");
    std::fs::write(&big, vec![b' '; MAX_SIZE + 10]).expect("write");
    assert!(
        load(&big).expect_err("too big")[0]
            .message
            .contains("larger than")
    );
}

#[test]
fn a_routine_too_large_to_plan_is_refused_at_the_step_that_overflows() {
    let text = r#"{"name": "x", "steps": [
        {"name": "a", "hold": 1, "reps": 10},
        {"name": "b", "hold": 0.001, "reps": 4000000000}
    ]}"#;
    let problems = parse(text, "big.json").unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "steps[1]");
    assert!(
        problems[0].message.contains("limit of 100000"),
        "{}",
        problems[0].message
    );
}

#[test]
fn the_phase_count_matches_the_plan() {
    let text = r#"{"name": "x", "steps": [
        {"name": "a", "hold": 5, "reps": 3, "release": 2, "sides": ["L", "R"], "rest": 4},
        {"name": "b", "breath": {"inhale": 4, "hold": 1, "exhale": 6}, "cycles": 3, "prepare": 0},
        {"name": "c", "rest": 3}
    ]}"#;
    let routine = parse(text, "x.json").expect("valid");
    let planned = crate::session::Plan::new(&routine).phases.len() as u64;
    let counted: u64 = routine.steps.iter().map(super::rules::phase_count).sum();
    assert_eq!(counted, planned);
}

#[test]
fn a_problem_never_prints_a_control_character_it_echoes() {
    let problem = Problem {
        file: "\u{1b}]52;c;x\u{7}.json".into(),
        line: 1,
        column: 2,
        path: "steps[0][\"\u{9b}\"]".into(),
        message: "unknown field \"\u{1b}[2J\"".into(),
    };
    assert_eq!(
        problem.to_string(),
        "\u{fffd}]52;c;x\u{fffd}.json:1:2: steps[0][\"\u{fffd}\"]: unknown field \"\u{fffd}[2J\""
    );
}

#[test]
fn texts_at_their_length_limit_are_accepted_and_one_more_is_refused() {
    let routine = |name: &str, side: &str, cue: &str| {
        format!(
            "{{\"name\": \"{name}\", \"description\": \"{cue}\", \"steps\": [{{\"name\": \
             \"{name}\", \"cue\": \"{cue}\", \"hold\": 1, \"sides\": [\"{side}\", \"b\"]}}]}}"
        )
    };
    let (name, text) = ("é".repeat(MAX_NAME), "ü".repeat(MAX_TEXT));
    assert!(parse(&routine(&name, &name, &text), "r.json").is_ok());
    let (name, text) = ("é".repeat(MAX_NAME + 1), "ü".repeat(MAX_TEXT + 1));
    let paths: Vec<String> = parse(&routine(&name, &name, &text), "r.json")
        .expect_err("too long")
        .into_iter()
        .map(|problem| problem.path)
        .collect();
    assert_eq!(
        paths,
        [
            "name",
            "description",
            "steps[0].name",
            "steps[0].cue",
            "steps[0].sides[0]"
        ]
    );
}

#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pipe.json");
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: a valid NUL-terminated path and a plain mode.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    // Without O_NONBLOCK this would block forever: no writer ever opens the pipe.
    let problems = load(&path).expect_err("a FIFO");
    assert_eq!(
        problems[0].message,
        "cannot read the file: it is a named pipe (FIFO), not a regular file; give the path \
         of a routine's .json file"
    );
    assert_eq!((problems[0].line, problems[0].column), (1, 1));
}

#[test]
fn a_very_long_field_name_is_echoed_cut_short() {
    let key = "k".repeat(100_000);
    let text = format!(
        "{{\"name\": \"r\", \"{key}\": 1, \"{key}\": 2, \"steps\": [{{\"rest\": 1, \"name\": \"s\"}}]}}"
    );
    let problems = parse(&text, "r.json").expect_err("unknown and repeated");
    let cut = format!("\"{}…\"", "k".repeat(40));
    assert_eq!(problems.len(), 2, "{problems:?}");
    for problem in &problems {
        assert!(problem.message.contains(&cut), "{}", problem.message);
        assert!(problem.to_string().chars().count() < 400, "{problem}");
    }
}
