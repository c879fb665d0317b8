//! `supple new`: a new routine in the user's folder, from the template or a copy.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::usage::plain_io;
use super::{Failure, no_such_routine};
use crate::format::printable;
use crate::routine::library::{self, Entry, FindError, Origin};
use crate::routine::schema;

/// The template: one step of each kind, each with a cue, valid as written. `{title}` is
/// replaced by a title made from the name.
const TEMPLATE: &str = r#"{
  "$schema": "../routine.schema.json",
  "name": "{title}",
  "description": "What this routine is for, in a sentence or two.",
  "prepare": 5,
  "steps": [
    {
      "name": "Side stretch",
      "cue": "Reach one arm overhead and lean away from it; breathe into the long side.",
      "hold": 20,
      "sides": ["Left", "Right"]
    },
    {
      "name": "Knee hugs",
      "cue": "On your back, draw both knees to your chest, then ease them away.",
      "hold": 5,
      "reps": 6,
      "release": 3
    },
    {
      "name": "Slow breathing",
      "cue": "In through the nose, out slowly through the mouth.",
      "breath": { "inhale": 4, "exhale": 6 },
      "cycles": 5
    },
    {
      "name": "Rest",
      "cue": "Lie still and let everything settle.",
      "rest": "1m"
    }
  ]
}
"#;

/// Writes `name.json` to the user's folder and prints its path on `out`.
pub fn new(name: &str, from: Option<&str>, out: &mut impl Write) -> Result<(), Failure> {
    let name = routine_name(name)?;
    let dir = user_dir()?;
    let text = match from {
        Some(source) => source_text(source)?,
        None => template(&name),
    };
    let path = dir.join(format!("{name}.json"));
    write_new(&dir, &path, &text, &name)?;
    keep_schema_copy(&dir);
    writeln!(out, "{}", printable(&path.display().to_string())).map_err(anyhow::Error::from)?;
    if library::BUILT_IN
        .iter()
        .any(|(built_in, _)| *built_in == name)
    {
        eprintln!(
            "supple: {name} is also a built-in routine; yours is played instead of it from now on"
        );
    }
    eprintln!("supple: change it with `supple edit {name}`, then play it with `supple run {name}`");
    Ok(())
}

/// The template with a title made from the name: `back-sheet` is "Back sheet".
pub fn template(name: &str) -> String {
    let mut title: String = name
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect();
    if let Some(first) = title.chars().next() {
        title.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    let title = serde_json::to_string(&title).unwrap_or_else(|_| "\"My routine\"".into());
    TEMPLATE.replace("\"{title}\"", &title)
}

/// A routine name that can be a file name in the routine folder, or a message saying why not.
/// A trailing `.json` is dropped: `supple new neck.json` makes `neck`.
pub fn routine_name(name: &str) -> Result<String, Failure> {
    let bad = |why: &str| {
        Failure::Usage(format!(
            "{:?} cannot be a routine's name: {why}",
            printable(name)
        ))
    };
    let stem = name.strip_suffix(".json").unwrap_or(name);
    if stem.trim().is_empty() {
        return Err(Failure::Usage(
            "a routine's name cannot be empty; give one like `back-sheet`".into(),
        ));
    }
    if stem.contains(['/', '\\']) {
        return Err(bad(
            "it is a path; give just the routine's name, like `back-sheet`: supple keeps \
             the file in your routine folder",
        ));
    }
    if stem.starts_with('.') {
        return Err(bad(
            "it starts with a dot, which hides the file; start it with a letter or digit",
        ));
    }
    if stem
        .chars()
        .any(|c| c.is_control() || "<>:\"|?*".contains(c))
    {
        return Err(bad(
            "it holds a character that file names cannot (one of < > : \" | ? * or a control \
             character); use letters, digits, - and _",
        ));
    }
    if stem.len() > 200 {
        return Err(bad(
            "it is too long for a file name; keep it under 200 characters",
        ));
    }
    if stem != stem.trim() {
        return Err(bad("it starts or ends with a space; take the space away"));
    }
    Ok(stem.to_string())
}

/// The user's routine folder, created if it is missing.
pub fn user_dir() -> Result<PathBuf, Failure> {
    let dir = library::user_dir().ok_or_else(|| {
        Failure::Usage(
            "supple cannot tell where your routine folder is: neither XDG_CONFIG_HOME nor HOME \
             is set; set one of them"
                .into(),
        )
    })?;
    std::fs::create_dir_all(&dir).map_err(|error| {
        anyhow::anyhow!(
            "cannot create your routine folder {}: {error}",
            printable(&dir.display().to_string())
        )
    })?;
    Ok(dir)
}

/// The text of the routine to copy: a built-in one's as embedded, a file's as it is on disk.
fn source_text(source: &str) -> Result<String, Failure> {
    let entry = library::find(source)
        .map_err(|FindError::Unknown { name, closest }| no_such_routine(&name, &closest))?;
    let Entry {
        name,
        origin,
        routine,
    } = entry;
    let text = match origin {
        Origin::BuiltIn => (library::BUILT_IN.iter())
            .find(|(built_in, _)| *built_in == name)
            .map(|(_, text)| text.to_string())
            .unwrap_or_default(),
        Origin::User(path) | Origin::File(path) => {
            std::fs::read_to_string(&path).map_err(|error| {
                let why = match error.kind() {
                    std::io::ErrorKind::NotFound => "there is no such file".to_string(),
                    std::io::ErrorKind::InvalidData => "it is not UTF-8 text".to_string(),
                    _ => plain_io(&error),
                };
                Failure::Usage(format!(
                    "cannot copy {}: {why}",
                    printable(&path.display().to_string())
                ))
            })?
        }
    };
    if let Err(problems) = &routine {
        eprintln!(
            "supple: note: {} has {} problem(s), and so has the copy (`supple validate` lists them)",
            printable(&name),
            problems.len()
        );
    }
    Ok(text)
}

/// Writes `text` whole to a temporary file beside `path`, then links it into place only if
/// nothing is there yet: an existing routine is never replaced, and no half file is left.
fn write_new(dir: &Path, path: &Path, text: &str, name: &str) -> Result<(), Failure> {
    if path.exists() {
        return Err(Failure::Usage(format!(
            "you already have a routine named {name} ({}); change it with `supple edit {name}`, \
             or pick another name",
            printable(&path.display().to_string())
        )));
    }
    let cannot = |error: std::io::Error| {
        anyhow::anyhow!(
            "cannot write {}: {}",
            printable(&path.display().to_string()),
            plain_io(&error)
        )
    };
    let mut file = tempfile::Builder::new()
        .prefix(".supple-new-")
        .permissions(ordinary_file())
        .tempfile_in(dir)
        .map_err(cannot)?;
    file.write_all(text.as_bytes()).map_err(cannot)?;
    file.as_file().sync_all().map_err(cannot)?;
    file.persist_noclobber(path).map_err(|error| {
        if error.error.kind() == std::io::ErrorKind::AlreadyExists {
            Failure::Usage(format!(
                "you already have a routine named {name}; pick another name"
            ))
        } else {
            cannot(error.error).into()
        }
    })?;
    Ok(())
}

/// The permissions of a file the person made: read-write for all, less the umask (temporary
/// files are otherwise only the owner's).
pub fn ordinary_file() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o666)
}

