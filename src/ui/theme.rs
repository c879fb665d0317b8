//! Colours and emphasis. Every phase has a colour of its own among its neighbours; without
//! colour (`NO_COLOR`) the screen leans on words, bold and reverse video, which are not colours.
//!
//! Why these colours. A terminal's sixteen colours are whatever its theme makes them: the
//! bright ones are near twins of the normal ones in xterm, GNOME/VTE (Tango), Windows
//! Terminal (Campbell) and macOS Terminal, and Solarized turns most of them into greys (its
//! bright black is its own background). Normal blue is dark on black in xterm (#0000ee),
//! Campbell (#0037da) and macOS (#0000b2); yellow, green and cyan are pale on white. So:
//!
//! - With 256 colours (nearly every terminal today; `TERM=*-256color` or `COLORTERM`), the
//!   phases take colours of the fixed 6×6×6 cube whose contrast is at least 3:1 against
//!   both black and white, so they read on dark and light themes alike.
//! - With sixteen, only the six normal colours are used, never the bright ones and never
//!   blue for digits or words; rest, the quietest phase, is the terminal's own text colour.
//! - Small text is never in a phase colour: names, cues and notices are the terminal's own
//!   colour, in bold or faint, so they read whatever the theme.
//!
//! Neighbours (phases that can follow each other) always differ: prepare → hold/inhale,
//! hold ↔ release, hold → switch/rest, rest → prepare, inhale → hold in → exhale → hold out.

use ratatui::style::{Color, Modifier, Style};

use crate::session::PhaseKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// The terminal has the 256-colour palette, whose cube is the same everywhere.
    pub extended: bool,
}

