//! An HTML page in document order → the block stream, each block with its place: a paragraph,
//! a table's rows of cells with their grid columns and spans, as the .docx reader lays out a
//! Word file. The page is read as a stream of tokens (`tree` keeps what a browser's tree
//! construction decides: where elements end, what is hidden, what is fostered out of a table);
//! only a table's cells are held, until the table ends.
//!
//! - A table whose cells hold tables is layout, not data: its cells are read as paragraphs and
//!   the tables inside them as tables (the real table inside a page's frame of layout tables).
//!   A table is held as a data table until a table opens inside it; its cells read so far then
//!   go out as paragraphs, and what follows streams as paragraphs.
//! - `rowspan`: the rows it covers get an empty cell in its place, as a vertically merged cell
//!   reads in Word; `colspan`: one cell spanning its grid columns.
//! - White space collapses as a browser shows it; a line break of the source between two CJK
//!   characters is dropped, as it shows (Word's pages wrap their source inside Chinese words).
//! - The title of a table is the text before it that reads as a title, a title row at its top,
//!   its `<caption>`, or else the heading or short paragraph right before it.

use super::own_notes::{NOTES_CLASS, PLACE_CLASS, has_class, is_notes_heading, is_place};
use super::tree::{Attrs, Tag, Tree};
use crate::error::{Origin, Result};
use crate::grammar::form::table_title;
use crate::grammar::form::titles::{project_name_line, under_caption_line};
use crate::model::Location;
use crate::read::blocks::{Block, BlockSink, Layout, Role};
use crate::read::container::{Limits, count_cell, over_limit};

/// The page as blocks, and the pages it shows.
#[derive(Debug, Default)]
pub struct Page {
    pub layout: Layout<'static>,
    /// The pages its `<frame>`s and `<iframe>`s show (Excel saves a workbook as a frameset
    /// with a page per sheet, `book.files/sheet001.htm`).
    pub frames: Vec<String>,
}

/// What each grid column a cell spans costs in the table pipeline (a cell of its row there),
/// charged to the read's budget as the cell is laid out: `colspan=1000` over `rowspan=65534`
/// rows claims a grid a small page does not hold.
const SPAN_COST: u64 = 32;

/// The longest text taken as a table's title only because it stands right before the table.
const LONGEST_TITLE: usize = 150;

/// Text being gathered into one paragraph: its pieces between `<br>`s, as in the source.
#[derive(Default)]
struct Paragraph {
    pieces: Vec<String>,
}

impl Paragraph {
    fn text(&mut self, t: &str) {
        match self.pieces.last_mut() {
            Some(last) => last.push_str(t),
            None => self.pieces.push(t.to_owned()),
        }
    }

    fn line_break(&mut self) {
        if self.pieces.is_empty() {
            self.pieces.push(String::new());
        }
        self.pieces.push(String::new());
    }

    /// The paragraph as shown: each piece collapsed, empty ones left out, joined by line breaks.
    fn take(&mut self) -> Option<String> {
        let pieces: Vec<String> = self.pieces.drain(..).map(|p| collapse(&p)).filter(|p| !p.is_empty()).collect();
        (!pieces.is_empty()).then(|| pieces.join("\n"))
    }
}

/// Whether a character is wide (CJK ideographs, kana, hangul, full-width forms and CJK
/// punctuation): a source line break between two such characters shows as nothing.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// White space as a browser shows it: runs of spaces, TABs and line breaks become one space,
/// none at the ends; a run of line breaks only, between two wide characters, becomes nothing.
/// No-break spaces (`&nbsp;`) are spaces in the text.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Option<bool> = None; // in a white-space run: whether it is line breaks only
    for c in s.chars() {
        let c = if c == '\u{a0}' { ' ' } else { c };
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            let breaks_only = matches!(c, '\n' | '\r');
            run = Some(run.map_or(breaks_only, |b| b && breaks_only));
            continue;
        }
        if let Some(breaks_only) = run.take()
            && !out.is_empty()
            && !(breaks_only && out.chars().next_back().is_some_and(is_wide) && is_wide(c))
        {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// LibreOffice's export of a workbook heads each sheet's table `Sheet 1: 名称`: the sheet's name.
fn sheet_name(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("Sheet ")?;
    let (n, name) = rest.split_once(": ")?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then(|| name.trim())
}

/// What an `<input>` shows: its value, nothing for a check box, a button's image and the like.
fn input_text(attrs: &Attrs) -> &str {
    let kind = attrs.kind.to_ascii_lowercase();
    if matches!(kind.as_str(), "checkbox" | "radio" | "image" | "file" | "password" | "hidden") {
        return "";
    }
    attrs.value.as_deref().unwrap_or_default()
}

/// A cell (or caption) being read: its paragraphs so far, the one being gathered, its spans.
#[derive(Default)]
struct CellBuf {
    paragraphs: Vec<String>,
    p: Paragraph,
    rowspan: usize,
    colspan: usize,
}

impl CellBuf {
    fn boundary(&mut self) {
        self.paragraphs.extend(self.p.take());
    }
}

/// A data table being read: held until it ends (or a table opens in it, and it is layout).
#[derive(Default)]
struct DataTable {
    /// Rows of cells: paragraphs, rowspan, colspan.
    rows: Vec<Vec<(Vec<String>, usize, usize)>>,
    /// The paragraphs of its captions.
    captions: Vec<Vec<String>>,
    cell: Option<CellBuf>,
    caption: Option<CellBuf>,
    /// What stands in the table outside its cells: shown before it, after the paragraph that
    /// was being gathered when the table started (`foster_p` starts as that paragraph).
    foster: Vec<String>,
    foster_p: Paragraph,
    /// Cells counted against `max_cells` so far.
    cells: usize,
}

/// The walker: turns what shows of the page into blocks.
pub struct Walker<'a> {
    out: Page,
    /// Where each table goes with the paragraphs before it as soon as it ends, so that the page
    /// is never held as blocks whole; None: kept in `out` (a page inside another file).
    feed: Option<&'a mut dyn BlockSink<'static>>,
    pub(super) origin: &'a Origin,
    pub(super) limits: Limits,
    paragraphs: usize,
    tables: usize,
    cells: usize,
    /// The paragraph being gathered outside data tables.
    p: Paragraph,
    /// The tables open that show: `Some` while one is read as data (only the innermost can be).
    open_tables: Vec<Option<DataTable>>,
    /// jixiao's own notes block (`own_notes`): its items are notes again, its heading and each
    /// item's place left out when they are exactly jixiao's.
    notes: OwnNotes,
}

