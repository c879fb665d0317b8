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
    for (width, height) in SIZES {
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
    assert_eq!(
        press(&mut picker, KeyCode::Enter),
        None,
        "a broken routine can't start"
    );
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
