//! Playing a routine: picks the front end and the sound for `run`, then drives the loop.

use crate::cli::{Failure, Mode, RunArgs};
use crate::runtime::stream::{Stream, Style};
use crate::runtime::{self, Clock, Inputs, Outcome, Silence};
use crate::session::Plan;

/// Plays the routine `args` names, returning how the run ended.
pub fn run(args: &RunArgs) -> Result<Outcome, Failure> {
    let (name, routine) = crate::cli::resolve(&args.routine)?;
    let plan = Plan::new(&routine);
    let mode = args.mode();
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)?;
    let outcome = tokio.block_on(async {
        let clock = Clock::start(args.speed);
        let mut cues = Silence;
        match mode {
            // The full screen: keys from the terminal, the player on it.
            Mode::FullScreen => {
                let options = crate::ui::Options::from_env(args.mute, None);
                crate::ui::play(&plan, clock, &mut cues, options).await
            }
            Mode::Plain | Mode::Json => {
                let (sender, inputs) = Inputs::channel();
                runtime::lines::spawn_stdin_reader(sender);
                let style = if mode == Mode::Json {
                    Style::Json
                } else {
                    Style::Plain
                };
                let mut frontend = Stream::new(std::io::stdout(), style, &name);
                runtime::run(&plan, clock, &mut frontend, &mut cues, inputs).await
            }
        }
    });
    // Standard input's reader thread may still be blocked in a read: don't wait for it.
    tokio.shutdown_background();
    Ok(outcome?)
}

/// `supple` with no command: the full-screen picker; each routine picked plays full screen.
pub fn pick() -> Result<Outcome, Failure> {
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)?;
    let mut cues = Silence;
    let outcome = tokio.block_on(crate::ui::pick(&mut cues, || {
        crate::ui::Options::from_env(false, None)
    }));
    // The key reader's thread may still be blocked in a read: don't wait for it.
    tokio.shutdown_background();
    Ok(outcome?)
}
