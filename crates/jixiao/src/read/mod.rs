//! Readers: bytes in, [`Document`] out. Each reader is one module and one line in [`READERS`];
//! the format is decided from the content, never from a file name.

mod assemble;
pub mod batch;
pub mod blocks;
mod budget;
mod container;
mod decode;
mod doc;
mod docx;
mod html;
mod json;
mod le;
mod overview;
mod pdf;
mod sheet;
mod source;
pub(crate) mod text;
pub mod tree;
mod word;
pub(crate) mod xml;

use std::path::Path;

pub use container::Limits;
pub use decode::{Encoding, EncodingErrors, decode, decode_with};
pub use sheet::cell_number as sheet_cell_number;

use crate::error::{Error, Origin, Result};
use crate::model::Document;
pub use crate::model::TableSink;
pub(crate) use source::Source;

/// The input formats jixiao knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decide from the content.
    #[default]
    Auto,
    /// Word's plain-text save (UTF-8, UTF-16 or GB18030).
    Text,
    /// jixiao's own JSON.
    Json,
    /// A Word file (.docx).
    Docx,
    /// An old binary Word file (.doc, Word 97–2003; WPS Writer's .wps).
    Doc,
    /// A spreadsheet (.xlsx, .xls or .ods), or Excel 2003 XML (SpreadsheetML, often saved as .xls).
    Xlsx,
    /// A web page (.html, .htm), as published or as Word, Excel, WPS and LibreOffice save one;
    /// also a single-file web page (.mht, .mhtml: MIME multipart/related).
    Html,
    /// A PDF with a text layer, as Word, WPS and LibreOffice export one.
    Pdf,
    /// A CSV or TSV of cells (comma, TAB or semicolon; UTF-8, GBK/GB18030 or UTF-16), read as
    /// a one-sheet workbook; jixiao's own CSV reads back into its sections and tables.
    Csv,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Text => "text",
            Format::Json => "json",
            Format::Docx => "docx",
            Format::Doc => "doc",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Csv => "csv",
        }
    }

    /// The names [`Format::from_name`] takes (it also takes `txt`, `xls`, `ods`, `xml` or
    /// `spreadsheet` for xlsx, `wps` for doc, `htm`, `mht` or `mhtml` for html and `tsv` for csv).
    pub const NAMES: &[&str] = &["auto", "text", "json", "docx", "doc", "xlsx", "html", "pdf", "csv"];

    /// [`Format::from_name`], or a usage error that lists the names.
    pub fn parse_name(name: &str) -> Result<Format> {
        Format::from_name(name).ok_or_else(|| {
            Error::Usage(format!(
                "unknown input format '{name}': use one of {} (xls, ods and xml read as xlsx, mht as html, tsv as csv)",
                Format::NAMES.join(", ")
            ))
        })
    }

    /// Parses a format name as the CLI, C and Python take it.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "auto" => Some(Format::Auto),
            "text" | "txt" => Some(Format::Text),
            "json" => Some(Format::Json),
            "docx" => Some(Format::Docx),
            "doc" | "wps" => Some(Format::Doc),
            "xlsx" | "xls" | "ods" | "xml" | "spreadsheet" => Some(Format::Xlsx),
            "html" | "htm" | "mht" | "mhtml" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            "csv" | "tsv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// How to read an input.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub format: Format,
    /// The text encoding; `Auto` detects it (BOM, then strict UTF-8, then GB18030).
    pub encoding: Encoding,
    /// Bytes that are not text in the encoding: an error (the default), or replaced with U+FFFD
    /// and listed in `Document::replaced_bytes`.
    pub encoding_errors: EncodingErrors,
    /// The input's path or label, for messages.
    pub path: Option<String>,
    /// Bounds against hostile files (container size, entries, XML depth, cells).
    pub limits: Limits,
}

impl ReadOptions {
    pub fn origin(&self) -> Origin {
        Origin(self.path.clone())
    }
}

