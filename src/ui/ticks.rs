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
    /// The rows a breath's turn changes besides (the phase's word, the breath's number, what
    /// is next), made only for a turn and for a full frame: a second leaves them alone, and
    /// rendering them every second would cost each second as much again.
    pub turn: Vec<Buffer>,
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
    /// The same for the rows of a turn.
    turn: Vec<(Buffer, Buffer)>,
    digits: Option<PlacedDigits>,
}

#[derive(Debug)]
struct PlacedDigits {
    area: Rect,
    at: Placement,
    /// The style in ratatui's last full frame, and on the screen now (a turn recolours).
    framed_style: Style,
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
            for (framed, shown) in old.parts.iter().chain(&old.turn) {
                fixes.extend(
                    framed
                        .area
                        .positions()
                        .filter(|&position| framed.cell(position) != shown.cell(position)),
                );
            }
            if let Some(digits) = &old.digits {
                let at = |(x, row)| Position::new(digits.at.x + x, digits.at.y + row);
                if digits.style != digits.framed_style {
                    // Recoloured: every cell of the text differs from ratatui's idea of it.
                    let (width, rows) = digits::size(&digits.shown, digits.at.scale)
                        .unwrap_or_default()
                        .max(digits::size(&digits.framed, digits.at.scale).unwrap_or_default());
                    fixes.extend(
                        Rect::new(0, 0, width, rows)
                            .positions()
                            .map(|p| at((p.x, p.y))),
                    );
                } else {
                    let changed = digits::changes(&digits.framed, &digits.shown, digits.at.scale);
                    fixes.extend(
                        (changed.unwrap_or_default().into_iter()).map(|(x, row, _)| at((x, row))),
                    );
                }
            }
        }
        let placed = |parts: &[Buffer]| {
            parts
                .iter()
                .map(|part| {
                    let drawn = copy(frame, part.area);
                    (drawn.clone(), drawn)
                })
                .collect()
        };
        self.placed = ticking.map(|ticking| Placed {
            parts: placed(&ticking.parts),
            turn: placed(&ticking.turn),
            digits: ticking.digits.and_then(|digits| {
                Some(PlacedDigits {
                    at: digits::place(&digits.text, digits.area)?,
                    area: digits.area,
                    framed_style: digits.style,
                    style: digits.style,
                    framed: digits.text.clone(),
                    shown: digits.text,
                })
            }),
        });
    }

    /// The cells to write to show `ticking` without a full frame; `None` when it needs one
    /// (nothing may tick alone, or the parts moved or changed size). The rows of a turn are
    /// compared only when `ticking` has them.
    pub fn ticked(&mut self, ticking: Ticking) -> Option<Vec<Write>> {
        let placed = self.placed.as_mut()?;
        let same = |placed: &[(Buffer, Buffer)], parts: &[Buffer]| {
            placed.len() == parts.len()
                && (placed.iter().zip(parts)).all(|((_, shown), part)| shown.area == part.area)
        };
        let turning = !ticking.turn.is_empty();
        let same_parts =
            same(&placed.parts, &ticking.parts) && (!turning || same(&placed.turn, &ticking.turn));
        let digits = match (&placed.digits, &ticking.digits) {
            (Some(placed), Some(digits))
                if placed.area == digits.area
                    && digits::place(&digits.text, digits.area) == Some(placed.at) =>
            {
                let scale = placed.at.scale;
                Some(match placed.style == digits.style {
                    true => digits::changes(&placed.shown, &digits.text, scale)?,
                    // Another colour: all of the text again.
                    false => digits::every(&digits.text, scale)?,
                })
            }
            (None, None) => None,
            _ => return None,
        };
        if !same_parts {
            return None;
        }
        let mut writes = Vec::new();
        let turn = placed.turn.iter_mut().zip(ticking.turn);
        for ((_, shown), part) in placed.parts.iter_mut().zip(ticking.parts).chain(turn) {
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
                let cell = glyph_cell(glyph, ticking.style);
                writes.push((placed.at.x + x, placed.at.y + row, cell));
            }
            placed.shown = ticking.text;
            placed.style = ticking.style;
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
