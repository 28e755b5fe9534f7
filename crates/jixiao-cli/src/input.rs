//! The inputs every command reads: files, directories and standard input, with the reading
//! options (encoding, format, limits) they share.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use jixiao::{Document, Encoding, EncodingErrors, Format, Limits, Location, ReadOptions};

use crate::Failure;

/// The suffixes of the files taken from a directory (a named file is read whatever its name).
/// CSV and XML files are read when named: a directory's may be anything (jixiao's own output).
const DOCUMENT_SUFFIXES: &[&str] = &["txt", "docx", "xlsx", "xlsm", "xls", "ods", "json", "html", "htm", "mht", "mhtml", "doc", "wps", "pdf"];

/// `--input-format`: the names [`Format::from_name`] takes, with its aliases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// From the content.
    Auto,
    /// Word's plain-text save (also txt).
    #[value(alias = "txt")]
    Text,
    /// jixiao's own JSON.
    Json,
    /// A Word file.
    Docx,
    /// An old Word file, Word 97–2003 (also wps).
    #[value(alias = "wps")]
    Doc,
    /// A spreadsheet (also xls, ods, xml: Excel 2003 XML).
    #[value(aliases = ["xls", "ods", "xml", "spreadsheet"])]
    Xlsx,
    /// A web page (also htm, mht, mhtml).
    #[value(aliases = ["htm", "mht", "mhtml"])]
    Html,
    /// A PDF with a text layer.
    Pdf,
    /// Cells as CSV or TSV (also tsv).
    #[value(alias = "tsv")]
    Csv,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Auto => Format::Auto,
            InputFormat::Text => Format::Text,
            InputFormat::Json => Format::Json,
            InputFormat::Docx => Format::Docx,
            InputFormat::Doc => Format::Doc,
            InputFormat::Xlsx => Format::Xlsx,
            InputFormat::Html => Format::Html,
            InputFormat::Pdf => Format::Pdf,
            InputFormat::Csv => Format::Csv,
        }
    }
}

/// `--encoding`: the names [`Encoding::from_name`] takes, with its usual spellings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingName {
    /// BOM, then strict UTF-8, then UTF-16 by its NULs, then GB18030.
    Auto,
    /// UTF-8, with or without a BOM (also utf8).
    #[value(name = "utf-8", aliases = ["utf8", "utf_8"])]
    Utf8,
    /// UTF-16, little-endian: Word's "Unicode" (also utf-16, unicode).
    #[value(name = "utf-16le", aliases = ["utf16le", "utf_16le", "utf-16-le", "utf-16", "utf16", "utf_16", "unicode"])]
    Utf16Le,
    /// UTF-16, big-endian.
    #[value(name = "utf-16be", aliases = ["utf16be", "utf_16be", "utf-16-be"])]
    Utf16Be,
    /// GB18030, which reads GBK and GB2312 too (also gbk, gb2312, cp936).
    #[value(name = "gb18030", aliases = ["gb-18030", "gb_18030", "gbk", "gb2312", "gb-2312", "gb_2312", "cp936", "cp-936"])]
    Gb18030,
}

impl From<EncodingName> for Encoding {
    fn from(e: EncodingName) -> Encoding {
        match e {
            EncodingName::Auto => Encoding::Auto,
            EncodingName::Utf8 => Encoding::Utf8,
            EncodingName::Utf16Le => Encoding::Utf16Le,
            EncodingName::Utf16Be => Encoding::Utf16Be,
            EncodingName::Gb18030 => Encoding::Gb18030,
        }
    }
}

/// `--encoding-errors`: what bytes that are not text in the encoding do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingErrorsName {
    /// An error naming the line of the first bad byte.
    Strict,
    /// Read anyway: each bad sequence becomes U+FFFD and is reported with its line and offset.
    Replace,
}

impl From<EncodingErrorsName> for EncodingErrors {
    fn from(e: EncodingErrorsName) -> EncodingErrors {
        match e {
            EncodingErrorsName::Strict => EncodingErrors::Strict,
            EncodingErrorsName::Replace => EncodingErrors::Replace,
        }
    }
}

