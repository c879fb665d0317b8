//! Playing a routine: picks the front end and the sound for `run`, then drives the loop.

use crate::audio::{self, Silent, Speaker};
use crate::cli::{Failure, Mode, PlayOptions, RunArgs};
use crate::config::Settings;
use crate::routine::Routine;
use crate::runtime::sound::Sound;
use crate::runtime::stream::{Stream, Style};
use crate::runtime::{self, Clock, Inputs, Outcome};
use crate::session::Plan;

/// Plays the routine `args` names, returning how the run ended.
pub fn run(args: &RunArgs) -> Result<Outcome, Failure> {
    let (name, routine) = crate::cli::resolve(&args.routine)?;
    play(&name, &routine, &args.options)
}

/// Plays an already-built routine under `name` (what `--json` and the history call it):
/// the one path `run`, `breathe` and the like share.
pub fn play(name: &str, routine: &Routine, args: &PlayOptions) -> Result<Outcome, Failure> {
    let settings = Settings::load().map_err(Failure::Usage)?;
    let plan = Plan::new(routine);
    let mode = args.mode();
    // Opened before any screen takes over, so nothing the device says can reach it.
    let (speaker, notice) = speaker(args.mute, args.volume, &settings);
    if let (Some(notice), Mode::Plain) = (&notice, mode) {
        eprintln!("supple: {notice}");
    }
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)?;
    let mut sound = Sound::new(speaker);
    let outcome = tokio.block_on(async {
        let clock = Clock::start(args.speed);
        match mode {
            // The full screen: keys from the terminal, the player on it.
            Mode::FullScreen => {
                let muted = sound.speaker().is_muted();
                let options = crate::ui::Options::from_env(muted, notice);
                crate::ui::play(&plan, clock, &mut sound, options).await
            }
            Mode::Plain | Mode::Json => {
                let (sender, inputs) = Inputs::channel();
                runtime::lines::spawn_stdin_reader(sender);
                let style = if mode == Mode::Json {
                    Style::Json
                } else {
                    Style::Plain
                };
                let mut frontend = Stream::new(std::io::stdout(), style, name);
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

/// `supple` with no command: the full-screen picker; each routine picked plays full screen.
pub fn pick() -> Result<Outcome, Failure> {
    let settings = Settings::load().map_err(Failure::Usage)?;
    let (speaker, notice) = speaker(false, None, &settings);
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)?;
    let mut sound = Sound::new(speaker);
    let muted = sound.speaker().is_muted();
    let outcome = tokio.block_on(crate::ui::pick(&mut sound, muted, notice));
    // The key reader's thread may still be blocked in a read: don't wait for it.
    tokio.shutdown_background();
    Ok(outcome?)
}

/// The speaker for a run, and a notice to show once when sound was wanted but is not there.
pub(crate) fn speaker(
    mute: bool,
    volume: Option<u8>,
    settings: &Settings,
) -> (Box<dyn Speaker>, Option<String>) {
    if mute {
        let mut silent = Silent::default();
        silent.set_muted(true);
        return (Box::new(silent), None);
    }
    let volume = f32::from(volume.unwrap_or(settings.volume)) / 100.0;
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