/// Where the walker is in jixiao's own notes block. The text of its heading and of an item's
/// place flows into the paragraph as any other; it is cut off again only when nothing but that
/// text came since its mark (no break, no block, no table) and it is exactly jixiao's.
#[derive(Default)]
struct OwnNotes {
    /// The notes blocks open; each `details`, `li` and `span` open: whether it was counted as
    /// the block's, its item or an item's place (each end undoes only what its start did).
    open: usize,
    details_by: Vec<bool>,
    items: usize,
    items_by: Vec<bool>,
    spans_by: Vec<bool>,
    /// The block's heading is being read, from the start of the paragraph.
    heading: bool,
    /// An item's place is being read, from this mark in the paragraph.
    place: Option<Mark>,
    /// An item's place has been read: cut at this mark if the item ends with it.
    place_read: Option<Mark>,
}

/// A point in the paragraph being gathered: its pieces, and the length of the last.
#[derive(Clone, Copy)]
struct Mark {
    pieces: usize,
    len: usize,
}

impl Paragraph {
    fn mark(&self) -> Mark {
        Mark { pieces: self.pieces.len(), len: self.pieces.last().map_or(0, String::len) }
    }

    /// The text since `mark`, with no break since (else None).
    fn since(&self, mark: Mark) -> Option<&str> {
        match (mark.pieces, self.pieces.len()) {
            (0, 0) => Some(""),
            (0, 1) => Some(&self.pieces[0]),
            (m, n) if m == n => self.pieces[m - 1].get(mark.len..),
            _ => None,
        }
    }

    fn cut(&mut self, mark: Mark) {
        self.pieces.truncate(mark.pieces);
        if let Some(last) = self.pieces.last_mut() {
            last.truncate(mark.len);
        }
    }
}

impl<'a> Walker<'a> {
    fn new(origin: &'a Origin, limits: Limits) -> Self {
        Walker {
            out: Page::default(),
            feed: None,
            origin,
            limits,
            paragraphs: 0,
            tables: 0,
            cells: 0,
            p: Paragraph::default(),
            open_tables: Vec::new(),
            notes: OwnNotes::default(),
        }
    }

    /// Whether text now goes to the page's paragraph (no data table open).
    fn in_page(&self) -> bool {
        self.open_tables.last().is_none_or(Option::is_none)
    }

    /// Something other than plain text came: no heading or place being read is jixiao's.
    fn spoil_marks(&mut self) {
        self.notes.heading = false;
        self.notes.place = None;
        self.notes.place_read = None;
    }

    fn emit(&mut self, text: String) {
        self.paragraphs += 1;
        self.out.layout.paragraph(text, Location::paragraph(self.paragraphs));
    }

    fn paragraph(&mut self) {
        if let Some(text) = self.p.take() {
            self.emit(text);
        }
    }

    fn data(&mut self) -> Option<&mut DataTable> {
        self.open_tables.last_mut().and_then(Option::as_mut)
    }

    /// Where text goes now: the page's paragraph, a cell's, a caption's or the fostered one;
    /// None between the cells of a data table (white space there shows as nothing).
    fn target(&mut self, foster: bool) -> Option<&mut Paragraph> {
        match self.open_tables.last_mut().and_then(Option::as_mut) {
            None => Some(&mut self.p),
            Some(t) if foster => Some(&mut t.foster_p),
            Some(t) => match (&mut t.cell, &mut t.caption) {
                (Some(c), _) | (None, Some(c)) => Some(&mut c.p),
                (None, None) => None,
            },
        }
    }

