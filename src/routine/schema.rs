//! The JSON Schema of routine files (`supple schema`), generated from types that mirror the format page.
//!
//! The parser (`file::rules`) reads JSON by hand so that every problem gets a position and
//! plain words; these types only describe the same rules for editors. A test keeps
//! `docs/routine.schema.json` identical to [`json`], and checks the built-in routines and the
//! fixtures against it. Rules a schema cannot express (a string duration of at most 24 hours,
//! a field given twice, the limit on timed phases) are left to the parser.

#![allow(dead_code)] // The fields are never read: the types exist for their schema.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

/// The schema's file name: `docs/` of the project, and the config folder, where `supple new`
/// keeps a copy for editors (user routines point at it as `../routine.schema.json`).
pub const FILE_NAME: &str = "routine.schema.json";

/// A supple routine: a named list of timed steps, played in order.
#[derive(JsonSchema)]
#[schemars(title = "supple routine", deny_unknown_fields)]
struct RoutineFile {
    /// Lets an editor find this schema; supple ignores it.
    #[schemars(rename = "$schema")]
    schema: Option<String>,
    /// The routine's title, shown while it plays.
    name: Name,
    /// One or two sentences, shown by `supple list` and `supple show`.
    description: Option<Text>,
    /// A "get ready" countdown before every step that has `hold` or `breath`; 0 turns it off.
    /// Default 5 seconds.
    prepare: Option<AnyDuration>,
    /// The steps, done in order.
    #[schemars(length(min = 1))]
    steps: Vec<StepFile>,
}

/// One move: a hold (`hold`), paced breathing (`breath` with `cycles`), or a rest step (only
/// `rest`).
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    extend(
        "not" = { "required": ["hold", "breath"] },
        "anyOf" = [
            { "required": ["hold"] },
            { "required": ["breath"] },
            { "required": ["rest"] }
        ],
        "dependentRequired" = {
            "reps": ["hold"],
            "release": ["reps"],
            "sides": ["hold"],
            "switch": ["sides"],
            "breath": ["cycles"],
            "cycles": ["breath"]
        }
    )
)]
struct StepFile {
    /// The move's name.
    name: Name,
    /// How to do it, in a sentence or two; shown while the step runs.
    cue: Option<Text>,
    /// A timed hold: the work countdown.
    hold: Option<PositiveDuration>,
    /// Repeat the hold this many times (needs `hold`).
    reps: Option<Count>,
    /// A countdown between two reps, not after the last (needs `reps`).
    release: Option<AnyDuration>,
    /// Paced breathing (needs `cycles`).
    breath: Option<BreathFile>,
    /// How many breaths (needs `breath`).
    cycles: Option<Count>,
    /// Two or more labels: the whole hold, with all its reps, is done once per side.
    #[schemars(length(min = 2))]
    sides: Option<Vec<Name>>,
    /// A countdown between two sides (needs `sides`); default 5 seconds, may be 0.
    switch: Option<AnyDuration>,
    /// Overrides the routine's `prepare` for this step.
    prepare: Option<AnyDuration>,
    /// A rest countdown after the step; a step with only `rest` is a rest step.
    rest: Option<PositiveDuration>,
}

/// One breath: in, an optional hold, out, an optional hold. A phase of 0 is skipped.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct BreathFile {
    /// Breathing in.
    inhale: PositiveDuration,
    /// Holding after breathing in; default 0.
    hold: Option<AnyDuration>,
    /// Breathing out.
    exhale: PositiveDuration,
    /// Holding after breathing out; default 0.
    hold_out: Option<AnyDuration>,
}

use super::file::{MAX_NAME, MAX_TEXT};

/// Control characters (Unicode's Cc: C0, DEL and C1), which no text of a routine may hold: a
/// terminal would take them as commands.
const CONTROL: &str = "[\\u0000-\\u001F\\u007F-\\u009F]";

/// A name: at least one character that is not a space, at most [`MAX_NAME`].
struct Name;

