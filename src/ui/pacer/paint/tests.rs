use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::super::Pacer;
use super::*;

const PACER: Rect = Rect::new(22, 2, 16, 8);
const STYLE: Style = Style::new().fg(Color::Cyan);

/// A full screen: a line of `text` in every row, and the pacer at `level` in `pacer`.
fn frame(buf: &mut Buffer, text: &str, pacer: Option<(Rect, f64)>) {
    for y in 0..buf.area.height {
        Line::raw(text.repeat(10)).render(Rect::new(0, y, buf.area.width, 1), buf);
    }
    if let Some((area, level)) = pacer {
        Pacer {
            level,
            style: STYLE,
        }
        .render(area, buf);
    }
}

/// What that full screen looks like, rendered from nothing.
fn expected(text: &str, pacer: Option<(Rect, f64)>) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, 40, 12));
    frame(&mut buf, text, pacer);
    buf
}

struct Screen {
    terminal: Terminal<TestBackend>,
    painter: Painter,
}

impl Screen {
    fn new() -> Screen {
        Screen {
            terminal: Terminal::new(TestBackend::new(40, 12)).unwrap(),
            painter: Painter::default(),
        }
    }

    /// A full frame through ratatui, the pacer free to move alone if `movable`.
    fn full(&mut self, text: &str, pacer: Option<(Rect, f64)>, movable: bool) {
        let painter = &mut self.painter;
        let mut fixes = Vec::new();
        self.terminal
            .draw(|f| {
                frame(f.buffer_mut(), text, pacer);
                let spot = pacer.map(|(area, level)| (area, STYLE, level));
                let mut places = Vec::new();
                painter.framed(spot.filter(|_| movable), &mut places);
                let buf = f.buffer_mut();
                fixes = places
                    .into_iter()
                    .map(|at| (at.x, at.y, buf[at].clone()))
                    .collect();
            })
            .unwrap();
        self.write(&fixes);
    }

    /// A frame in which only the pacer moves; false if the painter wants a full one.
    fn pacer_only(&mut self, level: f64) -> bool {
        match self.painter.moved(Form::of(PACER), level) {
            Some(cells) => {
                self.write(&cells);
                true
            }
            None => false,
        }
    }

    fn write(&mut self, cells: &[Write]) {
        let backend = self.terminal.backend_mut();
        backend
            .draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell)))
            .unwrap();
    }

    fn shows(&self) -> &Buffer {
        self.terminal.backend().buffer()
    }
}

#[test]
fn a_pacer_moved_alone_shows_what_a_full_frame_would() {
    let mut screen = Screen::new();
    screen.full("ab", Some((PACER, 0.2)), true);
    for level in [0.3, 0.45, 0.6, 0.9, 1.0, 0.7, 0.1] {
        assert!(screen.pacer_only(level));
        assert_eq!(
            screen.shows(),
            &expected("ab", Some((PACER, level))),
            "at {level}"
        );
    }
}

#[test]
fn a_pacer_moved_alone_writes_only_its_edge() {
    let mut painter = Painter::default();
    let mut buf = Buffer::empty(Rect::new(0, 0, 40, 12));
    frame(&mut buf, "ab", Some((PACER, 0.50)));
    painter.framed(Some((PACER, STYLE, 0.50)), &mut Vec::new());
    let cells = painter.moved(Form::of(PACER), 0.52).unwrap();
    assert!(
        !cells.is_empty() && cells.len() <= 12,
        "{} cells",
        cells.len()
    );
    assert!(
        cells
            .iter()
            .all(|(x, y, _)| PACER.contains((*x, *y).into()))
    );
}

#[test]
fn the_full_frame_after_puts_right_what_ratatui_did_not_see() {
    let mut screen = Screen::new();
    screen.full("ab", Some((PACER, 0.9)), true);
    assert!(screen.pacer_only(0.2));
    // ratatui still thinks the disc is at 0.9; the next frame has it there again, and the
    // cells between 0.2 and 0.9 must be written although ratatui sees no change.
    screen.full("ab", Some((PACER, 0.9)), true);
    assert_eq!(screen.shows(), &expected("ab", Some((PACER, 0.9))));
    // The same when the pacer goes away (a hold after the breath) and text takes its place.
    assert!(screen.pacer_only(0.1));
    screen.full("ab", None, true);
    assert_eq!(screen.shows(), &expected("ab", None));
    assert!(!screen.pacer_only(0.5), "no pacer, no moving it alone");
}

#[test]
fn a_pacer_under_something_else_never_moves_alone() {
    let mut screen = Screen::new();
    screen.full("ab", Some((PACER, 0.5)), false);
    assert!(!screen.pacer_only(0.6));
    screen.full("cd", Some((PACER, 0.6)), true);
    assert_eq!(screen.shows(), &expected("cd", Some((PACER, 0.6))));
}

#[test]
fn a_bar_moves_alone_too() {
    let bar = Rect::new(2, 5, 30, 1);
    let mut screen = Screen::new();
    screen.full("ab", Some((bar, 0.3)), true);
    let moved = screen.painter.moved(Form::of(bar), 0.8).unwrap();
    screen.write(&moved);
    assert_eq!(screen.shows(), &expected("ab", Some((bar, 0.8))));
}
