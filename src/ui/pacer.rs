//! The breath pacer: a disc that fills as the person breathes in, stays while they hold and
//! empties as they breathe out, paced exactly by the phase's own timing.

use std::f64::consts::PI;
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::session::PhaseKind;

/// Frames per second while the pacer moves. Frames fall on fixed instants of the phase
/// (every 40 ms from its start), so a late wake-up never shifts the ones after it.
pub const FPS: u32 = 25;
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

/// How long after `elapsed` into a phase its next frame falls.
pub fn until_next_frame(elapsed: Duration) -> Duration {
    let frame = FRAME.as_nanos();
    let into = elapsed.as_nanos() % frame;
    Duration::from_nanos((frame - into) as u64)
}

/// The disc's radius in pixels for a level, in a grid whose largest disc has radius `max`.
/// Never quite empty, so there is always something to watch.
pub fn radius(level: f64, max: f64) -> f64 {
    let min = (max * 0.15).max(0.75).min(max);
    min + level.clamp(0.0, 1.0) * (max - min)
}

/// The disc as rows of half-block characters filling `width` × `height` cells. A pixel is
/// one column by half a row, roughly square, so the disc looks round.
pub fn disc(level: f64, width: u16, height: u16) -> Vec<String> {
    let (w, h) = (f64::from(width), f64::from(height) * 2.0);
    let r = radius(level, (w / 2.0).min(h / 2.0));
    let inside = |x: u16, y: u16| {
        let (dx, dy) = (f64::from(x) + 0.5 - w / 2.0, f64::from(y) + 0.5 - h / 2.0);
        dx * dx + dy * dy <= r * r
    };
    (0..height)
        .map(|row| {
            (0..width)
                .map(|x| match (inside(x, 2 * row), inside(x, 2 * row + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
                .collect()
        })
        .collect()
}

/// A one-row pacer for small screens: a bar that grows from the middle out, by half cells.
pub fn bar(level: f64, width: u16) -> String {
    let half = i32::from(width);
    let filled = (level.clamp(0.0, 1.0) * f64::from(half)).round().max(1.0) as i32;
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
        let rows = if area.height >= 3 && area.width >= 6 {
            disc(self.level, area.width, area.height)
        } else {
            vec![bar(self.level, area.width)]
        };
        let top = area.y + (area.height - rows.len().min(usize::from(area.height)) as u16) / 2;
        for (y, row) in (top..area.bottom()).zip(&rows) {
            buf.set_stringn(area.x, y, row, usize::from(area.width), self.style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn breathing_in_fills_exactly_over_the_phase() {
        assert!(close(level(PhaseKind::Inhale, 0.0).unwrap(), 0.0));
        assert!(close(level(PhaseKind::Inhale, 0.5).unwrap(), 0.5));
        assert!(close(level(PhaseKind::Inhale, 1.0).unwrap(), 1.0));
        let quarter = level(PhaseKind::Inhale, 0.25).unwrap();
        assert!(quarter > 0.0 && quarter < 0.25, "eases in: {quarter}");
    }

    #[test]
    fn breathing_out_empties_and_holds_stay_still() {
        assert!(close(level(PhaseKind::Exhale, 0.0).unwrap(), 1.0));
        assert!(close(level(PhaseKind::Exhale, 1.0).unwrap(), 0.0));
        assert_eq!(level(PhaseKind::HoldIn, 0.3), Some(1.0));
        assert_eq!(level(PhaseKind::HoldOut, 0.7), Some(0.0));
        assert_eq!(level(PhaseKind::Hold, 0.5), None);
        assert!(moves(PhaseKind::Inhale) && !moves(PhaseKind::HoldIn));
    }

    #[test]
    fn the_disc_grows_with_the_level() {
        let lit = |level| -> usize {
            disc(level, 16, 8)
                .iter()
                .flat_map(|row| row.chars())
                .map(|c| match c {
                    '█' => 2,
                    '▀' | '▄' => 1,
                    _ => 0,
                })
                .sum()
        };
        let sizes: Vec<usize> = [0.0, 0.25, 0.5, 0.75, 1.0].into_iter().map(lit).collect();
        assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{sizes:?}");
        assert!(sizes[0] > 0, "never quite empty");
    }

    #[test]
    fn a_full_disc_is_round_and_fills_its_square() {
        assert_eq!(
            disc(1.0, 8, 4),
            vec![
                " ▄████▄ ", //
                "████████",
                "████████",
                " ▀████▀ ",
            ]
        );
    }

    #[test]
    fn the_bar_grows_from_the_middle_by_half_cells() {
        assert_eq!(bar(0.0, 6), "  ▐▌  ");
        assert_eq!(bar(0.5, 6), " ▐██▌ ");
        assert_eq!(bar(1.0, 6), "██████");
    }

    #[test]
    fn frames_fall_on_fixed_instants_of_the_phase() {
        assert_eq!(until_next_frame(Duration::ZERO), FRAME);
        assert_eq!(
            until_next_frame(Duration::from_millis(10)),
            Duration::from_millis(30)
        );
        assert_eq!(until_next_frame(Duration::from_millis(80)), FRAME);
    }
}
