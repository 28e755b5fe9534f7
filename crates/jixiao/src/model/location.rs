use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 位置 — where something stands in the source, in the user's terms: a line of a text save, a
/// cell of a spreadsheet (`专项1!C7`), a cell or paragraph of a Word file, and the page of a PDF
/// it is on. Every node of the model carries one, so it is kept small (16 bytes): the common
/// places inline, the rest ([`LocationParts`] with a sheet's name, a PDF's table cell) boxed.
/// Its JSON is [`LocationParts`]'s: `{"line": 12}`, `{"sheet": "专项1", "cell": "C7"}`,
/// `{"table": 3, "row": 4, "column": 2, "page": 5}`, `{"paragraph": 17}`; `{}` for no place.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Location {
    /// No place is known.
    #[default]
    Unknown,
    /// 行号 — a 1-based line of a text source.
    Line(usize),
    /// 段落 — a 1-based paragraph of a Word file's body, on a PDF's 1-based page (0: none).
    Paragraph { paragraph: u32, page: u32 },
    /// 表格 — a 1-based Word table, its row and grid column.
    TableCell { table: u32, row: u32, column: u32 },
    /// Any other place: a sheet's cell, a PDF's table cell, a CSV record's line and cell.
    Other(Box<LocationParts>),
}

/// 位置 — where something stands in the source, in the user's own terms: a line of a text
/// save, a cell of a spreadsheet (`专项1!C7`), a cell or paragraph of a Word file, and the page of
/// a PDF it is on; each part present when the format has it. The JSON form of a `Location`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Location")]
pub struct LocationParts {
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

impl From<LocationParts> for Location {
    /// The compact form of a place; the same place always gets the same form.
    fn from(p: LocationParts) -> Self {
        let small = |n: Option<usize>| n.and_then(|n| u32::try_from(n).ok());
        match &p {
            LocationParts { line: None, sheet: None, cell: None, table: None, row: None, column: None, paragraph: None, page: None } => Location::Unknown,
            LocationParts { line: Some(line), sheet: None, cell: None, table: None, row: None, column: None, paragraph: None, page: None } if *line > 0 => {
                Location::Line(*line)
            }
            LocationParts { line: None, sheet: None, cell: None, table: None, row: None, column: None, paragraph: Some(_), .. }
                if small(p.paragraph).is_some() && (p.page.is_none() || small(p.page).is_some_and(|n| n > 0)) =>
            {
                Location::Paragraph { paragraph: small(p.paragraph).unwrap_or(0), page: small(p.page).unwrap_or(0) }
            }
            LocationParts { line: None, sheet: None, cell: None, table: Some(_), row: Some(_), column: Some(_), paragraph: None, page: None }
                if small(p.table).is_some() && small(p.row).is_some() && small(p.column).is_some() =>
            {
                Location::TableCell { table: small(p.table).unwrap_or(0), row: small(p.row).unwrap_or(0), column: small(p.column).unwrap_or(0) }
            }
            _ => Location::Other(Box::new(p)),
        }
    }
}

impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.parts().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        LocationParts::deserialize(deserializer).map(Location::from)
    }
}

impl JsonSchema for Location {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        LocationParts::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        LocationParts::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        LocationParts::json_schema(generator)
    }
}

impl Location {
    /// A line of a text source; line 0 is no line (an unknown place).
    pub fn line(line: usize) -> Self {
        if line == 0 { Location::Unknown } else { Location::Line(line) }
    }

    /// A spreadsheet cell from 0-based row and column: `("专项1", 6, 2)` is `专项1!C7`.
    pub fn cell(sheet: &str, row: u32, column: u32) -> Self {
        Location::from(LocationParts { sheet: Some(sheet.to_owned()), cell: Some(cell_name(row, column)), ..LocationParts::default() })
    }

    /// A cell of a Word table (1-based).
    pub fn table_cell(table: usize, row: usize, column: usize) -> Self {
        Location::from(LocationParts { table: Some(table), row: Some(row), column: Some(column), ..LocationParts::default() })
    }

    /// A paragraph of a Word file's body (1-based).
    pub fn paragraph(paragraph: usize) -> Self {
        Location::from(LocationParts { paragraph: Some(paragraph), ..LocationParts::default() })
    }

    /// A PDF's page (1-based), where nothing finer is known.
    pub fn page(page: usize) -> Self {
        Location::from(LocationParts { page: Some(page), ..LocationParts::default() })
    }

    /// The same place, on a PDF's page (1-based).
    pub fn on_page(self, page: usize) -> Self {
        Location::from(LocationParts { page: Some(page), ..self.parts() })
    }

