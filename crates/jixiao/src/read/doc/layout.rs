//! The main text of a .doc, character by character, into the layout of Word's text save (see
//! `read::word`): paragraphs end at a paragraph mark (CR), a cell mark (BEL) or a section mark;
//! a paragraph's properties say whether it is in a table and whether its mark ends a row. Field
//! instructions do not show, except a TC field, as in the .docx reader; deleted text does not
//! show.

use super::props::Paragraph;
use crate::error::{Origin, Result};
use crate::model::Location;
use crate::read::blocks::{Layout, Place, TableBlock};
use crate::read::container::{Limits, count_cell, over_limit};
use crate::read::word::tc_field;

/// Characters with a meaning in Word's text ([MS-DOC] 2.4.3, 2.8.25).
mod mark {
    pub const CELL: char = '\u{07}';
    pub const TAB: char = '\t';
    pub const LINE_BREAK: char = '\u{0B}';
    pub const PAGE_OR_SECTION: char = '\u{0C}';
    pub const PARAGRAPH: char = '\r';
    pub const FIELD_BEGIN: char = '\u{13}';
    pub const FIELD_SEPARATOR: char = '\u{14}';
    pub const FIELD_END: char = '\u{15}';
    pub const NON_BREAKING_HYPHEN: char = '\u{1E}';
}

/// A field being read: its instruction, and whether its result (shown text) has begun.
struct Field {
    instr: String,
    in_result: bool,
}

/// The table being laid out: its number, the row and column of the cell being read, that
/// cell's paragraphs and nested-table rows, and the cell edges each row's table definition
/// gives: a cell's column is counted in cells as it is read, and made a grid column, as a
/// .docx gives it, when the table closes and every row's edges are known.
struct Table {
    number: usize,
    row: usize,
    column: usize,
    paragraphs: Vec<String>,
    nested: Vec<Vec<String>>,
    /// For each row of the layout's table block.
    edges: Vec<Option<Vec<i16>>>,
}

pub struct Builder<'a> {
    out: Layout<'static>,
    origin: &'a Origin,
    limits: Limits,
    cells: usize,
    paragraphs: usize,
    tables: usize,
    text: String,
    fields: Vec<Field>,
    table: Option<Table>,
}

impl<'a> Builder<'a> {
    pub fn new(origin: &'a Origin, limits: Limits) -> Self {
        Builder { out: Layout::default(), origin, limits, cells: 0, paragraphs: 0, tables: 0, text: String::new(), fields: Vec::new(), table: None }
    }

    /// Whether `c` ends a paragraph (a section mark does; a page break inside one does not).
    pub fn ends_paragraph(c: char, section_end: bool) -> bool {
        c == mark::PARAGRAPH || c == mark::CELL || (c == mark::PAGE_OR_SECTION && section_end)
    }

    /// A character that shows or is a field mark (not a paragraph end).
    pub fn char(&mut self, c: char) -> Result<()> {
        match c {
            mark::FIELD_BEGIN => {
                if self.fields.len() >= self.limits.max_depth {
                    return Err(over_limit(self.origin, "the nesting of the Word file's fields", self.limits.max_depth, "max_depth"));
                }
                self.fields.push(Field { instr: String::new(), in_result: false });
            }
            mark::FIELD_SEPARATOR => {
                if let Some(f) = self.fields.last_mut() {
                    f.in_result = true;
                }
            }
            mark::FIELD_END => {
                if let Some(f) = self.fields.pop() {
                    tc_field(&mut self.text, &f.instr);
                }
            }
            _ => {
                let shown = match c {
                    mark::TAB => '\t',
                    mark::LINE_BREAK => '\n',
                    mark::NON_BREAKING_HYPHEN => '-',
                    // Anchors of pictures and notes, optional hyphens, page breaks: nothing shows.
                    c if u32::from(c) < 0x20 => return Ok(()),
                    c => c,
                };
                match self.fields.last_mut() {
                    Some(f) if !f.in_result => f.instr.push(shown),
                    _ => self.text.push(shown),
                }
            }
        }
        Ok(())
    }

