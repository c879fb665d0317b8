//! How much to say, and with what: the voice level from the command line, the settings and
//! whether a speech program is there; and a whole routine's speech for an export.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::cache::Cache;
use super::{Bank, Program, Schedule};
use crate::config::{Settings, Voice};
use crate::format::printable;

/// Said once when speech was wanted (or would be by default) but there is no program.
pub const MISSING: &str = "spoken names need espeak-ng, which is not installed";

/// The speech side of a run or an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    pub voice: Voice,
    pub program: Option<Program>,
    /// Speech was asked for, or would be the default, but there is no speech program.
    pub missing: bool,
    /// The settings name a voice the program does not have: what to tell, once. The program
    /// then speaks in its own default voice.
    pub unknown_voice: Option<String>,
}

/// `--voice`, else the settings' `voice`, else `names` when a speech program is there. With
/// `--mute` and no `--voice`, nothing is said (no sound at all).
pub fn setup(explicit: Option<Voice>, settings: &Settings, mute: bool) -> Setup {
    let program = Program::find(settings.speech_voice.clone(), settings.speech_rate);
    let mut setup = choose(explicit, settings.voice, mute, program);
    // Checked even at `off`: `v` can bring the speech in later, and it must be heard then.
    if let Some(program) = &mut setup.program
        && program.refuses_voice()
        && let Some(voice) = program.voice.take()
    {
        let file = Settings::file().map(|path| path.display().to_string());
        setup.unknown_voice = Some(unknown_voice(&voice, &program.path, file.as_deref()));
    }
    setup
}

/// What to tell when the settings' `speech_voice` is no voice of the program's: what is
/// wrong, where, and what to do; nothing from the file reaches the terminal unescaped.
fn unknown_voice(voice: &str, program: &Path, file: Option<&str>) -> String {
    let name = program.file_name().map_or_else(
        || program.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let name = printable(&name);
    let file = printable(file.unwrap_or("the settings file"));
    format!(
        "speech_voice \"{}\" in {file} is not a voice {name} has, so it speaks in its \
         default voice; `{name} --voices` lists the voices to choose from",
        printable(voice)
    )
}

fn choose(
    explicit: Option<Voice>,
    setting: Option<Voice>,
    mute: bool,
    program: Option<Program>,
) -> Setup {
    let wanted = match explicit {
        Some(voice) => voice,
        None if mute => Voice::Off,
        None => setting.unwrap_or(Voice::Names),
    };
    let missing = wanted != Voice::Off && program.is_none();
    // The default falls back to tones only; an explicit level still gives its `say` events.
    let voice = if missing && explicit.or(setting).is_none() {
        Voice::Off
    } else {
        wanted
    };
    Setup {
        voice,
        program,
        missing,
        unknown_voice: None,
    }
}

/// Phrases as an export mixes them: each one's start (routine time) and samples.
pub type Spoken = Vec<(Duration, Arc<[f32]>)>;

/// Every phrase of `schedule` said at `voice`, rendered now: its start and samples. A phrase
/// that could not be rendered is left out; the reason, once, comes back with them.
pub fn render_all(
    schedule: &Schedule,
    voice: Voice,
    program: &Program,
    cache: Option<&Cache>,
) -> (Spoken, Option<String>) {
    if voice == Voice::Off {
        return (Vec::new(), None);
    }
    let wanted: Vec<String> = schedule.texts();
    let (bank, failure) = Bank::render_now(program, cache, wanted);
    let spoken = schedule
        .placed
        .iter()
        .chain(&schedule.closing)
        .filter_map(|placed| {
            let words = placed.words(voice, |text| bank.len(text))?;
            Some((placed.at, bank.get(words)?))
        })
        .collect();
    (spoken, failure)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program() -> Option<Program> {
        Some(Program {
            path: "/usr/bin/espeak-ng".into(),
            voice: None,
            rate: None,
            limit: crate::speech::program::TIME_LIMIT,
        })
    }

    #[test]
    fn the_default_is_names_when_there_is_a_program_and_off_when_not() {
        assert_eq!(choose(None, None, false, program()).voice, Voice::Names);
        let without = choose(None, None, false, None);
        assert_eq!(without.voice, Voice::Off);
        assert!(without.missing, "the notice still says why");
    }

    #[test]
    fn the_command_line_wins_over_the_settings() {
        let setup = choose(Some(Voice::Full), Some(Voice::Off), false, program());
        assert_eq!(setup.voice, Voice::Full);
        assert_eq!(
            choose(None, Some(Voice::Off), false, program()).voice,
            Voice::Off
        );
        assert!(!choose(None, Some(Voice::Off), false, None).missing);
    }

    #[test]
    fn an_explicit_level_without_a_program_still_says_its_words() {
        let setup = choose(Some(Voice::Names), None, false, None);
        assert_eq!(setup.voice, Voice::Names);
        assert!(setup.missing);
    }

    #[test]
    fn an_unknown_voice_says_what_where_and_what_to_do_with_nothing_unescaped() {
        let said = unknown_voice(
            "en-\u{1b}[31mxx",
            Path::new("/usr/bin/espeak-ng"),
            Some("/home/a/.config/supple/config.json"),
        );
        assert!(
            said.starts_with("speech_voice \"en-")
                && said.contains(
                    "xx\" in /home/a/.config/supple/config.json is not a voice espeak-ng has"
                ),
            "{said}"
        );
        assert!(said.contains("`espeak-ng --voices`"), "{said}");
        assert!(!said.contains('\u{1b}'), "{said:?}");
        // On a narrow screen the notice line keeps its first clause: what is wrong, and where.
        let (first, _) = said.split_once(", ").expect("clauses");
        assert!(first.ends_with("espeak-ng has"), "{first}");
    }

    #[test]
    fn mute_says_nothing_unless_a_level_is_asked_for() {
        assert_eq!(
            choose(None, Some(Voice::Full), true, program()).voice,
            Voice::Off
        );
        assert_eq!(
            choose(Some(Voice::Names), None, true, program()).voice,
            Voice::Names
        );
    }
}
