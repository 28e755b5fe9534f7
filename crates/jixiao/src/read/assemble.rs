//! The one assembler: the block stream of any reader becomes the document. Part headings open
//! parts, table titles open tables, the first 整体 part's prose becomes the overview, each
//! table's rows go through the table pipeline (`tree::build`), and what no rule places is kept
//! as a note at its place. Tables go to a [`TableSink`] as soon as they are built, once the
//! document's head (title, year, overview) is final.

use std::borrow::Cow;

use super::TableSink;
use super::blocks::{Block, BlockCell, BlockSink, Place as BlockPlace, Role, TableBlock};
use super::overview;
use super::tree::{self, Cell, Row};
use crate::grammar::form::columns::has_indicator_header;
use crate::grammar::form::titles::{self as headings, TableTitle, split_toc};
use crate::grammar::is_blank;
use crate::model::{Document, Location, Note, Places, Section, SectionKind, Table, TableKind};

/// A table being read: its title and the rows gathered so far.
struct OpenTable<'a> {
    table: Table,
    /// What the title says the table is, when it says.
    title_kind: Option<TableKind>,
    /// Rows whose cells may borrow the reader's input, until the table closes.
    rows: Vec<Row<'a>>,
    /// Opened by a sheet's name: a title right under it names it.
    sheet: bool,
    /// How many notes there were when it opened: the notes that may name its places.
    notes_at_open: usize,
    /// The first and last number its cells were given (`Lines::Located`).
    numbers: Option<(usize, usize)>,
}

/// The places numbered so far (`Lines::Located`), by number, from 1. A table's are let go once
/// it has them (but those a note still names): a document holds about one table's places at a
/// time, not one for every cell it ever read.
#[derive(Default)]
struct Numbered {
    places: std::collections::HashMap<usize, Location, std::hash::BuildHasherDefault<NumberHasher>>,
    last: usize,
}

/// The numbers are the assembler's own count, not input: one multiplication spreads them
/// (Fibonacci hashing), where the default hasher costs a few percent of a .docx read.
#[derive(Default)]
struct NumberHasher(u64);

impl std::hash::Hasher for NumberHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl Numbered {
    fn number(&mut self, place: Location) -> usize {
        self.last += 1;
        self.places.insert(self.last, place);
        self.last
    }

    fn get(&self, number: usize) -> Option<&Location> {
        self.places.get(&number)
    }

    fn forget(&mut self, numbers: impl IntoIterator<Item = usize>) {
        for n in numbers {
            self.places.remove(&n);
        }
    }
}

/// A part heading as read: `第一部分 …`, its TC field and line.
struct PartHeading {
    number: u32,
    text: String,
    toc: Option<crate::model::Toc>,
    line: usize,
}

/// Where the blocks being read belong.
enum Place {
    /// Before any part heading.
    Preamble,
    /// Inside part 1: its heading and lines.
    Overview(PartHeading, Vec<(usize, String)>),
    /// Inside a part with tables (the last of `doc.sections`).
    Section,
}

/// How a block's place becomes the location its nodes carry. The table pipeline and the overview
/// number places as lines; for a text save that number is the line, and for any other format it
/// is the place's index (from 1) among those the assembler has kept, which each node gets back
/// as its own location when it is done (a table when it closes, the rest at the end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// A text save: a place is its line.
    Source,
    /// Any other format: a place is numbered in reading order.
    Located,
}

/// What a line of prose is, decided in the form's order.
enum Prose<'t> {
    Part(u32, String, Option<crate::model::Toc>),
    Title(TableTitle),
    Plain(&'t str),
}

fn prose(text: &str) -> Prose<'_> {
    if let Some((number, heading, toc)) = headings::part_heading(text) {
        Prose::Part(number, heading, toc)
    } else if let Some(title) = headings::table_title(text) {
        Prose::Title(title)
    } else {
        Prose::Plain(text)
    }
}

