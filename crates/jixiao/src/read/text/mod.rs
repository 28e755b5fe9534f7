//! Word's plain-text save. Each table cell is a line that starts with a TAB; a paragraph break
//! inside a cell is a line without one (possibly after a blank line); rows are separated by
//! blank lines; the merged level-1 cell reads empty on continuation rows.

pub(crate) mod headings;
mod overview;

pub use headings::{split_toc, table_title};
pub use overview::{Part, RESPONSIBILITY_LABEL, subsection};

use std::borrow::Cow;

use super::tree::{self, Cell, Row};
use super::{Format, ReadOptions, Reader, TableSink, decode_with};
use crate::error::{Error, Result};
use crate::grammar::is_blank;
use crate::model::{Document, Note, Section, SectionKind, Table, TableKind};

pub(crate) struct TextReader;

impl Reader for TextReader {
    fn format(&self) -> Format {
        Format::Text
    }

    fn sniff(&self, _bytes: &[u8]) -> bool {
        true
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        read_text(bytes, options, None)
    }

    fn read_to(&self, bytes: &[u8], options: &ReadOptions, sink: &mut dyn TableSink) -> Result<Document> {
        read_text(bytes, options, Some(sink))
    }
}

fn read_text(bytes: &[u8], options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    let (mut text, replaced) = decode_with(bytes, options.encoding, options.encoding_errors, &options.origin())?;
    let folded = crate::grammar::fold::fold_ideographs_cow(&mut text);
    // Tables go out as read only when the head they follow is final by then.
    let sink = sink.filter(|_| !overview_may_follow_tables(&text));
    let items = split_lines(&text).map(|line| (LineKind::Plain, line));
    let mut doc = parse_items_to(items, sink).map_err(|e| Error::Write(e.to_string()))?;
    (doc.replaced_bytes, doc.folded_chars) = (replaced, folded);
    require_structure(doc, options, is_blank(&text))
}

/// Whether the overview (a 整体 part) may be set only after the first table is read: tables
/// handed on as read would then go out before the head they follow. It is set before when the
/// first 整体 part comes before any table and ends at a part heading, or holds prose before the
/// first table (a table right under its heading makes it a part with tables); later 整体 parts
/// become notes. Errs towards yes.
fn overview_may_follow_tables(text: &str) -> bool {
    // Inside the first 整体 part: whether it holds prose so far.
    let mut overview: Option<bool> = None;
    let mut lines = split_lines(text);
    for line in lines.by_ref() {
        match classify(line) {
            Line::Part(_, heading, _) => {
                if overview.is_some() {
                    return false;
                }
                if !headings::is_overview_heading(&heading) {
                    break;
                }
                overview = Some(false);
            }
            Line::Title(_) => {
                if overview == Some(true) {
                    return false;
                }
                break;
            }
            Line::Plain(_) if overview.is_some() => overview = Some(true),
            Line::Literal(plain) if overview.is_some() && !is_blank(plain) => overview = Some(true),
            _ => {}
        }
    }
    // None was set before the first table: a 整体 part further on would be.
    lines.any(|line| headings::part_heading(line).is_some_and(|(_, heading, _)| headings::is_overview_heading(&heading)))
}

/// What a line of a text save is, decided in the reader's order.
enum Line<'a> {
    Blank,
    /// After [`LITERAL_MARK`]: plain text, whatever it says.
    Literal(&'a str),
    /// A table cell's first paragraph (after its TAB).
    Cell(&'a str),
    /// A part heading: number, heading, TC field.
    Part(u32, String, Option<crate::model::Toc>),
    Title(headings::TableTitle),
    /// Anything else: the document's title, prose, a cell's further paragraph or a note.
    Plain(&'a str),
}

fn classify(text: &str) -> Line<'_> {
    // Word's page break is a form feed at the start of a line; spaces before a cell's TAB
    // come from hand edits. Neither makes the line something else.
    let text = text.trim_start_matches('\u{c}');
    let text = match text.trim_start_matches([' ', '\u{3000}']) {
        cell if cell.starts_with('\t') => cell,
        _ => text,
    };
    if is_blank(text) && !text.starts_with('\t') {
        Line::Blank
    } else if let Some(plain) = text.strip_prefix(LITERAL_MARK) {
        Line::Literal(plain)
    } else if let Some(cell) = text.strip_prefix('\t') {
        Line::Cell(cell)
    } else if let Some((number, heading, toc)) = headings::part_heading(text) {
        Line::Part(number, heading, toc)
    } else if let Some(title) = headings::table_title(text) {
        Line::Title(title)
    } else {
        Line::Plain(text)
    }
}

/// The document, or the error for an input in which no part heading and no table was found.
pub fn require_structure(doc: Document, options: &ReadOptions, empty: bool) -> Result<Document> {
    if doc.overview.is_none() && doc.sections.is_empty() {
        let reason = if empty {
            "empty input: not a performance document".to_owned()
        } else {
            "not a performance document: no part heading (第…部分) and no 绩效目标表 found".to_owned()
        };
        return Err(Error::Parse { origin: options.origin(), line: None, reason });
    }
    Ok(doc)
}

/// Splits on LF, CRLF and lone CR; drops a leading BOM. An iterator, so that reading a large
/// file never holds a second index of its lines.
pub fn split_lines(text: &str) -> Lines<'_> {
    Lines { rest: text.strip_prefix('\u{FEFF}').unwrap_or(text) }
}

