//! Reading `config.json` field by field, so that one mistake costs only that field.

use serde_json::{Map, Value};

use super::Settings;
use crate::format::printable;

/// A 1-based line and column.
type Spot = (usize, usize);

/// What each setting takes, in words, for the warnings (a field missing here gets serde's).
const TAKES: &[(&str, &str)] = &[
    ("mute", "true or false"),
    ("volume", "a whole number from 0 to 100 (percent)"),
    ("voice", "\"off\", \"names\" or \"full\""),
    (
        "speech_voice",
        "the speech program's voice name in quotes, like \"en-gb\"",
    ),
    (
        "speech_rate",
        "a whole number of words per minute, like 170",
    ),
    ("log", "true or false"),
    ("ask_stiffness", "true or false"),
    ("break_every", "a duration in quotes, like \"90m\""),
    (
        "break_routine",
        "a routine's name in quotes, like \"movement-break\"",
    ),
];

/// The settings in `text`, and a warning line for each part that could not be used.
/// `file` names the file in the warnings.
pub(super) fn read(text: &str, file: &str) -> (Settings, Vec<String>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let object = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => {
            let warning = format!(
                "{file}: the settings must be a JSON object, like {{ \"volume\": 60 }}; \
                 using the defaults"
            );
            return (Settings::default(), vec![warning]);
        }
        Err(error) => {
            let raw = error.to_string();
            let what = raw
                .rfind(" at line ")
                .map_or(raw.as_str(), |cut| &raw[..cut]);
            let warning = format!(
                "{file}:{}:{}: the settings are not valid JSON ({what}); using the defaults \
                 for all of them until this is fixed",
                error.line(),
                error.column()
            );
            return (Settings::default(), vec![warning]);
        }
    };
    let defaults = serde_json::to_value(Settings::default()).unwrap_or_default();
    let known: Vec<&str> = defaults
        .as_object()
        .map(|fields| fields.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let mut good = Map::new();
    let mut warnings = Vec::new();
    // In the file's order, so the warnings read top to bottom.
    let mut fields: Vec<(Option<Spot>, &String, &Value)> = (object.iter())
        .map(|(key, value)| (position(text, key), key, value))
        .collect();
    fields.sort_by_key(|(at, _, _)| at.unwrap_or((usize::MAX, 0)));
    for (at, key, value) in fields {
        let at = at.map_or(String::new(), |(l, c)| format!(":{l}:{c}"));
        let shown_key = printable(key);
        if !known.contains(&key.as_str()) {
            let advice = match closest(key, &known) {
                Some(close) => format!("did you mean \"{close}\"?"),
                None => format!("the settings are {}", known.join(", ")),
            };
            warnings.push(format!(
                "{file}{at}: there is no setting \"{shown_key}\" ({advice}); it is ignored"
            ));
            continue;
        }
        let alone = Value::Object(Map::from_iter([(key.clone(), value.clone())]));
        let fits = serde_json::from_value::<Settings>(alone)
            .map_err(|error| error.to_string())
            .and_then(|settings| in_range(&settings, key));
        match fits {
            Ok(()) => {
                good.insert(key.clone(), value.clone());
            }
            Err(serde_says) => {
                let takes = (TAKES.iter())
                    .find(|(field, _)| field == key)
                    .map_or(serde_says, |(_, takes)| takes.to_string());
                let default = match defaults.get(key) {
                    Some(Value::Null) | None => "none".to_string(),
                    Some(value) => value.to_string(),
                };
                warnings.push(format!(
                    "{file}{at}: \"{shown_key}\" takes {takes}, not {}; using the default ({default})",
                    printable(&short(value))
                ));
            }
        }
    }
    // Every field left was read alone without a problem, so together they read too.
    let settings = serde_json::from_value(Value::Object(good)).unwrap_or_default();
    (settings, warnings)
}

