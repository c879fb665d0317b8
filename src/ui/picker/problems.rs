//! The problems page: after Enter on a broken routine, every problem it has, where its file
//! is and what to do, instead of a key that does nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::Item;
use crate::format::printable;
use crate::ui::format;
use crate::ui::theme::Theme;

/// Every problem of a broken routine, wrapped, with its file's path and what to do.
pub fn render(item: &Item, theme: Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let count = item.problems.len();
    let mut lines: Vec<Line> = vec![Line::styled(
        format::ellipsis(
            &format!(
                "{} can't start: {count} problem{}",
                printable(&item.name),
                if count == 1 { "" } else { "s" }
            ),
            width,
        ),
        theme.title(),
    )];
    let problems: Vec<String> = item
        .problems
        .iter()
        .flat_map(|problem| format::wrap(&printable(problem), width))
        .collect();
    // Where the file is and what to do, after the problems: on a small screen the
    // problems come first.
    let mut after: Vec<Line> = vec![Line::raw("")];
    if let Some(path) = &item.path {
        after.extend(
            format::wrap(&printable(path), width)
                .into_iter()
                .map(|line| Line::styled(line, theme.dim())),
        );
    }
    let hint = "Fix the file, then start supple again; `supple validate FILE` checks it.";
    after.extend(
        format::wrap(hint, width)
            .into_iter()
            .map(|line| Line::styled(line, theme.dim())),
    );
    // A blank line under the title when everything fits with it.
    if lines.len() + 1 + problems.len() + after.len() < usize::from(area.height) {
        lines.push(Line::raw(""));
    }
    let room = usize::from(area.height).saturating_sub(lines.len() + 1);
    let shown = problems.len().min(room);
    for (i, line) in problems.iter().take(shown).enumerate() {
        let line = if i + 1 == shown && shown < problems.len() {
            let keep = line.chars().count().min(width.saturating_sub(1));
            format!(
                "{}…",
                line.chars().take(keep).collect::<String>().trim_end()
            )
        } else {
            line.clone()
        };
        lines.push(Line::styled(line, theme.error()));
    }
    let room = room - shown;
    if after.len() <= room {
        lines.extend(after);
    } else if room >= 2 && item.path.is_some() {
        lines.extend(after.into_iter().take(room));
    }
    let inset = area.inner(Margin::new(1, 0));
    for (y, line) in (inset.y..inset.bottom().saturating_sub(1)).zip(lines) {
        line.render(
            Rect {
                y,
                height: 1,
                ..inset
            },
            buf,
        );
    }
    let footer = Rect {
        y: inset.bottom().saturating_sub(1),
        height: 1.min(inset.height),
        ..inset
    };
    let back = if width >= 24 {
        "back to the list"
    } else {
        "back"
    };
    crate::ui::help::hints(&[("any key", back, 0)], width, theme).render(footer, buf);
}
