//! Keys to intents, exactly as interface.md lists them. Only presses count: releases and
//! auto-repeats (reported by terminals with the kitty keyboard protocol) are ignored.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    TogglePause,
    Next,
    Back,
    /// `+`: ten seconds more on the countdown running now.
    More,
    /// `-`: ten seconds less.
    Less,
    ToggleMute,
    /// `v`: spoken guidance off, names, full.
    CycleVoice,
    ToggleHelp,
    /// `q`: stop the routine (its summary shows), or quit what is showing.
    Quit,
    /// Ctrl-C: quit at once, whatever is showing.
    Interrupt,
    /// Esc: quit, or close what is open (help) first.
    Escape,
    /// Ctrl-Z.
    Suspend,
    /// Enter: start (picker) or start again (summary).
    Enter,
    /// `r`: start again (summary).
    Restart,
    /// Any other key (e.g. to dismiss the safety note).
    Other,
}

/// The player's reading of a key event; `None` for anything but a press.
pub fn key(event: &KeyEvent) -> Option<Key> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(match event.code {
        KeyCode::Char('c') if ctrl => Key::Interrupt,
        KeyCode::Char('z') if ctrl => Key::Suspend,
        _ if ctrl => Key::Other,
        KeyCode::Char(' ') => Key::TogglePause,
        KeyCode::Char('n' | 'N') | KeyCode::Right => Key::Next,
        KeyCode::Char('b' | 'B') | KeyCode::Left => Key::Back,
        // `=` shares the key with `+` on most layouts; taking it saves a Shift.
        KeyCode::Char('+' | '=') => Key::More,
        KeyCode::Char('-') => Key::Less,
        KeyCode::Char('m' | 'M') => Key::ToggleMute,
        KeyCode::Char('v' | 'V') => Key::CycleVoice,
        KeyCode::Char('?') => Key::ToggleHelp,
        KeyCode::Char('q' | 'Q') => Key::Quit,
        KeyCode::Esc => Key::Escape,
        KeyCode::Enter => Key::Enter,
        KeyCode::Char('r' | 'R') => Key::Restart,
        // A lone Shift or Ctrl, reported by some terminals, is not a key anyone "pressed".
        KeyCode::Modifier(_) => return None,
        _ => Key::Other,
    })
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyEventState;

    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn the_contract_keys_map_to_their_actions() {
        let cases = [
            (press(KeyCode::Char(' ')), Key::TogglePause),
            (press(KeyCode::Char('n')), Key::Next),
            (press(KeyCode::Right), Key::Next),
            (press(KeyCode::Char('b')), Key::Back),
            (press(KeyCode::Left), Key::Back),
            (press(KeyCode::Char('+')), Key::More),
            (press(KeyCode::Char('-')), Key::Less),
            (press(KeyCode::Char('m')), Key::ToggleMute),
            (press(KeyCode::Char('v')), Key::CycleVoice),
            (press(KeyCode::Char('?')), Key::ToggleHelp),
            (press(KeyCode::Char('q')), Key::Quit),
            (press(KeyCode::Esc), Key::Escape),
            (ctrl('c'), Key::Interrupt),
            (ctrl('z'), Key::Suspend),
        ];
        for (event, expected) in cases {
            assert_eq!(key(&event), Some(expected), "{event:?}");
        }
    }

    #[test]
    fn a_shifted_plus_is_still_plus() {
        let event = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(key(&event), Some(Key::More));
    }

    #[test]
    fn releases_and_repeats_are_ignored() {
        for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
            let event = KeyEvent::new_with_kind_and_state(
                KeyCode::Char(' '),
                KeyModifiers::NONE,
                kind,
                KeyEventState::NONE,
            );
            assert_eq!(key(&event), None);
        }
    }

    #[test]
    fn other_keys_are_just_keys() {
        assert_eq!(key(&press(KeyCode::Char('x'))), Some(Key::Other));
        assert_eq!(key(&ctrl('n')), Some(Key::Other));
        assert_eq!(key(&press(KeyCode::Enter)), Some(Key::Enter));
    }
}
