//! What supple gives the shell: completion scripts (parsed by each shell, and asked for routine
//! names as Tab is pressed) and the man page.

mod common;

use std::path::Path;
use std::process::Command;

use common::{FIXED, Home};

/// `PATH` with the binary's folder first, as an installed supple would be found.
fn installed() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_supple"))
        .parent()
        .expect("bin dir");
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

#[test]
fn the_bash_completion_is_valid_bash_and_completes_routine_names() {
    let home = Home::new();
    std::fs::create_dir_all(home.routines()).expect("folder");
    std::fs::write(home.routines().join("back-sheet.json"), FIXED).expect("write");
    let script = home.supple(&["completions", "bash"]);
    assert_eq!(script.code, 0);
    let file = home.dir.path().join("supple.bash");
    std::fs::write(&file, &script.out).expect("write");
    let check = Command::new("bash")
        .arg("-n")
        .arg(&file)
        .output()
        .expect("bash");
    common::succeeded(&check);

    // Tab after `supple run b`, with the binary on the PATH as an installed one would be.
    let probe = format!(
        "source '{}'; COMP_WORDS=(supple run b); COMP_CWORD=2; _supple_routines supple b run; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        file.display()
    );
    let mut bash = Command::new("bash");
    home.isolate(&mut bash);
    bash.env("PATH", installed()).arg("-c").arg(&probe);
    let out = bash.output().expect("bash");
    let words = String::from_utf8_lossy(&out.stdout);
    let words: Vec<&str> = words.lines().collect();
    assert!(words.contains(&"back-sheet"), "{words:?}");
    assert!(words.contains(&"belly-breathing"), "{words:?}");
}

/// Runs `shell -n` (parse only) on the script.
fn parses_in(shell: &str, script: &str, home: &Home) {
    let file = home.dir.path().join(format!("completion.{shell}"));
    std::fs::write(&file, script).expect("write");
    let check = Command::new(shell)
        .arg("-n")
        .arg(&file)
        .output()
        .unwrap_or_else(|_| panic!("{shell} is needed (.ci/setup installs it)"));
    assert!(
        check.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn fish_completes_routine_names_as_tab_is_pressed() {
    let home = Home::new();
    std::fs::create_dir_all(home.routines()).expect("folder");
    std::fs::write(home.routines().join("back-sheet.json"), FIXED).expect("write");
    let script = home.supple(&["completions", "fish"]).out;
    parses_in("fish", &script, &home);
    let file = home.dir.path().join("completion.fish");
    let mut fish = Command::new("fish");
    home.isolate(&mut fish);
    let probe = format!(
        "source '{}'; complete -C 'supple run b'; complete -C 'supple new x --from desk'",
        file.display()
    );
    let out = fish
        .env("PATH", installed())
        .arg("-c")
        .arg(probe)
        .output()
        .expect("fish");
    let words = String::from_utf8_lossy(&out.stdout);
    let words: Vec<&str> = words.lines().collect();
    assert!(words.contains(&"back-sheet"), "{words:?}");
    assert!(words.contains(&"belly-breathing"), "{words:?}");
    assert!(words.contains(&"desk-break"), "{words:?}");
}

#[test]
fn zsh_and_fish_completions_ask_supple_for_routine_names() {
    let home = Home::new();
    let zsh = home.supple(&["completions", "zsh"]);
    assert_eq!(zsh.code, 0);
    assert!(zsh.out.starts_with("#compdef supple"), "{}", &zsh.out[..40]);
    assert!(zsh.out.contains("_supple_routines()"));
    assert!(zsh.out.contains(":_supple_routines' \\"));
    parses_in("zsh", &zsh.out, &home);
    let fish = home.supple(&["completions", "fish"]);
    assert_eq!(fish.code, 0);
    assert!(fish.out.contains("(supple routine-names 2>/dev/null)"));
    let names = home.supple(&["routine-names"]);
    assert!(
        names.out.lines().any(|l| l == "desk-break"),
        "{}",
        names.out
    );
    let unknown = home.supple(&["completions", "tcsh"]);
    assert_eq!(unknown.code, 2);
}

#[test]
fn the_man_page_is_roff_made_from_the_help() {
    let home = Home::new();
    let man = home.supple(&["man"]);
    assert_eq!(man.code, 0);
    assert!(man.out.contains(".TH supple 1"), "{}", man.out);
    assert!(man.out.contains("completions"), "{}", man.out);
    assert!(man.out.contains("pause / resume"), "the long help is in it");
}
