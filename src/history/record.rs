//! One line of the history: a session as it ended, exactly the fields of interface.md (v 1).

use serde::{Deserialize, Deserializer, Serialize};

/// The version written in every record's `v`.
pub const VERSION: u32 = 1;

/// How a session ended, as the history says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ending {
    Finished,
    Quit,
    /// A signal or a closed terminal.
    Interrupted,
}

impl Ending {
    pub fn as_str(self) -> &'static str {
        match self {
            Ending::Finished => "finished",
            Ending::Quit => "quit",
            Ending::Interrupted => "interrupted",
        }
    }
}

/// A session in the history. Serialized in the contract's field order; unknown fields are
/// ignored when read, so newer writers never make older readers fail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub v: u32,
    /// The routine's name (file stem, or e.g. `breathe:4-6`).
    pub routine: String,
    pub title: String,
    pub start: Stamp,
    pub end: Stamp,
    /// Planned seconds.
    pub planned: f64,
    /// Seconds of routine time, pauses excluded.
    pub active: f64,
    /// Seconds spent paused.
    pub paused: f64,
    pub steps: u32,
    pub completed: u32,
    pub skipped: u32,
    pub outcome: Ending,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "rating"
    )]
    pub before: Option<u8>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "rating"
    )]
    pub after: Option<u8>,
}

impl Record {
    /// The record as one line of JSON, without the newline.
    pub fn to_line(&self) -> String {
        // A struct of strings, numbers and enums always serializes.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads one line; an error says why it is not a record this version understands.
    pub fn from_line(line: &str) -> Result<Record, String> {
        let record: Record = serde_json::from_str(line).map_err(|error| error.to_string())?;
        if record.v != VERSION {
            return Err(format!("version {} is not known", record.v));
        }
        Ok(record)
    }

    /// The local day the session started on, as the person lived it.
    pub fn day(&self) -> jiff::civil::Date {
        self.start.date()
    }
}

/// A stiffness rating from 0 to 10; anything else makes the line unreadable.
fn rating<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u8>, D::Error> {
    let value = Option::<u8>::deserialize(deserializer)?;
    match value {
        Some(rating) if rating > 10 => Err(serde::de::Error::custom(format!(
            "a stiffness rating goes from 0 to 10, not {rating}"
        ))),
        other => Ok(other),
    }
}

/// A local time with its offset, RFC 3339 (`2026-12-01T07:30:05+01:00`), kept as written
/// so the day it names is the day the person lived, wherever they are now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Stamp {
    text: String,
    #[serde(skip)]
    at: jiff::Timestamp,
    #[serde(skip)]
    date: jiff::civil::Date,
}

impl Stamp {
    /// A local time, to the second.
    pub fn from_zoned(time: &jiff::ZonedDateTime) -> Stamp {
        let text = time.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
        Stamp {
            text,
            at: time.timestamp(),
            date: time.date(),
        }
    }

    pub fn parse(text: &str) -> Result<Stamp, String> {
        Stamp::from_text(text.to_string())
    }

