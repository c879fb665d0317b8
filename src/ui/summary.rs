//! The end of a routine: how long it took, what was done and skipped, and what next.

use super::cells::centered_lines;
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::format;
use super::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    /// Routine time: the time spent moving, pauses left out.
    pub taken: Duration,
    /// Time spent paused.
    pub paused: Duration,
    pub completed: usize,
    pub skipped: usize,
    pub steps: usize,
}

pub struct SummaryView<'a> {
    pub summary: &'a Summary,
    pub theme: Theme,
}

impl Widget for &SummaryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, theme) = (self.summary, self.theme);
        let row = |label: &str, value: String| {
            Line::from(vec![
                Span::styled(format!("{label:>10}  "), theme.dim()),
                Span::styled(format!("{value:<10}"), theme.title()),
            ])
        };
        let mut lines = vec![
            Line::styled(
                "Done!",
                theme
                    .title()
                    .patch(theme.phase(crate::session::PhaseKind::Hold)),
            ),
            Line::styled(
                format::ellipsis(&s.title, usize::from(area.width)),
                theme.title(),
            ),
            Line::raw(""),
            row("time taken", format::elapsed(s.taken)),
            row("completed", format!("{} of {}", s.completed, s.steps)),
            row("skipped", s.skipped.to_string()),
        ];
        if s.paused >= Duration::from_secs(1) {
            lines.push(row("paused", format::elapsed(s.paused)));
        }
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled("r", theme.key()),
            Span::styled(" again  ", theme.dim()),
            Span::styled("q", theme.key()),
            Span::styled(" quit", theme.dim()),
        ]));
        // Small screens lose the blank lines first, then the title.
        let mut lines: Vec<Line> = if lines.len() > usize::from(area.height) {
            lines.into_iter().filter(|line| line.width() > 0).collect()
        } else {
            lines
        };
        if lines.len() > usize::from(area.height) {
            lines.remove(1);
        }
        centered_lines(lines, area, buf);
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::ui::testing::draw;

    #[test]
    fn the_summary_at_every_size() {
        let summary = Summary {
            title: "Morning back".into(),
            taken: Duration::from_secs(17 * 60 + 40),
            paused: Duration::from_secs(65),
            completed: 10,
            skipped: 2,
            steps: 12,
        };
        let view = SummaryView {
            summary: &summary,
            theme: Theme::COLOR,
        };
        for (width, height) in [(80, 24), (40, 12), (24, 7)] {
            assert_snapshot!(
                format!("summary_{width}x{height}"),
                draw(width, height, &view)
            );
        }
    }
}