    pub(super) fn text(&mut self, text: &str, foster: bool) {
        if !text.trim().is_empty() {
            // Text after an item's place: the place is not the item's end.
            self.notes.place_read = None;
        }
        if let Some(p) = self.target(foster) {
            p.text(text);
        }
    }

    fn line_break(&mut self, foster: bool) {
        self.spoil_marks();
        if let Some(p) = self.target(foster) {
            p.line_break();
        }
    }

    /// A block starts or ends: the paragraph being gathered ends.
    fn boundary(&mut self, foster: bool) {
        self.spoil_marks();
        match self.open_tables.last_mut().and_then(Option::as_mut) {
            None => self.paragraph(),
            Some(t) if foster => t.foster.extend(t.foster_p.take()),
            Some(t) => match (&mut t.cell, &mut t.caption) {
                (Some(c), _) | (None, Some(c)) => c.boundary(),
                (None, None) => {}
            },
        }
    }

    /// A table opens inside the data table being read: that one is layout. What it held goes
    /// out as paragraphs, in order; the cell's paragraph being gathered goes on as the page's.
    pub(super) fn hidden_table(&mut self) {
        self.turn_layout();
    }

    fn turn_layout(&mut self) {
        let Some(slot) = self.open_tables.last_mut() else { return };
        let Some(mut t) = slot.take() else { return };
        self.cells -= t.cells;
        let mut paragraphs = std::mem::take(&mut t.foster);
        paragraphs.extend(t.foster_p.take());
        paragraphs.extend(t.captions.into_iter().flatten());
        for row in t.rows {
            for (cell, _, _) in row {
                paragraphs.extend(cell);
            }
        }
        for open in [t.caption, t.cell].into_iter().flatten() {
            paragraphs.extend(open.paragraphs);
            self.p = open.p;
        }
        for text in paragraphs {
            self.emit(text);
        }
    }

    pub(super) fn open(&mut self, tag: Tag, attrs: &Attrs, foster: bool) -> Result<()> {
        match tag {
            Tag::Br => self.line_break(foster),
            Tag::Input => {
                let text = input_text(attrs).to_owned();
                self.text(&text, foster);
            }
            Tag::Frame | Tag::Iframe => self.out.frames.extend(attrs.src.clone()),
            Tag::Table => {
                self.spoil_marks();
                self.turn_layout();
                // What a browser fosters out of the table stands right before it, in the
                // paragraph being gathered there: that paragraph ends with the table's fostered
                // text, not at the table's start.
                let foster_p = std::mem::take(&mut self.p);
                self.open_tables.push(Some(DataTable { foster_p, ..DataTable::default() }));
            }
            Tag::Tr if self.data().is_some() => {
                if let Some(t) = self.data() {
                    t.rows.push(Vec::new());
                }
            }
            Tag::Td | Tag::Th if self.data().is_some() => {
                count_cell(&mut self.cells, &self.limits, self.origin, "the page's table cells")?;
                let rowspan = Attrs::span(attrs.rowspan.as_deref(), 65_534);
                let colspan = Attrs::span(attrs.colspan.as_deref(), 1000);
                if let Some(t) = self.data() {
                    t.cells += 1;
                    t.cell = Some(CellBuf { rowspan, colspan, ..CellBuf::default() });
                }
            }
            Tag::Caption if self.data().is_some() => {
                if let Some(t) = self.data() {
                    t.caption = Some(CellBuf::default());
                }
            }
            Tag::Details => {
                self.boundary(foster);
                let counted = self.in_page() && (self.notes.open > 0 || has_class(&attrs.class, NOTES_CLASS));
                self.notes.open += usize::from(counted);
                self.notes.details_by.push(counted);
            }
            Tag::Summary if self.notes.open > 0 && self.in_page() => {
                self.boundary(foster);
                self.notes.heading = true;
            }
            Tag::Li => {
                self.boundary(foster);
                let counted = self.notes.open > 0 && self.in_page();
                self.notes.items += usize::from(counted);
                self.notes.items_by.push(counted);
            }
            Tag::Span => {
                let counted = self.notes.items > 0 && self.in_page() && has_class(&attrs.class, PLACE_CLASS);
                if counted {
                    self.notes.place = Some(self.p.mark());
                    self.notes.place_read = None;
                }
                self.notes.spans_by.push(counted);
            }
            _ if tag.block() => self.boundary(foster),
            _ => {}
        }
        Ok(())
    }