/// Keeps `routine.schema.json` beside the routine folder in step with this version of supple,
/// so the template's `"$schema": "../routine.schema.json"` finds it. Best effort: a schema that
/// cannot be written only costs the editor its checks.
pub fn keep_schema_copy(routine_dir: &Path) {
    let Some(config_dir) = routine_dir.parent() else {
        return;
    };
    let path = config_dir.join(schema::FILE_NAME);
    let text = schema::text();
    if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
        return;
    }
    let written = tempfile::Builder::new()
        .prefix(".supple-schema-")
        .permissions(ordinary_file())
        .tempfile_in(config_dir)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.persist(&path).map_err(|error| error.error)?;
            Ok(())
        });
    if let Err(error) = written {
        eprintln!(
            "supple: note: cannot write the routine schema for editors to {}: {}",
            printable(&path.display().to_string()),
            plain_io(&error)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_valid_as_written() {
        let text = template("back-sheet");
        if let Err(problems) = crate::routine::file::parse(&text, "template.json") {
            panic!("{problems:?}");
        }
    }

    #[test]
    fn the_template_is_a_valid_routine_with_one_step_of_each_kind() {
        let text = template("back-sheet");
        assert!(text.contains("\"$schema\": \"../routine.schema.json\""));
        let routine = crate::routine::file::parse(&text, "template.json")
            .unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(routine.title, "Back sheet");
        use crate::routine::StepKind;
        let kinds: Vec<&StepKind> = routine.steps.iter().map(|s| &s.kind).collect();
        assert!(matches!(kinds[0], StepKind::Hold(h) if h.sides.len() == 2));
        assert!(matches!(kinds[1], StepKind::Hold(h) if h.reps > 1 && !h.release.is_zero()));
        assert!(matches!(kinds[2], StepKind::Breath(_)));
        assert!(matches!(kinds[3], StepKind::Rest));
        assert!(routine.steps.iter().all(|step| step.cue.is_some()));
    }

    #[test]
    fn a_title_with_quotes_stays_valid_json() {
        let text = template("it's \\ \"ok\"");
        assert!(
            crate::routine::file::parse(&text, "t.json").is_ok(),
            "{text}"
        );
    }

    #[test]
    fn names_that_are_not_file_names_are_refused_with_a_reason() {
        let refused = |name: &str| match routine_name(name) {
            Err(Failure::Usage(message)) => message,
            other => panic!("{name:?} gave {other:?}"),
        };
        assert!(refused("").contains("cannot be empty"));
        assert!(refused("   ").contains("cannot be empty"));
        assert!(refused("../x").contains("it is a path"));
        assert!(refused("a/b").contains("it is a path"));
        assert!(refused(".hidden").contains("starts with a dot"));
        assert!(refused("a:b").contains("file names cannot"));
        assert!(refused("a\u{1b}[31mb").contains("file names cannot"));
        assert!(!refused("a\u{1b}[31mb").contains('\u{1b}'));
        assert!(refused(&"x".repeat(300)).contains("too long"));
        assert_eq!(routine_name("back-sheet").ok(), Some("back-sheet".into()));
        assert_eq!(routine_name("neck.json").ok(), Some("neck".into()));
        assert_eq!(routine_name("Rücken 2").ok(), Some("Rücken 2".into()));
    }
}
