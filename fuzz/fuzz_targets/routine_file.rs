//! Any bytes as a routine file: parsing never panics, and what it accepts plans and shows.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match supple::routine::file::parse(text, "fuzz.json") {
        Ok(routine) => {
            let plan = supple::session::Plan::new(&routine);
            let _ = plan.total();
            let _ = supple::cli::show_text(&routine);
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "a refused file names at least one problem");
            for problem in problems {
                let _ = problem.to_string();
            }
        }
    }
});
