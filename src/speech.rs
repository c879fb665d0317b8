//! Spoken guidance: what is said, where it fits among the cues, and how it is rendered.

pub mod bank;
pub mod cache;
pub mod phrases;
pub mod place;
pub mod program;
pub mod setup;

pub use bank::Bank;
pub use phrases::{Phrase, Text};
pub use place::{Placed, Schedule};
pub use program::Program;
