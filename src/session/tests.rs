use std::time::Duration;

use super::*;
use crate::routine::{Breath, Hold, Routine, Step, StepKind};

fn s(secs: f64) -> Duration {
    Duration::from_secs_f64(secs)
}

fn step(name: &str, kind: StepKind, prepare: f64, rest: Option<f64>) -> Step {
    Step {
        name: name.into(),
        cue: None,
        kind,
        prepare: s(prepare),
        rest: rest.map(s),
    }
}

fn hold(secs: f64, reps: u32, release: f64, sides: &[&str], switch: f64) -> StepKind {
    StepKind::Hold(Hold {
        hold: s(secs),
        reps,
        release: s(release),
        sides: sides.iter().map(|x| x.to_string()).collect(),
        switch: s(switch),
    })
}

fn breath(inhale: f64, hold_in: f64, exhale: f64, hold_out: f64, cycles: u32) -> StepKind {
    StepKind::Breath(Breath {
        inhale: s(inhale),
        hold_in: s(hold_in),
        exhale: s(exhale),
        hold_out: s(hold_out),
        cycles,
    })
}

fn routine(steps: Vec<Step>) -> Routine {
    Routine {
        title: "Test".into(),
        description: None,
        steps,
    }
}

/// The format page's example routine.
fn example() -> Routine {
    routine(vec![
        step("Belly breathing", breath(4.0, 0.0, 6.0, 0.0, 5), 5.0, None),
        step(
            "Hip circles",
            hold(30.0, 1, 0.0, &["Clockwise", "Counter-clockwise"], 5.0),
            5.0,
            None,
        ),
        step(
            "Knees to chest",
            hold(5.0, 5, 2.0, &["Right leg", "Left leg"], 5.0),
            5.0,
            Some(10.0),
        ),
        step("Breather", StepKind::Rest, 0.0, Some(20.0)),
        step("Child's pose", hold(60.0, 1, 0.0, &[], 5.0), 5.0, None),
    ])
}

/// Three short steps: a 2 s prepare + 10 s hold, a 5 s rest, a 2 s prepare + 10 s hold.
fn three_steps() -> Routine {
    routine(vec![
        step("One", hold(10.0, 1, 0.0, &[], 5.0), 2.0, None),
        step("Pause", StepKind::Rest, 0.0, Some(5.0)),
        step("Three", hold(10.0, 1, 0.0, &[], 5.0), 2.0, None),
    ])
}

fn kinds(plan: &Plan) -> Vec<(PhaseKind, f64)> {
    plan.phases
        .iter()
        .map(|p| (p.kind, p.len.as_secs_f64()))
        .collect()
}

fn phase_starts(events: &[Stamped]) -> Vec<(usize, f64)> {
    events
        .iter()
        .filter_map(|e| match e.event {
            Event::Phase { index, .. } => Some((index, e.t.as_secs_f64())),
            _ => None,
        })
        .collect()
}

use PhaseKind::*;

#[test]
fn the_format_pages_example_lasts_296_seconds() {
    assert_eq!(Plan::new(&example()).total(), s(296.0));
}

#[test]
fn each_steps_length_is_the_sum_of_its_phases() {
    let plan = Plan::new(&example());
    let lens: Vec<f64> = (0..plan.step_count())
        .map(|step| plan.step_len(step).as_secs_f64())
        .collect();
    // Prepare 5 + 5 × (4 + 6); 5 + 30 + 5 + 30; 5 + 2 × (5 × 5 + 4 × 2) + 5 + 10; 20; 5 + 60.
    assert_eq!(lens, [55.0, 70.0, 86.0, 20.0, 65.0]);
    assert_eq!(plan.step_len(plan.step_count()), Duration::ZERO);
}

#[test]
fn each_phase_starts_where_the_phases_before_it_end() {
    let plan = Plan::new(&example());
    let mut start = Duration::ZERO;
    for (index, phase) in plan.phases.iter().enumerate() {
        assert_eq!(plan.phase_start(index), start, "phase {index}");
        start += phase.len;
    }
    assert_eq!(plan.phase_start(plan.phases.len()), plan.total());
}

#[test]
fn a_step_ends_at_its_last_phase() {
    let plan = Plan::new(&three_steps());
    let ends: Vec<bool> = (0..plan.phases.len()).map(|i| plan.ends_step(i)).collect();
    assert_eq!(ends, [false, true, true, false, true]);
    assert!(plan.ends_step(plan.phases.len()));
}

