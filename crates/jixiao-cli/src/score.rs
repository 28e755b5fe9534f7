//! `jixiao score`: self-evaluation tables re-scored by the rules. Exit 1 when an error-level
//! finding remains (a reported score or total that is off, units that differ, actuals that
//! match nothing), 0 otherwise, 2 when an input could not be read.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::ValueEnum;
use jixiao::Finding;
use jixiao::score::{ScoreReport, TableScore};

use crate::output::Output;
use crate::pretty::PrettyArrays;
use crate::report::{ReportArgs, each_input, finish};
use crate::{Failure, human};

#[derive(Clone, Copy, ValueEnum)]
pub enum ScoreFormat {
    /// Each table's scores, then the findings as a compiler prints them.
    Human,
    /// `{"tables": [...], "findings": [...]}`: one object for all the inputs together.
    Json,
    /// That object for each input on a line of its own, written as the batch goes.
    Ndjson,
    /// One row per indicator and per execution rate (with --bom for Excel).
    Csv,
}

#[derive(clap::Args)]
pub struct ScoreArgs {
    /// Files or directories; none reads standard input.
    files: Vec<PathBuf>,
    /// Actual results for a target table: CSV or JSON rows of table, indicator, actual (and
    /// optionally section, weight).
    #[arg(long, value_name = "FILE")]
    actuals: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: ScoreFormat,
    /// Require a 偏差原因 also for an actual past this percent of its target (130 in some provinces).
    #[arg(long, value_name = "PERCENT")]
    deviation_over: Option<f64>,
    #[command(flatten)]
    report: ReportArgs,
}

fn points(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v:.2}"))
}

/// One table's scores as a reviewer reads them.
fn table_text(t: &TableScore) -> String {
    let mut out = String::new();
    let number = t.table_number.map(|n| format!("{n}、")).unwrap_or_default();
    let grade = t.grade.as_deref().unwrap_or("incomplete");
    let stated = t.reported_total.map(|r| format!(", stated {r:.2}")).unwrap_or_default();
    let _ = writeln!(out, "{number}{}: total {:.2} ({grade}){stated}", t.name, t.total);
    for l in &t.level1 {
        let _ = writeln!(out, "  {:<24} {:>6.2} of {:>6.2}", l.label, l.score, l.weight);
    }
    if let Some(e) = &t.execution {
        let rate = e.rate.map_or_else(|| "—".to_owned(), |r| format!("{:.2}%", r * 100.0));
        let _ = writeln!(out, "  {:<24} {:>6} of {:>6.2}  (rate {rate}, reported {})", "预算执行率", points(e.score), e.weight, points(e.reported_score));
    }
    for i in &t.indicators {
        let band = i.band.map(|b| format!(" {}", b.as_str())).unwrap_or_default();
        let diff = i.difference.filter(|d| d.abs() > 0.005).map(|d| format!("  Δ {d:+.2}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "    {} | {} → {} | {} of {:.2} by {}{band} | reported {}{diff}",
            i.name.trim(),
            i.target.trim(),
            i.actual.as_deref().unwrap_or("—").trim(),
            points(i.score),
            i.weight,
            i.rule.as_str(),
            points(i.reported_score),
        );
    }
    out
}

pub fn run(mut args: ScoreArgs) -> Result<u8, Failure> {
    crate::output::dash_is_stdout(&mut args.report.output);
    let mut rules = args.report.config()?.score;
    if args.deviation_over.is_some() {
        rules.deviation_over = args.deviation_over;
    }
    let actuals = match &args.actuals {
        Some(path) => {
            let label = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| Failure(format!("{label}: {e}")))?;
            Some((label.clone(), jixiao::score::parse_actuals(&bytes, &jixiao::error::Origin(Some(label)))?))
        }
        None => None,
    };
    let (color, lang, bom) = (args.report.color(), args.report.lang, args.report.bom);
    let human = matches!(args.format, ScoreFormat::Human);
    // Each input's report is written as it comes: a batch of any size holds no more than the
    // counts of its summary, and for the JSON object, whose findings follow every table, the
    // findings.
    let mut out = Output::new(args.report.output.as_ref());
    let mut object = PrettyArrays::default();
    match args.format {
        ScoreFormat::Csv => out.text(&jixiao::write::score::csv_header(bom))?,
        ScoreFormat::Json => out.with(|w| object.key(w, "tables"))?,
        ScoreFormat::Human | ScoreFormat::Ndjson => {}
    }
    let mut counts = human::Counts::default();
    let mut findings: Vec<Finding> = Vec::new();
    let score = |input: &crate::input::Input| {
        let mut scored = match &actuals {
            Some((file, rows)) => jixiao::score::score_with_actuals(&input.document, rows, &rules, Some(file)),
            None => jixiao::score(&input.document, &rules),
        };
        scored.tables.iter_mut().for_each(|t| t.file = Some(input.label.clone()));
        scored.findings.iter_mut().filter(|f| f.file.is_none()).for_each(|f| f.file = Some(input.label.clone()));
        let rendered = human.then(|| human_report(input, &scored, lang, color));
        (scored, rendered)
    };
    // The scoring, and the text of human output, are made on the reading threads.
    let tally = each_input(&args.files, &args.report, human, score, |(scored, rendered)| {
        counts.add(&scored.findings);
        match args.format {
            ScoreFormat::Human => out.text(&rendered.unwrap_or_default()),
            ScoreFormat::Ndjson => {
                let mut line = jixiao::write::score::to_json(&scored, false)?;
                line.push('\n');
                out.text(&line)
            }
            ScoreFormat::Csv => out.text(&jixiao::write::score::csv_rows(&scored, bom)),
            ScoreFormat::Json => {
                findings.extend(scored.findings);
                out.with(|w| scored.tables.iter().try_for_each(|t| object.item(w, t)))
            }
        }
    })?;
    let last = match args.format {
        ScoreFormat::Human => Some(counts.summary(tally.files - tally.failed, tally.failed, "scored")),
        ScoreFormat::Json => {
            out.with(|w| {
                object.key(w, "findings")?;
                findings.iter().try_for_each(|f| object.item(w, f))?;
                std::mem::take(&mut object).finish(w)
            })?;
            Some("\n".to_owned())
        }
        ScoreFormat::Ndjson | ScoreFormat::Csv => None,
    };
    finish(out, last, &tally, &args.report, human, counts.any_error(), "scored")
}

/// One input's scores and findings as a reviewer reads them.
fn human_report(input: &crate::input::Input, scored: &ScoreReport, lang: human::Lang, color: bool) -> String {
    let mut out = String::new();
    if scored.tables.is_empty() {
        let _ = writeln!(out, "{}: no self-evaluation table (no actual results); give them with --actuals FILE\n", input.label);
    }
    for t in &scored.tables {
        let _ = writeln!(out, "{}: {}", input.label, table_text(t));
    }
    let (own, other): (Vec<&Finding>, Vec<&Finding>) = scored.findings.iter().partition(|f| f.file.as_deref() == Some(input.label.as_str()));
    let own: Vec<Finding> = own.into_iter().cloned().collect();
    out.push_str(&human::render(&input.label, input.source.as_deref(), &own, lang, color));
    for f in other {
        out.push_str(&human::render(f.file.as_deref().unwrap_or("<actuals>"), None, std::slice::from_ref(f), lang, color));
    }
    out
}