    pub(super) fn close(&mut self, tag: Tag, foster: bool) -> Result<()> {
        match tag {
            Tag::Table => match self.open_tables.pop() {
                Some(Some(t)) => self.data_table(t)?,
                Some(None) => self.boundary(foster),
                None => {}
            },
            Tag::Td | Tag::Th if self.data().is_some() => {
                if let Some(t) = self.data()
                    && let Some(mut cell) = t.cell.take()
                {
                    cell.boundary();
                    // A row is always open: the tree opens one for a cell outside a row.
                    if let Some(row) = t.rows.last_mut() {
                        row.push((cell.paragraphs, cell.rowspan, cell.colspan));
                    }
                }
            }
            Tag::Caption if self.data().is_some() => {
                if let Some(t) = self.data()
                    && let Some(mut caption) = t.caption.take()
                {
                    caption.boundary();
                    t.captions.push(caption.paragraphs);
                }
            }
            Tag::Details => {
                self.boundary(foster);
                if self.notes.details_by.pop() == Some(true) {
                    self.notes.open -= 1;
                }
            }
            Tag::Summary if self.notes.heading && self.in_page() => {
                if self.p.since(Mark { pieces: 0, len: 0 }).is_some_and(is_notes_heading) {
                    self.p = Paragraph::default();
                }
                self.boundary(foster);
            }
            // An item of jixiao's notes block is a note again, at its place in the page.
            Tag::Li => {
                if self.notes.items_by.pop() == Some(true) {
                    self.notes.items -= 1;
                    if self.in_page() {
                        if let Some(mark) = self.notes.place_read.take() {
                            self.p.cut(mark);
                        }
                        if let Some(text) = self.p.take() {
                            self.paragraphs += 1;
                            self.out.layout.note(text, Location::paragraph(self.paragraphs));
                        }
                    }
                }
                self.boundary(foster);
            }
            Tag::Span => {
                if self.notes.spans_by.pop() == Some(true)
                    && let Some(mark) = self.notes.place.take()
                    && self.p.since(mark).is_some_and(is_place)
                {
                    self.notes.place_read = Some(mark);
                }
            }
            _ if tag.block() => self.boundary(foster),
            _ => {}
        }
        Ok(())
    }

    fn count_cell(&mut self) -> Result<()> {
        count_cell(&mut self.cells, &self.limits, self.origin, "the page's table cells")
    }

    /// A data table (no table inside) as it ends: what was fostered out of it, its title, then
    /// its rows in Word's text layout.
    fn data_table(&mut self, table: DataTable) -> Result<()> {
        let DataTable { rows, captions, mut foster, mut foster_p, .. } = table;
        foster.extend(foster_p.take());
        for text in foster {
            self.emit(text);
        }
        self.tables += 1;
        let t = self.tables;
        let caption = captions.into_iter().next().and_then(|c| c.into_iter().next());
        // A title row at the top: one cell with text that reads as a table title.
        let mut first_row = 0;
        let mut titled = false;
        while let Some(row) = rows.get(first_row) {
            let filled: Vec<&(Vec<String>, usize, usize)> = row.iter().filter(|(p, _, _)| !p.is_empty()).collect();
            let [(paragraphs, _, _)] = filled.as_slice() else { break };
            let text = paragraphs.join("");
            if table_title(&text).is_none() {
                break;
            }
            self.out.layout.paragraph(text, Location::table_cell(t, first_row + 1, 1));
            titled = true;
            first_row += 1;
        }
        if !titled {
            self.title_before(t, caption);
        }
        // Rows: a cell covered by a rowspan from above reads as an empty cell.
        // (column, width, rows still covered): only spans that still cover a row are kept.
        let mut covered: Vec<(usize, usize, usize)> = Vec::new();
        for (r, row) in rows.into_iter().enumerate().skip(first_row) {
            let row_number = r + 1;
            let mut column = 1usize;
            let mut cells = row.into_iter();
            let mut new_covers = Vec::new();
            loop {
                if let Some(&(_, width, _)) = covered.iter().find(|(c, _, _)| *c == column) {
                    // A covered cell is a cell of the layout too: counted, so that spans cannot
                    // make a small page into a huge one.
                    self.count_cell()?;
                    if !crate::read::budget::charge(width as u64 * SPAN_COST) {
                        // Past the budget: the read's error says so; nothing more is built.
                        self.out.layout.end_table();
                        return Ok(());
                    }
                    self.out.layout.cell_text(std::borrow::Cow::Borrowed(""), Location::table_cell(t, row_number, column), width);
                    column += width;
                    continue;
                }
                let Some((paragraphs, rowspan, colspan)) = cells.next() else {
                    // Covered cells right of the last one still stand in the row.
                    match covered.iter().map(|(c, _, _)| *c).filter(|c| *c > column).min() {
                        Some(next) => {
                            column = next;
                            continue;
                        }
                        None => break,
                    }
                };
                let place = Location::table_cell(t, row_number, column);
                if !crate::read::budget::charge(colspan as u64 * SPAN_COST + paragraphs.iter().map(|p| p.len() as u64).sum::<u64>()) {
                    self.out.layout.end_table();
                    return Ok(());
                }
                self.out.layout.cell(paragraphs, place, colspan);
                if rowspan > 1 {
                    new_covers.push((column, colspan, rowspan - 1));
                }
                column += colspan;
            }
            for c in &mut covered {
                c.2 = c.2.saturating_sub(1);
            }
            covered.retain(|c| c.2 > 0);
            covered.extend(new_covers);
            self.out.layout.end_row();
        }
        self.out.layout.end_table();
        // The table and what stands before it are done: no later block changes them.
        if let Some(feed) = self.feed.as_deref_mut() {
            self.out.layout.drain_into(feed);
        }
        Ok(())
    }