pub struct Assembler<'a, 's> {
    doc: Document,
    lines: Lines,
    /// Where each table goes once read; None: into its part.
    sink: Option<&'s mut dyn TableSink>,
    /// Whether the head is final, so that tables may go to the sink as they are built.
    head_final: bool,
    /// The sink's error, which ends the reading.
    failed: Option<std::io::Error>,
    /// The places numbered so far (`Lines::Located`).
    places: Numbered,
    place: Place,
    table: Option<OpenTable<'a>>,
    /// Whether anything was read yet (the first prose line is the document's title).
    started: bool,
    /// The last block when it was a line of prose kept as a note: a table right under it with
    /// no title may take it for its caption. The note's index and its line.
    caption: Option<(usize, usize)>,
}

impl<'a, 's> Assembler<'a, 's> {
    /// An assembler whose places are `lines`; tables go to `sink` (when given) as they are built,
    /// from the start when `head_final`, else once the overview is read.
    pub fn new(lines: Lines, sink: Option<&'s mut dyn TableSink>, head_final: bool) -> Self {
        Assembler {
            doc: Document::new(""),
            lines,
            sink,
            head_final,
            failed: None,
            places: Numbered::default(),
            place: Place::Preamble,
            table: None,
            started: false,
            caption: None,
        }
    }

    /// The line a place is known by.
    fn line(&mut self, place: BlockPlace) -> usize {
        match (self.lines, place) {
            (Lines::Source, BlockPlace::Line(line)) => line,
            (Lines::Source, BlockPlace::At(l)) => l.line_number().unwrap_or(0),
            (Lines::Located, place) => self.places.number(place.location()),
        }
    }

    /// The place a node numbered `location` stands for, once the node is done.
    fn resolve(&self, location: &mut Location) {
        if self.lines == Lines::Located {
            *location = location.line_number().and_then(|n| self.places.get(n)).cloned().unwrap_or_default();
        }
    }

    fn note(&mut self, line: usize, text: &str) {
        self.doc.notes.push(Note { location: Location::line(line), text: text.to_owned() });
    }

    /// Opens a part at its place: a part is written out with its first table, so its place is
    /// given now, not at the end.
    fn push_section(&mut self, mut section: Section) {
        self.resolve(&mut section.location);
        self.doc.sections.push(section);
    }

    /// Hands `table` of part `section` on, or keeps it in the part.
    fn emit(&mut self, section: usize, table: Table) {
        match &mut self.sink {
            Some(sink) if self.head_final => {
                if let Err(e) = sink.table(&self.doc, section, table) {
                    self.failed = Some(e);
                    self.sink = None;
                }
            }
            _ => self.doc.sections[section].tables.push(table),
        }
    }

    /// The head is final: the tables kept so far go out first, in order.
    fn head_is_final(&mut self) {
        if self.head_final || self.sink.is_none() {
            return;
        }
        self.head_final = true;
        for section in 0..self.doc.sections.len() {
            for table in std::mem::take(&mut self.doc.sections[section].tables) {
                self.emit(section, table);
            }
        }
    }

