//! Review findings out as JSON (`{"findings": [...]}`), NDJSON (a finding a line) and CSV (one row per finding, Excel
//! mode with a BOM). The terminal's compiler-style rendering lives in the CLI.

use serde::Serialize;

use super::csv::{text_header, text_rows};
use crate::error::{Error, Result};
use crate::review::Finding;

/// The CSV columns, in order.
pub const COLUMNS: &[&str] = &[
    "file",
    "rule",
    "severity",
    "location",
    "line",
    "section_number",
    "table_number",
    "table_name",
    "indicator",
    "text",
    "message",
    "message_zh",
    "suggestion",
    "suggestion_zh",
];

#[derive(Serialize)]
struct Findings<'a> {
    findings: &'a [Finding],
}

/// `{"findings": [...]}`, pretty or on one line.
pub fn to_json(findings: &[Finding], pretty: bool) -> Result<String> {
    let wrapped = Findings { findings };
    let text = if pretty { serde_json::to_string_pretty(&wrapped) } else { serde_json::to_string(&wrapped) };
    text.map_err(|e| Error::Write(e.to_string()))
}

/// One finding per line, each a compact JSON object (`jixiao check --format ndjson`): records a
/// batch writes as it goes and `pandas.read_json(lines=True)` reads as a table.
pub fn to_ndjson(findings: &[Finding]) -> Result<String> {
    let mut out = String::new();
    for f in findings {
        out.push_str(&serde_json::to_string(f).map_err(|e| Error::Write(e.to_string()))?);
        out.push('\n');
    }
    Ok(out)
}

/// One row per finding under a header row; `bom` is Excel mode (a UTF-8 BOM first, and text
/// Excel would run as a formula written with a leading apostrophe).
pub fn to_csv(findings: &[Finding], bom: bool) -> String {
    let mut out = csv_header(bom);
    out.push_str(&csv_rows(findings, bom));
    out
}

/// The CSV's header row (after the BOM in Excel mode): a stream of [`csv_rows`] starts with it.
pub fn csv_header(bom: bool) -> String {
    text_header(COLUMNS, bom)
}

/// The CSV's rows for these findings, without the header: a batch writes them input by input.
pub fn csv_rows(findings: &[Finding], bom: bool) -> String {
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let rows = findings.iter().map(|f| {
        vec![
            f.file.clone().unwrap_or_default(),
            f.rule.clone(),
            f.severity.as_str().to_owned(),
            f.location.to_string(),
            f.line.to_string(),
            number(f.section_number),
            number(f.table_number),
            f.table_name.clone().unwrap_or_default(),
            f.indicator.clone().unwrap_or_default(),
            f.text.clone().unwrap_or_default(),
            f.message.clone(),
            f.message_zh.clone(),
            f.suggestion.clone(),
            f.suggestion_zh.clone(),
        ]
    });
    text_rows(rows, bom)
}
