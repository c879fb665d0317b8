//! Starting a day of breaks: the routine, the speaker and the signals, then the loop on the
//! full screen or as lines.

use std::time::Duration;

use super::alert::{Bell, SharedSpeaker, Signals};
use super::desktop::Desktop;
use super::front::Offer;
use super::input::Switch;
use super::last::HistoryTail;
use super::lines::Lines;
use super::{Day, run};
use crate::cli::{Failure, Mode};
use crate::config::Settings;
use crate::format::{length, printable};
use crate::history::log::Recorded;
use crate::history::resume::Resume;
use crate::history::{History, Notes};
use crate::play::Wanted;
use crate::runtime::Outcome;
use crate::runtime::sound::{SaidLog, Sound};
use crate::runtime::stream::Style;
use crate::session::Plan;

/// What `supple breaks` was asked for, settings already applied.
#[derive(Debug, Clone)]
pub struct Options {
    pub every: Duration,
    pub routine: String,
    pub mode: Mode,
    pub mute: bool,
    pub speed: f64,
}

pub fn start(options: &Options, settings: &Settings) -> Result<Outcome, Failure> {
    let (name, routine) = crate::cli::resolve(&options.routine)?;
    let plan = Plan::new(&routine);
    let offer = Offer {
        what: format!("{} ({})", printable(&routine.title), length(plan.total())),
        name,
        plan,
    };
    let mode = options.mode;
    // A break speaks as `supple run` would play its routine with the same settings.
    let wanted = Wanted {
        mute: options.mute,
        audible: options.speed == 1.0,
        ..Wanted::default()
    };
    let (speaker, speech, notice) = crate::play::sound(wanted, settings, mode);
    let speaker = SharedSpeaker::new(speaker);
    let said = SaidLog::default();
    let tokio = crate::runtime::executor::tokio().map_err(anyhow::Error::from)?;
    let outcome = crate::runtime::executor::block_on(&tokio, async {
        let mut alert = Signals {
            speaker: speaker.clone(),
            bell: match mode {
                Mode::FullScreen => Bell::Stdout,
                _ if std::io::IsTerminal::is_terminal(&std::io::stderr()) => Bell::Stderr,
                _ => Bell::None,
            },
            tmux: std::env::var_os("TMUX").is_some_and(|value| !value.is_empty()),
            desktop: Desktop::connect().await,
        };
        // Every break taken here is kept in the history like any other run.
        let history = settings.log.then(History::from_env).flatten();
        // Only a break's routine plays through them: the countdown sounds its alert alone.
        let mut cues = Recorded::new(
            Sound::with_speech(speaker.clone(), speech(said.clone())),
            Notes::new(&offer.name),
            history,
            Resume::from_env(),
        );
        let last = HistoryTail::from_env();
        let day = Day {
            every: options.every,
            speed: options.speed,
            offer,
            last: &last,
            alert: &mut alert,
            cues: &mut cues,
            today: || jiff::ZonedDateTime::now().date(),
        };
        let outcome = match mode {
            Mode::FullScreen => {
                let muted = speaker.0.borrow().is_muted();
                crate::ui::breaks(day, muted, notice).await
            }
            Mode::Plain | Mode::Json => {
                let style = if mode == Mode::Json {
                    Style::Json
                } else {
                    Style::Plain
                };
                let switch = Switch::default();
                switch.read_stdin();
                let mut front = Lines::new(std::io::stdout(), style, switch).with_said(said);
                run(&mut front, day).await
            }
        };
        // A break cut short by a signal is still kept.
        cues.finish(Outcome::Signalled);
        if let Some(warning) = cues.warning() {
            eprintln!("supple: {warning}");
        }
        outcome
    });
    // Standard input's reader thread may still be blocked in a read: don't wait for it.
    tokio.shutdown_background();
    Ok(outcome?)
}
