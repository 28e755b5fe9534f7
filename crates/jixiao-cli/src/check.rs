//! `jixiao check`: the review. Exit 1 when an error-level finding remains, 0 otherwise, 2
//! when an input could not be read (the others are still checked).

use std::path::PathBuf;

use clap::{ArgMatches, ValueEnum};
use jixiao::review::{Level, RULES};
use jixiao::{Finding, ReviewConfig, Severity};

use crate::report::{ReportArgs, each_input, exit_code};
use crate::{Failure, emit, human};

#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// A compiler's messages, with the source line and a summary.
    Human,
    /// `{"findings": [...]}`.
    Json,
    /// One row per finding (with --bom for Excel).
    Csv,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files or directories (every .txt, .docx, .xlsx, .xls, .ods, .json, .html, .htm, .doc, .wps and .pdf under them); none
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
    /// List the rules with their default severity and exit.
    #[arg(long)]
    list_rules: bool,
    #[command(flatten)]
    report: ReportArgs,
}

/// The configuration: jixiao.toml first, then the flags in the order they were given.
fn review_config(args: &CheckArgs, matches: &ArgMatches) -> Result<ReviewConfig, Failure> {
    let mut config = args.report.config()?.review;
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

pub fn run(args: CheckArgs, matches: &ArgMatches) -> Result<u8, Failure> {
    let out_path = args.report.output.clone();
    if args.list_rules {
        emit(out_path.as_ref(), &list_rules())?;
        return Ok(0);
    }
    let config = review_config(&args, matches)?;
    let (color, lang) = (args.report.color(), args.report.lang);
    let human = matches!(args.format, CheckFormat::Human);
    let mut all: Vec<Finding> = Vec::new();
    let mut out = String::new();
    let (total, failed) = each_input(&args.files, &args.report, human, |input| {
        let mut findings = jixiao::review(&input.document, &config);
        findings.iter_mut().for_each(|f| f.file = Some(input.label.clone()));
        if human {
            out.push_str(&human::render(&input.label, input.source.as_deref(), &findings, lang, color));
        }
        all.extend(findings);
    })?;
    match args.format {
        CheckFormat::Human => out.push_str(&human::summary(&all, total - failed, failed, "checked")),
        CheckFormat::Json => {
            out = jixiao::write::findings::to_json(&all, true)?;
            out.push('\n');
        }
        CheckFormat::Csv => out = jixiao::write::findings::to_csv(&all, args.report.bom),
    }
    emit(out_path.as_ref(), &out)?;
    Ok(exit_code(total, failed, all.iter().any(|f| f.severity == Severity::Error), "checked"))
}
