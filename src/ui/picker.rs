//! The picker `supple` opens with no arguments: every routine with its length and
//! description; a broken one shows its problems instead of hiding or crashing the list, and
//! Enter on it shows every problem and the file's path.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::routine::file::Problem;
use crate::routine::library::{Entry, Origin};
use crate::session::Plan;

/// One routine as the picker lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub name: String,
    pub title: String,
    /// `None` for a broken routine.
    pub length: Option<Duration>,
    pub description: Option<String>,
    /// The user's own (or a file), not built in.
    pub yours: bool,
    /// The file it comes from, for the user's own, as the user would type it (`~/…`).
    pub path: Option<String>,
    /// Every problem, one per line; empty when the routine is valid.
    pub problems: Vec<String>,
}

impl Item {
    pub fn from_entry(entry: &Entry) -> Item {
        let yours = !matches!(entry.origin, Origin::BuiltIn);
        let path = match &entry.origin {
            Origin::BuiltIn => None,
            Origin::User(path) | Origin::File(path) => Some(shown_path(path)),
        };
        match &entry.routine {
            Ok(routine) => Item {
                name: entry.name.clone(),
                title: routine.title.clone(),
                length: Some(Plan::new(routine).total()),
                description: routine.description.clone(),
                yours,
                path,
                problems: Vec::new(),
            },
            Err(problems) => Item {
                name: entry.name.clone(),
                title: problems
                    .first()
                    .map_or_else(|| "invalid".into(), |p| p.message.clone()),
                length: None,
                description: None,
                yours,
                path,
                problems: problems.iter().map(problem_text).collect(),
            },
        }
    }
}

/// The path with the home folder as `~`, shorter and as the user knows it.
fn shown_path(path: &Path) -> String {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match home
        .as_deref()
        .and_then(|home| path.strip_prefix(home).ok())
    {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    }
}

/// A problem without its file (the list already says which routine it is).
fn problem_text(problem: &Problem) -> String {
    match (problem.line, problem.path.as_str()) {
        (0, _) => problem.message.clone(),
        (line, "") => format!("line {line}: {}", problem.message),
        (line, path) => format!("line {line}: {path}: {}", problem.message),
    }
}

/// What a key did in the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    /// Start this item (an index into the items).
    Start(usize),
    /// Open the stats screen (`s`, when the practice line shows).
    Stats,
    Quit,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub items: Vec<Item>,
    pub filter: String,
    /// Typing goes into the filter.
    pub filtering: bool,
    /// Position in the visible (filtered) list.
    pub selected: usize,
    /// The broken routine (an index into the items) whose problems fill the screen, after
    /// Enter on it.
    pub problems_of: Option<usize>,
    /// The one-line practice summary (streak, last session), when there is a history.
    pub practice: Option<String>,
}

impl Picker {
    pub fn new(items: Vec<Item>) -> Picker {
        Picker {
            items,
            filter: String::new(),
            filtering: false,
            selected: 0,
            problems_of: None,
            practice: None,
        }
    }

    /// Indexes of the items the filter lets through: name or title containing it, any case.
    pub fn visible(&self) -> Vec<usize> {
        let needle = self.filter.to_lowercase();
        (0..self.items.len())
            .filter(|&i| {
                let item = &self.items[i];
                item.name.to_lowercase().contains(&needle)
                    || item.title.to_lowercase().contains(&needle)
            })
            .collect()
    }

    pub(crate) fn current(&self) -> Option<usize> {
        self.visible().get(self.selected).copied()
    }

    /// Applies one key event; only presses count.
    pub fn handle(&mut self, key: &KeyEvent) -> Option<Picked> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.problems_of.is_some() {
            // The problems page: any key but Ctrl-C goes back to the list.
            if ctrl && key.code == KeyCode::Char('c') {
                return Some(Picked::Quit);
            }
            self.problems_of = None;
            return None;
        }
        let count = self.visible().len();
        let last = count.saturating_sub(1);
        match key.code {
            KeyCode::Char('c') if ctrl => return Some(Picked::Quit),
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down => self.selected = (self.selected + 1).min(last),
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(10),
            KeyCode::PageDown => self.selected = (self.selected + 10).min(last),
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = last,
            KeyCode::Enter => {
                // With nothing matching, Enter has nothing to start: typing goes on.
                let current = self.current()?;
                self.filtering = false;
                if self.items[current].problems.is_empty() {
                    return Some(Picked::Start(current));
                }
                self.problems_of = Some(current);
            }
            KeyCode::Esc if self.filtering || !self.filter.is_empty() => {
                self.filtering = false;
                self.filter.clear();
            }
            // Backspace edits the filter whenever there is one, typing or not.
            KeyCode::Backspace if self.filtering || !self.filter.is_empty() => {
                self.filtering = self.filter.pop().is_some();
                self.selected = 0;
            }
            KeyCode::Char(c) if self.filtering && !ctrl => {
                self.filter.push(c);
                self.selected = 0;
            }
            KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::Char('g') => self.selected = 0,
            KeyCode::Char('G') => self.selected = last,
            KeyCode::Char('/') => self.filtering = true,
            KeyCode::Char('s') if self.practice.is_some() => return Some(Picked::Stats),
            KeyCode::Char('q') | KeyCode::Esc => return Some(Picked::Quit),
            _ => {}
        }
        None
    }
}

mod problems;
mod view;

pub use view::PickerView;

#[cfg(test)]
mod tests;
