use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;

use super::*;
use crate::routine::file::Problem;
use crate::ui::testing::{draw, routine};
use crate::ui::theme::Theme;

fn entries() -> Vec<Entry> {
    let valid = |name: &str, title: &str, description: &str| {
        let mut routine = routine();
        routine.title = title.into();
        routine.description = Some(description.into());
        Entry {
            name: name.into(),
            origin: Origin::BuiltIn,
            routine: Ok(routine),
        }
    };
    let problem = |line, message: &str| Problem {
        file: "/home/ana/.config/supple/routines/wobbly.json".into(),
        line,
        column: 17,
        path: "steps[1].hodl".into(),
        message: message.into(),
    };
    vec![
        valid(
            "morning-back",
            "Morning back",
            "Belly breathing, a marching warm-up and nine gentle moves for a stiff lower back. Mostly on the floor: needs a mat and a wall.",
        ),
        valid(
            "desk-break",
            "Desk break",
            "Gentle mobility from head to ankles. No floor work.",
        ),
        Entry {
            name: "wobbly".into(),
            origin: Origin::User("/home/ana/.config/supple/routines/wobbly.json".into()),
            routine: Err(vec![
                problem(3, "unknown field \"hodl\"; did you mean \"hold\"?"),
                problem(7, "\"cycles\" needs \"breath\""),
            ]),
        },
        valid(
            "belly-breathing",
            "Belly breathing",
            "Five slow belly breaths.",
        ),
    ]
}

fn picker() -> Picker {
    Picker::new(entries().iter().map(Item::from_entry).collect())
}

