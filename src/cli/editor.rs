//! The person's editor: which one (`$VISUAL`, `$EDITOR`, a fallback), and running it on a file.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::Failure;
use crate::format::printable;

/// The editor to run: a program and its arguments, as a shell would split them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Editor {
    /// Where the choice came from, for messages: `$VISUAL`, `$EDITOR` or "the fallback".
    pub source: &'static str,
    words: Vec<String>,
}

impl Editor {
    pub fn from_env() -> Result<Editor, Failure> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Editor::choose(var("VISUAL"), var("EDITOR"), |program| {
            on_path(program).is_some()
        })
    }

    /// `$VISUAL`, else `$EDITOR`, else the first of nano and vi that is installed.
    fn choose(
        visual: Option<String>,
        editor: Option<String>,
        installed: impl Fn(&str) -> bool,
    ) -> Result<Editor, Failure> {
        let (source, text) = match (visual, editor) {
            (Some(text), _) => ("$VISUAL", text),
            (None, Some(text)) => ("$EDITOR", text),
            (None, None) => {
                let program = ["nano", "vi"]
                    .into_iter()
                    .find(|p| installed(p))
                    .ok_or_else(|| {
                        Failure::Usage(
                            "no editor found: set VISUAL or EDITOR to your editor, e.g. \
                         `export EDITOR=nano`"
                                .into(),
                        )
                    })?;
                return Ok(Editor {
                    source: "the fallback",
                    words: vec![program.to_string()],
                });
            }
        };
        let words = shell_words::split(&text).map_err(|_| {
            Failure::Usage(format!(
                "{source} ({:?}) has an unclosed quote; fix it, e.g. `export {}=\"code --wait\"`",
                printable(&text),
                source.trim_start_matches('$')
            ))
        })?;
        if words.is_empty() {
            return Err(Failure::Usage(format!(
                "{source} is empty; set it to your editor"
            )));
        }
        Ok(Editor { source, words })
    }

    /// Runs the editor on `path` and waits for it. supple ignores Ctrl-C meanwhile, as the
    /// editor has the terminal: the key is the editor's to handle.
    pub fn open(&self, path: &Path) -> Result<(), Failure> {
        let Some((program, args)) = self.words.split_first() else {
            return Err(Failure::Usage(format!(
                "{} is empty; set it to your editor",
                self.source
            )));
        };
        let mut command = Command::new(program);
        command.args(args).arg(path);
        let mut child = command.spawn().map_err(|error| {
            let why = match error.kind() {
                std::io::ErrorKind::NotFound => "it is not installed or not on the PATH".to_string(),
                _ => error.to_string(),
            };
            Failure::Usage(format!(
                "cannot start the editor {:?} (from {}): {why}; set VISUAL or EDITOR to your editor",
                printable(program),
                self.source
            ))
        })?;
        let status = {
            let _quiet = IgnoreInterrupts::new();
            child.wait()
        };
        let status = status.map_err(anyhow::Error::from)?;
        if !status.success() {
            eprintln!(
                "supple: the editor {:?} exited with {status}; checking what it saved",
                printable(program)
            );
        }
        Ok(())
    }
}

fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// Ignores SIGINT and SIGQUIT while alive; the previous handling comes back on drop.
struct IgnoreInterrupts {
    previous: [libc::sighandler_t; 2],
}

const INTERRUPTS: [libc::c_int; 2] = [libc::SIGINT, libc::SIGQUIT];

impl IgnoreInterrupts {
    fn new() -> Self {
        // SAFETY: `signal` with SIG_IGN installs no handler code; the old dispositions are
        // put back as they were on drop.
        let previous = INTERRUPTS.map(|signal| unsafe { libc::signal(signal, libc::SIG_IGN) });
        IgnoreInterrupts { previous }
    }
}

impl Drop for IgnoreInterrupts {
    fn drop(&mut self) {
        for (signal, previous) in INTERRUPTS.into_iter().zip(self.previous) {
            // SAFETY: restores exactly the disposition `new` found.
            unsafe { libc::signal(signal, previous) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choose(
        visual: Option<&str>,
        editor: Option<&str>,
        installed: &[&str],
    ) -> Result<Editor, Failure> {
        Editor::choose(
            visual.map(String::from),
            editor.map(String::from),
            |program| installed.contains(&program),
        )
    }

    fn words(editor: Result<Editor, Failure>) -> Vec<String> {
        editor.map(|e| e.words).unwrap_or_else(|f| panic!("{f}"))
    }

    #[test]
    fn visual_comes_before_editor_then_nano_then_vi() {
        assert_eq!(words(choose(Some("vim"), Some("nano"), &[])), ["vim"]);
        assert_eq!(
            words(choose(None, Some("emacs -nw"), &[])),
            ["emacs", "-nw"]
        );
        assert_eq!(words(choose(None, None, &["nano", "vi"])), ["nano"]);
        assert_eq!(words(choose(None, None, &["vi"])), ["vi"]);
        assert!(
            matches!(choose(None, None, &[]), Err(Failure::Usage(m)) if m.contains("set VISUAL or EDITOR"))
        );
    }

    #[test]
    fn the_editor_string_is_split_like_a_shell_would() {
        assert_eq!(
            words(choose(Some("code --wait"), None, &[])),
            ["code", "--wait"]
        );
        assert_eq!(
            words(choose(Some("'/opt/My Editor/bin/ed' -w"), None, &[])),
            ["/opt/My Editor/bin/ed", "-w"]
        );
        assert!(
            matches!(choose(Some("code 'oops"), None, &[]), Err(Failure::Usage(m)) if m.contains("unclosed quote"))
        );
    }
}
