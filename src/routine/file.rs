//! Routine files: JSON text in, a validated `Routine` or every problem found out.

mod fields;
mod read;
mod rules;
mod text;

use std::fmt;
use std::path::Path;

use super::Routine;
use super::positions::{Positions, Spot};
use crate::format::printable;

/// Larger files are refused unread: a routine is a few kilobytes, and this bounds the work.
pub const MAX_SIZE: usize = 1024 * 1024;

/// The most characters in a name (the routine's or a step's) or a side: the longest name in
/// the built-in routines has 23, and 100 still fits one line of a wide terminal, where the
/// player shows it in large type and `show` lines the steps up in a column.
pub const MAX_NAME: usize = 100;

/// The most characters in a cue or a description: the longest built-in cue has 168. A cue is
/// read aloud during the step, and 500 characters take about half a minute to say, longer
/// than most holds; a description is a short paragraph in the picker.
pub const MAX_TEXT: usize = 500;

/// One thing wrong with a routine file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it.
    pub file: String,
    /// 1-based; a problem about the whole file (empty, too large, unreadable) is at line 1,
    /// column 1. 0 only if a place could not be found (which the tests rule out).
    pub line: usize,
    pub column: usize,
    /// The field's path, e.g. `steps[2].breath.exhale`; empty for the whole document.
    pub path: String,
    pub message: String,
}

impl Problem {
    fn whole_file(file: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            line: 1,
            column: 1,
            path: String::new(),
            message: message.into(),
        }
    }
}

/// `file:line:column: path: message`, leaving out the parts that are empty or 0. File names,
/// paths and messages echo the user's text, so control characters are shown as U+FFFD.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = self.file.clone();
        if self.line > 0 {
            place = format!("{place}:{}", self.line);
            if self.column > 0 {
                place = format!("{place}:{}", self.column);
            }
        }
        for part in [place.as_str(), self.path.as_str()] {
            if !part.is_empty() {
                write!(f, "{}: ", printable(part))?;
            }
        }
        f.write_str(&printable(&self.message))
    }
}

/// Parses and validates a routine file's text. `file` names it in problems.
pub fn parse(text: &str, file: &str) -> Result<Routine, Vec<Problem>> {
    if text.len() > MAX_SIZE {
        return Err(vec![Problem::whole_file(file, too_large())]);
    }
    // Some editors start UTF-8 files with a byte order mark; RFC 8259 lets parsers ignore it,
    // and columns are then counted as the editor shows them.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        return Err(vec![Problem::whole_file(file, "the file is empty")]);
    }
    let value = serde_json::from_str(text).map_err(|error| vec![syntax(text, file, &error)])?;
    rules::routine(&value, &Positions::scan(text), file)
}

/// Reads and parses a routine file from disk.
pub fn load(path: &Path) -> Result<Routine, Vec<Problem>> {
    let file = path.display().to_string();
    let bytes = read::read(path).map_err(|message| vec![Problem::whole_file(&file, message)])?;
    match std::str::from_utf8(&bytes) {
        Ok(text) => parse(text, &file),
        Err(error) => {
            let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
            let last_line = valid.rsplit(|&b| b == b'\n').next().unwrap_or_default();
            Err(vec![Problem {
                file,
                line: 1 + valid.iter().filter(|&&b| b == b'\n').count(),
                column: 1 + String::from_utf8_lossy(last_line).chars().count(),
                path: String::new(),
                message: "the file is not UTF-8 text; save it as UTF-8".into(),
            }])
        }
    }
}

pub(super) fn too_large() -> String {
    format!(
        "the file is larger than {} KiB; a routine file is a few kilobytes",
        MAX_SIZE / 1024
    )
}

