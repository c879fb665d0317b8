//! The end of a routine: what happened (finished, stopped early, every step skipped), how
//! long it took, what was done and skipped, and what the keys do now.
//!
//! The view is a pure function of `Summary`: a new line is a field and a row in `rows`.

use super::cells::centered_lines;
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::format;
use super::theme::Theme;
use crate::session::PhaseKind;

/// How the routine ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It ran to its end (some steps may have been skipped).
    Finished,
    /// The person stopped it (`q`).
    Stopped,
}

/// The screen a routine was started from, which the summary's `q` goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackTo {
    /// The picker's list of routines.
    List,
    /// The countdown of `supple breaks`.
    Breaks,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub ended: Ended,
    /// Routine time: the time spent moving, pauses left out.
    pub taken: Duration,
    /// Time spent paused.
    pub paused: Duration,
    pub completed: usize,
    pub skipped: usize,
    pub steps: usize,
    /// Where `q` goes from here: back to the screen the routine was started from, or (none)
    /// out of the program.
    pub back_to: Option<BackTo>,
}

impl Summary {
    /// What happened, in a few words.
    pub fn headline(&self) -> String {
        match self.ended {
            Ended::Stopped if self.completed == 0 => "Stopped before any step was done".into(),
            Ended::Stopped => "Stopped early".into(),
            Ended::Finished if self.completed == 0 => "Every step was skipped".into(),
            Ended::Finished if self.skipped > 0 => format!("Done, {} skipped", self.skipped),
            Ended::Finished => "Done!".into(),
        }
    }

    /// What happened, in a word, for small screens.
    pub fn headline_short(&self) -> &'static str {
        match self.ended {
            Ended::Stopped => "Stopped",
            Ended::Finished if self.completed == 0 => "All skipped",
            Ended::Finished => "Done!",
        }
    }

    /// The label and value rows, in order.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let mut rows = vec![
            ("time taken", format::elapsed(self.taken)),
            ("completed", format!("{} of {}", self.completed, self.steps)),
        ];
        if self.skipped > 0 {
            rows.push(("skipped", self.skipped.to_string()));
        }
        let left = self.steps.saturating_sub(self.completed + self.skipped);
        if left > 0 {
            rows.push(("not reached", left.to_string()));
        }
        if self.paused >= Duration::from_secs(1) {
            rows.push(("paused", format::elapsed(self.paused)));
        }
        rows
    }

    /// The keys and what each does from here, in full and in a word.
    pub fn keys(&self, short: bool) -> [(&'static str, &'static str); 2] {
        let back = match (self.back_to, short) {
            (Some(BackTo::List), false) => "back to the list",
            (Some(BackTo::List), true) => "list",
            (Some(BackTo::Breaks), false) => "back to the breaks",
            (Some(BackTo::Breaks), true) => "back",
            (None, _) => "quit",
        };
        let again = if short { "again" } else { "start again" };
        [("r", again), ("q", back)]
    }
}

pub struct SummaryView<'a> {
    pub summary: &'a Summary,
    pub theme: Theme,
}

