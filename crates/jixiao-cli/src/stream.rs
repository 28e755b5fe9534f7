//! One input to JSON as it is read: each table is written once read and then dropped
//! (`jixiao::parse_bytes_to` with `JsonStream`), so that a large document is never held whole.
//! The output is the same bytes as the whole document's.

use std::io::{self, Write};
use std::path::Path;

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
/// then writes it.
struct Checked<'a> {
    json: JsonStream<OutputWriter<'a>>,
    label: String,
    quiet: bool,
    warnings: Vec<String>,
}

impl TableSink for Checked<'_> {
    fn table(&mut self, doc: &Document, section: usize, table: Table) -> io::Result<()> {
        let mut table = table;
        if !self.quiet {
            // The rule reads a document: this table alone makes one.
            let mut one = Document::new("");
            one.sections.push(Section { number: None, kind: SectionKind::Other, heading: String::new(), tables: vec![table], line: 0, toc: None });
            self.warnings.extend(input::unknown_columns(&self.label, &one));
            let Some(back) = one.sections.pop().and_then(|mut s| s.tables.pop()) else { return Ok(()) };
            table = back;
        }
        self.json.table(doc, section, table)
    }
}

/// Reads `name` and writes it to `out` as JSON (pretty or compact, its `file` set when
/// `file`), table by table; then the warnings `parse` prints for it.
pub fn json(name: &Path, options: &ReadOptions, out: &mut Output, pretty: bool, file: bool, quiet: bool) -> Result<(), Failure> {
    let label = input::label(name);
    let bytes = input::bytes(name)?;
    let options = ReadOptions { path: Some(label.clone()), ..options.clone() };
    let (document, warnings) = {
        let json = JsonStream::new(OutputWriter(&mut *out), pretty, file.then(|| label.clone()));
        let mut sink = Checked { json, label: label.clone(), quiet, warnings: Vec::new() };
        let document = jixiao::parse_bytes_to(&bytes, &options, &mut sink)?;
        sink.json.finish(&document).map_err(|e| Failure(e.to_string()))?;
        (document, sink.warnings)
    };
    drop(bytes);
    out.text("\n")?;
    if !quiet {
        let input = Input { label, document, source: None };
        input::warn_notes(&input);
        // The tables already written were checked as they went by; the rest are checked here.
        warnings.iter().for_each(|w| report(w));
        input::warn_unknown_columns(&input);
    }
    Ok(())
}
