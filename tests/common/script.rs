//! Stand-in programs for the tests, written so that they can be started at once. Shared
//! with the library's unit tests, which include this file by its path.

use std::path::Path;

/// Writes a shell script and makes it executable, from a child process: a file this test
/// process held open for writing would be inherited by any child another test thread forks
/// meanwhile, and running the script would then fail with "Text file busy" (ETXTBSY).
pub fn write_script(path: &Path, body: &str) {
    let written = std::process::Command::new("sh")
        .args([
            "-c",
            r#"printf '#!/bin/sh\n%s\n' "$2" > "$1" && chmod 755 "$1""#,
            "sh",
        ])
        .arg(path)
        .arg(body)
        .status();
    assert!(
        written.is_ok_and(|status| status.success()),
        "{}",
        path.display()
    );
}
