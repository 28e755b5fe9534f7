//! What `check` and `score` share: the options of a report (configuration file, language,
//! colour, Excel mode, output file) and the walk over the inputs, where one unreadable file is
//! an error line and the others are still done.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::batch::Tally;
use crate::human::Lang;
use crate::input::{self, Input, ReadArgs};
use crate::output::Output;
use crate::{Failure, report};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
pub struct ReportArgs {
    /// Read settings from this file instead of the nearest jixiao.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any jixiao.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Language of messages and suggestions in human output.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: Lang,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
    /// CSV in Excel mode (a BOM, formulas neutralised).
    #[arg(long)]
    pub bom: bool,
    /// Do not report unplaced content on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Write to this file instead of standard output (`-`: standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

impl ReportArgs {
    /// jixiao.toml: the one named, or the nearest, or none.
    pub fn config(&self) -> Result<crate::config::ConfigFile, Failure> {
        crate::config::load(self.config.as_deref(), !self.no_config)
    }

    /// Colour only on a terminal (and not with NO_COLOR), unless asked.
    pub fn color(&self) -> bool {
        match self.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => self.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }
}

/// Reads every input named (directories walked), runs `work` on each readable one on the
/// reading threads (the review, the scoring), and hands each result to `each` in input order,
/// to be written as it comes; returns the batch's tally (inputs, documents, tables,
/// indicators, failures).
pub fn each_input<P: Send>(
    files: &[PathBuf],
    args: &ReportArgs,
    keep_source: bool,
    work: impl Fn(&Input) -> P + Sync,
    mut each: impl FnMut(P) -> Result<(), Failure>,
) -> Result<Tally, Failure> {
    let options = args.read.options()?;
    let files = input::expand(files)?;
    let work = |input: Input| {
        let warnings = if args.quiet { Vec::new() } else { input::note_warnings(&input) };
        (warnings, work(&input))
    };
    let tally = crate::batch::read_all(&files, &options, keep_source, crate::batch::jobs(args.read.jobs), work, |result| match result {
        Ok((warnings, done)) => {
            warnings.iter().for_each(|w| report(w));
            each(done)
        }
        Err(Failure(message)) => {
            report(&format!("jixiao: {message}"));
            Ok(())
        }
    })?;
    Ok(tally)
}

/// Ends a report: `last` written (the human summary, or the JSON object of every input), the
/// output flushed, the batch's one line on stderr for machine output (as parse ends one; human
/// output has its summary), and the exit code.
pub fn finish(mut out: Output, last: Option<String>, tally: &Tally, args: &ReportArgs, human: bool, errors: bool, verb: &str) -> Result<u8, Failure> {
    if let Some(last) = last {
        out.text(&last)?;
    }
    out.finish()?;
    if !human && tally.files > 1 && !args.quiet {
        report(&tally.line());
    }
    Ok(exit_code(tally.files, tally.failed, errors, verb))
}

/// The exit code: 2 when an input could not be read, 1 when an error-level finding remains.
fn exit_code(total: usize, failed: usize, errors: bool, verb: &str) -> u8 {
    if failed > 0 {
        report(&format!("jixiao: {failed} of {total} inputs could not be read (the others were {verb})"));
        return 2;
    }
    if errors { 1 } else { 0 }
}
