//! The terminal while the full screen is up: alternate screen, raw mode, hidden cursor, and
//! every way of giving it back exactly as it was: on drop, on panic, for Ctrl-Z.

use std::cell::{Cell, RefCell};
use std::io::{self, BufWriter, Stdout, Write, stdout};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once};

use crossterm::event::{Event, EventStream, KeyCode, KeyEvent, KeyModifiers};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use futures::StreamExt;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell as BufferCell;
use ratatui::layout::{Position, Size};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::runtime::{Input, Inputs};

mod cells;
mod hangup;

pub use hangup::gone;

/// Whether the terminal is in our modes now. One flag for the whole process, because the
/// panic hook and a suspend must know without holding the guard.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The terminal in full-screen modes; gives it back when dropped.
#[must_use = "the terminal is given back when the guard is dropped"]
pub struct Guard(());

/// Takes the terminal over: raw mode, alternate screen, hidden cursor. Also installs the
/// panic hook that gives it back before the panic message is printed.
pub fn enter() -> io::Result<Guard> {
    install_panic_hook();
    take()?;
    Ok(Guard(()))
}

impl Guard {
    /// Gives the terminal back now, reporting any failure (dropping does it silently).
    pub fn leave(self) -> io::Result<()> {
        restore()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = restore();
    }
}

fn take() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let entered = execute!(stdout(), EnterAlternateScreen, cursor::Hide);
    if entered.is_err() {
        let _ = restore();
    }
    entered
}

/// Gives the terminal back if we hold it: cursor shown, main screen, the modes it had
/// before raw mode. Safe to call any number of times, from anywhere.
pub fn restore() -> io::Result<()> {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    // Raw mode first: if the screen commands fail (a closed terminal), the modes still
    // come back.
    let raw = terminal::disable_raw_mode();
    let screen = execute!(stdout(), cursor::Show, LeaveAlternateScreen);
    let _ = stdout().flush();
    raw.and(screen)
}

/// Ctrl-Z: gives the terminal back, stops the process the way the shell expects, and when
/// `fg` continues it, takes the terminal again. The caller redraws everything.
pub fn suspend() -> io::Result<()> {
    restore()?;
    // SAFETY: raising a signal has no memory-safety preconditions. SIGSTOP stops the process
    // here (SIGTSTP would not: the key reader catches it); `raise` returns once SIGCONT
    // continues it, and the shell sees a stopped job either way.
    unsafe {
        libc::raise(libc::SIGSTOP);
    }
    // The window may have changed size while we were stopped.
    RESIZED.store(true, Ordering::SeqCst);
    take()
}

/// Restores the terminal, then runs the previous hook (which prints the message), so the
/// message lands on the normal screen and stays readable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = restore();
            previous(info);
        }));
    });
}

/// Set by the key reader when the terminal says it was resized; `SizedBackend` asks for the
/// size again only then.
static RESIZED: AtomicBool = AtomicBool::new(true);

/// crossterm's backend for ratatui, with the terminal's size remembered. ratatui asks for
/// the size before every frame, and each answer costs opening `/dev/tty`: that was a sixth
/// of the CPU a breathing pacer used. The size is asked again after a resize (or a suspend).
///
/// A frame is gathered in a buffer of our own and written in one go when ratatui flushes:
/// crossterm writes every cell's commands separately, and through `Stdout` each write takes
/// its lock and is searched for a newline, a third of what moving the pacer cost. The
/// buffer goes to standard output's descriptor itself (see `Descriptor`).
pub struct SizedBackend {
    inner: CrosstermBackend<Frame>,
    /// The same buffer as `inner`'s, for cells written without crossterm's formatting.
    frame: Frame,
    size: Cell<Option<Size>>,
}

/// The frame's buffer, shared by crossterm's backend (the cursor, clearing) and the cells
/// (see `cells`), so that what both write leaves in order.
#[derive(Clone)]
struct Frame(Rc<RefCell<BufWriter<Descriptor>>>);

/// Standard output's file descriptor, written to directly. The frame's buffer already
/// gathers a frame into one write; through `Stdout` that write also took its lock, was
/// searched for a newline and copied into its line buffer before leaving.
struct Descriptor(Stdout);

