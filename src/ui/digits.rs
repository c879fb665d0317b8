//! Big digits for the countdown: a 3×5 block font drawn with half blocks, scaled to fit,
//! readable from across a room. Falls back to plain text when even the smallest size won't fit.

use super::cells::put_row;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

const HEIGHT: usize = 5;
/// A bound on the search only: the digits take all the room they are given (the layout
/// gives them what the rest leaves), to be read from across a room on a large screen.
const MAX_SCALE: u16 = 64;

/// The glyph's rows, `#` for a lit pixel.
fn glyph(c: char) -> Option<&'static [&'static str; HEIGHT]> {
    Some(match c {
        '0' => &["###", "# #", "# #", "# #", "###"],
        '1' => &[" # ", "## ", " # ", " # ", "###"],
        '2' => &["###", "  #", "###", "#  ", "###"],
        '3' => &["###", "  #", " ##", "  #", "###"],
        '4' => &["# #", "# #", "###", "  #", "  #"],
        '5' => &["###", "#  ", "###", "  #", "###"],
        '6' => &["###", "#  ", "###", "# #", "###"],
        '7' => &["###", "  #", "  #", "  #", "  #"],
        '8' => &["###", "# #", "###", "# #", "###"],
        '9' => &["###", "# #", "###", "  #", "###"],
        ':' => &[" ", "#", " ", "#", " "],
        _ => return None,
    })
}

/// The text as a grid of pixels, one pixel of space between glyphs; `None` if a character
/// has no glyph.
fn pixels(text: &str) -> Option<Vec<Vec<bool>>> {
    let mut rows = vec![Vec::new(); HEIGHT];
    for (i, c) in text.chars().enumerate() {
        let glyph = glyph(c)?;
        for (row, line) in rows.iter_mut().zip(glyph) {
            if i > 0 {
                row.push(false);
            }
            row.extend(line.chars().map(|p| p == '#'));
        }
    }
    Some(rows)
}

/// Cells (columns, rows) the text takes at `scale`: each pixel is `scale` columns wide and
/// `scale` half-rows high, which is close to square on most terminals.
pub fn size(text: &str, scale: u16) -> Option<(u16, u16)> {
    let width = pixels(text)?.first().map_or(0, Vec::len) as u16;
    Some((width * scale, (HEIGHT as u16 * scale).div_ceil(2)))
}

/// The largest scale at which `text` fits in `area`, if any.
pub fn fit(text: &str, width: u16, height: u16) -> Option<u16> {
    let pixels_wide = pixels(text)?.first().map_or(0, Vec::len) as u16;
    // `ceil(HEIGHT·scale / 2) <= height` is `scale <= 2·height / HEIGHT`.
    let by_height = u32::from(height) * 2 / HEIGHT as u32;
    let by_width = u32::from(width)
        .checked_div(u32::from(pixels_wide))
        .unwrap_or(u32::MAX);
    let scale = by_height.min(by_width).min(u32::from(MAX_SCALE)) as u16;
    (scale > 0).then_some(scale)
}

/// Where big text goes in an area: the top left of its block of cells, and its scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub x: u16,
    pub y: u16,
    pub scale: u16,
}

/// Where `text` goes, centred in `area` as large as it fits; `None` when it can't be big.
pub fn place(text: &str, area: Rect) -> Option<Placement> {
    let scale = fit(text, area.width, area.height)?;
    let (width, height) = size(text, scale)?;
    Some(Placement {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        scale,
    })
}

