//! Colours and emphasis. Every phase has its own colour; without colour (`NO_COLOR`) the
//! screen leans on words, bold and reverse video, which are not colours.

use ratatui::style::{Color, Modifier, Style};

use crate::session::PhaseKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub const COLOR: Theme = Theme { color: true };
    pub const PLAIN: Theme = Theme { color: false };

    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme::with_no_color(std::env::var_os("NO_COLOR").as_deref())
    }

    pub fn with_no_color(no_color: Option<&std::ffi::OsStr>) -> Theme {
        Theme {
            color: no_color.is_none_or(|value| value.is_empty()),
        }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// The phase's own colour.
    pub fn phase(&self, kind: PhaseKind) -> Style {
        self.fg(phase_color(kind))
    }

    /// The phase word: a solid block of the phase's colour, or reverse video without colour.
    pub fn badge(&self, kind: PhaseKind) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::Black).bg(phase_color(kind))
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
    }

    /// The big countdown and the pacer.
    pub fn big(&self, kind: PhaseKind, paused: bool) -> Style {
        if paused {
            self.dim()
        } else {
            self.phase(kind).add_modifier(Modifier::BOLD)
        }
    }

    pub fn paused(&self) -> Style {
        Style::new()
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
            .patch(self.fg(Color::Yellow))
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn notice(&self) -> Style {
        self.fg(Color::Yellow)
    }
}

fn phase_color(kind: PhaseKind) -> Color {
    match kind {
        PhaseKind::Prepare => Color::Yellow,
        PhaseKind::Hold => Color::Green,
        PhaseKind::Release => Color::LightGreen,
        PhaseKind::Switch => Color::Magenta,
        PhaseKind::Rest => Color::Blue,
        PhaseKind::Inhale => Color::Cyan,
        PhaseKind::HoldIn => Color::LightCyan,
        PhaseKind::Exhale => Color::LightBlue,
        PhaseKind::HoldOut => Color::LightMagenta,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::ffi::OsStr;

    use super::*;

    const ALL: [PhaseKind; 9] = [
        PhaseKind::Prepare,
        PhaseKind::Hold,
        PhaseKind::Release,
        PhaseKind::Switch,
        PhaseKind::Rest,
        PhaseKind::Inhale,
        PhaseKind::HoldIn,
        PhaseKind::Exhale,
        PhaseKind::HoldOut,
    ];

    #[test]
    fn no_color_set_to_anything_turns_colour_off() {
        assert!(Theme::with_no_color(None).color);
        assert!(Theme::with_no_color(Some(OsStr::new(""))).color);
        assert!(!Theme::with_no_color(Some(OsStr::new("1"))).color);
    }

    #[test]
    fn every_phase_has_its_own_colour() {
        let colours: HashSet<_> = ALL.iter().map(|kind| phase_color(*kind)).collect();
        assert_eq!(colours.len(), ALL.len());
    }

    #[test]
    fn without_colour_no_style_carries_a_colour() {
        let theme = Theme::PLAIN;
        for kind in ALL {
            for style in [theme.phase(kind), theme.badge(kind), theme.big(kind, false)] {
                assert_eq!((style.fg, style.bg), (None, None), "{kind:?}");
            }
        }
        for style in [theme.paused(), theme.dim(), theme.key(), theme.error()] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
    }
}
