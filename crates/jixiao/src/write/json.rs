//! JSON, field names exactly as the model's, `schema_version` first.

use crate::error::{Error, Origin, Result};
use std::io::Write as _;

use crate::model::TableSink;
use crate::model::{Document, Table};

/// The document as JSON, pretty (two-space indent) or compact.
pub fn to_string(doc: &Document, pretty: bool) -> Result<String> {
    let r = if pretty { serde_json::to_string_pretty(doc) } else { serde_json::to_string(doc) };
    r.map_err(|e| Error::Write(e.to_string()))
}

/// Writes the document as JSON to `out` as it goes, without building the text first (JSON is
/// several times the size of its input). Buffered here, so that the serializer's many small
/// writes are copies into a buffer rather than calls through `out` (a `dyn Write` costs a call
/// each).
pub fn to_writer(doc: &Document, pretty: bool, out: impl std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let r = if pretty { serde_json::to_writer_pretty(&mut out, doc) } else { serde_json::to_writer(&mut out, doc) };
    r.map_err(std::io::Error::from)?;
    out.flush()
}

/// A document back from jixiao JSON.
pub fn from_str(json: &str) -> Result<Document> {
    serde_json::from_str(json).map_err(|source| Error::Json { origin: Origin(None), source })
}

/// A document written as JSON while it is read (a [`TableSink`] for
/// [`crate::read::parse_bytes_to`]): each table is written as it comes and dropped, so that
/// the largest document never waits whole in memory. The bytes are those [`to_writer`] writes
/// for the whole document. Nothing is written before the first table (or [`JsonStream::finish`]),
/// so an input that fails to read leaves no output.
pub struct JsonStream<W: std::io::Write> {
    out: std::io::BufWriter<W>,
    pretty: bool,
    /// The document's `file`, written in its head.
    file: Option<String>,
    started: bool,
    /// Parts begun so far; the last of them is open (its tables array unclosed) while `open`.
    sections: usize,
    open: bool,
    /// Tables written in the open part, and what follows its tables (`line`, `toc`).
    tables: usize,
    section_tail: String,
}

/// Where the tables array of a part's JSON stands, and where the parts array of the document's.
const TABLES_KEY: [&str; 2] = ["\"tables\":[]", "\"tables\": []"];
const SECTIONS_KEY: [&str; 2] = ["\"sections\":[]", "\"sections\": []"];

impl<W: std::io::Write> JsonStream<W> {
    /// Pretty (two-space indent) or compact, as [`to_writer`]; `file` is the document's `file`.
    pub fn new(out: W, pretty: bool, file: Option<String>) -> Self {
        JsonStream {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
            pretty,
            file,
            started: false,
            sections: 0,
            open: false,
            tables: 0,
            section_tail: String::new(),
        }
    }

    fn text(&self, value: &impl serde::Serialize) -> std::io::Result<String> {
        let r = if self.pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
        r.map_err(std::io::Error::from)
    }

    /// A line break and the indent of `depth` levels, in pretty JSON.
    fn newline(&mut self, depth: usize) -> std::io::Result<()> {
        if self.pretty {
            self.out.write_all(b"\n")?;
            for _ in 0..depth {
                self.out.write_all(b"  ")?;
            }
        }
        Ok(())
    }

    /// `text` as it stands `depth` levels deep in the pretty document: a JSON string holds no
    /// raw line break, so every line break is layout.
    fn nested(&mut self, text: &str, depth: usize) -> std::io::Result<()> {
        let mut lines = text.split('\n');
        self.out.write_all(lines.next().unwrap_or_default().as_bytes())?;
        for line in lines {
            self.newline(depth)?;
            self.out.write_all(line.as_bytes())?;
        }
        Ok(())
    }

    /// Before the `count`-th item of an array `depth` levels deep.
    fn item(&mut self, count: usize, depth: usize) -> std::io::Result<()> {
        self.out.write_all(if count == 0 { b"[" } else { b"," })?;
        self.newline(depth)
    }

    /// Closes an array of `count` items whose key is `depth` levels deep.
    fn close(&mut self, count: usize, depth: usize) -> std::io::Result<()> {
        if count == 0 {
            return self.out.write_all(b"[]");
        }
        self.newline(depth)?;
        self.out.write_all(b"]")
    }