    fn close_table(&mut self) {
        if let Some(open) = self.table.take() {
            let bodies = tree::build(open.rows, &mut self.doc.notes);
            let Some(section) = self.doc.sections.len().checked_sub(1) else { return };
            let tables = tree::into_tables(open.table, open.title_kind, bodies);
            // The places of its cells and those its tables name are let go once the tables have
            // them, but those a note or the overview still names.
            let mut numbers = Vec::new();
            if self.lines == Lines::Located {
                tables.iter().for_each(|t| t.places(&mut |l| numbers.extend(l.line_number())));
                numbers.extend(open.numbers.into_iter().flat_map(|(first, last)| first..=last));
                let mut kept: std::collections::HashSet<usize> =
                    self.doc.notes.get(open.notes_at_open..).unwrap_or_default().iter().filter_map(|n| n.location.line_number()).collect();
                if let Place::Overview(heading, lines) = &self.place {
                    kept.extend(std::iter::once(heading.line).chain(lines.iter().map(|(n, _)| *n)));
                }
                numbers.retain(|n| !kept.contains(n));
            }
            for mut table in tables {
                table.places_mut(&mut |location| self.resolve(location));
                self.emit(section, table);
            }
            self.places.forget(numbers);
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
                // The head may be written out with the first table handed on: its places now.
                ov.places_mut(&mut |location| self.resolve(location));
                self.doc.overview = Some(ov);
                self.head_is_final();
            } else {
                // A second department-wide part: the model has one overview, so its heading and
                // every line of it are kept as notes rather than merged or lost.
                let mut text = heading.text;
                if let Some(toc) = &heading.toc {
                    text.push_str(&crate::grammar::form::toc_text(toc));
                }
                self.doc.notes.push(Note { location: Location::line(heading.line), text });
                self.doc.notes.extend(lines.into_iter().map(|(line, text)| Note { location: Location::line(line), text }));
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
            self.push_section(Section { number: Some(number), kind, heading: text, tables: Vec::new(), location: Location::line(line), toc });
            self.place = Place::Section;
        }
    }

    /// A sheet's table: in a part of the kind its name gives (`专项…` special funds, `项目…`
    /// budget projects), numbered and named by it, as the spreadsheet reader reads a sheet.
    fn open_sheet_table(&mut self, sheet: &str, line: usize) {
        use crate::grammar::form::{sheet_kind, sheet_table_name};
        self.close_table();
        let (kind, number) = sheet_kind(sheet);
        let same_part =
            matches!(self.place, Place::Section) && self.doc.sections.last().is_some_and(|s| s.kind == kind && s.number.is_none() && s.heading.is_empty());
        if !same_part {
            if !matches!(self.place, Place::Section) {
                self.close_part();
            }
            self.push_section(Section { number: None, kind, heading: String::new(), tables: Vec::new(), location: Location::line(line), toc: None });
            self.place = Place::Section;
        }
        let mut title = TableTitle::named(sheet_table_name(sheet));
        (title.number, title.title) = (number, sheet.to_owned());
        self.open_table(title, line);
        if let Some(open) = &mut self.table {
            open.sheet = true;
        }
    }

    fn open_table(&mut self, title: TableTitle, line: usize) {
        // A title right under a sheet's name, before any row (a workbook's title row), names
        // the sheet's table; the sheet's number stands where the title gives none.
        if let Some(open) = &mut self.table
            && open.sheet
            && open.rows.is_empty()
        {
            let t = &mut open.table;
            t.number = title.number.or(t.number);
            (t.name, t.title, t.toc, t.year, t.code) = (title.name, title.title, title.toc, title.year, title.code);
            open.title_kind = title.kind;
            open.sheet = false;
            return;
        }
        self.close_table();
        // A part heading that says 整体 but holds a table straight away (部门整体支出绩效目标) is a
        // part with tables, not the overview's prose.
        if let Place::Overview(_, lines) = &self.place
            && lines.iter().all(|(_, t)| is_blank(t))
            && let Place::Overview(heading, _) = std::mem::replace(&mut self.place, Place::Section)
        {
            let kind = headings::section_kind(&heading.text);
            let PartHeading { number, text, toc, line: part_line } = heading;
            self.push_section(Section { number: Some(number), kind, heading: text, tables: Vec::new(), location: Location::line(part_line), toc });
        }
        if !matches!(self.place, Place::Section) {
            self.close_part();
            // Tables outside any numbered part go into a part of their own.
            self.push_section(Section {
                number: None,
                kind: SectionKind::Other,
                heading: String::new(),
                tables: Vec::new(),
                location: Location::line(line),
                toc: None,
            });
            self.place = Place::Section;
        }
        let table = Table {
            number: title.number,
            name: title.name,
            title: title.title,
            toc: title.toc,
            year: title.year,
            code: title.code,
            location: Location::line(line),
            ..Table::default()
        };
        self.table = Some(OpenTable { table, title_kind: title.kind, rows: Vec::new(), sheet: false, notes_at_open: self.doc.notes.len(), numbers: None });
    }

