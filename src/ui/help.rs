//! The key help overlay (`?`): every key the player takes, over whatever is showing.

use super::cells::centered_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::theme::Theme;

/// Keys, what they do in full, and in a word or two for small screens.
const KEYS: [(&str, &str, &str); 10] = [
    ("Space", "pause / resume", "pause"),
    ("n →", "skip to the next step", "next"),
    (
        "b ←",
        "back: restart the step, or the previous one in its first 3 s",
        "back",
    ),
    ("+ -", "10 s more / less on this countdown", "±10s"),
    ("m", "sound off / on", "mute"),
    ("v", "spoken guidance: off / names / full", "voice"),
    ("?", "show / hide this help (Esc hides it too)", "help"),
    ("q Esc", "stop, and see what was done", "stop"),
    ("Ctrl-C", "quit at once", "quit"),
    ("Ctrl-Z", "suspend; `fg` comes back, paused", "suspend"),
];

/// A footer of key hints, `(key, what, priority)`, shown in the given order; when they
/// don't all fit, the lowest priorities (highest numbers) go first.
pub fn hints(keys: &[(&str, &str, u8)], width: usize, theme: Theme) -> Line<'static> {
    let cost = |(key, what, _): &(&str, &str, u8)| key.chars().count() + 1 + what.chars().count();
    let mut by_priority: Vec<usize> = (0..keys.len()).collect();
    by_priority.sort_by_key(|&i| keys[i].2);
    let mut kept = vec![false; keys.len()];
    let mut used = 0;
    for i in by_priority {
        let more = cost(&keys[i]) + if used > 0 { 2 } else { 0 };
        if used + more <= width {
            used += more;
            kept[i] = true;
        }
    }
    let mut spans = Vec::new();
    for (key, what, _) in keys
        .iter()
        .zip(&kept)
        .filter(|(_, kept)| **kept)
        .map(|(k, _)| k)
    {
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key.to_string(), theme.key()));
        spans.push(Span::styled(format!(" {what}"), theme.dim()));
    }
    Line::from(spans)
}

pub struct Help {
    pub theme: Theme,
}

impl Widget for &Help {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let key_width = KEYS.iter().map(|k| k.0.chars().count()).max().unwrap_or(0);
        let text_width = KEYS.iter().map(|k| k.1.chars().count()).max().unwrap_or(0);
        let (width, height) = (
            (key_width + 2 + text_width + 4) as u16,
            KEYS.len() as u16 + 2,
        );
        if area.width >= width && area.height >= height {
            let box_area = area.centered(
                ratatui::layout::Constraint::Length(width),
                ratatui::layout::Constraint::Length(height),
            );
            Clear.render(box_area, buf);
            let block = Block::bordered()
                .title(Line::styled(" Keys ", self.theme.title()).centered())
                .border_style(self.theme.dim());
            let inner = block
                .inner(box_area)
                .inner(ratatui::layout::Margin::new(1, 0));
            block.render(box_area, buf);
            for (y, (keys, what, _)) in (inner.y..).zip(KEYS) {
                Line::from(vec![
                    Span::styled(format!("{keys:<key_width$}  "), self.theme.key()),
                    Span::raw(what),
                ])
                .render(
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    buf,
                );
            }
        } else {
            self.render_compact(area, buf);
        }
    }
}

impl Help {
    /// Small screens: the whole area, keys packed several to a row.
    fn render_compact(&self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let width = usize::from(area.width);
        let mut rows: Vec<Vec<Span>> = vec![Vec::new()];
        let mut used = 0;
        for (keys, _, short) in KEYS {
            let keys = match keys {
                "Ctrl-Z" => "^Z",
                "Ctrl-C" => "^C",
                keys => keys,
            };
            let cost = keys.chars().count() + 1 + short.chars().count();
            if used > 0 && used + 2 + cost > width {
                rows.push(Vec::new());
                used = 0;
            }
            let row = rows.last_mut().expect("never empty");
            if used > 0 {
                row.push(Span::raw("  "));
                used += 2;
            }
            row.push(Span::styled(keys, self.theme.key()));
            row.push(Span::raw(format!(" {short}")));
            used += cost;
        }
        centered_lines(rows.into_iter().map(Line::from), area, buf);
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::ui::testing::draw;

    #[test]
    fn help_lists_every_key_at_every_size() {
        let help = Help {
            theme: Theme::COLOR,
        };
        for (width, height) in [(80, 24), (40, 12), (24, 7)] {
            let backend = draw(width, height, &help);
            let text = backend.to_string();
            for needle in ["Space", "n", "b", "+", "m", "v", "?", "q", "Z"] {
                assert!(text.contains(needle), "{needle} at {width}x{height}");
            }
            assert_snapshot!(format!("help_{width}x{height}"), backend);
        }
    }
}
