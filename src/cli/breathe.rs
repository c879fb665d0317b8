//! `supple breathe`: builds the breathing session and plays it like any routine.

use clap::Args;

use super::{Failure, Mode, PlayOptions};
use crate::breathe::{self, Length, MAX_CYCLES};

/// `supple breathe [PATTERN]`: a preset or seconds, a length, and every option of `run`.
#[derive(Debug, Args)]
#[command(after_help = breathe::presets::list())]
pub struct BreatheArgs {
    /// A preset (below), or seconds as IN-OUT, IN-HOLD-OUT or IN-HOLD-OUT-HOLD (e.g. 4-6,
    /// 4-7-8, 5.5-5.5). Default: belly.
    pub pattern: Option<String>,
    /// How many breaths (default: the preset's own length; 5 for a pattern of numbers).
    #[arg(long, value_name = "N", conflicts_with = "minutes",
          value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_CYCLES)))]
    pub cycles: Option<u32>,
    /// About how many minutes, rounded to whole breaths (decimals allowed, e.g. 2.5).
    #[arg(long, value_name = "M")]
    pub minutes: Option<f64>,
    #[command(flatten)]
    pub options: PlayOptions,
}

pub fn breathe(args: &BreatheArgs) -> Result<(), Failure> {
    let length = match (args.cycles, args.minutes) {
        (Some(cycles), _) => Length::Cycles(cycles),
        (None, Some(minutes)) => Length::Minutes(minutes),
        (None, None) => Length::Default,
    };
    let mut breathing = breathe::build(args.pattern.as_deref(), length)
        .map_err(|error| Failure::Usage(error.to_string()))?;
    if let Some(caution) = breathing.caution {
        if args.options.mode() == Mode::FullScreen {
            // The full screen hides what was printed before it: the caution leads the cue.
            if let Some(step) = breathing.routine.steps.first_mut() {
                let cue = step.cue.take().unwrap_or_default();
                step.cue = Some(format!("{caution} {cue}").trim_end().to_string());
            }
        } else {
            eprintln!("supple: {caution}");
        }
    }
    crate::play::play(&breathing.name, &breathing.routine, &args.options).map(|_| ())
}