#[test]
fn a_hold_step_runs_prepare_then_holds_with_releases_per_side_then_rest() {
    let plan = Plan::new(&routine(vec![step(
        "Knees",
        hold(5.0, 3, 2.0, &["Right", "Left"], 4.0),
        5.0,
        Some(10.0),
    )]));
    assert_eq!(
        kinds(&plan),
        vec![
            (Prepare, 5.0),
            (Hold, 5.0),
            (Release, 2.0),
            (Hold, 5.0),
            (Release, 2.0),
            (Hold, 5.0),
            (Switch, 4.0),
            (Hold, 5.0),
            (Release, 2.0),
            (Hold, 5.0),
            (Release, 2.0),
            (Hold, 5.0),
            (Rest, 10.0),
        ]
    );
    let sides: Vec<_> = plan.phases.iter().map(|p| p.side.as_deref()).collect();
    assert_eq!(sides[0], Some("Right"), "prepare names the first side");
    assert_eq!(sides[6], Some("Left"), "switch names the coming side");
    assert_eq!(sides[12], Some("Left"), "rest names the last side");
    let reps: Vec<_> = plan.phases.iter().map(|p| p.rep.map(|c| c.index)).collect();
    assert_eq!(
        reps,
        vec![
            None,
            Some(1),
            Some(1),
            Some(2),
            Some(2),
            Some(3),
            None,
            Some(1),
            Some(1),
            Some(2),
            Some(2),
            Some(3),
            None
        ]
    );
}

#[test]
fn zero_length_prepare_release_and_switch_are_skipped() {
    let plan = Plan::new(&routine(vec![step(
        "Quick",
        hold(5.0, 2, 0.0, &["A", "B"], 0.0),
        0.0,
        None,
    )]));
    assert_eq!(
        kinds(&plan),
        vec![(Hold, 5.0), (Hold, 5.0), (Hold, 5.0), (Hold, 5.0)]
    );
}

#[test]
fn a_single_rep_hold_carries_no_rep_count_and_no_side() {
    let plan = Plan::new(&routine(vec![step(
        "Pose",
        hold(60.0, 1, 0.0, &[], 5.0),
        5.0,
        None,
    )]));
    assert!(
        plan.phases
            .iter()
            .all(|p| p.rep.is_none() && p.side.is_none())
    );
}

#[test]
fn a_breath_step_cycles_through_its_non_zero_phases() {
    let plan = Plan::new(&routine(vec![step(
        "Box",
        breath(4.0, 2.0, 6.0, 0.0, 2),
        3.0,
        Some(8.0),
    )]));
    assert_eq!(
        kinds(&plan),
        vec![
            (Prepare, 3.0),
            (Inhale, 4.0),
            (HoldIn, 2.0),
            (Exhale, 6.0),
            (Inhale, 4.0),
            (HoldIn, 2.0),
            (Exhale, 6.0),
            (Rest, 8.0),
        ]
    );
    let cycles: Vec<_> = plan
        .phases
        .iter()
        .map(|p| p.cycle.map(|c| (c.index, c.of)))
        .collect();
    assert_eq!(cycles[0], None);
    assert_eq!(cycles[1], Some((1, 2)));
    assert_eq!(cycles[6], Some((2, 2)));
    assert_eq!(cycles[7], None);
}

#[test]
fn a_breath_step_with_hold_out_includes_it() {
    let plan = Plan::new(&routine(vec![step(
        "Box",
        breath(4.0, 4.0, 4.0, 4.0, 1),
        0.0,
        None,
    )]));
    assert_eq!(
        kinds(&plan),
        vec![(Inhale, 4.0), (HoldIn, 4.0), (Exhale, 4.0), (HoldOut, 4.0)]
    );
}

#[test]
fn a_rest_step_is_one_rest_without_prepare() {
    let plan = Plan::new(&routine(vec![step(
        "Breather",
        StepKind::Rest,
        0.0,
        Some(20.0),
    )]));
    assert_eq!(kinds(&plan), vec![(Rest, 20.0)]);
}

#[test]
fn starting_emits_start_and_the_first_phase_at_zero() {
    let (_, events) = Session::start(Plan::new(&example()), Duration::ZERO);
    assert_eq!(events[0].event, Event::Start);
    assert_eq!(
        events[1],
        Stamped {
            t: Duration::ZERO,
            event: Event::Phase {
                index: 0,
                len: s(5.0)
            }
        }
    );
}

