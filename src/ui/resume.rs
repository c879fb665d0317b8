//! The offer to pick up where the last run stopped: "Resume Morning back at step 9,
//! Cat-cow? Enter resume · n from the start".

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::cells::centered_lines;
use super::format;
use super::theme::Theme;

/// What the person chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Resume,
    FromTheStart,
    Quit,
}

/// Reads one key of the offer; `None` for keys that choose nothing.
pub fn choice(key: &KeyEvent) -> Option<Choice> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return (key.code == KeyCode::Char('c')).then_some(Choice::Quit);
    }
    match key.code {
        KeyCode::Enter | KeyCode::Char('y' | 'Y') => Some(Choice::Resume),
        KeyCode::Char('n' | 'N') => Some(Choice::FromTheStart),
        KeyCode::Char('q' | 'Q') | KeyCode::Esc => Some(Choice::Quit),
        _ => None,
    }
}

pub struct ResumeOffer<'a> {
    pub title: &'a str,
    /// 0-based.
    pub step: usize,
    pub step_name: &'a str,
    pub theme: Theme,
}

impl Widget for &ResumeOffer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let width = usize::from(area.width.saturating_sub(2)).max(1);
        let question = format!(
            "Resume {} at step {}, {}?",
            crate::format::printable(self.title),
            self.step + 1,
            crate::format::printable(self.step_name)
        );
        let mut lines: Vec<Line> = format::wrap(&question, width)
            .into_iter()
            .map(|line| Line::styled(line, theme.title()))
            .collect();
        if area.height as usize > lines.len() + 1 {
            lines.push(Line::raw(""));
        }
        lines.push(Line::from(vec![
            Span::styled("Enter", theme.key()),
            Span::styled(" resume · ", theme.dim()),
            Span::styled("n", theme.key()),
            Span::styled(
                if area.width >= 32 {
                    " from the start"
                } else {
                    " start over"
                },
                theme.dim(),
            ),
        ]));
        centered_lines(lines, area, buf);
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::ui::testing::draw;

    #[test]
    fn enter_resumes_n_starts_afresh_q_quits_and_other_keys_wait() {
        let press = |code| KeyEvent::new(code, KeyModifiers::NONE);
        assert_eq!(choice(&press(KeyCode::Enter)), Some(Choice::Resume));
        assert_eq!(
            choice(&press(KeyCode::Char('n'))),
            Some(Choice::FromTheStart)
        );
        assert_eq!(choice(&press(KeyCode::Char('q'))), Some(Choice::Quit));
        assert_eq!(choice(&press(KeyCode::Char('x'))), None);
    }

    #[test]
    fn the_offer_at_every_size() {
        let view = ResumeOffer {
            title: "Morning back",
            step: 8,
            step_name: "Cat-cow",
            theme: Theme::COLOR,
        };
        for (width, height) in [(80, 24), (30, 6)] {
            assert_snapshot!(
                format!("resume_{width}x{height}"),
                draw(width, height, &view)
            );
        }
    }
}
