//! Command-line mistakes: clap's message, or a hint when the mistake has an obvious fix.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::format::printable;
use crate::routine::library;

/// Prints clap's error (or help, or version) and gives its exit status; `supple desk-break`
/// gets "did you mean `supple run desk-break`?" instead, as the word is a routine.
pub fn usage_error(error: clap::Error) -> ExitCode {
    if let Some(hint) = routine_hint(&error) {
        eprintln!("supple: {hint}");
        return ExitCode::from(2);
    }
    let code = error.exit_code();
    let _ = error.print();
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// For an unknown command that is a routine's name (or close to one, when clap has no close
/// command to offer), the `supple run` line the person probably meant.
fn routine_hint(error: &clap::Error) -> Option<String> {
    if error.kind() != ErrorKind::InvalidSubcommand {
        return None;
    }
    let Some(ContextValue::String(word)) = error.get(ContextKind::InvalidSubcommand) else {
        return None;
    };
    let shown = printable(word);
    if is_routine(word) {
        return Some(format!(
            "{shown:?} is a routine, not a command; did you mean `supple run {shown}`?\n\
             (`supple --help` lists the commands)"
        ));
    }
    if error.get(ContextKind::SuggestedSubcommand).is_some() {
        return None;
    }
    let Err(library::FindError::Unknown { closest, .. }) = library::find(word) else {
        return None;
    };
    let close = closest.first()?;
    Some(format!(
        "{shown:?} is not a command; did you mean `supple run {}`?\n\
         (`supple --help` lists the commands, `supple list` the routines)",
        printable(close)
    ))
}

fn is_routine(word: &str) -> bool {
    let looks_like_a_file = word.ends_with(".json") && std::path::Path::new(word).is_file();
    looks_like_a_file || library::all().iter().any(|entry| entry.name == word)
}

/// An I/O error's text without the path some libraries attach to it (tempfile names its
/// temporary file, which means nothing to the person).
pub(crate) fn plain_io(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" at path ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}
