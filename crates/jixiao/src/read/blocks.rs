//! The one stream every reader yields: typed blocks in document order, each with its place. A
//! paragraph is a paragraph and a table is rows of cells, with the grid column and span the
//! format gives, so that nothing a format knows is lost on the way to the table pipeline (a
//! cell's second paragraph that starts with a TAB or ends in `…绩效目标表` is still that cell's).
//! [`Layout`] collects them as a reader walks its input, and hands each finished block to the
//! [`crate::read::assemble::Assembler`], which turns them into the document.

use std::borrow::Cow;

use crate::model::Location;

/// What a reader knows a paragraph to be, beyond its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A paragraph as written (it may still read as a part heading or a table title).
    Text,
    /// The title of the table that follows (an HTML page's heading or caption before a `<table>`).
    TableTitle,
    /// A spreadsheet's sheet name (`专项1-某项目`) for the table that follows: the table goes
    /// into the part the name gives.
    SheetTitle,
    /// Plain text whatever it says, never a heading, title or cell (a text save's line after
    /// its literal mark).
    Literal,
}

/// Where a block stands: a line of a text save, or a place in any other format (boxed: a text
/// save's cells are most of what is read, and each needs only its line).
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Line(usize),
    At(Box<Location>),
}

impl Place {
    /// The 1-based grid column, where the format has a grid.
    pub fn column(&self) -> Option<usize> {
        match self {
            Place::Line(_) => None,
            Place::At(l) => l.column(),
        }
    }

    pub fn location(self) -> Location {
        match self {
            Place::Line(line) => Location::line(line),
            Place::At(l) => *l,
        }
    }
}

impl From<Location> for Place {
    fn from(l: Location) -> Self {
        Place::At(Box::new(l))
    }
}

/// One cell: its paragraphs joined by `\n` (empty ones left out; a continued vertical merge
/// reads empty), its place, and how many grid columns it spans.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockCell<'a> {
    pub text: Cow<'a, str>,
    pub place: Place,
    pub span: u32,
}

/// A table: its rows of cells, and what its cells hold that is not text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableBlock<'a> {
    pub rows: Vec<Vec<BlockCell<'a>>>,
    /// Whether the cells' places give grid columns (Word, web pages, PDF, sheets); a text save's
    /// cells stand in the order written.
    pub grid: bool,
    /// Whether each row holds every cell, empty or not (a text save writes them all); a sheet's
    /// or a page's row may end at its last filled cell.
    pub whole_rows: bool,
    /// Tables nested in cells, as text (a line per row, cells separated by TABs), by row and
    /// cell index: kept as notes at their cells.
    pub nested: Vec<(usize, usize, String)>,
}

/// One block of the stream.
#[derive(Debug, Clone, PartialEq)]
pub enum Block<'a> {
    Paragraph {
        text: Cow<'a, str>,
        place: Place,
        role: Role,
    },
    Table(TableBlock<'a>),
    /// What a reader keeps but cannot read (a page that is only a picture), at its place.
    Note {
        text: String,
        place: Place,
    },
}

/// Where a reader puts its blocks: the assembler, or a list in tests.
pub trait BlockSink<'a> {
    fn block(&mut self, block: Block<'a>);
}

impl<'a> BlockSink<'a> for Vec<Block<'a>> {
    fn block(&mut self, block: Block<'a>) {
        self.push(block);
    }
}

/// The blocks of a file as a reader walks it: paragraphs go out as they come, a table when it
/// closes. Paragraphs since the last table are held back (`held`) so that a reader can still
/// mark the one before a table as its title, as web pages need.
#[derive(Debug, Default)]
pub struct Layout<'a> {
    /// Paragraphs since the last table, not yet handed on.
    held: Vec<Block<'a>>,
    table: Option<TableBlock<'a>>,
    row: Vec<BlockCell<'a>>,
    /// Finished blocks not yet taken by [`Layout::drain_into`].
    out: Vec<Block<'a>>,
}

impl<'a> Layout<'a> {
    /// A body paragraph. Leading TABs are indentation here; in a text save they would read as
    /// cells.
    pub fn paragraph(&mut self, text: impl Into<Cow<'a, str>>, place: Location) {
        self.titled(Role::Text, text, place);
    }

