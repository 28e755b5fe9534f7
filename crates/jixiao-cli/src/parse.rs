//! `jixiao parse`: documents out as JSON (NDJSON for several), CSV, text or .xlsx.

use std::path::PathBuf;

use clap::ValueEnum;
use jixiao::write::csv::{CsvOptions, CsvWriter};

use crate::input::{self, ReadArgs};
use crate::output::Output;
use crate::stream::Streamed;
use crate::{Failure, report};

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    /// The document (pretty unless --compact); several inputs give one compact line each.
    Json,
    /// One compact document per line, for one input or many (what json gives for several).
    Ndjson,
    /// One row per indicator (a `file` column first with several inputs).
    Csv,
    /// Word's plain-text save (one input).
    Text,
    /// One sheet per table, as budget systems import them (needs -o FILE).
    Xlsx,
    /// The tables drawn as the form, a self-contained HTML page (one input).
    Html,
}

#[derive(clap::Args)]
pub struct ParseArgs {
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
    #[command(flatten)]
    read: ReadArgs,
    /// Write to this file instead of standard output (`-`: standard output).
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

/// One input as its reading thread leaves it: the warnings to print, and its output.
struct Prepared {
    warnings: Vec<String>,
    output: Made,
}

/// An input's output: a batch's NDJSON line or CSV rows, rendered on the reading thread, or
/// the document of one input as text or .xlsx, which are written whole.
enum Made {
    Bytes(Result<Vec<u8>, String>),
    Whole(Box<jixiao::Document>),
}

pub fn run(mut args: ParseArgs) -> Result<(), Failure> {
    crate::output::dash_is_stdout(&mut args.output);
    let options = args.read.options()?;
    let files = input::expand(&args.files)?;
    if files.len() > 1 && matches!(args.format, OutputFormat::Text | OutputFormat::Xlsx | OutputFormat::Html) {
        return Err(Failure("text, html and xlsx output take one input; use json or csv for several".into()));
    }
    if matches!(args.format, OutputFormat::Xlsx) && args.output.is_none() {
        return Err(Failure("xlsx output is a binary file: name it with -o FILE.xlsx".into()));
    }
    let many = files.len() > 1;
    // An .xlsx is written whole, by its own writer; the text output is for the other formats.
    let xlsx = matches!(args.format, OutputFormat::Xlsx);
    let mut out = Output::new(if xlsx { None } else { args.output.as_ref() });
    let csv_options = CsvOptions { bom: args.bom, file_column: many };
    let mut csv = CsvWriter::new(csv_options);
    if many && matches!(args.format, OutputFormat::Csv) {
        // The header (and BOM) first: the rows of each document come rendered by the batch.
        out.with(|w| csv.drain_to(w))?;
    }
    // A line of NDJSON names its input, so that a batch's lines are told apart.
    let ndjson = matches!(args.format, OutputFormat::Ndjson) || (many && matches!(args.format, OutputFormat::Json));
    // One input as JSON or CSV is written table by table as it is read, never held whole.
    let streamed = match args.format {
        OutputFormat::Json | OutputFormat::Ndjson => Some(Streamed::Json { pretty: matches!(args.format, OutputFormat::Json) && !args.compact, file: ndjson }),
        OutputFormat::Csv => Some(Streamed::Csv(csv_options)),
        OutputFormat::Text | OutputFormat::Xlsx | OutputFormat::Html => None,
    };
    if let Some(how) = streamed.filter(|_| !many) {
        crate::stream::one(&files[0], &options, &mut out, how, args.quiet)?;
        return out.finish();
    }
    // With several inputs each document's output is made on the thread that read it (documents
    // are small; one big document is streamed instead, never held whole), and so are its warnings.
    let prepare = |mut input: input::Input| -> Prepared {
        if ndjson {
            input.document.file = Some(input.label.clone());
        }
        let mut warnings = Vec::new();
        if !args.quiet {
            warnings = input::note_warnings(&input);
            warnings.extend(input::unknown_columns(&input.label, &input.document));
        }
        // One input as JSON or CSV was streamed above: these are a batch's.
        let output = match args.format {
            OutputFormat::Json | OutputFormat::Ndjson => Made::Bytes(
                jixiao::write::json::to_string(&input.document, false)
                    .map(|mut s| {
                        s.push('\n');
                        s.into_bytes()
                    })
                    .map_err(|e| e.to_string()),
            ),
            OutputFormat::Csv => Made::Bytes(Ok(CsvWriter::rows(csv_options, &input.label, &input.document).into_bytes())),
            OutputFormat::Text | OutputFormat::Xlsx | OutputFormat::Html => Made::Whole(Box::new(input.document)),
        };
        Prepared { warnings, output }
    };
    // One bad input is one error line; the others are still read and written.
    let tally = crate::batch::read_all(&files, &options, false, crate::batch::jobs(args.read.jobs), prepare, |result| {
        let Prepared { warnings, output } = match result {
            Ok(prepared) => prepared,
            Err(Failure(message)) if many => {
                report(&format!("jixiao: {message}"));
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        warnings.iter().for_each(|w| report(w));
        let doc = match output {
            Made::Bytes(bytes) => {
                let bytes = bytes.map_err(|e| Failure(format!("cannot write the output: {e}")))?;
                return out.with(|w| w.write_all(&bytes));
            }
            Made::Whole(doc) => doc,
        };
        if matches!(args.format, OutputFormat::Html) {
            let page = jixiao::write::html::to_string(&doc, &jixiao::write::html::HtmlOptions { page: true, ..Default::default() });
            return out.text(&page);
        }
        if !matches!(args.format, OutputFormat::Xlsx) {
            return out.with(|w| jixiao::write::text::to_writer(&doc, w));
        }
        let options = jixiao::write::xlsx::XlsxOptions { keep_columns: args.keep_columns };
        let bytes = jixiao::write::xlsx::to_bytes_with(&doc, &options)?;
        let path = args.output.as_ref().expect("checked above");
        std::fs::write(path, bytes).map_err(|e| Failure(format!("{}: {e}", path.display())))
    })?;
    if matches!(args.format, OutputFormat::Csv) {
        // The header alone when no input could be read.
        out.text(&csv.finish())?;
    }
    out.finish()?;
    if many && !args.quiet {
        report(&tally.line());
    }
    if tally.failed > 0 {
        return Err(Failure(format!("{} of {} inputs could not be read (the others were written)", tally.failed, files.len())));
    }
    Ok(())
}
