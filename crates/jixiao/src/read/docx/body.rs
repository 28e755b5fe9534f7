//! word/document.xml in body order → the lines of Word's own plain-text save (a cell a TAB
//! line, a further paragraph of a cell after a blank line, a blank line between rows), each with
//! the place it came from. What Word shows is what counts: inserted text (`w:ins`) does, deleted
//! text (`w:del`, `w:delText`) and field instructions do not, except a TC field, which Word's
//! text save writes out as ` TC 标题 \f B \l 1 ` and the text reader understands.

use super::numbering::Numbering;
use crate::error::{Error, Origin, Result};
use crate::model::Location;
use crate::read::blocks::Layout;
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
    "drawing",
    "pict",
    "object",
];

struct Walker<'a> {
    r: XmlReader<'a>,
    numbering: Numbering,
    out: Layout<'static>,
    origin: &'a Origin,
    limits: Limits,
    paragraphs: usize,
    tables: usize,
    cells: usize,
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
}

/// A field being read: its instruction, and whether its result (shown text) has begun.
struct Field {
    instr: String,
    in_result: bool,
}

impl<'a> Walker<'a> {
    fn next(&mut self) -> Result<Option<Xml>> {
        self.r.next().map_err(|e| xml_error(self.origin, "word/document.xml", e))
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
        count_cell(&mut self.cells, &self.limits, self.origin, "the Word file's table cells")
    }

    fn body(&mut self) -> Result<()> {
        while let Some(e) = self.next()? {
            match e {
                Xml::Start(name, _) => match &*name {
                    "p" => {
                        self.paragraphs += 1;
                        let place = Location::paragraph(self.paragraphs);
                        let p = self.paragraph()?;
                        let text = self.numbered(p);
                        self.out.paragraph(text, place);
                    }
                    "tbl" => {
                        self.tables += 1;
                        let t = self.tables;
                        self.table(t)?;
                        self.out.end_table();
                    }
                    n if HIDDEN.contains(&n) => self.skip(n)?,
                    _ => {}
                },
                Xml::End(_) | Xml::Text(_) => {}
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
                    "numId" => num_id = attr(&a, "val").map(str::to_owned),
                    "ilvl" => ilvl = attr(&a, "val").and_then(|v| v.parse().ok()).unwrap_or(0),
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
                        let p = self.paragraph()?;
                        paragraphs.push(self.numbered(p));
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
                        let p = self.paragraph()?;
                        if let Some(c) = rows.last_mut().and_then(|r| r.last_mut()) {
                            if !c.is_empty() && !p.text.is_empty() {
                                c.push('\n');
                            }
                            c.push_str(&p.text);
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

/// Lays out document.xml; `numbering` is numbering.xml when the file has one.
pub fn layout(document: &str, numbering: Option<&str>, origin: &Origin, limits: Limits) -> Result<Layout<'static>> {
    let numbering = match numbering {
        Some(xml) => Numbering::parse(xml, limits.max_depth).map_err(|e| xml_error(origin, "word/numbering.xml", e))?,
        None => Numbering::default(),
    };
    let mut w = Walker { r: XmlReader::new(document, limits.max_depth), numbering, out: Layout::default(), origin, limits, paragraphs: 0, tables: 0, cells: 0 };
    w.body()?;
    Ok(w.out)
}
