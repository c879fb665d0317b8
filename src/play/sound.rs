//! The sound of a run or of a day of breaks, set up once for both: the speaker, the spoken
//! guidance, and who is told what about either, once.

use super::{speaker, speech};
use crate::audio::Speaker;
use crate::cli::Mode;
use crate::config::{Settings, Voice};
use crate::runtime::sound::{SaidLog, Speech};

/// What a run (or a day of breaks) asks of its sound, from its command line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Wanted {
    pub mute: bool,
    pub volume: Option<u8>,
    /// `--voice`; `None` leaves it to the settings.
    pub voice: Option<Voice>,
    /// At speed 1 only: sped up, phrases are written but not heard.
    pub audible: bool,
}

impl Default for Wanted {
    fn default() -> Self {
        Wanted {
            mute: false,
            volume: None,
            voice: None,
            audible: true,
        }
    }
}

/// The speaker and the spoken guidance of a run or of a day of breaks, opened before any
/// screen takes over, so nothing the device says can reach it. What a line front end must
/// hear once is said on standard error now; what the full screen shows once comes back.
pub(crate) fn sound(
    wanted: Wanted,
    settings: &Settings,
    mode: Mode,
) -> (
    Box<dyn Speaker>,
    impl FnOnce(SaidLog) -> Speech,
    Option<String>,
) {
    let (speaker, device) = speaker(wanted.mute, wanted.volume, settings);
    let (speech, told) = speech(wanted.voice, wanted.mute, wanted.audible, settings);
    let (lines, notice) = tell(device, speaker.is_muted(), told, mode);
    for line in lines {
        eprintln!("supple: {line}");
    }
    (speaker, speech, notice)
}

/// What the speech has to tell once: no speech program, or a voice it does not have.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Told {
    pub(super) missing: Option<String>,
    pub(super) unknown_voice: Option<String>,
}

/// Who hears what of the device's and the speech's news: the lines for standard error, and
/// the full screen's notice.
fn tell(
    device: Option<String>,
    muted: bool,
    told: Told,
    mode: Mode,
) -> (Vec<String>, Option<String>) {
    match mode {
        // One line at a time: with no device nothing is heard, voice or not, so it comes
        // first. An unknown voice is the next run's news, once the sound is there.
        Mode::FullScreen => (Vec::new(), device.or(told.missing).or(told.unknown_voice)),
        Mode::Plain | Mode::Json => {
            // No device is news only to a run that wants sound; a missing program is news
            // to a plain run either way. A mistake in the settings is everyone's news.
            let said = device.filter(|_| !muted).or(told.missing);
            let plain = (mode == Mode::Plain).then_some(said).flatten();
            (plain.into_iter().chain(told.unknown_voice).collect(), None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_voice_is_told_on_standard_error_to_lines_and_on_the_notice_line_full_screen() {
        let voice = || Told {
            missing: None,
            unknown_voice: Some("speech_voice \"xx\" in config.json is not a voice".into()),
        };
        let wrong = voice().unknown_voice;
        for mode in [Mode::Plain, Mode::Json] {
            let (lines, notice) = tell(None, false, voice(), mode);
            assert_eq!(
                lines,
                wrong.clone().into_iter().collect::<Vec<_>>(),
                "{mode:?}"
            );
            assert_eq!(notice, None);
        }
        assert_eq!(tell(None, true, voice(), Mode::FullScreen), (vec![], wrong));
    }

    #[test]
    fn no_device_is_news_to_plain_runs_that_want_sound_and_comes_first_on_the_full_screen() {
        let device = || Some("no sound device, running silently".to_string());
        let voice = Told {
            missing: None,
            unknown_voice: Some("speech_voice …".into()),
        };
        let (lines, _) = tell(device(), false, voice.clone(), Mode::Plain);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let (lines, _) = tell(device(), true, voice.clone(), Mode::Plain);
        assert_eq!(lines, ["speech_voice …"]);
        assert_eq!(
            tell(device(), false, Told::default(), Mode::Json).0.len(),
            0
        );
        assert_eq!(tell(device(), false, voice, Mode::FullScreen).1, device());
        let missing = Told {
            missing: Some("spoken names need espeak-ng".into()),
            unknown_voice: None,
        };
        let (lines, _) = tell(None, true, missing, Mode::Plain);
        assert_eq!(lines, ["spoken names need espeak-ng"]);
    }
}
