//! The user's folders and settings: `$XDG_CONFIG_HOME/supple/` (else `~/.config/supple/`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Deserialize;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// Reads the settings file; a missing file means the defaults.
    pub fn load() -> Result<Settings, String> {
        match config_dir() {
            Some(dir) => Settings::load_from(&dir.join("config.json")),
            None => Ok(Settings::default()),
        }
    }

    pub fn load_from(path: &Path) -> Result<Settings, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Settings::default());
            }
            Err(error) => return Err(format!("{}: cannot read: {error}", path.display())),
        };
        let settings: Settings = serde_json::from_str(&text).map_err(|error| {
            format!(
                "{}:{}:{}: {}",
                path.display(),
                error.line(),
                error.column(),
                strip_position(&error.to_string())
            )
        })?;
        if settings.volume > 100 {
            return Err(format!(
                "{}: volume: must be a percentage from 0 to 100",
                path.display()
            ));
        }
        Ok(settings)
    }

    /// Volume as a gain from 0.0 to 1.0.
    pub fn gain(&self) -> f32 {
        f32::from(self.volume.min(100)) / 100.0
    }
}

/// serde_json ends its messages with " at line L column C"; the position is shown first.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |cut| &message[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Settings, String> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.json");
        std::fs::write(&path, text).expect("write");
        Settings::load_from(&path).map_err(|e| e.replace(&path.display().to_string(), "FILE"))
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
    fn mistakes_name_the_place_and_the_problem() {
        let error = load("{\n  \"volume\": 80,\n  \"mutе\": true\n}").unwrap_err();
        assert!(error.starts_with("FILE:3:"), "{error}");
        assert!(error.contains("unknown field"), "{error}");
        assert_eq!(
            load(r#"{"volume": 150}"#).unwrap_err(),
            "FILE: volume: must be a percentage from 0 to 100"
        );
    }
}
