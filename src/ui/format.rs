//! Small pure formatting helpers: clock faces, phase words, counts.

use std::time::Duration;

use crate::session::{Count, Phase, PhaseKind};

pub use crate::format::{ceil_secs, elapsed, length};

/// How long until a countdown showing whole seconds (rounded up) shows the next one.
pub fn until_tick(left: Duration) -> Duration {
    let into = Duration::from_nanos(u64::from(left.subsec_nanos()));
    if into.is_zero() {
        Duration::from_secs(1)
    } else {
        into
    }
}

/// The big countdown: seconds alone under a minute (`45`), a clock from a minute on (`1:30`).
pub fn countdown(left: Duration) -> String {
    let secs = ceil_secs(left);
    if secs < 60 {
        secs.to_string()
    } else {
        crate::format::countdown(left)
    }
}

/// What the person does now, in capitals: `BREATHE IN`.
pub fn phase_word(kind: PhaseKind) -> String {
    crate::format::phase_words(kind).to_uppercase()
}

/// `rep 2 of 5`.
pub fn count(label: &str, count: Count) -> String {
    format!("{label} {} of {}", count.index, count.of)
}

/// `step 3 of 12`, from a 0-based step.
pub fn step_of(step: usize, steps: usize) -> String {
    format!("step {} of {steps}", step + 1)
}

/// The phase's side, rep and breath, joined: `Right leg · rep 2 of 5`; `None` when it has none.
pub fn detail(phase: &Phase) -> Option<String> {
    let parts: Vec<String> = [
        phase.side.clone(),
        phase.rep.map(|rep| count("rep", rep)),
        phase.cycle.map(|cycle| count("breath", cycle)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Words wrapped to `width` columns; a word longer than a line is cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let used = line.chars().count();
        if used > 0 && used + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// At most `max` of the wrapped lines, the last one ending in `…` if some were left out.
pub fn wrap_at_most(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines = wrap(text, width);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            // One ellipsis: the line is cut to leave room for it, not ellipsised twice.
            let keep = last.chars().count().min(width.saturating_sub(1));
            *last = last
                .chars()
                .take(keep)
                .collect::<String>()
                .trim_end()
                .to_string();
            last.push('…');
        }
    }
    lines
}

/// The text cut to `width` columns, ending in `…` if it was cut.
pub fn ellipsis(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        cut = cut.trim_end().to_string();
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    #[test]
    fn a_countdown_rounds_up_so_the_last_second_reads_one() {
        assert_eq!(countdown(secs(0.2)), "1");
        assert_eq!(countdown(secs(1.0)), "1");
        assert_eq!(countdown(secs(1.001)), "2");
        assert_eq!(countdown(Duration::ZERO), "0");
    }

    #[test]
    fn a_countdown_shows_minutes_from_a_minute_on() {
        assert_eq!(countdown(secs(59.5)), "1:00");
        assert_eq!(countdown(secs(90.0)), "1:30");
        assert_eq!(countdown(secs(3725.0)), "1:02:05");
    }

    #[test]
    fn the_next_tick_is_when_the_rounded_up_second_changes() {
        assert_eq!(until_tick(secs(4.25)), secs(0.25));
        assert_eq!(until_tick(secs(4.0)), secs(1.0));
    }

    #[test]
    fn the_detail_joins_side_rep_and_breath() {
        let mut phase = Phase {
            kind: PhaseKind::Hold,
            step: 0,
            len: secs(5.0),
            side: Some("Right leg".into()),
            rep: Some(Count { index: 2, of: 5 }),
            cycle: None,
        };
        assert_eq!(detail(&phase).as_deref(), Some("Right leg · rep 2 of 5"));
        phase.side = None;
        phase.rep = None;
        assert_eq!(detail(&phase), None);
        phase.cycle = Some(Count { index: 1, of: 6 });
        assert_eq!(detail(&phase).as_deref(), Some("breath 1 of 6"));
    }

    #[test]
    fn text_wraps_at_word_boundaries() {
        assert_eq!(
            wrap("Hand on the belly; breathe in", 12),
            ["Hand on the", "belly;", "breathe in"]
        );
        assert_eq!(wrap("abcdefgh ij", 4), ["abcd", "efgh", "ij"]);
        assert!(wrap("   ", 5).is_empty());
    }

    #[test]
    fn wrapped_text_that_does_not_fit_ends_in_an_ellipsis() {
        assert_eq!(wrap_at_most("one two three four", 9, 1), ["one two…"]);
        assert_eq!(wrap_at_most("one two", 9, 1), ["one two"]);
        assert_eq!(wrap_at_most("abcdefghij klm", 5, 1), ["abcd…"]);
        assert_eq!(
            wrap_at_most("one two three four", 7, 2),
            ["one two", "three…"]
        );
        assert_eq!(ellipsis("Knees to chest", 8), "Knees t…");
        assert_eq!(ellipsis("Knees to chest", 7), "Knees…");
        assert_eq!(ellipsis("Knees", 8), "Knees");
    }

    #[test]
    fn every_phase_has_its_word() {
        assert_eq!(phase_word(PhaseKind::Switch), "SWITCH SIDES");
        assert_eq!(phase_word(PhaseKind::Hold), "HOLD");
        assert_eq!(phase_word(PhaseKind::HoldIn), "HOLD IN");
        assert_eq!(phase_word(PhaseKind::HoldOut), "HOLD OUT");
        assert_eq!(phase_word(PhaseKind::Exhale), "BREATHE OUT");
    }
}
