//! Playing a routine: picks the front end and the sound for `run`, then drives the loop.

use crate::audio::{self, Silent, Speaker};
use crate::cli::{Failure, Mode, RunArgs};
use crate::config::Settings;
use crate::runtime::sound::Sound;
use crate::runtime::stream::{Stream, Style};
use crate::runtime::{self, Clock, Inputs, Outcome};
use crate::session::Plan;

/// Plays the routine `args` names, returning how the run ended.
pub fn run(args: &RunArgs) -> Result<Outcome, Failure> {
    let (name, routine) = crate::cli::resolve(&args.routine)?;
    let settings = Settings::load().map_err(Failure::Usage)?;
    let plan = Plan::new(&routine);
    let mode = args.mode();
    // Opened before any screen takes over, so nothing the device says can reach it.
    let (speaker, notice) = speaker(args, &settings);
    if let (Some(notice), Mode::Plain) = (&notice, mode) {
        eprintln!("supple: {notice}");
    }
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)?;
    let mut sound = Sound::new(speaker);
    let outcome = tokio.block_on(async {
        let (sender, inputs) = Inputs::channel();
        let clock = Clock::start(args.speed);
        match mode {
            Mode::Plain | Mode::Json | Mode::FullScreen => {
                runtime::lines::spawn_stdin_reader(sender);
                let style = if mode == Mode::Json {
                    Style::Json
                } else {
                    Style::Plain
                };
                let mut frontend = Stream::new(std::io::stdout(), style, &name);
                runtime::run(&plan, clock, &mut frontend, &mut sound, inputs).await
            }
        }
    });
    // Standard input's reader thread may still be blocked in a read: don't wait for it.
    tokio.shutdown_background();
    let outcome = outcome?;
    if outcome == Outcome::Finished {
        // Exiting drops the device and cuts the finished chime; let it ring out.
        std::thread::sleep(sound.speaker().ringing());
    }
    Ok(outcome)
}

/// The speaker for a run, and a notice to show once when sound was wanted but is not there.
fn speaker(args: &RunArgs, settings: &Settings) -> (Box<dyn Speaker>, Option<String>) {
    if args.mute {
        let mut silent = Silent::default();
        silent.set_muted(true);
        return (Box::new(silent), None);
    }
    let volume = f32::from(args.volume.unwrap_or(settings.volume)) / 100.0;
    match audio::open(volume, audio::user_dir().as_deref()) {
        Ok(mut speaker) => {
            speaker.set_muted(settings.mute);
            (Box::new(speaker), None)
        }
        // The device's own reason is long and technical; the fact is what matters here.
        Err(_) => (
            Box::new(Silent::default()),
            Some("no sound device, running silently".to_string()),
        ),
    }
}
