//! Small drawing helpers shared by the screens.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Draws lines centred both ways in `area`; lines that don't fit at the bottom are cut.
pub fn centered_lines<'a>(lines: impl IntoIterator<Item = Line<'a>>, area: Rect, buf: &mut Buffer) {
    let lines: Vec<Line> = lines.into_iter().collect();
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (y, line) in (top..area.bottom()).zip(lines) {
        line.centered().render(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

/// Like `Buffer::set_stringn` for text known to be one cell per char (block glyphs and
/// spaces): skips the Unicode width lookups that made the pacer and the big digits most of a
/// frame's cost while breathing, when frames come 25 times a second.
pub fn put_row(buf: &mut Buffer, x: u16, y: u16, row: &str, max_width: usize, style: Style) {
    for (column, glyph) in (x..).zip(row.chars().take(max_width)) {
        if let Some(cell) = buf.cell_mut((column, y)) {
            set_glyph(cell, glyph, style);
        }
    }
}

/// Puts one single-width glyph in `cell`, marked as one column wide: ratatui's diff then
/// compares it without looking its width up in the Unicode tables, which for the blocks of
/// the pacer, the big digits and the gauges was a fifth of what a full frame cost. Every
/// glyph the player writes goes through here, so a cell written alone and the same cell
/// from a full frame are equal.
pub fn set_glyph(cell: &mut Cell, glyph: char, style: Style) {
    cell.set_char(glyph)
        .set_style(style)
        .set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::MIN));
}

/// A cell of one single-width glyph, as [`set_glyph`] makes it.
pub fn glyph_cell(glyph: char, style: Style) -> Cell {
    let mut cell = Cell::default();
    set_glyph(&mut cell, glyph, style);
    cell
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    #[test]
    fn writes_like_set_stringn_for_single_width_text() {
        let area = Rect::new(0, 0, 6, 1);
        let (mut fast, mut slow) = (Buffer::empty(area), Buffer::empty(area));
        put_row(&mut fast, 1, 0, "█▀▄ █▀▄", 4, Style::new());
        slow.set_stringn(1, 0, "█▀▄ █▀▄", 4, Style::new());
        for x in 1..5 {
            slow[(x, 0)].set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::MIN));
        }
        assert_eq!(fast, slow);
    }

    #[test]
    fn stops_at_the_buffer_edge() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        put_row(&mut buf, 1, 0, "████", 10, Style::new());
        let symbols: String = buf.content().iter().map(Cell::symbol).collect();
        assert_eq!(symbols, " ██");
    }
}