impl JsonSchema for Name {
    fn schema_name() -> Cow<'static, str> {
        "Name".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text that is not only spaces, on one line, at most 100 characters.",
            "type": "string",
            "pattern": "\\S",
            "maxLength": MAX_NAME,
            "not": { "pattern": CONTROL }
        })
    }
}

/// A cue or a description: at most [`MAX_TEXT`] characters, on one line.
struct Text;

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text on one line, at most 500 characters.",
            "type": "string",
            "maxLength": MAX_TEXT,
            "not": { "pattern": CONTROL }
        })
    }
}

/// A whole number of at least 1.
struct Count;

impl JsonSchema for Count {
    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A whole number, 1 or more.",
            "type": "integer",
            "minimum": 1,
            "maximum": u32::MAX
        })
    }
}

/// Seconds as a number, or a `"1m30s"`-style string: whole minutes, then seconds that may
/// have a decimal part.
const DURATION_TEXT: &str = "^([0-9]+m([0-9]+(\\.[0-9]+)?s)?|[0-9]+(\\.[0-9]+)?s)$";

/// As [`DURATION_TEXT`], with at least one digit that is not 0.
const POSITIVE_DURATION_TEXT: &str = "^(0*[1-9][0-9]*m([0-9]+(\\.[0-9]+)?s)?\
     |[0-9]+m(0*[1-9][0-9]*(\\.[0-9]+)?|0*[0-9]\\.[0-9]*[1-9][0-9]*)s\
     |(0*[1-9][0-9]*(\\.[0-9]+)?|0*[0-9]\\.[0-9]*[1-9][0-9]*)s)$";

/// A duration that may be 0.
struct AnyDuration;

impl JsonSchema for AnyDuration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        duration_schema(
            "A length of time, 0 allowed: seconds (30, 2.5) or text (\"90s\", \"1m\", \"1m30s\"); \
             at most 24 hours.",
            json_schema!({ "type": "number", "minimum": 0, "maximum": 86400 }),
            DURATION_TEXT,
        )
    }
}

/// A duration of more than 0.
struct PositiveDuration;

impl JsonSchema for PositiveDuration {
    fn schema_name() -> Cow<'static, str> {
        "PositiveDuration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        duration_schema(
            "A length of time, more than 0: seconds (30, 2.5) or text (\"90s\", \"1m\", \
             \"1m30s\"); at most 24 hours.",
            json_schema!({ "type": "number", "exclusiveMinimum": 0, "maximum": 86400 }),
            POSITIVE_DURATION_TEXT,
        )
    }
}

fn duration_schema(description: &str, number: Schema, pattern: &str) -> Schema {
    json_schema!({
        "description": description,
        "oneOf": [number, { "type": "string", "pattern": pattern }]
    })
}

/// The schema of routine files, as pretty-printed JSON with a final newline.
pub fn text() -> String {
    let mut text = serde_json::to_string_pretty(&json()).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema of routine files (draft 2020-12).
pub fn json() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<RoutineFile>().to_value();
    forbid_null(&mut schema);
    unwrap_descriptions(&mut schema);
    schema
}

/// Doc comments wrap at 100 columns; an editor's hover text should wrap where it likes.
fn unwrap_descriptions(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(text)) = object.get_mut("description") {
                *text = text.replace('\n', " ");
            }
            object.values_mut().for_each(unwrap_descriptions);
        }
        Value::Array(items) => items.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

/// schemars lets an `Option` field be `null`; the parser refuses `null` everywhere (an absent
/// field is the way to leave one out), so the alternative is removed.
fn forbid_null(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Array(types)) = object.get_mut("type") {
                types.retain(|kind| kind != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    object.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(choices)) = object.get_mut("anyOf") {
                choices.retain(|choice| choice.get("type").is_none_or(|kind| kind != "null"));
                if let [only] = choices.as_slice() {
                    let only = only.clone();
                    object.remove("anyOf");
                    if let Value::Object(only) = only {
                        object.extend(only);
                    }
                }
            }
            object.values_mut().for_each(forbid_null);
        }
        Value::Array(items) => items.iter_mut().for_each(forbid_null),
        _ => {}
    }
}