/// One input format.
pub(crate) trait Reader: Sync {
    fn format(&self) -> Format;
    /// Whether the bytes look like this format (used when the format is `Auto`).
    fn sniff(&self, bytes: &[u8]) -> bool;
    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document>;
    /// [`Reader::read`], handing each table to `sink` as soon as it is read, where the reader
    /// can; by default every table stays in the document.
    fn read_to(&self, bytes: &[u8], options: &ReadOptions, _sink: &mut dyn TableSink) -> Result<Document> {
        self.read(bytes, options)
    }
    /// Reads `source`, into `sink` when there is one. A reader that keeps what it parsed and not
    /// the bytes (PDF) lets a file's bytes go once it has parsed them; by default they are read
    /// as they are.
    fn read_source(&self, source: Source<'_>, options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
        match sink {
            Some(sink) => self.read_to(source.bytes(), options, sink),
            None => self.read(source.bytes(), options),
        }
    }
}

/// Every reader, most specific first: the last is the fallback for text.
static READERS: &[&dyn Reader] =
    &[&docx::DocxReader, &doc::DocReader, &sheet::SheetReader, &json::JsonReader, &pdf::PdfReader, &html::HtmlReader, &sheet::CsvReader, &text::TextReader];

/// What a file no reader takes is, and how to get one jixiao reads; None for plain text.
fn unsupported(bytes: &[u8]) -> Option<String> {
    const CONVERT: &str = "open it in Word, WPS or LibreOffice and save it as .docx or .xlsx \
                           (LibreOffice: soffice --headless --convert-to docx FILE)";
    if bytes.starts_with(b"PK\x03\x04") {
        Some("a ZIP archive that is neither a Word .docx nor a spreadsheet (no word/document.xml, xl/workbook.xml or content.xml)".into())
    } else if bytes.starts_with(container::CFB_MAGIC) {
        // Word's own compound files (.doc) have a reader; what is left here is not one.
        let what = if container::cfb_has_stream(bytes, "Workbook") || container::cfb_has_stream(bytes, "Book") {
            "an old binary Excel workbook (.xls, or WPS Spreadsheets .et) that could not be read"
        } else {
            "an OLE compound file whose directory names no Word or Excel stream (an old Office or WPS format, or one cut short)"
        };
        Some(format!("{what}; {CONVERT}"))
    } else {
        None
    }
}

/// The reader for these bytes: the one `options.format` names, or the first that recognises
/// them, with plain text as the fallback.
fn reader_for(bytes: &[u8], options: &ReadOptions) -> Result<&'static dyn Reader> {
    let origin = options.origin();
    let reader = match options.format {
        Format::Auto => {
            let found = READERS.iter().find(|r| r.format() != Format::Text && r.sniff(bytes));
            if found.is_none()
                && let Some(reason) = unsupported(bytes)
            {
                return Err(Error::UnsupportedFormat { origin, reason });
            }
            found.or_else(|| READERS.iter().find(|r| r.format() == Format::Text))
        }
        wanted => READERS.iter().find(|r| r.format() == wanted),
    };
    reader.copied().ok_or(Error::UnsupportedFormat { origin, reason: "no reader recognises this input".into() })
}

/// The format these bytes would be read as (what `Format::Auto` decides, from the content);
/// `Format::Auto` itself when no reader takes them.
pub fn detect(bytes: &[u8], options: &ReadOptions) -> Format {
    reader_for(bytes, options).map_or(Format::Auto, |r| r.format())
}

/// Parses a document from bytes.
pub fn parse_bytes(bytes: &[u8], options: &ReadOptions) -> Result<Document> {
    parse_source(Source::Bytes(bytes), options, None)
}

/// [`parse_bytes`], handing each table to `sink` as soon as it is read, so that a large document
/// need not be held whole (`write::json::JsonStream` writes it out as it comes). The document
/// returned holds the rest: its parts without those tables, the notes and the locations.
/// Word's text saves are read this way; other formats, and a text save whose 整体 part comes
/// after a table (the document's head is final only at its end), keep every table in the
/// document returned, as does a read under a memory budget it could pass (so that an error past
/// it never follows tables already handed on). An error of the sink stops the reading and is
/// returned as [`Error::Write`].
pub fn parse_bytes_to(bytes: &[u8], options: &ReadOptions, sink: &mut dyn TableSink) -> Result<Document> {
    parse_source(Source::Bytes(bytes), options, Some(sink))
}

