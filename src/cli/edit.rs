//! `supple edit`: the user's editor on a copy of a routine, checked before it replaces the routine.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use super::editor::Editor;
use super::new::{keep_schema_copy, ordinary_file, routine_name, user_dir};
use super::usage::plain_io;
use super::{Failure, no_such_routine_message};
use crate::format::printable;
use crate::routine::file::{self, Problem};
use crate::routine::library;

/// What the person chose after a check found problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    EditAgain,
    Keep,
    Discard,
    /// No answer can come (standard input is closed): keep the edit aside as a draft.
    NoAnswer,
}

/// Edits the routine `name` in the user's folder; `answers` is where the e/k/d choice is read.
pub fn edit(name: &str, answers: &mut impl BufRead) -> Result<(), Failure> {
    if name.contains(std::path::is_separator) {
        let path = printable(name);
        return Err(Failure::Usage(format!(
            "`supple edit` takes a routine's name, not a path. To change {path}, open it in \
             your editor and check it with `supple validate {path}`; or copy it to your routine \
             folder with `supple new NAME --from {path}` and edit that"
        )));
    }
    let name = routine_name(name)?;
    let dir = user_dir()?;
    let path = dir.join(format!("{name}.json"));
    let shown = printable(&path.display().to_string()).into_owned();
    let original = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            return Err(anyhow::anyhow!("cannot read {shown}: {error}").into());
        }
    };
    let start = match &original {
        Some(text) => text.clone(),
        None => built_in_text(&name)?,
    };
    keep_schema_copy(&dir);
    let editor = Editor::from_env()?;

    // The copy is a dot file in the same folder: the listing skips it, the rename that
    // replaces the routine stays on one file system, and `$schema` paths resolve the same.
    let cannot = |error: std::io::Error| {
        anyhow::anyhow!(
            "cannot write in {}: {}",
            printable(&dir.display().to_string()),
            plain_io(&error)
        )
    };
    // The saved routine keeps the permissions it had.
    let permissions =
        std::fs::metadata(&path).map_or_else(|_| ordinary_file(), |m| m.permissions());
    let mut copy = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".json")
        .permissions(permissions)
        .tempfile_in(&dir)
        .map_err(cannot)?;
    copy.write_all(start.as_bytes()).map_err(cannot)?;
    copy.as_file().sync_all().map_err(cannot)?;

    loop {
        let opened = std::time::Instant::now();
        editor.open(copy.path())?;
        let text = match std::fs::read(copy.path()) {
            Ok(text) => text,
            Err(error) => {
                // Whatever is left of the edit is kept; the routine is untouched.
                let kept = keep_draft(copy, &dir, &name).map_or_else(
                    |_| String::new(),
                    |draft| {
                        format!(
                            "; what could be saved is in {}",
                            printable(&draft.display().to_string())
                        )
                    },
                );
                return Err(anyhow::anyhow!(
                    "cannot read back your edit of {shown}: {}{kept}",
                    plain_io(&error)
                )
                .into());
            }
        };
        if text == start.as_bytes() {
            eprintln!("supple: no changes to {name}");
            // A graphical editor without its wait flag returns at once, before any typing.
            if opened.elapsed() < std::time::Duration::from_secs(2)
                && editor.source != "the fallback"
            {
                eprintln!(
                    "supple: the editor returned at once; if it is a graphical editor, tell it to \
                     wait, e.g. VISUAL=\"code --wait\" (see `supple edit --help`)"
                );
            }
            return Ok(());
        }
        // Problems name the routine's own file: the copy's name means nothing to the person.
        let problems = file::load(copy.path()).err().map(|problems| {
            (problems.into_iter())
                .map(|problem| Problem {
                    file: shown.clone(),
                    ..problem
                })
                .collect::<Vec<_>>()
        });
        let choice = match &problems {
            None => Choice::Keep,
            Some(problems) => ask(problems, answers, &mut std::io::stderr().lock())?,
        };
        match choice {
            Choice::EditAgain => continue,
            Choice::NoAnswer => {
                let draft = keep_draft(copy, &dir, &name)?;
                return Err(Failure::Usage(format!(
                    "no answer (standard input is closed), so {name} is unchanged; your edit is \
                     kept in {}",
                    printable(&draft.display().to_string())
                )));
            }
            Choice::Discard => {
                eprintln!("supple: discarded your edit; {name} is as it was");
                return Ok(());
            }
            Choice::Keep => {
                copy.persist(&path)
                    .map_err(|error| anyhow::anyhow!("cannot save {shown}: {}", error.error))?;
                match (&problems, &original) {
                    (Some(_), _) => eprintln!(
                        "supple: kept {shown} with its problems; `supple validate {shown}` lists them"
                    ),
                    (None, None) => eprintln!(
                        "supple: saved your copy of the built-in {name} as {shown}; it is played \
                         instead of the built-in one (delete the file to get that back)"
                    ),
                    (None, Some(_)) => eprintln!("supple: saved {shown}"),
                }
                return Ok(());
            }
        }
    }
}

