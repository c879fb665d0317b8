//! Movement breaks through the day: a countdown, a signal when a break is due, and the
//! break's routine played in place; a session played elsewhere counts as a break.

pub mod alert;
pub mod day;
pub mod desktop;
pub mod front;
pub mod input;
pub mod last;
pub mod lines;
pub mod machine;
pub mod start;

pub use day::{Day, run};
pub use front::{Front, Offer, Request};
pub use last::{HistoryTail, LastSession};
pub use machine::{Breaks, Command, Event, State};

#[cfg(test)]
mod tests;
