//! supple: a guided, timed body routine in the terminal.

pub mod audio;
pub mod breaks;
pub mod breathe;
pub mod cli;
pub mod config;
pub mod format;
pub mod history;
pub mod play;
pub mod routine;
pub mod runtime;
pub mod session;
pub mod speech;
pub mod terminal;
pub mod ui;
