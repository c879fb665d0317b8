//! Input that outlives one loop: standard input read once, handed to the waiting loop and
//! to each break's routine in turn. No line is lost on the way: what arrives while no loop
//! listens (before the first, between a routine and the waiting after it), and what a loop
//! did not read before it handed the input back, goes to the next loop first.

use std::collections::VecDeque;
use std::io::BufRead;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::mpsc;

use crate::runtime::{Input, Inputs};

/// Where input goes: the loop that has it now, or the queue for the next.
#[derive(Clone, Default)]
pub struct Switch {
    hub: Arc<Mutex<Hub>>,
}

#[derive(Default)]
struct Hub {
    /// The sender of the loop that has the input, while one has it.
    current: Option<mpsc::Sender<Input>>,
    /// What no loop has had yet, oldest first.
    waiting: VecDeque<Input>,
}

/// A sender to try, and what to send on it.
type Route = Option<(mpsc::Sender<Input>, Input)>;

impl Switch {
    /// A fresh channel for the loop that takes the input over, with what is waiting in it.
    pub fn inputs(&self) -> Inputs {
        let mut hub = self.hub();
        let (sender, inputs) = Inputs::with_room(hub.waiting.len());
        for input in hub.waiting.drain(..) {
            // There is room for every one of them.
            let _ = sender.try_send(input);
        }
        hub.current = Some(sender);
        inputs
    }

    /// The loop that has the input stops listening: what it did not read waits for the
    /// next, ahead of anything that comes meanwhile.
    pub fn give_back(&self, mut inputs: Inputs) {
        let mut hub = self.hub();
        hub.current = None;
        inputs.receiver.close();
        let mut unread = VecDeque::new();
        while let Ok(input) = inputs.receiver.try_recv() {
            unread.push_back(input);
        }
        unread.append(&mut hub.waiting);
        hub.waiting = unread;
    }

    /// Sends to the loop that has the input, or keeps it for the next.
    pub async fn send(&self, input: Input) {
        let mut route = self.route(input, None);
        while let Some((sender, input)) = route {
            route = sender
                .send(input)
                .await
                .err()
                .and_then(|lost| self.route(lost.0, Some(&sender)));
        }
    }

    fn blocking_send(&self, input: Input) {
        let mut route = self.route(input, None);
        while let Some((sender, input)) = route {
            route = sender
                .blocking_send(input)
                .err()
                .and_then(|lost| self.route(lost.0, Some(&sender)));
        }
    }

    /// The current loop's sender, or `None` once `input` is queued for the next loop.
    /// `ended` is a sender whose loop ended without handing the input back: if it is
    /// still current, it is current no longer.
    fn route(&self, input: Input, ended: Option<&mpsc::Sender<Input>>) -> Route {
        let mut hub = self.hub();
        if let (Some(current), Some(ended)) = (&hub.current, ended)
            && current.same_channel(ended)
        {
            hub.current = None;
        }
        match &hub.current {
            Some(sender) => Some((sender.clone(), input)),
            None => {
                hub.waiting.push_back(input);
                None
            }
        }
    }

    fn hub(&self) -> MutexGuard<'_, Hub> {
        // Nothing panics while holding it, and a queue of lines is whole at every step.
        self.hub.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads standard input on a plain thread (a thread stuck in `read` must not keep the
    /// runtime from shutting down). End of input changes nothing: the day goes on, since
    /// the channel a loop reads is never closed by the reader.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Input {
        Input::Line(text.into())
    }

    fn lines(inputs: &mut Inputs) -> Vec<String> {
        std::iter::from_fn(|| match inputs.receiver.try_recv() {
            Ok(Input::Line(line)) => Some(line),
            _ => None,
        })
        .collect()
    }

    #[test]
    fn lines_read_before_any_loop_listens_go_to_the_first() {
        // Piped input is read at once, often before the waiting loop has started.
        let switch = Switch::default();
        for word in ["snooze", "quit"] {
            switch.blocking_send(line(word));
        }
        assert_eq!(lines(&mut switch.inputs()), ["snooze", "quit"]);
    }

    #[test]
    fn what_a_loop_did_not_read_goes_to_the_next_in_order() {
        // "start" then "quit" at once: the waiting loop reads the first and hands over.
        let switch = Switch::default();
        let mut waiting = switch.inputs();
        for word in ["start", "quit"] {
            switch.blocking_send(line(word));
        }
        assert!(matches!(waiting.receiver.try_recv(), Ok(Input::Line(word)) if word == "start"));
        switch.give_back(waiting);
        switch.blocking_send(line("next"));
        assert_eq!(lines(&mut switch.inputs()), ["quit", "next"]);
    }

    #[test]
    fn a_line_for_a_loop_that_ended_goes_to_the_next() {
        let switch = Switch::default();
        drop(switch.inputs());
        switch.blocking_send(line("quit"));
        assert_eq!(lines(&mut switch.inputs()), ["quit"]);
    }

    #[test]
    fn more_lines_than_a_channel_holds_all_reach_the_next_loop() {
        let switch = Switch::default();
        let words: Vec<String> = (0..200).map(|n| n.to_string()).collect();
        for word in &words {
            switch.blocking_send(line(word));
        }
        assert_eq!(lines(&mut switch.inputs()), words);
    }
}