/// Reads `source` with the reader for it, under the read's memory budget; into `sink` as
/// [`parse_bytes_to`] says, when there is one.
fn parse_source(source: Source<'_>, options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    let bytes = source.bytes();
    let reader = reader_for(bytes, options)?;
    let limit = budget::limit(&options.limits, bytes.len());
    // A table handed on is written: a read that passed its budget after it would leave the
    // output half-written. Tables go on as read only when the read cannot pass its budget: a
    // text save's cell takes at least two bytes of it (TAB, line end), decoded text at most 1.5
    // times its bytes, so it builds at most (tree::CELL_COST / 2 + 2) × the input; the default
    // budget is 64 × (up to 1 GiB: a text save of up to 56 MiB streams). Under a tighter one
    // the document is read whole, its tables kept in it.
    // Every other reader lays its whole input out as blocks first, and the assembler hands
    // tables on only when what the blocks can build fits the budget.
    let streams = reader.format() != Format::Text || limit >= (bytes.len() as u64).saturating_mul(tree::CELL_COST / 2 + 2);
    let sink = sink.filter(|_| streams);
    within_budget(reader.format(), limit, options, || reader.read_source(source, options, sink))
}

/// A read under the read's memory budget, `limit`, its document's lists then shrunk.
fn within_budget(format: Format, limit: u64, options: &ReadOptions, read: impl FnOnce() -> Result<Document>) -> Result<Document> {
    let mut doc = budget::within(limit, &options.origin(), format.as_str(), read)?;
    shrink(&mut doc);
    Ok(doc)
}

/// Gives back the spare capacity of the document's long lists (tables and notes grow by
/// doubling), so that a parsed document holds what it needs and no more. Tables shrink their
/// own lists as they are built.
fn shrink(doc: &mut Document) {
    doc.notes.shrink_to_fit();
    doc.sections.shrink_to_fit();
    for section in &mut doc.sections {
        section.tables.shrink_to_fit();
    }
}

/// Parses a document from text already decoded.
pub fn parse_str(text: &str, options: &ReadOptions) -> Result<Document> {
    let options = ReadOptions { encoding: Encoding::Utf8, ..options.clone() };
    parse_bytes(text.as_bytes(), &options)
}

/// Reads and parses a file; the format comes from the content, not the suffix. A reader that
/// keeps what it parsed (PDF) lets the file's bytes go as soon as it has, which
/// [`parse_bytes`] cannot: the caller holds them.
pub fn open(path: impl AsRef<Path>, options: &ReadOptions) -> Result<Document> {
    open_source(path.as_ref(), options, None)
}

/// [`open`], handing each table to `sink` as [`parse_bytes_to`] does.
pub fn open_to(path: impl AsRef<Path>, options: &ReadOptions, sink: &mut dyn TableSink) -> Result<Document> {
    open_source(path.as_ref(), options, Some(sink))
}

fn open_source(path: &Path, options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    let label = path.display().to_string();
    // A PDF is read its own way, its font programs cut as it is read (see `pdf::read_file`):
    // a file whose first bytes say PDF, as the format asked for or the one they would be read as.
    let is_pdf = |head: &[u8]| head.starts_with(b"%PDF-") && reader_for(head, options).is_ok_and(|r| r.format() == Format::Pdf);
    let opened = source::open(path, &is_pdf).map_err(|source| Error::Io { origin: Origin(Some(label.clone())), source })?;
    let options = ReadOptions { path: Some(label), ..options.clone() };
    match opened {
        source::Opened::File(file) => parse_source(Source::File(file), &options, sink),
        source::Opened::Once(bytes) => parse_source(Source::Bytes(&bytes), &options, sink),
        source::Opened::Unread(file) => {
            let limit = budget::limit(&options.limits, usize::try_from(file.len()).unwrap_or(usize::MAX));
            within_budget(Format::Pdf, limit, &options, || pdf::read_file(file, &options, sink))
        }
    }
}
