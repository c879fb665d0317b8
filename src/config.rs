//! The user's folders and settings: `$XDG_CONFIG_HOME/supple/` (else `~/.config/supple/`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::format::printable;

mod lenient;

/// `~/.config/supple`, or `$XDG_CONFIG_HOME/supple` when that is set to an absolute path.
pub fn config_dir() -> Option<PathBuf> {
    xdg_dir("XDG_CONFIG_HOME", ".config")
}

/// `~/.local/state/supple`, or `$XDG_STATE_HOME/supple`: small files supple writes itself.
pub fn state_dir() -> Option<PathBuf> {
    xdg_dir("XDG_STATE_HOME", ".local/state")
}

/// `~/.local/share/supple`, or `$XDG_DATA_HOME/supple`: the history of sessions.
pub fn data_dir() -> Option<PathBuf> {
    xdg_dir("XDG_DATA_HOME", ".local/share")
}

/// `~/.cache/supple`, or `$XDG_CACHE_HOME/supple`: what can be made again (rendered speech).
pub fn cache_dir() -> Option<PathBuf> {
    xdg_dir("XDG_CACHE_HOME", ".cache")
}

fn xdg_dir(variable: &str, fallback: &str) -> Option<PathBuf> {
    xdg_dir_from(
        std::env::var_os(variable),
        etcetera::home_dir().ok(),
        fallback,
    )
}

/// `value/supple` when `value` (an XDG variable) is an absolute path, else
/// `home/fallback/supple`: the XDG spec says unset, empty and relative values are ignored.
/// `None` only when there is no home folder to fall back to.
fn xdg_dir_from(value: Option<OsString>, home: Option<PathBuf>, fallback: &str) -> Option<PathBuf> {
    let base = (value.map(PathBuf::from))
        .filter(|path| path.is_absolute())
        .or_else(|| Some(home?.join(fallback)))?;
    Some(base.join("supple"))
}

/// How much the player says out loud (`--voice`, the `voice` setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Voice {
    /// Nothing spoken: tones only.
    Off,
    /// The moves, the sides, rests and what comes next, halfway through long holds, the end.
    Names,
    /// As names, and also each step's cue.
    Full,
}

/// Settings from `config.json` in the config folder; every field is optional.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Start every run muted (the `m` key still unmutes).
    pub mute: bool,
    /// Cue volume in percent, 0 to 100.
    pub volume: u8,
    /// Spoken guidance; `None` means `names` when a speech program is available.
    pub voice: Option<Voice>,
    /// The speech program's voice name, e.g. `en-gb`.
    pub speech_voice: Option<String>,
    /// The speech program's words per minute.
    pub speech_rate: Option<u32>,
    /// `false` records nothing in the history.
    pub log: bool,
    /// `false` never asks for a stiffness rating.
    pub ask_stiffness: bool,
    /// The default interval of `supple breaks`, in the duration syntax of routine files.
    pub break_every: Option<String>,
    /// The default routine of `supple breaks`.
    pub break_routine: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            mute: false,
            volume: 80,
            voice: None,
            speech_voice: None,
            speech_rate: None,
            log: true,
            ask_stiffness: true,
            break_every: None,
            break_routine: None,
        }
    }
}

impl Settings {
    /// Reads the settings file; a missing file means the defaults. Never fails: what cannot be
    /// read is reported once on standard error and left at its default (see [`Settings::read`]).
    pub fn load() -> Result<Settings, String> {
        match Settings::file() {
            Some(path) => Settings::load_from(&path),
            None => Ok(Settings::default()),
        }
    }

    /// Where the settings are read from: `config.json` in the config folder.
    pub fn file() -> Option<PathBuf> {
        Some(config_dir()?.join("config.json"))
    }

    /// As [`Settings::load`], from `path`.
    pub fn load_from(path: &Path) -> Result<Settings, String> {
        let (settings, warnings) = Settings::read(path);
        warn_once(&warnings);
        Ok(settings)
    }

    /// Reads the settings file leniently: a file that is not JSON gives every default, a field
    /// of the wrong type or out of range gives that field's default, an unknown field is
    /// ignored. Each of these is a warning line naming the file, the line and column, and
    /// what is wrong in plain words.
    pub fn read(path: &Path) -> (Settings, Vec<String>) {
        let shown = printable(&path.display().to_string()).into_owned();
        match std::fs::read_to_string(path) {
            Ok(text) => lenient::read(&text, &shown),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                (Settings::default(), Vec::new())
            }
            Err(error) => (
                Settings::default(),
                vec![format!(
                    "{shown}: cannot read the settings ({error}); using the defaults"
                )],
            ),
        }
    }

    /// Volume as a gain from 0.0 to 1.0.
    pub fn gain(&self) -> f32 {
        f32::from(self.volume.min(100)) / 100.0
    }
}

/// Prints the settings warnings on standard error, the first time only: several parts of a
/// run load the settings, and one report is enough.
fn warn_once(warnings: &[String]) {
    static WARNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if warnings.is_empty() || WARNED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    for warning in warnings {
        eprintln!("supple: {warning}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Settings, String> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.json");
        std::fs::write(&path, text).expect("write");
        let (settings, warnings) = Settings::read(&path);
        match warnings.as_slice() {
            [] => Ok(settings),
            _ => Err(warnings
                .join("\n")
                .replace(&path.display().to_string(), "FILE")),
        }
    }

    #[test]
    fn folders_follow_the_xdg_variable_then_the_home_folder() {
        let home = Some(PathBuf::from("/home/ann"));
        let from = |value: Option<&str>, home: Option<PathBuf>| {
            xdg_dir_from(value.map(OsString::from), home, ".config")
        };
        let expected = |path: &str| Some(PathBuf::from(path));
        assert_eq!(from(Some("/cfg"), home.clone()), expected("/cfg/supple"));
        assert_eq!(from(Some("/cfg"), None), expected("/cfg/supple"));
        assert_eq!(
            from(None, home.clone()),
            expected("/home/ann/.config/supple")
        );
        assert_eq!(
            from(Some(""), home.clone()),
            expected("/home/ann/.config/supple")
        );
        assert_eq!(
            from(Some("relative/cfg"), home),
            expected("/home/ann/.config/supple")
        );
        assert_eq!(from(None, None), None);
    }

    #[test]
    fn a_missing_file_means_the_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(
            Settings::load_from(&dir.path().join("config.json")),
            Ok(Settings::default())
        );
    }

    #[test]
    fn fields_are_optional() {
        assert_eq!(
            load(r#"{"mute": true}"#),
            Ok(Settings {
                mute: true,
                ..Settings::default()
            })
        );
    }

    #[test]
    fn an_unreadable_file_is_reported_and_the_defaults_are_used() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (settings, warnings) = Settings::read(dir.path());
        assert_eq!(settings, Settings::default());
        assert!(
            warnings[0].contains("cannot read the settings"),
            "{warnings:?}"
        );
    }
}
