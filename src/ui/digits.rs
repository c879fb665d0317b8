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
    (1..=MAX_SCALE)
        .rev()
        .find(|&scale| size(text, scale).is_some_and(|(w, h)| w <= width && h <= height))
}

/// The text as lines of block characters at `scale`.
pub fn lines(text: &str, scale: u16) -> Vec<String> {
    let Some(pixels) = pixels(text) else {
        return vec![text.to_string()];
    };
    let scale = usize::from(scale.max(1));
    // Pixel row of half-row `y`.
    let lit = |x: usize, y: usize| {
        pixels
            .get(y / scale)
            .and_then(|row| row.get(x / scale))
            .copied()
            .unwrap_or(false)
    };
    let width = pixels[0].len() * scale;
    let half_rows = HEIGHT * scale;
    (0..half_rows.div_ceil(2))
        .map(|row| {
            (0..width)
                .map(|x| match (lit(x, 2 * row), lit(x, 2 * row + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
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
        match fit(self.text, area.width, area.height) {
            Some(scale) => {
                let lines = lines(self.text, scale);
                let top = area.y + (area.height - lines.len() as u16) / 2;
                for (y, line) in (top..).zip(&lines) {
                    let width = line.chars().count() as u16;
                    let x = area.x + (area.width - width) / 2;
                    put_row(buf, x, y, line, usize::from(area.width), self.style);
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