impl Theme {
    pub const COLOR: Theme = Theme {
        color: true,
        extended: true,
    };
    /// Only the sixteen colours of the terminal's theme.
    pub const BASIC: Theme = Theme {
        color: true,
        extended: false,
    };
    pub const PLAIN: Theme = Theme {
        color: false,
        extended: false,
    };

    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org); 256 colours when
    /// the terminal says it has them.
    pub fn from_env() -> Theme {
        let var = |name| std::env::var(name).unwrap_or_default();
        Theme::with_no_color(std::env::var_os("NO_COLOR").as_deref())
            .with_terminal(&var("TERM"), &var("COLORTERM"))
    }

    pub fn with_no_color(no_color: Option<&std::ffi::OsStr>) -> Theme {
        let color = no_color.is_none_or(|value| value.is_empty());
        Theme {
            color,
            extended: color,
        }
    }

    /// Whether the terminal, from `TERM` and `COLORTERM`, has more than sixteen colours.
    pub fn with_terminal(self, term: &str, colorterm: &str) -> Theme {
        let extended = term.contains("256")
            || term.contains("direct")
            || ["truecolor", "24bit"].contains(&colorterm);
        Theme {
            extended: self.color && extended,
            ..self
        }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    fn phase_color(&self, kind: PhaseKind) -> Option<Color> {
        if !self.color {
            None
        } else if self.extended {
            Some(Color::Indexed(extended_color(kind)))
        } else {
            basic_color(kind)
        }
    }

    /// The phase's own colour, for the digits, the pacer and the gauges.
    pub fn phase(&self, kind: PhaseKind) -> Style {
        self.phase_color(kind)
            .map_or(Style::new(), |color| Style::new().fg(color))
    }

    /// The phase word: a solid block of the phase's colour, or reverse video without one.
    pub fn badge(&self, kind: PhaseKind) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        match self.phase_color(kind) {
            Some(color) => style.fg(Color::Black).bg(color),
            None => style.add_modifier(Modifier::REVERSED),
        }
    }

    /// The big countdown and the pacer; faint while paused, so that nothing seems to run.
    /// Not bold: block glyphs get no thicker, and many terminals show bold in the bright
    /// twin of a colour, which is the pale one on a light background.
    pub fn big(&self, kind: PhaseKind, paused: bool) -> Style {
        if paused { self.dim() } else { self.phase(kind) }
    }

    /// The one PAUSED word: the terminal's own colours reversed, calm on any theme.
    pub fn paused(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text: a mid grey that reads on black and on white with 256 colours; else
    /// faint, since the sixteen-colour grey is Solarized's background.
    pub fn dim(&self) -> Style {
        if self.extended {
            Style::new().fg(Color::Indexed(GREY))
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn key(&self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.extended {
            style.fg(Color::Indexed(KEY))
        } else {
            style
        }
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn notice(&self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.extended {
            style.fg(Color::Indexed(extended_color(PhaseKind::Prepare)))
        } else {
            style
        }
    }
}

/// #808080: 5.3:1 on black, 3.9:1 on white.
const GREY: u8 = 244;
/// #0087af: 5.1:1 on black, 4.1:1 on white.
const KEY: u8 = 31;

/// Colours of the 256-colour cube, each at least 3:1 against black and against white (the
/// figures are contrast ratios on black / on white).
fn extended_color(kind: PhaseKind) -> u8 {
    match kind {
        PhaseKind::Prepare => 136, // #af8700 gold        6.3 / 3.3
        PhaseKind::Hold => 28,     // #008700 green       4.5 / 4.7
        PhaseKind::Release => 30,  // #008787 teal        4.8 / 4.4
        PhaseKind::Switch => 164,  // #d700d7 magenta     4.9 / 4.3
        PhaseKind::Rest => 68,     // #5f87d7 soft blue   5.9 / 3.5
        PhaseKind::Inhale => 31,   // #0087af sea blue    5.1 / 4.1
        PhaseKind::HoldIn => 98,   // #875fd7 violet      4.6 / 4.5
        PhaseKind::Exhale => 168,  // #d75f87 rose        5.9 / 3.6
        PhaseKind::HoldOut => 98,  // a held breath is violet either way; the words tell which
    }
}

/// The six normal colours of the terminal's theme; `None` is its own text colour.
fn basic_color(kind: PhaseKind) -> Option<Color> {
    Some(match kind {
        PhaseKind::Prepare => Color::Yellow,
        PhaseKind::Hold => Color::Green,
        PhaseKind::Release => Color::Cyan,
        PhaseKind::Switch => Color::Magenta,
        PhaseKind::Rest => return None,
        PhaseKind::Inhale => Color::Cyan,
        PhaseKind::HoldIn => Color::Magenta,
        PhaseKind::Exhale => Color::Green,
        PhaseKind::HoldOut => Color::Magenta,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::ffi::OsStr;

    use super::*;

    #[test]
    fn no_color_set_to_anything_turns_colour_off() {
        assert!(Theme::with_no_color(None).color);
        assert!(Theme::with_no_color(Some(OsStr::new(""))).color);
        assert!(!Theme::with_no_color(Some(OsStr::new("1"))).color);
    }

    /// Which phases can follow which in a plan (and a step after any other).
    const NEIGHBOURS: [(PhaseKind, PhaseKind); 14] = [
        (PhaseKind::Prepare, PhaseKind::Hold),
        (PhaseKind::Prepare, PhaseKind::Inhale),
        (PhaseKind::Hold, PhaseKind::Release),
        (PhaseKind::Hold, PhaseKind::Switch),
        (PhaseKind::Hold, PhaseKind::Rest),
        (PhaseKind::Hold, PhaseKind::Prepare),
        (PhaseKind::Rest, PhaseKind::Prepare),
        (PhaseKind::Inhale, PhaseKind::HoldIn),
        (PhaseKind::Inhale, PhaseKind::Exhale),
        (PhaseKind::HoldIn, PhaseKind::Exhale),
        (PhaseKind::Exhale, PhaseKind::HoldOut),
        (PhaseKind::HoldOut, PhaseKind::Inhale),
        (PhaseKind::HoldOut, PhaseKind::Prepare),
        (PhaseKind::Exhale, PhaseKind::Rest),
    ];

    #[test]
    fn every_phase_differs_from_its_neighbours_in_both_palettes() {
        for theme in [Theme::COLOR, Theme::BASIC] {
            for (a, b) in NEIGHBOURS {
                assert_ne!(theme.badge(a), theme.badge(b), "{a:?} {b:?} {theme:?}");
            }
            assert_ne!(
                theme.badge(PhaseKind::Exhale),
                theme.badge(PhaseKind::Prepare)
            );
        }
    }

    #[test]
    fn the_sixteen_colours_avoid_bright_twins_and_dark_blue() {
        for kind in PhaseKind::ALL {
            if let Some(color) = basic_color(kind) {
                assert!(
                    [Color::Yellow, Color::Green, Color::Cyan, Color::Magenta].contains(&color),
                    "{kind:?}"
                );
            }
        }
        let extended: HashSet<_> = PhaseKind::ALL
            .iter()
            .map(|kind| extended_color(*kind))
            .collect();
        assert!(extended.iter().all(|index| (16..232).contains(index)));
    }

    #[test]
    fn the_terminal_says_whether_it_has_256_colours() {
        let basic = Theme::with_no_color(None).with_terminal("xterm", "");
        assert!(basic.color && !basic.extended);
        assert!(Theme::BASIC.with_terminal("xterm-256color", "").extended);
        assert!(Theme::BASIC.with_terminal("screen", "truecolor").extended);
        assert!(!Theme::PLAIN.with_terminal("xterm-256color", "").extended);
    }

    #[test]
    fn without_colour_no_style_carries_a_colour() {
        let theme = Theme::PLAIN;
        for kind in PhaseKind::ALL {
            for style in [theme.phase(kind), theme.badge(kind), theme.big(kind, true)] {
                assert_eq!((style.fg, style.bg), (None, None), "{kind:?}");
            }
        }
        for style in [
            theme.paused(),
            theme.dim(),
            theme.key(),
            theme.error(),
            theme.notice(),
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
    }
}