    /// Makes sure a table title stands before the table: a line there that reads as one, else
    /// its caption, else the heading or short paragraph right before it.
    fn title_before(&mut self, t: usize, caption: Option<String>) {
        let held = self.out.layout.held_mut();
        let last = held.iter().rposition(|b| matches!(b, Block::Paragraph { text, .. } if !text.trim().is_empty()));
        // The last line of the last paragraph since the previous table.
        let last_line = last.and_then(|i| match &held[i] {
            Block::Paragraph { text, .. } => text.split('\n').rev().find(|l| !l.trim().is_empty()).map(str::to_owned),
            _ => None,
        });
        // A field, year or unit line (`项目名称：X`, `2024年度`, `单位：万元`) says something of the
        // table under a title or caption above it, and is never the title itself: the assembler
        // reads it with the title before it.
        if last_line.as_deref().is_some_and(|l| table_title(l).is_some() || under_caption_line(l) || project_name_line(l).is_some()) {
            return;
        }
        if let Some(caption) = caption {
            self.out.layout.titled(Role::TableTitle, caption, Location::table_cell(t, 0, 0));
        } else if let (Some(i), Some(line)) = (last, last_line)
            && line.chars().count() <= LONGEST_TITLE
            && let Block::Paragraph { text, place, .. } = held.remove(i)
        {
            // The lines before the title stay a paragraph of their own.
            let before = text.trim_end().strip_suffix(line.as_str()).map(|b| b.trim_end_matches('\n').to_owned()).unwrap_or_default();
            if !before.trim().is_empty() {
                held.insert(i, Block::Paragraph { text: before.into(), place: place.clone(), role: Role::Text });
            }
            let (role, title) = match sheet_name(&line) {
                Some(name) => (Role::SheetTitle, name.to_owned()),
                None => (Role::TableTitle, line),
            };
            held.push(Block::Paragraph { text: title.into(), place, role });
        }
    }
}

/// Lays out a page, its blocks kept (a page inside another file).
pub fn layout(page: &str, origin: &Origin, limits: Limits) -> Result<Page> {
    if page.len() as u64 > limits.max_bytes {
        return Err(over_limit(origin, "the page's size", limits.max_bytes, "max_bytes"));
    }
    let mut w = Walker::new(origin, limits);
    Tree::new(&mut w).read(page)?;
    w.paragraph();
    Ok(w.out)
}

/// Lays out a page into `feed`, each table with the paragraphs before it as soon as the table
/// ends (the paragraphs since the last table are held: one of them may be the next one's title);
/// the pages its frames show.
pub fn layout_into<'f>(page: &str, origin: &'f Origin, limits: Limits, feed: &'f mut dyn BlockSink<'static>) -> Result<Vec<String>> {
    if page.len() as u64 > limits.max_bytes {
        return Err(over_limit(origin, "the page's size", limits.max_bytes, "max_bytes"));
    }
    let mut w = Walker::new(origin, limits);
    w.feed = Some(feed);
    Tree::new(&mut w).read(page)?;
    w.paragraph();
    let Walker { out: Page { layout, frames }, feed, .. } = w;
    if let Some(feed) = feed {
        layout.finish_into(feed);
    }
    Ok(frames)
}

/// The most a page's tables can charge the read's budget, from its bytes alone: its text twice
/// (the cells' text as laid out and in the table pipeline) and, for each `<td>` or `<th>`, the
/// grid it claims (`colspan` × `rowspan` cells, each laid out and built), read as the walker
/// reads them; a span written any other way than in digits counts as the most it can be. A page
/// within its budget by this bound hands its tables on as they are built.
pub fn bound(page: &str) -> u64 {
    let bytes = page.as_bytes();
    let per_cell = SPAN_COST + crate::read::tree::CELL_COST;
    let mut total = 2 * bytes.len() as u64;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + i + 1;
        at = start;
        let name = bytes.get(start..start + 2).unwrap_or_default();
        let is_cell = name.eq_ignore_ascii_case(b"td") || name.eq_ignore_ascii_case(b"th");
        let ends_name = bytes.get(start + 2).is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/');
        if !(is_cell && ends_name) {
            continue;
        }
        let end = memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        let tag = page[start..end].to_ascii_lowercase();
        let colspan = span_claim(&tag, "colspan", 1000);
        let rowspan = span_claim(&tag, "rowspan", 65_534);
        total = total.saturating_add(per_cell.saturating_mul(colspan).saturating_mul(rowspan));
        at = end;
    }
    total
}

