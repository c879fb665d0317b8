//! What is said, and at which ideal moment: a pure function of the plan.
//!
//! Each phrase has the words for `--voice names` and, when `full` says more, the words for
//! `full`. Each can have shorter forms without its "what comes next" part, used when the
//! whole does not fit before the next cue (see [`super::place`]).

use std::time::Duration;

use crate::config::Voice;
use crate::session::{PhaseKind, Plan};

/// Words to say, longest first: the first form that fits is said (see [`super::place`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub forms: Vec<String>,
}

impl Text {
    fn new(whole: String) -> Text {
        Text { forms: vec![whole] }
    }

    /// The whole text.
    pub fn whole(&self) -> &str {
        self.forms.first().map_or("", String::as_str)
    }

    /// This text followed by `more`: each form with `more` after it, and `more` alone last.
    fn then(&self, more: &str) -> Text {
        let mut forms: Vec<String> = self.forms.iter().map(|f| format!("{f} {more}")).collect();
        forms.push(more.to_string());
        Text { forms }
    }

    /// `more` after this text, or this text alone when `more` does not fit.
    fn and_maybe(&self, more: &str) -> Text {
        let mut forms = vec![format!("{} {more}", self.whole())];
        forms.extend(self.forms.iter().cloned());
        Text { forms }
    }
}

/// One thing to say, wanted at routine time `at` (planned, speed 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub at: Duration,
    /// What `names` says; `None` when only `full` says something here.
    pub names: Option<Text>,
    /// What `full` says when it says more than `names`.
    pub full: Option<Text>,
    /// Tied to the phase's planned length ("halfway"): wrong once time is added or taken.
    pub timed: bool,
}

impl Phrase {
    /// The words for a voice level, if it says anything here.
    pub fn text(&self, voice: Voice) -> Option<&Text> {
        match voice {
            Voice::Off => None,
            Voice::Names => self.names.as_ref(),
            Voice::Full => self.full.as_ref().or(self.names.as_ref()),
        }
    }
}

/// The closing words, said after the finished chime.
pub const CLOSING: &str = "That's the routine. Well done.";

/// A step is announced as it is prepared, and a side as it is switched to, when this much
/// quiet is there or the next phase has less; else as the hold or breath that follows begins
/// (a three-second prepare and a five-second switch are all bell and ticks).
pub const ANNOUNCE_ROOM: Duration = Duration::from_secs(1);

