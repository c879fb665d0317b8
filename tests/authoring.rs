//! Writing your own routines with the real binary: `new`, and `edit` with a stand-in editor.

mod common;

use common::{BROKEN, FIXED, Home};

#[test]
fn new_writes_the_template_to_the_routine_folder_and_prints_its_path() {
    let home = Home::new();
    let run = home.supple(&["new", "back-sheet"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let path = home.routines().join("back-sheet.json");
    assert_eq!(run.out, format!("{}\n", path.display()));
    let text = std::fs::read_to_string(&path).expect("the new file");
    assert!(text.contains("\"name\": \"Back sheet\""), "{text}");
    assert!(run.err.contains("supple edit back-sheet"), "{}", run.err);
    let list = home.supple(&["list"]);
    assert!(list.out.contains("back-sheet"), "{}", list.out);
}

#[test]
fn new_never_overwrites_a_routine() {
    let home = Home::new();
    assert_eq!(home.supple(&["new", "neck"]).code, 0);
    let path = home.routines().join("neck.json");
    std::fs::write(&path, FIXED).expect("write");
    let again = home.supple(&["new", "neck"]);
    assert_eq!(again.code, 2);
    assert!(
        again.err.contains("already have a routine named neck"),
        "{}",
        again.err
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), FIXED);
    assert_eq!(home.files(), ["neck.json"], "no temporary file is left");
}

#[test]
fn new_refuses_names_that_are_not_file_names() {
    let home = Home::new();
    for (name, why) in [
        ("", "cannot be empty"),
        ("../escape", "it is a path"),
        ("sub/dir", "it is a path"),
        (".hidden", "starts with a dot"),
        ("what?", "file names cannot"),
    ] {
        let run = home.supple(&["new", name]);
        assert_eq!(run.code, 2, "{name:?}");
        assert!(run.err.contains(why), "{name:?}: {}", run.err);
    }
    assert!(home.files().is_empty());
}

#[test]
fn new_from_copies_a_built_in_routine_as_it_is() {
    let home = Home::new();
    let run = home.supple(&["new", "my-desk", "--from", "desk-break"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let copy = std::fs::read_to_string(home.routines().join("my-desk.json")).expect("copy");
    let built_in = std::fs::read_to_string("routines/desk-break.json").expect("built-in");
    assert_eq!(copy, built_in);
    let unknown = home.supple(&["new", "x", "--from", "desk-brake"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.err.contains("did you mean \"desk-break\"?"),
        "{}",
        unknown.err
    );
}

#[test]
fn edit_shows_the_problems_and_edits_again_until_the_routine_is_valid() {
    let home = Home::new();
    assert_eq!(home.supple(&["new", "back-sheet"]).code, 0);
    let editor = home.editor(&[BROKEN, FIXED]);
    let run = home.run(&["edit", "back-sheet"], "e\n", &[("VISUAL", &editor)]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(home.calls(), "2");
    let path = home.routines().join("back-sheet.json");
    // The problem names the routine's own file, with its line and column, not the copy's.
    let problem = format!("{}:4:39: steps[0].hold: must be a duration", path.display());
    assert!(run.err.contains(&problem), "{}", run.err);
    assert!(run.err.contains("[E/k/d]"), "{}", run.err);
    assert!(
        !run.err.contains("/.back-sheet."),
        "a temporary path leaked: {}",
        run.err
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), FIXED);
    assert_eq!(
        home.files(),
        ["back-sheet.json"],
        "the working copy is gone"
    );
}

#[test]
fn edit_keeps_a_broken_routine_only_when_asked() {
    let home = Home::new();
    let path = home.routines().join("back-sheet.json");
    std::fs::create_dir_all(home.routines()).expect("folder");

    std::fs::write(&path, FIXED).expect("write");
    let editor = home.editor(&[BROKEN]);
    let discard = home.run(&["edit", "back-sheet"], "d\n", &[("EDITOR", &editor)]);
    assert_eq!(discard.code, 0, "{}", discard.err);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), FIXED);

    let editor = home.editor(&[BROKEN]);
    std::fs::remove_file(home.dir.path().join("editor.sh.count")).expect("reset");
    let keep = home.run(&["edit", "back-sheet"], "k\n", &[("EDITOR", &editor)]);
    assert_eq!(keep.code, 0, "{}", keep.err);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), BROKEN);
    assert_eq!(home.files(), ["back-sheet.json"]);
}

