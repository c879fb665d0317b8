//! The safety note before the first routine of the day (drawn from the advice in the seed
//! articles, see docs/sources.md), and the small file that remembers the day it was shown.

use super::cells::centered_lines;
use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::format;
use super::theme::Theme;

const TITLE: &str = "Before you start";

/// The note, longest first; the screen shows the longest one that fits.
const NOTES: [&[&str]; 4] = [
    &[
        "Move slowly and keep breathing. A stretch may pull a little, but it should never hurt.",
        "Stop, or make the move smaller, at sharp pain. Stop at burning, numbness or tingling, above all if it spreads into a leg.",
        "Call a clinician straight away for new numbness or weakness in a leg, trouble controlling your bladder or bowels, back pain with a fever, severe pain that doesn't ease or wakes you at night, or pain after a fall.",
    ],
    &[
        "Move gently: a stretch should never hurt.",
        "Stop at sharp pain, burning, numbness or tingling.",
        "Leg weakness, bladder or bowel trouble, fever or pain after a fall: see a clinician now.",
    ],
    &[
        "Move gently. Stop at sharp pain, burning, numbness or tingling. Red flags: see a clinician.",
    ],
    &["Move gently; stop at sharp pain or numbness."],
];

const DISMISS: &str = "Press any key to begin";
const DISMISS_SHORT: &str = "any key: begin";
const QUIT: &str = "q: not now";

/// The note as a widget.
pub struct SafetyNote {
    pub theme: Theme,
}

impl Widget for &SafetyNote {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width.saturating_sub(4)).min(72);
        let height = usize::from(area.height);
        // Title, a gap, the paragraphs with gaps between them, a gap, the key line.
        let lines_of = |note: &[&str], gaps: bool| {
            let mut lines: Vec<Option<String>> = Vec::new();
            for (i, paragraph) in note.iter().enumerate() {
                if gaps && i > 0 {
                    lines.push(None);
                }
                lines.extend(format::wrap(paragraph, width).into_iter().map(Some));
            }
            lines
        };
        let keys = format!("{DISMISS} · {QUIT}");
        let keys = if keys.chars().count() <= usize::from(area.width) {
            keys
        } else if DISMISS.len() <= usize::from(area.width) {
            DISMISS.to_string()
        } else {
            DISMISS_SHORT.to_string()
        };
        let chosen = NOTES
            .iter()
            .flat_map(|note| [(note, true), (note, false)])
            .map(|(note, gaps)| lines_of(note, gaps))
            .find(|lines| lines.len() + 4 <= height);
        let mut lines: Vec<Line> = Vec::new();
        let title = Line::styled(TITLE, self.theme.title().patch(self.theme.notice()));
        match chosen {
            Some(body) => {
                lines.push(title);
                lines.push(Line::raw(""));
                // Paragraphs read as a block: left-aligned within a centred column.
                let column = body
                    .iter()
                    .flatten()
                    .map(|line| line.chars().count())
                    .max()
                    .unwrap_or(0);
                lines.extend(body.into_iter().map(|line| {
                    Line::raw(crate::format::pad_right(&line.unwrap_or_default(), column))
                }));
                lines.push(Line::raw(""));
            }
            None => {
                // A tiny screen: the shortest note, the title if there is room, and the key
                // line always, whole, at the bottom.
                let body = lines_of(NOTES[NOTES.len() - 1], false);
                let room = height.saturating_sub(1);
                if body.len() < room {
                    lines.push(title);
                }
                let shown = room.saturating_sub(lines.len());
                let mut body: Vec<String> = body.into_iter().flatten().collect();
                if body.len() > shown {
                    body = format::wrap_at_most(&body.join(" "), width.max(1), shown);
                }
                lines.extend(body.into_iter().map(Line::raw));
            }
        }
        lines.push(Line::styled(keys, self.theme.key()));
        centered_lines(lines, area, buf);
    }
}

/// The note as plain text, for `--plain` and `--json` runs: the title and every paragraph
/// of the full note, a line each.
pub fn text() -> String {
    let mut text = format!("{TITLE}:\n");
    for paragraph in NOTES[0] {
        text.push_str(&format!("  {paragraph}\n"));
    }
    text
}

