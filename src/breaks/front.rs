//! What the breaks loop needs of a front end: the full screen and the line streams both
//! show the same events and turn input into the same requests.

use std::time::Duration;

use super::machine::{Breaks, Command, Event};
use crate::runtime::{Clock, Cues, Input, Inputs, Outcome};
use crate::session::Plan;

/// What a front end asks the loop to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    Breaks(Command),
    Quit,
}

/// The break the day offers: the routine's name, what to say about it, and its plan.
#[derive(Debug, Clone)]
pub struct Offer {
    /// Its name (file stem), for `--json`.
    pub name: String,
    /// Its title and length, printable: "Movement break (2 min 3 s)".
    pub what: String,
    pub plan: Plan,
}

// Only used generically inside the crate, so the future's `Send`-ness never matters.
#[allow(async_fn_in_trait)]
pub trait Front {
    /// A fresh channel of input for the waiting loop (after a break, the routine had it).
    fn inputs(&mut self) -> Inputs;
    /// The waiting loop hands its input back as a break starts: what it did not read yet
    /// is the routine's.
    fn give_back(&mut self, inputs: Inputs);
    /// Shows what just happened.
    fn show(
        &mut self,
        breaks: &Breaks,
        offer: &Offer,
        events: &[Event],
        now: Duration,
    ) -> anyhow::Result<()>;
    fn handle(&mut self, breaks: &Breaks, input: Input) -> Option<Request>;
    /// Driver time of the next change on screen that no event brings (the countdown).
    fn wake_at(&self, breaks: &Breaks, now: Duration) -> Option<Duration>;
    /// Called on every turn: redraw if what is shown has changed, and return a request
    /// that is due by itself (standard output went away: quit).
    fn wake(
        &mut self,
        breaks: &Breaks,
        offer: &Offer,
        now: Duration,
    ) -> anyhow::Result<Option<Request>>;
    /// Plays the break's routine in place, on this front end.
    async fn play(
        &mut self,
        offer: &Offer,
        clock: Clock,
        cues: &mut impl Cues,
    ) -> anyhow::Result<Outcome>;
}
