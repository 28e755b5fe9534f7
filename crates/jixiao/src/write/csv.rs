//! CSV: one row per indicator, RFC 4180 quoting, optional UTF-8 BOM so that Excel shows Chinese.

use crate::model::TableSink;
use crate::model::{Document, Table};

use std::fmt::Write as _;

use super::records::{COLUMNS, Field, Record, records, table_records};

#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Excel mode: start with the UTF-8 byte-order mark (Excel needs it to read UTF-8) and keep
    /// Excel from running text as formulas.
    pub bom: bool,
    /// Add a leading `file` column (for several inputs in one CSV).
    pub file_column: bool,
}

/// Builds one CSV from one or more documents.
pub struct CsvWriter {
    out: String,
    options: CsvOptions,
}

/// A text cell Excel would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`, which
/// Excel shows as text; only in Excel mode (`bom`), so that other readers get the text as is.
fn excel_safe(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) && value.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// A text cell: quoted as it needs, and kept from running as a formula in Excel mode (`bom`).
fn text_field(out: &mut String, value: &str, bom: bool) {
    if bom { field(out, &excel_safe(value)) } else { field(out, value) }
}

fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

impl CsvWriter {
    pub fn new(options: CsvOptions) -> Self {
        let mut out = String::new();
        if options.bom {
            out.push('\u{FEFF}');
        }
        let mut header: Vec<&str> = Vec::with_capacity(COLUMNS.len() + 1);
        if options.file_column {
            header.push("file");
        }
        header.extend_from_slice(COLUMNS);
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        CsvWriter { out, options }
    }

    /// Adds every indicator of a document; `file` fills the `file` column when there is one.
    pub fn document(&mut self, file: &str, doc: &Document) -> &mut Self {
        for record in records(doc) {
            self.record(file, &record);
        }
        self
    }

    /// Writes every indicator of a document to `out` as it goes, a buffer at a time (after what
    /// the writer already holds): one large document is never held whole as CSV.
    pub fn document_to(&mut self, file: &str, doc: &Document, mut out: impl std::io::Write) -> std::io::Result<()> {
        self.records_to(file, records(doc), &mut out)?;
        self.drain_to(out)
    }

    /// Adds the records, writing to `out` whenever a buffer's worth is held.
    fn records_to<'a>(&mut self, file: &str, records: impl Iterator<Item = Record<'a>>, mut out: impl std::io::Write) -> std::io::Result<()> {
        for record in records {
            self.record(file, &record);
            if self.out.len() >= 1 << 16 {
                self.drain_to(&mut out)?;
            }
        }
        Ok(())
    }

    fn record(&mut self, file: &str, record: &Record<'_>) {
        let out = &mut self.out;
        if self.options.file_column {
            field(out, file);
            out.push(',');
        }
        let bom = self.options.bom;
        for (i, value) in record.fields().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match value {
                Field::Text(t) => text_field(out, t, bom),
                Field::Owned(t) => text_field(out, t, bom),
                Field::Number(Some(v)) => write!(out, "{v}").expect("writing to a String"),
                Field::Integer(Some(v)) => write!(out, "{v}").expect("writing to a String"),
                Field::Number(None) | Field::Integer(None) => {}
                Field::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            }
        }
        out.push_str("\r\n");
    }

    /// One document's rows, without the header (or BOM): what a batch renders on each thread
    /// and writes after a header made once with [`CsvWriter::new`].
    pub fn rows(options: CsvOptions, file: &str, doc: &Document) -> String {
        let mut w = CsvWriter { out: String::new(), options };
        w.document(file, doc);
        w.out
    }

    /// Writes what the writer holds to `out` and empties it: call after each document to stream
    /// a CSV of many documents without holding it all.
    pub fn drain_to(&mut self, mut out: impl std::io::Write) -> std::io::Result<()> {
        out.write_all(self.out.as_bytes())?;
        self.out.clear();
        Ok(())
    }

    /// The CSV (what has not been drained).
    pub fn finish(self) -> String {
        self.out
    }
}

