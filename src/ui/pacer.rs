//! The breath pacer: a disc that fills as the person breathes in, stays while they hold and
//! empties as they breathe out, paced exactly by the phase's own timing.

use std::f64::consts::PI;
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::cells::put_row;
use crate::session::PhaseKind;

mod disc;
pub mod paint;

use disc::Disc;
pub use paint::Painter;

/// Frames per second while the pacer moves: the 20 the eye needs for smooth motion, and no
/// more, since every frame costs a full redraw. Frames fall on fixed instants of the phase
/// (every 50 ms from its start), so a late wake-up never shifts the ones after it.
pub const FPS: u32 = 20;
pub const FRAME: Duration = Duration::from_millis(1000 / FPS as u64);

/// How full the lungs are, 0.0 to 1.0, at `ratio` (0.0 to 1.0) through a phase; `None`
/// outside breathing. Breaths ease in and out like real ones rather than moving linearly.
pub fn level(kind: PhaseKind, ratio: f64) -> Option<f64> {
    let ease = |x: f64| (1.0 - libm::cos(PI * x.clamp(0.0, 1.0))) / 2.0;
    match kind {
        PhaseKind::Inhale => Some(ease(ratio)),
        PhaseKind::HoldIn => Some(1.0),
        PhaseKind::Exhale => Some(1.0 - ease(ratio)),
        PhaseKind::HoldOut => Some(0.0),
        _ => None,
    }
}

/// Whether the pacer moves during this phase (and so needs frames).
pub fn moves(kind: PhaseKind) -> bool {
    matches!(kind, PhaseKind::Inhale | PhaseKind::Exhale)
}

/// The disc's radius in pixels for a level, in a grid whose largest disc has radius `max`.
/// Never quite empty, so there is always something to watch.
pub fn radius(level: f64, max: f64) -> f64 {
    let min = (max * 0.15).max(0.75).min(max);
    min + level.clamp(0.0, 1.0) * (max - min)
}

/// The pacer's shape in an area of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A disc of quadrant blocks, `width` × `height` cells.
    Disc { width: u16, height: u16 },
    /// A one-row bar for small screens.
    Bar { width: u16 },
}

/// What the pacer shows at one level: enough to draw it, and to find what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picture {
    Disc(Disc),
    Bar { width: u16, half_cells: i32 },
}

impl Form {
    /// A disc when there is room for one, else a bar.
    pub fn of(area: Rect) -> Form {
        if area.height >= 3 && area.width >= 6 {
            Form::Disc {
                width: area.width,
                height: area.height,
            }
        } else {
            Form::Bar { width: area.width }
        }
    }

    /// The picture at `level`.
    pub fn picture(self, level: f64) -> Picture {
        match self {
            Form::Disc { width, height } => Picture::Disc(Disc::new(
                width,
                height,
                disc_radius(level, width, height).powi(2),
            )),
            Form::Bar { width } => Picture::Bar {
                width,
                half_cells: bar_half_cells(level, width),
            },
        }
    }

    /// The picture at `level` as a number that changes exactly when the picture does: how
    /// many half cells are lit (both pictures only ever grow or shrink as a whole).
    pub fn shape(self, level: f64) -> u32 {
        self.picture(level).shape()
    }

    /// The level at which the picture next changes, going up (`rising`) or down from
    /// `level`; `None` if it doesn't before the level's end (1.0 or 0.0).
    fn next_level(self, level: f64, rising: bool) -> Option<f64> {
        match self {
            Form::Disc { width, height } => {
                let max = max_radius(width, height);
                let min = radius(0.0, max);
                if max <= min {
                    return None;
                }
                let r2 = disc_radius(level, width, height).powi(2);
                let edge = disc::next_change(width, height, r2, rising)?;
                let at = (edge.sqrt() - min) / (max - min);
                (0.0..=1.0).contains(&at).then_some(at)
            }
            Form::Bar { width } => {
                let width = f64::from(width.max(1));
                let half = bar_half_cells(level, width as u16) as f64;
                let at = if rising { half + 0.5 } else { half - 0.5 } / width;
                (at > 0.0 && at <= 1.0 && (rising || half > 1.0)).then_some(at)
            }
        }
    }
}

impl Picture {
    /// A number that changes exactly when the picture does (see [`Form::shape`]).
    pub fn shape(&self) -> u32 {
        match self {
            Picture::Disc(disc) => disc.count(),
            Picture::Bar { half_cells, .. } => *half_cells as u32,
        }
    }

