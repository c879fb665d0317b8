//! Saying a break is due outside the screen: the cue sound, the terminal bell and a tmux
//! message. Each one that is not there is skipped without a word.

use std::cell::RefCell;
use std::io::Write;
use std::process::{Command, Stdio};
use std::rc::Rc;

use crate::audio::{Cue, Speaker};

/// The sound of a break falling due; a reminder is the gentler tick.
pub const BREAK_CUE: Cue = Cue::Finished;
const REMINDER_CUE: Cue = Cue::Tick;

/// Something that tells the user a break is due.
pub trait Alert {
    /// `what` is the routine's title and length; `reminder` is 0 for the first signal.
    fn due(&mut self, what: &str, reminder: u32);
}

/// One speaker for the whole day: the due signal and every break's cues.
#[derive(Clone)]
pub struct SharedSpeaker(pub Rc<RefCell<Box<dyn Speaker>>>);

impl SharedSpeaker {
    pub fn new(speaker: Box<dyn Speaker>) -> SharedSpeaker {
        SharedSpeaker(Rc::new(RefCell::new(speaker)))
    }
}

impl Speaker for SharedSpeaker {
    fn play(&mut self, cue: Cue) {
        self.0.borrow_mut().play(cue);
    }
    fn set_muted(&mut self, muted: bool) {
        self.0.borrow_mut().set_muted(muted);
    }
    fn is_muted(&self) -> bool {
        self.0.borrow().is_muted()
    }
    fn ringing(&self) -> std::time::Duration {
        self.0.borrow().ringing()
    }
    fn say(&mut self, samples: &std::sync::Arc<[f32]>, after: std::time::Duration) {
        self.0.borrow_mut().say(samples, after);
    }
    fn hush(&mut self) {
        self.0.borrow_mut().hush();
    }
}

/// Where the terminal bell goes: never into `--json` or `--plain` output on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bell {
    Stdout,
    Stderr,
    None,
}

/// The real signals of a due break.
pub struct Signals {
    pub speaker: SharedSpeaker,
    pub bell: Bell,
    /// Inside tmux (`$TMUX` set): a message on its status line.
    pub tmux: bool,
    pub desktop: Option<super::desktop::Desktop>,
}

impl Alert for Signals {
    fn due(&mut self, what: &str, reminder: u32) {
        let first = reminder == 0;
        self.speaker
            .play(if first { BREAK_CUE } else { REMINDER_CUE });
        if first {
            ring(self.bell);
        }
        let text = if first {
            format!("Time to move: {what}")
        } else {
            format!("Still time to move: {what}")
        };
        if self.tmux {
            tmux_message(&text);
        }
        if let (Some(desktop), true) = (&self.desktop, first) {
            desktop.notify(&text);
        }
    }
}

fn ring(bell: Bell) {
    // A failed bell is no news: the screen says it too.
    let _ = match bell {
        Bell::Stdout => std::io::stdout()
            .write_all(b"\x07")
            .and_then(|()| std::io::stdout().flush()),
        Bell::Stderr => std::io::stderr().write_all(b"\x07"),
        Bell::None => Ok(()),
    };
}

/// `tmux display-message`, reaped on its own thread so it never holds up the loop.
fn tmux_message(text: &str) {
    // tmux expands `#{…}` formats in the message; `##` is a literal `#`.
    let text = crate::format::printable(text).replace('#', "##");
    let child = Command::new("tmux")
        .args(["display-message", "-d", "10000", &text])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    if let Ok(mut child) = child {
        std::thread::spawn(move || child.wait());
    }
}

/// For tests: what would have been signalled.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recorded(pub Vec<(String, u32)>);

impl Alert for Recorded {
    fn due(&mut self, what: &str, reminder: u32) {
        self.0.push((what.to_string(), reminder));
    }
}
