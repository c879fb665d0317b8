//! supple's entry point: parse the command line, hand over, map failures to exit codes.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use supple::cli::{self, Cli, Command, Failure};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return cli::usage_error(error),
    };
    let mut stdout = std::io::stdout().lock();
    let result = match &cli.command {
        Some(Command::List { long }) => cli::list(*long, &mut stdout),
        Some(Command::Show { routine }) => cli::show(routine, &mut stdout),
        Some(Command::Validate { files }) => cli::validate(files, &mut stdout),
        Some(Command::ExportAudio {
            routine,
            file,
            volume,
            voice,
        }) => cli::export_audio(routine, file, *volume, *voice, &mut stdout),
        Some(Command::New { name, from }) => cli::new(name, from.as_deref(), &mut stdout),
        Some(Command::Edit { name }) => {
            drop(stdout);
            cli::edit(name, &mut std::io::stdin().lock())
        }
        Some(Command::Schema) => cli::schema(&mut stdout),
        Some(Command::Completions { shell }) => cli::completions(*shell, &mut stdout),
        Some(Command::Man) => cli::man(&mut stdout),
        Some(Command::RoutineNames) => cli::routine_names(&mut stdout),
        Some(Command::History(args)) => cli::history(args, &mut stdout),
        Some(Command::Stats(args)) => cli::stats(args, &mut stdout),
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
        None => cli::list(false, &mut stdout),
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

/// Prints the failure on standard error; if that is gone too (a closed terminal), there is
/// no one left to tell, and `eprintln!` would panic.
fn report(failure: &Failure) {
    let mut stderr = std::io::stderr();
    let _ = match failure {
        // Problems already name their file, line and column.
        Failure::Invalid(_) => writeln!(stderr, "{failure}"),
        Failure::Usage(message) => writeln!(stderr, "supple: {message}"),
        Failure::Other(error) => writeln!(stderr, "supple: {error:#}"),
    };
}
