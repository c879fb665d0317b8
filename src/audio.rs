//! Sound cues: what sounds when, how each sounds, and the speakers that play them.

pub mod cue;
pub mod level;
pub mod synth;

pub use cue::Cue;
