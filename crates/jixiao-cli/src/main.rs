//! `jixiao`: parse budget performance-target documents and write them as JSON, CSV or text.
//!
//! Exit codes: 0 success; 2 bad input or usage (one line on stderr naming the file and the
//! reason). Content the reader could not place is reported on stderr as warnings and kept.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jixiao::write::csv::{CsvOptions, CsvWriter};
use jixiao::{Document, Encoding, Format, ReadOptions};

#[derive(Parser)]
#[command(name = "jixiao", version, about = "Budget performance-target documents (绩效目标表) as JSON, CSV and text")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse documents and print them as JSON (NDJSON for several), CSV or text.
    Parse(ParseArgs),
    /// Read target values (指标值) as they would be read in a table: one JSON object per line.
    Target(TargetArgs),
    /// Print the JSON Schema of the document.
    Schema,
}

#[derive(clap::Args)]
struct TargetArgs {
    /// Values to read; none reads one value per line from standard input.
    texts: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Json,
    Csv,
    Text,
    /// One sheet per table, as budget systems import them (needs -o FILE).
    Xlsx,
}

#[derive(clap::Args)]
struct ParseArgs {
    /// Input files; `-` or none reads standard input. Names need not be UTF-8 (GBK names from
    /// a Chinese zip open as they are).
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: OutputFormat,
    /// Compact JSON (one line); several inputs are always one line each.
    #[arg(long)]
    compact: bool,
    /// Excel mode: start CSV with a UTF-8 byte-order mark, and write text that Excel would run
    /// as a formula (=, +, -, @ first) with a leading apostrophe.
    #[arg(long)]
    bom: bool,
    /// Input text encoding: auto, utf-8, utf-16le, utf-16be, gb18030.
    #[arg(long, default_value = "auto")]
    encoding: String,
    /// Input format: auto (from the content), text, json, docx, xlsx (also .xls, .ods).
    #[arg(long = "input-format", default_value = "auto")]
    input_format: String,
    /// Most bytes inflated from a .docx/.xlsx container.
    #[arg(long, value_name = "BYTES")]
    max_bytes: Option<u64>,
    /// Most entries in a .docx/.xlsx container.
    #[arg(long, value_name = "N")]
    max_entries: Option<usize>,
    /// Deepest XML nesting in a .docx/.xlsx part.
    #[arg(long, value_name = "N")]
    max_depth: Option<usize>,
    /// Most table cells of a .docx or spreadsheet.
    #[arg(long, value_name = "N")]
    max_cells: Option<usize>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// xlsx: keep each table's own columns (reads back to the very same tables) instead of the
    /// import layout with 计算符号 | 指标值 | 计量单位.
    #[arg(long)]
    keep_columns: bool,
    /// Do not report unplaced content on stderr.
    #[arg(short, long)]
    quiet: bool,
}

/// A failure that ends the run: the message goes to stderr as one line.
struct Failure(String);

impl From<jixiao::Error> for Failure {
    fn from(e: jixiao::Error) -> Self {
        Failure(e.to_string())
    }
}

/// Writes a line to stderr; a stderr that cannot be written is no reason to fail (or panic).
fn report(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

fn read_input(name: &std::path::Path, options: &ReadOptions) -> Result<Document, Failure> {
    if name.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map_err(|e| Failure(format!("<stdin>: {e}")))?;
        let options = ReadOptions { path: Some("<stdin>".into()), ..options.clone() };
        Ok(jixiao::parse_bytes(&bytes, &options)?)
    } else {
        Ok(jixiao::open(name, options)?)
    }
}

