//! Where a run that ended early stopped, per routine, so the next run can offer to pick up
//! there for a day. Kept in the state folder, not in the history.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::record::Stamp;
use super::state;

/// How long a resume point is offered.
pub const OFFERED_FOR: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// Where a routine's last run stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// 0-based.
    pub step: usize,
    /// The step's name then, to check it is still the same step.
    pub name: String,
    /// When the run stopped.
    pub at: Stamp,
}

/// The resume points, in `resume.json` in the state folder.
#[derive(Debug, Clone)]
pub struct Resume {
    file: Option<PathBuf>,
}

impl Resume {
    pub fn new(file: Option<PathBuf>) -> Resume {
        Resume { file }
    }

    pub fn from_env() -> Resume {
        Resume::new(state::in_state_dir("resume.json"))
    }

    fn points(&self) -> BTreeMap<String, Point> {
        (self.file.as_deref())
            .and_then(state::read)
            .unwrap_or_default()
    }

    /// The point to offer for `routine` at `now`: one that is less than a day old, and whose
    /// step `name_of` still names the same way (an edited routine offers nothing).
    pub fn offer(
        &self,
        routine: &str,
        now: jiff::Timestamp,
        name_of: impl Fn(usize) -> Option<String>,
    ) -> Option<Point> {
        let point = self.points().remove(routine)?;
        let age = now.duration_since(point.at.timestamp());
        let fresh = age >= jiff::SignedDuration::ZERO && age < OFFERED_FOR;
        (fresh && point.step > 0 && name_of(point.step).as_deref() == Some(point.name.as_str()))
            .then_some(point)
    }

    /// The point to offer now for `routine`, whose steps are `steps`.
    pub fn offer_now(&self, routine: &str, steps: &[crate::routine::Step]) -> Option<Point> {
        self.offer(routine, jiff::Timestamp::now(), |step| {
            steps.get(step).map(|step| step.name.clone())
        })
    }

    /// Remembers where `routine` stopped, or forgets it (`None`: it finished, or started
    /// afresh). Failing to write is not worth a warning: only an offer is lost.
    pub fn set(&self, routine: &str, point: Option<Point>) {
        let Some(file) = &self.file else { return };
        let mut points = self.points();
        let changed = match point {
            Some(point) => points.insert(routine.to_string(), point.clone()) != Some(point),
            None => points.remove(routine).is_some(),
        };
        if changed {
            let _ = state::write(file, &points);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> jiff::Timestamp {
        text.parse().unwrap()
    }

    fn names(step: usize) -> Option<String> {
        ["Knee to chest", "Cat-cow", "Child's pose"]
            .get(step)
            .map(|name| name.to_string())
    }

    fn point(step: usize, name: &str) -> Point {
        Point {
            step,
            name: name.into(),
            at: Stamp::parse("2026-12-01T09:00:00+01:00").unwrap(),
        }
    }

    #[test]
    fn a_stopped_run_is_offered_for_a_day_then_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let resume = Resume::new(Some(dir.path().join("state/resume.json")));
        resume.set("morning-back", Some(point(1, "Cat-cow")));
        let offer = |time| resume.offer("morning-back", at(time), names);
        assert_eq!(offer("2026-12-01T09:00:00Z"), Some(point(1, "Cat-cow")));
        assert_eq!(offer("2026-12-02T07:59:59Z"), Some(point(1, "Cat-cow")));
        assert_eq!(offer("2026-12-02T08:00:00Z"), None);
        assert_eq!(
            resume.offer("other", at("2026-12-01T09:00:00Z"), names),
            None
        );
    }

    #[test]
    fn a_finished_run_forgets_its_point_and_leaves_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let resume = Resume::new(Some(dir.path().join("resume.json")));
        resume.set("a", Some(point(1, "Cat-cow")));
        resume.set("b", Some(point(2, "Child's pose")));
        resume.set("a", None);
        let now = at("2026-12-01T09:00:00Z");
        assert_eq!(resume.offer("a", now, names), None);
        assert_eq!(
            resume.offer("b", now, names),
            Some(point(2, "Child's pose"))
        );
    }

    #[test]
    fn a_point_whose_step_changed_or_is_the_first_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let resume = Resume::new(Some(dir.path().join("resume.json")));
        let now = at("2026-12-01T09:00:00Z");
        resume.set("a", Some(point(1, "Cat-camel")));
        assert_eq!(resume.offer("a", now, names), None);
        resume.set("a", Some(point(7, "Cat-cow")));
        assert_eq!(resume.offer("a", now, names), None);
        resume.set("a", Some(point(0, "Knee to chest")));
        assert_eq!(resume.offer("a", now, names), None);
    }

    #[test]
    fn a_broken_state_file_offers_nothing_and_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("resume.json");
        std::fs::write(&file, "{half").unwrap();
        let resume = Resume::new(Some(file.clone()));
        assert_eq!(resume.offer("a", at("2026-12-01T09:00:00Z"), names), None);
        resume.set("a", Some(point(1, "Cat-cow")));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            serde_json::from_str::<serde_json::Value>(&text).is_ok(),
            "{text}"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