    /// A line of prose that is no heading and no title: the document's title at the top, a TC
    /// field of the title above, a line of the overview, or a note.
    fn plain(&mut self, line: usize, text: &str) {
        if !self.started && matches!(self.place, Place::Preamble) && self.table.is_none() {
            self.doc.title = text.trim().to_owned();
            self.doc.year = headings::year_of(&self.doc.title);
            return;
        }
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
        // The project's name as a line between the title and its grid (`项目名称：乡村道路维护`, as
        // pages and text saves print it): the first row above the header, which names the table.
        if let Some(open) = &mut self.table
            && open.rows.is_empty()
            && headings::project_name_line(text).is_some()
        {
            open.rows.push(Row { cells: vec![Cell { text: Cow::Owned(text.trim().to_owned()), line }], whole: false });
            return;
        }
        match &mut self.place {
            Place::Overview(_, lines) if self.table.is_none() => lines.push((line, text.to_owned())),
            place => {
                let in_part = matches!(place, Place::Section);
                self.note(line, text);
                // Only in a part, and only a line that is no TC field: a text with no part
                // heading and no table title is still no performance document.
                if self.table.is_none() && in_part && toc.is_none() {
                    self.caption = Some((self.doc.notes.len() - 1, line));
                }
            }
        }
    }

    /// One line of a paragraph.
    fn prose_line(&mut self, role: Role, text: &str, line: usize) {
        match role {
            Role::TableTitle => self.open_table(headings::table_title(text).unwrap_or_else(|| TableTitle::named(text.trim())), line),
            Role::SheetTitle => self.open_sheet_table(text.trim(), line),
            Role::Literal => self.plain(line, text),
            Role::Text => match prose(text) {
                Prose::Part(number, text, toc) => self.open_part(PartHeading { number, text, toc, line }),
                Prose::Title(title) => self.open_table(title, line),
                Prose::Plain(text) => self.plain(line, text),
            },
        }
        self.started = true;
    }

    fn paragraph(&mut self, text: Cow<'a, str>, place: BlockPlace, role: Role) {
        if is_blank(&text) && role != Role::TableTitle && role != Role::SheetTitle {
            return;
        }
        // A year line or a unit line under a caption (`2024年度`, as Jiangsu's form prints under
        // its title; `单位：万元`) leaves it the caption.
        let caption = self.caption.take();
        let line = self.line(place);
        // A line break inside a paragraph is a line of its own, as in a text save.
        for part in text.split('\n') {
            if !is_blank(part) || role != Role::Text {
                self.prose_line(role, part, line);
            }
        }
        if role == Role::Text && self.table.is_none() && caption.is_some() && headings::under_caption_line(&text) {
            self.caption = caption;
        }
    }