fn parse(args: ParseArgs) -> Result<(), Failure> {
    let encoding = Encoding::from_name(&args.encoding)
        .ok_or_else(|| Failure(format!("unknown encoding '{}'", args.encoding)))?;
    let format = Format::from_name(&args.input_format)
        .ok_or_else(|| Failure(format!("unknown input format '{}'", args.input_format)))?;
    let defaults = jixiao::Limits::default();
    let limits = jixiao::Limits {
        max_bytes: args.max_bytes.unwrap_or(defaults.max_bytes),
        max_entries: args.max_entries.unwrap_or(defaults.max_entries),
        max_depth: args.max_depth.unwrap_or(defaults.max_depth),
        max_cells: args.max_cells.unwrap_or(defaults.max_cells),
    };
    let options = ReadOptions { format, encoding, path: None, limits };
    let files = if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files.clone() };
    if files.len() > 1 && matches!(args.format, OutputFormat::Text | OutputFormat::Xlsx) {
        return Err(Failure("text and xlsx output take one input; use json or csv for several".into()));
    }
    if matches!(args.format, OutputFormat::Xlsx) && args.output.is_none() {
        return Err(Failure("xlsx output is a binary file: name it with -o FILE.xlsx".into()));
    }
    let many = files.len() > 1;
    let mut out = String::new();
    let mut csv = CsvWriter::new(CsvOptions { bom: args.bom, file_column: many });
    // One bad input is one error line; the others are still read and written.
    let mut failed = 0usize;
    for name in &files {
        let label = if name.as_os_str() == "-" { "<stdin>".to_owned() } else { name.display().to_string() };
        let doc = match read_input(name, &options) {
            Ok(doc) => doc,
            Err(Failure(message)) if many => {
                report(&format!("jixiao: {message}"));
                failed += 1;
                continue;
            }
            Err(e) => return Err(e),
        };
        if !args.quiet {
            for note in &doc.notes {
                let first = note.text.lines().next().unwrap_or("");
                report(&format!("{label}:{}: warning: content not placed in the model (kept in notes): {first}", place(&doc, note.line)));
            }
        }
        match args.format {
            OutputFormat::Json => {
                out.push_str(&jixiao::write::json::to_string(&doc, !(args.compact || many))?);
                out.push('\n');
            }
            OutputFormat::Csv => {
                csv.document(&label, &doc);
            }
            OutputFormat::Text => out.push_str(&jixiao::write::text::to_string(&doc)),
            OutputFormat::Xlsx => {
                let options = jixiao::write::xlsx::XlsxOptions { keep_columns: args.keep_columns };
                let bytes = jixiao::write::xlsx::to_bytes_with(&doc, &options)?;
                let path = args.output.as_ref().expect("checked above");
                return std::fs::write(path, bytes).map_err(|e| Failure(format!("{}: {e}", path.display())));
            }
        }
    }
    if matches!(args.format, OutputFormat::Csv) {
        out = csv.finish();
    }
    emit(args.output.as_ref(), &out)?;
    if failed > 0 {
        return Err(Failure(format!("{failed} of {} inputs could not be read (the others were written)", files.len())));
    }
    Ok(())
}

/// A node's place as messages print it: the line number for text (`file:12:`), the cell or
/// paragraph for Word files and spreadsheets (`file:专项1!C7:`).
fn place(doc: &Document, line: usize) -> String {
    if doc.locations.is_empty() { line.to_string() } else { doc.location(line).to_string() }
}

fn target(args: TargetArgs) -> Result<(), Failure> {
    let texts = if args.texts.is_empty() {
        let mut input = String::new();
        io::stdin().read_to_string(&mut input).map_err(|e| Failure(format!("<stdin>: {e}")))?;
        input.lines().map(str::to_owned).collect()
    } else {
        args.texts
    };
    let mut out = String::new();
    for text in &texts {
        let json = serde_json::to_string(&jixiao::Target::parse(text)).map_err(|e| Failure(e.to_string()))?;
        out.push_str(&json);
        out.push('\n');
    }
    emit(None, &out)
}

fn emit(path: Option<&PathBuf>, text: &str) -> Result<(), Failure> {
    match path {
        Some(p) => std::fs::write(p, text).map_err(|e| Failure(format!("{}: {e}", p.display()))),
        None => {
            let mut stdout = io::stdout().lock();
            match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
                // A closed pipe (`| head`) is the reader's choice, not an error.
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure(format!("<stdout>: {e}"))),
                _ => Ok(()),
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // A panic never ends the run with Rust's message and exit code 101: the library turns a
    // panic in a third-party parser into that file's error, and anything else is reported here.
    std::panic::set_hook(Box::new(|_| {}));
    let run = std::panic::catch_unwind(|| match cli.command {
        Command::Parse(args) => parse(args),
        Command::Target(args) => target(args),
        Command::Schema => emit(None, &jixiao::schema::schema_json()),
    });
    let result = run.unwrap_or_else(|payload| {
        let what = payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned());
        Err(Failure(format!("internal error (please report it): {}", what.unwrap_or_default())))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            report(&format!("jixiao: {message}"));
            ExitCode::from(2)
        }
    }
}