/// Ranges the field's type does not hold by itself.
fn in_range(settings: &Settings, key: &str) -> Result<(), String> {
    match key {
        "volume" if settings.volume > 100 => Err("at most 100".into()),
        "speech_rate" if settings.speech_rate == Some(0) => Err("at least 1".into()),
        _ => Ok(()),
    }
}

/// The 1-based line and column of the first `"key":` in the text.
fn position(text: &str, key: &str) -> Option<Spot> {
    let quoted = serde_json::to_string(key).ok()?;
    let at = text
        .match_indices(&quoted)
        .map(|(at, _)| at)
        .find(|&at| text[at + quoted.len()..].trim_start().starts_with(':'))?;
    let before = &text[..at];
    let line = 1 + before.matches('\n').count();
    let column = 1 + before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count();
    Some((line, column))
}

/// The closest known setting, if it is close enough to be a slip of the keyboard.
fn closest<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    let key = key.to_lowercase();
    (known.iter())
        .map(|name| (strsim::damerau_levenshtein(&key, name), *name))
        .filter(|(distance, name)| *distance <= (name.chars().count() / 3).max(1))
        .min()
        .map(|(_, name)| name)
}

/// A value as JSON, cut short: it is quoted in a one-line warning.
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Voice;

    #[test]
    fn a_file_that_is_not_json_gives_every_default_and_says_where() {
        let (settings, warnings) = read("{\n  \"volume\": 40,\n  \"mute\" true\n}", "F");
        assert_eq!(settings, Settings::default());
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("F:3:10: the settings are not valid JSON"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_field_of_the_wrong_type_gets_its_default_and_the_others_are_kept() {
        let text = "{\n  \"mute\": true,\n  \"volume\": \"loud\",\n  \"voice\": \"whisper\"\n}";
        let (settings, warnings) = read(text, "F");
        assert_eq!(
            settings,
            Settings {
                mute: true,
                ..Settings::default()
            }
        );
        assert_eq!(
            warnings,
            [
                "F:3:3: \"volume\" takes a whole number from 0 to 100 (percent), not \"loud\"; \
                 using the default (80)",
                "F:4:3: \"voice\" takes \"off\", \"names\" or \"full\", not \"whisper\"; using \
                 the default (none)",
            ]
        );
    }

    #[test]
    fn out_of_range_values_get_the_default() {
        let (settings, warnings) = read(r#"{"volume": 150, "speech_rate": 0, "log": false}"#, "F");
        assert_eq!(settings.volume, 80);
        assert_eq!(settings.speech_rate, None);
        assert!(!settings.log);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("\"volume\" takes a whole number from 0 to 100"));
    }

    #[test]
    fn an_unknown_field_is_ignored_with_the_closest_name() {
        let (settings, warnings) = read("{\"valume\": 30, \"voice\": \"full\"}", "F");
        assert_eq!(settings.voice, Some(Voice::Full));
        assert_eq!(settings.volume, 80);
        assert_eq!(
            warnings,
            ["F:1:2: there is no setting \"valume\" (did you mean \"volume\"?); it is ignored"]
        );
        let (_, warnings) = read("{\"colour\": 1}", "F");
        assert!(
            warnings[0].contains("the settings are ask_stiffness, "),
            "{warnings:?}"
        );
    }

    #[test]
    fn text_from_the_file_cannot_reach_the_terminal_as_control_sequences() {
        let (_, warnings) = read("{\"\\u001b[2J\": 1, \"voice\": \"\\u001b[31m\"}", "F");
        assert_eq!(warnings.len(), 2);
        assert!(
            warnings.iter().all(|w| !w.contains('\u{1b}')),
            "{warnings:?}"
        );
    }

    #[test]
    fn null_leaves_an_optional_setting_unset_and_a_required_one_at_its_default() {
        let (settings, warnings) = read(r#"{"voice": null, "mute": null}"#, "F");
        assert_eq!(settings, Settings::default());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("\"mute\" takes true or false, not null"));
    }
}
