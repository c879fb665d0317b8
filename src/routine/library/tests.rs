//! Built-in and user routines, shadowing, lookup by name or path, and the user folder rule.

use std::fs;

use super::*;

const VALID: &str = r#"{"name": "Mine", "steps": [{"name": "Rest", "rest": 10}]}"#;

fn names(entries: &[Entry]) -> Vec<&str> {
    entries.iter().map(|entry| entry.name.as_str()).collect()
}

#[test]
fn every_built_in_routine_is_valid() {
    assert!(!BUILT_IN.is_empty(), "routines/ has no .json file");
    for (name, text) in BUILT_IN {
        if let Err(problems) = file::parse(text, name) {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("built-in routine {name} is broken:\n{}", lines.join("\n"));
        }
    }
}

#[test]
fn without_a_user_folder_all_is_the_built_in_routines_by_name() {
    let entries = all_in(None);
    let built_in: Vec<&str> = BUILT_IN.iter().map(|(name, _)| *name).collect();
    assert_eq!(names(&entries), built_in);
    assert!(names(&entries).is_sorted());
    assert!(entries.iter().all(|entry| entry.origin == Origin::BuiltIn));
    let missing = tempfile::tempdir()
        .expect("temp dir")
        .path()
        .join("nowhere");
    assert_eq!(all_in(Some(&missing)), entries);
}

#[test]
fn a_user_routine_shadows_the_built_in_one_and_broken_ones_are_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("morning-back.json"), VALID).expect("write");
    fs::write(dir.path().join("aaa-broken.json"), "{\"name\": \"x\"}").expect("write");
    fs::write(dir.path().join("notes.txt"), "not a routine").expect("write");
    fs::create_dir(dir.path().join("folder.json")).expect("mkdir");

    let entries = all_in(Some(dir.path()));
    assert_eq!(entries.len(), BUILT_IN.len() + 1);
    assert_eq!(entries[0].name, "aaa-broken");
    assert_eq!(
        entries[0].origin,
        Origin::User(dir.path().join("aaa-broken.json"))
    );
    let problems = entries[0].routine.as_ref().expect_err("broken");
    assert_eq!(problems[0].message, "missing required field \"steps\"");

    let morning = (entries.iter().find(|entry| entry.name == "morning-back")).expect("listed");
    assert_eq!(
        morning.origin,
        Origin::User(dir.path().join("morning-back.json"))
    );
    assert_eq!(
        morning.routine.as_ref().map(|r| r.title.as_str()),
        Ok("Mine")
    );
}

#[test]
fn find_prefers_the_users_routine_then_the_built_in_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("morning-back.json"), VALID).expect("write");
    let user = find_in("morning-back", Some(dir.path())).expect("found");
    assert_eq!(
        user.origin,
        Origin::User(dir.path().join("morning-back.json"))
    );
    let built_in = find_in("belly-breathing", Some(dir.path())).expect("found");
    assert_eq!(built_in.origin, Origin::BuiltIn);
    assert!(built_in.routine.is_ok());
}

#[test]
fn anything_that_looks_like_a_path_is_loaded_as_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("elsewhere.json");
    fs::write(&path, VALID).expect("write");
    let entry = find_in(path.to_str().expect("UTF-8 temp path"), None).expect("a path");
    assert_eq!(entry.name, "elsewhere");
    assert_eq!(entry.origin, Origin::File(path));
    assert!(entry.routine.is_ok());

    // A bare `.json` name is a path too, relative to where supple runs; missing, it is an
    // entry with its problem rather than an unknown name.
    let missing = find_in("morning-back.json", Some(dir.path())).expect("a path");
    assert_eq!(missing.origin, Origin::File("morning-back.json".into()));
    let problems = missing.routine.expect_err("no such file here");
    assert_eq!(
        problems[0].to_string(),
        "morning-back.json:1:1: cannot read the file: there is no such file"
    );
}

#[test]
fn an_unknown_name_suggests_close_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("morning-stretch.json"), VALID).expect("write");
    let error = find_in("mornin-back", Some(dir.path())).expect_err("unknown");
    assert_eq!(
        error,
        FindError::Unknown {
            name: "mornin-back".into(),
            closest: vec!["morning-back".into()],
        }
    );
    assert_eq!(
        error.to_string(),
        "no routine named \"mornin-back\"; did you mean \"morning-back\"?"
    );
    let error = find_in("morning", Some(dir.path())).expect_err("unknown");
    assert_eq!(
        error.to_string(),
        "no routine named \"morning\"; did you mean \"morning-back\" or \"morning-stretch\"?"
    );
    let error = find_in("zzzzzz", None).expect_err("unknown");
    assert_eq!(error.to_string(), "no routine named \"zzzzzz\"");
}

#[test]
fn a_fifo_in_the_user_folder_is_listed_with_its_problem_not_waited_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pipe = dir.path().join("pipe.json");
    let c_path = std::ffi::CString::new(pipe.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: a valid NUL-terminated path and a plain mode.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let entries = all_in(Some(dir.path()));
    let entry = entries
        .iter()
        .find(|entry| entry.name == "pipe")
        .expect("listed");
    let problems = entry.routine.as_ref().expect_err("not a regular file");
    assert!(
        problems[0].message.contains("a named pipe (FIFO)"),
        "{problems:?}"
    );
}
