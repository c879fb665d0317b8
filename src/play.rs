//! Playing a routine: picks the front end, the sound and the speech for `run`, then drives
//! the loop.

use crate::audio::{self, Silent, Speaker};
use crate::cli::{Failure, Mode, PlayOptions, RunArgs};
use crate::config::{Settings, Voice};
use crate::format::printable;
use crate::history::asking::Asking;
use crate::history::log::Recorded;
use crate::history::resume::{Point, Resume};
use crate::history::{History, Notes};
use crate::routine::Routine;
use crate::runtime::sound::{SaidLog, Sound, Speech};
use crate::runtime::stream::{Stream, Style};
use crate::runtime::{self, Clock, Inputs, Outcome};
use crate::session::Plan;
use crate::speech::{self, cache::Cache};

mod sound;

use sound::Told;
pub(crate) use sound::{Wanted, sound};

/// Plays the routine `args` names, returning how the run ended.
pub fn run(args: &RunArgs) -> Result<Outcome, Failure> {
    let (name, routine) = crate::cli::resolve(&args.routine)?;
    play(&name, &routine, &args.options)
}

/// Plays an already-built routine with `run`'s options, recorded in the history under
/// `name` (e.g. `morning-back`, `breathe:4-6`): the one path `run`, `breathe` and the like
/// share.
pub fn play(name: &str, routine: &Routine, args: &PlayOptions) -> Result<Outcome, Failure> {
    let settings = Settings::load().map_err(Failure::Usage)?;
    let mut plan = Plan::new(routine);
    if let Some(from) = &args.from {
        let step = from_step(&plan, from)?;
        plan = plan.starting_at(step);
    }
    let mode = args.mode();
    let notes = Notes::new(name);
    notes.set_before(args.before.map(|rating| rating.min(10)));
    // Only the full screen shows the practice; the others need no history read.
    let (practice, warnings) = if mode == Mode::FullScreen {
        crate::ui::practice::Practice::load(&settings, &notes, args.before.is_some())
    } else {
        if args.before.is_some() {
            Asking::from_env(settings.ask_stiffness).answered();
        }
        Default::default()
    };
    let resume = Resume::from_env();
    let offer = match &args.from {
        None => resume.offer_now(name, &plan.routine.steps),
        Some(_) => None,
    };
    let wanted = Wanted {
        mute: args.mute,
        volume: args.volume,
        voice: args.voice,
        audible: args.speed == 1.0,
    };
    let (speaker, speech, notice) = sound(wanted, &settings, mode);
    if mode != Mode::FullScreen {
        crate::ui::safety::print_if_due();
    }
    let tokio = crate::runtime::executor::tokio().map_err(anyhow::Error::from)?;
    if let (Some(point), Mode::Plain | Mode::Json) = (&offer, mode) {
        let text = resume_hint(name, &plan, point);
        if mode == Mode::Json {
            eprintln!("supple: {text}");
        } else {
            println!("{text}");
        }
    }
    let history = log_to(args, &settings);
    let said = SaidLog::default();
    let mut sound = Recorded::new(
        Sound::with_speech(speaker, speech(said.clone())),
        notes,
        history,
        resume,
    );
    let outcome = crate::runtime::executor::block_on(&tokio, async {
        let clock = Clock::start(args.speed);
        match mode {
            // The full screen: keys from the terminal, the player on it.
            Mode::FullScreen => {
                let muted = sound.cues().speaker().is_muted();
                let mut options = crate::ui::Options::from_env(muted, notice);
                options.practice = practice;
                options.practice.resume = offer.map(|point| point.step);
                options.voice = runtime::Cues::voice(&sound);
                crate::ui::play(&plan, clock, &mut sound, options).await
            }
            Mode::Plain | Mode::Json => {
                let (sender, mut inputs) = Inputs::channel();
                runtime::lines::spawn_stdin_reader(sender);
                let style = if mode == Mode::Json {
                    Style::Json
                } else {
                    Style::Plain
                };
                let mut frontend = Stream::new(std::io::stdout(), style, name).with_said(said);
                runtime::run(&plan, clock, &mut frontend, &mut sound, &mut inputs).await
            }
        }
    });
    // Standard input's reader thread may still be blocked in a read: don't wait for it.
    tokio.shutdown_background();
    // However the run ended, even by an error, what was done is recorded.
    sound.finish(*outcome.as_ref().unwrap_or(&Outcome::Signalled));
    for warning in warnings {
        eprintln!("supple: {warning}");
    }
    if let Some(warning) = sound.warning() {
        eprintln!("supple: {warning}");
    }
    let outcome = outcome?;
    if outcome == Outcome::Finished {
        // Exiting drops the device and cuts the finished chime; let it ring out.
        std::thread::sleep(sound.cues().speaker().ringing());
    }
    Ok(outcome)
}

