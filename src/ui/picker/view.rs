//! The picker on screen: the list with lengths and titles, the selected routine's
//! description or problems, the filter and the keys (or, after Enter on a broken routine,
//! the problems page).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Item, Picker};
use crate::format::printable;
use crate::ui::format;
use crate::ui::theme::Theme;

pub struct PickerView<'a> {
    pub picker: &'a Picker,
    pub theme: Theme,
}

impl Widget for &PickerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (picker, theme) = (self.picker, self.theme);
        if let Some(item) = picker.problems_of.and_then(|i| picker.items.get(i)) {
            return super::problems::render(item, self.theme, area, buf);
        }
        let visible = picker.visible();
        let width = area.width.saturating_sub(2);
        let broken = picker
            .current()
            .is_some_and(|i| !picker.items[i].problems.is_empty());
        // The selected routine's description, or every problem of a broken one, a line each
        // as `validate` prints them; then where the user's own file is.
        let about: Vec<String> = picker.current().map_or(Vec::new(), |i| {
            let item = &picker.items[i];
            let mut paragraphs: Vec<String> = if item.problems.is_empty() {
                item.description.iter().cloned().collect()
            } else {
                item.problems.clone()
            };
            paragraphs.extend(item.path.iter().cloned());
            paragraphs
                .iter()
                .flat_map(|text| format::wrap(&printable(text), usize::from(width)))
                .collect()
        });
        let tall = area.height >= 12;
        let filter_rows = u16::from(picker.filtering || !picker.filter.is_empty());
        // The list gets at least three rows (or all there is), the description what is left,
        // up to four rows, right under the list.
        let fixed = 2 + filter_rows + u16::from(tall);
        let room = area.height.saturating_sub(fixed);
        let list_rows = (visible.len().max(1) as u16).min(room);
        let spare = room.saturating_sub(list_rows.max(3));
        let gap = u16::from(tall && !about.is_empty() && spare > 1);
        // A broken routine's problems take all the room there is; a description a few rows.
        let most = if broken { u16::MAX } else { 5 };
        let about_rows = (about.len() as u16)
            .min(most)
            .min(spare.saturating_sub(gap));
        let list_rows = room
            .saturating_sub(gap + about_rows)
            .min(list_rows.max(room.min(3)));
        let [header, practice, list, _, about_area, _, filter, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(u16::from(tall)),
            Constraint::Length(list_rows),
            Constraint::Length(gap),
            Constraint::Length(about_rows),
            Constraint::Fill(1),
            Constraint::Length(filter_rows),
            Constraint::Length(1),
        ])
        .areas(area);
        let inset = |area: Rect| area.inner(Margin::new(1, 0));

        let count = match (visible.len(), picker.items.len()) {
            (shown, all) if shown == all => format!("{all} routines"),
            (shown, all) => format!("{shown} of {all}"),
        };
        let room = usize::from(width).saturating_sub(count.chars().count() + 2);
        let title = ["supple: pick a routine", "pick a routine", "supple"]
            .into_iter()
            .find(|title| title.len() <= room)
            .unwrap_or("");
        Line::styled(title, theme.title()).render(inset(header), buf);
        Line::styled(count, theme.dim())
            .right_aligned()
            .render(inset(header), buf);

        if let Some(line) = &picker.practice {
            let line = format::ellipsis(&crate::format::printable(line), usize::from(width));
            Line::styled(line, theme.dim()).render(inset(practice), buf);
        }

        self.render_list(&visible, inset(list), buf);

        let about_style = if broken { theme.error() } else { theme.dim() };
        for (y, line) in (about_area.y..about_area.bottom()).zip(&about) {
            let line = if y + 1 == about_area.bottom() && about.len() > usize::from(about_rows) {
                format!(
                    "{}…",
                    format::ellipsis(line, usize::from(width) - 1).trim_end_matches('…')
                )
            } else {
                line.clone()
            };
            Line::styled(line, about_style).render(
                inset(Rect {
                    y,
                    height: 1,
                    ..about_area
                }),
                buf,
            );
        }

        if !filter.is_empty() {
            let cursor = if picker.filtering { "▏" } else { "" };
            Line::from(vec![
                Span::styled("/", theme.key()),
                Span::raw(format!("{}{cursor}", printable(&picker.filter))),
            ])
            .render(inset(filter), buf);
        }

        let enter = if broken { "problems" } else { "start" };
        let keys: &[(&str, &str, u8)] = if visible.is_empty() && !picker.filter.is_empty() {
            // Nothing matches: Enter has nothing to start; the way out comes first.
            &[("Esc", "clear", 0), ("Backspace", "edit", 1)]
        } else if picker.filtering {
            &[("Enter", enter, 0), ("Esc", "clear", 1), ("↑↓", "move", 2)]
        } else {
            &[
                ("↑↓ jk", "move", 3),
                ("Enter", enter, 0),
                ("/", "filter", 2),
                ("q", "quit", 1),
            ]
        };
        let with_stats: Vec<(&str, &str, u8)>;
        let keys = if picker.practice.is_some() && !picker.filtering {
            with_stats = keys.iter().copied().chain([("s", "stats", 4)]).collect();
            &with_stats[..]
        } else {
            keys
        };
        crate::ui::help::hints(keys, usize::from(width), theme).render(inset(footer), buf);
    }
}

