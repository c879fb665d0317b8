//! The screens on the real terminal: takes it over, shows the safety note, the picker and
//! the player on it, and always gives it back.

use std::io;

use ratatui::Terminal;
use ratatui::backend::Backend;
use tokio::signal::unix::{Signal, SignalKind, signal};

use super::frontend::{self, Options, Player};
use super::keys::{Key, key};
use super::picker::{Item, Picked, Picker, PickerView};
use super::practice::Practice;
use super::prompts;
use super::safety::{SafetyNote, Store};
use super::theme::Theme;
use crate::history::log::RunLog;
use crate::history::resume::Resume;
use crate::routine::library;
use crate::runtime::{self, Clock, Cues, Input, Inputs, Outcome};
use crate::session::Plan;
use crate::terminal::{self, Keys, SizedBackend};

type Screen = Terminal<SizedBackend>;

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
        Ok(outcome?.0)
    }
    .await;
    give_back(guard, result)
}

/// `supple` with no command: the picker. A routine started from it plays full screen and
/// comes back to the picker when it ends; `q` in the picker quits.
pub async fn pick(
    cues: &mut impl RunLog,
    muted: bool,
    notice: Option<String>,
    practice: Practice,
) -> anyhow::Result<Outcome> {
    let guard = terminal::enter()?;
    let result: anyhow::Result<Outcome> = async {
        let keys = Keys::start();
        let mut screen = Terminal::new(SizedBackend::new())?;
        let outcome = pick_and_play(&mut screen, &keys, cues, muted, notice, practice).await;
        release(screen);
        outcome
    }
    .await;
    give_back(guard, result)
}

/// `supple breaks` full screen: the countdown, each break played in place on the same
/// screen, and the terminal given back however the day ends.
pub async fn breaks<L, A, C>(
    day: crate::breaks::Day<'_, L, A, C>,
    muted: bool,
    notice: Option<String>,
) -> anyhow::Result<Outcome>
where
    L: crate::breaks::LastSession,
    A: crate::breaks::alert::Alert,
    C: crate::history::log::RunLog,
{
    let guard = terminal::enter()?;
    let result: anyhow::Result<Outcome> = async {
        let keys = Keys::start();
        let mut screen = Terminal::new(SizedBackend::new())?;
        frontend::refresh(&mut screen)?;
        let outcome = {
            let mut front = super::breaks::BreakScreen::new(&mut screen, &keys, muted, notice);
            crate::breaks::run(&mut front, day).await
        };
        release(screen);
        outcome
    }
    .await;
    give_back(guard, result)
}

/// A routine on a screen some other loop already holds (a break on the breaks screen):
/// returns how it ended and whether the sound was left muted.
pub(crate) async fn play_in_place(
    screen: &mut Screen,
    keys: &Keys,
    plan: &Plan,
    clock: Clock,
    cues: &mut impl Cues,
    options: Options,
) -> anyhow::Result<(Outcome, bool)> {
    play_on(screen, keys, plan, clock, cues, options).await
}

/// The safety note if it is due, then the routine; returns how it ended and whether the
/// sound was left muted.
async fn play_on(
    screen: &mut Screen,
    keys: &Keys,
    plan: &Plan,
    clock: Clock,
    cues: &mut impl Cues,
    mut options: Options,
) -> anyhow::Result<(Outcome, bool)> {
    frontend::refresh(screen)?;
    if let Some((store, today)) = options.safety.take() {
        let mut suspend = terminal::suspend;
        let theme = options.theme;
        match safety_note(screen, theme, &store, &today, keys.inputs(), &mut suspend).await? {
            Waited::Key => {}
            Waited::Quit => return Ok((Outcome::Quit, options.muted)),
            Waited::Signal => return Ok((Outcome::Signalled, options.muted)),
        }
    }
    let resumed;
    let plan = match prompts::before_the_routine(screen, keys, plan, &mut options).await? {
        prompts::Before::Play(None) => plan,
        prompts::Before::Play(Some(step)) => {
            resumed = plan.clone().starting_at(step);
            &resumed
        }
        prompts::Before::End(outcome) => return Ok((outcome, options.muted)),
    };
    let mut player = Player::new(screen, options, Box::new(terminal::suspend));
    let outcome = runtime::run(plan, clock, &mut player, cues, &mut keys.inputs()).await?;
    Ok((outcome, player.muted()))
}

async fn pick_and_play(
    screen: &mut Screen,
    keys: &Keys,
    cues: &mut impl RunLog,
    mut muted: bool,
    notice: Option<String>,
    mut practice: Practice,
) -> anyhow::Result<Outcome> {
    let entries = library::all();
    let mut picker = Picker::new(entries.iter().map(Item::from_entry).collect());
    loop {
        let theme = Theme::from_env();
        picker.practice = Some(practice.picker_line());
        let Some(picked) = pick_on(screen, &mut picker, theme, keys.inputs()).await? else {
            return Ok(Outcome::Signalled);
        };
        let index = match picked {
            Picked::Start(index) => index,
            Picked::Stats => {
                if !prompts::show_stats(screen, theme, keys.inputs(), &mut terminal::suspend)
                    .await?
                {
                    return Ok(Outcome::Signalled);
                }
                frontend::refresh(screen)?;
                continue;
            }
            Picked::Quit => return Ok(Outcome::Quit),
        };
        if let Some(entry) = entries.get(index)
            && let Ok(routine) = &entry.routine
        {
            let plan = Plan::new(routine);
            practice.notes.set_routine(&entry.name);
            let mut options = Options {
                back_to: Some(super::summary::BackTo::List),
                ..Options::from_env(muted, notice.clone())
            };
            options.practice = practice.clone();
            options.practice.resume = Resume::from_env()
                .offer_now(&entry.name, &routine.steps)
                .map(|point| point.step);
            options.voice = cues.voice();
            let clock = Clock::start(1.0);
            let (outcome, still_muted) = play_on(screen, keys, &plan, clock, cues, options).await?;
            cues.finish(outcome);
            practice.reload();
            // The sound stays as the last routine left it.
            muted = still_muted;
            if outcome == Outcome::Signalled {
                return Ok(outcome);
            }
            frontend::refresh(screen)?;
        }
    }
}

