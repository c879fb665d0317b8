//! The rules for a routine's text fields: no control characters, and a length limit.

use super::{MAX_NAME, MAX_TEXT};

/// What a text field holds, for its length limit and its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Text {
    /// The routine's title or a step's name.
    Name,
    Side,
    Cue,
    Description,
}

impl Text {
    /// The most characters it may have (see `file::MAX_NAME` and `file::MAX_TEXT`).
    fn limit(self) -> usize {
        match self {
            Text::Name | Text::Side => MAX_NAME,
            Text::Cue | Text::Description => MAX_TEXT,
        }
    }

    fn what(self) -> &'static str {
        match self {
            Text::Name => "a name",
            Text::Side => "a side's name",
            Text::Cue => "a cue",
            Text::Description => "a description",
        }
    }

    fn advice(self) -> &'static str {
        match self {
            Text::Name => "shorten it, and say the rest in \"cue\" or \"description\"",
            Text::Side => "shorten it, like \"Left\" or \"Right leg\"",
            Text::Cue | Text::Description => "shorten it",
        }
    }
}

/// Why `text` cannot be a `kind`: empty (names and sides), holding a control character, or
/// too long. Control characters are refused because a terminal takes them as commands (an
/// escape can set the clipboard or clear the screen), and a routine's text is shown as is.
pub(super) fn text_problem(text: &str, kind: Text) -> Option<String> {
    if text.trim().is_empty() && matches!(kind, Text::Name | Text::Side) {
        return Some("must not be empty".into());
    }
    if let Some((index, c)) = text.chars().enumerate().find(|(_, c)| c.is_control()) {
        return Some(format!(
            "must not contain control characters, but character {} is U+{:04X} ({}); \
             remove it, since a terminal can take such characters as commands",
            index + 1,
            u32::from(c),
            control_name(c)
        ));
    }
    let length = text.chars().count();
    if length > kind.limit() {
        return Some(format!(
            "is {length} characters long, and {} may have at most {}; {}",
            kind.what(),
            kind.limit(),
            kind.advice()
        ));
    }
    None
}

/// A control character in the user's words.
fn control_name(c: char) -> &'static str {
    match c {
        '\n' => "a line break",
        '\r' => "a carriage return",
        '\t' => "a tab",
        '\0' => "a null character",
        '\u{7}' => "a bell character",
        '\u{1b}' => "an escape character",
        '\u{7f}' => "a delete character",
        _ => "a control character",
    }
}