/// For `--plain` and `--json`: the note on standard error before the first line, once a day.
/// Standard error, so that standard output stays one line per phase (or pure JSON lines) for
/// the programs reading it, while a person at the terminal still reads the note. It counts as
/// seen only when standard error is a terminal: a log file is nobody reading it.
pub fn print_if_due() {
    use std::io::{IsTerminal, Write};
    let store = Store::from_env();
    let today = today();
    if !store.due(&today) {
        return;
    }
    let mut err = std::io::stderr().lock();
    let written = write!(err, "{}", text()).and_then(|()| err.flush());
    if written.is_ok() && err.is_terminal() {
        store.mark_shown(&today);
    }
}

/// Remembers the last day the note was shown, in the state folder. Any failure to read it
/// means "show the note"; any failure to write it is ignored: the note is never worth a crash.
#[derive(Debug, Clone)]
pub struct Store {
    file: Option<PathBuf>,
}

impl Store {
    /// `dir` is the state folder (`$XDG_STATE_HOME/supple`), `None` when there is none.
    pub fn new(dir: Option<PathBuf>) -> Store {
        Store {
            file: dir.map(|dir| dir.join("safety-note-shown")),
        }
    }

    /// The user's state folder.
    pub fn from_env() -> Store {
        Store::new(crate::config::state_dir())
    }

    /// Whether the note is still to be shown `today` (a `YYYY-MM-DD` date).
    pub fn due(&self, today: &str) -> bool {
        let shown = self
            .file
            .as_ref()
            .and_then(|file| std::fs::read_to_string(file).ok());
        shown.is_none_or(|day| day.trim() != today)
    }

    /// Records that the note was shown `today`: written to a temporary file and renamed over
    /// the old one, so a crash never leaves half a date.
    pub fn mark_shown(&self, today: &str) {
        let Some(file) = &self.file else { return };
        let write = || -> std::io::Result<()> {
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let temporary = file.with_extension(format!("tmp{}", std::process::id()));
            std::fs::write(&temporary, format!("{today}\n"))?;
            std::fs::rename(&temporary, file).inspect_err(|_| {
                let _ = std::fs::remove_file(&temporary);
            })
        };
        let _ = write();
    }
}

/// Today's local date as `YYYY-MM-DD`; the note's day turns at local midnight.
pub fn today() -> String {
    // SAFETY: `time` with a null pointer only returns the time; `localtime_r` writes into the
    // zeroed `tm` we own and is the thread-safe form.
    let tm = unsafe {
        let now = libc::time(std::ptr::null_mut());
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&now, &mut tm).is_null() {
            return "unknown".into();
        }
        tm
    };
    format!(
        "{:04}-{:02}-{:02}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday
    )
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::ui::testing::draw;

    #[test]
    fn the_note_is_due_once_a_day() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Some(dir.path().join("supple")));
        assert!(store.due("2026-11-21"));
        store.mark_shown("2026-11-21");
        assert!(!store.due("2026-11-21"));
        assert!(store.due("2026-11-22"));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("supple"))
            .unwrap()
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn an_unwritable_state_folder_only_means_the_note_shows_again() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not-a-folder");
        std::fs::write(&blocker, "").unwrap();
        let store = Store::new(Some(blocker.join("supple")));
        store.mark_shown("2026-11-21");
        assert!(store.due("2026-11-21"));
        let nowhere = Store::new(None);
        nowhere.mark_shown("2026-11-21");
        assert!(nowhere.due("2026-11-21"));
    }

    #[test]
    fn the_note_as_text_has_every_paragraph() {
        let text = text();
        assert!(text.starts_with("Before you start:\n"));
        assert_eq!(text.lines().count(), 1 + NOTES[0].len());
    }

    #[test]
    fn today_is_a_date() {
        let today = today();
        assert_eq!(today.len(), 10, "{today}");
        assert_eq!(&today[4..5], "-");
    }

    #[test]
    fn the_note_fits_every_size() {
        let note = SafetyNote {
            theme: Theme::COLOR,
        };
        for (width, height) in [(80, 24), (40, 12), (24, 7), (20, 5), (200, 60)] {
            let name = format!("safety_{width}x{height}");
            let backend = draw(width, height, &note);
            let text = backend.to_string();
            let last = text
                .lines()
                .rfind(|line| !line.trim_matches([' ', '"']).is_empty());
            assert!(
                last.is_some_and(|line| line.contains("any key")),
                "the key line is whole at {width}x{height}: {text}"
            );
            assert_snapshot!(name, backend);
        }
    }
}