fn press(picker: &mut Picker, code: KeyCode) -> Option<Picked> {
    picker.handle(&KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(picker: &mut Picker, text: &str) {
    for c in text.chars() {
        press(picker, KeyCode::Char(c));
    }
}

const SIZES: [(u16, u16); 3] = [(80, 24), (40, 12), (24, 7)];

#[test]
fn the_list_shows_every_routine_with_its_length_and_description() {
    let picker = picker();
    assert_eq!(picker.items[0].length, Some(Plan::new(&routine()).total()));
    for (width, height) in SIZES.into_iter().chain([(200, 60)]) {
        let view = PickerView {
            picker: &picker,
            theme: Theme::COLOR,
        };
        assert_snapshot!(
            format!("picker_{width}x{height}"),
            draw(width, height, &view)
        );
    }
}

#[test]
fn a_broken_routine_is_listed_with_its_problems() {
    let mut picker = picker();
    press(&mut picker, KeyCode::Down);
    press(&mut picker, KeyCode::Char('j'));
    assert_eq!(picker.items[picker.current().unwrap()].name, "wobbly");
    for (width, height) in SIZES {
        let view = PickerView {
            picker: &picker,
            theme: Theme::COLOR,
        };
        assert_snapshot!(
            format!("picker_broken_{width}x{height}"),
            draw(width, height, &view)
        );
    }
}

#[test]
fn enter_on_a_broken_routine_shows_every_problem_and_the_file_then_any_key_goes_back() {
    let mut picker = picker();
    picker.items[2].problems.extend([
        "line 9: steps[2].reps: must be a whole number of 1 or more".to_string(),
        "line 12: steps[3]: needs \"hold\", \"breath\" or \"rest\"".to_string(),
    ]);
    picker.selected = 2;
    assert_eq!(press(&mut picker, KeyCode::Enter), None, "it can't start");
    assert_eq!(picker.problems_of, Some(2));
    for (width, height) in [(80, 24), (40, 12), (24, 7), (20, 5)] {
        let view = PickerView {
            picker: &picker,
            theme: Theme::COLOR,
        };
        let backend = draw(width, height, &view);
        let text = backend.to_string();
        assert!(text.contains("any key"), "{text}");
        if height >= 24 {
            for needle in [
                "4 problems",
                "wobbly.json",
                "hodl",
                "breath",
                "reps",
                "rest",
            ] {
                assert!(
                    text.contains(needle),
                    "{needle} at {width}x{height}: {text}"
                );
            }
        }
        assert_snapshot!(format!("picker_problems_{width}x{height}"), backend);
    }
    assert_eq!(
        press(&mut picker, KeyCode::Char('q')),
        None,
        "back, not out"
    );
    assert_eq!(picker.problems_of, None);
}

#[test]
fn a_filter_that_matches_nothing_keeps_typing_and_backspace_mends_it() {
    let mut picker = picker();
    press(&mut picker, KeyCode::Char('/'));
    typed(&mut picker, "deskx");
    assert!(picker.visible().is_empty());
    assert_eq!(press(&mut picker, KeyCode::Enter), None);
    assert!(picker.filtering, "nothing to start: still typing");
    let view = PickerView {
        picker: &picker,
        theme: Theme::COLOR,
    };
    let text = draw(20, 5, &view).to_string();
    assert!(
        text.contains("Esc clear") && !text.contains("Enter"),
        "{text}"
    );
    press(&mut picker, KeyCode::Backspace);
    assert_eq!(picker.filter, "desk");
    assert_eq!(press(&mut picker, KeyCode::Enter), Some(Picked::Start(1)));
    // After Enter the filter stays; Backspace still edits it.
    assert!(!picker.filtering);
    press(&mut picker, KeyCode::Backspace);
    assert_eq!(picker.filter, "des");
    assert!(picker.filtering);
}

#[test]
fn the_users_own_valid_routine_is_drawn_like_a_built_in_one() {
    let mut entries = entries();
    entries[1].origin = Origin::User("/home/ana/.config/supple/routines/desk-break.json".into());
    let picker = Picker::new(entries.iter().map(Item::from_entry).collect());
    let view = PickerView {
        picker: &picker,
        theme: Theme::COLOR,
    };
    let backend = draw(80, 24, &view);
    let row = |name: &str| {
        let y = (0..24)
            .find(|&y| {
                (0..80)
                    .map(|x| backend.buffer()[(x, y)].symbol())
                    .collect::<String>()
                    .contains(name)
            })
            .unwrap();
        (0..80)
            .map(|x| backend.buffer()[(x, y)].fg)
            .collect::<Vec<_>>()
    };
    let (built_in, yours, broken) = (row("morning-back"), row("desk-break"), row("wobbly"));
    assert_eq!(built_in[2..60], yours[2..60], "the same colours");
    assert_ne!(yours[3], broken[3]);
    assert!(backend.to_string().contains("yours"));
}

#[test]
fn slash_filters_by_name_and_enter_starts_the_match() {
    let mut picker = picker();
    press(&mut picker, KeyCode::Char('/'));
    typed(&mut picker, "BREATH");
    assert_eq!(picker.visible(), [3]);
    for (width, height) in [(80, 24), (24, 7)] {
        let view = PickerView {
            picker: &picker,
            theme: Theme::COLOR,
        };
        assert_snapshot!(
            format!("picker_filter_{width}x{height}"),
            draw(width, height, &view)
        );
    }
    assert_eq!(press(&mut picker, KeyCode::Enter), Some(Picked::Start(3)));
}

#[test]
fn while_filtering_letters_are_text_and_esc_clears() {
    let mut picker = picker();
    press(&mut picker, KeyCode::Char('/'));
    typed(&mut picker, "qj");
    assert_eq!(picker.filter, "qj");
    assert!(picker.visible().is_empty());
    assert_eq!(press(&mut picker, KeyCode::Enter), None);
    press(&mut picker, KeyCode::Esc);
    assert_eq!(picker.filter, "");
    assert_eq!(picker.visible().len(), 4);
    assert_eq!(press(&mut picker, KeyCode::Char('q')), Some(Picked::Quit));
}

#[test]
fn moving_stops_at_the_ends() {
    let mut picker = picker();
    press(&mut picker, KeyCode::Up);
    assert_eq!(picker.selected, 0);
    for _ in 0..10 {
        press(&mut picker, KeyCode::Down);
    }
    assert_eq!(picker.selected, 3);
    press(&mut picker, KeyCode::Char('k'));
    assert_eq!(picker.selected, 2);
    assert_eq!(press(&mut picker, KeyCode::Home), None);
    assert_eq!(press(&mut picker, KeyCode::Enter), Some(Picked::Start(0)));
}

#[test]
fn quitting_takes_q_esc_or_ctrl_c() {
    let mut picker = picker();
    assert_eq!(press(&mut picker, KeyCode::Esc), Some(Picked::Quit));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(picker.handle(&ctrl_c), Some(Picked::Quit));
}

#[test]
fn an_empty_library_says_so() {
    let picker = Picker::new(Vec::new());
    let view = PickerView {
        picker: &picker,
        theme: Theme::COLOR,
    };
    assert!(
        draw(40, 12, &view)
            .to_string()
            .contains("No routines found.")
    );
}

fn with_practice() -> Picker {
    let mut picker = picker();
    picker.practice = Some("streak 5 days · last: Morning back, yesterday 07:48".into());
    picker
}

#[test]
fn s_opens_the_stats_when_there_is_a_practice_line_and_types_while_filtering() {
    let mut plain = picker();
    assert_eq!(press(&mut plain, KeyCode::Char('s')), None);
    let mut picker = with_practice();
    assert_eq!(press(&mut picker, KeyCode::Char('s')), Some(Picked::Stats));
    press(&mut picker, KeyCode::Char('/'));
    assert_eq!(press(&mut picker, KeyCode::Char('s')), None);
    assert_eq!(picker.filter, "s");
}

#[test]
fn the_picker_with_its_practice_line() {
    let picker = with_practice();
    for (width, height) in [(80, 24), (40, 12)] {
        let view = PickerView {
            picker: &picker,
            theme: Theme::COLOR,
        };
        assert_snapshot!(
            format!("picker_practice_{width}x{height}"),
            draw(width, height, &view)
        );
    }
}
