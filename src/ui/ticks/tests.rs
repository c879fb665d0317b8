use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::*;

fn row(y: u16, text: &str) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, y, text.chars().count() as u16, 1));
    buf.set_string(0, y, text, Style::new());
    buf
}

fn screen(lines: &[&str]) -> Buffer {
    Buffer::with_lines(lines.iter().copied())
}

fn ticking(header: &str, digits: &str) -> Ticking {
    Ticking {
        parts: vec![row(0, header)],
        digits: Some(Digits {
            text: digits.into(),
            area: Rect::new(0, 1, 20, 3),
            style: Style::new(),
        }),
        turn: Vec::new(),
    }
}

/// The ticker's fixes after a full frame, as the cells the player then writes.
fn framed(ticker: &mut Ticker, frame: &Buffer, ticking: Option<Ticking>) -> Vec<Write> {
    let mut fixes = Vec::new();
    ticker.framed(frame, ticking, &mut fixes);
    fixes
        .into_iter()
        .map(|at| (at.x, at.y, frame[at].clone()))
        .collect()
}

fn apply(screen: &mut Buffer, writes: Vec<Write>) {
    for (x, y, cell) in writes {
        screen[(x, y)] = cell;
    }
}

#[test]
fn nothing_ticks_before_a_full_frame_placed_the_parts() {
    assert_eq!(Ticker::default().ticked(ticking("9:58", "9:58")), None);
}

#[test]
fn a_tick_writes_only_the_cells_that_changed() {
    let mut ticker = Ticker::default();
    let frame = screen(&["left 9:58           ", "", "", ""]);
    assert!(
        framed(
            &mut ticker,
            &frame,
            Some(ticking("left 9:58           ", "9"))
        )
        .is_empty()
    );
    let writes = ticker
        .ticked(ticking("left 9:57           ", "9"))
        .expect("the same parts");
    assert_eq!(writes.len(), 1);
    assert_eq!(
        (writes[0].0, writes[0].1, writes[0].2.symbol()),
        (8, 0, "7")
    );
}

#[test]
fn parts_that_moved_need_a_full_frame() {
    let mut ticker = Ticker::default();
    let frame = screen(&["left 9:58           ", "", "", ""]);
    framed(
        &mut ticker,
        &frame,
        Some(ticking("left 9:58           ", "9")),
    );
    let mut moved = ticking("left 9:57", "9");
    moved.parts[0].area.y = 2;
    assert_eq!(ticker.ticked(moved), None);
    assert_eq!(
        ticker.ticked(ticking("left 9:57           ", "10")),
        None,
        "wider digits"
    );
}

#[test]
fn the_next_full_frame_puts_right_what_ratatui_did_not_see_tick() {
    let mut ticker = Ticker::default();
    let first = screen(&["left 9:58           ", "", "", ""]);
    let mut shown = first.clone();
    framed(
        &mut ticker,
        &first,
        Some(ticking("left 9:58           ", "9")),
    );
    apply(
        &mut shown,
        ticker.ticked(ticking("left 9:57           ", "9")).unwrap(),
    );
    // A full frame that, where the tick wrote, looks like ratatui's last one: ratatui writes
    // nothing there, so the ticker must.
    let next = screen(&["left 9:58           ", "", "", ""]);
    let diff: Vec<Write> = first
        .diff(&next)
        .into_iter()
        .map(|(x, y, cell)| (x, y, cell.clone()))
        .collect();
    apply(&mut shown, diff);
    apply(&mut shown, framed(&mut ticker, &next, None));
    assert_eq!(shown, next);
    assert_eq!(
        ticker.ticked(ticking("left 9:56           ", "9")),
        None,
        "no parts now"
    );
}

#[test]
fn digits_in_another_colour_are_written_whole_and_put_right_whole_by_the_next_frame() {
    use ratatui::style::Color;
    let mut ticker = Ticker::default();
    let mut first = screen(&["left 9:58           ", "", "", ""]);
    let digits = crate::ui::digits::BigText {
        text: "9",
        style: Style::new(),
    };
    ratatui::widgets::Widget::render(digits, Rect::new(0, 1, 20, 3), &mut first);
    let mut shown = first.clone();
    framed(
        &mut ticker,
        &first,
        Some(ticking("left 9:58           ", "9")),
    );
    let mut recoloured = ticking("left 9:58           ", "9");
    let red = Style::new().fg(Color::Red);
    recoloured.digits.as_mut().unwrap().style = red;
    let writes = ticker.ticked(recoloured).expect("the same places");
    let (width, rows) = crate::ui::digits::size("9", 1).unwrap();
    assert_eq!(
        writes.len(),
        usize::from(width * rows),
        "every cell of the text"
    );
    assert!(writes.iter().all(|(_, _, cell)| cell.fg == Color::Red));
    apply(&mut shown, writes);
    // The next frame is in the first colour again, as ratatui last drew it: it writes
    // nothing there itself, so every recoloured cell must come from the ticker's fixes.
    apply(&mut shown, framed(&mut ticker, &first, None));
    assert_eq!(shown, first);
}