/// The lines of a text, see [`split_lines`].
pub struct Lines<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let bytes = self.rest.as_bytes();
        let Some(end) = memchr::memchr2(b'\n', b'\r', bytes) else {
            return Some(std::mem::take(&mut self.rest));
        };
        let line = &self.rest[..end];
        let skip = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') { 2 } else { 1 };
        self.rest = &self.rest[end + skip..];
        Some(line)
    }
}

/// Marks a line to be read as the plain text it is (a note, or the title at the top), never as
/// a part heading, table title or cell: how the text writer keeps a note that says
/// `第五部分 …` or `1、…绩效目标表` a note. A zero-width no-break space, which Word does not
/// put at the start of a line; it is not part of the text read.
pub const LITERAL_MARK: char = '\u{FEFF}';

/// Whether a line written as is would be read as something other than plain text.
pub fn needs_literal_mark(line: &str) -> bool {
    line.starts_with(['\t', LITERAL_MARK, '\u{c}', ' ', '\u{3000}']) || headings::part_heading(line).is_some() || headings::table_title(line).is_some()
}

/// A table being read: its title and the rows gathered so far.
struct OpenTable<'a> {
    table: Table,
    /// What the title says the table is, when it says.
    title_kind: Option<TableKind>,
    /// Rows whose cells borrow the lines read, until the table closes.
    rows: Vec<Row<'a>>,
}

/// A part heading as read: `第一部分 …`, its TC field and line.
struct PartHeading {
    number: u32,
    text: String,
    toc: Option<crate::model::Toc>,
    line: usize,
}

/// Where the lines being read belong.
enum Place {
    /// Before any part heading.
    Preamble,
    /// Inside part 1: its heading and lines.
    Overview(PartHeading, Vec<(usize, String)>),
    /// Inside a part with tables (the last of `doc.sections`).
    Section,
}

struct State<'a, 's> {
    doc: Document,
    /// Where each table goes once read; None: into its part.
    sink: Option<&'s mut dyn TableSink>,
    /// The sink's error, which ends the reading.
    failed: Option<std::io::Error>,
    place: Place,
    table: Option<OpenTable<'a>>,
    /// Blank lines since the last non-blank one.
    blanks: usize,
    /// Whether the last non-blank line was a cell (or its continuation).
    in_cell: bool,
}

