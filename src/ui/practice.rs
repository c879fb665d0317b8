//! What the screens know of the practice: the stiffness prompt, the days practised (for the
//! streak on the summary and the picker) and a resume offer. Loaded once per routine, never
//! per frame.

use std::collections::BTreeSet;

use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::rating::{Rating, RatingView};
use super::theme::Theme;

use crate::config::Settings;
use crate::history::asking::Asking;
use crate::history::stats::{self, Streak};
use crate::history::{History, Notes, Record};

#[derive(Debug, Clone)]
pub struct Practice {
    /// The ratings given, shared with the recorder.
    pub notes: Notes,
    /// Asks for ratings while `Some` and due.
    pub asking: Option<Asking>,
    /// Days with a finished session, before this run.
    pub days: BTreeSet<Date>,
    /// The latest session recorded.
    pub last: Option<Record>,
    /// `Date::ZERO` when nothing was loaded (`Practice::default()`): the summary then shows
    /// no practice line.
    pub today: Date,
    /// The step (0-based) to offer to resume at.
    pub resume: Option<usize>,
}

impl Default for Practice {
    fn default() -> Self {
        Practice {
            notes: Notes::default(),
            asking: None,
            days: BTreeSet::new(),
            last: None,
            today: Date::ZERO,
            resume: None,
        }
    }
}

impl Practice {
    /// The practice as the history and the state folder tell it. `rated`: a rating was
    /// already given (`--before`), which also means "ask me again".
    /// Also returns a warning for each history line that could not be read, to say once
    /// the terminal is given back.
    pub fn load(settings: &Settings, notes: &Notes, rated: bool) -> (Practice, Vec<String>) {
        let asking = Asking::from_env(settings.ask_stiffness);
        if rated {
            asking.answered();
        }
        let (records, warnings) = match History::from_env() {
            Some(history) => match history.load() {
                Ok(loaded) => {
                    let warnings = loaded.warnings(history.path());
                    (loaded.records, warnings)
                }
                Err(_) => Default::default(),
            },
            None => Default::default(),
        };
        let practice = Practice::from_records(notes.clone(), Some(asking), &records, today());
        (practice, warnings)
    }

    pub fn from_records(
        notes: Notes,
        asking: Option<Asking>,
        records: &[Record],
        today: Date,
    ) -> Practice {
        Practice {
            notes,
            asking,
            days: stats::practice_days(records),
            last: records.iter().max_by_key(|r| r.end.timestamp()).cloned(),
            today,
            resume: None,
        }
    }

    /// Reads the days practised again, after a run.
    pub fn reload(&mut self) {
        let records = History::from_env()
            .and_then(|history| history.load().ok())
            .map(|loaded| loaded.records)
            .unwrap_or_default();
        self.days = stats::practice_days(&records);
        self.last = records.iter().max_by_key(|r| r.end.timestamp()).cloned();
        self.today = today();
    }

    /// Whether to ask for a rating now.
    pub fn asks(&self) -> bool {
        self.asking.as_ref().is_some_and(Asking::due)
    }

    /// The streak, counting today when this run `finished`.
    pub fn streak(&self, finished: bool) -> Streak {
        let mut days = self.days.clone();
        if finished {
            days.insert(self.today);
        }
        stats::streak(&days, self.today)
    }

    /// The summary's line: `streak 5 days · stiffness 6 → 3`; today counts when this run
    /// `finished` (a stopped one does not make a day).
    pub fn summary_line(&self, finished: bool) -> String {
        let mut parts = vec![streak_words(self.streak(finished).current)];
        match (self.notes.before(), self.notes.after()) {
            (Some(before), Some(after)) => parts.push(format!("stiffness {before} → {after}")),
            (Some(before), None) => parts.push(format!("stiffness before {before}")),
            (None, Some(after)) => parts.push(format!("stiffness after {after}")),
            (None, None) => {}
        }
        parts.join(" · ")
    }

    /// The picker's line: `streak 5 days · last: Morning back, yesterday 07:48`.
    pub fn picker_line(&self) -> String {
        let Some(last) = &self.last else {
            return "no sessions recorded yet".into();
        };
        let day = last.end.date();
        let when = match (self.today - day).get_days() {
            0 => "today".to_string(),
            1 => "yesterday".to_string(),
            _ => day.strftime("%a %-d %b").to_string(),
        };
        format!(
            "{} · last: {}, {when} {}",
            streak_words(self.streak(false).current),
            crate::format::printable(&last.title),
            last.end.clock()
        )
    }
}

/// The end summary's height at most (with its paused line), to centre it with these lines.
const SUMMARY_ROWS: u16 = 9;

/// Below the end summary: the stiffness prompt while it waits, else the streak and the
/// before → after change.
pub struct SummaryExtras<'a> {
    pub practice: &'a Practice,
    pub after: Option<&'a Rating>,
    /// Said once the prompt was skipped for the last time.
    pub note: Option<&'a str>,
    /// The run ran to its end (so today counts in the streak).
    pub finished: bool,
    pub theme: Theme,
}

