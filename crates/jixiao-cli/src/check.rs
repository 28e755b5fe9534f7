//! `jixiao check`: the review. Exit 1 when an error-level finding remains, 0 otherwise, 2
//! when an input could not be read (the others are still checked).

use std::path::PathBuf;

use clap::{ArgMatches, ValueEnum};
use jixiao::review::{Level, RULES};
use jixiao::{ReviewConfig, Severity};

use crate::output::Output;
use crate::pretty::PrettyArrays;
use crate::report::{ReportArgs, each_input, finish};
use crate::{Failure, emit, human};

#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// A compiler's messages, with the source line and a summary.
    Human,
    /// `{"findings": [...]}`: one object for all the inputs together.
    Json,
    /// One finding per line, written input by input as the batch goes.
    Ndjson,
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

pub fn run(mut args: CheckArgs, matches: &ArgMatches) -> Result<u8, Failure> {
    crate::output::dash_is_stdout(&mut args.report.output);
    let out_path = args.report.output.clone();
    if args.list_rules {
        emit(out_path.as_ref(), &list_rules())?;
        return Ok(0);
    }
    let config = review_config(&args, matches)?;
    let (color, lang, bom) = (args.report.color(), args.report.lang, args.report.bom);
    let human = matches!(args.format, CheckFormat::Human);
    // Each input's findings are written as they come, the JSON object's too: a batch of any
    // size holds no more than the counts of its summary.
    let mut out = Output::new(out_path.as_ref());
    let mut object = PrettyArrays::default();
    match args.format {
        CheckFormat::Csv => out.text(&jixiao::write::findings::csv_header(bom))?,
        CheckFormat::Json => out.with(|w| object.key(w, "findings"))?,
        CheckFormat::Human | CheckFormat::Ndjson => {}
    }
    let mut counts = human::Counts::default();
    // The review, and the messages of human output, are made on the reading threads.
    let review = |input: &crate::input::Input| {
        let mut findings = jixiao::review(&input.document, &config);
        findings.iter_mut().for_each(|f| f.file = Some(input.label.clone()));
        let rendered = human.then(|| human::render(&input.label, input.source.as_deref(), &findings, lang, color));
        (findings, rendered)
    };
    let tally = each_input(&args.files, &args.report, human, review, |(findings, rendered)| {
        counts.add(&findings);
        match args.format {
            CheckFormat::Human => out.text(&rendered.unwrap_or_default()),
            CheckFormat::Ndjson => out.text(&jixiao::write::findings::to_ndjson(&findings)?),
            CheckFormat::Csv => out.text(&jixiao::write::findings::csv_rows(&findings, bom)),
            CheckFormat::Json => out.with(|w| findings.iter().try_for_each(|f| object.item(w, f))),
        }
    })?;
    let last = match args.format {
        CheckFormat::Human => Some(counts.summary(tally.files - tally.failed, tally.failed, "checked")),
        CheckFormat::Json => {
            out.with(|w| object.finish(w))?;
            Some("\n".to_owned())
        }
        CheckFormat::Ndjson | CheckFormat::Csv => None,
    };
    finish(out, last, &tally, &args.report, human, counts.any_error(), "checked")
}
