//! supple: a guided, timed body routine in the terminal.

pub mod audio;
pub mod routine;
pub mod session;