#[derive(clap::Args)]
pub struct ReadArgs {
    /// Input text encoding.
    #[arg(long, value_enum, ignore_case = true, default_value = "auto")]
    pub encoding: EncodingName,
    /// Bytes that are not text in the encoding.
    #[arg(long, value_enum, ignore_case = true, default_value = "strict", value_name = "MODE")]
    pub encoding_errors: EncodingErrorsName,
    /// Input format (default: from the content).
    #[arg(long = "input-format", value_enum, ignore_case = true, default_value = "auto")]
    pub input_format: InputFormat,
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
        let (encoding, format) = (self.encoding.into(), self.input_format.into());
        let defaults = Limits::default();
        let limits = Limits {
            max_bytes: self.max_bytes.unwrap_or(defaults.max_bytes),
            max_entries: self.max_entries.unwrap_or(defaults.max_entries),
            max_depth: self.max_depth.unwrap_or(defaults.max_depth),
            max_cells: self.max_cells.unwrap_or(defaults.max_cells),
            max_memory: self.max_memory.or(defaults.max_memory),
        };
        let encoding_errors = self.encoding_errors.into();
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
    let options = ReadOptions { path: Some(label.clone()), ..options.clone() };
    // A file is opened by the library, so that a reader that keeps what it parsed lets its bytes
    // go as soon as it has.
    if !keep_source && name.as_os_str() != "-" {
        return Ok(Input { label, document: jixiao::open(name, &options)?, source: None });
    }
    let bytes = bytes(name)?;
    // A text source whose lines messages will show is decoded once, and parsed from that text.
    if keep_source && jixiao::read::detect(&bytes, &options) == Format::Text {
        let text = jixiao::read::decode(&bytes, options.encoding, &options.origin())?.into_owned();
        let document = jixiao::parse_str(&text, &ReadOptions { format: Format::Text, ..options })?;
        return Ok(Input { label, document, source: Some(text) });
    }
    let document = jixiao::parse_bytes(&bytes, &options)?;
    Ok(Input { label, document, source: None })
}

/// Parses one input into `sink` (see `jixiao::open_to`): a file is opened by the library, so
/// that a reader that keeps what it parsed lets its bytes go as soon as it has.
pub fn parse_to(name: &Path, options: &ReadOptions, sink: &mut dyn jixiao::TableSink) -> Result<Document, Failure> {
    if name.as_os_str() == "-" {
        return Ok(jixiao::parse_bytes_to(&bytes(name)?, options, sink)?);
    }
    Ok(jixiao::open_to(name, options, sink)?)
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
            walk(name, &mut files)?;
        } else {
            files.push(name.clone());
        }
    }
    Ok(files)
}

/// Whether a walk takes a file by its suffix.
fn is_document(path: &Path) -> bool {
    path.extension().is_some_and(|e| DOCUMENT_SUFFIXES.contains(&e.to_string_lossy().to_ascii_lowercase().as_str()))
}

/// The document files under `dir`, added to `files` in path order. Symbolic links are followed
/// (a link back to a directory above is walked once, not again); hidden entries (`.name`) are
/// neither taken nor entered, though `dir` itself may be one; a directory that cannot be read is
/// an error naming it; a link to nothing is taken by its suffix, so that reading it says why.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let first = files.len();
    let hidden = |name: &std::ffi::OsStr| name.to_string_lossy().starts_with('.');
    let entries = walkdir::WalkDir::new(dir).follow_links(true).max_depth(MAX_DEPTH).into_iter();
    for entry in entries.filter_entry(|e| e.depth() == 0 || !hidden(e.file_name())) {
        match entry {
            Ok(entry) if entry.file_type().is_file() || !entry.file_type().is_dir() => {
                if entry.depth() > 0 && is_document(entry.path()) {
                    files.push(entry.into_path());
                }
            }
            Ok(_) => {}
            // A link back to a directory above: its files are taken where the walk met them.
            Err(e) if e.loop_ancestor().is_some() => {}
            Err(e) => match e.path() {
                Some(path) if e.depth() > 0 && !path.is_dir() && path.symlink_metadata().is_ok() => {
                    if !path.file_name().is_some_and(hidden) && is_document(path) {
                        files.push(path.to_path_buf());
                    }
                }
                _ => return Err(Failure(walk_error(dir, &e))),
            },
        }
    }
    // The order of the paths, that is depth first with each directory's entries by name: a link
    // the walk could not follow comes back in its place.
    files[first..].sort();
    Ok(())
}

/// Deep enough for any real tree.
const MAX_DEPTH: usize = 65;

/// A walk's error as one line: the directory it could not read, and why.
fn walk_error(dir: &Path, e: &walkdir::Error) -> String {
    let path = e.path().unwrap_or(dir);
    match e.io_error() {
        Some(io) => format!("{}: {io}", path.display()),
        None => format!("{}: {e}", path.display()),
    }
}

/// A node's place as messages print it: the line number for text (`file:12:`), the cell or
/// paragraph for Word files and spreadsheets (`file:专项1!C7:`).
pub fn place(location: &Location) -> String {
    match location {
        Location::Line(line) => line.to_string(),
        _ => location.to_string(),
    }
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
        format!("{}:{}: warning: content not placed in the model (kept in notes): {first}", input.label, place(&note.location))
    });
    replaced.chain(notes).collect()
}

