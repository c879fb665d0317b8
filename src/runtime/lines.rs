//! Standard input as commands for `--plain` and `--json`: one word per line.

use std::io::BufRead;

use tokio::sync::mpsc;

use super::Input;
use crate::session::Command;

/// A line's command, or why it is not one.
pub fn parse_command(line: &str) -> Result<Option<Command>, String> {
    let word = line.trim();
    match word.to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "pause" => Ok(Some(Command::Pause)),
        "resume" => Ok(Some(Command::Resume)),
        "next" => Ok(Some(Command::Next)),
        "back" => Ok(Some(Command::Back)),
        "quit" => Ok(Some(Command::Quit)),
        _ => Err(format!(
            "unknown command {word:?} on standard input (expected pause, resume, next, back or quit)"
        )),
    }
}

/// Reads standard input on a plain thread, not a tokio blocking task: a thread stuck in
/// `read` must not keep the runtime from shutting down when the routine ends.
pub fn spawn_stdin_reader(sender: mpsc::Sender<Input>) {
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            let Ok(line) = line else { break };
            if sender.blocking_send(Input::Line(line)).is_err() {
                break;
            }
        }
        // End of input changes nothing: the routine runs on.
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_words_are_commands_whatever_their_case_and_spacing() {
        assert_eq!(parse_command(" Pause \n"), Ok(Some(Command::Pause)));
        assert_eq!(parse_command("resume"), Ok(Some(Command::Resume)));
        assert_eq!(parse_command("NEXT"), Ok(Some(Command::Next)));
        assert_eq!(parse_command("back"), Ok(Some(Command::Back)));
        assert_eq!(parse_command("quit"), Ok(Some(Command::Quit)));
    }

    #[test]
    fn blank_lines_are_ignored_and_other_words_are_explained() {
        assert_eq!(parse_command("   "), Ok(None));
        let error = parse_command("skip").unwrap_err();
        assert!(error.contains("\"skip\""), "{error}");
        assert!(error.contains("expected pause, resume, next, back or quit"));
    }
}