    /// The document's fields before `sections`, as the whole document writes them.
    fn head(&mut self, doc: &Document) -> std::io::Result<()> {
        let head = Document {
            schema_version: doc.schema_version,
            file: self.file.clone(),
            title: doc.title.clone(),
            year: doc.year,
            overview: doc.overview.clone(),
            sections: Vec::new(),
            notes: Vec::new(),
            locations: Vec::new(),
            replaced_bytes: Vec::new(),
            folded_chars: 0,
        };
        let text = self.text(&head)?;
        let key = SECTIONS_KEY[self.pretty as usize];
        // The last: the fields after it are empty here, and an overview holds no such key.
        let at = text.rfind(key).ok_or_else(|| std::io::Error::other("no sections key in the document's JSON"))?;
        self.out.write_all(&text.as_bytes()[..at + key.len() - 2])?;
        self.started = true;
        Ok(())
    }

    fn open_section(&mut self, section: &crate::model::Section) -> std::io::Result<()> {
        let skeleton = crate::model::Section {
            number: section.number,
            kind: section.kind,
            heading: section.heading.clone(),
            tables: Vec::new(),
            line: section.line,
            toc: section.toc.clone(),
        };
        let text = self.text(&skeleton)?;
        let key = TABLES_KEY[self.pretty as usize];
        let at = text.rfind(key).ok_or_else(|| std::io::Error::other("no tables key in a part's JSON"))?;
        self.item(self.sections, 2)?;
        self.nested(&text[..at + key.len() - 2], 2)?;
        self.section_tail = text[at + key.len()..].to_owned();
        (self.sections, self.open, self.tables) = (self.sections + 1, true, 0);
        Ok(())
    }

    fn write_table(&mut self, table: &Table) -> std::io::Result<()> {
        self.item(self.tables, 4)?;
        if self.pretty {
            let text = serde_json::to_string_pretty(table).map_err(std::io::Error::from)?;
            self.nested(&text, 4)?;
        } else {
            serde_json::to_writer(&mut self.out, table).map_err(std::io::Error::from)?;
        }
        self.tables += 1;
        Ok(())
    }

    fn close_section(&mut self) -> std::io::Result<()> {
        self.close(self.tables, 3)?;
        let tail = std::mem::take(&mut self.section_tail);
        self.nested(&tail, 2)?;
        self.open = false;
        Ok(())
    }

    /// Writes what is left of the document: the tables it still holds, the parts after the
    /// last table, the notes, locations and replaced bytes.
    pub fn finish(mut self, doc: &Document) -> std::io::Result<()> {
        if !self.started {
            self.head(doc)?;
        }
        if self.open {
            for table in doc.sections.get(self.sections - 1).map_or(&[][..], |s| &s.tables) {
                self.write_table(table)?;
            }
            self.close_section()?;
        }
        for section in &doc.sections[self.sections.min(doc.sections.len())..] {
            self.open_section(section)?;
            for table in &section.tables {
                self.write_table(table)?;
            }
            self.close_section()?;
        }
        self.close(self.sections, 1)?;
        // The fields after `sections`, cut from a document that has only those.
        let mut tail = Document::new("");
        (tail.notes, tail.locations, tail.replaced_bytes) = (doc.notes.clone(), doc.locations.clone(), doc.replaced_bytes.clone());
        tail.folded_chars = doc.folded_chars;
        let key = SECTIONS_KEY[self.pretty as usize];
        let skip = self.text(&Document::new(""))?.find(key).map_or(0, |at| at + key.len());
        let mut rest = SkipWriter { skip, out: &mut self.out };
        let r = if self.pretty { serde_json::to_writer_pretty(&mut rest, &tail) } else { serde_json::to_writer(&mut rest, &tail) };
        r.map_err(std::io::Error::from)?;
        self.out.flush()
    }
}

impl<W: std::io::Write> TableSink for JsonStream<W> {
    fn table(&mut self, doc: &Document, section: usize, table: Table) -> std::io::Result<()> {
        if !self.started {
            self.head(doc)?;
        }
        if self.open && section >= self.sections {
            self.close_section()?;
        }
        // Parts with no table before this one are written whole.
        while self.sections <= section {
            let Some(next) = doc.sections.get(self.sections) else { break };
            self.open_section(next)?;
            if self.sections <= section {
                self.close_section()?;
            }
        }
        self.write_table(&table)
    }
}

/// Passes on what is written after its first `skip` bytes.
struct SkipWriter<'a, W: std::io::Write> {
    skip: usize,
    out: &'a mut W,
}

impl<W: std::io::Write> std::io::Write for SkipWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let skipped = self.skip.min(buf.len());
        self.skip -= skipped;
        self.out.write_all(&buf[skipped..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
