//! The screens that wait for a key before a routine starts: the resume offer and the
//! stiffness prompt. Nothing runs or sounds behind them.

use std::io;

use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::frontend;
use super::frontend::Options;
use super::keys::{Key, key};
use super::rating::{Answer, Rating, RatingView};
use super::resume::{Choice, ResumeOffer, choice};
use super::theme::Theme;
use crate::history::asking::{self, Asking};
use crate::runtime::{Input, Inputs, Outcome};
use crate::session::Plan;
use crate::terminal::{self, Keys, SizedBackend};

/// Shows `draw` until `answer` makes something of a key; `None` when a signal came or the
/// terminal went away. Ctrl-Z suspends and redraws.
pub(crate) async fn wait_for<B: Backend, T>(
    screen: &mut Terminal<B>,
    mut inputs: Inputs,
    suspend: &mut dyn FnMut() -> io::Result<()>,
    mut draw: impl FnMut(&mut ratatui::Frame),
    mut answer: impl FnMut(&KeyEvent) -> Option<T>,
) -> anyhow::Result<Option<T>>
where
    B::Error: Send + Sync + 'static,
{
    let mut signals = super::run::Signals::new()?;
    loop {
        screen.draw(&mut draw)?;
        let Some(input) = signals.next(&mut inputs).await else {
            return Ok(None);
        };
        if let Input::Key(event) = input {
            if key(&event) == Some(Key::Suspend) {
                suspend()?;
                frontend::refresh(screen)?;
            } else if let Some(answer) = answer(&event) {
                return Ok(Some(answer));
            }
        }
    }
}

/// "How stiff is your back?" until answered; `None` on a signal.
pub async fn ask_rating<B: Backend>(
    screen: &mut Terminal<B>,
    theme: Theme,
    inputs: Inputs,
    suspend: &mut dyn FnMut() -> io::Result<()>,
) -> anyhow::Result<Option<Answer>>
where
    B::Error: Send + Sync + 'static,
{
    let rating = std::cell::Cell::new(Rating::default());
    wait_for(
        screen,
        inputs,
        suspend,
        |frame| {
            let rating = rating.get();
            let view = RatingView {
                rating: &rating,
                theme,
            };
            frame.render_widget(&view, frame.area());
        },
        |event| {
            let mut now = rating.get();
            let answer = now.handle(event);
            rating.set(now);
            answer
        },
    )
    .await
}

/// "Resume Morning back at step 9, Cat-cow?" until chosen; `None` on a signal.
pub async fn offer_resume<B: Backend>(
    screen: &mut Terminal<B>,
    offer: &ResumeOffer<'_>,
    inputs: Inputs,
    suspend: &mut dyn FnMut() -> io::Result<()>,
) -> anyhow::Result<Option<Choice>>
where
    B::Error: Send + Sync + 'static,
{
    wait_for(
        screen,
        inputs,
        suspend,
        |frame| frame.render_widget(offer, frame.area()),
        choice,
    )
    .await
}

/// What the screens before a routine decided.
pub(crate) enum Before {
    /// Play, from this step when resuming.
    Play(Option<usize>),
    End(Outcome),
}

/// The resume offer when the last run stopped early, then the stiffness prompt when it is
/// due; the rating goes into the practice's notes.
pub(crate) async fn before_the_routine(
    screen: &mut Terminal<SizedBackend>,
    keys: &Keys,
    plan: &Plan,
    options: &mut Options,
) -> anyhow::Result<Before> {
    let theme = options.theme;
    let mut suspend = terminal::suspend;
    let mut from = None;
    if let Some(step) = options.practice.resume.take() {
        let step_name = plan.routine.steps.get(step).map_or("", |s| s.name.as_str());
        let offer = ResumeOffer {
            title: &plan.routine.title,
            step,
            step_name,
            theme,
        };
        match offer_resume(screen, &offer, keys.inputs(), &mut suspend).await? {
            Some(Choice::Resume) => from = Some(step),
            Some(Choice::FromTheStart) => {}
            Some(Choice::Quit) => return Ok(Before::End(Outcome::Quit)),
            None => return Ok(Before::End(Outcome::Signalled)),
        }
    }
    let practice = &options.practice;
    if practice.asks() && practice.notes.before().is_none() {
        match ask_rating(screen, theme, keys.inputs(), &mut suspend).await? {
            Some(Answer::Rated(rating)) => {
                practice.notes.set_before(Some(rating));
                practice.asking.iter().for_each(Asking::answered);
            }
            Some(Answer::Skipped) => {
                let stopped = practice.asking.as_ref().is_some_and(Asking::skipped);
                if stopped {
                    options.notice = Some(asking::STOPPED.to_string());
                }
            }
            Some(Answer::Quit) => return Ok(Before::End(Outcome::Quit)),
            None => return Ok(Before::End(Outcome::Signalled)),
        }
    }
    Ok(Before::Play(from))
}

/// The stats screen until a key; `false` when a signal came or the terminal went away.
pub(crate) async fn show_stats<B: Backend>(
    screen: &mut Terminal<B>,
    theme: Theme,
    inputs: Inputs,
    suspend: &mut dyn FnMut() -> io::Result<()>,
) -> anyhow::Result<bool>
where
    B::Error: Send + Sync + 'static,
{
    let stats = super::stats::load();
    let view = super::stats::StatsView {
        stats: &stats,
        theme,
    };
    let shown = wait_for(
        screen,
        inputs,
        suspend,
        |frame| frame.render_widget(&view, frame.area()),
        key,
    )
    .await?;
    Ok(shown.is_some())
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::backend::TestBackend;

    use super::*;

    fn key(code: KeyCode) -> Input {
        Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    async fn inputs(keys: Vec<Input>) -> Inputs {
        let (sender, inputs) = Inputs::channel();
        for key in keys {
            sender.send(key).await.unwrap();
        }
        inputs
    }

    #[tokio::test]
    async fn the_rating_prompt_takes_one_then_zero_as_ten() {
        let mut screen = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let keys = inputs(vec![key(KeyCode::Char('1')), key(KeyCode::Char('0'))]).await;
        let answer = ask_rating(&mut screen, Theme::PLAIN, keys, &mut || Ok(()))
            .await
            .unwrap();
        assert_eq!(answer, Some(Answer::Rated(10)));
        assert!(
            screen
                .backend()
                .to_string()
                .contains("How stiff is your back?")
        );
    }

    #[tokio::test]
    async fn the_terminal_going_away_ends_the_prompts() {
        let mut screen = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let answer = ask_rating(&mut screen, Theme::PLAIN, inputs(vec![]).await, &mut || {
            Ok(())
        })
        .await
        .unwrap();
        assert_eq!(answer, None);
        let offer = ResumeOffer {
            title: "Morning back",
            step: 8,
            step_name: "Cat-cow",
            theme: Theme::PLAIN,
        };
        let keys = inputs(vec![key(KeyCode::Char('x')), key(KeyCode::Char('n'))]).await;
        let chosen = offer_resume(&mut screen, &offer, keys, &mut || Ok(()))
            .await
            .unwrap();
        assert_eq!(chosen, Some(Choice::FromTheStart));
        assert!(
            screen
                .backend()
                .to_string()
                .contains("Resume Morning back at step 9, Cat-cow?")
        );
    }
}
