//! The breaks screen: a calm countdown to the next break, the breaks taken today and the
//! keys; "Time to move" when one is due. Enter plays the break in place on the same screen.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

mod screen;

pub use screen::BreakScreen;

use super::cells::centered_lines;
use super::format;
use super::help::hints;
use super::keys::{Key, key};
use super::theme::Theme;
use crate::breaks::machine::MAX_REMINDERS;
use crate::breaks::{Breaks, Command, Request, State};
use crate::session::PhaseKind;

const MINUTE: Duration = Duration::from_secs(60);

/// What the screen shows, coarsely: when it is unchanged, so is the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// Minutes to the next break, rounded up: "1 min" in the last minute.
    Waiting {
        minutes: u64,
    },
    Due {
        reminder: u32,
    },
    OnBreak,
}

impl Look {
    pub fn of(breaks: &Breaks, now: Duration) -> Look {
        match breaks.state() {
            State::Waiting { due_at } => Look::Waiting {
                minutes: minutes_up(due_at.saturating_sub(now)),
            },
            State::Due { reminders, .. } => Look::Due {
                reminder: reminders,
            },
            State::OnBreak => Look::OnBreak,
        }
    }
}

/// Whole minutes, rounded up.
fn minutes_up(left: Duration) -> u64 {
    crate::format::ceil_secs(left).div_ceil(60)
}

/// When the rounded-up minutes next change: the moment `left` reaches the minute below.
fn next_minute(left: Duration) -> Duration {
    let minutes = minutes_up(left);
    left.saturating_sub(MINUTE * minutes.saturating_sub(1) as u32)
}

/// The breaks screen as a pure view.
pub struct BreaksView<'a> {
    pub look: Look,
    /// The break's routine and its length.
    pub what: &'a str,
    pub every: Duration,
    pub taken: u32,
    pub notice: Option<&'a str>,
    pub theme: Theme,
}

impl Widget for &BreaksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let width = usize::from(area.width);
        let [header, body, notice, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(u16::from(self.notice.is_some() && area.height > 6)),
            Constraint::Length(1),
        ])
        .areas(area);
        let every = format!("every {}", crate::format::length(self.every));
        let head = if width >= 14 + every.len() {
            format!("supple breaks{:>pad$}", every, pad = width - 13)
        } else {
            "supple breaks".to_string()
        };
        Line::styled(format::ellipsis(&head, width), theme.dim()).render(header, buf);

        let what = Line::styled(format::ellipsis(self.what, width), theme.title());
        let today = Line::styled(
            format::ellipsis(&format!("Breaks taken today: {}", self.taken), width),
            theme.dim(),
        );
        let gap = || Line::raw("");
        let tall = body.height >= 9;
        let lines: Vec<Line> = match self.look {
            Look::Waiting { minutes } => {
                let mut lines = vec![
                    Line::styled("Next break in", theme.dim()),
                    Line::styled(format!("{minutes} min"), theme.big(PhaseKind::Rest, false)),
                    what,
                ];
                if tall {
                    lines.insert(2, gap());
                    lines.push(gap());
                }
                lines.push(today);
                lines
            }
            Look::Due { reminder } => {
                let title = if reminder == 0 {
                    "Time to move".to_string()
                } else {
                    format!("Still time to move ({reminder} of {MAX_REMINDERS})")
                };
                let mut lines = vec![
                    Line::styled(
                        format::ellipsis(&title, width),
                        theme.big(PhaseKind::Hold, false),
                    ),
                    what,
                    Line::styled(
                        format::ellipsis("Stand up and move for a minute or two.", width),
                        theme.dim(),
                    ),
                ];
                if tall {
                    lines.insert(1, gap());
                    lines.push(gap());
                    lines.push(today);
                }
                lines
            }
            Look::OnBreak => vec![what],
        };
        centered_lines(lines, body, buf);
        if let Some(text) = self.notice {
            Line::styled(format::ellipsis(text, width), theme.notice())
                .centered()
                .render(notice, buf);
        }
        let keys: &[(&str, &str, u8)] = match self.look {
            Look::Due { .. } => &[
                ("Enter", "start", 0),
                ("s", "snooze 10 min", 2),
                ("x", "skip", 1),
                ("q", "quit", 0),
            ],
            _ => &[
                ("Enter", "break now", 1),
                ("x", "skip", 2),
                ("q", "quit", 0),
            ],
        };
        hints(keys, width, theme).render(footer, buf);
    }
}

