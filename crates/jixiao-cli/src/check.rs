//! `jixiao check`: the review. Exit 1 when an error-level finding remains, 0 otherwise, 2
//! when an input could not be read (the others are still checked).

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{ArgMatches, ValueEnum};
use jixiao::review::{Level, RULES};
use jixiao::{Finding, ReviewConfig, Severity};

use crate::human::{self, Lang};
use crate::input::{self, ReadArgs};
use crate::{Failure, emit, report};

#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// A compiler's messages, with the source line and a summary.
    Human,
    /// `{"findings": [...]}`.
    Json,
    /// One row per finding (with --bom for Excel).
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files or directories (every .txt, .docx, .xlsx, .xls, .ods and .json under them); none
    /// reads standard input.
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
    /// Turn a rule off (repeatable; later flags win).
    #[arg(long, value_name = "RULE")]
    allow: Vec<String>,
    /// Report a rule at info level.
    #[arg(long, value_name = "RULE")]
    info: Vec<String>,
    /// Report a rule as a warning.
    #[arg(long, value_name = "RULE")]
    warn: Vec<String>,
    /// Report a rule as an error; `--deny warnings` makes every warning an error.
    #[arg(long, value_name = "RULE")]
    deny: Vec<String>,
    /// Read settings from this file instead of the nearest jixiao.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any jixiao.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Language of messages and suggestions in human output.
    #[arg(long, value_enum, default_value = "en")]
    lang: Lang,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// CSV in Excel mode (a BOM, formulas neutralised).
    #[arg(long)]
    bom: bool,
    /// List the rules with their default severity and exit.
    #[arg(long)]
    list_rules: bool,
    /// Do not report unplaced content on stderr.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    read: ReadArgs,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// The configuration: jixiao.toml first, then the flags in the order they were given.
fn review_config(args: &CheckArgs, matches: &ArgMatches) -> Result<ReviewConfig, Failure> {
    let mut config = crate::config::load(args.config.as_deref(), !args.no_config)?.review;
    let mut flags: Vec<(usize, &str, Level)> = Vec::new();
    for (id, values, level) in
        [("allow", &args.allow, Level::Allow), ("info", &args.info, Level::Info), ("warn", &args.warn, Level::Warn), ("deny", &args.deny, Level::Deny)]
    {
        let indices = matches.indices_of(id).map(|i| i.collect::<Vec<_>>()).unwrap_or_default();
        flags.extend(values.iter().zip(indices).map(|(v, i)| (i, v.as_str(), level)));
    }
    flags.sort_by_key(|f| f.0);
    for (_, name, level) in flags {
        config.set(name, level)?;
    }
    Ok(config)
}

fn list_rules() -> String {
    let mut out = String::new();
    for rule in RULES {
        let default = rule.default.map_or("off", Severity::as_str);
        out.push_str(&format!("{:<26} {:<8} {}  ({})\n", rule.id, default, rule.summary, rule.summary_zh));
    }
    out
}

pub fn run(args: CheckArgs, matches: &ArgMatches) -> Result<std::process::ExitCode, Failure> {
    if args.list_rules {
        emit(args.output.as_ref(), &list_rules())?;
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let config = review_config(&args, matches)?;
    let options = args.read.options()?;
    let files = input::expand(&args.files)?;
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => args.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let human = matches!(args.format, CheckFormat::Human);
    let mut all: Vec<Finding> = Vec::new();
    let mut out = String::new();
    let mut failed = 0usize;
    for name in &files {
        let input = match input::read(name, &options, human) {
            Ok(input) => input,
            Err(Failure(message)) => {
                report(&format!("jixiao: {message}"));
                failed += 1;
                continue;
            }
        };
        if !args.quiet {
            input::warn_notes(&input);
        }
        let mut findings = jixiao::review(&input.document, &config);
        findings.iter_mut().for_each(|f| f.file = Some(input.label.clone()));
        if human {
            out.push_str(&human::render(&input.label, input.source.as_deref(), &findings, args.lang, color));
        }
        all.extend(findings);
    }
    match args.format {
        CheckFormat::Human => out.push_str(&human::summary(&all, files.len() - failed, failed, "checked")),
        CheckFormat::Json => {
            out = jixiao::write::findings::to_json(&all, true)?;
            out.push('\n');
        }
        CheckFormat::Csv => out = jixiao::write::findings::to_csv(&all, args.bom),
    }
    emit(args.output.as_ref(), &out)?;
    if failed > 0 {
        report(&format!("jixiao: {failed} of {} inputs could not be read (the others were checked)", files.len()));
        return Ok(std::process::ExitCode::from(2));
    }
    let errors = all.iter().any(|f| f.severity == Severity::Error);
    Ok(std::process::ExitCode::from(if errors { 1 } else { 0 }))
}