    fn table(&mut self, block: TableBlock<'a>) {
        self.started = true;
        let mut nested = block.nested.into_iter().peekable();
        // A table with no title right under a short line kept as a note (`1、項目年度績效目標(定量目標)`,
        // a caption with no 表; `…项目绩效公开`, Jiangsu's), with an indicator header among its
        // rows (under the project's rows, in a form that is one table): the line is its title.
        // A year line between them gives the table's year when the caption says none.
        // The same under a part heading that says 整体 (第二部分 部门整体支出绩效评价), whose lines
        // are the overview's until a table comes: a caption its only line makes the part one
        // with tables, as a title would.
        if self.table.is_none()
            && let Place::Overview(_, lines) = &mut self.place
            && let [(line, caption), under @ ..] = &lines.iter().filter(|(_, t)| !is_blank(t)).collect::<Vec<_>>()[..]
            && under.iter().all(|(_, t)| headings::under_caption_line(t))
            && has_indicator_header(&block.rows, |r| r.iter().map(|c| c.text.as_ref()).collect())
            && let Some(title) = headings::caption_title(caption)
        {
            let line = *line;
            let kept: Vec<Note> = under.iter().map(|(line, text)| Note { location: Location::line(*line), text: text.clone() }).collect();
            lines.clear();
            self.open_table(title, line);
            self.doc.notes.extend(kept);
        }
        if self.table.is_none()
            && let Some((index, line)) = self.caption.take()
            && self.doc.notes[index + 1..].iter().all(|n| headings::under_caption_line(&n.text))
            && has_indicator_header(&block.rows, |r| r.iter().map(|c| c.text.as_ref()).collect())
            && let Some(mut title) = headings::caption_title(&self.doc.notes[index].text)
        {
            title.year = title.year.or_else(|| self.doc.notes[index + 1..].iter().find_map(|n| headings::year_line(&n.text)));
            // The year lines the title's year says are placed; another, and a unit line, are
            // kept as notes.
            let kept: Vec<Note> =
                self.doc.notes.drain(index..).skip(1).filter(|n| headings::year_line(&n.text).is_none_or(|y| Some(y) != title.year)).collect();
            self.open_table(title, line);
            self.doc.notes.extend(kept);
        }
        self.caption = None;
        if self.table.is_none() {
            // Cells with no table title above: kept, each as a note at its place.
            for (r, row) in block.rows.into_iter().enumerate() {
                for (c, cell) in row.into_iter().enumerate() {
                    let line = self.line(cell.place);
                    if !is_blank(&cell.text) {
                        let text = format!("\t{}", cell.text);
                        self.note(line, &text);
                    }
                    while let Some((_, _, text)) = nested.next_if(|(nr, nc, _)| (*nr, *nc) == (r, c)) {
                        self.note(line, &text);
                    }
                }
            }
            return;
        }
        let grid = block.grid;
        let whole_rows = block.whole_rows;
        let mut rows = Vec::with_capacity(block.rows.len());
        for (r, cells) in block.rows.into_iter().enumerate() {
            let mut row = Row { cells: Vec::with_capacity(cells.len()), whole: whole_rows };
            for (c, BlockCell { text, place, span }) in cells.into_iter().enumerate() {
                // A grid puts each cell at its column: what a span covers reads empty, as a
                // merged cell does, so that every row's columns line up with the header's.
                let column = place.column().filter(|_| grid);
                let line = self.line(place);
                if let Some(open) = self.table.as_mut() {
                    open.numbers = Some(open.numbers.map_or((line, line), |(first, _)| (first, line)));
                }
                if let Some(column) = column {
                    while row.cells.len() + 1 < column {
                        row.cells.push(Cell { text: Cow::Borrowed(""), line });
                    }
                }
                while let Some((_, _, text)) = nested.next_if(|(nr, nc, _)| (*nr, *nc) == (r, c)) {
                    self.doc.notes.push(Note { location: Location::line(line), text });
                }
                row.cells.push(Cell { text, line });
                if column.is_some() {
                    for _ in 1..span {
                        row.cells.push(Cell { text: Cow::Borrowed(""), line });
                    }
                }
            }
            if !row.cells.is_empty() {
                rows.push(row);
            }
        }
        if let Some(open) = self.table.as_mut() {
            open.rows.extend(rows);
        }
    }

    /// The document read so far, with every part closed; an error of the sink ends it.
    pub fn finish(mut self) -> std::io::Result<Document> {
        self.close_part();
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        // Table notes are made when a table closes, after later blocks: put them in source order.
        // They mostly are already, and a stable sort borrows half their size again at the
        // read's peak; the list's spare capacity is given back for the same reason.
        if !self.doc.notes.is_sorted_by_key(|n| n.location.line_number()) {
            self.doc.notes.sort_by_key(|n| n.location.line_number());
        }
        self.doc.notes.shrink_to_fit();
        // Parts got their places as they opened, the overview when it was read and tables as
        // they closed; the notes get theirs now. Each place is given once.
        let mut doc = std::mem::replace(&mut self.doc, Document::new(""));
        doc.notes.iter_mut().for_each(|n| self.resolve(&mut n.location));
        Ok(doc)
    }
}