impl Write for Descriptor {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        Ok(rustix::io::write(&self.0, bytes)?)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Write for Frame {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().write(bytes)
    }
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.borrow_mut().write_all(bytes)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.borrow_mut().flush()
    }
}

/// Room for a whole frame of a large screen, so a frame leaves in one write.
const FRAME_BYTES: usize = 64 * 1024;

impl SizedBackend {
    pub fn new() -> SizedBackend {
        RESIZED.store(true, Ordering::SeqCst);
        // Whatever `Stdout` still holds goes before the first frame.
        let _ = stdout().flush();
        let frame = Frame(Rc::new(RefCell::new(BufWriter::with_capacity(
            FRAME_BYTES,
            Descriptor(stdout()),
        ))));
        SizedBackend {
            inner: CrosstermBackend::new(frame.clone()),
            frame,
            size: Cell::new(None),
        }
    }
}

impl Default for SizedBackend {
    fn default() -> Self {
        SizedBackend::new()
    }
}

impl Backend for SizedBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a BufferCell)>,
    {
        let mut frame = self.frame.0.borrow_mut();
        cells::draw(&mut *frame, content)
    }
    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> io::Result<Size> {
        match self.size.get() {
            Some(size) if !RESIZED.swap(false, Ordering::SeqCst) => Ok(size),
            _ => {
                let size = self.inner.size()?;
                self.size.set(Some(size));
                Ok(size)
            }
        }
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// Keys and resizes from the terminal, for one loop after another (the picker, then a
/// routine, then the picker again). A single reader serves them all: crossterm's reader
/// is process-wide, and a second one started while the first is still blocked in a read
/// would wait for it forever.
pub struct Keys {
    current: Arc<Mutex<mpsc::Sender<Input>>>,
    reader: JoinHandle<()>,
}

impl Keys {
    /// Starts reading. Call from inside the tokio runtime.
    pub fn start() -> Keys {
        let (sender, _) = mpsc::channel(1);
        let current = Arc::new(Mutex::new(sender));
        let target = Arc::clone(&current);
        // tokio's SIGHUP handler, installed now and kept for the whole process, so the
        // hangup the watcher raises is never the default one that kills the process.
        let hangup = signal(SignalKind::hangup()).ok();
        let dropped = Arc::clone(&current);
        hangup::watch(move || {
            // The loop waiting for keys sees its input end, even before the SIGHUP lands.
            if let Ok(mut current) = dropped.lock() {
                *current = mpsc::channel(1).0;
            }
        });
        let reader = tokio::spawn(async move {
            let _hangup = hangup;
            let mut events = EventStream::new();
            // A SIGTSTP from outside (`kill -TSTP`, not Ctrl-Z, which raw mode turns into a
            // key) is handled as Ctrl-Z, so the terminal is given back before stopping.
            let mut stop = signal(SignalKind::from_raw(libc::SIGTSTP)).ok();
            loop {
                let event = tokio::select! {
                    event = events.next() => event,
                    Some(()) = async { stop.as_mut()?.recv().await } => {
                        Some(Ok(Event::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL))))
                    }
                };
                let Some(event) = event else { break };
                let input = match event {
                    Ok(Event::Key(key)) => Input::Key(key),
                    Ok(Event::Resize(width, height)) => {
                        RESIZED.store(true, Ordering::SeqCst);
                        Input::Resize(width, height)
                    }
                    Ok(_) => continue,
                    // The terminal is gone: a hangup signal or a failed draw ends the run.
                    Err(_) => break,
                };
                let sender = target.lock().ok().map(|sender| sender.clone());
                if let Some(sender) = sender {
                    // A loop that has ended drops its receiver; the key goes nowhere.
                    let _ = sender.send(input).await;
                }
            }
        });
        Keys { current, reader }
    }

    /// A fresh channel for the next loop: input goes there from now on.
    pub fn inputs(&self) -> Inputs {
        let (sender, inputs) = Inputs::channel();
        if let Ok(mut current) = self.current.lock() {
            // After a hangup no key comes again: the input ends at once. Checked under the
            // lock the watcher takes after marking the terminal gone, so no sender slips by.
            if !gone() {
                *current = sender;
            }
        }
        inputs
    }
}

impl Drop for Keys {
    fn drop(&mut self) {
        self.reader.abort();
    }
}