impl Widget for &SummaryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, theme) = (self.summary, self.theme);
        let width = usize::from(area.width);
        let rows = s.rows();
        let label_width = rows.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
        let value_width = rows
            .iter()
            .map(|(_, value)| value.chars().count())
            .max()
            .unwrap_or(0);
        let row = |label: &str, value: &str| {
            // Padded by hand: a width from data must never reach `format!`'s padding.
            let pad = |text: &str, to: usize| " ".repeat(to.saturating_sub(text.chars().count()));
            Line::from(vec![
                Span::styled(format!("{}{label}  ", pad(label, label_width)), theme.dim()),
                Span::styled(format!("{value}{}", pad(value, value_width)), theme.title()),
            ])
        };
        let headline_style = match (s.ended, s.completed) {
            (Ended::Finished, 1..) => theme.title().patch(theme.phase(PhaseKind::Hold)),
            _ => theme.title(),
        };
        let mut lines = vec![
            Line::styled(
                Some(s.headline())
                    .filter(|headline| headline.chars().count() <= width)
                    .unwrap_or_else(|| s.headline_short().to_string()),
                headline_style,
            ),
            Line::styled(
                format::ellipsis(&crate::format::printable(&s.title), width),
                theme.title(),
            ),
            Line::raw(""),
        ];
        lines.extend(rows.iter().map(|(label, value)| row(label, value)));
        lines.push(Line::raw(""));
        let keys_line = |short| {
            let mut keys = Vec::new();
            for (key, what) in s.keys(short) {
                if !keys.is_empty() {
                    keys.push(Span::raw("  "));
                }
                keys.push(Span::styled(key, theme.key()));
                keys.push(Span::styled(format!(" {what}"), theme.dim()));
            }
            Line::from(keys)
        };
        let keys = Some(keys_line(false))
            .filter(|line| line.width() <= width)
            .unwrap_or_else(|| keys_line(true));
        // Small screens lose the blank lines first, then the title, then rows from the
        // bottom; the keys always stay.
        let height = usize::from(area.height);
        if lines.len() + 1 > height {
            lines.retain(|line| line.width() > 0);
        }
        if lines.len() + 1 > height && lines.len() > 1 {
            lines.remove(1);
        }
        lines.truncate(height.saturating_sub(1));
        lines.push(keys);
        centered_lines(lines, area, buf);
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::ui::testing::draw;

    fn summary() -> Summary {
        Summary {
            title: "Morning back".into(),
            ended: Ended::Finished,
            taken: Duration::from_secs(17 * 60 + 40),
            paused: Duration::from_secs(65),
            completed: 10,
            skipped: 2,
            steps: 12,
            back_to: None,
        }
    }

    #[test]
    fn the_summary_at_every_size() {
        let summary = summary();
        let view = SummaryView {
            summary: &summary,
            theme: Theme::COLOR,
        };
        for (width, height) in [(80, 24), (40, 12), (24, 7), (20, 5), (200, 60)] {
            assert_snapshot!(
                format!("summary_{width}x{height}"),
                draw(width, height, &view)
            );
        }
    }

    #[test]
    fn the_headline_says_what_happened() {
        let mut s = summary();
        assert_eq!(s.headline(), "Done, 2 skipped");
        s.skipped = 0;
        s.completed = 12;
        assert_eq!(s.headline(), "Done!");
        s.completed = 0;
        s.skipped = 12;
        assert_eq!(s.headline(), "Every step was skipped");
        s.ended = Ended::Stopped;
        assert_eq!(s.headline(), "Stopped before any step was done");
        s.completed = 3;
        s.skipped = 1;
        assert_eq!(s.headline(), "Stopped early");
        assert!(s.rows().contains(&("not reached", "8".into())));
    }

    #[test]
    fn stopped_from_the_picker_the_keys_say_where_they_go() {
        let summary = Summary {
            ended: Ended::Stopped,
            completed: 3,
            skipped: 0,
            back_to: Some(BackTo::List),
            ..summary()
        };
        let view = SummaryView {
            summary: &summary,
            theme: Theme::COLOR,
        };
        let backend = draw(40, 12, &view);
        assert!(backend.to_string().contains("q back to the list"));
        assert_snapshot!("summary_stopped_40x12", backend);
    }

    #[test]
    fn a_break_from_supple_breaks_goes_back_to_the_breaks() {
        let from_breaks = Summary {
            back_to: Some(BackTo::Breaks),
            ..summary()
        };
        assert_eq!(from_breaks.keys(false)[1], ("q", "back to the breaks"));
        assert_eq!(from_breaks.keys(true)[1], ("q", "back"));
        let alone = Summary {
            back_to: None,
            ..summary()
        };
        assert_eq!(alone.keys(false), [("r", "start again"), ("q", "quit")]);
    }
}
