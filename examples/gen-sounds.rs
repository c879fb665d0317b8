//! Writes the default cue sounds to `assets/sounds/`, reproducibly: `cargo run --example gen-sounds`.
//!
//! The binary embeds these files; a test checks they still match what the synth makes, so run
//! this after changing a sound and commit the result.

use std::fs;
use std::path::Path;

use supple::audio::{Cue, synth, wav};

fn main() -> anyhow::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sounds");
    fs::create_dir_all(&dir)?;
    for cue in Cue::ALL {
        let path = dir.join(cue.file_name());
        let bytes = wav::encode(&synth::pcm(cue))?;
        fs::write(&path, &bytes)?;
        println!("{} ({} bytes)", path.display(), bytes.len());
    }
    Ok(())
}