#[test]
fn the_example_plays_to_the_end_at_exactly_296_seconds() {
    let plan = Plan::new(&example());
    let count = plan.phases.len();
    let (mut session, _) = Session::start(plan, Duration::ZERO);
    let mut events = Vec::new();
    // Wake only when the engine says something changes, as a driver does.
    let mut now = Duration::ZERO;
    while let Some(wait) = session.next_change(now) {
        now += wait;
        events.extend(session.advance(now));
    }
    assert_eq!(phase_starts(&events).len(), count - 1);
    let done = events.last().expect("events");
    assert_eq!(done.t, s(296.0));
    assert_eq!(
        done.event,
        Event::Done {
            completed: 5,
            skipped: 0
        }
    );
}

#[test]
fn a_large_jump_of_time_emits_every_phase_passed_at_its_own_moment() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    let events = session.advance(s(13.5));
    assert_eq!(phase_starts(&events), vec![(1, 2.0), (2, 12.0)]);
    assert_eq!(session.progress(s(13.5)).phase_left, s(3.5));
    let events = session.advance(s(1000.0));
    assert_eq!(phase_starts(&events), vec![(3, 17.0), (4, 19.0)]);
    assert_eq!(events.last().map(|e| e.t), Some(s(29.0)));
    assert!(session.is_over());
}

#[test]
fn advancing_to_the_same_moment_twice_emits_nothing_new() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    assert_eq!(session.advance(s(5.0)).len(), 1);
    assert!(session.advance(s(5.0)).is_empty());
}

#[test]
fn next_change_is_the_time_to_the_phase_boundary() {
    let (session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    assert_eq!(session.next_change(s(0.5)), Some(s(1.5)));
}

#[test]
fn pausing_freezes_the_countdown_and_routine_time() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(4.0));
    let events = session.command(Command::Pause, s(4.0));
    assert_eq!(events[0].event, Event::Pause);
    assert_eq!(session.next_change(s(50.0)), None);
    assert!(session.advance(s(100.0)).is_empty());
    assert_eq!(session.progress(s(100.0)).phase_left, s(8.0));
    assert_eq!(session.routine_time(s(100.0)), s(4.0));
    let events = session.command(Command::Resume, s(100.0));
    assert_eq!(
        events[0],
        Stamped {
            t: s(4.0),
            event: Event::Resume
        }
    );
    // 8 s were left; the hold ends 8 s of driver time after resuming.
    assert_eq!(session.next_change(s(100.0)), Some(s(8.0)));
    let events = session.advance(s(108.0));
    assert_eq!(phase_starts(&events), vec![(2, 12.0)]);
}

#[test]
fn toggle_pause_pauses_then_resumes() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    assert_eq!(
        session.command(Command::TogglePause, s(1.0))[0].event,
        Event::Pause
    );
    assert_eq!(
        session.command(Command::TogglePause, s(2.0))[0].event,
        Event::Resume
    );
    assert_eq!(session.routine_time(s(3.0)), s(2.0));
}

#[test]
fn pause_while_paused_and_resume_while_running_do_nothing() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    assert!(session.command(Command::Resume, s(1.0)).is_empty());
    session.command(Command::Pause, s(1.0));
    assert!(session.command(Command::Pause, s(2.0)).is_empty());
}

#[test]
fn next_skips_to_the_next_steps_first_phase() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(3.0));
    let events = session.command(Command::Next, s(3.0));
    assert_eq!(events[0].event, Event::Skip { to: 1 });
    assert_eq!(phase_starts(&events), vec![(2, 3.0)]);
    assert_eq!(session.plan().phases[2].kind, Rest);
}

#[test]
fn next_on_the_last_step_finishes_with_it_skipped() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(20.0));
    let events = session.command(Command::Next, s(20.0));
    assert_eq!(
        events.last().map(|e| e.event),
        Some(Event::Done {
            completed: 2,
            skipped: 1
        })
    );
    assert!(session.is_over());
}