/// A serde_json syntax error, in plain words, at the character it points to.
fn syntax(text: &str, file: &str, error: &serde_json::Error) -> Problem {
    let raw = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let what = raw.strip_suffix(&suffix).unwrap_or(&raw);
    let at = offending_byte(text, error.line(), error.column());
    let at = match what {
        // serde_json notices these only at the token's end or at the next bracket; point at
        // what the author has to change.
        "trailing comma" => text[..at].rfind(',').unwrap_or(at),
        "expected ident" | "number out of range" | "invalid number" => (text[..at].char_indices())
            .rev()
            .take_while(|&(_, c)| c.is_ascii_alphanumeric() || "+-.".contains(c))
            .last()
            .map_or(at, |(start, _)| start),
        _ => at,
    };
    let before = &text[..at];
    let spot = Spot {
        line: 1 + before.matches('\n').count(),
        column: 1 + before
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count(),
    };
    let (path, message) = match what {
        "number out of range" => out_of_range(text, at, spot),
        _ => (
            String::new(),
            format!("not valid JSON: {}", plain_syntax(what)),
        ),
    };
    Problem {
        file: file.to_string(),
        line: spot.line,
        column: spot.column,
        path,
        message,
    }
}

/// A number like `1e400` is valid JSON, but too large for any number type, so serde_json
/// stops there. Says so for the field it was given to, found by position.
fn out_of_range(text: &str, at: usize, spot: Spot) -> (String, String) {
    let number: String = (text[at..].chars())
        .take_while(|&c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        .collect();
    let path = Positions::scan(text).path_at(spot).unwrap_or_default();
    let key = path.rsplit('.').next().unwrap_or_default();
    let negative = number.starts_with('-');
    let message = match key {
        "hold" | "release" | "switch" | "prepare" | "rest" | "inhale" | "exhale" | "hold_out" => {
            if negative {
                format!("{number} is a duration below zero; it must not be negative")
            } else {
                format!(
                    "{number} is too large for a duration; a duration is at most 24 hours \
                     (86400 seconds)"
                )
            }
        }
        "reps" | "cycles" if negative => format!("{number} is below zero; it must be at least 1"),
        "reps" | "cycles" => {
            format!(
                "{number} is too large for a count; it must be at most {}",
                u32::MAX
            )
        }
        _ => format!("{number} is too large a number for any field of a routine"),
    };
    (path, message)
}

/// The byte offset of the character serde_json complains about, on a char boundary. It gives
/// a 1-based line and the bytes read on that line, 0 when the culprit is the line break.
fn offending_byte(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        _ => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    let mut at = (line_start + column).saturating_sub(1).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn plain_syntax(what: &str) -> String {
    let plain = match what {
        "EOF while parsing a list" => "the file ends before a list is closed with ]",
        "EOF while parsing an object" => "the file ends before an object is closed with }",
        "EOF while parsing a string" => "the file ends inside a string; is a closing \" missing?",
        "EOF while parsing a value" => "the file ends where a value should be",
        "expected `:`" => "expected a colon (:) after the field name",
        "expected `,` or `]`" => "expected a comma or a closing ] here; is a comma missing?",
        "expected `,` or `}`" => "expected a comma or a closing } here; is a comma missing?",
        "expected value" => {
            "expected a value here: a number, \"text in double quotes\", true, false, null, [ or {"
        }
        "expected ident" => "text must be in double quotes; only true, false and null go without",
        "key must be a string" => "a field name must be in double quotes",
        "trailing comma" => "a comma must not come right before a closing ] or }",
        "trailing characters" => "unexpected text after the routine's closing }",
        "number out of range" => "this number is too large",
        "invalid number" => "this is not a valid number",
        "recursion limit exceeded" => "lists and objects are nested too deeply",
        "invalid escape" => {
            "a backslash in a string must be followed by one of \" \\ / b f n r t u"
        }
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a string cannot hold a line break or tab as is; write \\n or \\t"
        }
        _ if what.contains("hex escape") || what.contains("code point") => {
            "this \\u escape is not a valid character"
        }
        _ => what,
    };
    plain.to_string()
}

#[cfg(test)]
mod tests;
