//! The breaks screen on the real terminal: draws the view when what it shows changes, turns
//! keys into requests, and plays a break in place through the player.

use std::time::Duration;

use ratatui::Terminal;

use super::{BreaksView, Look, next_minute, request};
use crate::breaks::{Breaks, Event, Front, Offer, Request};
use crate::runtime::{Clock, Cues, Input, Inputs, Outcome};
use crate::terminal::{self, Keys, SizedBackend};
use crate::ui::frontend::{self, Options};
use crate::ui::keys::{Key, key};
use crate::ui::run;
use crate::ui::theme::Theme;

type Screen = Terminal<SizedBackend>;

/// The full-screen front end of the breaks loop.
pub struct BreakScreen<'t> {
    screen: &'t mut Screen,
    keys: &'t Keys,
    theme: Theme,
    muted: bool,
    notice: Option<String>,
    /// What was last drawn (the look and the count of breaks); `None` forces the next draw.
    drawn: Option<(Look, u32)>,
}

impl<'t> BreakScreen<'t> {
    pub fn new(
        screen: &'t mut Screen,
        keys: &'t Keys,
        muted: bool,
        notice: Option<String>,
    ) -> Self {
        BreakScreen {
            screen,
            keys,
            theme: Theme::from_env(),
            muted,
            notice,
            drawn: None,
        }
    }

    fn draw(&mut self, breaks: &Breaks, offer: &Offer, now: Duration) -> anyhow::Result<()> {
        let look = Look::of(breaks, now);
        if self.drawn == Some((look, breaks.taken())) {
            return Ok(());
        }
        let view = BreaksView {
            look,
            what: &offer.what,
            every: breaks.every(),
            taken: breaks.taken(),
            notice: self.notice.as_deref(),
            theme: self.theme,
        };
        self.screen
            .draw(|frame| frame.render_widget(&view, frame.area()))?;
        self.drawn = Some((look, breaks.taken()));
        Ok(())
    }
}

impl Front for BreakScreen<'_> {
    fn inputs(&mut self) -> Inputs {
        self.keys.inputs()
    }

    fn give_back(&mut self, inputs: Inputs) {
        // Keys are a person's, pressed at one screen for that screen: none is carried over.
        drop(inputs);
    }

    fn show(
        &mut self,
        breaks: &Breaks,
        offer: &Offer,
        events: &[Event],
        now: Duration,
    ) -> anyhow::Result<()> {
        if events.is_empty() {
            return Ok(());
        }
        self.draw(breaks, offer, now)
    }

    fn handle(&mut self, _: &Breaks, input: Input) -> Option<Request> {
        match input {
            Input::Resize(..) => {
                self.drawn = None;
                None
            }
            Input::Key(event) if key(&event) == Some(Key::Suspend) => {
                // Back from the suspend, everything is drawn again.
                if terminal::suspend().is_ok() {
                    let _ = frontend::refresh(self.screen);
                }
                self.drawn = None;
                None
            }
            Input::Key(event) => request(&event),
            Input::Line(_) => None,
        }
    }

    fn wake_at(&self, breaks: &Breaks, now: Duration) -> Option<Duration> {
        breaks.due_in(now).map(|left| now + next_minute(left))
    }

    fn wake(
        &mut self,
        breaks: &Breaks,
        offer: &Offer,
        now: Duration,
    ) -> anyhow::Result<Option<Request>> {
        self.draw(breaks, offer, now)?;
        Ok(None)
    }

    async fn play(
        &mut self,
        offer: &Offer,
        clock: Clock,
        cues: &mut impl Cues,
    ) -> anyhow::Result<Outcome> {
        let options = Options {
            back_to: Some(crate::ui::summary::BackTo::Breaks),
            // The level the last break left it at: `v` in one break holds for the next.
            voice: cues.voice(),
            ..Options::from_env(self.muted, self.notice.clone())
        };
        let (outcome, muted) =
            run::play_in_place(self.screen, self.keys, &offer.plan, clock, cues, options).await?;
        self.muted = muted;
        frontend::refresh(self.screen)?;
        self.drawn = None;
        Ok(outcome)
    }
}
