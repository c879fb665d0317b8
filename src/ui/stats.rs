//! The stats screen, opened from the picker: the streak, a heat map of practice days, the
//! minutes per week and the stiffness before and after as sparklines. A pure view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{BarChart, Block, Sparkline, Widget};

use super::theme::Theme;
use crate::history::report::heat;
use crate::history::stats::{Day, Stats};

pub struct StatsView<'a> {
    pub stats: &'a Stats,
    pub theme: Theme,
}

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// The statistics of the user's history today, for the weeks the screen shows.
pub fn load() -> Stats {
    let records = crate::history::History::from_env()
        .and_then(|history| history.load().ok())
        .map(|loaded| loaded.records)
        .unwrap_or_default();
    crate::history::stats::stats(&records, super::practice::today(), 12)
}

impl StatsView<'_> {
    fn heat_style(&self, day: &Day) -> Style {
        if !self.theme.color || day.minutes <= 0.0 {
            return self.theme.dim();
        }
        let color = match heat(day) {
            '░' => Color::Indexed(22),
            '▒' => Color::Indexed(28),
            '▓' => Color::Indexed(34),
            _ => Color::Indexed(40),
        };
        Style::new().fg(color)
    }

    /// Seven rows, Monday first, a column a week; as many of the latest weeks as fit.
    fn render_heat_map(&self, area: Rect, buf: &mut Buffer) {
        let fit = usize::from(area.width.saturating_sub(4)) / 2;
        let weeks = self.stats.days.len().div_ceil(7);
        let skip_weeks = weeks.saturating_sub(fit);
        for (row, letter) in ["M", "T", "W", "T", "F", "S", "S"].iter().enumerate() {
            let y = area.y + row as u16;
            if y >= area.bottom() {
                break;
            }
            buf.set_string(area.x, y, letter, self.theme.dim());
            let cells = self.stats.days.iter().skip(row).step_by(7).skip(skip_weeks);
            for (column, day) in cells.enumerate() {
                let x = area.x + 2 + column as u16 * 2;
                buf.set_string(x, y, heat(day).to_string(), self.heat_style(day));
            }
        }
    }

    fn render_minutes(&self, area: Rect, buf: &mut Buffer) {
        let labels: Vec<String> = (self.stats.weeks.iter())
            .map(|week| week.start.strftime("%-d/%-m").to_string())
            .collect();
        let fit = usize::from(area.width) / 6;
        let skip = labels.len().saturating_sub(fit.max(1));
        let data: Vec<(&str, u64)> = (labels.iter().zip(&self.stats.weeks))
            .skip(skip)
            .map(|(label, week)| (label.as_str(), week.minutes.round() as u64))
            .collect();
        BarChart::default()
            .data(data.as_slice())
            .bar_width(5)
            .bar_gap(1)
            .bar_style(self.theme.phase(crate::session::PhaseKind::Hold))
            .value_style(self.theme.title())
            .label_style(self.theme.dim())
            .render(area, buf);
    }

    fn stiffness_line(&self) -> String {
        let k = &self.stats.stiffness;
        let show = |v: Option<f64>| v.map_or("–".into(), |v| format!("{v:.1}"));
        match (k.before, k.after) {
            (None, None) => "no ratings yet".into(),
            _ => {
                let change = k.change.map_or(String::new(), |c| format!(" ({c:+.1})"));
                format!(
                    "before {} → after {}{change}",
                    show(k.before),
                    show(k.after)
                )
            }
        }
    }

    fn render_sparks(&self, area: Rect, buf: &mut Buffer) {
        let rows = [
            ("before", &self.stats.recent_before, Color::Yellow),
            ("after ", &self.stats.recent_after, Color::Green),
        ];
        let height = (area.height / 2).max(1);
        for (i, (label, ratings, color)) in rows.into_iter().enumerate() {
            let y = area.y + i as u16 * height;
            if y >= area.bottom() {
                break;
            }
            let row = Rect {
                y,
                height: height.min(area.bottom() - y),
                ..area
            };
            buf.set_string(row.x, row.y + row.height - 1, label, self.theme.dim());
            let spark = Rect {
                x: row.x + 7,
                width: row.width.saturating_sub(7),
                ..row
            };
            let skip = ratings.len().saturating_sub(usize::from(spark.width));
            let data: Vec<u64> = ratings.iter().skip(skip).map(|&r| u64::from(r)).collect();
            let style = if self.theme.color {
                Style::new().fg(color)
            } else {
                Style::new()
            };
            Sparkline::default()
                .data(&data)
                .max(10)
                .style(style)
                .render(spark, buf);
        }
    }
}

