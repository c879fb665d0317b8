//! Sound cues: what sounds when, how each sounds, and the speakers that play them.

pub mod cue;
pub mod deferred;
pub mod device;
pub mod export;
pub mod health;
pub mod level;
mod quiet;
pub mod render;
pub mod schedule;
pub mod sounds;
pub mod speaker;
pub mod synth;
pub mod voice;
pub mod wav;

pub use cue::Cue;
pub use deferred::OpenOnUnmute;
pub use device::{NoDevice, RodioSpeaker, open};
pub use export::{Format, export, export_wav};
pub use render::Track;
pub use schedule::{CueCursor, next_cue, phase_cues, start_cue, track};
pub use sounds::{Sounds, user_dir};
pub use speaker::{Recorder, Silent, Speaker};
