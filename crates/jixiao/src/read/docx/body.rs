//! word/document.xml in body order → the lines of Word's own plain-text save (a cell a TAB
//! line, a further paragraph of a cell after a blank line, a blank line between rows), each with
//! the place it came from. What Word shows is what counts: inserted text (`w:ins`) does, deleted
//! text (`w:del`, `w:delText`) and field instructions do not, except a TC field, which Word's
//! text save writes out as ` TC 标题 \f B \l 1 ` and the text reader understands.

pub use super::numbering::Numbering;
use crate::error::{Error, Origin, Result};
use crate::grammar::is_blank;
use crate::model::Location;
use crate::read::blocks::{Block, BlockSink, Layout};
use crate::read::budget;
use crate::read::container::{Limits, count_cell, over_limit};
use crate::read::word::tc_field;
use crate::read::xml::{Xml, XmlError, XmlReader, attr};

/// Elements whose content never shows: deleted text, moved-away text, properties.
const HIDDEN: &[&str] = &[
    "del",
    "moveFrom",
    "delText",
    "delInstrText",
    "rPr",
    "sdtPr",
    "sdtEndPr",
    "trPr",
    "tblPr",
    "tblGrid",
    "tblPrEx",
    "sectPr",
    "customXmlPr",
    "smartTagPr",
    "commentReference",
    "footnoteReference",
    "endnoteReference",
    "object",
    // An mc:AlternateContent's Fallback repeats its Choice (a text box drawn twice).
    "Fallback",
];

/// What one paragraph holding text costs in the block stream besides its text (its block, its
/// boxed place), charged to the read's memory budget; an empty paragraph costs nothing (it is
/// counted against `max_cells` and left out: a blank paragraph reads as nothing).
pub const PARAGRAPH_COST: u64 = 160;
/// What one table cell costs besides its text.
pub const CELL_COST: u64 = 96;

/// What each grid column a cell spans costs in the table pipeline.
pub const SPAN_COST: u64 = 32;

/// Word's list levels: 0 to 8.
const MAX_LEVEL: u32 = 8;

struct Walker<'a, R> {
    r: XmlReader<R>,
    numbering: Numbering,
    /// The blocks being made; each body element's go to `sink` once it ends.
    out: Layout<'static>,
    sink: &'a mut dyn BlockSink<'static>,
    origin: &'a Origin,
    limits: Limits,
    paragraphs: usize,
    tables: usize,
    cells: usize,
    /// Body paragraphs and cell paragraphs read, counted against `max_cells` with the cells.
    elements: usize,
    /// Whether the paragraph just read ended at the start of a paragraph nested in it, which is
    /// read next as one of its own.
    inner_p: bool,
    /// The altChunk parts, by relationship id: their blocks, or why they were not read.
    chunks: &'a mut Chunks,
    /// Whether the budget was passed (the walk stops; the read's error says so).
    over_budget: bool,
    /// The main part's name, for errors.
    part: &'a str,
}

fn xml_error(origin: &Origin, part: &str, e: XmlError) -> Error {
    match e {
        XmlError::TooDeep(n) => over_limit(origin, &format!("the XML nesting of {part}"), n, "max_depth"),
        XmlError::Syntax(m) => Error::Parse { origin: origin.clone(), line: None, reason: format!("a damaged Word file ({part}: {m})") },
    }
}

/// A paragraph's text as it shows, with the TC fields Word writes into its text save.
#[derive(Default)]
struct Paragraph {
    text: String,
    num: Option<(String, u32)>,
    /// The paragraphs of the text boxes anchored in it, in order.
    boxes: Vec<String>,
}

/// A field being read: its instruction, and whether its result (shown text) has begun.
struct Field {
    instr: String,
    in_result: bool,
}