#[test]
fn next_works_in_every_phase_kind() {
    let plan = Plan::new(&example());
    for index in 0..plan.phases.len() {
        let (mut session, _) = Session::start(plan.clone(), Duration::ZERO);
        let mut now = Duration::ZERO;
        while session.progress(now).phase != index {
            now += session.next_change(now).expect("running");
            session.advance(now);
        }
        let step = plan.phases[index].step;
        let events = session.command(Command::Next, now);
        if step + 1 < plan.step_count() {
            assert_eq!(events[0].event, Event::Skip { to: step + 1 });
            assert_eq!(session.progress(now).phase, plan.step_starts[step + 1]);
        } else {
            assert!(matches!(events[0].event, Event::Done { .. }));
        }
    }
}

#[test]
fn back_restarts_the_current_step_after_three_seconds() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(17.0)); // step 3 starts at 17
    session.advance(s(21.0));
    let events = session.command(Command::Back, s(21.0));
    assert_eq!(events[0].event, Event::Back { to: 2 });
    assert_eq!(phase_starts(&events), vec![(3, 21.0)]);
    assert_eq!(session.progress(s(21.0)).phase_left, s(2.0));
}

#[test]
fn back_within_three_seconds_goes_to_the_previous_step() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(17.0));
    session.advance(s(19.5));
    let events = session.command(Command::Back, s(19.5));
    assert_eq!(events[0].event, Event::Back { to: 1 });
    assert_eq!(phase_starts(&events), vec![(2, 19.5)]);
}

#[test]
fn back_counts_from_the_step_start_not_the_phase_start() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    // In step 1's hold (phase 1 began at 2 s); the step began at 0 s.
    session.advance(s(2.5));
    let events = session.command(Command::Back, s(2.5));
    assert_eq!(events[0].event, Event::Back { to: 0 });
}

#[test]
fn back_on_the_first_step_restarts_it() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    let events = session.command(Command::Back, s(1.0));
    assert_eq!(events[0].event, Event::Back { to: 0 });
    assert_eq!(phase_starts(&events), vec![(0, 1.0)]);
}

#[test]
fn twice_back_quickly_walks_back_two_steps() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(18.0));
    session.command(Command::Back, s(18.0));
    let events = session.command(Command::Back, s(19.0));
    assert_eq!(events[0].event, Event::Back { to: 0 });
}

#[test]
fn a_step_skipped_then_replayed_counts_as_completed() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.command(Command::Next, s(1.0)); // skip step 1
    session.command(Command::Back, s(1.5)); // back to step 1 within 3 s
    let events = session.advance(s(1000.0));
    assert_eq!(
        events.last().map(|e| e.event),
        Some(Event::Done {
            completed: 3,
            skipped: 0
        })
    );
}

#[test]
fn adding_time_lengthens_the_running_countdown_and_shifts_what_follows() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(5.0));
    session.command(Command::AddTime(s(10.0)), s(5.0));
    assert_eq!(session.progress(s(5.0)).phase_left, s(17.0));
    assert_eq!(session.progress(s(5.0)).total_left, s(17.0 + 17.0));
    let events = session.advance(s(22.0));
    assert_eq!(phase_starts(&events), vec![(2, 22.0)]);
}

#[test]
fn taking_time_shortens_the_countdown() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(3.0));
    session.command(Command::TakeTime(s(5.0)), s(3.0));
    assert_eq!(session.progress(s(3.0)).phase_left, s(4.0));
}

#[test]
fn taking_more_time_than_is_left_ends_the_phase_now() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(9.0));
    let events = session.command(Command::TakeTime(s(10.0)), s(9.0));
    assert_eq!(phase_starts(&events), vec![(2, 9.0)]);
}

#[test]
fn adjusting_time_while_paused_keeps_the_session_paused() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.command(Command::Pause, s(3.0));
    session.command(Command::AddTime(s(10.0)), s(4.0));
    assert_eq!(session.progress(s(50.0)).phase_left, s(19.0));
    assert!(matches!(session.status(), Status::Paused { .. }));
}

#[test]
fn quit_reports_completed_and_skipped_so_far() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(12.0)); // step 1 completed
    session.command(Command::Next, s(13.0)); // step 2 skipped
    let events = session.command(Command::Quit, s(14.0));
    assert_eq!(
        events[0],
        Stamped {
            t: s(14.0),
            event: Event::Quit {
                completed: 1,
                skipped: 1
            }
        }
    );
    assert!(session.is_over());
    assert!(session.command(Command::Next, s(15.0)).is_empty());
}