/// Gives the terminal back, then returns the loop's result: its error first if it failed
/// (unless the terminal had gone away, which is a hangup, not an error). After a signal
/// the terminal may be gone (a hangup), and failing to restore it is no news.
fn give_back(guard: terminal::Guard, result: anyhow::Result<Outcome>) -> anyhow::Result<Outcome> {
    let left = guard.leave();
    // A draw that failed because the terminal went away ends the run as a hangup does.
    if result.is_err() && terminal::gone() {
        return Ok(Outcome::Signalled);
    }
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

/// The signals that end a full screen that is waiting for a key.
pub(crate) struct Signals {
    terminate: Signal,
    interrupt: Signal,
    hangup: Signal,
}

impl Signals {
    pub(crate) fn new() -> io::Result<Signals> {
        Ok(Signals {
            terminate: signal(SignalKind::terminate())?,
            interrupt: signal(SignalKind::interrupt())?,
            hangup: signal(SignalKind::hangup())?,
        })
    }

    /// The next input; `None` when a signal came or the terminal went away.
    pub(crate) async fn next(&mut self, inputs: &mut Inputs) -> Option<Input> {
        tokio::select! {
            input = inputs.receiver.recv() => input,
            _ = self.terminate.recv() => None,
            _ = self.interrupt.recv() => None,
            _ = self.hangup.recv() => None,
        }
    }
}

/// How waiting on a screen for a key ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Waited {
    /// Any key but a quitting one.
    Key,
    /// `q` or Ctrl-C.
    Quit,
    /// A signal, or the terminal went away.
    Signal,
}

/// The safety note until a key; nothing has started yet, so nothing runs or sounds behind
/// it. Recorded as seen for `today` only when a key other than a quitting one dismisses it:
/// backing out with `q` is not reading it.
pub(crate) async fn safety_note<B: Backend>(
    screen: &mut Terminal<B>,
    theme: Theme,
    store: &Store,
    today: &str,
    mut inputs: Inputs,
    suspend: &mut dyn FnMut() -> io::Result<()>,
) -> anyhow::Result<Waited>
where
    B::Error: Send + Sync + 'static,
{
    let mut signals = Signals::new()?;
    loop {
        screen.draw(|frame| frame.render_widget(&SafetyNote { theme }, frame.area()))?;
        let Some(input) = signals.next(&mut inputs).await else {
            return Ok(Waited::Signal);
        };
        match input {
            Input::Key(event) => match key(&event) {
                Some(Key::Quit | Key::Interrupt | Key::Escape) => return Ok(Waited::Quit),
                Some(Key::Suspend) => {
                    suspend()?;
                    frontend::refresh(screen)?;
                }
                Some(_) => {
                    store.mark_shown(today);
                    return Ok(Waited::Key);
                }
                None => {}
            },
            Input::Resize(..) | Input::Line(_) => {}
        }
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
    let mut signals = Signals::new()?;
    loop {
        screen.draw(|frame| frame.render_widget(&PickerView { picker, theme }, frame.area()))?;
        let Some(input) = signals.next(&mut inputs).await else {
            return Ok(None);
        };
        if let Input::Key(event) = input {
            if key(&event) == Some(Key::Suspend) {
                terminal::suspend()?;
                frontend::refresh(screen)?;
            } else if let Some(picked) = picker.handle(&event) {
                return Ok(Some(picked));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::backend::TestBackend;

    use super::*;

    async fn note_with(keys: Vec<Input>) -> (Waited, Store, String) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Some(dir.path().join("supple")));
        let (sender, inputs) = Inputs::channel();
        for key in keys {
            sender.send(key).await.unwrap();
        }
        drop(sender);
        let mut screen = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let mut suspends = 0;
        let mut suspend = || {
            suspends += 1;
            Ok(())
        };
        let waited = safety_note(
            &mut screen,
            Theme::COLOR,
            &store,
            "2026-11-21",
            inputs,
            &mut suspend,
        )
        .await
        .unwrap();
        let text = screen.backend().to_string();
        // Keep the folder alive until the store is checked.
        std::mem::forget(dir);
        (waited, store, text)
    }

    fn key(code: KeyCode) -> Input {
        Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[tokio::test]
    async fn any_key_dismisses_the_safety_note_and_the_day_is_remembered() {
        let (waited, store, text) =
            note_with(vec![Input::Resize(80, 24), key(KeyCode::Char('?'))]).await;
        assert_eq!(waited, Waited::Key);
        assert!(text.contains("Before you start"));
        assert!(!store.due("2026-11-21"));
    }

    #[tokio::test]
    async fn q_or_ctrl_c_on_the_safety_note_quits_and_it_is_still_due() {
        let (waited, store, _) = note_with(vec![key(KeyCode::Char('q'))]).await;
        assert_eq!(waited, Waited::Quit);
        assert!(store.due("2026-11-21"), "backing out is not reading it");
        let ctrl_c = Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(note_with(vec![ctrl_c]).await.0, Waited::Quit);
        assert_eq!(note_with(vec![key(KeyCode::Esc)]).await.0, Waited::Quit);
    }

    #[tokio::test]
    async fn the_terminal_going_away_ends_the_safety_note() {
        assert_eq!(note_with(vec![]).await.0, Waited::Signal);
    }
}