impl<R: crate::read::xml::Source> Walker<'_, R> {
    fn next(&mut self) -> Result<Option<Xml>> {
        self.r.next().map_err(|e| xml_error(self.origin, self.part, e))
    }

    /// Skips the rest of element `name` (its start was just read).
    fn skip(&mut self, name: &str) -> Result<()> {
        let mut depth = 1usize;
        while let Some(e) = self.next()? {
            match e {
                Xml::Start(n, _) if n == name => depth += 1,
                Xml::End(n) if n == name => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn count_cell(&mut self) -> Result<()> {
        count_cell(&mut self.cells, &self.limits, self.origin, "the Word file's table cells")?;
        self.charge(CELL_COST);
        Ok(())
    }

    /// Counts one more paragraph against `max_cells` (a body of empty paragraphs is elements too).
    fn count_paragraph(&mut self) -> Result<()> {
        count_cell(&mut self.elements, &self.limits, self.origin, "the number of the Word file's paragraphs")
    }

    fn charge(&mut self, bytes: u64) {
        if !budget::charge(bytes) {
            self.over_budget = true;
        }
    }

    /// A body paragraph (and the text boxes anchored in it), when it shows any text.
    fn emit(&mut self, mut p: Paragraph) {
        let boxes = std::mem::take(&mut p.boxes);
        let text = self.numbered(p);
        for text in std::iter::once(text).chain(boxes) {
            if is_blank(&text) {
                continue;
            }
            self.charge(PARAGRAPH_COST + text.len() as u64);
            self.paragraphs += 1;
            self.out.paragraph(text, Location::paragraph(self.paragraphs));
        }
    }

    /// The paragraphs a `<w:p>` starts: itself, and each paragraph nested in it (malformed, but
    /// Word shows it as a paragraph of its own after the text before it).
    fn paragraphs(&mut self) -> Result<Vec<Paragraph>> {
        let mut out = Vec::new();
        // Outer paragraphs whose rest (after the paragraph nested in them) is still to read.
        let mut open = 0usize;
        loop {
            self.count_paragraph()?;
            out.push(self.paragraph()?);
            if std::mem::take(&mut self.inner_p) {
                open += 1;
            } else if open > 0 {
                open -= 1;
            } else {
                return Ok(out);
            }
        }
    }

    /// An altChunk's blocks where it stands, or a note that it was not read.
    fn alt_chunk(&mut self, id: Option<&str>) {
        let chunk = id.and_then(|id| self.chunks.remove(id));
        match chunk {
            Some(Ok(blocks)) => replay(&mut self.out, blocks),
            Some(Err(why)) => {
                self.paragraphs += 1;
                self.out.note(why, Location::paragraph(self.paragraphs));
            }
            None => {
                self.paragraphs += 1;
                let why = format!("an embedded document (w:altChunk {}) whose part the file does not hold: not read", id.unwrap_or("without an id"));
                self.out.note(why, Location::paragraph(self.paragraphs));
            }
        }
    }

    fn body(&mut self) -> Result<()> {
        while let Some(e) = self.next()? {
            match e {
                Xml::Start(name, a) => match &*name {
                    "p" => {
                        for p in self.paragraphs()? {
                            self.emit(p);
                        }
                        self.out.flush_into(self.sink);
                        if self.over_budget {
                            return Ok(());
                        }
                    }
                    "altChunk" => {
                        let id = attr(&a, "id").map(str::to_owned);
                        self.alt_chunk(id.as_deref());
                        self.out.flush_into(self.sink);
                    }
                    "tbl" => {
                        self.tables += 1;
                        let t = self.tables;
                        self.table(t)?;
                        self.out.end_table();
                        self.out.flush_into(self.sink);
                        if self.over_budget {
                            return Ok(());
                        }
                    }
                    n if HIDDEN.contains(&n) => self.skip(n)?,
                    _ => {}
                },
                Xml::End(_) | Xml::Text(_) => {}
            }
        }
        Ok(())
    }

    /// Text boxes in a drawing, picture or object (its start just read): each box's paragraphs.
    fn text_boxes(&mut self, name: &str, boxes: &mut Vec<String>) -> Result<()> {
        let mut depth = 1usize;
        let mut in_box = 0usize;
        while let Some(e) = self.next()? {
            match e {
                Xml::Start(n, _) if n == name => depth += 1,
                Xml::End(n) if n == name => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                Xml::Start(n, _) if n == "txbxContent" => in_box += 1,
                Xml::End(n) if n == "txbxContent" => in_box = in_box.saturating_sub(1),
                Xml::Start(n, _) if in_box > 0 && n == "p" => {
                    for mut p in self.paragraphs()? {
                        let inner = std::mem::take(&mut p.boxes);
                        boxes.push(self.numbered(p));
                        boxes.extend(inner);
                    }
                }
                Xml::Start(n, _) if in_box > 0 && n == "tbl" => {
                    let text = self.nested_table()?;
                    boxes.push(text);
                }
                Xml::Start(n, _) if n == "Fallback" => self.skip("Fallback")?,
                _ => {}
            }
        }
        Ok(())
    }

    fn numbered(&mut self, p: Paragraph) -> String {
        match p.num.and_then(|(id, lvl)| self.numbering.label(&id, lvl)) {
            Some(label) => label + &p.text,
            None => p.text,
        }
    }

    /// A paragraph, after its `<w:p>`.
    fn paragraph(&mut self) -> Result<Paragraph> {
        let mut p = Paragraph::default();
        let mut fields: Vec<Field> = Vec::new();
        let mut in_text = false;
        let mut in_instr = false;
        let (mut num_id, mut ilvl) = (None, 0u32);
        while let Some(e) = self.next()? {
            match e {
                Xml::Start(name, a) => match &*name {
                    "t" => in_text = true,
                    "instrText" => in_instr = true,
                    "tab" => p.text.push('\t'),
                    "br" if attr(&a, "type") != Some("page") && attr(&a, "type") != Some("column") => p.text.push('\n'),
                    "cr" => p.text.push('\n'),
                    "noBreakHyphen" => p.text.push('-'),
                    "sym" if fields.last().is_none_or(|f| f.in_result) => {
                        p.text.extend(attr(&a, "char").and_then(|c| super::symbol::symbol(attr(&a, "font"), c)));
                    }
                    "numId" => num_id = attr(&a, "val").map(str::to_owned),
                    // Word has nine levels (0–8): a larger one is the last.
                    "ilvl" => ilvl = attr(&a, "val").and_then(|v| v.parse::<u32>().ok()).unwrap_or(0).min(MAX_LEVEL),
                    // A paragraph inside a paragraph ends this one; it is read next.
                    "p" => {
                        self.inner_p = true;
                        break;
                    }
                    "drawing" | "pict" => self.text_boxes(&name, &mut p.boxes)?,
                    "fldChar" => match attr(&a, "fldCharType") {
                        Some("begin") => fields.push(Field { instr: String::new(), in_result: false }),
                        Some("separate") => {
                            if let Some(f) = fields.last_mut() {
                                f.in_result = true;
                            }
                        }
                        Some("end") => {
                            if let Some(f) = fields.pop() {
                                tc_field(&mut p.text, &f.instr);
                            }
                        }
                        _ => {}
                    },
                    "fldSimple" => fields.push(Field { instr: attr(&a, "instr").unwrap_or_default().to_owned(), in_result: true }),
                    "tbl" => {
                        // A table inside a paragraph is malformed; skip it rather than misplace it.
                        self.skip("tbl")?;
                    }
                    // Properties hold the list numbering and nothing that shows.
                    "pPr" | "numPr" => {}
                    n if HIDDEN.contains(&n) => self.skip(n)?,
                    _ => {}
                },
                Xml::End(name) => match &*name {
                    "p" => break,
                    "t" => in_text = false,
                    "instrText" => in_instr = false,
                    "fldSimple" => {
                        if let Some(f) = fields.pop() {
                            tc_field(&mut p.text, &f.instr);
                        }
                    }
                    _ => {}
                },
                Xml::Text(t) => {
                    if in_instr {
                        if let Some(f) = fields.last_mut().filter(|f| !f.in_result) {
                            f.instr.push_str(&t);
                        }
                    } else if in_text && fields.last().is_none_or(|f| f.in_result) {
                        p.text.push_str(&t);
                    }
                }
            }
        }
        p.num = num_id.filter(|id| id != "0").map(|id| (id, ilvl));
        Ok(p)
    }

    /// A table, after its `<w:tbl>`: its rows in Word's text layout. `t` is its 1-based number.
    fn table(&mut self, t: usize) -> Result<()> {
        let mut row = 0usize;
        while let Some(e) = self.next()? {
            match e {
                Xml::Start(name, _) => match &*name {
                    "tr" => {
                        row += 1;
                        self.row(t, row)?;
                    }
                    n if HIDDEN.contains(&n) => self.skip(n)?,
                    _ => {}
                },
                Xml::End(name) if name == "tbl" => break,
                _ => {}
            }
        }
        Ok(())
    }

    fn row(&mut self, t: usize, row: usize) -> Result<()> {
        let mut column = 1usize;
        while let Some(e) = self.next()? {
            match e {
                Xml::Start(name, _) => match &*name {
                    "tc" => {
                        self.count_cell()?;
                        let place = Location::table_cell(t, row, column);
                        let (paragraphs, span, nested) = self.cell()?;
                        // Each grid column it spans is a cell of its row in the table pipeline.
                        self.charge(span as u64 * SPAN_COST);
                        column += span;
                        self.out.cell(paragraphs, place, span);
                        if let Some(nested) = nested {
                            self.out.nested(nested);
                        }
                    }
                    n if HIDDEN.contains(&n) => self.skip(n)?,
                    _ => {}
                },
                Xml::End(name) if name == "tr" => break,
                _ => {}
            }
        }
        self.out.end_row();
        Ok(())
    }

    /// A cell, after its `<w:tc>`: its paragraphs (none for the continuation of a vertical merge,
    /// which reads empty as in Word's text save) and how many grid columns it spans.
    fn cell(&mut self) -> Result<(Vec<String>, usize, Option<String>)> {
        let mut paragraphs = Vec::new();
        let mut nested_text: Option<String> = None;
        let mut span = 1usize;
        let mut continued = false;
        while let Some(e) = self.next()? {
            match e {
                Xml::Start(name, a) => match &*name {
                    "gridSpan" => span = attr(&a, "val").and_then(|v| v.parse().ok()).filter(|n| *n >= 1).unwrap_or(1),
                    "vMerge" => continued = !matches!(attr(&a, "val"), Some("restart")),
                    "p" => {
                        for mut p in self.paragraphs()? {
                            let boxes = std::mem::take(&mut p.boxes);
                            let text = self.numbered(p);
                            self.charge(text.len() as u64);
                            paragraphs.push(text);
                            paragraphs.extend(boxes);
                        }
                    }
                    "tbl" => {
                        let text = self.nested_table()?;
                        if !text.trim().is_empty() {
                            match &mut nested_text {
                                Some(n) => {
                                    n.push('\n');
                                    n.push_str(&text);
                                }
                                None => nested_text = Some(text),
                            }
                        }
                    }
                    "tcPr" => {}
                    n if HIDDEN.contains(&n) => self.skip(n)?,
                    _ => {}
                },
                Xml::End(name) if name == "tc" => break,
                _ => {}
            }
        }
        if continued && paragraphs.iter().all(|p| p.trim().is_empty()) {
            paragraphs.clear();
        }
        Ok((paragraphs, span.min(1000), nested_text))
    }

    /// A table inside a cell, as text: a line per row, cells separated by TABs.
    fn nested_table(&mut self) -> Result<String> {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut depth = 1usize;
        while let Some(e) = self.next()? {
            match e {
                Xml::Start(name, _) => match &*name {
                    "tbl" => depth += 1,
                    "tr" => rows.push(Vec::new()),
                    "tc" => {
                        self.count_cell()?;
                        if let Some(r) = rows.last_mut() {
                            r.push(String::new());
                        }
                    }
                    "p" => {
                        for p in self.paragraphs()? {
                            for text in std::iter::once(p.text).chain(p.boxes) {
                                self.charge(text.len() as u64);
                                if let Some(c) = rows.last_mut().and_then(|r| r.last_mut()) {
                                    if !c.is_empty() && !text.is_empty() {
                                        c.push('\n');
                                    }
                                    c.push_str(&text);
                                }
                            }
                        }
                    }
                    n if HIDDEN.contains(&n) => self.skip(n)?,
                    _ => {}
                },
                Xml::End(name) if name == "tbl" => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
        Ok(rows.iter().map(|r| r.join("\t")).collect::<Vec<_>>().join("\n"))
    }
}

/// Another reader's blocks into this layout, where an altChunk stands.
fn replay(out: &mut Layout<'static>, blocks: Vec<Block<'static>>) {
    for b in blocks {
        match b {
            Block::Paragraph { text, place, role } => out.titled(role, text, place.location()),
            Block::Note { text, place } => out.note(text, place.location()),
            Block::Table(t) => {
                out.end_table();
                let mut nested = t.nested.into_iter().peekable();
                for (r, row) in t.rows.into_iter().enumerate() {
                    for (c, cell) in row.into_iter().enumerate() {
                        out.cell_text(cell.text, cell.place.location(), cell.span as usize);
                        while let Some((_, _, text)) = nested.next_if(|(nr, nc, _)| (*nr, *nc) == (r, c)) {
                            out.nested(text);
                        }
                    }
                    out.end_row();
                }
                out.end_table();
            }
        }
    }
}

/// The altChunk parts of a body, by relationship id: each one's blocks, or why it was not read.
pub type Chunks = std::collections::HashMap<String, std::result::Result<Vec<Block<'static>>, String>>;

/// Walks document.xml as it streams in, or as it was held (`part` names it in errors), handing its blocks to `sink`
/// body element by body element; `numbering` is numbering.xml's lists, `chunks` the embedded
/// documents its altChunks name.
pub fn walk<R: crate::read::xml::Source>(
    document: XmlReader<R>,
    part: &str,
    numbering: Numbering,
    chunks: &mut Chunks,
    origin: &Origin,
    limits: Limits,
    sink: &mut dyn BlockSink<'static>,
) -> Result<()> {
    let mut w = Walker {
        r: document,
        numbering,
        out: Layout::default(),
        sink,
        origin,
        limits,
        paragraphs: 0,
        tables: 0,
        cells: 0,
        elements: 0,
        inner_p: false,
        chunks,
        over_budget: false,
        part,
    };
    w.body()?;
    let Walker { out, sink, .. } = w;
    out.finish_into(sink);
    Ok(())
}

/// numbering.xml's lists (`xml` its text, when the file has one).
pub fn numbering(xml: Option<&str>, origin: &Origin, limits: Limits) -> Result<Numbering> {
    match xml {
        Some(xml) => Numbering::parse(xml, limits.max_depth).map_err(|e| xml_error(origin, "word/numbering.xml", e)),
        None => Ok(Numbering::default()),
    }
}