/// The cells whose glyph differs between `from` and `to` drawn at `scale` from the same top
/// left: (column, row, `to`'s glyph), counted from that corner. `None` when the two are not
/// the same size, so that more than some glyphs would change. Costs the changed glyphs' cells,
/// not the whole text's: once a second a countdown usually changes one digit.
pub fn changes(from: &str, to: &str, scale: u16) -> Option<Vec<(u16, u16, char)>> {
    let (from, to) = (pixels(from)?, pixels(to)?);
    let width = to.first().map_or(0, Vec::len);
    if from.first().map_or(0, Vec::len) != width {
        return None;
    }
    let scale = usize::from(scale.max(1));
    let rows = (HEIGHT * scale).div_ceil(2);
    let mut changed = Vec::new();
    for px in (0..width).filter(|&px| (0..HEIGHT).any(|y| from[y][px] != to[y][px])) {
        for row in 0..rows {
            let glyph = cell(&to, scale, px, row);
            if cell(&from, scale, px, row) != glyph {
                let columns = px * scale..(px + 1) * scale;
                changed.extend(columns.map(|x| (x as u16, row as u16, glyph)));
            }
        }
    }
    Some(changed)
}

/// Every cell of `text` drawn at `scale`, blanks included: (column, row, glyph), counted
/// from its top left, as [`changes`] gives them. `None` when `text` has no big form.
pub fn every(text: &str, scale: u16) -> Option<Vec<(u16, u16, char)>> {
    let pixels = &pixels(text)?;
    let width = pixels.first().map_or(0, Vec::len);
    let scale = usize::from(scale.max(1));
    let rows = (HEIGHT * scale).div_ceil(2);
    let cells = (0..rows).flat_map(|row| {
        (0..width * scale).map(move |x| (x as u16, row as u16, cell(pixels, scale, x / scale, row)))
    });
    Some(cells.collect())
}

/// The glyph of the cells in pixel column `px` and cell row `row` at `scale`.
fn cell(pixels: &[Vec<bool>], scale: usize, px: usize, row: usize) -> char {
    let lit = |y: usize| {
        pixels
            .get(y / scale)
            .and_then(|pixels| pixels.get(px))
            .copied()
            .unwrap_or(false)
    };
    half_block(lit(2 * row), lit(2 * row + 1))
}

fn half_block(upper: bool, lower: bool) -> char {
    match (upper, lower) {
        (true, true) => '█',
        (true, false) => '▀',
        (false, true) => '▄',
        (false, false) => ' ',
    }
}

/// The text as lines of block characters at `scale`.
pub fn lines(text: &str, scale: u16) -> Vec<String> {
    let Some(pixels) = pixels(text) else {
        return vec![text.to_string()];
    };
    let scale = usize::from(scale.max(1));
    let width = pixels[0].len();
    (0..(HEIGHT * scale).div_ceil(2))
        .map(|row| {
            (0..width)
                .flat_map(|px| std::iter::repeat_n(cell(&pixels, scale, px, row), scale))
                .collect()
        })
        .collect()
}

/// A countdown drawn as large as the area allows, centred; plain bold text when it can't be big.
pub struct BigText<'a> {
    pub text: &'a str,
    pub style: Style,
}

