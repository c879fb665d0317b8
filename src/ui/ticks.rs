//! Seconds without a full frame: between full frames, what the passing seconds change (the
//! time left in the header, the big digits, the gauges) goes to the terminal cell by cell,
//! behind ratatui's back, so a second costs the cells that changed instead of the whole
//! screen rendered and compared. The next full frame puts right the cells that ratatui, which
//! did not see them change, would otherwise leave as they are (as the pacer's painter does).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::cells::glyph_cell;
use super::digits::{self, Placement};
use super::pacer::paint::Write;

/// The parts of one screen that change as the seconds pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticking {
    /// Small parts (a row each), rendered on their own: each buffer's area is where it goes.
    pub parts: Vec<Buffer>,
    /// The big digits, when they are big (else they are one of the parts).
    pub digits: Option<Digits>,
}

/// The countdown in big digits: its text, the area it is centred in and its style.
#[derive(Debug, Clone, PartialEq)]
pub struct Digits {
    pub text: String,
    pub area: Rect,
    pub style: Style,
}

/// What the terminal shows of the ticking parts, beside what ratatui last drew there.
#[derive(Debug, Default)]
pub struct Ticker {
    placed: Option<Placed>,
}

#[derive(Debug)]
struct Placed {
    /// Each part as ratatui's last full frame drew it, and as the screen shows it now.
    parts: Vec<(Buffer, Buffer)>,
    digits: Option<PlacedDigits>,
}

#[derive(Debug)]
struct PlacedDigits {
    area: Rect,
    at: Placement,
    style: Style,
    /// The text in ratatui's last full frame, and on the screen now.
    framed: String,
    shown: String,
}

impl Ticker {
    /// A full frame has been rendered into `frame`, and ratatui will write what differs from
    /// its last one. Adds to `fixes` the cells to write after that: those ticked since
    /// ratatui's last frame, which it takes to be as it drew them (their places only: the
    /// cells themselves are the frame's). `ticking` is this frame's ticking parts, when they
    /// may tick alone (nothing is drawn over them).
    pub fn framed(&mut self, frame: &Buffer, ticking: Option<Ticking>, fixes: &mut Vec<Position>) {
        if let Some(old) = self.placed.take() {
            for (framed, shown) in &old.parts {
                fixes.extend(
                    framed
                        .area
                        .positions()
                        .filter(|&position| framed.cell(position) != shown.cell(position)),
                );
            }
            if let Some(digits) = &old.digits {
                let changed = digits::changes(&digits.framed, &digits.shown, digits.at.scale);
                fixes.extend(
                    changed
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(x, row, _)| Position::new(digits.at.x + x, digits.at.y + row)),
                );
            }
        }
        self.placed = ticking.map(|ticking| Placed {
            parts: ticking
                .parts
                .iter()
                .map(|part| {
                    let drawn = copy(frame, part.area);
                    (drawn.clone(), drawn)
                })
                .collect(),
            digits: ticking.digits.and_then(|digits| {
                Some(PlacedDigits {
                    at: digits::place(&digits.text, digits.area)?,
                    area: digits.area,
                    style: digits.style,
                    framed: digits.text.clone(),
                    shown: digits.text,
                })
            }),
        });
    }

    /// The cells to write to show `ticking` without a full frame; `None` when it needs one
    /// (nothing may tick alone, or the parts moved or changed size).
    pub fn ticked(&mut self, ticking: Ticking) -> Option<Vec<Write>> {
        let placed = self.placed.as_mut()?;
        let same_parts = placed.parts.len() == ticking.parts.len()
            && placed
                .parts
                .iter()
                .zip(&ticking.parts)
                .all(|((_, shown), part)| shown.area == part.area);
        let digits = match (&placed.digits, &ticking.digits) {
            (Some(placed), Some(digits))
                if placed.area == digits.area
                    && placed.style == digits.style
                    && digits::place(&digits.text, digits.area) == Some(placed.at) =>
            {
                Some(digits::changes(
                    &placed.shown,
                    &digits.text,
                    placed.at.scale,
                )?)
            }
            (None, None) => None,
            _ => return None,
        };
        if !same_parts {
            return None;
        }
        let mut writes = Vec::new();
        for ((_, shown), part) in placed.parts.iter_mut().zip(ticking.parts) {
            for position in part.area.positions() {
                if let Some(cell) = part
                    .cell(position)
                    .filter(|&cell| shown.cell(position) != Some(cell))
                {
                    writes.push((position.x, position.y, cell.clone()));
                }
            }
            *shown = part;
        }
        if let (Some(placed), Some(changes), Some(ticking)) =
            (placed.digits.as_mut(), digits, ticking.digits)
        {
            for (x, row, glyph) in changes {
                let cell = glyph_cell(glyph, placed.style);
                writes.push((placed.at.x + x, placed.at.y + row, cell));
            }
            placed.shown = ticking.text;
        }
        Some(writes)
    }
}

/// The cells of `area` in `frame`, as a buffer of that area.
fn copy(frame: &Buffer, area: Rect) -> Buffer {
    let mut copy = Buffer::empty(area);
    for position in area.positions() {
        if let (Some(to), Some(from)) = (copy.cell_mut(position), frame.cell(position)) {
            *to = from.clone();
        }
    }
    copy
}

#[cfg(test)]
mod tests;