    /// A paragraph mark `c`, with the properties of its paragraph (and, for a row end, the
    /// row's cell edges).
    pub fn paragraph_end(&mut self, c: char, p: Paragraph, label: Option<String>, edges: Option<Vec<i16>>) -> Result<()> {
        let mut text = std::mem::take(&mut self.text);
        if let Some(label) = label {
            text.insert_str(0, &label);
        }
        match p.depth {
            0 => {
                self.close_table()?;
                self.paragraphs += 1;
                self.out.paragraph(text, Location::paragraph(self.paragraphs));
            }
            1 => {
                let t = self.open_table();
                if p.row_end && c == mark::CELL {
                    if !t.paragraphs.is_empty() || !t.nested.is_empty() || !text.is_empty() {
                        // A row end with no cell mark before it: what it holds is a cell.
                        t.paragraphs.push(text);
                        self.cell_end()?;
                    }
                    self.row_end(edges);
                } else {
                    t.paragraphs.push(text);
                    if c == mark::CELL {
                        self.cell_end()?;
                    }
                }
            }
            _ => {
                // A table inside a cell: kept as text (cells by TAB, rows by line) for a note.
                let t = self.open_table();
                if t.nested.is_empty() {
                    t.nested.push(vec![String::new()]);
                }
                let row = t.nested.last_mut().expect("a row was just made");
                if p.inner_row_end {
                    row.pop();
                    t.nested.push(vec![String::new()]);
                    return Ok(());
                }
                let cell = row.last_mut().expect("a row has a cell");
                if !cell.is_empty() && !text.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(&text);
                if p.inner_cell_end {
                    row.push(String::new());
                    count_cell(&mut self.cells, &self.limits, self.origin, "the Word file's table cells")?;
                }
            }
        }
        Ok(())
    }

    /// The table being read, or a new one when a table paragraph comes after body text.
    fn open_table(&mut self) -> &mut Table {
        let tables = &mut self.tables;
        self.table.get_or_insert_with(|| {
            *tables += 1;
            Table { number: *tables, row: 1, column: 1, paragraphs: Vec::new(), nested: Vec::new(), edges: Vec::new() }
        })
    }

    fn cell_end(&mut self) -> Result<()> {
        count_cell(&mut self.cells, &self.limits, self.origin, "the Word file's table cells")?;
        let Some(t) = &mut self.table else { return Ok(()) };
        let place = Location::table_cell(t.number, t.row, t.column);
        let paragraphs = std::mem::take(&mut t.paragraphs);
        let nested = std::mem::take(&mut t.nested);
        t.column += 1;
        self.out.cell(paragraphs, place, 1);
        let nested: Vec<String> = nested.into_iter().map(|r| r.join("\t")).collect();
        let nested = nested.join("\n");
        if !nested.trim().is_empty() {
            self.out.nested(nested.trim_end().to_owned());
        }
        Ok(())
    }

    fn row_end(&mut self, edges: Option<Vec<i16>>) {
        let Some(t) = &mut self.table else { return };
        if t.column > 1 {
            t.edges.push(edges);
            self.out.end_row();
        }
        t.row += 1;
        t.column = 1;
    }

    fn close_table(&mut self) -> Result<()> {
        let Some(t) = &self.table else { return Ok(()) };
        if !t.paragraphs.is_empty() || !t.nested.is_empty() {
            // A damaged table whose last cell has no mark: its paragraphs are still a cell.
            self.cell_end()?;
            self.row_end(None);
        }
        if let Some(t) = self.table.take() {
            if let Some(block) = self.out.table_mut() {
                grid_columns(block, &t.edges);
            }
            self.out.end_table();
        }
        Ok(())
    }

    /// The layout, with whatever the text held after its last mark as a paragraph of its own.
    pub fn finish(mut self) -> Result<Layout<'static>> {
        if !self.text.is_empty() {
            self.paragraph_end(mark::PARAGRAPH, Paragraph::default(), None, None)?;
        }
        self.close_table()?;
        Ok(self.out)
    }
}

/// Makes the columns of a closed table's cells grid columns, as Word draws the grid: every
/// distinct cell edge of the table's rows bounds a grid column, a cell's column is the one its
/// left edge opens, and it spans the columns up to its right edge. A row without a table
/// definition, or with one that does not match the cells read, keeps its count of cells.
fn grid_columns(table: &mut TableBlock<'_>, edges: &[Option<Vec<i16>>]) {
    let mut grid: Vec<i16> = edges.iter().flatten().flatten().copied().collect();
    grid.sort_unstable();
    grid.dedup();
    let column = |edge: &i16| grid.binary_search(edge).ok().map(|i| i + 1);
    for (row, edges) in table.rows.iter_mut().zip(edges) {
        let Some(edges) = edges.as_deref().filter(|e| e.len() == row.len() + 1) else { continue };
        for (cell, pair) in row.iter_mut().zip(edges.windows(2)) {
            let (left, right) = (column(&pair[0]), column(&pair[1]));
            if let Place::At(place) = &mut cell.place {
                **place = Location::from(crate::model::LocationParts { column: left, ..place.parts() });
            }
            if let (Some(l), Some(r)) = (left, right) {
                cell.span = u32::try_from(r.saturating_sub(l)).unwrap_or(1).max(1);
            }
        }
    }
}
