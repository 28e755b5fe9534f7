//! The inputs every command reads: files, directories and standard input, with the reading
//! options (encoding, format, limits) they share.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use jixiao::{Document, Encoding, Format, Limits, ReadOptions};

use crate::Failure;

/// The suffixes of the files taken from a directory (a named file is read whatever its name).
/// CSV and XML files are read when named: a directory's may be anything (jixiao's own output).
const DOCUMENT_SUFFIXES: &[&str] = &["txt", "docx", "xlsx", "xlsm", "xls", "ods", "json", "html", "htm", "mht", "mhtml", "doc", "wps", "pdf"];

#[derive(clap::Args)]
pub struct ReadArgs {
    /// Input text encoding: auto, utf-8, utf-16le, utf-16be, gb18030.
    #[arg(long, default_value = "auto")]
    pub encoding: String,
    /// Bytes that are not text in the encoding: strict (an error naming the line) or replace
    /// (read anyway: each bad sequence becomes U+FFFD and is reported with its line and offset).
    #[arg(long, default_value = "strict", value_name = "MODE")]
    pub encoding_errors: String,
    /// Input format: auto (from the content), text, json, docx, doc (also wps), xlsx (also xls, ods, xml), html (also mht), pdf, csv (also tsv).
    #[arg(long = "input-format", default_value = "auto")]
    pub input_format: String,
    /// Most bytes inflated from a .docx/.xlsx container.
    #[arg(long, value_name = "BYTES")]
    pub max_bytes: Option<u64>,
    /// Most entries in a .docx/.xlsx container.
    #[arg(long, value_name = "N")]
    pub max_entries: Option<usize>,
    /// Deepest XML nesting in a .docx/.xlsx part.
    #[arg(long, value_name = "N")]
    pub max_depth: Option<usize>,
    /// Most table cells of a .docx or spreadsheet.
    #[arg(long, value_name = "N")]
    pub max_cells: Option<usize>,
    /// Most bytes the model of one input may take as it is built (default: 64 × the input,
    /// at least 16 MiB and at most 1 GiB).
    #[arg(long, value_name = "BYTES")]
    pub max_memory: Option<u64>,
    /// Read this many inputs at once (default: one per core); output stays in input order.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

impl ReadArgs {
    pub fn options(&self) -> Result<ReadOptions, Failure> {
        let encoding = Encoding::parse_name(&self.encoding)?;
        let format = Format::parse_name(&self.input_format)?;
        let defaults = Limits::default();
        let limits = Limits {
            max_bytes: self.max_bytes.unwrap_or(defaults.max_bytes),
            max_entries: self.max_entries.unwrap_or(defaults.max_entries),
            max_depth: self.max_depth.unwrap_or(defaults.max_depth),
            max_cells: self.max_cells.unwrap_or(defaults.max_cells),
            max_memory: self.max_memory.or(defaults.max_memory),
        };
        let encoding_errors = jixiao::EncodingErrors::parse_name(&self.encoding_errors)?;
        Ok(ReadOptions { format, encoding, encoding_errors, path: None, limits })
    }
}

/// One input read: its label for messages, the document, and for text sources the decoded
/// text (so that messages can show the line).
pub struct Input {
    pub label: String,
    pub document: Document,
    pub source: Option<String>,
}

/// The name messages use for an input.
pub fn label(name: &Path) -> String {
    if name.as_os_str() == "-" { "<stdin>".to_owned() } else { name.display().to_string() }
}

/// Reads one input; `keep_source` keeps the decoded text of a text source.
pub fn read(name: &Path, options: &ReadOptions, keep_source: bool) -> Result<Input, Failure> {
    let label = label(name);
    let bytes = bytes(name)?;
    let options = ReadOptions { path: Some(label.clone()), ..options.clone() };
    // A text source whose lines messages will show is decoded once, and parsed from that text.
    if keep_source && jixiao::read::detect(&bytes, &options) == Format::Text {
        let text = jixiao::read::decode(&bytes, options.encoding, &options.origin())?.into_owned();
        let document = jixiao::parse_str(&text, &ReadOptions { format: Format::Text, ..options })?;
        return Ok(Input { label, document, source: Some(text) });
    }
    let document = jixiao::parse_bytes(&bytes, &options)?;
    Ok(Input { label, document, source: None })
}

/// The bytes of one input: a file, or standard input for `-`.
pub fn bytes(name: &Path) -> Result<Vec<u8>, Failure> {
    if name.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map_err(|e| Failure(format!("<stdin>: {e}")))?;
        return Ok(bytes);
    }
    std::fs::read(name).map_err(|e| Failure(format!("{}: {e}", label(name))))
}

/// The files named, with each directory replaced by the document files under it (by suffix,
/// sorted, hidden entries skipped); none named is standard input.
pub fn expand(names: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    if names.is_empty() {
        return Ok(vec![PathBuf::from("-")]);
    }
    let mut files = Vec::new();
    for name in names {
        if name.is_dir() {
            walk(name, &mut files, 0)?;
        } else {
            files.push(name.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, depth: usize) -> Result<(), Failure> {
    // Deep enough for any real tree; a symlink loop ends here.
    if depth > 64 {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, depth + 1)?;
        } else if path.extension().is_some_and(|e| DOCUMENT_SUFFIXES.contains(&e.to_string_lossy().to_ascii_lowercase().as_str())) {
            files.push(path);
        }
    }
    Ok(())
}

/// A node's place as messages print it: the line number for text (`file:12:`), the cell or
/// paragraph for Word files and spreadsheets (`file:专项1!C7:`).
pub fn place(doc: &Document, line: usize) -> String {
    if doc.locations.is_empty() { line.to_string() } else { doc.location(line).to_string() }
}

/// Reports the content a reader could not place (kept in the model's notes).
pub fn warn_notes(input: &Input) {
    note_warnings(input).iter().for_each(|w| crate::report(w));
}

/// The warnings of [`warn_notes`], one line each: bytes replaced, content not placed.
pub fn note_warnings(input: &Input) -> Vec<String> {
    let replaced =
        input.document.replaced_bytes.iter().map(|r| {
            format!("{}:{}: warning: bytes `{}` at offset {} are not text in the encoding: replaced with U+FFFD", input.label, r.line, r.bytes, r.offset)
        });
    let notes = input.document.notes.iter().map(|note| {
        let first = note.text.lines().next().unwrap_or("");
        format!("{}:{}: warning: content not placed in the model (kept in notes): {first}", input.label, place(&input.document, note.line))
    });
    replaced.chain(notes).collect()
}

/// A header label the reader does not know changes what a table means without losing a cell,
/// and a table with no target column reads every target empty: `parse` says so (`check`
/// reports them as the findings `unknown-column` and `no-target-column`).
pub fn warn_unknown_columns(input: &Input) {
    for line in unknown_columns(&input.label, &input.document) {
        crate::report(&line);
    }
}

/// The warnings of [`warn_unknown_columns`], one line each.
pub fn unknown_columns(label: &str, doc: &Document) -> Vec<String> {
    ["unknown-column", "no-target-column"]
        .into_iter()
        .filter_map(jixiao::review::rules::rule)
        .flat_map(|rule| jixiao::review::run_rule(doc, rule))
        .map(|f| format!("{label}:{}: warning: {}", place(doc, f.line), f.message))
        .collect()
}