/// A header label the reader does not know changes what a table means without losing a cell,
/// a table with no target column reads every target empty, and a table with no header row has
/// its columns read by what their cells hold: `parse` says so (`check` reports them as the
/// findings `unknown-column`, `no-target-column` and `headless-table`).
pub fn warn_unknown_columns(input: &Input) {
    for line in unknown_columns(&input.label, &input.document) {
        crate::report(&line);
    }
}

/// The warnings of [`warn_unknown_columns`], one line each.
pub fn unknown_columns(label: &str, doc: &Document) -> Vec<String> {
    ["unknown-column", "no-target-column", "headless-table"]
        .into_iter()
        .filter_map(jixiao::review::rules::rule)
        .flat_map(|rule| jixiao::review::run_rule(doc, rule))
        .map(|f| format!("{label}:{}: warning: {}", place(&f.location), f.message))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    /// Every name and alias the CLI takes means what the library's `from_name` (C's and
    /// Python's) makes of it, and every name the library lists is one the CLI takes.
    #[test]
    fn option_names_are_the_library_names() {
        fn names<T: ValueEnum>(value: &T) -> Vec<String> {
            let value = value.to_possible_value().expect("no variant is skipped");
            value.get_name_and_aliases().map(str::to_owned).collect()
        }
        let mut formats = Vec::new();
        for v in InputFormat::value_variants() {
            for name in names(v) {
                assert_eq!(Format::from_name(&name), Some(Format::from(*v)), "--input-format {name}");
                formats.push(name);
            }
        }
        let mut encodings = Vec::new();
        for v in EncodingName::value_variants() {
            for name in names(v) {
                assert_eq!(Encoding::from_name(&name), Some(Encoding::from(*v)), "--encoding {name}");
                encodings.push(name);
            }
        }
        for v in EncodingErrorsName::value_variants() {
            for name in names(v) {
                assert_eq!(EncodingErrors::parse_name(&name).ok(), Some(EncodingErrors::from(*v)), "--encoding-errors {name}");
            }
        }
        for name in Format::NAMES.iter().chain(["txt", "xls", "ods", "xml", "spreadsheet", "wps", "htm", "mht", "mhtml", "tsv"].iter()) {
            assert!(formats.contains(&name.to_string()), "--input-format does not take {name}");
        }
        for name in Encoding::NAMES.iter().chain(["gbk", "gb2312", "cp936", "utf-16", "unicode", "utf8"].iter()) {
            assert!(encodings.contains(&name.to_string()), "--encoding does not take {name}");
        }
    }

    /// A tree with a hidden directory and file, a file of another suffix, a link to a
    /// directory, a link back to the root and a link to nothing.
    #[cfg(unix)]
    #[test]
    fn a_walk_takes_documents_in_path_order_and_each_once() {
        let root = std::env::temp_dir().join(format!("jixiao-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for dir in ["b/deep", ".hidden", "a"] {
            std::fs::create_dir_all(root.join(dir)).expect("a temporary directory");
        }
        for file in ["z.txt", "b/deep/x.DOCX", "b/y.pdf", "b/skip.csv", ".hidden/h.txt", ".h.txt", "a/10.txt", "a/9.txt"] {
            std::fs::write(root.join(file), "x").expect("a temporary file");
        }
        std::os::unix::fs::symlink(root.join("b"), root.join("link")).expect("a link");
        std::os::unix::fs::symlink(&root, root.join("b/loop")).expect("a link");
        std::os::unix::fs::symlink(root.join("gone"), root.join("m-broken.doc")).expect("a link");
        let files = expand(std::slice::from_ref(&root)).map_err(|Failure(e)| e).expect("the walk");
        let names: Vec<String> = files.iter().map(|p| p.strip_prefix(&root).expect("under the root").display().to_string()).collect();
        let _ = std::fs::remove_dir_all(&root);
        assert_eq!(names, ["a/10.txt", "a/9.txt", "b/deep/x.DOCX", "b/y.pdf", "link/deep/x.DOCX", "link/y.pdf", "m-broken.doc", "z.txt"]);
    }

    #[test]
    fn a_named_file_is_taken_whatever_it_is() {
        let names = [PathBuf::from("no/such/file.csv"), PathBuf::from("-")];
        assert_eq!(expand(&names).map_err(|Failure(e)| e).expect("no walk"), names);
        assert_eq!(expand(&[]).map_err(|Failure(e)| e).expect("no walk"), [PathBuf::from("-")]);
    }
}
