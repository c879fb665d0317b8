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

/// Frames per second while the pacer moves: the 20 the eye needs for smooth motion, and no
/// more, since every frame costs a full redraw. Frames fall on fixed instants of the phase
/// (every 50 ms from its start), so a late wake-up never shifts the ones after it.
pub const FPS: u32 = 20;
pub const FRAME: Duration = Duration::from_millis(1000 / FPS as u64);

/// How full the lungs are, 0.0 to 1.0, at `ratio` (0.0 to 1.0) through a phase; `None`
/// outside breathing. Breaths ease in and out like real ones rather than moving linearly.
pub fn level(kind: PhaseKind, ratio: f64) -> Option<f64> {
    let ease = |x: f64| (1.0 - (PI * x.clamp(0.0, 1.0)).cos()) / 2.0;
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

    /// The picture at `level` as a number that changes exactly when the picture does: how
    /// many half cells are lit (both pictures only ever grow or shrink as a whole).
    pub fn shape(self, level: f64) -> u32 {
        match self {
            Form::Disc { width, height } => {
                let r = disc_radius(level, width, height);
                disc_pixels(width, height).filter(|d2| *d2 <= r * r).count() as u32
            }
            Form::Bar { width } => bar_half_cells(level, width) as u32,
        }
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
                let pixels = disc_pixels(width, height);
                // A pixel is lit while its centre is within the radius: growing, the next
                // one lights as the radius reaches it; shrinking, the farthest lit one goes
                // dark as the radius falls below it.
                let edge = if rising {
                    pixels.filter(|d2| *d2 > r2).min_by(f64::total_cmp)
                } else {
                    pixels.filter(|d2| *d2 <= r2).max_by(f64::total_cmp)
                }?;
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

fn max_radius(width: u16, height: u16) -> f64 {
    (f64::from(width) / 2.0).min(f64::from(height))
}

fn disc_radius(level: f64, width: u16, height: u16) -> f64 {
    radius(level, max_radius(width, height))
}

/// A disc pixel is a quadrant of a cell: half a column by half a row. Distances are measured
/// in columns across and half rows down, units that are roughly square on screen, so the
/// disc looks round. Quadrants give twice the resolution of half blocks across, so at 80×24
/// the picture changes more than 20 times a second while breathing.
fn quadrant_centre(qx: u16, qy: u16) -> (f64, f64) {
    ((f64::from(qx) + 0.5) / 2.0, f64::from(qy) + 0.5)
}

/// Squared distances of every pixel's centre from the disc's centre.
fn disc_pixels(width: u16, height: u16) -> impl Iterator<Item = f64> {
    let (w, h) = (f64::from(width), f64::from(height) * 2.0);
    (0..height * 2).flat_map(move |qy| {
        (0..width * 2).map(move |qx| {
            let (x, y) = quadrant_centre(qx, qy);
            let (dx, dy) = (x - w / 2.0, y - h / 2.0);
            dx * dx + dy * dy
        })
    })
}

/// Where through a moving phase (as a ratio) the pacer's picture next changes after
/// `ratio`; `None` if it doesn't before the phase ends.
pub fn next_change(kind: PhaseKind, ratio: f64, form: Form) -> Option<f64> {
    let level = level(kind, ratio)?;
    // The inverse of `level`'s easing: the ratio at which the level is `at`.
    let unease = |at: f64| (1.0 - 2.0 * at).clamp(-1.0, 1.0).acos() / PI;
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
    let r = disc_radius(level, width, height);
    let (w, h) = (f64::from(width), f64::from(height) * 2.0);
    let inside = |qx: u16, qy: u16| {
        let (x, y) = quadrant_centre(qx, qy);
        let (dx, dy) = (x - w / 2.0, y - h / 2.0);
        usize::from(dx * dx + dy * dy <= r * r)
    };
    (0..height)
        .map(|row| {
            (0..width)
                .map(|x| {
                    let (qx, qy) = (2 * x, 2 * row);
                    let bits = inside(qx, qy) << 3
                        | inside(qx + 1, qy) << 2
                        | inside(qx, qy + 1) << 1
                        | inside(qx + 1, qy + 1);
                    QUADRANTS[bits]
                })
                .collect()
        })
        .collect()
}

/// Quadrant glyphs by lit quadrants: upper left, upper right, lower left, lower right.
const QUADRANTS: [char; 16] = [
    ' ', '▗', '▖', '▄', '▝', '▐', '▞', '▟', '▘', '▚', '▌', '▙', '▀', '▜', '▛', '█',
];

/// Half cells lit on each side of the bar's middle.
fn bar_half_cells(level: f64, width: u16) -> i32 {
    (level.clamp(0.0, 1.0) * f64::from(width)).round().max(1.0) as i32
}

/// A one-row pacer for small screens: a bar that grows from the middle out, by half cells.
pub fn bar(level: f64, width: u16) -> String {
    let half = i32::from(width);
    let filled = bar_half_cells(level, width);
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
        let rows = match Form::of(area) {
            Form::Disc { width, height } => disc(self.level, width, height),
            Form::Bar { width } => vec![bar(self.level, width)],
        };
        let top = area.y + (area.height - rows.len().min(usize::from(area.height)) as u16) / 2;
        for (y, row) in (top..area.bottom()).zip(&rows) {
            put_row(buf, area.x, y, row, usize::from(area.width), self.style);
        }
    }
}

#[cfg(test)]
mod tests;
