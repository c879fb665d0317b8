//! The parts of the player screen that the passing seconds change, each on its own, so that a
//! second can be drawn without the whole screen (see `ui::ticks`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::PlayerView;
use crate::ui::digits::{self, BigText};
use crate::ui::ticks::{Digits, Ticking};

impl PlayerView<'_> {
    /// The header (its time left), the countdown and the gauges, as the screen of `area`
    /// shows them now; with `turn`, also the rows a breath's turn changes (the phase's word,
    /// the detail, what is next).
    pub fn ticking(&self, area: Rect, turn: bool) -> Ticking {
        let areas = self.areas(area);
        let rendered = |area: Rect, render: &dyn Fn(Rect, &mut Buffer)| {
            (!area.is_empty()).then(|| {
                let mut buf = Buffer::empty(area);
                render(area, &mut buf);
                buf
            })
        };
        let turn = match turn {
            true => [
                rendered(areas.status, &|area, buf| self.render_status(area, buf)),
                rendered(areas.detail, &|area, buf| self.render_detail(area, buf)),
                rendered(areas.next, &|area, buf| self.render_next(area, buf)),
            ]
            .into_iter()
            .flatten()
            .collect(),
            false => Vec::new(),
        };
        let mut parts = Vec::new();
        let mut part = |area: Rect, render: &dyn Fn(Rect, &mut Buffer)| {
            parts.extend(rendered(area, render));
        };
        part(areas.header, &|area, buf| self.render_header(area, buf));
        if let Some(gauge) = areas.phase_gauge {
            part(gauge, &|area, buf| {
                self.render_gauge(area, "phase", self.phase_ratio, buf)
            });
        }
        part(areas.routine_gauge, &|area, buf| {
            self.render_gauge(area, "routine", self.routine_ratio, buf)
        });
        let (text, style) = self.countdown();
        let digits = if digits::place(&text, areas.digits).is_some() {
            Some(Digits {
                text,
                area: areas.digits,
                style,
            })
        } else {
            // Too small to be big: plain text, a small part like the others.
            part(areas.digits, &|area, buf| {
                BigText { text: &text, style }.render(area, buf)
            });
            None
        };
        Ticking {
            parts,
            digits,
            turn,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::ui::ticks::Ticker;

    fn drawn(view: &PlayerView, area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        view.render(area, &mut buf);
        buf
    }

    /// Draws `view` full, then ticks through `lefts` cell by cell onto a copy of that screen,
    /// and checks each second's screen is what a full frame would show.
    fn ticks_like_full_frames(view: &PlayerView, area: Rect, lefts: &[u64]) {
        let at = |left: u64| PlayerView {
            phase_left: Duration::from_secs(left),
            total_left: Duration::from_secs(left + 100),
            phase_ratio: 1.0 - left as f64 / 700.0,
            routine_ratio: 1.0 - left as f64 / 900.0,
            ..view.clone()
        };
        let mut ticker = Ticker::default();
        let first = at(lefts[0]);
        let mut screen = drawn(&first, area);
        let mut fixes = Vec::new();
        ticker.framed(&screen, Some(first.ticking(area, false)), &mut fixes);
        assert!(fixes.is_empty());
        for &left in &lefts[1..] {
            let view = at(left);
            let writes = ticker
                .ticked(view.ticking(area, false))
                .unwrap_or_else(|| panic!("{left} s left at {area:?} ticks alone"));
            for (x, y, cell) in writes {
                screen[(x, y)] = cell;
            }
            assert_eq!(screen, drawn(&view, area), "{left} s left at {area:?}");
        }
    }

    #[test]
    fn a_tick_drawn_cell_by_cell_shows_what_a_full_frame_shows() {
        use crate::ui::testing::{routine, secs, session_at};
        let (session, now) = session_at(&routine(), crate::session::PhaseKind::Hold, 0, secs(1));
        let view = PlayerView::new(&session, now);
        for (width, height) in [(100, 30), (200, 60), (80, 24), (40, 12), (30, 8)] {
            let area = Rect::new(0, 0, width, height);
            ticks_like_full_frames(&view, area, &[598, 597, 590, 589, 100, 61, 60]);
        }
    }
}
