//! The full screen: the player and the picker. Views are pure functions of state; this
//! module only takes the terminal, runs the loops on it and always gives it back.

pub mod digits;
pub mod format;
pub mod frontend;
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

use ratatui::Terminal;
use tokio::signal::unix::{SignalKind, signal};

pub use frontend::{Options, Player};

use crate::routine::library;
use crate::runtime::{self, Clock, Cues, Input, Inputs, Outcome};
use crate::session::Plan;
use crate::terminal::{self, Keys, SizedBackend};
use picker::{Item, Picked, Picker, PickerView};
use safety::Store;
use theme::Theme;

type Screen = Terminal<SizedBackend>;

impl Options {
    /// Colour unless `NO_COLOR`; the safety note if it hasn't been shown today.
    pub fn from_env(muted: bool, notice: Option<String>) -> Options {
        let store = Store::from_env();
        let today = safety::today();
        Options {
            theme: Theme::from_env(),
            muted,
            notice,
            safety: store.due(&today).then_some((store, today)),
        }
    }
}

/// Plays `plan` full screen, then gives the terminal back (also on error) and returns how
/// the run ended.
pub async fn play(
    plan: &Plan,
    clock: Clock,
    cues: &mut impl Cues,
    options: Options,
) -> anyhow::Result<Outcome> {
    let guard = terminal::enter()?;
    let result: anyhow::Result<Outcome> = async {
        let keys = Keys::start();
        let mut screen = Terminal::new(SizedBackend::new())?;
        let outcome = play_on(&mut screen, &keys, plan, clock, cues, options).await;
        release(screen);
        outcome
    }
    .await;
    give_back(guard, result)
}

async fn play_on(
    screen: &mut Screen,
    keys: &Keys,
    plan: &Plan,
    clock: Clock,
    cues: &mut impl Cues,
    options: Options,
) -> anyhow::Result<Outcome> {
    frontend::refresh(screen)?;
    let mut player = Player::new(screen, options, Box::new(terminal::suspend));
    runtime::run(plan, clock, &mut player, cues, keys.inputs()).await
}

/// `supple` with no command: the picker. A routine started from it plays full screen and
/// comes back to the picker when it ends; `q` in the picker quits.
pub async fn pick(cues: &mut impl Cues, options: impl Fn() -> Options) -> anyhow::Result<Outcome> {
    let guard = terminal::enter()?;
    let result: anyhow::Result<Outcome> = async {
        let keys = Keys::start();
        let mut screen = Terminal::new(SizedBackend::new())?;
        let outcome = pick_and_play(&mut screen, &keys, cues, options).await;
        release(screen);
        outcome
    }
    .await;
    give_back(guard, result)
}

async fn pick_and_play(
    screen: &mut Screen,
    keys: &Keys,
    cues: &mut impl Cues,
    options: impl Fn() -> Options,
) -> anyhow::Result<Outcome> {
    let entries = library::all();
    let mut picker = Picker::new(entries.iter().map(Item::from_entry).collect());
    loop {
        let theme = Theme::from_env();
        let Some(picked) = pick_on(screen, &mut picker, theme, keys.inputs()).await? else {
            return Ok(Outcome::Signalled);
        };
        let Picked::Start(index) = picked else {
            return Ok(Outcome::Quit);
        };
        if let Some(Ok(routine)) = entries.get(index).map(|entry| &entry.routine) {
            let plan = Plan::new(routine);
            let clock = Clock::start(1.0);
            let outcome = play_on(screen, keys, &plan, clock, cues, options()).await?;
            if outcome == Outcome::Signalled {
                return Ok(outcome);
            }
            frontend::refresh(screen)?;
        }
    }
}

/// Gives the terminal back, then returns the loop's result: its error first if it failed.
/// After a signal the terminal may be gone (a hangup), and failing to restore it is no news.
fn give_back(guard: terminal::Guard, result: anyhow::Result<Outcome>) -> anyhow::Result<Outcome> {
    let left = guard.leave();
    let outcome = result?;
    if outcome != Outcome::Signalled {
        left?;
    }
    Ok(outcome)
}

/// Lets go of ratatui's terminal. If the terminal has gone away (a hangup), ratatui's own
/// drop would try to show the cursor again and report the failure on standard error, which
/// has gone too, and a failed print panics; so it is forgotten instead. Our guard restores
/// the modes either way.
fn release(mut screen: Screen) {
    if screen.show_cursor().is_err() {
        std::mem::forget(screen);
    }
}

/// Runs the picker until a routine is picked or the user quits; `None` when a signal (or a
/// closed terminal) ends it.
async fn pick_on(
    screen: &mut Screen,
    picker: &mut Picker,
    theme: Theme,
    mut inputs: Inputs,
) -> anyhow::Result<Option<Picked>> {
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut hangup = signal(SignalKind::hangup())?;
    loop {
        screen.draw(|frame| frame.render_widget(&PickerView { picker, theme }, frame.area()))?;
        let input = tokio::select! {
            input = inputs.receiver.recv() => input,
            _ = terminate.recv() => None,
            _ = interrupt.recv() => None,
            _ = hangup.recv() => None,
        };
        match input {
            None => return Ok(None),
            Some(Input::Key(event)) => {
                if keys::key(&event) == Some(keys::Key::Suspend) {
                    terminal::suspend()?;
                    frontend::refresh(screen)?;
                } else if let Some(picked) = picker.handle(&event) {
                    return Ok(Some(picked));
                }
            }
            Some(_) => {}
        }
    }
}
