//! Replays the fuzzer's minimized corpus (`fuzz/corpus/routine_file`) and the inputs that
//! once broke something (`tests/fixtures/fuzz`): parsing never panics, a refused file names
//! a problem, and what is accepted plans and shows. Seconds, not the fuzzer's hour.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use supple::routine::file;
use supple::session::Plan;

fn files_in(dir: &str) -> Vec<PathBuf> {
    let Ok(listing) = fs::read_dir(Path::new(dir)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = listing
        .map(|entry| entry.expect("list the corpus").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_input_parses_or_is_refused_without_a_panic() {
    let mut inputs = files_in("fuzz/corpus/routine_file");
    assert!(inputs.len() > 50, "the committed corpus is missing");
    inputs.extend(files_in("tests/fixtures/fuzz"));
    let mut accepted = 0;
    for path in &inputs {
        // `load` reads the bytes as given, so inputs that are not UTF-8 are covered too.
        match file::load(path) {
            Ok(routine) => {
                accepted += 1;
                let plan = Plan::new(&routine);
                let steps: Duration = (0..plan.step_count()).map(|s| plan.step_len(s)).sum();
                assert_eq!(steps, plan.total(), "{}", path.display());
                let shown = supple::cli::show_text(&routine);
                assert!(shown.lines().count() > routine.steps.len(), "{shown}");
            }
            Err(problems) => {
                assert!(!problems.is_empty(), "{}", path.display());
                for problem in &problems {
                    let text = problem.to_string();
                    assert!(
                        !text.chars().any(char::is_control),
                        "{}: {text:?}",
                        path.display()
                    );
                }
            }
        }
    }
    // The corpus keeps valid routines too, so the planning half is exercised.
    assert!(accepted > 0, "no input of {} parsed", inputs.len());
}
