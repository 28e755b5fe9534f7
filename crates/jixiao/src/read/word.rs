//! What the two Word readers (.docx and old binary .doc) share: a Word file laid out as Word's
//! own plain-text save would have it, a place per line, and how that layout becomes a
//! [`Document`] through the text reader.

use super::text::{LineKind, cell_lines};
use super::{ReadOptions, text};
use crate::error::Result;
use crate::model::{Document, Location, Note};

/// The text layout of a Word file, a place per line.
#[derive(Debug, Default)]
pub struct Layout {
    pub lines: Vec<String>,
    pub places: Vec<Location>,
    /// Nested tables: kept, as notes at the cell that holds them.
    pub nested: Vec<(Location, String)>,
    /// What a reader knows a line to be, where it knows more than the text says (a PDF's page
    /// header that names a spreadsheet's sheet); a line past its end is plain.
    pub kinds: Vec<LineKind>,
}

impl Layout {
    pub fn push(&mut self, line: String, place: Location) {
        self.lines.push(line);
        self.places.push(place);
    }

    /// A body paragraph: a line per line break. Leading TABs are indentation here; in a text save
    /// they would read as cells.
    pub fn push_paragraph(&mut self, text: &str, place: Location) {
        for line in text.trim_start_matches('\t').split('\n') {
            self.push(line.to_owned(), place.clone());
        }
    }

    /// A table cell's paragraphs, the empty ones left out, as a text save lays a cell out.
    pub fn push_cell(&mut self, paragraphs: impl IntoIterator<Item = String>, place: &Location) {
        cell_lines(paragraphs.into_iter().filter(|p| !p.is_empty()), |line| self.push(line, place.clone()));
    }

    /// The end of table `table`: a second blank line, so that what follows is not its last cell's.
    pub fn end_table(&mut self, table: usize) {
        self.push(String::new(), Location::table_cell(table, 0, 0));
    }
}

/// A TC field goes into the text as Word's text save writes it (` TC 标题 \f B \l 1 `); other
/// fields leave only their result.
pub fn tc_field(text: &mut String, instr: &str) {
    let trimmed = instr.trim_start();
    if trimmed.starts_with("TC ") || trimmed == "TC" {
        if !text.ends_with(' ') {
            text.push(' ');
        }
        text.push_str(trimmed.trim_end());
        text.push(' ');
    }
}

/// The document a layout reads as; each `line` of it indexes `locations`.
pub fn to_document(mut layout: Layout, options: &ReadOptions) -> Result<Document> {
    use crate::grammar::fold::fold_ideographs;
    let folded = layout.lines.iter_mut().chain(layout.nested.iter_mut().map(|(_, t)| t)).map(fold_ideographs).sum();
    let kinds = layout.kinds.iter().copied().chain(std::iter::repeat(LineKind::Plain));
    let mut doc = text::parse_items(kinds.zip(layout.lines.iter().map(String::as_str)));
    // A nested table is kept, and reported, as a note at the cell that holds it.
    for (place, text) in &layout.nested {
        let line = layout.places.iter().position(|p| p == place).map_or(0, |i| i + 1);
        doc.notes.push(Note { line, text: text.clone() });
    }
    doc.notes.sort_by_key(|n| n.line);
    (doc.locations, doc.folded_chars) = (layout.places, folded);
    text::require_structure(doc, options, layout.lines.iter().all(|l| l.trim().is_empty()))
}