    /// The place as its parts (its JSON form).
    pub fn parts(&self) -> LocationParts {
        let n = |v: u32| (v > 0).then_some(v as usize);
        match self {
            Location::Unknown => LocationParts::default(),
            Location::Line(line) => LocationParts { line: Some(*line), ..LocationParts::default() },
            Location::Paragraph { paragraph, page } => LocationParts { paragraph: Some(*paragraph as usize), page: n(*page), ..LocationParts::default() },
            Location::TableCell { table, row, column } => {
                LocationParts { table: Some(*table as usize), row: Some(*row as usize), column: Some(*column as usize), ..LocationParts::default() }
            }
            Location::Other(parts) => (**parts).clone(),
        }
    }

    /// 行号 — the 1-based line of a text source, when the place is one.
    pub fn line_number(&self) -> Option<usize> {
        match self {
            Location::Line(line) => Some(*line),
            Location::Other(p) => p.line,
            _ => None,
        }
    }

    /// 工作表 — the sheet of a spreadsheet cell.
    pub fn sheet(&self) -> Option<&str> {
        match self {
            Location::Other(p) => p.sheet.as_deref(),
            _ => None,
        }
    }

    /// 单元格 — the cell address in that sheet (`C7`).
    pub fn cell_name(&self) -> Option<&str> {
        match self {
            Location::Other(p) => p.cell.as_deref(),
            _ => None,
        }
    }

    /// 表格 — the 1-based table of a Word file or a PDF.
    pub fn table(&self) -> Option<usize> {
        match self {
            Location::TableCell { table, .. } => Some(*table as usize),
            Location::Other(p) => p.table,
            _ => None,
        }
    }

    /// 表格行 — the 1-based row of that table.
    pub fn row(&self) -> Option<usize> {
        match self {
            Location::TableCell { row, .. } => Some(*row as usize),
            Location::Other(p) => p.row,
            _ => None,
        }
    }

    /// 表格列 — the 1-based grid column of that table.
    pub fn column(&self) -> Option<usize> {
        match self {
            Location::TableCell { column, .. } => Some(*column as usize),
            Location::Other(p) => p.column,
            _ => None,
        }
    }

    /// 段落 — the 1-based paragraph of a Word file's body.
    pub fn paragraph_number(&self) -> Option<usize> {
        match self {
            Location::Paragraph { paragraph, .. } => Some(*paragraph as usize),
            Location::Other(p) => p.paragraph,
            _ => None,
        }
    }

    /// 页码 — the 1-based page of a PDF.
    pub fn page_number(&self) -> Option<usize> {
        match self {
            Location::Paragraph { page, .. } => (*page > 0).then_some(*page as usize),
            Location::Other(p) => p.page,
            _ => None,
        }
    }
}

/// A spreadsheet cell's address from 0-based row and column: (6, 2) → `C7`.
fn cell_name(row: u32, column: u32) -> String {
    format!("{}{}", column_name(column), u64::from(row) + 1)
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
        self.parts().fmt(f)
    }
}

impl fmt::Display for LocationParts {
    /// As [`Location`] prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(page) = self.page {
            write!(f, "page {page}")?;
            if self.table.is_none() && self.paragraph.is_none() {
                return Ok(());
            }
            write!(f, ", ")?;
        }
        match self {
            LocationParts { sheet: Some(sheet), cell: Some(cell), .. } => write!(f, "{sheet}!{cell}"),
            LocationParts { sheet: Some(sheet), .. } => write!(f, "sheet {sheet}"),
            LocationParts { table: Some(t), row, column, .. } => {
                write!(f, "table {t}")?;
                if let Some(r) = row {
                    write!(f, ", row {r}")?;
                }
                if let Some(c) = column {
                    write!(f, ", column {c}")?;
                }
                Ok(())
            }
            LocationParts { paragraph: Some(p), .. } => write!(f, "paragraph {p}"),
            LocationParts { line: Some(l), .. } => write!(f, "line {l}"),
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

    #[test]
    fn a_place_is_small_and_has_one_form() {
        assert_eq!(std::mem::size_of::<Location>(), 16);
        for place in [
            Location::line(12),
            Location::cell("专项1", 6, 2),
            Location::table_cell(3, 4, 2),
            Location::table_cell(3, 4, 2).on_page(5),
            Location::paragraph(17).on_page(2),
            Location::paragraph(17),
            Location::page(3),
            Location::default(),
            Location::from(LocationParts { line: Some(4), cell: Some("B2".into()), ..LocationParts::default() }),
            Location::table_cell(1 << 40, 1, 1),
        ] {
            let json = serde_json::to_string(&place).unwrap();
            let back: Location = serde_json::from_str(&json).unwrap();
            assert_eq!(back, place, "{json}");
            assert_eq!(Location::from(place.parts()), place);
        }
        assert_eq!(serde_json::to_string(&Location::cell("S", 0, 0)).unwrap(), r#"{"sheet":"S","cell":"A1"}"#);
        assert_eq!(serde_json::to_string(&Location::default()).unwrap(), "{}");
        assert_eq!(Location::line(0), Location::Unknown);
    }
}