#[test]
fn edit_with_no_one_to_answer_keeps_the_edit_as_a_draft() {
    let home = Home::new();
    assert_eq!(home.supple(&["new", "back-sheet"]).code, 0);
    let before = std::fs::read_to_string(home.routines().join("back-sheet.json")).expect("read");
    let editor = home.editor(&[BROKEN]);
    let run = home.run(&["edit", "back-sheet"], "", &[("VISUAL", &editor)]);
    assert_eq!(run.code, 2);
    assert!(run.err.contains("back-sheet is unchanged"), "{}", run.err);
    let draft = home.routines().join("back-sheet.json.draft");
    assert_eq!(std::fs::read_to_string(&draft).expect("draft"), BROKEN);
    assert_eq!(
        std::fs::read_to_string(home.routines().join("back-sheet.json")).expect("read"),
        before
    );
}

#[test]
fn editing_a_built_in_routine_saves_a_copy_that_shadows_it() {
    let home = Home::new();
    let editor = home.editor(&[FIXED]);
    let run = home.run(&["edit", "desk-break"], "", &[("VISUAL", &editor)]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.err.contains("desk-break is built in"), "{}", run.err);
    assert!(
        run.err.contains("instead of the built-in one"),
        "{}",
        run.err
    );
    let list = home.supple(&["list"]);
    let line = list
        .out
        .lines()
        .find(|l| l.starts_with("desk-break"))
        .expect("listed");
    assert!(line.contains("(yours)"), "{line}");
}

#[test]
fn an_unchanged_built_in_routine_leaves_no_copy_behind() {
    let home = Home::new();
    let run = home.run(&["edit", "desk-break"], "", &[("VISUAL", "true")]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.err.contains("no changes"), "{}", run.err);
    assert!(run.err.contains("VISUAL=\"code --wait\""), "{}", run.err);
    assert!(home.files().is_empty(), "{:?}", home.files());
}

#[test]
fn edit_of_an_unknown_routine_points_to_new() {
    let home = Home::new();
    let run = home.run(&["edit", "pelvic"], "", &[("VISUAL", "true")]);
    assert_eq!(run.code, 2);
    assert!(run.err.contains("supple new pelvic"), "{}", run.err);
    let path = home.run(&["edit", "./neck.json"], "", &[("VISUAL", "true")]);
    assert_eq!(path.code, 2);
    assert!(
        path.err.contains("takes a routine's name, not a path"),
        "{}",
        path.err
    );
    assert!(
        path.err.contains("supple validate ./neck.json"),
        "{}",
        path.err
    );
}

#[test]
fn an_editor_that_cannot_start_is_explained() {
    let home = Home::new();
    assert_eq!(home.supple(&["new", "neck"]).code, 0);
    let run = home.run(
        &["edit", "neck"],
        "",
        &[("VISUAL", "no-such-editor --wait")],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.err
            .contains("cannot start the editor \"no-such-editor\""),
        "{}",
        run.err
    );
    assert!(run.err.contains("set VISUAL or EDITOR"), "{}", run.err);
    assert_eq!(home.files(), ["neck.json"]);
}

#[test]
fn an_edit_saved_in_another_encoding_is_reported_not_lost() {
    let home = Home::new();
    assert_eq!(home.supple(&["new", "neck"]).code, 0);
    // "Rücken" in Latin-1: not UTF-8.
    let latin1 = b"{\"name\": \"R\xfccken\", \"steps\": [{\"name\": \"a\", \"hold\": 5}]}";
    let save = home.dir.path().join("latin1.json");
    std::fs::write(&save, latin1).expect("write");
    let script = home.dir.path().join("latin1.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\ncp '{}' \"$1\"\n", save.display()),
    )
    .expect("write");
    let editor = format!("sh '{}'", script.display());
    let run = home.run(&["edit", "neck"], "k\n", &[("VISUAL", &editor)]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.err.contains("not UTF-8"), "{}", run.err);
    let path = home.routines().join("neck.json");
    assert_eq!(std::fs::read(&path).expect("read"), latin1);
}