impl Widget for BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match place(self.text, area) {
            Some(at) => {
                for (y, line) in (at.y..).zip(lines(self.text, at.scale)) {
                    put_row(buf, at.x, y, &line, usize::from(area.width), self.style);
                }
            }
            None if area.height > 0 => {
                // Plain text, unlike block glyphs, reads better in bold.
                let style = self.style.add_modifier(ratatui::style::Modifier::BOLD);
                let line = Line::styled(self.text, style).centered();
                let y = area.y + (area.height - 1) / 2;
                line.render(
                    Rect {
                        y,
                        height: 1,
                        ..area
                    },
                    buf,
                );
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_of_a_text_is_the_glyph_its_lines_have_there() {
        for (text, scale) in [("6", 1), ("1:30", 2), ("10", 3)] {
            let lines = lines(text, scale);
            let every = every(text, scale).unwrap();
            let cells: usize = lines.iter().map(|line| line.chars().count()).sum();
            assert_eq!(every.len(), cells, "{text} at {scale}");
            for (x, row, glyph) in every {
                let line = &lines[usize::from(row)];
                assert_eq!(
                    line.chars().nth(usize::from(x)),
                    Some(glyph),
                    "{text} at {scale}"
                );
            }
        }
    }

    #[test]
    fn digits_at_scale_one_take_three_rows() {
        assert_eq!(
            lines("10", 1),
            vec!["▄█  █▀█", " █  █ █", "▀▀▀ ▀▀▀"]
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        );
        assert_eq!(size("1:30", 1), Some((13, 3)));
    }

    #[test]
    fn digits_at_scale_two_are_solid_blocks() {
        assert_eq!(lines("7", 2)[0], "██████");
        assert_eq!(lines("7", 2)[4], "    ██");
        assert_eq!(size("7", 2), Some((6, 5)));
    }

    #[test]
    fn the_largest_scale_that_fits_is_chosen() {
        assert_eq!(fit("45", 80, 24), Some(9));
        assert_eq!(fit("45", 198, 48), Some(19), "a large screen, large digits");
        assert_eq!(fit("45", 14, 5), Some(2));
        assert_eq!(fit("45", 7, 3), Some(1));
        assert_eq!(fit("45", 6, 3), None);
        assert_eq!(fit("45", 80, 2), None);
    }

    /// The text drawn big in `area`, as a buffer.
    fn drawn(text: &str, area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        BigText {
            text,
            style: Style::new(),
        }
        .render(area, &mut buf);
        buf
    }

    #[test]
    fn the_changed_cells_turn_one_countdown_into_the_next() {
        let pairs = [
            ("9:58", "9:57"),
            ("0:10", "0:09"),
            ("1:00", "0:59"),
            ("12:34", "56:78"),
            ("8", "8"),
        ];
        for (width, height) in [(40, 8), (100, 24), (200, 50), (17, 3)] {
            let area = Rect::new(3, 2, width, height);
            for (from, to) in pairs {
                let at = place(from, area).expect("fits");
                assert_eq!(
                    place(to, area),
                    Some(at),
                    "{from} and {to} are the same size"
                );
                let mut buf = drawn(from, area);
                let changes = changes(from, to, at.scale).expect("same size");
                for (x, row, glyph) in &changes {
                    buf[(at.x + x, at.y + row)].set_char(*glyph);
                }
                assert_eq!(buf, drawn(to, area), "{from} → {to} in {width}×{height}");
                if from == to {
                    assert!(changes.is_empty());
                }
            }
        }
    }

    #[test]
    fn a_change_of_one_digit_costs_that_digit_alone() {
        let at = place("9:58", Rect::new(0, 0, 200, 50)).expect("fits");
        let changes = changes("9:58", "9:57", at.scale).expect("same size");
        let glyph = 3 * at.scale * (5 * at.scale).div_ceil(2);
        assert!(!changes.is_empty() && changes.len() <= usize::from(glyph));
        assert!(changes.iter().all(|(x, _, _)| *x >= 10 * at.scale));
    }

    #[test]
    fn texts_of_other_sizes_have_no_changes_to_draw() {
        assert_eq!(changes("10:00", "9:59", 2), None);
        assert_eq!(changes("PAUSED", "9:59", 2), None);
    }

    #[test]
    fn text_without_glyphs_is_left_as_it_is() {
        assert_eq!(size("PAUSED", 1), None);
        assert_eq!(lines("–", 2), vec!["–".to_string()]);
    }

    #[test]
    fn too_small_an_area_falls_back_to_plain_text() {
        let area = Rect::new(0, 0, 10, 1);
        let mut buf = Buffer::empty(area);
        BigText {
            text: "1:30",
            style: Style::new(),
        }
        .render(area, &mut buf);
        let mut expected = Buffer::with_lines(["   1:30   "]);
        expected.set_style(
            area,
            Style::new().add_modifier(ratatui::style::Modifier::BOLD),
        );
        assert_eq!(buf, expected);
    }
}