impl<'a> BlockSink<'a> for Assembler<'a, '_> {
    fn block(&mut self, block: Block<'a>) {
        match block {
            Block::Paragraph { text, place, role } => self.paragraph(text, place, role),
            Block::Table(t) => self.table(t),
            Block::Note { text, place } => {
                self.caption = None;
                let line = self.line(place);
                self.note(line, &text);
            }
        }
    }
}

/// The document a reader's layout reads as, its tables handed to `sink` (when given) as they
/// are built; the error of a layout with no structure, as for a text save.
pub fn document(layout: super::blocks::Layout<'_>, options: &super::ReadOptions, sink: Option<&mut dyn TableSink>) -> crate::Result<Document> {
    let (doc, blank) = assemble(layout, sink, false)?;
    super::text::require_structure(doc, options, blank)
}

/// The document of a reader's blocks, and whether they held no text at all, without asking it
/// to be a performance document (a workbook of cover sheets is notes). `head_final`: the blocks
/// hold no prose that could become the overview after a table (a workbook's), so tables may go
/// on from the first.
pub fn assemble(layout: super::blocks::Layout<'_>, sink: Option<&mut dyn TableSink>, head_final: bool) -> crate::Result<(Document, bool)> {
    let mut blocks = layout.into_blocks();
    let blank = blocks.iter().all(blank_block);
    // Kangxi radicals and compatibility ideographs become the ideograph they stand for, in
    // every text a block carries, and are counted.
    let folded: usize = blocks.iter_mut().map(fold_block).sum();
    // A table handed on is written: only when all the blocks can build fits the memory budget
    // do tables go on as they are built, so that a read never fails after output began.
    let sink = sink.filter(|_| super::budget::fits(blocks.iter().map(build_bound).sum()));
    let mut assembler = Assembler::new(Lines::Located, sink, head_final);
    for block in blocks {
        assembler.block(block);
    }
    let mut doc = assembler.finish().map_err(|e| crate::Error::Write(e.to_string()))?;
    doc.folded_chars += folded;
    Ok((doc, blank))
}

/// The assembler as a reader feeds it, block by block: each block's ideograph variants folded
/// and its text checked for any that is not blank as it comes, then built, so that a reader
/// that hands on each block as it is made holds about one table at a time. Whether tables go to
/// the sink as they are built is for the reader to decide before the first block (see
/// [`Bound`]): a read that could pass its budget keeps them in the document.
pub struct Feed<'a, 's> {
    assembler: Assembler<'a, 's>,
    folded: usize,
    blank: bool,
}

impl<'a, 's> Feed<'a, 's> {
    pub fn new(sink: Option<&'s mut dyn TableSink>, head_final: bool) -> Self {
        Feed { assembler: Assembler::new(Lines::Located, sink, head_final), folded: 0, blank: true }
    }

    /// The document, and whether the blocks held no text at all.
    pub fn finish(self) -> crate::Result<(Document, bool)> {
        let mut doc = self.assembler.finish().map_err(|e| crate::Error::Write(e.to_string()))?;
        doc.folded_chars += self.folded;
        Ok((doc, self.blank))
    }

    /// [`Feed::finish`] for a document, with the error of one with no structure.
    pub fn document(self, options: &super::ReadOptions) -> crate::Result<Document> {
        let (doc, blank) = self.finish()?;
        super::text::require_structure(doc, options, blank)
    }
}

impl<'a> BlockSink<'a> for Feed<'a, '_> {
    fn block(&mut self, mut block: Block<'a>) {
        self.blank = self.blank && blank_block(&block);
        self.folded += fold_block(&mut block);
        self.assembler.block(block);
    }
}

/// Blocks dropped as they come, counting the most the table pipeline would be charged for
/// them ([`build_bound`]): for a reader that walks its input once to learn whether the read
/// fits its budget before it hands anything on.
#[derive(Debug, Default)]
pub struct Bound(pub u64);