    /// A paragraph of a given role.
    pub fn titled(&mut self, role: Role, text: impl Into<Cow<'a, str>>, place: Location) {
        self.end_table();
        let text = match text.into() {
            Cow::Borrowed(t) => Cow::Borrowed(t.trim_start_matches('\t')),
            Cow::Owned(t) if t.starts_with('\t') => Cow::Owned(t.trim_start_matches('\t').to_owned()),
            t => t,
        };
        self.held.push(Block::Paragraph { text, place: place.into(), role });
    }

    /// A note at a place, in document order.
    pub fn note(&mut self, text: String, place: Location) {
        self.end_table();
        self.held.push(Block::Note { text, place: place.into() });
    }

    /// The paragraphs held since the last table, for a reader that marks a title among them.
    pub fn held_mut(&mut self) -> &mut Vec<Block<'a>> {
        &mut self.held
    }

    /// A cell of the open table (one is opened): its paragraphs, empty ones left out.
    pub fn cell(&mut self, paragraphs: impl IntoIterator<Item = String>, place: Location, span: usize) {
        let mut text = String::new();
        for p in paragraphs.into_iter().filter(|p| !p.is_empty()) {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&p);
        }
        self.cell_text(Cow::Owned(text), place, span);
    }

    /// A cell whose text is already joined.
    pub fn cell_text(&mut self, text: Cow<'a, str>, place: Location, span: usize) {
        if self.table.is_none() {
            self.flush_held();
            self.table = Some(TableBlock { rows: Vec::new(), grid: true, whole_rows: false, nested: Vec::new() });
        }
        let span = u32::try_from(span).unwrap_or(u32::MAX).max(1);
        self.row.push(BlockCell { text, place: place.into(), span });
    }

    /// A nested table's text, kept at the last cell.
    pub fn nested(&mut self, text: String) {
        if let Some(t) = &mut self.table {
            match self.row.len().checked_sub(1) {
                Some(cell) => t.nested.push((t.rows.len(), cell, text)),
                None => t.nested.push((t.rows.len().saturating_sub(1), t.rows.last().map_or(0, |r| r.len().saturating_sub(1)), text)),
            }
        }
    }

    /// Ends the row being read (nothing when it has no cell).
    pub fn end_row(&mut self) {
        if !self.row.is_empty()
            && let Some(t) = &mut self.table
        {
            t.rows.push(std::mem::take(&mut self.row));
        }
    }

    /// The open table, for a reader that settles its cells' grid columns when it closes.
    pub fn table_mut(&mut self) -> Option<&mut TableBlock<'a>> {
        self.table.as_mut()
    }

    /// Ends the open table, if any.
    pub fn end_table(&mut self) {
        self.end_row();
        if let Some(t) = self.table.take() {
            self.out.push(Block::Table(t));
        }
    }

    fn flush_held(&mut self) {
        self.out.append(&mut self.held);
    }

    /// Hands every finished block to `sink`, keeping what a reader may still change.
    pub fn drain_into(&mut self, sink: &mut (impl BlockSink<'a> + ?Sized)) {
        for b in self.out.drain(..) {
            sink.block(b);
        }
    }

    /// Hands on every block that is done: with no table open, the paragraphs held too (for a
    /// reader that marks no title among them), so that a reader keeps about one block at a time.
    pub fn flush_into(&mut self, sink: &mut (impl BlockSink<'a> + ?Sized)) {
        if self.table.is_none() {
            self.flush_held();
        }
        for b in self.out.drain(..) {
            sink.block(b);
        }
    }

    /// Ends the layout: everything goes to `sink`.
    pub fn finish_into(mut self, sink: &mut (impl BlockSink<'a> + ?Sized)) {
        self.end_table();
        self.flush_held();
        self.drain_into(sink);
    }

    /// Whether every block holds only white space (a file with no text of its own).
    pub fn is_blank(&self) -> bool {
        let blank = |b: &Block<'_>| match b {
            Block::Paragraph { text, .. } => crate::grammar::is_blank(text),
            Block::Table(t) => t.rows.iter().flatten().all(|c| crate::grammar::is_blank(&c.text)),
            Block::Note { .. } => false,
        };
        self.out.iter().chain(&self.held).all(blank)
            && self.table.as_ref().is_none_or(|t| blank(&Block::Table(t.clone())))
            && self.row.iter().all(|c| crate::grammar::is_blank(&c.text))
    }

    /// Every block, for tests and readers that collect them.
    pub fn into_blocks(self) -> Vec<Block<'a>> {
        let mut out = Vec::new();
        self.finish_into(&mut out);
        out
    }
}