/// A document's CSV written while it is read (a [`TableSink`] for
/// [`crate::read::parse_bytes_to`]): each table's rows go out as it comes, a buffer at a time,
/// after the header, so that one large document is never held whole. The bytes are those of
/// [`CsvWriter::document_to`] for the whole document; nothing is written before the first table
/// (or [`CsvStream::finish`]).
pub struct CsvStream<W: std::io::Write> {
    writer: CsvWriter,
    /// The `file` column's value, when there is one.
    file: String,
    out: W,
}

impl<W: std::io::Write> CsvStream<W> {
    pub fn new(options: CsvOptions, file: &str, out: W) -> Self {
        CsvStream { writer: CsvWriter::new(options), file: file.to_owned(), out }
    }

    /// Writes the rows of the tables the document still holds, and whatever is buffered.
    pub fn finish(mut self, doc: &Document) -> std::io::Result<()> {
        self.writer.document_to(&self.file, doc, &mut self.out)?;
        self.out.flush()
    }
}

impl<W: std::io::Write> TableSink for CsvStream<W> {
    fn table(&mut self, doc: &Document, section: usize, table: Table) -> std::io::Result<()> {
        let Some(section) = doc.sections.get(section) else { return Ok(()) };
        self.writer.records_to(&self.file, table_records(doc, section, &table), &mut self.out)
    }
}

/// The header row of a CSV of text cells (the findings' and score reports' CSV), after a BOM in
/// Excel mode: what a stream of [`text_rows`] starts with.
pub(crate) fn text_header(columns: &[&str], bom: bool) -> String {
    let mut out = String::new();
    if bom {
        out.push('\u{FEFF}');
    }
    out.push_str(&columns.join(","));
    out.push_str("\r\n");
    out
}

/// Rows of text cells with CRLF ends, formulas neutralised in Excel mode: what a stream adds
/// input by input after [`text_header`].
pub(crate) fn text_rows(rows: impl IntoIterator<Item = Vec<String>>, bom: bool) -> String {
    let mut out = String::new();
    for cells in rows {
        for (k, cell) in cells.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            text_field(&mut out, cell, bom);
        }
        out.push_str("\r\n");
    }
    out
}

/// One document as CSV.
pub fn to_string(doc: &Document, bom: bool) -> String {
    let mut w = CsvWriter::new(CsvOptions { bom, file_column: false });
    w.document("", doc);
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_mode_neutralises_formulas() {
        assert_eq!(excel_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(excel_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(excel_safe("-5"), "-5", "a number stays a number");
        assert_eq!(excel_safe("≥90%"), "≥90%");
    }

    #[test]
    fn a_document_streamed_is_the_document_built() {
        // The sample four times over: several buffers' worth of rows, so that the writer drains
        // in the middle of the document.
        let text = include_str!("../../../../tests/data/000_3e963503b18f6771.txt").repeat(4);
        let doc = crate::parse_str(&text, &crate::ReadOptions::default()).expect("the sample reads");
        for options in [CsvOptions { bom: false, file_column: false }, CsvOptions { bom: true, file_column: true }] {
            let mut built = CsvWriter::new(options);
            built.document("a.txt", &doc);
            let built = built.finish();
            assert!(built.len() > 2 << 16, "{} bytes: too few to drain in the middle", built.len());
            let mut streamed = Vec::new();
            CsvWriter::new(options).document_to("a.txt", &doc, &mut streamed).expect("writing to a Vec");
            assert_eq!(String::from_utf8(streamed).expect("UTF-8"), built);
            // Written table by table as it is read: the same bytes.
            let mut read = Vec::new();
            let mut stream = CsvStream::new(options, "a.txt", &mut read);
            let rest = crate::parse_bytes_to(text.as_bytes(), &crate::ReadOptions::default(), &mut stream).expect("the sample reads");
            assert_eq!(rest.tables().count(), 0, "every table was handed on");
            stream.finish(&rest).expect("writing to a Vec");
            assert_eq!(String::from_utf8(read).expect("UTF-8"), built);
        }
    }

    #[test]
    fn quotes_what_needs_quoting() {
        let mut s = String::new();
        field(&mut s, "a,\"b\"\nc");
        assert_eq!(s, "\"a,\"\"b\"\"\nc\"");
    }
}