impl Widget for &StatsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, theme) = (self.stats, self.theme);
        let roomy = area.height >= 20 && area.width >= 60;
        let [header, facts, body, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let streak = if area.width >= 60 {
            format!(
                "streak {} · longest {}",
                days(s.streak.current),
                days(s.streak.longest)
            )
        } else {
            format!("streak {} · best {}", s.streak.current, s.streak.longest)
        };
        Line::styled(
            if roomy { "Your practice" } else { "Practice" },
            theme.title(),
        )
        .render(header, buf);
        Line::styled(
            streak,
            theme
                .title()
                .patch(theme.phase(crate::session::PhaseKind::Hold)),
        )
        .right_aligned()
        .render(header, buf);
        let facts_text = if area.width >= 60 {
            format!(
                "{} of the last 7 days · {} of the last 30 · {:.0} min in all",
                s.days_last_7, s.days_last_30, s.minutes
            )
        } else {
            format!("{}/7 days · {}/30 days", s.days_last_7, s.days_last_30)
        };
        Line::styled(facts_text, theme.dim()).render(facts, buf);
        let keys = if area.width >= 60 {
            "a missed day: one in seven keeps a streak   q back"
        } else {
            "q back"
        };
        Line::styled(keys, theme.dim())
            .right_aligned()
            .render(footer, buf);

        if roomy {
            let [top, bottom] =
                Layout::vertical([Constraint::Length(11), Constraint::Fill(1)]).areas(body);
            let heat_width = (s.days.len().div_ceil(7) as u16 * 2 + 4).max(16);
            let [heat_area, minutes_area] =
                Layout::horizontal([Constraint::Length(heat_width + 2), Constraint::Fill(1)])
                    .areas(top);
            let block = Block::bordered()
                .title(" Practice days ")
                .border_style(theme.dim());
            let inner = block.inner(heat_area);
            block.render(heat_area, buf);
            self.render_heat_map(inner, buf);
            let block = Block::bordered()
                .title(" Minutes a week ")
                .border_style(theme.dim());
            let inner = block.inner(minutes_area);
            block.render(minutes_area, buf);
            self.render_minutes(inner, buf);
            let title = format!(" Stiffness: {} ", self.stiffness_line());
            let block = Block::bordered().title(title).border_style(theme.dim());
            let inner = block.inner(bottom);
            block.render(bottom, buf);
            self.render_sparks(inner, buf);
        } else {
            // Small: the heat map and, beside or under it, the stiffness.
            let [heat_area, rest] =
                Layout::vertical([Constraint::Length(7.min(body.height)), Constraint::Fill(1)])
                    .areas(body);
            self.render_heat_map(heat_area, buf);
            if rest.height >= 1 {
                let [line, sparks] =
                    Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(rest);
                Line::from(vec![
                    Span::styled("stiffness ", theme.dim()),
                    Span::raw(self.stiffness_line()),
                ])
                .render(line, buf);
                self.render_sparks(sparks, buf);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::history::{sample, stats};
    use crate::ui::testing::draw;

    /// The simulated fortnight: practised every day but two over two weeks, stiffness easing.
    fn fortnight() -> Stats {
        let today = "2026-12-01".parse().unwrap();
        let records = sample::fortnight(today, &[0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15]);
        stats::stats(&records, today, 4)
    }

    #[test]
    fn the_stats_screen_at_every_size() {
        let stats = fortnight();
        let view = StatsView {
            stats: &stats,
            theme: Theme::COLOR,
        };
        for (width, height) in [(80, 24), (40, 14)] {
            let screen = draw(width, height, &view);
            assert_snapshot!(format!("stats_{width}x{height}"), screen);
        }
    }

    #[test]
    fn the_stats_screen_tells_the_fortnights_streak_and_trend() {
        let stats = fortnight();
        let text = draw(
            80,
            24,
            &StatsView {
                stats: &stats,
                theme: Theme::PLAIN,
            },
        )
        .to_string();
        assert!(text.contains("streak 14 days · longest 14 days"), "{text}");
        assert!(
            text.contains("6 of the last 7 days · 14 of the last 30"),
            "{text}"
        );
        assert!(
            text.contains("Stiffness: before 5.1 → after 3.1 (-2.0)"),
            "{text}"
        );
    }

    #[test]
    fn an_empty_history_draws_calmly() {
        let stats = stats::stats(&[], "2026-12-01".parse().unwrap(), 8);
        let text = draw(
            80,
            24,
            &StatsView {
                stats: &stats,
                theme: Theme::PLAIN,
            },
        )
        .to_string();
        assert!(
            text.contains("streak 0 days") && text.contains("no ratings yet"),
            "{text}"
        );
    }
}