impl<'a> BlockSink<'a> for Bound {
    fn block(&mut self, mut block: Block<'a>) {
        fold_block(&mut block);
        self.0 = self.0.saturating_add(build_bound(&block));
    }
}

fn blank_block(block: &Block<'_>) -> bool {
    match block {
        Block::Paragraph { text, .. } => is_blank(text),
        Block::Table(t) => t.rows.iter().flatten().all(|c| is_blank(&c.text)),
        Block::Note { .. } => true,
    }
}

/// The most the table pipeline is charged for a block's cells: each cell's text and cost, and
/// the cost of each empty cell a grid pads a row with.
pub fn build_bound(block: &Block<'_>) -> u64 {
    let Block::Table(t) = block else { return 0 };
    t.rows
        .iter()
        .map(|row| {
            let text: u64 = row.iter().map(|c| c.text.len() as u64).sum();
            let width = row.iter().map(|c| c.place.column().filter(|_| t.grid).unwrap_or(0) + c.span as usize).max().unwrap_or(0).max(row.len());
            text + width as u64 * super::tree::CELL_COST
        })
        .sum()
}

/// Folds the ideograph variants in a block's texts; how many it folded.
fn fold_block(block: &mut Block<'_>) -> usize {
    use crate::grammar::fold::{fold_ideographs, fold_ideographs_cow};
    match block {
        Block::Paragraph { text, .. } => fold_ideographs_cow(text),
        Block::Note { text, .. } => fold_ideographs(text),
        Block::Table(t) => {
            let cells: usize = t.rows.iter_mut().flatten().map(|c| fold_ideographs_cow(&mut c.text)).sum();
            cells + t.nested.iter_mut().map(|(_, _, n)| fold_ideographs(n)).sum::<usize>()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str, n: usize) -> Block<'static> {
        Block::Paragraph { text: Cow::Owned(text.to_owned()), place: BlockPlace::At(Box::new(Location::paragraph(n))), role: Role::Text }
    }

    fn table(number: usize) -> Block<'static> {
        let header = ["一级指标", "二级指标", "三级指标", "指标值"];
        let rows = std::iter::once(header.map(str::to_owned))
            .chain((1..=20).map(|r| ["产出指标".into(), "数量指标".into(), format!("培训人次{r}"), "≥100人次".into()]))
            .enumerate()
            .map(|(r, row)| {
                row.into_iter()
                    .enumerate()
                    .map(|(c, text)| BlockCell { text: Cow::Owned(text), place: BlockPlace::At(Box::new(Location::table_cell(number, r + 1, c + 1))), span: 1 })
                    .collect()
            })
            .collect();
        Block::Table(TableBlock { rows, grid: true, whole_rows: false, nested: Vec::new() })
    }

    #[test]
    fn a_tables_places_are_let_go_once_it_has_them() {
        let mut assembler = Assembler::new(Lines::Located, None, false);
        assembler.block(paragraph("某局2024年部门预算", 1));
        assembler.block(paragraph("第二部分 项目支出绩效目标", 2));
        for t in 1..=50 {
            assembler.block(paragraph(&format!("{t}、培训项目{t}绩效目标表"), 2 + t));
            assembler.block(table(t));
            // The places of the table before this one are gone: only this one's (84 cells and
            // its title) are held, not one for every cell read.
            assert!(assembler.places.places.len() <= 90, "table {t}: {} places held", assembler.places.places.len());
        }
        let doc = assembler.finish().unwrap();
        let tables: Vec<&Table> = doc.sections.iter().flat_map(|s| &s.tables).collect();
        assert_eq!(tables.len(), 50);
        // Each table still got its own places: the title's paragraph, and each indicator its row (its first cell).
        let last = tables[49];
        assert_eq!(last.location, Location::paragraph(52));
        let (_, _, indicator) = last.indicators().nth(19).expect("20 indicators");
        assert_eq!(indicator.location, Location::table_cell(50, 21, 1));
    }
}
