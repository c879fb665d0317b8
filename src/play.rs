//! Playing a routine: picks the front end, the sound and the speech for `run`, then drives
//! the loop.

use crate::audio::{self, Silent, Speaker};
use crate::cli::{Failure, Mode, RunArgs};
use crate::config::{Settings, Voice};
use crate::runtime::sound::{SaidLog, Sound, Speech};
use crate::runtime::stream::{Stream, Style};
use crate::runtime::{self, Clock, Inputs, Outcome};
use crate::session::Plan;
use crate::speech::{self, cache::Cache};

/// Plays the routine `args` names, returning how the run ended.
pub fn run(args: &RunArgs) -> Result<Outcome, Failure> {
    let (name, routine) = crate::cli::resolve(&args.routine)?;
    let settings = Settings::load().map_err(Failure::Usage)?;
    let plan = Plan::new(&routine);
    let mode = args.mode();
    // Opened before any screen takes over, so nothing the device says can reach it.
    let (speaker, notice) = speaker(args.mute, args.volume, &settings);
    let (speech, speech_notice) = speech(args.voice, args.mute, args.speed == 1.0, &settings);
    let notice = notice.or(speech_notice);
    if let (Some(notice), Mode::Plain) = (&notice, mode) {
        eprintln!("supple: {notice}");
    }
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)?;
    let said = SaidLog::default();
    let mut sound = Sound::with_speech(speaker, speech(said.clone()));
    let outcome = tokio.block_on(async {
        let clock = Clock::start(args.speed);
        match mode {
            // The full screen: keys from the terminal, the player on it.
            Mode::FullScreen => {
                let muted = sound.speaker().is_muted();
                let mut options = crate::ui::Options::from_env(muted, notice);
                options.voice = runtime::Cues::voice(&sound);
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
                let mut frontend = Stream::new(std::io::stdout(), style, &name).with_said(said);
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
    let (speech, speech_notice) = speech(None, false, true, &settings);
    let notice = notice.or(speech_notice);
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)?;
    let mut sound = Sound::with_speech(speaker, speech(SaidLog::default()));
    let muted = sound.speaker().is_muted();
    let outcome = tokio.block_on(crate::ui::pick(&mut sound, muted, notice));
    // The key reader's thread may still be blocked in a read: don't wait for it.
    tokio.shutdown_background();
    Ok(outcome?)
}

/// Spoken guidance for a run (given where to leave what it says), and the notice to show
/// once when it needs a speech program that is not there.
fn speech(
    voice: Option<Voice>,
    mute: bool,
    audible: bool,
    settings: &Settings,
) -> (impl FnOnce(SaidLog) -> Speech, Option<String>) {
    let setup = speech::setup::setup(voice, settings, mute);
    let notice = setup.missing.then(|| speech::setup::MISSING.to_string());
    let cue_lens = audio::sounds::lengths(audio::user_dir().as_deref());
    let make = move |said| {
        Speech::new(
            setup.voice,
            setup.program,
            Cache::user(),
            cue_lens,
            audible,
            said,
        )
    };
    (make, notice)
}

/// The speaker for a run, and a notice to show once when sound was wanted but is not there.
fn speaker(
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
