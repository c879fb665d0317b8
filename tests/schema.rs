//! The committed JSON Schema of routine files: in step with `supple schema`, and in agreement
//! with the parser on the built-in routines and the fixtures.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

const COMMITTED: &str = "docs/routine.schema.json";

/// Broken fixtures whose fault a JSON Schema cannot see, and why.
const OUT_OF_REACH: &[(&str, &str)] = &[
    (
        "duplicate-key",
        "a schema sees the parsed object, where the second value has won",
    ),
    (
        "empty",
        "an empty file is not JSON: there is nothing to check",
    ),
    ("not-json", NOT_JSON),
    ("missing-comma", NOT_JSON),
    ("trailing-comma", NOT_JSON),
    ("unclosed", NOT_JSON),
    ("not-utf8", "not text: there is nothing to check"),
    (
        "deep-nesting",
        "nested past what a JSON reader accepts: there is nothing to check",
    ),
    // 1e400 and the like: beyond what a JSON reader holds as a number.
    ("huge-number", TOO_LARGE),
    ("huge-count", TOO_LARGE),
    ("huge-elsewhere", TOO_LARGE),
    ("huge-negative", TOO_LARGE),
];

const NOT_JSON: &str = "not JSON: there is nothing to check";
const TOO_LARGE: &str = "a number too large for a JSON reader: there is nothing to check";

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem().expect("stem").to_string_lossy().into()
}

/// Compiles the committed schema; the closure tells whether a JSON value passes it.
fn validator() -> impl Fn(&Value) -> Result<(), String> {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(COMMITTED).expect("schema file"))
            .expect("schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("urn:supple:routine", schema)
        .expect("schema resource");
    let index = compiler
        .compile("urn:supple:routine", &mut schemas)
        .expect("the schema compiles");
    move |value| schemas.validate(value, index).map_err(|e| format!("{e:#}"))
}

fn read_json(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

#[test]
fn the_committed_schema_is_what_supple_schema_prints() {
    let committed = std::fs::read_to_string(COMMITTED).expect("schema file");
    assert!(
        committed == supple::routine::schema::text(),
        "{COMMITTED} is out of date: run `cargo run -- schema > {COMMITTED}`"
    );
}

#[test]
fn the_schema_is_draft_2020_12_and_closed() {
    let schema = supple::routine::schema::json();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["required"], serde_json::json!(["name", "steps"]));
}

#[test]
fn every_built_in_routine_and_valid_fixture_passes_the_schema() {
    let valid = validator();
    let files = fixtures("routines")
        .into_iter()
        .chain(fixtures("tests/fixtures/valid"));
    for path in files {
        let value = read_json(&path).expect("valid JSON");
        if let Err(error) = valid(&value) {
            panic!("{} fails the schema: {error}", path.display());
        }
    }
}

#[test]
fn every_broken_fixture_a_schema_can_see_fails_it() {
    let valid = validator();
    for path in fixtures("tests/fixtures/invalid") {
        let name = stem(&path);
        let out_of_reach = OUT_OF_REACH.iter().any(|(stem, _)| *stem == name);
        match read_json(&path) {
            Some(value) if !out_of_reach => {
                assert!(valid(&value).is_err(), "{name} passes the schema");
            }
            Some(value) => assert!(
                valid(&value).is_ok(),
                "{name} is listed as out of the schema's reach, but the schema catches it"
            ),
            None => assert!(out_of_reach, "{name} is not JSON: list it in OUT_OF_REACH"),
        }
    }
}

#[test]
fn durations_follow_the_format_page() {
    let valid = validator();
    let with_hold =
        |hold: Value| serde_json::json!({"name": "r", "steps": [{"name": "s", "hold": hold}]});
    for good in [
        serde_json::json!(30),
        serde_json::json!(2.5),
        "90s".into(),
        "1m".into(),
        "1m30s".into(),
        "1.5s".into(),
        "0m1s".into(),
        "0.5s".into(),
        "1m0s".into(),
    ] {
        assert!(valid(&with_hold(good.clone())).is_ok(), "{good} refused");
    }
    for bad in [
        serde_json::json!(0),
        serde_json::json!(-1),
        serde_json::json!(86401),
        "0s".into(),
        "0m".into(),
        "0m0.0s".into(),
        "30".into(),
        "1h".into(),
        "1m 30s".into(),
        ".5s".into(),
        serde_json::json!(null),
    ] {
        assert!(valid(&with_hold(bad.clone())).is_err(), "{bad} accepted");
    }
}

#[test]
fn the_template_of_supple_new_passes_the_schema() {
    let valid = validator();
    let home = tempfile::tempdir().expect("temp dir");
    let out = common::supple_in(home.path())
        .args(["new", "back-sheet"])
        .output()
        .expect("runs");
    common::succeeded(&out);
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let value = read_json(Path::new(&path)).expect("the template is JSON");
    assert_eq!(value["$schema"], "../routine.schema.json");
    if let Err(error) = valid(&value) {
        panic!("the template fails the schema: {error}");
    }
    // The copy it points at, beside the routine folder, is this version's schema.
    let copy = home.path().join("config/supple/routine.schema.json");
    assert_eq!(
        std::fs::read_to_string(copy).expect("schema copy"),
        supple::routine::schema::text()
    );
}

#[test]
fn text_is_on_one_line_and_of_a_bounded_length() {
    let valid = validator();
    let routine = |name: &str, cue: &str| serde_json::json!({"name": name, "steps": [{"name": "s", "cue": cue, "hold": 5}]});
    assert!(valid(&routine("Neck", "Slowly.")).is_ok());
    assert!(valid(&routine(&"é".repeat(100), &"ü".repeat(500))).is_ok());
    let (long_name, long_cue) = ("é".repeat(101), "ü".repeat(501));
    for (name, cue) in [
        ("", "ok"),
        ("   ", "ok"),
        (long_name.as_str(), "ok"),
        ("Neck", long_cue.as_str()),
        ("Clear \u{1b}[2J", "ok"),
        ("Neck", "two\nlines"),
        ("C1 \u{9b}", "ok"),
        ("Neck", "tab\there"),
    ] {
        assert!(
            valid(&routine(name, cue)).is_err(),
            "{name:?} / {cue:?} accepted"
        );
    }
}
