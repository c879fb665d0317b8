//! The README's "write your own routine" walk-through is what supple prints: its routine is
//! run through `show` and `run --plain`, and the samples compared with the real output.

mod common;

use common::Home;

/// The text between `start` and the next closing fence.
fn block<'a>(readme: &'a str, start: &str) -> &'a str {
    readme
        .split(start)
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap_or_else(|| panic!("the README has no sample starting {start:?}"))
}

#[test]
fn the_walk_through_shows_what_supple_prints() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let walk = readme
        .split("### Walk-through: a physiotherapist's sheet")
        .nth(1)
        .expect("the walk-through");
    let routine = block(walk, "```json\n");
    let home = Home::new();
    std::fs::create_dir_all(home.routines()).expect("folder");
    let fixed = routine.replace("\"5 s\"", "\"5s\"");
    std::fs::write(home.routines().join("back-sheet.json"), &fixed).expect("write");

    let show = home.supple(&["show", "back-sheet"]);
    assert_eq!(show.code, 0, "{}", show.err);
    let sample = block(walk, "$ supple show back-sheet\n");
    let sample = sample
        .split("$ supple run")
        .next()
        .expect("the show sample");
    assert_eq!(show.out, sample, "update the README's walk-through");

    // Lines carry routine time, so a faster clock prints the same and keeps the test short.
    let run = home.supple(&["run", "back-sheet", "--plain", "--speed", "1000"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let sample = block(walk, "$ supple run back-sheet --plain --speed 50\n");
    let mut lines = run.out.lines();
    for expected in sample.lines().filter(|line| line.trim() != "…") {
        assert!(
            lines.any(|line| line == expected),
            "the README's line {expected:?} is not in the output, in that order:\n{}",
            run.out
        );
    }

    // The mistake in the walk-through is reported where the README says.
    let file = home.routines().join("back-sheet.json");
    std::fs::write(&file, routine).expect("write");
    let check = home.supple(&["validate", file.to_str().expect("utf-8 path")]);
    let problem = check.err.lines().next().unwrap_or_default().to_string();
    let problem = problem.rsplit("back-sheet.json").next().unwrap_or_default();
    let sample = block(walk, "$ supple edit back-sheet\n");
    assert!(sample.contains(problem), "{problem:?} is not in:\n{sample}");
}
