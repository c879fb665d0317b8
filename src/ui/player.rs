//! The player screen: in one glance, what to do now, on which side, how long is left and
//! what comes next. A pure function of a `PlayerView`, itself built from the session.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::cells::set_glyph;
use super::digits::BigText;
use super::format;
use super::next::{self, Next};
use super::pacer::{self, Pacer};
use super::theme::Theme;
use crate::session::{PhaseKind, Session, Status, ratio};

/// Everything the player shows at one moment. Rendering reads nothing else: no clock, no
/// session.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayerView<'a> {
    pub title: &'a str,
    /// 0-based.
    pub step: usize,
    pub steps: usize,
    pub total_left: Duration,
    pub routine_ratio: f64,
    pub kind: PhaseKind,
    /// The move's name; empty in the rest after a move, which is no longer the move.
    pub name: &'a str,
    /// Side, rep and breath: `Right leg · rep 2 of 5`; `to Left leg` while switching.
    pub detail: Option<String>,
    pub phase_left: Duration,
    pub phase_ratio: f64,
    pub cue: Option<&'a str>,
    /// What comes after what is happening now.
    pub next: Next,
    pub paused: bool,
    /// Time left of the "get ready" lead-in before a resume, while it runs.
    pub lead_in: Option<Duration>,
    /// How full the breath pacer is, during breathing.
    pub pacer: Option<f64>,
    pub muted: bool,
    /// There is no sound device: nothing sounds, muted or not.
    pub silent: bool,
    /// The run has spoken guidance (at any level, off included): `v` cycles it.
    pub voice: bool,
    /// One line about the program itself, e.g. that there is no sound device, while it shows.
    pub notice: Option<&'a str>,
    pub theme: Theme,
}

impl<'a> PlayerView<'a> {
    /// What the player shows of `session` at driver time `now`.
    pub fn new(session: &'a Session, now: Duration) -> PlayerView<'a> {
        let progress = session.progress(now);
        let plan = session.plan();
        let routine = &plan.routine;
        let phase = session.current_phase();
        let step = routine.steps.get(progress.step);
        let total = plan.total();
        // The rest after a move: the move, its side and its cue are over.
        let resting = next::rest_after_move(plan, phase);
        let detail = match (phase.kind, &phase.side) {
            _ if resting => None,
            (PhaseKind::Switch, Some(side)) => Some(format!("to {side}")),
            _ => format::detail(phase),
        };
        PlayerView {
            title: &routine.title,
            step: progress.step,
            steps: plan.step_count(),
            total_left: progress.total_left,
            routine_ratio: ratio(total.saturating_sub(progress.total_left), total),
            kind: phase.kind,
            name: step.filter(|_| !resting).map_or("", |step| &step.name),
            detail,
            phase_left: progress.phase_left,
            phase_ratio: progress.phase_ratio(),
            cue: step
                .filter(|_| !resting)
                .and_then(|step| step.cue.as_deref()),
            next: Next::after(plan, progress.phase),
            paused: matches!(progress.status, Status::Paused { .. }),
            lead_in: None,
            pacer: pacer::level(phase.kind, progress.phase_ratio()),
            muted: false,
            silent: false,
            voice: false,
            notice: None,
            theme: Theme::COLOR,
        }
    }

    /// Paused and not already counting down to the resume.
    fn frozen(&self) -> bool {
        self.paused && self.lead_in.is_none()
    }

    fn pacer_style(&self) -> Style {
        self.theme.big(self.kind, self.frozen())
    }
}

impl Widget for &PlayerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let areas = self.areas(area);
        self.render_header(areas.header, buf);
        self.render_status(areas.status, buf);
        self.render_detail(areas.detail, buf);
        self.render_digits(areas.digits, buf);
        if let (Some(level), Some(area)) = (self.pacer, areas.pacer) {
            let style = self.pacer_style();
            Pacer { level, style }.render(area, buf);
        }
        if let Some(gauge) = areas.phase_gauge {
            self.render_gauge(gauge, "phase", self.phase_ratio, buf);
        }
        self.render_gauge(areas.routine_gauge, "routine", self.routine_ratio, buf);
        let cue = areas.cue;
        for (y, line) in (cue.y..cue.bottom()).zip(&areas.cue_lines) {
            Line::raw(crate::format::printable(line)).centered().render(
                Rect {
                    y,
                    height: 1,
                    ..cue
                },
                buf,
            );
        }
        self.render_next(areas.next, buf);
        if let Some(text) = self.notice {
            // Narrow: the notice's first clause ("no sound device"), which is the news.
            let width = usize::from(areas.notice.width);
            let text = match text.split_once(", ") {
                Some((first, _)) if text.chars().count() > width => first,
                _ => text,
            };
            Line::styled(format::ellipsis(text, width), theme.notice())
                .centered()
                .render(areas.notice, buf);
        }
        self.render_footer(areas.footer, buf);
    }
}