/// Spaces that pad `text` to `width` columns.
fn pad(text: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(text.chars().count()))
}

impl PickerView<'_> {
    fn render_list(&self, visible: &[usize], area: Rect, buf: &mut Buffer) {
        let (picker, theme) = (self.picker, self.theme);
        if visible.is_empty() {
            let text = if picker.items.is_empty() {
                "No routines found."
            } else {
                "No routine matches the filter."
            };
            Line::styled(text, theme.dim()).render(area, buf);
            return;
        }
        let height = usize::from(area.height);
        let offset = (picker.selected + 1).saturating_sub(height);
        let wide = area.width >= 50;
        // Lengths in words when there is room, as a clock when there isn't.
        let length = |item: &Item| match item.length {
            Some(length) if wide => format::length(length),
            Some(length) => crate::format::countdown(length),
            None => "invalid".into(),
        };
        let length_width = visible
            .iter()
            .map(|&i| length(&picker.items[i]).chars().count())
            .max()
            .unwrap_or(0);
        let name_width = visible
            .iter()
            .map(|&i| printable(&picker.items[i].name).chars().count())
            .max()
            .unwrap_or(0)
            .min(usize::from(area.width).saturating_sub(length_width + 4));
        for (row, (position, &i)) in visible
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .enumerate()
        {
            let item = &picker.items[i];
            let selected = position == picker.selected;
            let row_area = Rect {
                y: area.y + row as u16,
                height: 1,
                ..area
            };
            let broken = !item.problems.is_empty();
            // Padded by hand: `format!`'s padding panics at widths of 65536 and more.
            let name = format::ellipsis(&printable(&item.name), name_width);
            let length = length(item);
            let mut spans = vec![
                Span::raw(if selected { "› " } else { "  " }),
                Span::styled(
                    format!("{name}{}  ", pad(&name, name_width)),
                    if broken { theme.error() } else { theme.title() },
                ),
                Span::styled(
                    format!("{}{length}", pad(&length, length_width)),
                    if broken { theme.error() } else { theme.dim() },
                ),
            ];
            let mark = if item.yours && wide { "yours" } else { "" };
            if wide {
                let used: usize = spans.iter().map(Span::width).sum();
                let room = usize::from(area.width).saturating_sub(used + 2 + mark.len() + 2);
                let style = if broken { theme.error() } else { Style::new() };
                spans.push(Span::raw("  "));
                spans.push(Span::styled(
                    format::ellipsis(&printable(&item.title), room),
                    style,
                ));
            }
            Line::from(spans).render(row_area, buf);
            // The user's own are marked in words, in the terminal's own colour: theirs is no
            // lesser than a built-in one, and only a broken one is in red.
            Line::raw(mark).right_aligned().render(row_area, buf);
            if selected {
                buf.set_style(row_area, theme.selected());
            }
        }
    }
}
