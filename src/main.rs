//! supple's entry point: parse the command line, hand over, map failures to exit codes.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use supple::cli::{self, Cli, Command, Failure};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    let result = match &cli.command {
        Some(Command::List) => cli::list(&mut stdout),
        Some(Command::Show { routine }) => cli::show(routine, &mut stdout),
        Some(Command::Validate { files }) => cli::validate(files, &mut stdout),
        Some(Command::ExportAudio {
            routine,
            file,
            volume,
        }) => cli::export_audio(routine, file, *volume),
        Some(Command::Breathe(args)) => {
            drop(stdout);
            cli::breathe(args)
        }
        Some(Command::Breaks(args)) => {
            drop(stdout);
            cli::breaks(args)
        }
        Some(Command::Run(args)) => {
            drop(stdout);
            supple::play::run(args).map(|_| ())
        }
        // The picker needs a terminal; piped, `supple` lists the routines instead.
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            drop(stdout);
            supple::play::pick().map(|_| ())
        }
        None => cli::list(&mut stdout),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let _ = std::io::stdout().flush();
            report(&failure);
            ExitCode::from(failure.exit_code() as u8)
        }
    }
}

fn report(failure: &Failure) {
    match failure {
        // Problems already name their file, line and column.
        Failure::Invalid(_) => eprintln!("{failure}"),
        Failure::Usage(message) => eprintln!("supple: {message}"),
        Failure::Other(error) => eprintln!("supple: {error:#}"),
    }
}
