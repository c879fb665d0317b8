//! The stiffness prompt, "How stiff is your back? 0 none … 10 worst": answered with one or
//! two keys (a digit; 1 then 0 for ten; or the arrows and Enter), skipped with one.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::cells::centered_lines;
use super::theme::Theme;

pub const QUESTION: &str = "How stiff is your back?";
pub const SCALE: &str = "0 none … 10 worst";

/// How the prompt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Rated(u8),
    Skipped,
    /// `q` or Ctrl-C.
    Quit,
}

/// The prompt's state: the rating chosen so far, if any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rating {
    pub chosen: Option<u8>,
    /// A `1` was typed: a `0` next makes it ten.
    one_typed: bool,
}

impl Rating {
    /// Applies one key event; only presses count.
    pub fn handle(&mut self, key: &KeyEvent) -> Option<Answer> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        let one_typed = std::mem::take(&mut self.one_typed);
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            return (key.code == KeyCode::Char('c')).then_some(Answer::Quit);
        }
        match key.code {
            KeyCode::Char('0') if one_typed => return Some(Answer::Rated(10)),
            KeyCode::Char('1') => {
                self.chosen = Some(1);
                self.one_typed = true;
            }
            KeyCode::Char(digit @ '0'..='9') => {
                return Some(Answer::Rated(digit as u8 - b'0'));
            }
            KeyCode::Right | KeyCode::Up | KeyCode::Char('l' | 'k') => {
                self.chosen = Some(self.chosen.map_or(5, |n| (n + 1).min(10)));
            }
            KeyCode::Left | KeyCode::Down | KeyCode::Char('h' | 'j') => {
                self.chosen = Some(self.chosen.map_or(5, |n| n.saturating_sub(1)));
            }
            KeyCode::Enter => return self.chosen.map(Answer::Rated),
            KeyCode::Char('s' | 'S') | KeyCode::Esc => return Some(Answer::Skipped),
            KeyCode::Char('q' | 'Q') => return Some(Answer::Quit),
            _ => {}
        }
        None
    }
}

/// The prompt as a widget.
pub struct RatingView<'a> {
    pub rating: &'a Rating,
    pub theme: Theme,
}

impl RatingView<'_> {
    /// The lines, most important first kept when the area is short.
    fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme;
        // Brackets mark the choice without colour too, where there is room for them.
        let roomy = width >= 40;
        let mut scale: Vec<Span> = Vec::new();
        for n in 0..=10u8 {
            let chosen = self.rating.chosen == Some(n);
            let style = if chosen {
                theme.selected()
            } else {
                theme.title()
            };
            let (open, close) = match (roomy, chosen) {
                (true, true) => ("[", "]"),
                (true, false) => (" ", " "),
                (false, _) => (if n > 0 { " " } else { "" }, ""),
            };
            scale.push(Span::raw(open));
            scale.push(Span::styled(n.to_string(), style));
            scale.push(Span::raw(close));
        }
        let keys = if width >= 40 {
            "0–9, 1 0 for ten · ←→ Enter · s skip"
        } else {
            "0–10 · s skip"
        };
        vec![
            Line::styled(QUESTION, theme.title()),
            Line::styled(SCALE, theme.dim()),
            Line::from(scale),
            Line::styled(keys, theme.key()),
        ]
    }
}

impl Widget for &RatingView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut lines = self.lines(area.width);
        let spaced = usize::from(area.height) >= lines.len() * 2 - 1;
        if spaced {
            // A blank line between the question and the keys.
            let keys = lines.len() - 1;
            lines.insert(keys, Line::raw(""));
        }
        // Short screens lose the blank line, then the scale's words, then the question.
        while lines.len() > usize::from(area.height) && lines.len() > 1 {
            let drop = lines.iter().position(|line| line.width() == 0).unwrap_or(1);
            lines.remove(drop.min(lines.len() - 1));
        }
        centered_lines(lines, area, buf);
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::ui::testing::draw;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn answer(keys: &[KeyCode]) -> Option<Answer> {
        let mut rating = Rating::default();
        keys.iter().find_map(|code| rating.handle(&press(*code)))
    }

    #[test]
    fn one_digit_rates_at_once() {
        assert_eq!(answer(&[KeyCode::Char('0')]), Some(Answer::Rated(0)));
        assert_eq!(answer(&[KeyCode::Char('7')]), Some(Answer::Rated(7)));
    }

    #[test]
    fn one_then_zero_is_ten_and_one_then_enter_is_one() {
        use KeyCode::{Char, Enter};
        assert_eq!(answer(&[Char('1'), Char('0')]), Some(Answer::Rated(10)));
        assert_eq!(answer(&[Char('1'), Enter]), Some(Answer::Rated(1)));
        assert_eq!(answer(&[Char('1'), Char('4')]), Some(Answer::Rated(4)));
        assert_eq!(answer(&[Char('1')]), None);
    }

    #[test]
    fn the_arrows_move_from_the_middle_and_enter_rates() {
        use KeyCode::{Enter, Left, Right};
        assert_eq!(answer(&[Right, Right, Enter]), Some(Answer::Rated(6)));
        assert_eq!(answer(&[Left, Enter]), Some(Answer::Rated(5)));
        let ten: Vec<KeyCode> = std::iter::repeat_n(Right, 12).chain([Enter]).collect();
        assert_eq!(answer(&ten), Some(Answer::Rated(10)));
        assert_eq!(answer(&[Enter]), None, "Enter with nothing chosen waits");
    }

    #[test]
    fn one_key_skips_and_q_quits() {
        assert_eq!(answer(&[KeyCode::Char('s')]), Some(Answer::Skipped));
        assert_eq!(answer(&[KeyCode::Esc]), Some(Answer::Skipped));
        assert_eq!(answer(&[KeyCode::Char('q')]), Some(Answer::Quit));
        let mut rating = Rating::default();
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(rating.handle(&ctrl_c), Some(Answer::Quit));
    }

    #[test]
    fn the_prompt_at_every_size() {
        let rating = Rating {
            chosen: Some(6),
            one_typed: false,
        };
        let view = RatingView {
            rating: &rating,
            theme: Theme::COLOR,
        };
        for (width, height) in [(80, 24), (30, 6), (24, 3)] {
            assert_snapshot!(
                format!("rating_{width}x{height}"),
                draw(width, height, &view)
            );
        }
    }
}
