//! One input to JSON or CSV as it is read: each table is written once read and then dropped
//! (`jixiao::open_to` with `JsonStream` or `CsvStream`), so that a large document is
//! never held whole. The output is the same bytes as the whole document's.

use std::io::{self, Write};
use std::path::Path;

use jixiao::write::csv::{CsvOptions, CsvStream};
use jixiao::write::json::JsonStream;
use jixiao::{Document, ReadOptions, Section, SectionKind, Table, TableSink};

use crate::input::{self, Input};
use crate::output::Output;
use crate::{Failure, report};

/// The output as a writer: created at the first write, quiet once its reader went away.
struct OutputWriter<'a>(&'a mut Output);

impl Write for OutputWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.with(|w| w.write_all(buf)).map_err(|Failure(message)| io::Error::other(message))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Checks each table's header as it goes by (the `unknown-column` warnings `parse` prints),
/// then hands it on.
struct Checked<S> {
    sink: S,
    label: String,
    quiet: bool,
    warnings: Vec<String>,
}

impl<S> Checked<S> {
    fn new(sink: S, label: &str, quiet: bool) -> Self {
        Checked { sink, label: label.to_owned(), quiet, warnings: Vec::new() }
    }
}

impl<S: TableSink> TableSink for Checked<S> {
    fn table(&mut self, doc: &Document, section: usize, table: Table) -> io::Result<()> {
        let mut table = table;
        if !self.quiet {
            // The rule reads a document: this table alone makes one.
            let mut one = Document::new("");
            one.sections.push(Section {
                number: None,
                kind: SectionKind::Other,
                heading: String::new(),
                tables: vec![table],
                location: Default::default(),
                toc: None,
            });
            self.warnings.extend(input::unknown_columns(&self.label, &one));
            let Some(back) = one.sections.pop().and_then(|mut s| s.tables.pop()) else { return Ok(()) };
            table = back;
        }
        self.sink.table(doc, section, table)
    }
}

/// How one input is written as it is read.
pub enum Streamed {
    /// Pretty or compact; with its `file` set or not.
    Json {
        pretty: bool,
        file: bool,
    },
    Csv(CsvOptions),
}

/// Reads `name` and writes it to `out` table by table; then the warnings `parse` prints for it.
pub fn one(name: &Path, options: &ReadOptions, out: &mut Output, how: Streamed, quiet: bool) -> Result<(), Failure> {
    let label = input::label(name);
    let options = ReadOptions { path: Some(label.clone()), ..options.clone() };
    let (document, warnings) = match how {
        Streamed::Json { pretty, file } => {
            let json = JsonStream::new(OutputWriter(&mut *out), pretty, file.then(|| label.clone()));
            let read = read_into(name, &options, Checked::new(json, &label, quiet), JsonStream::finish)?;
            out.text("\n")?;
            read
        }
        Streamed::Csv(csv) => read_into(name, &options, Checked::new(CsvStream::new(csv, &label, OutputWriter(&mut *out)), &label, quiet), CsvStream::finish)?,
    };
    if !quiet {
        let input = Input { label, document, source: None };
        input::warn_notes(&input);
        // The tables already written were checked as they went by; the rest are checked here.
        warnings.iter().for_each(|w| report(w));
        input::warn_unknown_columns(&input);
    }
    Ok(())
}

/// Parses `name` into `sink`, and has the sink write the rest of the document: the document
/// (without the tables handed on) and the warnings of the tables that were.
fn read_into<S: TableSink>(
    name: &Path,
    options: &ReadOptions,
    mut sink: Checked<S>,
    finish: impl FnOnce(S, &Document) -> io::Result<()>,
) -> Result<(Document, Vec<String>), Failure> {
    let document = input::parse_to(name, options, &mut sink)?;
    let Checked { sink, warnings, .. } = sink;
    finish(sink, &document).map_err(|e| Failure(e.to_string()))?;
    Ok((document, warnings))
}
