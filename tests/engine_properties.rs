//! The engine's promises, for random routines driven by random commands at random moments:
//! routine time never runs backwards, a pause freezes it exactly, every phase starts where
//! the one before it ended (or where a command cut it), skip and back land on step starts,
//! the routine ends exactly once with nothing after, and no input panics.

use std::time::Duration;

use proptest::prelude::*;
use supple::routine::Routine;
use supple::session::{Command, Event, Plan, Session, Stamped, Status};

mod strategies;
use strategies::{ms, routine};

/// A command, or `None` for the driver only advancing the clock.
fn command() -> impl Strategy<Value = Option<Command>> {
    prop_oneof![
        4 => Just(None),
        2 => Just(Some(Command::Pause)),
        2 => Just(Some(Command::Resume)),
        1 => Just(Some(Command::TogglePause)),
        2 => Just(Some(Command::Next)),
        2 => Just(Some(Command::Back)),
        1 => (0..5_000u64).prop_map(|n| Some(Command::AddTime(ms(n)))),
        1 => (0..5_000u64).prop_map(|n| Some(Command::TakeTime(ms(n)))),
        1 => Just(Some(Command::Quit)),
    ]
}

/// Gaps between driver moments: often none (two things at once), often within a phase,
/// sometimes long enough to pass several phases.
fn gap() -> impl Strategy<Value = Duration> {
    prop_oneof![Just(0u64), 0..2_000u64, 0..20_000u64].prop_map(ms)
}

/// What the checker knows of the session, from the events seen and the commands given.
struct Watch<'a> {
    plan: &'a Plan,
    last_t: Duration,
    phase: usize,
    phase_start: Duration,
    /// The running phase's length, with what AddTime and TakeTime did to it.
    phase_len: Duration,
    paused_at: Option<Duration>,
    ends: usize,
}

impl<'a> Watch<'a> {
    /// Checks one batch of events; `cut` is the routine time of the command that produced it,
    /// `None` for the clock alone.
    fn batch(&mut self, events: &[Stamped], cut: Option<Duration>) -> Result<(), TestCaseError> {
        let mut landing: Option<usize> = None;
        for stamped in events {
            let t = stamped.t;
            prop_assert_eq!(self.ends, 0, "{:?} after the end", stamped);
            prop_assert!(t >= self.last_t, "t went back: {:?} < {:?}", t, self.last_t);
            self.last_t = t;
            match stamped.event {
                Event::Phase { index, len } => {
                    prop_assert!(index < self.plan.phases.len());
                    prop_assert_eq!(len, self.plan.phases[index].len);
                    match landing.take() {
                        Some(step) => {
                            prop_assert_eq!(index, self.plan.step_starts[step]);
                            prop_assert_eq!(Some(t), cut, "a skip or back lands at once");
                        }
                        None => {
                            prop_assert_eq!(index, self.phase + 1, "the next phase");
                            prop_assert_eq!(t, self.phase_start + self.phase_len);
                        }
                    }
                    self.phase = index;
                    self.phase_start = t;
                    self.phase_len = len;
                }
                Event::Skip { to } | Event::Back { to } => {
                    prop_assert!(to < self.plan.step_count());
                    prop_assert_eq!(Some(t), cut);
                    landing = Some(to);
                }
                Event::Pause => {
                    prop_assert_eq!(self.paused_at, None);
                    prop_assert_eq!(Some(t), cut);
                    self.paused_at = Some(t);
                }
                Event::Resume => {
                    prop_assert_eq!(self.paused_at, Some(t), "a pause freezes t exactly");
                    self.paused_at = None;
                }
                Event::Done { completed, skipped } => {
                    prop_assert!(completed + skipped <= self.plan.step_count());
                    let natural = self.phase + 1 == self.plan.phases.len()
                        && t == self.phase_start + self.phase_len;
                    prop_assert!(natural || Some(t) == cut, "done at {:?}", t);
                    self.ends += 1;
                }
                Event::Quit { completed, skipped } => {
                    prop_assert!(completed + skipped <= self.plan.step_count());
                    prop_assert_eq!(Some(t), cut);
                    self.ends += 1;
                }
                Event::Start => prop_assert!(false, "a second start"),
            }
        }
        prop_assert_eq!(landing, None, "a skip or back without its phase");
        Ok(())
    }

