use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 位置 — where something stands in the source, in the user's own terms: a line of a text
/// save, a cell of a spreadsheet (`专项1!C7`), a cell or paragraph of a Word file, and the page of
/// a PDF it is on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    /// 行号 — 1-based line of a text source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 工作表 — the sheet of a spreadsheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 单元格 — the cell address in that sheet (`C7`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// 表格 — 1-based table of a Word file, in body order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<usize>,
    /// 表格行 — 1-based row of that table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// 表格列 — 1-based grid column of that table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// 段落 — 1-based paragraph of a Word file's body, outside tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// 页码 — 1-based page of a PDF (where a paragraph begins; a table's row on each page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

impl Location {
    /// A line of a text source.
    pub fn line(line: usize) -> Self {
        Location { line: Some(line), ..Location::default() }
    }

    /// A spreadsheet cell from 0-based row and column: `("专项1", 6, 2)` is `专项1!C7`.
    pub fn cell(sheet: &str, row: u32, column: u32) -> Self {
        Location { sheet: Some(sheet.to_owned()), cell: Some(format!("{}{}", column_name(column), row + 1)), ..Location::default() }
    }

    /// A cell of a Word table (1-based).
    pub fn table_cell(table: usize, row: usize, column: usize) -> Self {
        Location { table: Some(table), row: Some(row), column: Some(column), ..Location::default() }
    }

    /// A paragraph of a Word file's body (1-based).
    pub fn paragraph(paragraph: usize) -> Self {
        Location { paragraph: Some(paragraph), ..Location::default() }
    }

    /// The same place, on a PDF's page (1-based).
    pub fn on_page(self, page: usize) -> Self {
        Location { page: Some(page), ..self }
    }
}

/// A spreadsheet column's letters from its 0-based index: 0 → A, 25 → Z, 26 → AA.
pub fn column_name(mut column: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

impl fmt::Display for Location {
    /// `line 12`, `专项1!C7`, `table 3, row 4, column 2`, `paragraph 17`; in a PDF,
    /// `page 5, table 3, row 4, column 2`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(page) = self.page {
            write!(f, "page {page}")?;
            if self.table.is_none() && self.paragraph.is_none() {
                return Ok(());
            }
            write!(f, ", ")?;
        }
        match self {
            Location { sheet: Some(sheet), cell: Some(cell), .. } => write!(f, "{sheet}!{cell}"),
            Location { sheet: Some(sheet), .. } => write!(f, "sheet {sheet}"),
            Location { table: Some(t), row, column, .. } => {
                write!(f, "table {t}")?;
                if let Some(r) = row {
                    write!(f, ", row {r}")?;
                }
                if let Some(c) = column {
                    write!(f, ", column {c}")?;
                }
                Ok(())
            }
            Location { paragraph: Some(p), .. } => write!(f, "paragraph {p}"),
            Location { line: Some(l), .. } => write!(f, "line {l}"),
            _ => write!(f, "unknown place"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_print_in_the_users_terms() {
        assert_eq!(Location::cell("专项1", 6, 2).to_string(), "专项1!C7");
        assert_eq!(Location::cell("S", 0, 26).to_string(), "S!AA1");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        assert_eq!(Location::table_cell(3, 4, 2).to_string(), "table 3, row 4, column 2");
        assert_eq!(Location::paragraph(17).to_string(), "paragraph 17");
        assert_eq!(Location::line(12).to_string(), "line 12");
        assert_eq!(Location::table_cell(3, 4, 2).on_page(5).to_string(), "page 5, table 3, row 4, column 2");
        assert_eq!(Location::paragraph(17).on_page(2).to_string(), "page 2, paragraph 17");
    }
}
