//! Score reports out as JSON (`{"tables": [...], "findings": [...]}`) and CSV (one row per
//! indicator, and one for each table's execution rate).

use super::csv::{text_header, text_rows};
use crate::error::{Error, Result};
use crate::score::ScoreReport;

/// The CSV columns, in order.
pub const COLUMNS: &[&str] = &[
    "file",
    "section_number",
    "table_number",
    "table_name",
    "level1",
    "name",
    "line",
    "target",
    "actual",
    "weight",
    "weight_given",
    "score",
    "rule",
    "band",
    "reported_score",
    "difference",
    "table_total",
    "table_grade",
];

/// The report as JSON, pretty or on one line.
pub fn to_json(report: &ScoreReport, pretty: bool) -> Result<String> {
    let text = if pretty { serde_json::to_string_pretty(report) } else { serde_json::to_string(report) };
    text.map_err(|e| Error::Write(e.to_string()))
}

fn number(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One row per indicator and per execution rate; `bom` is Excel mode.
pub fn to_csv(report: &ScoreReport, bom: bool) -> String {
    let mut out = csv_header(bom);
    out.push_str(&csv_rows(report, bom));
    out
}

/// The CSV's header row (after the BOM in Excel mode): a stream of [`csv_rows`] starts with it.
pub fn csv_header(bom: bool) -> String {
    text_header(COLUMNS, bom)
}

/// The CSV's rows for this report, without the header: a batch writes them input by input.
pub fn csv_rows(report: &ScoreReport, bom: bool) -> String {
    let mut rows = Vec::new();
    let mut row = |cells: Vec<String>| rows.push(cells);
    for t in &report.tables {
        let table = |out: Vec<String>| {
            let mut cells = vec![
                t.file.clone().unwrap_or_default(),
                t.section_number.map(|n| n.to_string()).unwrap_or_default(),
                t.table_number.map(|n| n.to_string()).unwrap_or_default(),
                t.name.clone(),
            ];
            cells.extend(out);
            cells.push(t.total.to_string());
            cells.push(t.grade.clone().unwrap_or_default());
            cells
        };
        for i in &t.indicators {
            row(table(vec![
                i.level1.as_str().to_owned(),
                i.name.clone(),
                i.line.to_string(),
                i.target.clone(),
                i.actual.clone().unwrap_or_default(),
                i.weight.to_string(),
                i.weight_given.to_string(),
                number(i.score),
                i.rule.as_str().to_owned(),
                i.band.map(|b| b.as_str().to_owned()).unwrap_or_default(),
                number(i.reported_score),
                number(i.difference),
            ]));
        }
        if let Some(e) = &t.execution {
            row(table(vec![
                "execution".into(),
                "预算执行率".into(),
                e.line.to_string(),
                number(e.budget),
                number(e.executed),
                e.weight.to_string(),
                "true".into(),
                number(e.score),
                "execution".into(),
                String::new(),
                number(e.reported_score),
                number(e.difference),
            ]));
        }
    }
    text_rows(rows, bom)
}
