//! JSON, field names exactly as the model's, `schema_version` first.

use crate::error::{Error, Origin, Result};
use std::io::Write as _;

use crate::model::TableSink;
use crate::model::{Document, Location, Section, Table, Toc};
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

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

/// A document back from jixiao JSON of any schema version this build reads (version 1 too).
pub fn from_str(json: &str) -> Result<Document> {
    crate::model::document_from_json(json.as_bytes()).map_err(|source| Error::Json { origin: Origin(None), source })
}

/// A document written as JSON while it is read (a [`TableSink`] for
/// [`crate::read::parse_bytes_to`]): each table is written as it comes and dropped, so that
/// the largest document never waits whole in memory. The bytes are those [`to_writer`] writes
/// for the whole document. Nothing is written before the first table (or [`JsonStream::finish`]),
/// so an input that fails to read leaves no output.
///
/// It makes serde_json's own calls, in the order the derived `Serialize` of [`Document`] and
/// [`Section`] makes them through serde_json's `SerializeStruct` and `SerializeSeq`: the
/// document's fields in order, its parts as a sequence, the open part's tables as a sequence fed
/// as they arrive, every value by serde_json's serializer over the stream's one formatter (so the
/// indent carries on). No text is cut or spliced. The formatter, not a `SerializeStruct`, is what
/// it holds between tables: serde_json's `SerializeStruct` borrows its serializer, and a sink
/// called table by table could not keep both.
pub struct JsonStream<W: std::io::Write> {
    out: std::io::BufWriter<W>,
    layout: Layout,
    /// The document's `file`, written in its head.
    file: Option<String>,
    started: bool,
    /// Parts begun so far; the last of them is open (its tables array unclosed) while `open`.
    sections: usize,
    open: bool,
    /// Tables written in the open part, and its fields after `tables` as they were when it
    /// opened (`location`, `toc`).
    tables: usize,
    section_tail: (Location, Option<Toc>),
}

/// Pretty (two-space indent, as `to_writer_pretty`) or compact: serde_json's formatters, whose
/// state (the indent, whether a value was written) is the stream's.
enum Layout {
    Pretty(PrettyFormatter<'static>),
    Compact(CompactFormatter),
}

/// A formatter lent to the serializer of one value, so that it writes at the stream's indent.
/// The calls that depend on where the value stands are passed on; the rest (numbers, strings)
/// are serde_json's defaults, which neither formatter changes.
struct Lent<'a>(&'a mut Layout);

/// The calls of [`Formatter`] that depend on where a value stands, written once for both
/// formatters: the layout passes each to its serde_json formatter, a lent one to the layout.
macro_rules! positional_calls {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {
        impl Formatter for Layout {
            $(fn $name<W: ?Sized + std::io::Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
                match self {
                    Layout::Pretty(f) => f.$name(writer $(, $arg)*),
                    Layout::Compact(f) => f.$name(writer $(, $arg)*),
                }
            })*
        }

        impl Formatter for Lent<'_> {
            $(fn $name<W: ?Sized + std::io::Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
                self.0.$name(writer $(, $arg)*)
            })*
        }
    };
}

positional_calls! {
    begin_array();
    end_array();
    begin_array_value(first: bool);
    end_array_value();
    begin_object();
    end_object();
    begin_object_key(first: bool);
    end_object_key();
    begin_object_value();
    end_object_value();
}

impl<W: std::io::Write> JsonStream<W> {
    /// Pretty (two-space indent) or compact, as [`to_writer`]; `file` is the document's `file`.
    pub fn new(out: W, pretty: bool, file: Option<String>) -> Self {
        JsonStream {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
            layout: if pretty { Layout::Pretty(PrettyFormatter::new()) } else { Layout::Compact(CompactFormatter) },
            file,
            started: false,
            sections: 0,
            open: false,
            tables: 0,
            section_tail: (Location::default(), None),
        }
    }

    /// One value, at the place the stream stands.
    fn value(&mut self, value: &(impl serde::Serialize + ?Sized)) -> std::io::Result<()> {
        let mut serializer = serde_json::Serializer::with_formatter(&mut self.out, Lent(&mut self.layout));
        value.serialize(&mut serializer).map_err(std::io::Error::from)
    }

    /// A struct field's key, as `SerializeStruct::serialize_field` writes it.
    fn key(&mut self, key: &'static str, first: bool) -> std::io::Result<()> {
        self.layout.begin_object_key(&mut self.out, first)?;
        self.value(key)?;
        self.layout.end_object_key(&mut self.out)?;
        self.layout.begin_object_value(&mut self.out)
    }

    /// A struct field, key and value.
    fn field(&mut self, key: &'static str, first: bool, value: &(impl serde::Serialize + ?Sized)) -> std::io::Result<()> {
        self.key(key, first)?;
        self.value(value)?;
        self.layout.end_object_value(&mut self.out)
    }

    /// The document's fields before `sections`, and the start of its parts.
    fn head(&mut self, doc: &Document) -> std::io::Result<()> {
        self.layout.begin_object(&mut self.out)?;
        self.field("schema_version", true, &doc.schema_version)?;
        if let Some(file) = self.file.take() {
            self.field("file", false, &file)?;
            self.file = Some(file);
        }
        self.field("title", false, &doc.title)?;
        self.field("year", false, &doc.year)?;
        self.field("overview", false, &doc.overview)?;
        self.key("sections", false)?;
        self.layout.begin_array(&mut self.out)?;
        self.started = true;
        Ok(())
    }

    /// A part's fields before `tables`, and the start of its tables.
    fn open_section(&mut self, section: &Section) -> std::io::Result<()> {
        self.layout.begin_array_value(&mut self.out, self.sections == 0)?;
        self.layout.begin_object(&mut self.out)?;
        self.field("number", true, &section.number)?;
        self.field("kind", false, &section.kind)?;
        self.field("heading", false, &section.heading)?;
        self.key("tables", false)?;
        self.layout.begin_array(&mut self.out)?;
        self.section_tail = (section.location.clone(), section.toc.clone());
        (self.sections, self.open, self.tables) = (self.sections + 1, true, 0);
        Ok(())
    }

    fn write_table(&mut self, table: &Table) -> std::io::Result<()> {
        self.layout.begin_array_value(&mut self.out, self.tables == 0)?;
        self.value(table)?;
        self.layout.end_array_value(&mut self.out)?;
        self.tables += 1;
        Ok(())
    }

    /// The end of the open part's tables, its fields after them, and the part.
    fn close_section(&mut self) -> std::io::Result<()> {
        self.layout.end_array(&mut self.out)?;
        self.layout.end_object_value(&mut self.out)?;
        let (location, toc) = std::mem::take(&mut self.section_tail);
        self.field("location", false, &location)?;
        self.field("toc", false, &toc)?;
        self.layout.end_object(&mut self.out)?;
        self.layout.end_array_value(&mut self.out)?;
        self.open = false;
        Ok(())
    }

    /// Writes what is left of the document: the tables it still holds, the parts after the
    /// last table, the notes and replaced bytes.
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
        self.layout.end_array(&mut self.out)?;
        self.layout.end_object_value(&mut self.out)?;
        // The fields after `sections`, skipped where the derived Serialize skips them.
        self.field("notes", false, &doc.notes)?;
        if !doc.replaced_bytes.is_empty() {
            self.field("replaced_bytes", false, &doc.replaced_bytes)?;
        }
        if doc.folded_chars != 0 {
            self.field("folded_chars", false, &doc.folded_chars)?;
        }
        self.layout.end_object(&mut self.out)?;
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
