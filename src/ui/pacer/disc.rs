//! The disc as numbers: how many quadrants are lit on each side of its middle, row by row,
//! so a picture, its next change and what changed cost its height, not its area.
//!
//! Quadrants are half a column by half a row. Distances are measured in columns across and
//! half rows down, units that are roughly square on screen, so the disc looks round. The
//! quadrant centres sit symmetrically about the middle: 0.25, 0.75, … columns across and
//! 0.5, 1.5, … half rows down, so one side of one half describes the whole disc.

/// A disc picture: `lit[i]` quadrants lit on each side of the vertical middle, in both
/// quadrant rows `i + 0.5` half rows above and below the horizontal middle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disc {
    width: u16,
    height: u16,
    lit: Vec<u16>,
}

/// How far across the middle the `j`-th quadrant's centre is, in columns.
fn across(j: u16) -> f64 {
    0.25 + 0.5 * f64::from(j)
}

/// How far from the middle the `i`-th quadrant row's centre is, in half rows.
fn down(i: u16) -> f64 {
    0.5 + f64::from(i)
}

/// The squared radius from which quadrant row `i` may show. Rows are twice as coarse as
/// columns, so a row that lit as soon as the circle touched it would start as a sliver a
/// couple of quadrants wide on a much wider row: a bump at the top and the bottom. A row
/// shows only once its width is at least 0.4 of the row inside it, which on a circle is
/// once the radius² reaches `down² + c²` with `c² = 0.4²/(1 − 0.4²) · (2·down − 1)`. (A larger
/// share would show fewer distinct pictures, and a small disc would move less smoothly.)
fn row_start(i: u16) -> f64 {
    const SHARE: f64 = 0.4 * 0.4 / (1.0 - 0.4 * 0.4);
    let d = down(i);
    d * d + (2.0 * d - 1.0) * SHARE
}

fn squared(i: u16, j: u16) -> f64 {
    let (x, y) = (across(j), down(i));
    x * x + y * y
}

/// The squared radius from which quadrant `j` of row `i` is lit.
fn lit_from(i: u16, j: u16) -> f64 {
    squared(i, j).max(row_start(i))
}

impl Disc {
    /// The disc of squared radius `r2` in `width` × `height` cells.
    pub fn new(width: u16, height: u16, r2: f64) -> Disc {
        let lit = (0..height).map(|i| lit_in_row(width, i, r2)).collect();
        Disc { width, height, lit }
    }

    /// How many quadrants are lit in all.
    pub fn count(&self) -> u32 {
        4 * self.lit.iter().map(|&n| u32::from(n)).sum::<u32>()
    }

    /// How many quadrants are lit on each side in quadrant row `qy`, counted from the top.
    #[inline]
    fn lit_at(&self, qy: u16) -> u16 {
        let h = self.height;
        let i = if qy >= h { qy - h } else { h - 1 - qy };
        self.lit.get(usize::from(i)).copied().unwrap_or(0)
    }

    /// The lit counts of cell row `row`'s upper and lower quadrant rows.
    #[inline]
    fn row_counts(&self, row: u16) -> (u16, u16) {
        (self.lit_at(2 * row), self.lit_at(2 * row + 1))
    }

    /// The picture as rows of glyphs.
    pub fn rows(&self) -> Vec<String> {
        (0..self.height)
            .map(|row| {
                let counts = self.row_counts(row);
                (0..self.width)
                    .map(|x| glyph(self.width, counts, x))
                    .collect()
            })
            .collect()
    }

    /// Calls `change` with each cell whose glyph differs in `to` (a disc of the same size):
    /// its column, its row and `to`'s glyph. Only the edges can change, so this looks at the
    /// edges only, and makes no list: a pacer frame makes none.
    pub fn each_change(&self, to: &Disc, mut change: impl FnMut(u16, u16, char)) {
        let w = self.width;
        for row in 0..self.height {
            let (from, to) = (self.row_counts(row), to.row_counts(row));
            let least = from.0.min(from.1).min(to.0).min(to.1);
            let most = from.0.max(from.1).max(to.0).max(to.1);
            if least == most {
                continue;
            }
            // Quadrants [w − most, w − least) and [w + least, w + most) may have changed.
            let left = (w - most) / 2..(w - least).div_ceil(2);
            let right = ((w + least) / 2).max(left.end)..(w + most).div_ceil(2);
            for x in left.chain(right) {
                let glyph_to = glyph(w, to, x);
                if glyph_to != glyph(w, from, x) {
                    change(x, row, glyph_to);
                }
            }
        }
    }
}

/// The glyph of cell column `x` in a disc `width` cells wide, whose cell row has `upper`
/// and `lower` quadrants lit on each side of the middle.
#[inline]
fn glyph(width: u16, (upper, lower): (u16, u16), x: u16) -> char {
    // Quadrant `qx` is lit when it is within `n` of the middle: `(width − n..width + n)`.
    let lit = |n: u16, qx: u16| usize::from(qx + n >= width && qx < width + n);
    let (left, right) = (2 * x, 2 * x + 1);
    let bits =
        lit(upper, left) << 3 | lit(upper, right) << 2 | lit(lower, left) << 1 | lit(lower, right);
    super::QUADRANTS[bits]
}

/// Quadrants lit on each side in row `i` of a disc of squared radius `r2`.
fn lit_in_row(width: u16, i: u16, r2: f64) -> u16 {
    if r2 < row_start(i) {
        return 0;
    }
    let reach = (r2 - down(i) * down(i)).max(0.0).sqrt();
    // An estimate from the chord's length, then settled on the exact test.
    let mut n = (libm::floor((reach - 0.25) / 0.5) + 1.0).clamp(0.0, f64::from(width)) as u16;
    while n < width && squared(i, n) <= r2 {
        n += 1;
    }
    while n > 0 && squared(i, n - 1) > r2 {
        n -= 1;
    }
    n
}

/// The squared radius at which the picture of squared radius `r2` next changes, growing
/// (`rising`) or shrinking: growing, the nearest unlit quadrant lights as the radius reaches
/// it; shrinking, the farthest lit one goes dark as the radius falls below it.
pub fn next_change(width: u16, height: u16, r2: f64, rising: bool) -> Option<f64> {
    let rows = (0..height).map(|i| (i, lit_in_row(width, i, r2)));
    if rising {
        rows.filter(|&(_, n)| n < width)
            .map(|(i, n)| lit_from(i, n))
            .min_by(f64::total_cmp)
    } else {
        rows.filter(|&(_, n)| n > 0)
            .map(|(i, n)| lit_from(i, n - 1))
            .max_by(f64::total_cmp)
    }
}