    fn from_text(text: String) -> Result<Stamp, String> {
        let at: jiff::Timestamp = text
            .parse()
            .map_err(|error| format!("{text:?} is not a time with an offset: {error}"))?;
        // The local date is the text's own: RFC 3339 starts with it.
        let date: jiff::civil::Date = (text.get(..10))
            .and_then(|date| date.parse().ok())
            .ok_or_else(|| format!("{text:?} does not start with a date"))?;
        Ok(Stamp { text, at, date })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn timestamp(&self) -> jiff::Timestamp {
        self.at
    }

    /// The local date it names.
    pub fn date(&self) -> jiff::civil::Date {
        self.date
    }

    /// The time of day as written, `07:30`.
    pub fn clock(&self) -> &str {
        self.text.get(11..16).unwrap_or("")
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Stamp, D::Error> {
        // One allocation: the string read is the one kept.
        let text = String::deserialize(deserializer)?;
        Stamp::from_text(text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example line of "The history" in interface.md, byte for byte.
    const CONTRACT: &str = r#"{"v":1,"routine":"morning-back","title":"Morning back","start":"2026-12-01T07:30:05+01:00","end":"2026-12-01T07:48:10+01:00","planned":1060.0,"active":1043.2,"paused":21.0,"steps":12,"completed":11,"skipped":1,"outcome":"finished","before":6,"after":3}"#;

    fn example() -> Record {
        Record {
            v: 1,
            routine: "morning-back".into(),
            title: "Morning back".into(),
            start: Stamp::parse("2026-12-01T07:30:05+01:00").unwrap(),
            end: Stamp::parse("2026-12-01T07:48:10+01:00").unwrap(),
            planned: 1060.0,
            active: 1043.2,
            paused: 21.0,
            steps: 12,
            completed: 11,
            skipped: 1,
            outcome: Ending::Finished,
            before: Some(6),
            after: Some(3),
        }
    }

    #[test]
    fn a_record_is_written_exactly_as_the_contracts_example() {
        assert_eq!(example().to_line(), CONTRACT);
    }

    #[test]
    fn the_contracts_example_reads_field_by_field() {
        let record = Record::from_line(CONTRACT).unwrap();
        assert_eq!(record, example());
        let value: serde_json::Value = serde_json::from_str(&record.to_line()).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = vec![
            "v",
            "routine",
            "title",
            "start",
            "end",
            "planned",
            "active",
            "paused",
            "steps",
            "completed",
            "skipped",
            "outcome",
            "before",
            "after",
        ];
        expected.sort();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, expected);
        assert!(value["planned"].is_f64() && value["active"].is_f64() && value["paused"].is_f64());
        assert!(value["steps"].is_u64() && value["completed"].is_u64());
    }

    #[test]
    fn ratings_are_left_out_when_not_given() {
        let record = Record {
            before: None,
            after: None,
            ..example()
        };
        let line = record.to_line();
        assert!(
            !line.contains("before") && !line.contains("after"),
            "{line}"
        );
        assert_eq!(Record::from_line(&line).unwrap(), record);
    }

    #[test]
    fn every_outcome_is_named_as_the_contract_names_it() {
        for (ending, word) in [
            (Ending::Finished, "finished"),
            (Ending::Quit, "quit"),
            (Ending::Interrupted, "interrupted"),
        ] {
            let line = Record {
                outcome: ending,
                ..example()
            }
            .to_line();
            assert!(line.contains(&format!(r#""outcome":"{word}""#)), "{line}");
            assert_eq!(ending.as_str(), word);
        }
    }

    #[test]
    fn unknown_fields_are_ignored_when_read() {
        let line = CONTRACT.replace(r#""v":1,"#, r#""v":1,"mood":"good","#);
        assert_eq!(Record::from_line(&line).unwrap(), example());
    }

    #[test]
    fn lines_that_are_not_records_are_refused_with_a_reason() {
        for line in [
            "",
            "{",
            r#"{"v":1}"#,
            &CONTRACT.replace(r#""v":1"#, r#""v":2"#),
            &CONTRACT.replace(r#""before":6"#, r#""before":11"#),
            &CONTRACT.replace("2026-12-01T07:30:05+01:00", "yesterday"),
            &CONTRACT.replace(r#""finished""#, r#""won""#),
        ] {
            assert!(Record::from_line(line).is_err(), "{line}");
        }
    }

    #[test]
    fn a_stamp_keeps_the_local_day_and_the_instant() {
        let stamp = Stamp::parse("2026-12-01T00:30:00+09:00").unwrap();
        assert_eq!(stamp.date(), jiff::civil::date(2026, 12, 1));
        assert_eq!(stamp.timestamp().to_string(), "2026-11-30T15:30:00Z");
        assert_eq!(stamp.clock(), "00:30");
        let zoned: jiff::ZonedDateTime = "2026-12-01T07:30:05.25+01:00[+01:00]".parse().unwrap();
        assert_eq!(
            Stamp::from_zoned(&zoned).as_str(),
            "2026-12-01T07:30:05+01:00"
        );
    }
}
