//! The full-screen player and picker: views (pure functions of state), theme and formatting.

pub mod digits;
pub mod format;
pub mod help;
pub mod keys;
pub mod pacer;
pub mod picker;
pub mod player;
pub mod safety;
pub mod summary;
pub mod theme;

#[cfg(test)]
mod testing;