#[test]
fn every_command_in_every_phase_keeps_the_session_consistent() {
    let plan = Plan::new(&example());
    let commands = [
        Command::Pause,
        Command::Resume,
        Command::TogglePause,
        Command::Next,
        Command::Back,
        Command::AddTime(s(10.0)),
        Command::TakeTime(s(10.0)),
        Command::Quit,
    ];
    for index in 0..plan.phases.len() {
        for command in commands {
            let (mut session, _) = Session::start(plan.clone(), Duration::ZERO);
            let mut now = Duration::ZERO;
            while session.progress(now).phase != index {
                now += session.next_change(now).expect("running");
                session.advance(now);
            }
            now += s(0.5);
            let before = session.routine_time(now);
            let events = session.command(command, now);
            for event in &events {
                assert!(event.t <= before, "{command:?} in phase {index}: {event:?}");
            }
            let progress = session.progress(now);
            assert!(progress.phase_elapsed <= progress.phase_len);
            assert!(progress.total_left <= plan.total() + s(10.0));
            // Whatever happened, the session still runs to an end.
            session.command(Command::Resume, now);
            session.advance(now + s(10_000.0));
            assert!(session.is_over(), "{command:?} in phase {index}");
        }
    }
}

#[test]
fn a_long_routine_ends_exactly_on_plan_however_often_it_is_polled() {
    let routine = routine(vec![step(
        "Long",
        hold(1.0 / 3.0, 3000, 0.1, &[], 0.0),
        0.0,
        None,
    )]);
    let plan = Plan::new(&routine);
    let total = plan.total();
    let (mut session, _) = Session::start(plan, Duration::ZERO);
    // Poll at awkward, irregular moments; the end must still be the planned one.
    let mut now = Duration::ZERO;
    let mut last = None;
    while !session.is_over() {
        now += Duration::from_micros(7_919);
        if let Some(done) = session.advance(now).last() {
            last = Some(done.t);
        }
    }
    assert_eq!(last, Some(total));
}

#[test]
fn a_plan_started_at_a_step_begins_with_that_steps_first_phase() {
    let plan = Plan::new(&three_steps()).starting_at(2);
    assert_eq!(plan.planned(), s(12.0));
    let (mut session, events) = Session::start(plan, Duration::ZERO);
    assert_eq!(phase_starts(&events), vec![(3, 0.0)]);
    assert_eq!(session.progress(Duration::ZERO).step, 2);
    assert_eq!(session.progress(Duration::ZERO).total_left, s(12.0));
    let events = session.advance(s(12.0));
    assert_eq!(
        events.last().map(|e| e.event),
        Some(Event::Done {
            completed: 1,
            skipped: 0
        })
    );
}

#[test]
fn starting_past_the_last_step_starts_at_the_last_one() {
    let plan = Plan::new(&three_steps()).starting_at(99);
    assert_eq!(plan.first_step(), 2);
    assert_eq!(plan.first_phase(), 3);
}

#[test]
fn a_step_is_found_by_number_or_by_part_of_its_name_in_any_case() {
    let plan = Plan::new(&example());
    assert_eq!(plan.find_step("1"), Some(0));
    assert_eq!(plan.find_step(" 4 "), Some(3));
    assert_eq!(plan.find_step("5"), Some(4));
    assert_eq!(plan.find_step("6"), None);
    assert_eq!(plan.find_step("0"), None);
    assert_eq!(plan.find_step("knees"), Some(2));
    assert_eq!(plan.find_step("CIRCLES"), Some(1));
    assert_eq!(plan.find_step("e"), Some(0));
    assert_eq!(plan.find_step("cat-cow"), None);
    assert_eq!(plan.find_step(""), None);
}

#[test]
fn paused_time_counts_every_pause_and_the_one_running_now() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), s(100.0));
    assert_eq!(session.paused(s(101.0)), Duration::ZERO);
    session.command(Command::Pause, s(101.0));
    session.command(Command::Resume, s(104.0));
    assert_eq!(session.paused(s(105.0)), s(3.0));
    session.command(Command::Pause, s(106.0));
    assert_eq!(session.paused(s(108.0)), s(5.0));
    assert_eq!(session.routine_time(s(108.0)), s(3.0));
}

#[test]
fn completed_and_skipped_are_counted_as_the_session_goes() {
    let (mut session, _) = Session::start(Plan::new(&three_steps()), Duration::ZERO);
    session.advance(s(12.0));
    session.command(Command::Next, s(13.0));
    assert_eq!(session.completed_and_skipped(), (1, 1));
}
