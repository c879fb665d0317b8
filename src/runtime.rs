//! The one loop that owns time: it drives a session against the clock, input and signals,
//! and hands what happens to a front end (full screen, plain lines or JSON) and to the cues.

pub mod alarm;
pub mod clock;
pub mod executor;
pub mod json;
pub mod lines;
pub mod plain;
pub mod sound;
pub mod stream;

use std::time::Duration;

use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::{mpsc, oneshot};

pub use clock::Clock;

use crate::session::{Command, Plan, Session, Stamped};

/// Something from outside the loop: a key, a resize, a line of standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(crossterm::event::KeyEvent),
    Resize(u16, u16),
    Line(String),
}

/// What a front end asks the loop to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Session(Command),
    ToggleMute,
    /// Spoken guidance: off, names, full, off again.
    CycleVoice,
    /// Play the routine again from the start.
    Restart,
    /// Leave the loop.
    Exit,
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Finished,
    Quit,
    /// A signal (SIGTERM, SIGINT, SIGHUP) asked the process to end.
    Signalled,
}

/// A way of showing a session. All methods get the session as it is after the events.
pub trait Frontend {
    /// Shows what the session just did.
    fn show(&mut self, session: &Session, events: &[Stamped], now: Duration) -> anyhow::Result<()>;
    /// Turns one input into actions; UI-only state (help, filters) lives in the front end.
    fn handle(&mut self, session: &Session, input: Input, now: Duration) -> Vec<Action>;
    /// Driver time at which the front end must next wake by itself (the next visible change),
    /// or `None` when only an event or input can change what it shows.
    fn wake_at(&self, session: &Session, now: Duration) -> Option<Duration>;
    /// Called on every turn of the loop: redraw if something changed, and return actions
    /// that are due (for example the end of a lead-in).
    fn wake(&mut self, session: &Session, now: Duration) -> anyhow::Result<Vec<Action>>;
}

/// The sound side of a run: cues follow the same events and the same clock as the screen.
pub trait Cues {
    fn on_events(&mut self, session: &Session, events: &[Stamped], now: Duration);
    /// Driver time of the next cue that is not tied to an event (the last-seconds ticks).
    fn wake_at(&self, session: &Session, now: Duration) -> Option<Duration>;
    fn wake(&mut self, session: &Session, now: Duration);
    /// Returns whether sound is now muted.
    fn toggle_mute(&mut self) -> bool;
    /// The next voice level, returned; `None` when there is no speech at all.
    fn cycle_voice(&mut self) -> Option<crate::config::Voice> {
        None
    }
    /// The voice level now; `None` when there is no speech at all.
    fn voice(&self) -> Option<crate::config::Voice> {
        None
    }
}

/// No sound at all.
#[derive(Debug, Default)]
pub struct Silence;

impl Cues for Silence {
    fn on_events(&mut self, _: &Session, _: &[Stamped], _: Duration) {}
    fn wake_at(&self, _: &Session, _: Duration) -> Option<Duration> {
        None
    }
    fn wake(&mut self, _: &Session, _: Duration) {}
    fn toggle_mute(&mut self) -> bool {
        true
    }
}

/// The loop's inputs: front-end input on a channel, so no future borrows the front end
/// while the loop waits.
pub struct Inputs {
    pub receiver: mpsc::Receiver<Input>,
}

impl Inputs {
    pub fn channel() -> (mpsc::Sender<Input>, Inputs) {
        Inputs::with_room(0)
    }

    /// A channel with room for `more` inputs besides the usual.
    pub fn with_room(more: usize) -> (mpsc::Sender<Input>, Inputs) {
        let (sender, receiver) = mpsc::channel(64 + more);
        (sender, Inputs { receiver })
    }
}

