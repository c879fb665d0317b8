//! Embeds every `routines/*.json` as a built-in routine, so adding one needs no code change,
//! and has the linker place the functions a run uses side by side (see `hot_functions`).

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    hot_functions();
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

/// The functions a run of the player executes (`assets/hot-functions.txt`, written by
/// `.ci/order-functions`) go first in the program's code. The kernel maps code 64 KiB around
/// each page first touched; scattered over the whole binary, the code a run uses kept 2.4 MiB
/// of it resident, packed together 0.8 MiB.
///
/// The names carry hashes that change with the build's profile, the compiler and the crates'
/// versions, so each becomes a pattern without them, in a linker script that adds a section
/// of its own before the rest of the code. Only for release builds linked by Rust's own LLD
/// (the default for this target): other linkers may not take such a script, and a build must
/// never fail for want of it. A name that matches nothing (the list is older than the code)
/// costs nothing.
fn hot_functions() {
    let list = "assets/hot-functions.txt";
    println!("cargo:rerun-if-changed={list}");
    for variable in ["RUSTC_LINKER", "CARGO_ENCODED_RUSTFLAGS"] {
        println!("cargo:rerun-if-env-changed={variable}");
    }
    let release = env::var("PROFILE").is_ok_and(|profile| profile == "release");
    let target = env::var("TARGET").unwrap_or_default();
    // A linker or linker flags of the user's own may not be LLD.
    let own_linker = env::var_os("RUSTC_LINKER").is_some()
        || env::var("CARGO_ENCODED_RUSTFLAGS")
            .is_ok_and(|flags| flags.contains("link") || flags.contains("fuse-ld"));
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let Ok(names) = fs::read_to_string(manifest.join(list)) else {
        return;
    };
    if !release || target != "x86_64-unknown-linux-gnu" || own_linker {
        return;
    }
    let mut script = String::from("SECTIONS {\n  .text.hot : {\n");
    for name in names.lines().map(str::trim).filter(|name| !name.is_empty()) {
        // Cold functions are in `.text.unlikely.NAME`, the rest in `.text.NAME`.
        script += &format!("    *(.text*.{})\n", without_hashes(name));
    }
    script += "  }\n}\nINSERT BEFORE .text;\n";
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let path = out.join("hot-functions.ld");
    fs::write(&path, script).expect("write hot-functions.ld");
    println!("cargo:rustc-link-arg-bins=-Wl,-T,{}", path.display());
}

/// A symbol's name as a linker-script pattern that any build's hashes match: a crate's hash
/// (`Cs…_` in Rust's v0 names), the back references whose offsets follow from their lengths
/// (`B…_`) and the legacy names' `17h…E` become `*`. A wider pattern only places some other
/// function among the hot ones.
fn without_hashes(name: &str) -> String {
    let mut pattern = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(first) = rest.chars().next() {
        if let Some((kept, hashed)) = hash_at(rest) {
            pattern += &rest[..kept];
            pattern.push('*');
            rest = &rest[hashed..];
        } else {
            pattern.push(first);
            rest = &rest[first.len_utf8()..];
        }
    }
    pattern
}

/// Whether `text` starts with a hash: how many bytes of it stay before the `*`, and where
/// what follows the hash begins.
fn hash_at(text: &str) -> Option<(usize, usize)> {
    let base62 = |from: usize| {
        text.bytes()
            .skip(from)
            .take_while(|byte| byte.is_ascii_alphanumeric())
            .count()
    };
    let closed = |end: usize| text.as_bytes().get(end) == Some(&b'_');
    if let Some(n) = text.starts_with("Cs").then(|| base62(2)) {
        (n >= 5 && closed(2 + n)).then_some((2, 2 + n))
    } else if let Some(n) = text.starts_with('B').then(|| base62(1)) {
        (n <= 3 && closed(1 + n)).then_some((1, 1 + n))
    } else {
        (text.starts_with("17h") && text.len() == 20 && text.ends_with('E')).then_some((3, 19))
    }
}
