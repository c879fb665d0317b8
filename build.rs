//! Embeds every `routines/*.json` as a built-in routine, so adding one needs no code change.

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=routines");
    let manifest = env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = PathBuf::from(manifest).join("routines");

    let mut routines: Vec<(String, String)> = Vec::new();
    // No folder is no built-in routines, not a failed build.
    for entry in fs::read_dir(&dir).into_iter().flatten() {
        let path = entry.expect("list routines/").path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let (Some(name), Some(file)) = (path.file_stem().and_then(|s| s.to_str()), path.to_str())
        else {
            println!(
                "cargo:warning=skipping {}: not a UTF-8 name",
                path.display()
            );
            continue;
        };
        routines.push((name.to_string(), file.to_string()));
    }
    routines.sort();

    let mut code = String::from(
        "/// Every built-in routine as (name, JSON text), sorted by name.\n\
         pub(crate) static BUILT_IN: &[(&str, &str)] = &[\n",
    );
    for (name, file) in &routines {
        // `{:?}` writes a Rust string literal, escapes included.
        code += &format!("    ({name:?}, include_str!({file:?})),\n");
    }
    code += "];\n";
    fs::write(PathBuf::from(out).join("built_in.rs"), code).expect("write built_in.rs");
}
