//! When each cue sounds: a pure function of a phase's kind and its current length.
//!
//! - Every phase but `Prepare` opens with its kind's cue at offset 0.
//! - Countdown phases (prepare, hold, release, switch, rest) tick once a second through their
//!   last three seconds, so someone with eyes closed knows the change is coming. They tick
//!   only when at least [`MIN_TICKED`] long, so ticks never crowd the opening cue. `Prepare`
//!   has no opening cue, so it ticks whenever the three ticks fit: a 3-2-1 into the hold.
//! - Breathing phases do not tick: their rising and falling tones already pace the breath.
//! - The routine ends with [`Cue::Finished`] (on `Event::Done`).
//!
//! Because the person can add or take time on the running countdown, nothing here is stored:
//! the runtime asks again with the phase's current length, and [`CueCursor`] remembers only
//! how far through the phase it has played.

use std::time::Duration;

use super::Cue;
use crate::session::{Phase, PhaseKind, Plan};

/// A countdown phase shorter than this opens with its cue but does not tick.
pub const MIN_TICKED: Duration = Duration::from_secs(5);

/// How many ticks end a countdown, one a second.
pub const TICKS: u32 = 3;

/// A cue more overdue than this is passed over, never played late: after a stall, or when
/// time taken off the countdown leaves ticks behind, a late cue would mislead.
pub const LATE: Duration = Duration::from_millis(250);

/// The cue that opens a phase of this kind.
pub fn start_cue(kind: PhaseKind) -> Option<Cue> {
    match kind {
        PhaseKind::Prepare => None,
        PhaseKind::Hold => Some(Cue::HoldStart),
        PhaseKind::Release => Some(Cue::Release),
        PhaseKind::Switch => Some(Cue::Switch),
        PhaseKind::Rest => Some(Cue::RestStart),
        PhaseKind::Inhale => Some(Cue::BreatheIn),
        PhaseKind::HoldIn | PhaseKind::HoldOut => Some(Cue::BreathHold),
        PhaseKind::Exhale => Some(Cue::BreatheOut),
    }
}

/// Every cue of a phase of kind `kind` lasting `len`, with its offset from the phase's start,
/// in order.
pub fn phase_cues(kind: PhaseKind, len: Duration) -> Vec<(Duration, Cue)> {
    let mut cues: Vec<(Duration, Cue)> = start_cue(kind)
        .map(|cue| (Duration::ZERO, cue))
        .into_iter()
        .collect();
    if ticks(kind, len) {
        cues.extend(
            (1..=TICKS)
                .rev()
                .map(|left| (len - left * Duration::from_secs(1), Cue::Tick)),
        );
    }
    cues
}

/// Whether a phase of this kind and length ticks through its last seconds.
fn ticks(kind: PhaseKind, len: Duration) -> bool {
    match kind {
        PhaseKind::Prepare => len >= TICKS * Duration::from_secs(1),
        PhaseKind::Hold | PhaseKind::Release | PhaseKind::Switch | PhaseKind::Rest => {
            len >= MIN_TICKED
        }
        PhaseKind::Inhale | PhaseKind::HoldIn | PhaseKind::Exhale | PhaseKind::HoldOut => false,
    }
}

pub fn next_cue(kind: PhaseKind, len: Duration, from: Duration) -> Option<(Duration, Cue)> {
    // `phase_cues`' first cue at or after `from`, without building the list: the loop asks
    // on every wake-up, twenty times a second while breathing.
    if from.is_zero()
        && let Some(cue) = start_cue(kind)
    {
        return Some((Duration::ZERO, cue));
    }
    if !ticks(kind, len) {
        return None;
    }
    (1..=TICKS)
        .rev()
        .map(|left| len - left * Duration::from_secs(1))
        .find(|at| *at >= from)
        .map(|at| (at, Cue::Tick))
}

pub fn track(plan: &Plan) -> Vec<(Duration, Cue)> {
    let mut track = Vec::new();
    let mut start = Duration::ZERO;
    for Phase { kind, len, .. } in &plan.phases {
        track.extend(
            phase_cues(*kind, *len)
                .into_iter()
                .map(|(at, cue)| (start + at, cue)),
        );
        start += *len;
    }
    track.push((start, Cue::Finished));
    track
}

/// Follows the running phase's cues as time passes so that each plays once, on time. Start a
/// new one whenever a phase begins (`Event::Phase`), and on every wake ask [`CueCursor::due`]
/// with the phase's kind, current length and elapsed time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueCursor {
    /// Phase offset from which cues are still to come.
    from: Duration,
}

impl CueCursor {
    pub fn new() -> CueCursor {
        CueCursor::default()
    }

    /// The next cue still to come and its phase offset: the loop's next deadline. It may
    /// already be due.
    pub fn peek(&self, kind: PhaseKind, len: Duration) -> Option<(Duration, Cue)> {
        next_cue(kind, len, self.from)
    }

