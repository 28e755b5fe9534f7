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
    /// The `csv` crate's writer (RFC 4180 quoting where needed, CRLF ends) over the bytes not
    /// yet drained.
    out: csv::Writer<Vec<u8>>,
    options: CsvOptions,
    /// A number's text, reused from field to field.
    number: String,
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

/// The writer every CSV of jixiao's is written with: a field is quoted only when it holds a
/// comma, a quote or a line break (a quote doubled), records end in CRLF, and rows may differ
/// in length (nothing is refused). `buffer` is what goes before the first record (the BOM).
fn csv_writer(buffer: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().quote_style(csv::QuoteStyle::Necessary).terminator(csv::Terminator::CRLF).flexible(true).from_writer(buffer)
}

/// Writing to a `Vec` has no I/O to fail, and a flexible writer refuses no record.
const IN_MEMORY: &str = "writing CSV to a Vec cannot fail";

/// A text cell: quoted as it needs, and kept from running as a formula in Excel mode (`bom`).
fn text_field(out: &mut csv::Writer<Vec<u8>>, value: &str, bom: bool) -> csv::Result<()> {
    if bom { out.write_field(excel_safe(value).as_bytes()) } else { out.write_field(value) }
}

/// The bytes a writer holds, its own buffer included, as text: every field was a `&str`.
fn into_text(out: csv::Writer<Vec<u8>>) -> String {
    let bytes = out.into_inner().map_err(|e| e.into_error()).expect(IN_MEMORY);
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

impl CsvWriter {
    pub fn new(options: CsvOptions) -> Self {
        let bom = if options.bom { "\u{FEFF}".as_bytes().to_vec() } else { Vec::new() };
        let mut out = csv_writer(bom);
        let file = options.file_column.then_some("file");
        out.write_record(file.into_iter().chain(COLUMNS.iter().copied())).expect(IN_MEMORY);
        CsvWriter { out, options, number: String::new() }
    }

    /// Adds every indicator of a document; `file` fills the `file` column when there is one.
    pub fn document(&mut self, file: &str, doc: &Document) -> &mut Self {
        for record in records(doc) {
            self.record(file, &record).expect(IN_MEMORY);
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
            self.record(file, &record)?;
            if self.out.get_ref().len() >= 1 << 16 {
                self.drain_to(&mut out)?;
            }
        }
        Ok(())
    }

    fn record(&mut self, file: &str, record: &Record<'_>) -> csv::Result<()> {
        let out = &mut self.out;
        if self.options.file_column {
            out.write_field(file)?;
        }
        let bom = self.options.bom;
        for value in record.fields().iter() {
            match value {
                Field::Text(t) => text_field(out, t, bom)?,
                Field::Owned(t) => text_field(out, t, bom)?,
                Field::Number(Some(v)) => {
                    self.number.clear();
                    write!(self.number, "{v}").expect("writing to a String");
                    out.write_field(&self.number)?;
                }
                Field::Integer(Some(v)) => {
                    self.number.clear();
                    write!(self.number, "{v}").expect("writing to a String");
                    out.write_field(&self.number)?;
                }
                Field::Number(None) | Field::Integer(None) => out.write_field("")?,
                Field::Bool(b) => out.write_field(if *b { "true" } else { "false" })?,
            }
        }
        out.write_record(None::<&[u8]>)
    }

    /// One document's rows, without the header (or BOM): what a batch renders on each thread
    /// and writes after a header made once with [`CsvWriter::new`].
    pub fn rows(options: CsvOptions, file: &str, doc: &Document) -> String {
        let mut w = CsvWriter { out: csv_writer(Vec::new()), options, number: String::new() };
        w.document(file, doc);
        w.finish()
    }

    /// Writes what the writer holds to `out` and empties it: call after each document to stream
    /// a CSV of many documents without holding it all.
    pub fn drain_to(&mut self, mut out: impl std::io::Write) -> std::io::Result<()> {
        // Between records: a new writer carries on where this one stops.
        let held = std::mem::replace(&mut self.out, csv_writer(Vec::new()));
        let bytes = held.into_inner().map_err(|e| e.into_error())?;
        out.write_all(&bytes)
    }

    /// The CSV (what has not been drained).
    pub fn finish(self) -> String {
        into_text(self.out)
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
    let mut out = csv_writer(if bom { "\u{FEFF}".as_bytes().to_vec() } else { Vec::new() });
    out.write_record(columns).expect(IN_MEMORY);
    into_text(out)
}

/// Rows of text cells with CRLF ends, formulas neutralised in Excel mode: what a stream adds
/// input by input after [`text_header`].
pub(crate) fn text_rows(rows: impl IntoIterator<Item = Vec<String>>, bom: bool) -> String {
    let mut out = csv_writer(Vec::new());
    for cells in rows {
        for cell in &cells {
            text_field(&mut out, cell, bom).expect(IN_MEMORY);
        }
        out.write_record(None::<&[u8]>).expect(IN_MEMORY);
    }
    into_text(out)
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
        let rows = text_rows([vec!["a,\"b\"\nc".to_owned(), "plain".to_owned(), "cr\r".to_owned(), String::new()]], false);
        assert_eq!(rows, "\"a,\"\"b\"\"\nc\",plain,\"cr\r\",\r\n");
    }
}