/// Plays `plan` until the front end exits or a signal arrives.
pub async fn run(
    plan: &Plan,
    clock: Clock,
    frontend: &mut impl Frontend,
    cues: &mut impl Cues,
    inputs: &mut Inputs,
) -> anyhow::Result<Outcome> {
    let mut signalled = Signalled::watch()?;
    let mut input_open = true;
    let mut alarm = clock.alarm();

    let (mut session, events) = Session::start(plan.clone(), clock.now());
    deliver(&session, &events, clock.now(), frontend, cues)?;
    let mut pending: Vec<Action> = Vec::new();

    loop {
        let now = clock.now();
        let events = session.advance(now);
        deliver(&session, &events, now, frontend, cues)?;
        cues.wake(&session, now);
        pending.extend(frontend.wake(&session, now)?);

        let acted = !pending.is_empty();
        for action in pending.drain(..) {
            let now = clock.now();
            match action {
                Action::Session(command) => {
                    let events = session.command(command, now);
                    deliver(&session, &events, now, frontend, cues)?;
                }
                Action::ToggleMute => {
                    cues.toggle_mute();
                }
                Action::CycleVoice => {
                    cues.cycle_voice();
                }
                // Again from the first step, also after a run resumed with `--from`.
                Action::Restart => {
                    let (fresh, events) = Session::start(plan.clone().starting_at(0), now);
                    session = fresh;
                    deliver(&session, &events, now, frontend, cues)?;
                }
                Action::Exit => {
                    return Ok(if session.is_over() && !was_quit(&session) {
                        Outcome::Finished
                    } else {
                        Outcome::Quit
                    });
                }
            }
        }
        // Actions may have changed what is due; let the front end see the new state first.
        let now = clock.now();
        if acted {
            pending.extend(frontend.wake(&session, now)?);
            if !pending.is_empty() {
                continue;
            }
        }

        let wake = [
            session.next_change(now).map(|wait| now + wait),
            frontend.wake_at(&session, now),
            cues.wake_at(&session, now),
        ]
        .into_iter()
        .flatten()
        .min()
        // A deadline in the past would spin the loop; a millisecond later is soon enough.
        .map(|at| at.max(now + Duration::from_millis(1)));

        tokio::select! {
            _ = sleep_until(&mut alarm, clock, wake) => {}
            input = inputs.receiver.recv(), if input_open => match input {
                Some(input) => pending.extend(frontend.handle(&session, input, clock.now())),
                None => input_open = false,
            },
            _ = &mut signalled.received => {
                return quit_on_signal(&mut session, clock, frontend, cues)
            }
        }
    }
}

/// SIGTERM, SIGINT or SIGHUP, noticed by a task of its own: the loop's every wake-up then
/// asks one flag, where polling the three signal streams took a lock each.
struct Signalled {
    received: oneshot::Receiver<()>,
    watcher: tokio::task::JoinHandle<()>,
}

impl Signalled {
    fn watch() -> std::io::Result<Signalled> {
        let mut terminate = signal(SignalKind::terminate())?;
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut hangup = signal(SignalKind::hangup())?;
        let (tell, received) = oneshot::channel();
        let watcher = tokio::spawn(async move {
            tokio::select! {
                _ = terminate.recv() => {}
                _ = interrupt.recv() => {}
                _ = hangup.recv() => {}
            }
            let _ = tell.send(());
        });
        Ok(Signalled { received, watcher })
    }
}

impl Drop for Signalled {
    fn drop(&mut self) {
        self.watcher.abort();
    }
}

async fn sleep_until(alarm: &mut alarm::Alarm, clock: Clock, at: Option<Duration>) {
    match at {
        Some(at) => alarm.sleep_until(clock.instant_at(at)).await,
        None => std::future::pending().await,
    }
}

fn was_quit(session: &Session) -> bool {
    session.status() == crate::session::Status::Quit
}

fn quit_on_signal(
    session: &mut Session,
    clock: Clock,
    frontend: &mut impl Frontend,
    cues: &mut impl Cues,
) -> anyhow::Result<Outcome> {
    let now = clock.now();
    let events = session.command(Command::Quit, now);
    // The terminal may already be gone (SIGHUP); nothing useful can be done about it.
    let _ = deliver(session, &events, now, frontend, cues);
    Ok(Outcome::Signalled)
}

fn deliver(
    session: &Session,
    events: &[Stamped],
    now: Duration,
    frontend: &mut impl Frontend,
    cues: &mut impl Cues,
) -> anyhow::Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    cues.on_events(session, events, now);
    frontend.show(session, events, now)
}

#[cfg(test)]
mod tests;
