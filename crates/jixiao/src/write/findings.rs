//! Review findings out as JSON (`{"findings": [...]}`), NDJSON (a finding a line), CSV (one row per finding, Excel
//! mode with a BOM) and .xlsx (审核意见: one row per finding, the columns of the CSV). The terminal's compiler-style rendering lives in the CLI.

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
    text_rows(findings.iter().map(|f| cells(f).to_vec()), bom)
}

/// A finding's cells under [`COLUMNS`], as the CSV and the .xlsx write them.
fn cells(f: &Finding) -> [String; 14] {
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    [
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
}

/// The 审核意见 as .xlsx bytes: a sheet `审核意见` with one row per finding under a header row
/// of [`COLUMNS`] (the CSV's columns, so that the two read the same), text written as text
/// (never run as a formula), the header frozen and filtered.
pub fn to_xlsx(findings: &[Finding]) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| Error::Write(e.to_string());
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("审核意见").map_err(err)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (c, name) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, &bold).map_err(err)?;
    }
    for (r, f) in findings.iter().enumerate() {
        let row = u32::try_from(r + 1).map_err(|_| Error::Write("more findings than a sheet has rows".into()))?;
        for (c, text) in cells(f).iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            ws.write_string_with_format(row, c as u16, text, &wrap).map_err(err)?;
        }
    }
    let last = u32::try_from(findings.len()).unwrap_or(u32::MAX - 1);
    ws.autofilter(0, 0, last, (COLUMNS.len() - 1) as u16).map_err(err)?;
    ws.set_freeze_panes(1, 0).map_err(err)?;
    for (c, width) in [(3u16, 18.0), (7, 30.0), (8, 20.0), (9, 20.0), (10, 50.0), (11, 40.0), (12, 50.0), (13, 40.0)] {
        ws.set_column_width(c, width).map_err(err)?;
    }
    wb.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_xlsx_has_a_row_per_finding_and_the_csv_columns() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/000_3e963503b18f6771.txt")).unwrap();
        let doc = crate::parse_str(&text, &crate::ReadOptions::default()).unwrap();
        let findings = crate::review(&doc, &crate::ReviewConfig::new());
        let bytes = super::to_xlsx(&findings).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut sheet = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut sheet).unwrap();
        assert_eq!(sheet.matches("<row ").count(), findings.len() + 1);
        let mut workbook = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut workbook).unwrap();
        assert!(workbook.contains("审核意见"));
    }
}
