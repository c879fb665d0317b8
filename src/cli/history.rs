//! The commands about the practice log: `history` and `stats`.

use std::io::Write;

use clap::Args;

use super::Failure;
use crate::history::{History, Loaded, Record, report, stats};

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The records exactly as stored, one JSON object a line.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Every field as CSV, with a header, for a spreadsheet or a physiotherapist.
    #[arg(long)]
    pub csv: bool,
    /// Only sessions that started on this day or later (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<jiff::civil::Date>,
    /// Only sessions of this routine (its name, or its title in any case).
    #[arg(long, value_name = "NAME")]
    pub routine: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The statistics as one JSON object, for scripts.
    #[arg(long)]
    pub json: bool,
    /// How many weeks the heat map, the minutes and the stiffness trend cover.
    #[arg(long, value_name = "N", default_value = "8", value_parser = clap::value_parser!(u16).range(1..=520))]
    pub weeks: u16,
}

fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01"))
}

/// The history, with a warning on standard error for each line that could not be read.
fn load() -> Result<Vec<Record>, Failure> {
    let Some(history) = History::from_env() else {
        return Ok(Vec::new());
    };
    let loaded: Loaded = history.load().map_err(|error| {
        anyhow::anyhow!(
            "cannot read the history {}: {error}",
            crate::format::printable(&history.path().display().to_string())
        )
    })?;
    for warning in loaded.warnings(history.path()) {
        eprintln!("supple: {warning}");
    }
    Ok(loaded.records)
}

pub fn history(args: &HistoryArgs, out: &mut impl Write) -> Result<(), Failure> {
    let wanted = args.routine.as_deref().map(str::to_lowercase);
    let records: Vec<Record> = load()?
        .into_iter()
        .filter(|record| args.since.is_none_or(|since| record.day() >= since))
        .filter(|record| {
            wanted.as_deref().is_none_or(|wanted| {
                record.routine == wanted || record.title.to_lowercase() == wanted
            })
        })
        .collect();
    let text = if args.json {
        records
            .iter()
            .map(|record| record.to_line() + "\n")
            .collect()
    } else if args.csv {
        report::csv(&records)
    } else {
        report::table(&records)
    };
    write_out(out, &text)
}

pub fn stats(args: &StatsArgs, out: &mut impl Write) -> Result<(), Failure> {
    let records = load()?;
    let today = crate::ui::practice::today();
    let stats = stats::stats(&records, today, usize::from(args.weeks));
    let text = if args.json {
        serde_json::to_string(&stats).map_err(anyhow::Error::from)? + "\n"
    } else {
        let width = crossterm::terminal::size().map_or(80, |(width, _)| usize::from(width));
        report::stats_text(&stats, width)
    };
    write_out(out, &text)
}

/// Writes the whole text; a closed pipe (`| head`) is not an error.
fn write_out(out: &mut impl Write, text: &str) -> Result<(), Failure> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other.map_err(anyhow::Error::from)?),
    }
}