/// The breaks screen's keys (interface.md): Enter starts the break now, `s` snoozes, `x`
/// skips, `q` (or Esc, Ctrl-C) quits.
pub fn request(event: &KeyEvent) -> Option<Request> {
    match (key(event)?, event.code) {
        (Key::Enter, _) => Some(Request::Breaks(Command::Start)),
        (Key::Quit | Key::Escape | Key::Interrupt, _) => Some(Request::Quit),
        (Key::Other, KeyCode::Char('s' | 'S')) => Some(Request::Breaks(Command::Snooze)),
        (Key::Other, KeyCode::Char('x' | 'X')) => Some(Request::Breaks(Command::Skip)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::ui::testing::draw;

    fn view(look: Look, notice: Option<&str>) -> BreaksView<'_> {
        BreaksView {
            look,
            what: "Movement break (2 min 3 s)",
            every: Duration::from_secs(90 * 60),
            taken: 2,
            notice,
            theme: Theme::COLOR,
        }
    }

    #[test]
    fn the_waiting_screen_at_a_normal_and_a_small_size() {
        let waiting = view(Look::Waiting { minutes: 42 }, None);
        for (width, height) in [(80, 24), (30, 8)] {
            assert_snapshot!(
                format!("breaks_waiting_{width}x{height}"),
                draw(width, height, &waiting)
            );
        }
    }

    #[test]
    fn the_due_screen_at_a_normal_and_a_small_size() {
        let due = view(
            Look::Due { reminder: 0 },
            Some("no sound device, running silently"),
        );
        for (width, height) in [(80, 24), (30, 8)] {
            assert_snapshot!(
                format!("breaks_due_{width}x{height}"),
                draw(width, height, &due)
            );
        }
        let reminded = view(Look::Due { reminder: 2 }, None);
        assert!(format!("{:?}", draw(80, 24, &reminded)).contains("Still time to move (2 of 3)"));
    }

    #[test]
    fn the_keys_are_start_snooze_skip_and_quit() {
        use crossterm::event::KeyModifiers;
        let press = |code| request(&KeyEvent::new(code, KeyModifiers::NONE));
        assert_eq!(press(KeyCode::Enter), Some(Request::Breaks(Command::Start)));
        assert_eq!(
            press(KeyCode::Char('s')),
            Some(Request::Breaks(Command::Snooze))
        );
        assert_eq!(
            press(KeyCode::Char('x')),
            Some(Request::Breaks(Command::Skip))
        );
        assert_eq!(press(KeyCode::Char('q')), Some(Request::Quit));
        assert_eq!(press(KeyCode::Esc), Some(Request::Quit));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(request(&ctrl_c), Some(Request::Quit));
        // The player's keys mean nothing here.
        assert_eq!(press(KeyCode::Char(' ')), None);
        assert_eq!(press(KeyCode::Char('n')), None);
    }

    #[test]
    fn the_countdown_changes_once_a_minute() {
        let min = |m: u64| Duration::from_secs(m * 60);
        assert_eq!(minutes_up(min(90)), 90);
        assert_eq!(minutes_up(min(90) - Duration::from_millis(1)), 90);
        assert_eq!(minutes_up(min(89)), 89);
        assert_eq!(minutes_up(Duration::from_secs(1)), 1);
        assert_eq!(next_minute(min(90)), min(1));
        assert_eq!(
            next_minute(min(90) - Duration::from_secs(20)),
            Duration::from_secs(40)
        );
        assert_eq!(
            next_minute(Duration::from_secs(30)),
            Duration::from_secs(30)
        );
    }
}
