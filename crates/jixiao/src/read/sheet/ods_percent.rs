//! What jixiao reads of an .ods's content.xml itself: which cells are percentages
//! (`office:value-type="percentage"`: calamine gives their values, 0.9, not their formats), and
//! how many valued cells the repeat attributes declare, and how many cells calamine would lay
//! out in memory for them (it expands every repeat and fills the rectangle from a sheet's first
//! valued cell to its last), so that both are checked before calamine is called.

use std::collections::HashSet;

use crate::read::xml::{Xml, XmlReader, attr};

/// What the scan finds.
pub struct OdsScan {
    /// (sheet, row, column) of every percentage cell, 0-based.
    pub percent: HashSet<(String, u32, u32)>,
    /// Cells holding a value, counted with their repeats.
    pub valued: u64,
    /// Cells calamine lays out, all sheets together: for each sheet, each row read up to its
    /// last valued cell, then the rectangle from the first valued row to the last (repeats
    /// expanded) and from the first valued column to the last, twice (values and formulas).
    pub laid_out: u64,
}

/// calamine's caps on a sheet: rows and columns past them are dropped, not laid out.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// One sheet's extent as calamine lays it out.
#[derive(Default)]
struct Extent {
    /// Cells of the rows as read (each up to its last valued cell, repeats expanded).
    read: u64,
    /// First and last valued row, first and last valued column.
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
}

impl Extent {
    fn cells(&self) -> u64 {
        let span = |x: Option<(u64, u64)>| x.map_or(0, |(a, b)| b.saturating_sub(a) + 1);
        self.read.saturating_add(span(self.rows).saturating_mul(span(self.cols)).saturating_mul(2))
    }
}

/// Scans content.xml; rows and columns repeated by `number-rows-repeated` /
/// `number-columns-repeated` are counted as the file repeats them.
pub fn scan(content: &str, max_depth: usize, max_cells: usize) -> OdsScan {
    let mut out = HashSet::new();
    let mut valued = 0u64;
    let mut row_valued = 0u64;
    let mut r = XmlReader::new(content, max_depth);
    let (mut sheet, mut row, mut col) = (String::new(), 0u32, 0u32);
    let mut in_row = false;
    let mut rows_repeated = 1u32;
    let (mut laid_out, mut extent) = (0u64, Extent::default());
    // The first and last valued column of the row being read (calamine's columns, capped).
    let mut row_cols: Option<(u64, u64)> = None;
    while let Ok(Some(e)) = r.next() {
        match e {
            Xml::Start(name, a) => match &*name {
                "table" => {
                    sheet = attr(&a, "name").unwrap_or_default().to_owned();
                    row = 0;
                    laid_out = laid_out.saturating_add(std::mem::take(&mut extent).cells());
                }
                "table-row" => {
                    in_row = true;
                    col = 0;
                    row_valued = 0;
                    row_cols = None;
                    rows_repeated = attr(&a, "number-rows-repeated").and_then(|v| v.parse().ok()).unwrap_or(1);
                }
                "table-cell" | "covered-table-cell" if in_row => {
                    let repeat: u32 = attr(&a, "number-columns-repeated").and_then(|v| v.parse().ok()).unwrap_or(1);
                    // A value or a formula: calamine keeps the cell (and lays out the row to it).
                    if attr(&a, "value-type").is_some() || attr(&a, "formula").is_some() {
                        row_valued = row_valued.saturating_add(u64::from(repeat));
                        let (first, last) = (u64::from(col).min(MAX_COLUMNS - 1), (u64::from(col) + u64::from(repeat).max(1) - 1).min(MAX_COLUMNS - 1));
                        row_cols = Some(row_cols.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
                    }
                    if attr(&a, "value-type") == Some("percentage") {
                        for k in 0..repeat.min(1024) {
                            if out.len() < max_cells {
                                out.insert((sheet.clone(), row, col + k));
                            }
                        }
                    }
                    col = col.saturating_add(repeat);
                }
                _ => {}
            },
            Xml::End(name) if name == "table-row" => {
                in_row = false;
                if let Some((first, last)) = row_cols {
                    let (top, bottom) = (u64::from(row).min(MAX_ROWS - 1), (u64::from(row) + u64::from(rows_repeated).max(1) - 1).min(MAX_ROWS - 1));
                    // calamine reads a repeated row once, up to its last valued cell.
                    extent.read = extent.read.saturating_add(last + 1);
                    extent.rows = Some(extent.rows.map_or((top, bottom), |(a, b)| (a.min(top), b.max(bottom))));
                    extent.cols = Some(extent.cols.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
                }
                row = row.saturating_add(rows_repeated);
                valued = valued.saturating_add(row_valued.saturating_mul(u64::from(rows_repeated)));
            }
            _ => {}
        }
    }
    laid_out = laid_out.saturating_add(extent.cells());
    OdsScan { percent: out, valued, laid_out }
}
