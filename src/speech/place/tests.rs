use super::*;
use crate::routine::{Hold, Routine, Step, StepKind};

fn s(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Every cue a second long, the finished chime included.
fn second(_: Cue) -> Duration {
    s(1)
}

fn plan(prepare: u64, hold: u64, sides: &[&str]) -> Plan {
    Plan::new(&Routine {
        title: "Test".into(),
        description: None,
        steps: vec![Step {
            name: "Reach".into(),
            cue: None,
            kind: StepKind::Hold(Hold {
                hold: s(hold),
                reps: 1,
                release: Duration::ZERO,
                sides: sides.iter().map(|s| s.to_string()).collect(),
                switch: s(8),
            }),
            prepare: s(prepare),
            rest: None,
        }],
    })
}

#[test]
fn a_phrase_after_a_cue_waits_for_it_to_ring_out() {
    let schedule = schedule(&plan(5, 20, &["Left", "Right"]), second);
    let switch = &schedule.placed[1];
    assert_eq!(
        switch.phrase.names.as_ref().map(|t| t.whole()),
        Some("Right.")
    );
    // The switch bell at 25 s rings for a second; its ticks start at 30 s.
    assert_eq!(switch.at, s(26) + GAP);
    assert_eq!((switch.phase, switch.offset), (2, s(1) + GAP));
    assert_eq!(switch.room, Some(s(4) - GAP - GAP));
}

#[test]
fn the_first_words_have_until_the_prepare_ticks() {
    let schedule = schedule(&plan(5, 20, &[]), second);
    let intro = &schedule.placed[0];
    assert_eq!(intro.at, Duration::ZERO);
    assert_eq!(intro.room, Some(s(2) - GAP));
}

#[test]
fn the_longest_form_that_fits_is_said_or_nothing() {
    let schedule = schedule(&plan(5, 20, &[]), second);
    let intro = &schedule.placed[0];
    let by_chars = |per_char: u64| move |text: &str| ms(per_char * text.len() as u64);
    assert_eq!(
        intro.words(Voice::Names, by_chars(10)),
        Some("Test. First, reach.")
    );
    // 19 characters at 100 ms do not fit 1.85 s; "Reach." (6) does.
    assert_eq!(intro.words(Voice::Names, by_chars(100)), Some("Reach."));
    assert_eq!(intro.words(Voice::Names, by_chars(400)), None);
    assert_eq!(intro.words(Voice::Off, by_chars(1)), None);
}

#[test]
fn the_closing_words_come_after_the_chime() {
    let plan = plan(5, 20, &[]);
    let schedule = schedule(&plan, second);
    let closing = schedule.closing.as_ref().expect("closing");
    assert_eq!(closing.at, plan.total() + s(1) + GAP);
    assert_eq!(closing.room, None);
}

#[test]
fn phrases_are_found_by_the_phase_they_start_in() {
    let plan = plan(5, 20, &["Left", "Right"]);
    let schedule = schedule(&plan, second);
    assert_eq!(schedule.in_phase(0).len(), 1);
    assert_eq!(schedule.in_phase(1).len(), 0);
    assert_eq!(schedule.in_phase(2).len(), 1);
    assert_eq!(schedule.in_phase(99).len(), 0);
}

#[test]
fn a_cue_with_no_quiet_after_it_leaves_no_room() {
    let spans = [ms(0)..ms(900), ms(1000)..ms(1900)];
    assert_eq!(fit(&spans, ms(0)), (ms(900) + GAP, Some(Duration::ZERO)));
    assert_eq!(fit(&spans, ms(1950)), (ms(2050), None));
}

#[test]
fn a_prepare_that_is_all_ticks_moves_the_announcement_to_the_hold() {
    // A three-second prepare ticks at 0, 1 and 2 s: the name comes after the hold's bell.
    let schedule = schedule(&plan(3, 20, &[]), |_| ms(900));
    let intro = &schedule.placed[0];
    assert_eq!(
        intro.phrase.names.as_ref().map(|t| t.whole()),
        Some("Test. First, reach.")
    );
    assert_eq!((intro.phase, intro.at), (1, s(3) + ms(900) + GAP));
}

#[test]
fn a_short_switch_leaves_the_side_to_be_said_as_its_hold_begins() {
    let mut plan = plan(5, 20, &["Left", "Right"]);
    plan = Plan::new(&{
        let mut routine = plan.routine.clone();
        if let StepKind::Hold(hold) = &mut routine.steps[0].kind {
            hold.switch = s(5);
        }
        routine
    });
    let schedule = schedule(&plan, second);
    let side = &schedule.placed[1];
    assert_eq!(
        side.phrase.names.as_ref().map(|t| t.whole()),
        Some("Right.")
    );
    // Switch 25-30 (bell, then ticks from 27 s), the hold's bell at 30 s.
    assert_eq!((side.phase, side.at), (3, s(31) + GAP));
}