/// The span an attribute of a cell's tag (in lower case) claims at most: its digits as the
/// walker reads them, `most` for a value it cannot read here (an entity, a word).
fn span_claim(tag: &str, attribute: &str, most: u64) -> u64 {
    let mut claim = 1;
    let mut rest = tag;
    while let Some(i) = rest.find(attribute) {
        rest = &rest[i + attribute.len()..];
        let value = rest.trim_start();
        let Some(value) = value.strip_prefix('=') else { continue };
        let value = value.trim_start();
        let value = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default(),
            _ => value.split(|c: char| c.is_ascii_whitespace() || c == '>').next().unwrap_or_default(),
        };
        let n = match value.trim().parse::<u64>() {
            Ok(0) => most,
            Ok(n) => n.clamp(1, most),
            Err(_) if value.trim().is_empty() => 1,
            Err(_) => most,
        };
        claim = claim.max(n);
    }
    claim
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks as the lines of a text save: a paragraph's lines, a cell a TAB line (its
    /// further paragraphs after a blank line), a blank line after each row and one more after
    /// each table; titles marked.
    fn lines(page: &str) -> Vec<String> {
        let mut out = Vec::new();
        for block in layout(page, &Origin(None), Limits::default()).unwrap().layout.into_blocks() {
            match block {
                Block::Paragraph { text, role, .. } => match role {
                    Role::TableTitle => out.push(format!("[title] {text}")),
                    Role::SheetTitle => out.push(format!("[sheet] {text}")),
                    _ => out.extend(text.split('\n').map(str::to_owned)),
                },
                Block::Table(t) => {
                    for row in t.rows {
                        for cell in row {
                            crate::grammar::form::cell_lines(cell.text.split('\n').map(str::to_owned), |l| out.push(l));
                        }
                        out.push(String::new());
                    }
                    out.push(String::new());
                }
                Block::Note { text, .. } => out.push(format!("[note] {text}")),
            }
        }
        out
    }

    #[test]
    fn a_pages_bound_counts_the_grid_its_cells_claim() {
        let per = SPAN_COST + crate::read::tree::CELL_COST;
        let page = "<table><tr><td>a</td><TD colspan=3 rowspan='2'>b</TD><th colspan=\"&#50;\">c</th><td rowspan=0>d</td></tr></table>";
        assert_eq!(bound(page), 2 * page.len() as u64 + per * (1 + 3 * 2 + 1000 + 65_534));
        let prose = "<p>no cells <tdx> <t> <tdata></p>";
        assert_eq!(bound(prose), 2 * prose.len() as u64);
    }

    #[test]
    fn white_space_shows_as_in_a_browser() {
        assert_eq!(collapse("  绩效\n  目标 "), "绩效 目标");
        assert_eq!(collapse("城乡居民\r\n基本养老"), "城乡居民基本养老");
        assert_eq!(collapse("第一部分\n 部门整体"), "第一部分 部门整体");
        assert_eq!(collapse("100\n%"), "100 %");
        assert_eq!(collapse("a&nbsp;b".replace("&nbsp;", "\u{a0}").as_str()), "a b");
    }

    #[test]
    fn spans_read_as_merged_cells_in_a_word_text_save() {
        let page = "<p>1、某项目绩效目标表</p><table><tr><td>一级指标</td><td>二级指标</td></tr>\
                    <tr><td rowspan=2>产出指标</td><td>数量指标</td></tr><tr><td>质量指标</td></tr>\
                    <tr><td colspan=2>合计</td></tr></table><p>说明</p>";
        assert_eq!(
            lines(page),
            ["1、某项目绩效目标表", "\t一级指标", "\t二级指标", "", "\t产出指标", "\t数量指标", "", "\t", "\t质量指标", "", "\t合计", "", "", "说明"]
        );
    }

    #[test]
    fn layout_tables_around_the_real_one_are_paragraphs() {
        let page = "<table><tr><td><h3>某项目绩效目标</h3><table><tr><td>一级指标</td></tr></table></td></tr></table>";
        assert_eq!(lines(page), ["[title] 某项目绩效目标", "\t一级指标", "", ""]);
    }

    #[test]
    fn titles_from_caption_title_row_and_sheet_heading() {
        assert_eq!(lines("<table><caption>某项目</caption><tr><td>a</td></tr></table>")[0], "[title] 某项目");
        assert_eq!(lines("<table><tr><td colspan=3>2、某项目绩效目标表</td></tr><tr><td>a</td></tr></table>")[0], "2、某项目绩效目标表");
        assert_eq!(lines("<h1>Sheet 1: <em>专项1-某项目</em></h1><table><tr><td>a</td></tr></table>")[0], "[sheet] 专项1-某项目");
    }

    #[test]
    fn cells_keep_their_paragraphs_and_breaks() {
        let page = "<p>1、某项目绩效目标表</p><table><tr><td><p>第一段<br>续行</p><p>第二段</p></td><td>&nbsp;</td></tr></table>";
        let blocks = layout(page, &Origin(None), Limits::default()).unwrap().layout.into_blocks();
        let Some(Block::Table(t)) = blocks.get(1) else { panic!("a table after the title: {blocks:?}") };
        let texts: Vec<&str> = t.rows[0].iter().map(|c| c.text.as_ref()).collect();
        assert_eq!(texts, ["第一段\n续行\n第二段", ""], "paragraphs and line breaks of one cell stay in it");
    }

    #[test]
    fn word_and_excel_web_page_idioms() {
        // Word: conditional comments around list numbers (the number is text), o:p elements,
        // the source wrapped inside Chinese words.
        let word = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><div class=WordSection1>\
                    <p class=MsoNormal><![if !supportLists]><span style='mso-list:Ignore'>1、</span><![endif]>城乡居民基本养老保险区级补助资金绩效\r\n目标表<o:p></o:p></p>\
                    <table class=MsoTableGrid><tr><td><p class=MsoNormal>一级<span lang=EN-US><o:p>&nbsp;</o:p></span></p></td></tr></table></div></body></html>";
        assert_eq!(lines(word), ["1、城乡居民基本养老保险区级补助资金绩效目标表", "\t一级", "", ""]);
        // Excel: x:str and x:num cells show their text; a colspan that only lets text run over
        // empty cells (mso-ignore:colspan) is one cell as well.
        let excel = "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table x:str>\
                     <tr><td colspan=3 style='mso-ignore:colspan'>2、某项目绩效目标表</td></tr>\
                     <tr><td x:str=\"一级指标\">一级指标</td><td x:num=\"0.95\">95%</td></tr></table></body></html>";
        assert_eq!(lines(excel), ["2、某项目绩效目标表", "\t一级指标", "\t95%", "", ""]);
    }

    #[test]
    fn elements_end_where_a_browser_ends_them() {
        // No `</td>`, `</tr>`, `</p>`, no `<tbody>`: cells, rows and paragraphs end all the same.
        let page = "<p>1、某项目绩效目标表<table><tr><td>一级指标<td>二级指标<tr><td>产出指标<td>数量指标</table><p>说明<p>完";
        assert_eq!(lines(page), ["1、某项目绩效目标表", "\t一级指标", "\t二级指标", "", "\t产出指标", "\t数量指标", "", "", "说明", "完"]);
        // A table in a table's rows (not in a cell) ends it; a `<col>` in a row ends the row.
        assert_eq!(lines("<table><tr><td>a</td></tr><table><tr><td>b</table>"), ["\ta", "", "", "\tb", "", ""]);
        assert_eq!(lines("<table><tr><td>a<col><td>b</table>"), ["\ta", "", "\tb", "", ""]);
    }

    #[test]
    fn misnested_and_stray_tags() {
        // A formatting element closed across a block ends there, the block goes on.
        assert_eq!(lines("<b>甲<p>乙</b>丙</p>"), ["甲", "乙丙"]);
        assert_eq!(lines("<font style=\"display:none\">藏<p>也藏</font>显</p>"), ["显"]);
        // An end tag with no start: `</p>` is an empty paragraph; others are left out.
        assert_eq!(lines("<div>甲</p>乙</span></td></div>"), ["甲", "乙"]);
    }

    #[test]
    fn text_in_a_table_outside_its_cells_stands_before_it() {
        assert_eq!(lines("<p>说明</p><table>1、某项目绩效目标表<tr><td>一级指标</td></tr></table>"), ["说明", "1、某项目绩效目标表", "\t一级指标", "", ""]);
        // In the paragraph right before the table, as a browser shows it.
        assert_eq!(lines("<span>1、某项目</span><table>绩效目标表<tr><td>a</table>"), ["1、某项目绩效目标表", "\ta", "", ""]);
    }

    #[test]
    fn a_select_shows_its_selected_option() {
        assert_eq!(lines("<p>甲<select><option>x<option selected>y</select>乙"), ["甲y乙"]);
        // Parsed as the standard now parses a select: a `<p>` in it does not end it, an
        // `<input>` does.
        assert_eq!(lines("<p>a<select><p>b</select>c"), ["ac"]);
        assert_eq!(lines("<p>a<select><option>x<input value=是>"), ["ax是"]);
    }

    #[test]
    fn the_head_ends_where_the_body_starts() {
        assert_eq!(lines("<html><head><meta charset=utf-8><title>题</title>正文<style>p{}</style>"), ["正文"]);
        assert_eq!(lines("<textarea>\n文</textarea><pre>\n预</pre>"), ["文", "预"]);
    }

    #[test]
    fn frames_are_listed() {
        let page =
            "<html><frameset rows=\"*,39\"><frame src=\"book.files/sheet001.htm\" name=\"frSheet\"><frame src=\"book.files/tabstrip.htm\"></frameset></html>";
        let layout = layout(page, &Origin(None), Limits::default()).unwrap();
        assert_eq!(layout.frames, ["book.files/sheet001.htm", "book.files/tabstrip.htm"]);
    }

    #[test]
    fn hidden_content_and_deep_nesting() {
        assert_eq!(lines("<head><title>t</title><style>p{}</style></head><script>x</script><p>可见</p>"), ["可见"]);
        let deep = "<div>".repeat(400) + "x";
        let err = layout(&deep, &Origin(None), Limits::default()).unwrap_err();
        assert!(err.to_string().contains("max_depth"), "{err}");
    }

    #[test]
    fn jixiaos_notes_block_reads_back_as_its_notes() {
        let page = r#"<p>前</p><details class="jx-notes"><summary>未能归位的内容（附注） (2)</summary><ul><li>(2020年度) <span class="jx-at">line 4</span></li><li>金额<br>(万元) <span class="jx-at">专项1!C7</span></li></ul></details><p>后</p>"#;
        assert_eq!(lines(page), ["前", "[note] (2020年度)", "[note] 金额\n(万元)", "后"]);
        // Anything but jixiao's own heading or a place stays text where it stands.
        let other = r#"<details class="jx-notes"><summary>附注说明</summary><ul><li>甲 <span class="jx-at">见第4行</span><span>乙</span></li></ul></details>"#;
        assert_eq!(lines(other), ["附注说明", "[note] 甲 见第4行乙"]);
        // A block left open to the end of the page loses nothing.
        assert_eq!(lines(r#"<details class="jx-notes"><summary>未完的标题"#), ["未完的标题"]);
        assert_eq!(lines(r#"<details class="jx-notes"><ul><li>甲 <span class="jx-at">不是位置"#), ["[note] 甲 不是位置"]);
        // The same items outside jixiao's block are a page's list.
        assert_eq!(lines(r#"<details><summary>附注 (1)</summary><ul><li>甲 <span class="jx-at">line 4</span></li></ul></details>"#), ["附注 (1)", "甲 line 4"]);
    }

    /// The page without jixiao's class on its notes block: where nothing there is jixiao's
    /// heading or an item's place, the block must read as this does.
    fn plain(page: &str) -> Vec<String> {
        lines(&page.replace(r#" class="jx-notes""#, ""))
    }

    #[test]
    fn a_details_fostered_out_of_a_table_in_the_block_loses_no_text() {
        // A details fostered out of a table in the block: its end undoes only what its start did.
        let page = r#"<details class="jx-notes"><summary>附注说明<table><details>藏</details><tr><td>格</td></tr></table></summary></details>"#;
        assert!(lines(page).iter().any(|l| l.contains("附注说明")), "{:?}", lines(page));
        assert_eq!(lines(page), plain(page));
    }

    #[test]
    fn a_details_in_a_cell_does_not_end_the_notes_block() {
        // A details in a data cell does not end the block: the items after the table are notes.
        let page = r#"<details class="jx-notes"><summary>未能归位的内容（附注） (1)</summary><table><tr><td><details>x</details></td></tr></table><ul><li>甲 <span class="jx-at">line 4</span></li></ul></details>"#;
        assert_eq!(lines(page).last().map(String::as_str), Some("[note] 甲"), "{:?}", lines(page));
    }

    #[test]
    fn a_place_outside_an_items_end_is_text() {
        // Only an item's place (the span jixiao writes last in a <li>) is jixiao's: a jx-at
        // span elsewhere in the block is text a browser shows.
        let page = r#"<details class="jx-notes"><p>见 <span class="jx-at">table 3</span></p></details>"#;
        assert_eq!(lines(page), ["见 table 3"]);
        let page = r#"<details class="jx-notes"><ul><li><span class="jx-at">table 3</span>的说明</li></ul></details>"#;
        assert_eq!(lines(page), ["[note] table 3的说明"]);
    }

    #[test]
    fn text_kept_in_the_block_stands_as_it_shows() {
        // A heading that is not jixiao's keeps its line breaks, paragraphs, and its place
        // before a table in it (where it is the table's title).
        let mut differ = [
            r#"<details class="jx-notes"><summary>附注<br>说明</summary></details>"#,
            r#"<details class="jx-notes"><summary>附注说明<div>第二段</div></summary></details>"#,
            r#"<details class="jx-notes"><summary>1、某项目绩效目标表<table><tr><td>一级指标</td></tr></table></summary></details>"#,
            r#"<details class="jx-notes"><summary>附注<table>说明<tr><td>格</td></tr></table></summary></details>"#,
        ]
        .into_iter()
        .filter(|&page| lines(page) != plain(page))
        .map(|page| (page, lines(page), plain(page)))
        .collect::<Vec<_>>();
        // So does a place that is not jixiao's.
        let page = r#"<details class="jx-notes"><ul><li>甲 <span class="jx-at">见<br>第4行</span></li></ul></details>"#;
        if lines(page) != ["[note] 甲 见\n第4行"] {
            differ.push((page, lines(page), vec!["[note] 甲 见\n第4行".to_owned()]));
        }
        assert!(differ.is_empty(), "{differ:#?}");
    }
}
