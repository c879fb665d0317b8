//! Routine files: JSON text in, a validated `Routine` or every problem found out.

mod fields;
mod rules;

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

use super::Routine;
use super::positions::Positions;

/// Larger files are refused unread: a routine is a few kilobytes, and this bounds the work.
pub const MAX_SIZE: usize = 1024 * 1024;

/// One thing wrong with a routine file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it.
    pub file: String,
    /// 1-based; 0 when the problem is about the whole file (e.g. it cannot be read).
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
            line: 0,
            column: 0,
            path: String::new(),
            message: message.into(),
        }
    }
}

/// `file:line:column: path: message`, leaving out the parts that are empty or 0.
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
                write!(f, "{part}: ")?;
            }
        }
        f.write_str(&self.message)
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
    let bytes = read(path).map_err(|message| vec![Problem::whole_file(&file, message)])?;
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

fn read(path: &Path) -> Result<Vec<u8>, String> {
    let cannot = |error: io::Error| {
        let reason = match error.kind() {
            io::ErrorKind::NotFound => "there is no such file".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            io::ErrorKind::IsADirectory => "it is a folder, not a file".to_string(),
            _ => error.to_string(),
        };
        format!("cannot read the file: {reason}")
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_SIZE as u64 + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() > MAX_SIZE {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> String {
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
    Problem {
        file: file.to_string(),
        line: 1 + before.matches('\n').count(),
        column: 1 + before
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count(),
        path: String::new(),
        message: format!("not valid JSON: {}", plain_syntax(what)),
    }
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
