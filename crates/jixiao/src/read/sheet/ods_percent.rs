//! Which cells of an .ods are percentages (`office:value-type="percentage"`): calamine gives
//! their values (0.9) but not their formats, and the table means 90%.

use std::collections::HashSet;

use crate::read::xml::{Xml, XmlReader, attr};

/// (sheet, row, column) of every percentage cell, 0-based; rows and columns repeated by
/// `number-rows-repeated` / `number-columns-repeated` counted as the file repeats them.
pub fn percent_cells(content: &str, max_depth: usize, max_cells: usize) -> HashSet<(String, u32, u32)> {
    let mut out = HashSet::new();
    let mut r = XmlReader::new(content, max_depth);
    let (mut sheet, mut row, mut col) = (String::new(), 0u32, 0u32);
    let mut in_row = false;
    let mut rows_repeated = 1u32;
    while let Ok(Some(e)) = r.next() {
        match e {
            Xml::Start(name, a) => match name.as_str() {
                "table" => {
                    sheet = attr(&a, "name").unwrap_or_default().to_owned();
                    row = 0;
                }
                "table-row" => {
                    in_row = true;
                    col = 0;
                    rows_repeated = attr(&a, "number-rows-repeated").and_then(|v| v.parse().ok()).unwrap_or(1);
                }
                "table-cell" | "covered-table-cell" if in_row => {
                    let repeat: u32 = attr(&a, "number-columns-repeated").and_then(|v| v.parse().ok()).unwrap_or(1);
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
            }
            _ => {}
        }
    }
    out
}
