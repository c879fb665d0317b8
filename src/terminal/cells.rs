//! Cells to the bytes the terminal is sent, the same bytes crossterm's backend for ratatui
//! writes, without its formatting machinery: crossterm formats every cursor move and glyph
//! through `fmt::write`, which was a quarter of a pacer frame's cost. A move and a glyph are
//! written directly here; colours and attributes, which change a few times a frame, still go
//! through crossterm's commands.

use std::io::{self, Write};

use crossterm::queue;
use crossterm::style::{Attribute, Colors, SetAttribute, SetColors, SetUnderlineColor};
use ratatui::backend::IntoCrossterm;
use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// Writes `cells` as crossterm's backend would: a move where a cell does not follow the one
/// before on its row, the style where it changes, the glyph; then every style reset.
pub fn draw<'a, W: Write>(
    out: &mut W,
    cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> io::Result<()> {
    let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
    let mut modifier = Modifier::empty();
    let mut last: Option<(u16, u16)> = None;
    for (x, y, cell) in cells {
        if !matches!(last, Some((left, row)) if row == y && u32::from(left) + 1 == u32::from(x)) {
            move_to(out, x, y)?;
        }
        last = Some((x, y));
        if cell.modifier != modifier {
            set_modifier(out, modifier, cell.modifier)?;
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
            queue!(out, SetColors(colors))?;
            (fg, bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != underline {
            queue!(
                out,
                SetUnderlineColor(cell.underline_color.into_crossterm())
            )?;
            underline = cell.underline_color;
        }
        out.write_all(cell.symbol().as_bytes())?;
    }
    // Foreground, background and underline colours, then the attributes, back to the
    // terminal's own: as crossterm's four commands write them, without formatting each.
    out.write_all(b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m")
}

/// `CSI row;column H`, 1-based.
fn move_to<W: Write>(out: &mut W, x: u16, y: u16) -> io::Result<()> {
    let mut bytes = [0u8; 16];
    let mut at = 0;
    let mut put = |text: &[u8]| {
        bytes[at..at + text.len()].copy_from_slice(text);
        at += text.len();
    };
    put(b"\x1b[");
    put(decimal(u32::from(y) + 1).as_bytes());
    put(b";");
    put(decimal(u32::from(x) + 1).as_bytes());
    put(b"H");
    out.write_all(&bytes[..at])
}

/// A number in decimal, on the stack.
fn decimal(mut n: u32) -> Decimal {
    let mut digits = [0u8; 10];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    Decimal { digits, start }
}

struct Decimal {
    digits: [u8; 10],
    start: usize,
}

impl Decimal {
    fn as_bytes(&self) -> &[u8] {
        &self.digits[self.start..]
    }
}

/// The attributes that turn `from` into `to`, in the order crossterm's backend sends them:
/// what is removed first, then what is added. Bold and dim share one "normal intensity"
/// that takes both away, so whichever of them stays is set again after it (and not again
/// among what is added). A test holds these bytes to the backend's own.
fn set_modifier<W: Write>(out: &mut W, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let added = to - from;
    let mut set = |attribute| queue!(out, SetAttribute(attribute));
    if removed.contains(Modifier::REVERSED) {
        set(Attribute::NoReverse)?;
    }
    let intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if intensity {
        set(Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(Attribute::Bold)?;
        }
    }
    let undo = [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ];
    for (modifier, attribute) in undo {
        if removed.contains(modifier) {
            set(attribute)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(Attribute::NoBlink)?;
    }
    let add = [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ];
    let set_again = Modifier::BOLD | Modifier::DIM;
    for (modifier, attribute) in add {
        if added.contains(modifier) && !(intensity && set_again.contains(modifier)) {
            set(attribute)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::backend::{Backend, CrosstermBackend};
    use ratatui::style::Style;

    use super::*;

    fn crossterms(cells: &[(u16, u16, Cell)]) -> Vec<u8> {
        let mut out = Vec::new();
        CrosstermBackend::new(&mut out)
            .draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell)))
            .unwrap();
        out
    }

    fn ours(cells: &[(u16, u16, Cell)]) -> Vec<u8> {
        let mut out = Vec::new();
        draw(&mut out, cells.iter().map(|(x, y, cell)| (*x, *y, cell))).unwrap();
        out
    }

    fn color() -> impl Strategy<Value = Color> {
        prop_oneof![
            Just(Color::Reset),
            Just(Color::Red),
            Just(Color::DarkGray),
            any::<u8>().prop_map(Color::Indexed),
            any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
        ]
    }

    fn cell() -> impl Strategy<Value = (u16, u16, Cell)> {
        let glyph = prop_oneof![Just(" "), Just("█"), Just("▗"), Just("a"), Just("語")];
        (
            0u16..6,
            0u16..3,
            glyph,
            color(),
            color(),
            color(),
            any::<u16>(),
        )
            .prop_map(|(x, y, glyph, fg, bg, underline, modifier)| {
                let mut cell = Cell::default();
                cell.set_symbol(glyph).set_style(
                    Style::new()
                        .fg(fg)
                        .bg(bg)
                        .underline_color(underline)
                        .add_modifier(Modifier::from_bits_truncate(modifier)),
                );
                (x, y, cell)
            })
    }

    proptest! {
        #[test]
        fn the_bytes_are_crossterms_for_any_cells(cells in prop::collection::vec(cell(), 0..40)) {
            prop_assert_eq!(ours(&cells), crossterms(&cells));
        }
    }

    #[test]
    fn far_corners_and_runs_on_a_row_are_crossterms_too() {
        let mut cell = Cell::default();
        cell.set_symbol("▄");
        let cells: Vec<_> = [
            (0, 0),
            (1, 0),
            (2, 0),
            (9, 0),
            (65534, 65534),
            (0, 1),
            (1, 2),
        ]
        .into_iter()
        .map(|(x, y)| (x, y, cell.clone()))
        .collect();
        assert_eq!(ours(&cells), crossterms(&cells));
    }
}