impl<'a> State<'a, '_> {
    fn note(&mut self, line: usize, text: &str) {
        self.doc.notes.push(Note { line, text: text.to_owned() });
    }

    fn close_table(&mut self) {
        if let Some(open) = self.table.take() {
            let bodies = tree::build(open.rows, &mut self.doc.notes);
            let Some(section) = self.doc.sections.len().checked_sub(1) else { return };
            let tables = tree::into_tables(open.table, open.title_kind, bodies);
            match &mut self.sink {
                Some(sink) => {
                    for table in tables {
                        if let Err(e) = sink.table(&self.doc, section, table) {
                            self.failed = Some(e);
                            self.sink = None;
                            break;
                        }
                    }
                }
                None => self.doc.sections[section].tables.extend(tables),
            }
        }
    }

    fn close_part(&mut self) {
        self.close_table();
        // A part's tables are all read: give back the list's spare room now, not at the end.
        if let Some(section) = self.doc.sections.last_mut() {
            section.tables.shrink_to_fit();
        }
        if let Place::Overview(heading, lines) = std::mem::replace(&mut self.place, Place::Preamble) {
            if self.doc.overview.is_none() {
                let borrowed: Vec<(usize, &str)> = lines.iter().map(|(n, t)| (*n, t.as_str())).collect();
                let mut ov = overview::parse(heading.text, heading.line, &borrowed, &mut self.doc.notes);
                ov.toc = heading.toc;
                self.doc.overview = Some(ov);
            } else {
                // A second department-wide part: the model has one overview, so its heading and
                // every line of it are kept as notes rather than merged or lost.
                let mut text = heading.text;
                if let Some(toc) = &heading.toc {
                    text.push_str(&crate::write::text::toc_text(toc));
                }
                self.doc.notes.push(Note { line: heading.line, text });
                self.doc.notes.extend(lines.into_iter().map(|(line, text)| Note { line, text }));
            }
        }
    }

    fn open_part(&mut self, heading: PartHeading) {
        self.close_part();
        if headings::is_overview_heading(&heading.text) {
            self.place = Place::Overview(heading, Vec::new());
        } else {
            let kind = headings::section_kind(&heading.text);
            let PartHeading { number, text, toc, line } = heading;
            self.doc.sections.push(Section { number: Some(number), kind, heading: text, tables: Vec::new(), line, toc });
            self.place = Place::Section;
        }
    }

    /// A sheet's table: in a part of the kind its name gives (`专项…` special funds, `项目…`
    /// budget projects), numbered and named by it, as the spreadsheet reader reads a sheet.
    fn open_sheet_table(&mut self, sheet: &str, line: usize) {
        use crate::read::sheet::names::{sheet_kind, sheet_table_name};
        self.close_table();
        let (kind, number) = sheet_kind(sheet);
        let same_part =
            matches!(self.place, Place::Section) && self.doc.sections.last().is_some_and(|s| s.kind == kind && s.number.is_none() && s.heading.is_empty());
        if !same_part {
            if !matches!(self.place, Place::Section) {
                self.close_part();
            }
            self.doc.sections.push(Section { number: None, kind, heading: String::new(), tables: Vec::new(), line, toc: None });
            self.place = Place::Section;
        }
        let mut title = headings::TableTitle::named(sheet_table_name(sheet));
        (title.number, title.title) = (number, sheet.to_owned());
        self.open_table(title, line);
    }

    fn open_table(&mut self, title: headings::TableTitle, line: usize) {
        self.close_table();
        // A part heading that says 整体 but holds a table straight away (部门整体支出绩效目标) is a
        // part with tables, not the overview's prose.
        if let Place::Overview(_, lines) = &self.place
            && lines.iter().all(|(_, t)| is_blank(t))
            && let Place::Overview(heading, _) = std::mem::replace(&mut self.place, Place::Section)
        {
            let kind = headings::section_kind(&heading.text);
            let PartHeading { number, text, toc, line: part_line } = heading;
            self.doc.sections.push(Section { number: Some(number), kind, heading: text, tables: Vec::new(), line: part_line, toc });
        }
        if !matches!(self.place, Place::Section) {
            self.close_part();
            // Tables outside any numbered part go into a part of their own.
            self.doc.sections.push(Section { number: None, kind: SectionKind::Other, heading: String::new(), tables: Vec::new(), line, toc: None });
            self.place = Place::Section;
        }
        let table =
            Table { number: title.number, name: title.name, title: title.title, toc: title.toc, year: title.year, code: title.code, line, ..Table::default() };
        self.table = Some(OpenTable { table, title_kind: title.kind, rows: Vec::new() });
    }

    fn cell(&mut self, line: usize, text: &'a str) {
        let blanks = self.blanks;
        match &mut self.table {
            Some(open) => {
                if blanks > 0 || open.rows.is_empty() {
                    // Rows of a table are alike: room for as many cells as the last one had.
                    let width = open.rows.last().map_or(0, |r| r.cells.len());
                    open.rows.push(Row { cells: Vec::with_capacity(width) });
                }
                let row = open.rows.last_mut().expect("a row was pushed above");
                row.cells.push(Cell { text: Cow::Borrowed(text), line });
                self.in_cell = true;
            }
            None => self.note(line, &format!("\t{text}")),
        }
    }

    /// A line without a TAB: a paragraph of the last cell, when it follows one closely.
    fn continues_cell(&mut self, text: &str) -> bool {
        if !self.in_cell || self.blanks > 1 {
            return false;
        }
        let Some(cell) = self.table.as_mut().and_then(|t| t.rows.last_mut()).and_then(|r| r.cells.last_mut()) else {
            return false;
        };
        let joined = cell.text.to_mut();
        joined.push('\n');
        joined.push_str(text);
        true
    }

    fn other(&mut self, line: usize, text: &str) {
        if self.continues_cell(text) {
            return;
        }
        self.in_cell = false;
        // A TC field alone on the line after a table title belongs to that title.
        let (before, toc) = split_toc(text);
        if let (Some(open), Some(toc)) = (&mut self.table, &toc)
            && is_blank(before)
            && open.table.toc.is_none()
            && open.rows.is_empty()
        {
            open.table.toc = Some(toc.clone());
            return;
        }
        match &mut self.place {
            Place::Overview(_, lines) if self.table.is_none() => lines.push((line, text.to_owned())),
            _ => self.note(line, text),
        }
    }
}