    /// The cue to play now, `elapsed` into the phase, if one is due. Every cue up to `elapsed`
    /// counts as handled afterwards; those more than [`LATE`] overdue are dropped silently.
    pub fn due(&mut self, kind: PhaseKind, len: Duration, elapsed: Duration) -> Option<Cue> {
        let mut play = None;
        while let Some((at, cue)) = self.peek(kind, len) {
            if at > elapsed {
                break;
            }
            // Offsets are whole milliseconds at least, so one nanosecond on is "after".
            self.from = at + Duration::from_nanos(1);
            if elapsed - at <= LATE {
                play = Some(cue);
            }
        }
        play
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(secs: u64) -> Duration {
        Duration::from_secs(secs)
    }

    fn ms(millis: u64) -> Duration {
        Duration::from_millis(millis)
    }

    #[test]
    fn the_next_cue_is_the_first_of_the_phases_cues_from_then_on() {
        for kind in PhaseKind::ALL {
            for len in [0, 1, 2_999, 3_000, 4_999, 5_000, 12_345] {
                let len = ms(len);
                for from in (0..14_000).step_by(250).chain([1, 2_345]) {
                    let from = ms(from);
                    let expected = phase_cues(kind, len)
                        .into_iter()
                        .find(|(at, _)| *at >= from);
                    assert_eq!(
                        next_cue(kind, len, from),
                        expected,
                        "{kind:?} {len:?} {from:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_long_hold_opens_with_its_cue_and_ticks_through_its_last_three_seconds() {
        assert_eq!(
            phase_cues(PhaseKind::Hold, s(30)),
            vec![
                (s(0), Cue::HoldStart),
                (s(27), Cue::Tick),
                (s(28), Cue::Tick),
                (s(29), Cue::Tick)
            ]
        );
    }

    #[test]
    fn a_countdown_under_five_seconds_does_not_tick() {
        for kind in [
            PhaseKind::Hold,
            PhaseKind::Release,
            PhaseKind::Switch,
            PhaseKind::Rest,
        ] {
            let cues = phase_cues(kind, ms(4999));
            assert_eq!(cues.len(), 1, "{kind:?}");
            assert_eq!(phase_cues(kind, s(5)).len(), 4, "{kind:?}");
        }
    }

    #[test]
    fn prepare_is_a_silent_start_and_a_three_two_one() {
        assert_eq!(
            phase_cues(PhaseKind::Prepare, s(3)),
            vec![(s(0), Cue::Tick), (s(1), Cue::Tick), (s(2), Cue::Tick)]
        );
        assert_eq!(phase_cues(PhaseKind::Prepare, ms(2999)), vec![]);
        assert_eq!(phase_cues(PhaseKind::Prepare, s(10))[0], (s(7), Cue::Tick));
    }

    #[test]
    fn breathing_phases_have_one_cue_each_and_no_ticks() {
        let cue = |kind| phase_cues(kind, s(8));
        assert_eq!(cue(PhaseKind::Inhale), vec![(s(0), Cue::BreatheIn)]);
        assert_eq!(cue(PhaseKind::HoldIn), vec![(s(0), Cue::BreathHold)]);
        assert_eq!(cue(PhaseKind::Exhale), vec![(s(0), Cue::BreatheOut)]);
        assert_eq!(cue(PhaseKind::HoldOut), vec![(s(0), Cue::BreathHold)]);
    }

    #[test]
    fn the_other_kinds_open_with_their_own_cue() {
        assert_eq!(start_cue(PhaseKind::Release), Some(Cue::Release));
        assert_eq!(start_cue(PhaseKind::Switch), Some(Cue::Switch));
        assert_eq!(start_cue(PhaseKind::Rest), Some(Cue::RestStart));
    }

    #[test]
    fn next_cue_follows_the_current_length() {
        let hold = PhaseKind::Hold;
        assert_eq!(next_cue(hold, s(20), s(0)), Some((s(0), Cue::HoldStart)));
        assert_eq!(next_cue(hold, s(20), ms(1)), Some((s(17), Cue::Tick)));
        // Ten seconds added: the countdown moves with the end.
        assert_eq!(next_cue(hold, s(30), ms(1)), Some((s(27), Cue::Tick)));
        assert_eq!(next_cue(hold, s(20), ms(19_001)), None);
    }

    #[test]
    fn the_cursor_plays_each_cue_once_on_time() {
        let mut cursor = CueCursor::new();
        let hold = PhaseKind::Hold;
        assert_eq!(cursor.due(hold, s(10), s(0)), Some(Cue::HoldStart));
        assert_eq!(cursor.due(hold, s(10), ms(5)), None);
        assert_eq!(cursor.peek(hold, s(10)), Some((s(7), Cue::Tick)));
        assert_eq!(cursor.due(hold, s(10), ms(6999)), None);
        assert_eq!(cursor.due(hold, s(10), ms(7010)), Some(Cue::Tick));
        assert_eq!(cursor.due(hold, s(10), ms(7500)), None);
        assert_eq!(cursor.due(hold, s(10), s(8)), Some(Cue::Tick));
    }

    #[test]
    fn adding_time_mid_countdown_restarts_the_countdown_at_the_new_end() {
        let mut cursor = CueCursor::new();
        let hold = PhaseKind::Hold;
        cursor.due(hold, s(10), s(0));
        assert_eq!(cursor.due(hold, s(10), s(7)), Some(Cue::Tick));
        assert_eq!(cursor.peek(hold, s(20)), Some((s(17), Cue::Tick)));
        assert_eq!(cursor.due(hold, s(20), s(8)), None);
        assert_eq!(cursor.due(hold, s(20), s(17)), Some(Cue::Tick));
    }

    #[test]
    fn cues_left_behind_are_dropped_not_played_late() {
        let mut cursor = CueCursor::new();
        let hold = PhaseKind::Hold;
        cursor.due(hold, s(30), s(0));
        // Ten seconds taken off at 18 s: the tick at 17 s is already a second behind.
        assert_eq!(
            cursor.due(hold, s(20), s(18)),
            Some(Cue::Tick),
            "the 18 s tick"
        );
        let mut stalled = CueCursor::new();
        assert_eq!(stalled.due(hold, s(30), s(2)), None);
        assert_eq!(stalled.peek(hold, s(30)), Some((s(27), Cue::Tick)));
    }

    #[test]
    fn a_cue_slightly_late_still_plays() {
        let mut cursor = CueCursor::new();
        assert_eq!(
            cursor.due(PhaseKind::Inhale, s(4), LATE),
            Some(Cue::BreatheIn)
        );
    }
}