/// The built-in routine's text, to start a copy from; a message when there is none.
fn built_in_text(name: &str) -> Result<String, Failure> {
    if let Some((_, text)) = library::BUILT_IN.iter().find(|(n, _)| *n == name) {
        eprintln!(
            "supple: {name} is built in; you are editing your own copy, which is played instead \
             of it once you save"
        );
        return Ok(text.to_string());
    }
    let closest = match library::find(name) {
        Err(library::FindError::Unknown { closest, .. }) => closest,
        Ok(_) => Vec::new(),
    };
    Err(Failure::Usage(format!(
        "{}; to write a new one, run `supple new {name}`",
        no_such_routine_message(name, &closest)
    )))
}

/// Saves the edit as `NAME.json.draft` (or `.draft2`, …: an older draft is never replaced),
/// a name the routine listing does not pick up.
fn keep_draft(copy: tempfile::NamedTempFile, dir: &Path, name: &str) -> Result<PathBuf, Failure> {
    let mut copy = copy;
    let mut number = 1;
    loop {
        let suffix = if number == 1 {
            String::new()
        } else {
            number.to_string()
        };
        let draft = dir.join(format!("{name}.json.draft{suffix}"));
        match copy.persist_noclobber(&draft) {
            Ok(_) => return Ok(draft),
            Err(error)
                if error.error.kind() == std::io::ErrorKind::AlreadyExists && number < 100 =>
            {
                copy = error.file;
                number += 1;
            }
            Err(error) => {
                let kept = error.file.keep().map(|(_, path)| path);
                return Err(anyhow::anyhow!(
                    "cannot save your edit as a draft: {}{}",
                    error.error,
                    kept.map_or(String::new(), |path| format!(
                        "; it is in {}",
                        printable(&path.display().to_string())
                    ))
                )
                .into());
            }
        }
    }
}

/// Prints the problems and asks what to do, until the answer is one of e, k, d or empty.
fn ask(
    problems: &[Problem],
    answers: &mut impl BufRead,
    stderr: &mut impl Write,
) -> Result<Choice, Failure> {
    for problem in problems {
        let _ = writeln!(stderr, "{}", printable(&problem.to_string()));
    }
    loop {
        let _ = write!(
            stderr,
            "Edit again (e), keep it with its problems (k), or discard your edit (d)? [E/k/d] "
        );
        let _ = stderr.flush();
        let mut line = String::new();
        let read = answers.read_line(&mut line).map_err(anyhow::Error::from)?;
        if read == 0 {
            let _ = writeln!(stderr);
            return Ok(Choice::NoAnswer);
        }
        match line.trim().to_lowercase().as_str() {
            "" | "e" | "edit" => return Ok(Choice::EditAgain),
            "k" | "keep" => return Ok(Choice::Keep),
            "d" | "discard" => return Ok(Choice::Discard),
            _ => {
                let _ = writeln!(stderr, "Please answer e, k or d.");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_default_to_editing_again_and_ask_again_when_unclear() {
        let answer = |input: &str| ask(&[], &mut input.as_bytes(), &mut Vec::new());
        assert_eq!(answer("\n").ok(), Some(Choice::EditAgain));
        assert_eq!(answer("E\n").ok(), Some(Choice::EditAgain));
        assert_eq!(answer("k\n").ok(), Some(Choice::Keep));
        assert_eq!(answer("maybe\nd\n").ok(), Some(Choice::Discard));
        assert_eq!(answer("").ok(), Some(Choice::NoAnswer));
    }
}