impl SummaryExtras<'_> {
    /// Draws itself at the bottom of `area` and returns what is left for the summary. On a
    /// short screen the prompt takes it all, to be answered first.
    pub fn render_below(&self, area: Rect, buf: &mut Buffer) -> Rect {
        if self.practice.today == Date::ZERO {
            return area;
        }
        let theme = self.theme;
        if let Some(rating) = self.after {
            let rows = if area.height >= 18 { 7 } else { area.height };
            let [rest, prompt] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(rows)]).areas(area);
            let view = RatingView { rating, theme };
            (&view).render(prompt, buf);
            return rest;
        }
        let mut lines = vec![Line::styled(
            self.practice.summary_line(self.finished),
            theme.title(),
        )];
        if let Some(note) = self.note {
            lines.extend(
                crate::ui::format::wrap(note, usize::from(area.width.saturating_sub(2)))
                    .into_iter()
                    .map(|line| Line::styled(line, theme.notice())),
            );
        }
        let rows = lines.len() as u16;
        // On a tall screen the summary and these lines are one block, centred together;
        // on a short one these lines take the bottom rows.
        let group = SUMMARY_ROWS + 1 + rows;
        let (rest, bottom) = if area.height >= group + 2 {
            let top = area.y + (area.height - group) / 2;
            let summary = Rect {
                y: top,
                height: SUMMARY_ROWS,
                ..area
            };
            let below = Rect {
                y: top + SUMMARY_ROWS + 1,
                height: rows,
                ..area
            };
            (summary, below)
        } else {
            let rows = rows.min(area.height / 3);
            let [rest, bottom] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(rows)]).areas(area);
            (rest, bottom)
        };
        for (y, line) in (bottom.y..bottom.bottom()).zip(lines) {
            line.centered().render(
                Rect {
                    y,
                    height: 1,
                    ..bottom
                },
                buf,
            );
        }
        rest
    }
}

fn streak_words(days: u32) -> String {
    match days {
        0 => "no streak yet".into(),
        1 => "streak 1 day".into(),
        n => format!("streak {n} days"),
    }
}

/// The local date today.
pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::sample;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn the_summary_counts_today_once_the_run_finished_and_shows_the_change() {
        let today = day("2026-12-01");
        let records = sample::fortnight(today, &[1, 2, 3]);
        let notes = Notes::new("morning-back");
        let practice = Practice::from_records(notes.clone(), None, &records, today);
        assert_eq!(practice.streak(false).current, 3);
        assert_eq!(practice.summary_line(true), "streak 4 days");
        notes.set_before(Some(6));
        notes.set_after(Some(3));
        assert_eq!(
            practice.summary_line(true),
            "streak 4 days · stiffness 6 → 3"
        );
        // A run stopped early does not make today a practice day.
        assert_eq!(
            practice.summary_line(false),
            "streak 3 days · stiffness 6 → 3"
        );
    }

    /// The end summary as the player draws it, with the practice below.
    struct Finished<'a> {
        extras: SummaryExtras<'a>,
    }

    impl Widget for &Finished<'_> {
        fn render(self, area: Rect, buf: &mut Buffer) {
            let summary = crate::ui::summary::Summary {
                title: "Morning back".into(),
                ended: crate::ui::summary::Ended::Finished,
                taken: std::time::Duration::from_secs(17 * 60 + 40),
                paused: std::time::Duration::ZERO,
                completed: 12,
                skipped: 0,
                steps: 12,
                back_to: None,
            };
            let theme = self.extras.theme;
            let rest = self.extras.render_below(area, buf);
            (&crate::ui::summary::SummaryView {
                summary: &summary,
                theme,
            })
                .render(rest, buf);
        }
    }

    #[test]
    fn the_summary_with_the_prompt_then_with_the_streak_and_change() {
        use insta::assert_snapshot;
        let today = day("2026-12-01");
        let notes = Notes::new("morning-back");
        notes.set_before(Some(6));
        let records = sample::fortnight(today, &[1, 2, 3]);
        let practice = Practice::from_records(notes.clone(), None, &records, today);
        let rating = Rating::default();
        for (width, height) in [(80, 24), (40, 12)] {
            let asking = Finished {
                extras: SummaryExtras {
                    practice: &practice,
                    after: Some(&rating),
                    note: None,
                    finished: true,
                    theme: Theme::COLOR,
                },
            };
            let screen = crate::ui::testing::draw(width, height, &asking);
            assert_snapshot!(format!("summary_asking_{width}x{height}"), screen);
        }
        notes.set_after(Some(3));
        for (width, height) in [(80, 24), (40, 12)] {
            let rated = Finished {
                extras: SummaryExtras {
                    practice: &practice,
                    after: None,
                    note: Some(crate::history::asking::STOPPED),
                    finished: true,
                    theme: Theme::COLOR,
                },
            };
            let screen = crate::ui::testing::draw(width, height, &rated);
            assert_snapshot!(format!("summary_practice_{width}x{height}"), screen);
        }
    }

    #[test]
    fn the_picker_line_names_the_last_session() {
        let today = day("2026-12-01");
        let empty = Practice::from_records(Notes::default(), None, &[], today);
        assert_eq!(empty.picker_line(), "no sessions recorded yet");
        let records = sample::fortnight(today, &[1, 2]);
        let practice = Practice::from_records(Notes::default(), None, &records, today);
        assert_eq!(
            practice.picker_line(),
            "streak 2 days · last: Morning back, yesterday 07:47"
        );
    }
}
