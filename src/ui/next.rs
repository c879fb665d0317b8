//! What comes next, in the person's terms: the hold a get-ready or a switch leads into, the
//! next rep, the next side, the rest, the next step, or the end. A pure function of the plan
//! and the phase playing now.

use std::time::Duration;

use crate::routine::StepKind;
use crate::session::{Count, Phase, PhaseKind, Plan};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// The phase a get-ready or a switch leads into, and its length.
    Phase(PhaseKind, Duration),
    /// The next rep of this move, on the same side.
    Rep(Count),
    /// The move on its next side.
    Side(String),
    /// The rest that ends this step.
    Rest(Duration),
    /// Another step: its name and planned length.
    Step(String, Duration),
    End,
}

impl Next {
    /// What follows phase `index` of `plan`.
    pub fn after(plan: &Plan, index: usize) -> Next {
        let Some(now) = plan.phases.get(index) else {
            return Next::End;
        };
        // Getting ready and switching sides lead into the phase after them.
        let lead_in = matches!(now.kind, PhaseKind::Prepare | PhaseKind::Switch);
        if let Some(into) = plan.phases.get(index + 1)
            && lead_in
            && into.step == now.step
        {
            return Next::Phase(into.kind, into.len);
        }
        let doing = Doing::of(now);
        let Some(next) = first_change(plan, index, &doing) else {
            return Next::End;
        };
        if next.step != now.step {
            let name = plan.routine.steps[next.step].name.clone();
            return Next::Step(name, plan.step_len(next.step));
        }
        match (next.kind, &next.side, next.rep) {
            (PhaseKind::Rest, ..) => Next::Rest(next.len),
            (_, Some(side), _) if doing.side != Some(side.as_str()) => Next::Side(side.clone()),
            (_, _, Some(rep)) => Next::Rep(rep),
            // Nothing else changes within a step; say the step's end rather than nothing.
            _ => Next::End,
        }
    }

    /// The words after "next: ".
    pub fn words(&self) -> String {
        match self {
            Next::Phase(kind, len) => format!(
                "{} · {}",
                crate::format::phase_words(*kind),
                crate::format::length(*len)
            ),
            Next::Rep(rep) => format!("rep {} of {}", rep.index, rep.of),
            Next::Side(side) => crate::format::printable(side).into_owned(),
            Next::Rest(len) => format!("rest · {}", crate::format::length(*len)),
            Next::Step(name, len) => format!(
                "{} · {}",
                crate::format::printable(name),
                crate::format::length(*len)
            ),
            Next::End => "the end".into(),
        }
    }
}

/// The first phase after `index` where the person does something else. A breathing step's
/// breaths are all one thing, and there can be many: the answer is then found from where
/// the step ends, so a frame's cost never grows with the number of breaths.
fn first_change<'p>(plan: &'p Plan, index: usize, doing: &Doing<'_>) -> Option<&'p Phase> {
    let now = &plan.phases[index];
    if now.kind.is_breathing() {
        let end = plan
            .step_starts
            .get(now.step + 1)
            .copied()
            .unwrap_or(plan.phases.len());
        let last = end.checked_sub(1).filter(|&last| last > index);
        return match last.map(|last| &plan.phases[last]) {
            Some(rest) if rest.kind == PhaseKind::Rest => Some(rest),
            _ => plan.phases.get(end),
        };
    }
    plan.phases[index + 1..]
        .iter()
        .find(|phase| Doing::of(phase) != *doing)
}

/// What the person is busy with during a phase: a release belongs to the rep it follows, so
/// "next" looks past it.
#[derive(Debug, PartialEq, Eq)]
struct Doing<'a> {
    step: usize,
    side: Option<&'a str>,
    rep: u32,
    rest: bool,
}

impl<'a> Doing<'a> {
    fn of(phase: &'a Phase) -> Doing<'a> {
        let rep = phase.rep.map_or(0, |rep| rep.index);
        let rest = phase.kind == PhaseKind::Rest;
        Doing {
            step: phase.step,
            side: phase.side.as_deref().filter(|_| !rest),
            rep,
            rest,
        }
    }
}

/// Whether phase `phase` is the rest after a move (not a step that is only a rest): the move
/// is over, so its side and cue no longer apply.
pub fn rest_after_move(plan: &Plan, phase: &Phase) -> bool {
    phase.kind == PhaseKind::Rest && !matches!(plan.step_of(phase).kind, StepKind::Rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::testing::{routine, secs};

    fn nexts() -> Vec<(PhaseKind, Next)> {
        let plan = Plan::new(&routine());
        (0..plan.phases.len())
            .map(|i| (plan.phases[i].kind, Next::after(&plan, i)))
            .collect()
    }

    #[test]
    fn next_names_the_next_rep_then_the_next_side_then_the_rest() {
        let count = |index| Count { index, of: 2 };
        let side = |name: &str| Next::Side(name.into());
        let breathing = Next::Step("Belly breathing".into(), secs(5 + 3 * 14));
        assert_eq!(
            nexts()[..9],
            [
                (PhaseKind::Prepare, Next::Phase(PhaseKind::Hold, secs(5))),
                (PhaseKind::Hold, Next::Rep(count(2))),
                (PhaseKind::Release, Next::Rep(count(2))),
                (PhaseKind::Hold, side("Left leg")),
                (PhaseKind::Switch, Next::Phase(PhaseKind::Hold, secs(5))),
                (PhaseKind::Hold, Next::Rep(count(2))),
                (PhaseKind::Release, Next::Rep(count(2))),
                (PhaseKind::Hold, Next::Rest(secs(10))),
                (PhaseKind::Rest, breathing),
            ]
        );
    }

    #[test]
    fn breathing_names_the_next_step_and_the_last_step_the_end() {
        let all = nexts();
        let breather = Next::Step("Breather".into(), secs(20));
        assert_eq!(all[9].1, Next::Phase(PhaseKind::Inhale, secs(4)));
        assert!(
            all[10..all.len() - 3]
                .iter()
                .all(|(_, next)| *next == breather)
        );
        assert_eq!(all.last(), Some(&(PhaseKind::Hold, Next::End)));
        assert_eq!(Next::Rest(secs(10)).words(), "rest · 10 s");
    }
}