/// Every phrase of `plan`, in order of `at`, and the closing one last (its `at` is the end of
/// the routine; the placement puts it after the chime). `room(at)` is how much quiet there is
/// from routine time `at` (see [`super::place`]).
pub fn phrases(plan: &Plan, room: impl Fn(Duration) -> Duration) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut start = Duration::ZERO;
    // A step's announcement with no room while it is prepared, for its next phase.
    let mut carried: Option<(usize, Text)> = None;
    for (index, phase) in plan.phases.iter().enumerate() {
        let step = plan.step_of(phase);
        let first_of_step = plan.step_starts.get(phase.step) == Some(&index);
        let previous = index.checked_sub(1).map(|i| &plan.phases[i]);
        // The step's own words as it begins (or, for a rest, what comes next).
        let mut announce = if phase.kind == PhaseKind::Rest {
            let what = if first_of_step {
                sentence(&step.name)
            } else {
                "Rest.".to_string()
            };
            Some(match plan.routine.steps.get(phase.step + 1) {
                Some(next) => Text {
                    forms: vec![
                        format!("{what} Next, {}", stopped(&lower_first(&next.name))),
                        what,
                    ],
                },
                None => Text::new(what),
            })
        } else if first_of_step {
            let name = sentence(&step.name);
            Some(match &phase.side {
                Some(side) => Text {
                    forms: vec![format!("{name} {}", sentence(side)), name],
                },
                None => Text::new(name),
            })
        } else {
            None
        };
        if first_of_step && phase.step == 0 {
            announce = announce.map(|text| introduced(&plan.routine.title, text));
        }
        if let Some((step, text)) = carried.take()
            && step == phase.step
        {
            announce = Some(text);
        }
        // Whether words due now would have more quiet as the next phase begins.
        let later_is_roomier = room(start) < ANNOUNCE_ROOM && room(start + phase.len) > room(start);
        if phase.kind == PhaseKind::Prepare && later_is_roomier {
            carried = announce.take().map(|text| (phase.step, text));
        }
        // What this kind of phase adds, and the step's cue for `full`.
        let mut more = None;
        let mut cue = None;
        match phase.kind {
            PhaseKind::Switch => {
                let side = phase.side.as_deref().map(sentence).map(Text::new);
                // A short switch is all bell and ticks: the side is said as its hold begins.
                if later_is_roomier {
                    carried = side.map(|side| (phase.step, side));
                } else {
                    more = side.map(|side| side.whole().to_string());
                }
            }
            PhaseKind::Hold => {
                let side_changed = !first_of_step
                    && previous
                        .is_some_and(|p| p.kind != PhaseKind::Switch && p.side != phase.side);
                more = phase.side.as_deref().filter(|_| side_changed).map(sentence);
                let first_hold =
                    previous.is_none_or(|p| p.step != phase.step || p.kind == PhaseKind::Prepare);
                cue = step.cue.as_deref().filter(|_| first_hold).map(sentence);
            }
            PhaseKind::Inhale | PhaseKind::Exhale if phase.cycle.is_some_and(|c| c.index == 1) => {
                let inhale = phase.kind == PhaseKind::Inhale;
                more = Some(
                    if inhale {
                        "Breathe in."
                    } else {
                        "Breathe out."
                    }
                    .to_string(),
                );
                cue = step.cue.as_deref().filter(|_| inhale).map(sentence);
            }
            _ => {}
        }
        let names = match (announce, more) {
            (Some(text), Some(more)) => Some(text.then(&more)),
            (Some(text), None) => Some(text),
            (None, more) => more.map(Text::new),
        };
        let full = cue.map(|cue| match &names {
            Some(names) => names.and_maybe(&cue),
            None => Text::new(cue),
        });
        if names.is_some() || full.is_some() {
            out.push(Phrase {
                at: start,
                names,
                full,
                timed: false,
            });
        }
        if phase.kind == PhaseKind::Hold
            && let Some((at, words)) = time_word(phase.len)
        {
            out.push(Phrase {
                at: start + at,
                names: Some(Text::new(words.to_string())),
                full: None,
                timed: true,
            });
        }
        start += phase.len;
    }
    if !plan.phases.is_empty() {
        out.push(Phrase {
            at: start,
            names: Some(Text::new(CLOSING.into())),
            full: None,
            timed: false,
        });
    }
    out
}

/// The first step's words after the routine's title ("Morning back. First, cat-cow."),
/// falling back on the step's words alone.
fn introduced(title: &str, text: Text) -> Text {
    let mut forms = vec![format!(
        "{} First, {}",
        sentence(title),
        lower_first(text.whole())
    )];
    forms.extend(text.forms);
    Text { forms }
}

/// One short time cue for a hold of a minute or more, at its planned offset.
fn time_word(len: Duration) -> Option<(Duration, &'static str)> {
    let secs = len.as_secs();
    if secs >= 150 {
        Some((len - Duration::from_secs(60), "One minute left."))
    } else if secs >= 90 {
        Some((len - Duration::from_secs(30), "Thirty seconds left."))
    } else if secs >= 60 {
        Some((len / 2, "Halfway."))
    } else {
        None
    }
}

/// `text` as a sentence: capitalised, ending with a stop unless it already ends in one.
fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 1);
    let mut chars = text.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
    stopped(&out)
}

/// `text` ending with a stop unless it already ends in one.
fn stopped(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// "Cat-cow" as it reads mid-sentence, unless the word is an acronym or a name ("NHS").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    let (Some(first), second) = (chars.next(), chars.clone().next()) else {
        return String::new();
    };
    if second.is_some_and(char::is_uppercase) {
        return text.to_string();
    }
    let mut out: String = first.to_lowercase().collect();
    out.push_str(chars.as_str());
    out
}

#[cfg(test)]
mod tests;
