//! Moving the pacer without a full frame: between full frames only the pacer's changed
//! cells go to the terminal, and the next full frame puts right the cells that ratatui,
//! which did not see them change, would otherwise leave as they are.

use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::super::cells::glyph_cell;
use super::{Form, Picture};

/// A cell to write to the terminal: column, row and what goes there.
pub type Write = (u16, u16, Cell);

/// Where the pacer is, and what the terminal shows of it.
#[derive(Debug, Default)]
pub struct Painter {
    placed: Option<Placed>,
}

#[derive(Debug)]
struct Placed {
    area: Rect,
    form: Form,
    /// The style in ratatui's last full frame, and on the screen now (a breath's turn
    /// recolours the pacer).
    framed_style: Style,
    style: Style,
    /// The picture in ratatui's last full frame, which it takes to be on the screen.
    framed: Picture,
    /// The picture on the screen.
    shown: Picture,
    /// Each glyph's cell in `style`, as made the first time it was written: a pacer has at
    /// most sixteen, and making a cell anew for every one a frame writes was a tenth of it.
    glyphs: Vec<(char, Cell)>,
}

impl Painter {
    /// A full frame has been rendered, and ratatui will write what differs from its last one.
    /// Adds to `fixes` the places of the cells to write after that (from the frame): those
    /// where the screen shows the pacer moved since ratatui's last frame. `pacer` is where
    /// this frame's pacer is (its area, style and level) when it may move alone, i.e. nothing
    /// is drawn over it.
    pub fn framed(&mut self, pacer: Option<(Rect, Style, f64)>, fixes: &mut Vec<Position>) {
        if let Some(old) = self.placed.take() {
            let area = old.area;
            if old.style != old.framed_style {
                fixes.extend(area.positions());
            } else {
                old.framed
                    .each_change(&old.shown, area.height, |x, row, _| {
                        fixes.push(Position::new(area.x + x, area.y + row));
                    });
            }
        }
        self.placed = pacer.map(|(area, style, level)| {
            let form = Form::of(area);
            let picture = form.picture(level);
            Placed {
                area,
                form,
                framed_style: style,
                style,
                framed: picture.clone(),
                shown: picture,
                glyphs: Vec::new(),
            }
        });
    }

    /// The cells to write to show the pacer of `form` at `level` without a full frame; `None`
    /// when it needs one (no pacer may move alone, or it has another form now).
    pub fn moved(&mut self, form: Form, level: f64) -> Option<Vec<Write>> {
        let mut writes = Vec::new();
        self.moved_into(form, form.picture(level), &mut writes)
            .then_some(writes)
    }

    /// As [`Painter::moved`], for a picture already made, adding the cells to `writes`;
    /// `false` when it needs a full frame. A frame then makes no list of its own.
    pub fn moved_into(&mut self, form: Form, to: Picture, writes: &mut Vec<Write>) -> bool {
        let Some(placed) = self.placed.as_mut().filter(|placed| placed.form == form) else {
            return false;
        };
        let (area, style) = (placed.area, placed.style);
        let glyphs = &mut placed.glyphs;
        placed.shown.each_change(&to, area.height, |x, row, glyph| {
            let cell = match glyphs.iter().find(|(known, _)| *known == glyph) {
                Some((_, cell)) => cell.clone(),
                None => {
                    let cell = glyph_cell(glyph, style);
                    glyphs.push((glyph, cell.clone()));
                    cell
                }
            };
            writes.push((area.x + x, area.y + row, cell));
        });
        placed.shown = to;
        true
    }

    /// As [`Painter::moved_into`], in `style`: a pacer in another colour is written whole
    /// (every cell a full frame would write), one in the same colour as it moved. A whole
    /// pacer is thousands of cells on a large screen, so `writes` goes to `flush` (and is
    /// emptied) whenever it holds `at_most` of them, instead of growing the heap for one turn.
    pub fn turned_into<E>(
        &mut self,
        (form, to, style): (Form, Picture, Style),
        writes: &mut Vec<Write>,
        at_most: usize,
        mut flush: impl FnMut(&[Write]) -> Result<(), E>,
    ) -> Result<bool, E> {
        let Some(placed) = self.placed.as_mut().filter(|placed| placed.form == form) else {
            return Ok(false);
        };
        if placed.style == style {
            return Ok(self.moved_into(form, to, writes));
        }
        let area = placed.area;
        let rows = to.rows();
        let top = area.y + super::rows_top(area.height, rows.len());
        for (y, row) in (top..area.bottom()).zip(&rows) {
            let glyphs = (area.x..).zip(row.chars().take(usize::from(area.width)));
            writes.extend(glyphs.map(|(x, glyph)| (x, y, glyph_cell(glyph, style))));
            if writes.len() >= at_most {
                flush(writes)?;
                writes.clear();
            }
        }
        placed.style = style;
        placed.glyphs.clear();
        placed.shown = to;
        Ok(true)
    }
}

#[cfg(test)]
mod tests;
