//! supple: a guided, timed body routine in the terminal.

pub mod format;
pub mod routine;
pub mod runtime;
pub mod session;
