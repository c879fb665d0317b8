//! Where everything on the player screen goes: rows by priority, so the essentials survive
//! small terminals, and the countdown takes what is left.

use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;

use super::PlayerView;
use crate::session::PhaseKind;
use crate::ui::{format, pacer};

/// Heights of the screen's rows, top to bottom. The essentials come first; what is left goes
/// to the countdown, so it grows with the terminal.
#[derive(Debug, Default, PartialEq, Eq)]
struct Rows {
    header: u16,
    gap_top: u16,
    status: u16,
    detail: u16,
    countdown: u16,
    gap_bottom: u16,
    phase_gauge: u16,
    routine_gauge: u16,
    cue: u16,
    next: u16,
    notice: u16,
    footer: u16,
}

impl Rows {
    fn plan(view: &PlayerView, height: u16, cue_lines: u16) -> Rows {
        let left = std::cell::Cell::new(height);
        let take = |want: u16| {
            let got = want.min(left.get());
            left.set(left.get() - got);
            got
        };
        let mut rows = Rows {
            header: take(1),
            footer: take(1),
            status: take(1),
            countdown: take(1),
            ..Rows::default()
        };
        rows.detail = take(u16::from(view.detail.is_some()));
        rows.phase_gauge = take(1);
        // Said once and briefly, so it must be seen: for its few seconds it comes before
        // what is next.
        rows.notice = take(u16::from(view.notice.is_some()));
        rows.next = take(1);
        // Getting ready is the time to read the cue: then the whole cue comes before big
        // digits; later the digits come first, and then the whole cue before anything more
        // for them or the routine's gauge (the header already says how long is left).
        let cue_first = view.kind == PhaseKind::Prepare;
        if cue_first {
            rows.cue = take(cue_lines);
        }
        // Three rows is the smallest the big digits come in; one row more is no use to them.
        if left.get() >= 2 {
            rows.countdown += take(2);
        }
        if !cue_first {
            rows.cue = take(cue_lines);
        }
        rows.routine_gauge = take(1);
        rows.gap_top = take(1);
        rows.gap_bottom = take(1);
        rows.countdown += left.get();
        rows
    }
}

/// Where everything goes on a screen of a given size.
pub(super) struct Areas {
    pub(super) header: Rect,
    pub(super) status: Rect,
    pub(super) detail: Rect,
    pub(super) digits: Rect,
    /// The pacer, during breathing: beside the digits, or in the phase gauge's row.
    pub(super) pacer: Option<Rect>,
    /// `None` when the pacer took its row.
    pub(super) phase_gauge: Option<Rect>,
    pub(super) routine_gauge: Rect,
    pub(super) cue: Rect,
    pub(super) cue_lines: Vec<String>,
    pub(super) next: Rect,
    pub(super) notice: Rect,
    pub(super) footer: Rect,
}

impl PlayerView<'_> {
    pub(super) fn areas(&self, area: Rect) -> Areas {
        let cue_width = usize::from(area.width.saturating_sub(2));
        let cue_wanted = self.cue.map_or(0, |cue| format::wrap(cue, cue_width).len());
        let rows = Rows::plan(self, area.height, cue_wanted as u16);
        let cue_lines = self.cue.map_or(Vec::new(), |cue| {
            format::wrap_at_most(cue, cue_width, usize::from(rows.cue))
        });
        let [
            header,
            _,
            status,
            detail,
            countdown,
            _,
            phase_gauge,
            routine_gauge,
            cue,
            next,
            notice,
            footer,
        ] = Layout::vertical(
            [
                rows.header,
                rows.gap_top,
                rows.status,
                rows.detail,
                rows.countdown,
                rows.gap_bottom,
                rows.phase_gauge,
                rows.routine_gauge,
                rows.cue,
                rows.next,
                rows.notice,
                rows.footer,
            ]
            .map(Constraint::Length),
        )
        .areas(area);
        let inset = |area: Rect| area.inner(Margin::new(1, 0));
        let (digits, pacer, phase_gauge) = match self.pacer {
            Some(_) if countdown.height >= 3 => {
                let width = (countdown.height * 2).min(countdown.width / 2);
                let [digits, _, pacer, _] = Layout::horizontal([
                    Constraint::Fill(1),
                    Constraint::Length(2),
                    Constraint::Length(width),
                    Constraint::Length(2),
                ])
                .areas(countdown);
                (digits, Some(pacer), Some(inset(phase_gauge)))
            }
            // No room beside the digits: the pacer takes the phase gauge's row.
            Some(_) => (countdown, Some(inset(phase_gauge)), None),
            None => (countdown, None, Some(inset(phase_gauge))),
        };
        Areas {
            header: inset(header),
            status: inset(status),
            detail,
            digits,
            pacer,
            phase_gauge,
            routine_gauge: inset(routine_gauge),
            cue,
            cue_lines,
            next: inset(next),
            notice,
            footer: inset(footer),
        }
    }

    /// Where the pacer is on a screen of `area`, its style and its level, during breathing:
    /// what the frame cache needs to move it alone between full frames.
    pub fn pacer_spot(&self, area: Rect) -> Option<(Rect, Style, f64)> {
        let level = self.pacer?;
        Some((self.areas(area).pacer?, self.pacer_style(), level))
    }

    /// The pacer's shape on a screen of `area`, during breathing.
    pub fn pacer_form(&self, area: Rect) -> Option<pacer::Form> {
        self.pacer?;
        self.areas(area).pacer.map(pacer::Form::of)
    }
}