impl PlayerView<'_> {
    fn render_header(&self, area: Rect, buf: &mut Buffer) {
        let (step, steps) = (self.step + 1, self.steps);
        let left = crate::format::countdown(self.total_left);
        let width = usize::from(area.width);
        let right = [
            format!("step {step} of {steps} · {left} left"),
            format!("{step}/{steps} · {left} left"),
            format!("{step}/{steps} · {left}"),
            format!("{step}/{steps} {left}"),
        ]
        .into_iter()
        .find(|right| right.chars().count() + 8 <= width)
        .unwrap_or_else(|| format!("{step}/{steps} {left}"));
        let room = width.saturating_sub(right.chars().count() + 2);
        let title = crate::format::printable(self.title);
        Line::styled(format::ellipsis(&title, room), self.theme.title()).render(area, buf);
        Line::styled(right, self.theme.dim())
            .right_aligned()
            .render(area, buf);
    }

    /// The phase in words, as a coloured badge, then the move's name; PAUSED (once) or
    /// RESUMING before both.
    fn render_status(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let width = usize::from(area.width);
        let state = if self.lead_in.is_some() {
            Some(Span::styled(" RESUMING ", theme.badge(PhaseKind::Prepare)))
        } else if self.paused {
            Some(Span::styled(" PAUSED ", theme.paused()))
        } else {
            None
        };
        let phase = Span::styled(
            format!(" {} ", format::phase_word(self.kind)),
            theme.badge(self.kind),
        );
        // Narrow screens drop the phase's badge behind PAUSED before cutting either word.
        let mut spans: Vec<Span> = match state {
            Some(state) if state.width() + 1 + phase.width() <= width => {
                vec![state, Span::raw(" "), phase]
            }
            Some(state) => vec![state],
            None => vec![phase],
        };
        if !self.name.is_empty() {
            let used: usize = spans.iter().map(Span::width).sum();
            let room = width.saturating_sub(used + 2);
            if room >= 2 {
                spans.push(Span::raw("  "));
                spans.push(Span::styled(
                    format::ellipsis(&crate::format::printable(self.name), room),
                    theme.title(),
                ));
            }
        }
        Line::from(spans).centered().render(area, buf);
    }

    /// Side, rep or breath, under the status.
    fn render_detail(&self, area: Rect, buf: &mut Buffer) {
        if let Some(text) = &self.detail {
            let width = usize::from(area.width);
            Line::styled(
                format::ellipsis(&crate::format::printable(text), width),
                self.theme.title(),
            )
            .centered()
            .render(area, buf);
        }
    }

    fn render_digits(&self, area: Rect, buf: &mut Buffer) {
        let (text, style) = self.countdown();
        BigText { text: &text, style }.render(area, buf);
    }

    /// The big countdown's text and style: the lead-in's while it runs, else the phase's.
    fn countdown(&self) -> (String, Style) {
        let text = format::countdown(self.lead_in.unwrap_or(self.phase_left));
        let style = match self.lead_in {
            Some(_) => self.theme.big(PhaseKind::Prepare, false),
            None => self.theme.big(self.kind, self.paused),
        };
        (text, style)
    }

    fn render_gauge(&self, area: Rect, label: &str, ratio: f64, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let label = if area.width >= 30 {
            format!("{label:<8}")
        } else {
            String::new()
        };
        // As ratatui's `LineGauge` draws it (the label, a column's gap, the bar), with the
        // bar's blocks through `set_glyph`: a gauge's every cell is one of them.
        let dim = self.theme.dim();
        let line = Line::from(Span::styled(label, dim));
        let (col, row) = buf.set_line(area.left(), area.top(), &line, area.width);
        let start = col + 1;
        if start >= area.right() {
            return;
        }
        let filled = libm::floor(f64::from(area.right() - start) * ratio.clamp(0.0, 1.0)) as u16;
        let end = start + filled;
        let phase = self.theme.phase(self.kind);
        for col in start..area.right() {
            let (glyph, style) = if col < end {
                ('█', phase)
            } else {
                ('─', dim)
            };
            set_glyph(&mut buf[(col, row)], glyph, style);
        }
    }

    fn render_next(&self, area: Rect, buf: &mut Buffer) {
        let what = self.next.words();
        let room = usize::from(area.width).saturating_sub(6);
        Line::from(vec![
            Span::styled("next: ", self.theme.dim()),
            Span::raw(format::ellipsis(&what, room)),
        ])
        .centered()
        .render(area, buf);
    }

    fn render_footer(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let width = usize::from(area.width);
        // Said for as long as it is true, as small as it can be: a run that was muted and
        // unmuted with no device must not look as if it sounds.
        // On a small screen the keys to pause and for help come first.
        let indicator = match (self.muted, self.silent) {
            _ if width < 32 => "",
            (true, _) => "muted",
            (false, true) => "no sound",
            (false, false) => "",
        };
        let pause = match (self.lead_in, self.paused) {
            (Some(_), _) => "cancel",
            (None, true) => "resume",
            (None, false) => "pause",
        };
        let mute = if self.muted { "unmute" } else { "mute" };
        // `v` only where there is speech to cycle, and the first hint to go when room is short.
        let voice = self.voice.then_some(("v", "voice", 7));
        let keys: Vec<(&str, &str, u8)> = [
            Some(("Space", pause, 0)),
            Some(("n", "next", 3)),
            Some(("b", "back", 4)),
            Some(("+/-", "10s", 6)),
            Some(("m", mute, 5)),
            voice,
            Some(("?", "help", 1)),
            Some(("q", "stop", 2)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let room = width.saturating_sub(indicator.len() + 1);
        super::help::hints(&keys, room, theme).render(area, buf);
        if !indicator.is_empty() {
            Line::styled(indicator, theme.notice().add_modifier(Modifier::BOLD))
                .right_aligned()
                .render(area, buf);
        }
    }
}

mod layout;
#[cfg(test)]
mod tests;
mod ticking;