/// A table cell as Word's text save writes it, a line at a time: its first paragraph after a
/// TAB, each further paragraph after a blank line, a line for each of its line breaks. The
/// readers that lay out Word files and web pages as text saves share it.
pub fn cell_lines(paragraphs: impl IntoIterator<Item = String>, mut line: impl FnMut(String)) {
    let mut paragraphs = paragraphs.into_iter();
    line(format!("\t{}", paragraphs.next().unwrap_or_default()));
    for p in paragraphs {
        line(String::new());
        for l in p.split('\n') {
            line(l.to_owned());
        }
    }
}

/// What a reader knows a line to be, for [`parse_items`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A line as a text save has it (it may still read as a title).
    Plain,
    /// The title of the table that follows (an HTML page's heading or caption before a `<table>`).
    TableTitle,
    /// A spreadsheet's sheet name (`专项1-某项目`) for the table that follows: the table goes
    /// into the part the name gives, as the spreadsheet reader puts a sheet's table.
    SheetTitle,
}

/// Reads the lines of a Word-text document, with titles that a reader marked. Never fails: what
/// no rule places becomes a note.
pub fn parse_items<'a>(items: impl IntoIterator<Item = (LineKind, &'a str)>) -> Document {
    // With no sink there is no sink error.
    parse_items_to(items, None).unwrap_or_else(|_| Document::new(""))
}

/// [`parse_items`], handing each table to `sink` (when given) as soon as it is read; an error of
/// the sink ends the reading.
fn parse_items_to<'a>(items: impl IntoIterator<Item = (LineKind, &'a str)>, sink: Option<&mut dyn TableSink>) -> std::io::Result<Document> {
    let mut st = State { doc: Document::new(""), sink, failed: None, place: Place::Preamble, table: None, blanks: 0, in_cell: false };
    let mut title_seen = false;
    for (i, (kind, text)) in items.into_iter().enumerate() {
        if let Some(e) = st.failed.take() {
            return Err(e);
        }
        let line = i + 1;
        if kind != LineKind::Plain {
            st.in_cell = false;
            match kind {
                LineKind::SheetTitle => st.open_sheet_table(text.trim(), line),
                _ => st.open_table(headings::table_title(text).unwrap_or_else(|| headings::TableTitle::named(text.trim())), line),
            }
            title_seen = true;
            st.blanks = 0;
            continue;
        }
        match classify(text) {
            Line::Blank => {
                st.blanks += 1;
                continue;
            }
            Line::Literal(plain) => {
                if !title_seen && matches!(st.place, Place::Preamble) && st.table.is_none() {
                    st.doc.title = plain.trim().to_owned();
                    st.doc.year = headings::year_of(&st.doc.title);
                } else {
                    st.in_cell = false;
                    st.other(line, plain);
                }
            }
            Line::Cell(cell) => st.cell(line, cell),
            Line::Part(number, text, toc) => {
                st.in_cell = false;
                st.open_part(PartHeading { number, text, toc, line });
            }
            Line::Title(title) => {
                st.in_cell = false;
                st.open_table(title, line);
            }
            Line::Plain(text) => {
                if !title_seen && matches!(st.place, Place::Preamble) && st.table.is_none() {
                    st.doc.title = text.trim().to_owned();
                    st.doc.year = headings::year_of(&st.doc.title);
                } else {
                    st.other(line, text);
                }
            }
        }
        title_seen = true;
        st.blanks = 0;
    }
    st.close_part();
    if let Some(e) = st.failed.take() {
        return Err(e);
    }
    // Table notes are made when a table closes, after later lines: put them in source order.
    st.doc.notes.sort_by_key(|n| n.line);
    Ok(st.doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_of_every_kind() {
        let lines = |text| split_lines(text).collect::<Vec<_>>();
        assert_eq!(lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(lines("\u{FEFF}a\n\n"), ["a", ""]);
        assert_eq!(lines("a\r\r\nb\n"), ["a", "", "b"]);
        assert!(lines("").is_empty());
    }

    #[test]
    fn years() {
        use headings::year_of;
        assert_eq!(year_of("2020年部门预算绩效信息"), Some(2020));
        assert_eq!(year_of("２０２１年部门预算"), Some(2021));
        assert_eq!(year_of("部门预算绩效信息"), None);
    }
}