/// The history to record in: none with `--no-log` or `log: false`.
fn log_to(args: &PlayOptions, settings: &Settings) -> Option<History> {
    if args.no_log || !settings.log {
        None
    } else {
        History::from_env()
    }
}

/// The step `--from` names, or a message listing the steps.
fn from_step(plan: &Plan, from: &str) -> Result<usize, Failure> {
    plan.find_step(from).ok_or_else(|| {
        let steps: Vec<String> = (plan.routine.steps.iter().enumerate())
            .map(|(i, step)| format!("  {:>2}  {}", i + 1, printable(&step.name)))
            .collect();
        Failure::Usage(format!(
            "--from {}: no step has that number or a name containing it; the steps of {} are:\n{}",
            printable(from),
            printable(&plan.routine.title),
            steps.join("\n")
        ))
    })
}

/// What a plain or JSON run says when the last run stopped early.
fn resume_hint(name: &str, plan: &Plan, point: &Point) -> String {
    format!(
        "{} stopped at step {}, {}; to pick up there: {} --from {}",
        printable(&plan.routine.title),
        point.step + 1,
        printable(&point.name),
        command_for(name),
        point.step + 1
    )
}

/// The command that plays the session recorded as `name` again: a `breathe:PATTERN`
/// session is no routine `run` could find.
fn command_for(name: &str) -> String {
    match name.strip_prefix("breathe:") {
        Some(pattern) => format!("supple breathe {}", printable(pattern)),
        None => format!("supple run {}", printable(name)),
    }
}

/// `supple` with no command: the full-screen picker; each routine picked plays full screen.
pub fn pick() -> Result<Outcome, Failure> {
    let settings = Settings::load().map_err(Failure::Usage)?;
    let (speaker, speech, notice) = sound(Wanted::default(), &settings, Mode::FullScreen);
    let tokio = crate::runtime::executor::tokio().map_err(anyhow::Error::from)?;
    let notes = Notes::default();
    let (practice, warnings) = crate::ui::practice::Practice::load(&settings, &notes, false);
    let history = (settings.log).then(History::from_env).flatten();
    let mut sound = Recorded::new(
        Sound::with_speech(speaker, speech(SaidLog::default())),
        notes,
        history,
        Resume::from_env(),
    );
    let muted = sound.cues().speaker().is_muted();
    let outcome = crate::runtime::executor::block_on(
        &tokio,
        crate::ui::pick(&mut sound, muted, notice, practice),
    );
    // The key reader's thread may still be blocked in a read: don't wait for it.
    tokio.shutdown_background();
    // A run cut short by an error is still kept (the picker keeps the others itself).
    sound.finish(Outcome::Signalled);
    for warning in warnings {
        eprintln!("supple: {warning}");
    }
    if let Some(warning) = sound.warning() {
        eprintln!("supple: {warning}");
    }
    Ok(outcome?)
}

/// Spoken guidance for a run (given where to leave what it says), and what to tell once
/// about it.
fn speech(
    voice: Option<Voice>,
    mute: bool,
    audible: bool,
    settings: &Settings,
) -> (impl FnOnce(SaidLog) -> Speech, Told) {
    let setup = speech::setup::setup(voice, settings, mute);
    let told = Told {
        missing: setup.missing.then(|| speech::setup::MISSING.to_string()),
        unknown_voice: setup.unknown_voice.clone(),
    };
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
    (make, told)
}

/// The speaker for a run, and a notice to show once when sound was wanted but is not there.
pub(crate) fn speaker(
    mute: bool,
    volume: Option<u8>,
    settings: &Settings,
) -> (Box<dyn Speaker>, Option<String>) {
    let volume = f32::from(volume.unwrap_or(settings.volume)) / 100.0;
    let open = move || audio::open(volume, audio::user_dir().as_deref());
    // A muted run opens the device only if `m` brings the sound in, so it never loads the
    // audio libraries for nothing; a device missing then is said as the sound is wanted.
    if mute || settings.mute {
        let open = move || match open() {
            Ok(speaker) => Ok(Box::new(speaker) as Box<dyn Speaker>),
            Err(missing) => {
                audio::health::mark_missing();
                Err(missing)
            }
        };
        return (Box::new(audio::OpenOnUnmute::new(Box::new(open))), None);
    }
    match open() {
        Ok(speaker) => (Box::new(speaker), None),
        // The device's own reason is long and technical; the fact is what matters here.
        Err(_) => (
            Box::new(Silent::default()),
            Some(audio::health::NO_DEVICE.to_string()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::command_for;

    #[test]
    fn the_resume_hint_names_a_command_that_plays_the_session_again() {
        assert_eq!(command_for("morning-back"), "supple run morning-back");
        assert_eq!(command_for("breathe:4-7-8"), "supple breathe 4-7-8");
    }
}
