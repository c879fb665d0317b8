//! supple: a guided, timed body routine in the terminal.

pub mod routine;
pub mod session;
pub mod ui;