    /// The picture as rows of glyphs, top to bottom.
    pub fn rows(&self) -> Vec<String> {
        match self {
            Picture::Disc(disc) => disc.rows(),
            Picture::Bar { width, half_cells } => vec![bar_row(*half_cells, *width)],
        }
    }

    /// Calls `change` with each cell that differs in `to`, a picture of the same form: its
    /// column and row, counted from the top left of the pacer's area of `height` rows, and
    /// `to`'s glyph there.
    pub fn each_change(&self, to: &Picture, height: u16, mut change: impl FnMut(u16, u16, char)) {
        match (self, to) {
            (Picture::Disc(from), Picture::Disc(to)) => from.each_change(to, change),
            (from, to) => {
                let (from, to) = (from.rows(), to.rows());
                let top = rows_top(height, to.len());
                let (Some(from), Some(to)) = (from.first(), to.first()) else {
                    return;
                };
                for (x, (a, b)) in (0..).zip(from.chars().zip(to.chars())) {
                    if a != b {
                        change(x, top, b);
                    }
                }
            }
        }
    }
}

/// The first row of the pacer's picture in an area `height` rows high: the disc fills it,
/// the bar sits in the middle.
fn rows_top(height: u16, rows: usize) -> u16 {
    (height - (rows.min(usize::from(height)) as u16)) / 2
}

fn max_radius(width: u16, height: u16) -> f64 {
    (f64::from(width) / 2.0).min(f64::from(height))
}

fn disc_radius(level: f64, width: u16, height: u16) -> f64 {
    radius(level, max_radius(width, height))
}

/// Where through a moving phase (as a ratio) the pacer's picture next changes after
/// `ratio`; `None` if it doesn't before the phase ends.
pub fn next_change(kind: PhaseKind, ratio: f64, form: Form) -> Option<f64> {
    let level = level(kind, ratio)?;
    // The inverse of `level`'s easing: the ratio at which the level is `at`.
    let unease = |at: f64| libm::acos((1.0 - 2.0 * at).clamp(-1.0, 1.0)) / PI;
    match kind {
        PhaseKind::Inhale => form.next_level(level, true).map(unease),
        PhaseKind::Exhale => form.next_level(level, false).map(|at| unease(1.0 - at)),
        _ => None,
    }
}

/// The first frame instant of a phase (every `FRAME` from its start) at or after `at` and
/// strictly after `elapsed`.
pub fn frame_at_or_after(at: Duration, elapsed: Duration) -> Duration {
    let frame = FRAME.as_nanos();
    let at = at.max(elapsed + Duration::from_nanos(1)).as_nanos();
    Duration::from_nanos((at.div_ceil(frame) * frame) as u64)
}

/// The disc as rows of quadrant-block characters filling `width` × `height` cells.
pub fn disc(level: f64, width: u16, height: u16) -> Vec<String> {
    Form::Disc { width, height }.picture(level).rows()
}

/// Quadrant glyphs by lit quadrants: upper left, upper right, lower left, lower right.
pub(crate) const QUADRANTS: [char; 16] = [
    ' ', '▗', '▖', '▄', '▝', '▐', '▞', '▟', '▘', '▚', '▌', '▙', '▀', '▜', '▛', '█',
];

/// Half cells lit on each side of the bar's middle.
fn bar_half_cells(level: f64, width: u16) -> i32 {
    (level.clamp(0.0, 1.0) * f64::from(width)).round().max(1.0) as i32
}

/// A one-row pacer for small screens: a bar that grows from the middle out, by half cells.
pub fn bar(level: f64, width: u16) -> String {
    bar_row(bar_half_cells(level, width), width)
}

fn bar_row(filled: i32, width: u16) -> String {
    let half = i32::from(width);
    let lit = |h: i32| (half - filled..half + filled).contains(&h);
    (0..half)
        .map(|x| match (lit(2 * x), lit(2 * x + 1)) {
            (true, true) => '█',
            (true, false) => '▌',
            (false, true) => '▐',
            (false, false) => ' ',
        })
        .collect()
}

/// The pacer in an area: a disc when there is room for one, else a bar.
pub struct Pacer {
    pub level: f64,
    pub style: Style,
}

impl Widget for Pacer {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rows = Form::of(area).picture(self.level).rows();
        let top = area.y + rows_top(area.height, rows.len());
        for (y, row) in (top..area.bottom()).zip(&rows) {
            put_row(buf, area.x, y, row, usize::from(area.width), self.style);
        }
    }
}

#[cfg(test)]
mod tests;
