//! Input that outlives one loop: standard input read once, handed to the waiting loop and
//! to each break's routine in turn.

use std::io::BufRead;
use std::sync::{Arc, Mutex};

use tokio::sync::mpsc;

use crate::runtime::{Input, Inputs};

/// The current receiver's sender; a new loop takes over with [`Switch::inputs`].
#[derive(Clone)]
pub struct Switch {
    current: Arc<Mutex<mpsc::Sender<Input>>>,
}

impl Default for Switch {
    fn default() -> Self {
        let (sender, _) = mpsc::channel(1);
        Switch {
            current: Arc::new(Mutex::new(sender)),
        }
    }
}

impl Switch {
    /// A fresh channel: input goes there from now on.
    pub fn inputs(&self) -> Inputs {
        let (sender, inputs) = Inputs::channel();
        if let Ok(mut current) = self.current.lock() {
            *current = sender;
        }
        inputs
    }

    /// Sends to whichever loop has the input now; a loop that has ended loses it.
    pub async fn send(&self, input: Input) {
        let sender = self.current.lock().ok().map(|sender| sender.clone());
        if let Some(sender) = sender {
            let _ = sender.send(input).await;
        }
    }

    fn blocking_send(&self, input: Input) {
        let sender = self.current.lock().ok().map(|sender| sender.clone());
        if let Some(sender) = sender {
            let _ = sender.blocking_send(input);
        }
    }

    /// Reads standard input on a plain thread (a thread stuck in `read` must not keep the
    /// runtime from shutting down). End of input changes nothing: the day goes on, since
    /// the switch itself keeps a sender and so no channel ever closes.
    pub fn read_stdin(&self) {
        let switch = self.clone();
        std::thread::spawn(move || {
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                switch.blocking_send(Input::Line(line));
            }
        });
    }
}
