//! The front end in the real loop, on tokio's paused clock, with synthetic keys.

use std::cell::Cell;
use std::rc::Rc;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::backend::TestBackend;

use super::*;
use crate::runtime::{self, Clock, Cues, Inputs, Outcome};
use crate::session::Plan;
use crate::ui::testing::{routine, secs};

/// Cues that write down every event with its routine time, and count the loop's turns.
#[derive(Default)]
struct Recorder {
    events: Vec<(Event, Duration)>,
    turns: u64,
}

impl Cues for Recorder {
    fn on_events(&mut self, _: &Session, events: &[Stamped], _: Duration) {
        self.events.extend(events.iter().map(|e| (e.event, e.t)));
    }
    fn wake_at(&self, _: &Session, _: Duration) -> Option<Duration> {
        None
    }
    fn wake(&mut self, _: &Session, _: Duration) {
        self.turns += 1;
    }
    fn toggle_mute(&mut self) -> bool {
        false
    }
}

fn key(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// The full screen as it starts with nothing special: colour, sound, no notice.
pub(super) fn options() -> Options {
    Options {
        theme: Theme::COLOR,
        muted: false,
        notice: None,
        silent: false,
        back_to: None,
        voice: None,
        safety: None,
        practice: Default::default(),
    }
}

const NO_DEVICE: &str = "no sound device, running silently";

fn no_device() -> Options {
    Options {
        notice: Some(NO_DEVICE.into()),
        silent: true,
        ..options()
    }
}

struct Run {
    outcome: Outcome,
    events: Vec<(Event, Duration)>,
    turns: u64,
    draws: u64,
    screen: String,
    suspends: u32,
}

/// Plays `routine()` with keys sent at driver times, then Ctrl-C (which leaves whatever
/// shows, even a summary); returns what happened.
async fn play(options: Options, script: Vec<(f64, Input)>) -> Run {
    play_plan(Plan::new(&routine()), options, script).await
}

async fn play_plan(plan: Plan, options: Options, script: Vec<(f64, Input)>) -> Run {
    let (sender, mut inputs) = Inputs::channel();
    let clock = Clock::start(1.0);
    tokio::spawn(async move {
        for (at, input) in script {
            tokio::time::sleep_until(clock.instant_at(Duration::from_secs_f64(at))).await;
            let _ = sender.send(input).await;
        }
        let _ = sender.send(ctrl('c')).await;
        std::future::pending::<()>().await;
    });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let suspends = Rc::new(Cell::new(0));
    let counter = Rc::clone(&suspends);
    let mut recorder = Recorder::default();
    let mut player = Player::new(
        &mut terminal,
        options,
        Box::new(move || {
            counter.set(counter.get() + 1);
            Ok(())
        }),
    );
    let outcome = runtime::run(&plan, clock, &mut player, &mut recorder, &mut inputs)
        .await
        .expect("the loop runs");
    let draws = player.draws();
    drop(player);
    Run {
        outcome,
        events: recorder.events,
        turns: recorder.turns,
        draws,
        screen: terminal.backend().to_string(),
        suspends: suspends.get(),
    }
}

fn kinds(run: &Run) -> Vec<String> {
    run.events
        .iter()
        .filter(|(e, _)| !matches!(e, Event::Phase { .. }))
        .map(|(e, t)| format!("{e:?}@{}", t.as_secs_f64()))
        .collect()
}

#[tokio::test(start_paused = true)]
async fn space_pauses_and_resumes_after_a_three_second_count() {
    // The first hold starts at 5 s.
    let run = play(
        options(),
        vec![
            (6.5, key(KeyCode::Char(' '))),
            (20.0, key(KeyCode::Char(' '))),
            (24.0, key(KeyCode::Char('q'))),
        ],
    )
    .await;
    assert_eq!(run.outcome, Outcome::Quit);
    assert_eq!(
        kinds(&run)[..3],
        ["Start@0", "Pause@6.5", "Resume@6.5"],
        "the count before resuming is not routine time"
    );
    let (resume, _) = run
        .events
        .iter()
        .find(|(e, _)| *e == Event::Resume)
        .unwrap();
    assert_eq!(*resume, Event::Resume);
    // Resumed at 23 s of driver time, 1.5 s of routine time + 1 s more at the quit.
    assert_eq!(run.events.last().unwrap().1, Duration::from_secs_f64(7.5));
}

#[tokio::test(start_paused = true)]
async fn a_second_space_during_the_count_stays_paused() {
    let run = play(
        options(),
        vec![
            (6.0, key(KeyCode::Char(' '))),
            (7.0, key(KeyCode::Char(' '))),
            (8.0, key(KeyCode::Char(' '))),
            (30.0, ctrl('c')),
        ],
    )
    .await;
    assert!(!run.events.iter().any(|(e, _)| *e == Event::Resume));
    assert!(run.screen.contains("PAUSED"), "{}", run.screen);
}

#[test]
fn only_holds_and_breaths_count_down_before_resuming() {
    let counted: Vec<_> = [
        PhaseKind::Prepare,
        PhaseKind::Hold,
        PhaseKind::Release,
        PhaseKind::Switch,
        PhaseKind::Rest,
        PhaseKind::Inhale,
        PhaseKind::HoldOut,
    ]
    .into_iter()
    .filter(|kind| needs_lead_in(*kind))
    .collect();
    assert_eq!(
        counted,
        [PhaseKind::Hold, PhaseKind::Inhale, PhaseKind::HoldOut]
    );
}

#[tokio::test(start_paused = true)]
async fn resuming_a_get_ready_needs_no_count() {
    let run = play(
        options(),
        vec![
            (1.0, key(KeyCode::Char(' '))),
            (2.0, key(KeyCode::Char(' '))),
            (2.5, key(KeyCode::Esc)),
        ],
    )
    .await;
    assert_eq!(kinds(&run)[1..3], ["Pause@1", "Resume@1"]);
}

#[tokio::test(start_paused = true)]
async fn n_skips_b_goes_back_and_plus_minus_change_the_countdown() {
    let run = play(
        options(),
        vec![
            (1.0, key(KeyCode::Char('n'))),
            (2.0, key(KeyCode::Left)),
            (10.0, key(KeyCode::Char('+'))),
            (10.0, key(KeyCode::Char('-'))),
            (10.0, key(KeyCode::Char('-'))),
            (11.0, ctrl('c')),
        ],
    )
    .await;
    assert_eq!(
        kinds(&run),
        [
            "Start@0",
            "Skip { to: 1 }@1",
            "Back { to: 0 }@2",
            "Quit { completed: 0, skipped: 0 }@11"
        ]
    );
    // Back at 2 s restarted step 1's prepare (5 s): its hold began at 7 s; at 10 s, +10 -10
    // -10 left 2 - 10 → the hold ended at once, and the release began.
    let phases: Vec<_> = run
        .events
        .iter()
        .filter_map(|(e, t)| match e {
            Event::Phase { index, .. } => Some((*index, t.as_secs())),
            _ => None,
        })
        .collect();
    assert_eq!(phases, [(0, 0), (9, 1), (0, 2), (1, 7), (2, 10)]);
}

#[tokio::test(start_paused = true)]
async fn the_loop_wakes_about_once_a_second_during_a_hold() {
    let mut routine = routine();
    routine.steps.drain(..3);
    routine.steps[0].prepare = Duration::ZERO;
    // A single 60 s hold; quit 1 s before its end.
    let run = play_plan(Plan::new(&routine), options(), vec![(59.0, ctrl('c'))]).await;
    assert!((58..=62).contains(&run.turns), "{} turns", run.turns);
    assert!((58..=62).contains(&run.draws), "{} draws", run.draws);
}

#[tokio::test(start_paused = true)]
async fn a_moving_pacer_is_drawn_on_every_frame_that_shows_a_new_picture() {
    let mut routine = routine();
    routine.steps.drain(..1);
    routine.steps.truncate(1);
    routine.steps[0].prepare = Duration::ZERO;
    let plan = Plan::new(&routine);
    // One breath: inhale 4, hold 2, exhale 6, hold 2. Count the frames (every 40 ms of a
    // moving phase) whose picture differs from the frame before.
    let (session, _) = Session::start(plan.clone(), Duration::ZERO);
    let form = PlayerView::new(&session, Duration::ZERO)
        .pacer_form(ratatui::layout::Rect::new(0, 0, 80, 24))
        .expect("a pacer at 80x24");
    let mut new_pictures = 0u64;
    let mut moving = Duration::ZERO;
    for (kind, len) in [(PhaseKind::Inhale, 4.0), (PhaseKind::Exhale, 6.0)] {
        let len = Duration::from_secs_f64(len);
        moving += len;
        let frames = (len.as_nanos() / pacer::FRAME.as_nanos()) as u32;
        let shape = |frame: u32| {
            let ratio = (pacer::FRAME * frame).as_secs_f64() / len.as_secs_f64();
            form.shape(pacer::level(kind, ratio).unwrap())
        };
        new_pictures += (1..frames).filter(|&f| shape(f) != shape(f - 1)).count() as u64;
        // Mid-breath, where it moves fastest, every frame shows a new picture.
        let middle = frames / 4..frames * 3 / 4;
        let new_in_middle = middle.clone().filter(|&f| shape(f) != shape(f - 1)).count();
        let rate = new_in_middle as f64 / (middle.len() as f64 * pacer::FRAME.as_secs_f64());
        assert!(
            rate >= 19.5,
            "{kind:?}: {rate:.1} new pictures a second mid-phase"
        );
    }
    // Breaths ease in and out, so near a phase's ends the disc moves slowly and some frames
    // repeat the last picture (and are not drawn).
    let per_second = new_pictures as f64 / moving.as_secs_f64();
    assert!(per_second >= 15.0, "{per_second:.1} new pictures a second");

    // Quit at the end of the first breath.
    let run = play_plan(plan, options(), vec![(13.9, ctrl('c'))]).await;
    // Besides pacer frames: a redraw per visible second and per phase change, and the first.
    let others = 14 + 4 + 2;
    assert!(
        (new_pictures..=new_pictures + others).contains(&run.draws),
        "{} draws for {new_pictures} new pictures",
        run.draws
    );
    assert!(
        run.turns <= run.draws + 6,
        "{} turns for {} draws",
        run.turns,
        run.draws
    );
}

#[tokio::test(start_paused = true)]
async fn nothing_is_drawn_while_paused() {
    let run = play(
        options(),
        vec![(1.0, key(KeyCode::Char(' '))), (601.0, ctrl('c'))],
    )
    .await;
    // A few around the key presses; none in the ten paused minutes.
    assert!(run.draws <= 6, "{} draws", run.draws);
    assert!(run.turns <= 8, "{} turns", run.turns);
}

#[tokio::test(start_paused = true)]
async fn the_end_shows_a_summary_and_r_starts_again() {
    let mut routine = routine();
    routine.steps.drain(..2);
    routine.steps.truncate(1);
    // One 20 s rest step.
    let run = play_plan(
        Plan::new(&routine),
        options(),
        vec![
            (25.0, key(KeyCode::Char('r'))),
            (26.0, key(KeyCode::Char('q'))),
        ],
    )
    .await;
    assert_eq!(
        kinds(&run),
        [
            "Start@0",
            "Done { completed: 1, skipped: 0 }@20",
            "Start@0",
            "Quit { completed: 0, skipped: 0 }@1"
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn the_summary_stays_until_a_key() {
    let mut routine = routine();
    routine.steps.drain(..2);
    routine.steps.truncate(1);
    let run = play_plan(
        Plan::new(&routine),
        options(),
        vec![(25.0, key(KeyCode::Char(' '))), (300.0, key(KeyCode::Esc))],
    )
    .await;
    assert_eq!(run.outcome, Outcome::Finished);
    assert!(
        run.screen.contains("Done!") && run.screen.contains("1 of 1"),
        "{}",
        run.screen
    );
}

#[tokio::test(start_paused = true)]
async fn ctrl_z_pauses_then_suspends_and_comes_back_paused() {
    let run = play(options(), vec![(7.0, ctrl('z')), (60.0, ctrl('c'))]).await;
    assert_eq!(run.suspends, 1);
    assert_eq!(kinds(&run)[1], "Pause@7");
    assert!(run.screen.contains("PAUSED"));
}

#[tokio::test(start_paused = true)]
async fn help_toggles_and_esc_closes_it_before_quitting() {
    let run = play(
        options(),
        vec![
            (1.0, key(KeyCode::Char('?'))),
            (2.0, key(KeyCode::Esc)),
            (3.0, key(KeyCode::Char('?'))),
            (4.0, ctrl('c')),
        ],
    )
    .await;
    assert_eq!(kinds(&run)[1], "Quit { completed: 0, skipped: 0 }@4");
    assert!(run.screen.contains("Keys") && run.screen.contains("suspend"));
}

#[tokio::test(start_paused = true)]
async fn key_releases_do_nothing() {
    let release = Input::Key(KeyEvent::new_with_kind_and_state(
        KeyCode::Char('q'),
        KeyModifiers::NONE,
        KeyEventKind::Release,
        KeyEventState::NONE,
    ));
    let run = play(
        options(),
        vec![
            (1.0, release),
            (2.0, key(KeyCode::Char('m'))),
            (3.0, ctrl('c')),
        ],
    )
    .await;
    assert_eq!(run.events.last().unwrap().1, secs(3));
    assert!(run.screen.contains("muted"));
}

#[tokio::test(start_paused = true)]
async fn q_mid_routine_shows_what_was_done_and_a_second_q_leaves() {
    let run = play(
        options(),
        vec![
            (1.0, key(KeyCode::Char('n'))),
            (2.0, key(KeyCode::Char('q'))),
            (3.0, key(KeyCode::Char('q'))),
        ],
    )
    .await;
    assert_eq!(run.outcome, Outcome::Quit);
    assert_eq!(
        kinds(&run)[1..],
        ["Skip { to: 1 }@1", "Quit { completed: 0, skipped: 1 }@2"]
    );
    for words in ["Stopped before any step was done", "skipped", "q quit"] {
        assert!(run.screen.contains(words), "{words}: {}", run.screen);
    }
}

#[tokio::test(start_paused = true)]
async fn n_during_the_resume_count_starts_the_next_step_paused_not_resuming() {
    let run = play(
        options(),
        vec![
            (6.0, key(KeyCode::Char(' '))),
            (7.0, key(KeyCode::Char(' '))),
            (8.0, key(KeyCode::Char('n'))),
            (20.0, ctrl('c')),
        ],
    )
    .await;
    assert!(!run.events.iter().any(|(e, _)| *e == Event::Resume));
    assert!(
        run.screen.contains("PAUSED") && !run.screen.contains("RESUMING"),
        "{}",
        run.screen
    );
    assert!(run.screen.contains("Belly breathing"), "{}", run.screen);
}

#[tokio::test(start_paused = true)]
async fn the_no_device_notice_shows_for_a_moment_then_only_a_small_word_stays() {
    let early = play(no_device(), vec![(2.0, ctrl('c'))]).await;
    assert!(early.screen.contains(NO_DEVICE), "{}", early.screen);
    let later = play(
        no_device(),
        vec![(NOTICE_FOR.as_secs_f64() + 1.0, ctrl('c'))],
    )
    .await;
    assert!(!later.screen.contains(NO_DEVICE), "{}", later.screen);
    assert!(later.screen.contains("no sound"), "{}", later.screen);
}

#[tokio::test(start_paused = true)]
async fn unmuting_with_no_device_says_so_instead_of_looking_as_if_it_sounds() {
    let muted = Options {
        muted: true,
        ..no_device()
    };
    let quiet = play(muted.clone(), vec![(1.0, ctrl('c'))]).await;
    assert!(
        !quiet.screen.contains(NO_DEVICE),
        "muted: nothing to say yet"
    );
    assert!(quiet.screen.contains("muted"));
    let unmuted = play(
        muted,
        vec![(20.0, key(KeyCode::Char('m'))), (21.0, ctrl('c'))],
    )
    .await;
    assert!(unmuted.screen.contains(NO_DEVICE), "{}", unmuted.screen);
    assert!(unmuted.screen.contains("no sound"), "{}", unmuted.screen);
}

#[test]
fn help_shows_over_the_player() {
    let (session, _) = Session::start(Plan::new(&routine()), Duration::ZERO);
    for (width, height) in [(80, 24), (24, 7)] {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut player = Player::new(&mut terminal, options(), Box::new(|| Ok(())));
        assert!(
            player
                .handle(&session, key(KeyCode::Char('?')), secs(1))
                .is_empty()
        );
        assert!(player.wake(&session, secs(1)).unwrap().is_empty());
        drop(player);
        insta::assert_snapshot!(
            format!("help_over_player_{width}x{height}"),
            terminal.backend()
        );
    }
}

/// A practice that asks for ratings, with a skip counter in a temporary folder.
fn practice_options(dir: &std::path::Path, before: Option<u8>) -> Options {
    use crate::history::asking::Asking;
    let notes = crate::history::Notes::new("breather");
    notes.set_before(before);
    let asking = Asking::new(true, Some(dir.join("stiffness-skips")));
    let today = "2026-12-01".parse().unwrap();
    let records = crate::history::sample::fortnight(today, &[1, 2]);
    Options {
        practice: crate::ui::practice::Practice::from_records(notes, Some(asking), &records, today),
        ..options()
    }
}

fn one_rest_step() -> Plan {
    let mut routine = routine();
    routine.steps.drain(..2);
    routine.steps.truncate(1);
    Plan::new(&routine)
}

#[tokio::test(start_paused = true)]
async fn the_summary_asks_for_a_rating_then_shows_the_streak_and_the_change() {
    let dir = tempfile::tempdir().unwrap();
    let options = practice_options(dir.path(), Some(6));
    let notes = options.practice.notes.clone();
    let run = play_plan(
        one_rest_step(),
        options,
        vec![
            (25.0, key(KeyCode::Char('3'))),
            (26.0, key(KeyCode::Char('q'))),
        ],
    )
    .await;
    assert_eq!(run.outcome, Outcome::Finished);
    assert_eq!(notes.after(), Some(3));
    assert!(
        run.screen.contains("streak 3 days · stiffness 6 → 3"),
        "{}",
        run.screen
    );
}

#[tokio::test(start_paused = true)]
async fn while_the_rating_waits_q_leaves_and_r_is_not_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let run = play_plan(
        one_rest_step(),
        practice_options(dir.path(), None),
        vec![
            (25.0, key(KeyCode::Char('r'))),
            (26.0, key(KeyCode::Char('q'))),
        ],
    )
    .await;
    assert_eq!(run.outcome, Outcome::Finished);
    assert_eq!(kinds(&run).len(), 2, "{:?}", kinds(&run));
}

#[tokio::test(start_paused = true)]
async fn the_third_skip_in_a_row_says_the_asking_stops_and_how_to_turn_it_back_on() {
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        crate::history::asking::Asking::new(true, Some(dir.path().join("stiffness-skips")))
            .skipped();
    }
    let run = play_plan(
        one_rest_step(),
        practice_options(dir.path(), None),
        vec![(25.0, key(KeyCode::Char('s'))), (300.0, key(KeyCode::Esc))],
    )
    .await;
    assert!(
        run.screen.contains("Not asking about stiffness"),
        "{}",
        run.screen
    );
    assert!(run.screen.contains("--before N"), "{}", run.screen);
}

#[tokio::test(start_paused = true)]
async fn again_after_a_resumed_run_starts_from_the_first_step() {
    let mut routine = routine();
    routine.steps.drain(..2);
    // A 20 s rest step, then a 65 s hold: resumed at the hold.
    let run = play_plan(
        Plan::new(&routine).starting_at(1),
        options(),
        vec![
            (70.0, key(KeyCode::Char('r'))),
            (71.0, key(KeyCode::Char('q'))),
        ],
    )
    .await;
    let starts: Vec<usize> = run
        .events
        .iter()
        .filter_map(|(event, _)| match event {
            Event::Phase { index, .. } => Some(*index),
            _ => None,
        })
        .collect();
    assert_eq!(starts.first(), Some(&1), "resumed at the hold's prepare");
    assert_eq!(starts.last(), Some(&0), "again: the first step");
}

#[tokio::test(start_paused = true)]
async fn the_footer_offers_v_only_when_the_run_has_speech() {
    let spoken = Options {
        voice: Some(Voice::Off),
        ..options()
    };
    let with = play(spoken, vec![(1.0, key(KeyCode::Char('n')))]).await;
    assert!(with.screen.contains("v voice"), "{}", with.screen);
    let without = play(options(), vec![(1.0, key(KeyCode::Char('n')))]).await;
    assert!(!without.screen.contains("v voice"), "{}", without.screen);
}
