//! What jixiao reads of an .ods's content.xml itself: which cells are percentages
//! (`office:value-type="percentage"`: calamine gives their values, 0.9, not their formats), and
//! how many valued cells the repeat attributes declare, which calamine would expand in memory.

use std::collections::HashSet;

use crate::read::xml::{Xml, XmlReader, attr};

/// What the scan finds.
pub struct OdsScan {
    /// (sheet, row, column) of every percentage cell, 0-based.
    pub percent: HashSet<(String, u32, u32)>,
    /// Cells holding a value, counted with their repeats.
    pub valued: u64,
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
    while let Ok(Some(e)) = r.next() {
        match e {
            Xml::Start(name, a) => match &*name {
                "table" => {
                    sheet = attr(&a, "name").unwrap_or_default().to_owned();
                    row = 0;
                }
                "table-row" => {
                    in_row = true;
                    col = 0;
                    row_valued = 0;
                    rows_repeated = attr(&a, "number-rows-repeated").and_then(|v| v.parse().ok()).unwrap_or(1);
                }
                "table-cell" | "covered-table-cell" if in_row => {
                    let repeat: u32 = attr(&a, "number-columns-repeated").and_then(|v| v.parse().ok()).unwrap_or(1);
                    if attr(&a, "value-type").is_some() {
                        row_valued = row_valued.saturating_add(u64::from(repeat));
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
                row = row.saturating_add(rows_repeated);
                valued = valued.saturating_add(row_valued.saturating_mul(u64::from(rows_repeated)));
            }
            _ => {}
        }
    }
    OdsScan { percent: out, valued }
}