    /// The session at driver time `now`, between batches: a pause holds t still, and the view
    /// agrees with the events.
    fn moment(&self, session: &Session, now: Duration) -> Result<(), TestCaseError> {
        let progress = session.progress(now);
        if let (Some(paused_at), 0) = (self.paused_at, self.ends) {
            prop_assert_eq!(session.routine_time(now), paused_at);
            let paused = matches!(session.status(), Status::Paused { .. });
            prop_assert!(paused, "paused");
        }
        if self.ends == 0 {
            prop_assert!(progress.t >= self.last_t);
            prop_assert_eq!(progress.phase, self.phase);
            prop_assert_eq!(progress.phase_len, self.phase_len);
            prop_assert!(progress.phase_elapsed <= progress.phase_len);
        } else {
            prop_assert!(session.is_over());
            prop_assert_eq!(progress.total_left, Duration::ZERO);
        }
        Ok(())
    }
}

fn play(
    routine: &Routine,
    start: Duration,
    script: &[(Duration, Option<Command>)],
) -> Result<(), TestCaseError> {
    let plan = Plan::new(routine);
    let (mut session, first) = Session::start(plan.clone(), start);
    prop_assert_eq!(first[0].event, Event::Start);
    prop_assert_eq!(
        first[1].event,
        Event::Phase {
            index: 0,
            len: plan.phases[0].len
        }
    );
    let mut watch = Watch {
        plan: &plan,
        last_t: Duration::ZERO,
        phase: 0,
        phase_start: Duration::ZERO,
        phase_len: plan.phases[0].len,
        paused_at: None,
        ends: 0,
    };
    let mut now = start;
    for (gap, command) in script {
        now += *gap;
        // The clock first, so that the command's own events are told apart.
        let passed = session.advance(now);
        watch.batch(&passed, None)?;
        watch.moment(&session, now)?;
        let Some(command) = *command else { continue };
        let cut = session.routine_time(now);
        let running = !session.is_over();
        let events = session.command(command, now);
        if running {
            match command {
                Command::AddTime(amount) => watch.phase_len += amount,
                Command::TakeTime(amount) => {
                    let elapsed = cut - watch.phase_start;
                    watch.phase_len = watch.phase_len.saturating_sub(amount).max(elapsed);
                }
                _ => {}
            }
        }
        watch.batch(&events, Some(cut))?;
        watch.moment(&session, now)?;
    }
    // Then let it play out: resumed, and well past what is left.
    if watch.ends == 0 {
        let resumed = session.command(Command::Resume, now);
        watch.batch(&resumed, Some(session.routine_time(now)))?;
        now += session.progress(now).total_left + ms(1);
        let rest = session.advance(now);
        watch.batch(&rest, None)?;
        watch.moment(&session, now)?;
    }
    prop_assert_eq!(watch.ends, 1, "done or quit exactly once");
    // Nothing at all after the end, whatever comes.
    for command in [Command::Next, Command::Back, Command::Resume, Command::Quit] {
        now += ms(1_000);
        prop_assert!(session.command(command, now).is_empty());
        prop_assert!(session.advance(now).is_empty());
    }
    Ok(())
}

proptest! {
    // Each case is a few dozen engine calls; 512 of them take about a second in a debug
    // build, yet reach every command in every kind of phase. A failure prints its shrunk
    // case; nothing is written to the source tree.
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_engine_keeps_its_promises_under_any_commands(
        routine in routine(),
        start in (0..10_000u64).prop_map(ms),
        script in prop::collection::vec((gap(), command()), 0..40),
    ) {
        play(&routine, start, &script)?;
    }

    #[test]
    fn left_alone_a_routine_ends_exactly_at_its_planned_total(
        routine in routine(),
        start in (0..10_000u64).prop_map(ms),
        polls in prop::collection::vec(gap(), 0..30),
    ) {
        let plan = Plan::new(&routine);
        let (mut session, _) = Session::start(plan.clone(), start);
        let mut now = start;
        let mut events = Vec::new();
        for gap in polls {
            now += gap;
            events.extend(session.advance(now));
        }
        events.extend(session.advance(start + plan.total()));
        let ends: Vec<&Stamped> = events
            .iter()
            .filter(|e| matches!(e.event, Event::Done { .. }))
            .collect();
        prop_assert_eq!(ends.len(), 1);
        prop_assert_eq!(ends[0].t, plan.total());
        prop_assert_eq!(
            ends[0].event,
            Event::Done { completed: plan.step_count(), skipped: 0 }
        );
        // Every phase began at its planned start.
        for e in &events {
            if let Event::Phase { index, .. } = e.event {
                prop_assert_eq!(e.t, plan.phase_start(index));
            }
        }
    }
}
