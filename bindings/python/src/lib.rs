//! `jixiao._native`: the Python binding. Thin: classes are views into an immutable, shared
//! document; everything they compute comes from the core crate.

mod blocks;
mod document;
mod errors;
mod many;
mod overview;
mod review;
mod score;
mod target;
mod tree;

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use document::Document;
use errors::{detached, encoding_error, usage_error};
use many::DocumentIterator;

fn read_options(
    format: Option<&str>,
    encoding: Option<&str>,
    encoding_errors: &str,
    path: Option<String>,
    max_memory: Option<u64>,
) -> PyResult<jixiao::ReadOptions> {
    let format = match format {
        None => jixiao::Format::Auto,
        Some(f) => jixiao::Format::parse_name(f).map_err(|e| usage_error(e.to_string()))?,
    };
    let encoding = match encoding {
        None => jixiao::Encoding::Auto,
        Some(e) => jixiao::Encoding::parse_name(e).map_err(|e| usage_error(e.to_string()))?,
    };
    let encoding_errors = jixiao::EncodingErrors::parse_name(encoding_errors).map_err(|e| usage_error(e.to_string()))?;
    let limits = jixiao::Limits { max_memory: max_memory.or(jixiao::Limits::default().max_memory), ..jixiao::Limits::default() };
    Ok(jixiao::ReadOptions { format, encoding, encoding_errors, path, limits })
}

/// Parses a document from text (`str`) or bytes (encoding detected). `format`: "auto", "text",
/// "json", "docx", "doc" ("wps"), "xlsx" ("xls", "ods", "xml"), "html" ("htm", "mht", "mhtml"),
/// "pdf" or "csv" ("tsv"); `encoding`: "auto", "utf-8", "utf-16le",
/// "utf-16be" or "gb18030" ("gbk"); `encoding_errors`: "strict" (EncodingError naming the line)
/// or "replace" (bad bytes become U+FFFD, listed in `Document.replaced_bytes`); `max_memory`:
/// the bytes the document may take as it is built (default: 64 × the input, at least 16 MiB,
/// at most 1 GiB), past which the read raises ParseError naming the limit. The GIL is
/// released while parsing, so threads parse in parallel.
#[pyfunction]
#[pyo3(signature = (data, format = None, *, encoding = None, encoding_errors = "strict", max_memory = None))]
fn parse(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    format: Option<&str>,
    encoding: Option<&str>,
    encoding_errors: &str,
    max_memory: Option<u64>,
) -> PyResult<Document> {
    let options = read_options(format, encoding, encoding_errors, None, max_memory)?;
    let doc = if let Ok(s) = data.cast::<PyString>() {
        // to_cow: under the abi3-py39 limited API a str is copied out as UTF-8. A lone surrogate
        // has no UTF-8: that is the text's error, not a bare UnicodeEncodeError.
        let text = s.to_cow().map_err(|_| encoding_error("the text holds a lone surrogate (not valid Unicode)".into()))?;
        detached(py, || jixiao::parse_str(&text, &options))?
    } else if let Ok(b) = data.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        detached(py, || jixiao::parse_bytes(bytes, &options))?
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!("parse() takes str or bytes, not {}", data.get_type().name()?)));
    };
    Ok(Document::new(doc))
}

/// Reads and parses a file; the format comes from the content, not the suffix. `format`,
/// `encoding`, `encoding_errors` and `max_memory` as for `parse`.
#[pyfunction]
#[pyo3(signature = (path, format = None, *, encoding = None, encoding_errors = "strict", max_memory = None))]
fn read(py: Python<'_>, path: PathBuf, format: Option<&str>, encoding: Option<&str>, encoding_errors: &str, max_memory: Option<u64>) -> PyResult<Document> {
    if path.as_os_str().as_encoded_bytes().contains(&0) {
        return Err(usage_error(format!("the path {path:?} holds a NUL character")));
    }
    let options = read_options(format, encoding, encoding_errors, Some(path.display().to_string()), max_memory)?;
    Ok(Document::new(detached(py, || jixiao::open(&path, &options))?))
}

/// Reads many files (any iterable of paths) on `jobs` threads in Rust (default: one per core),
/// the GIL released; returns one entry per path, in order: its Document, or the exception
/// reading it raised (a JixiaoError subclass, FileNotFoundError or OSError), so that one bad
/// file never stops the batch. `format`, `encoding`, `encoding_errors` and `max_memory` (per
/// file) as for `read`. All of
/// them at once: `iter_many` hands them on one by one, for batches too large to hold.
#[pyfunction]
#[pyo3(signature = (paths, format = None, *, jobs = None, encoding = None, encoding_errors = "strict", max_memory = None))]
fn read_many(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    format: Option<&str>,
    jobs: Option<usize>,
    encoding: Option<&str>,
    encoding_errors: &str,
    max_memory: Option<u64>,
) -> PyResult<Vec<Py<PyAny>>> {
    let documents = iter_many(paths, format, jobs, encoding, encoding_errors, max_memory)?;
    let mut results = Vec::new();
    while let Some(item) = documents.next_item(py)? {
        results.push(item);
    }
    Ok(results)
}

/// `read_many`, one entry at a time: an iterator that reads ahead on `jobs` threads in Rust and
/// holds only the few documents it has read ahead, so memory stays flat however many paths
/// there are. Stopping early (or dropping it) stops the reading.
#[pyfunction]
#[pyo3(signature = (paths, format = None, *, jobs = None, encoding = None, encoding_errors = "strict", max_memory = None))]
fn iter_many(
    paths: &Bound<'_, PyAny>,
    format: Option<&str>,
    jobs: Option<usize>,
    encoding: Option<&str>,
    encoding_errors: &str,
    max_memory: Option<u64>,
) -> PyResult<DocumentIterator> {
    let options = read_options(format, encoding, encoding_errors, None, max_memory)?;
    DocumentIterator::start(many::paths(paths)?, options, jobs)
}

/// The JSON Schema of the document (draft 2020-12), as JSON text.
#[pyfunction]
fn schema_json() -> String {
    jixiao::schema::schema_json()
}

/// Every value each enumeration can take, in the JSON spelling.
#[pyfunction]
fn enum_values(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    fn names<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| f(*v)).collect()
    }
    let d = PyDict::new(py);
    d.set_item("section_kind", names(jixiao::SectionKind::ALL, jixiao::SectionKind::as_str))?;
    d.set_item("level1", names(jixiao::Level1::ALL, jixiao::Level1::as_str))?;
    d.set_item("level2", names(jixiao::Level2::ALL, jixiao::Level2::as_str))?;
    d.set_item("target_kind", names(jixiao::TargetKind::ALL, jixiao::TargetKind::as_str))?;
    d.set_item("comparator", names(jixiao::Comparator::ALL, jixiao::Comparator::as_str))?;
    d.set_item("unit_kind", names(jixiao::UnitKind::ALL, jixiao::UnitKind::as_str))?;
    d.set_item("direction", names(jixiao::Direction::ALL, jixiao::Direction::as_str))?;
    d.set_item("table_kind", names(jixiao::TableKind::ALL, jixiao::TableKind::as_str))?;
    d.set_item("likelihood", names(jixiao::Likelihood::ALL, jixiao::Likelihood::as_str))?;
    d.set_item("severity", names(jixiao::Severity::ALL, jixiao::Severity::as_str))?;
    d.set_item("rule", jixiao::review::RULES.iter().map(|r| r.id).collect::<Vec<_>>())?;
    d.set_item("score_rule", names(jixiao::score::ScoreRule::ALL, jixiao::score::ScoreRule::as_str))?;
    d.set_item("band", names(jixiao::score::Band::ALL, jixiao::score::Band::as_str))?;
    Ok(d)
}

/// Runs the `jixiao` command line (`argv[0]` is the program name) and returns its exit code:
/// what the `jixiao` console script and `python -m jixiao` call. The GIL is released.
#[pyfunction]
fn run_cli(py: Python<'_>, argv: Vec<std::ffi::OsString>) -> u8 {
    py.detach(|| jixiao_cli::run(argv))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CSV_COLUMNS", jixiao::write::records::COLUMNS.to_vec())?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(read_many, m)?)?;
    m.add_function(wrap_pyfunction!(iter_many, m)?)?;
    m.add_function(wrap_pyfunction!(schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(enum_values, m)?)?;
    m.add("FINDING_COLUMNS", review::columns())?;
    m.add("SCORE_COLUMNS", jixiao::write::score::COLUMNS.to_vec())?;
    m.add_function(wrap_pyfunction!(review::review_rules, m)?)?;
    m.add_function(wrap_pyfunction!(review::findings_schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(review::findings_html, m)?)?;
    m.add_function(wrap_pyfunction!(review::_finding_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(score::score_schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(document::_document_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(target::_target_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(tree::_view, m)?)?;
    m.add_class::<Document>()?;
    m.add_class::<DocumentIterator>()?;
    m.add_class::<review::Finding>()?;
    m.add_class::<score::ScoreReport>()?;
    m.add_class::<score::TableScore>()?;
    m.add_class::<score::IndicatorScore>()?;
    m.add_class::<score::Level1Score>()?;
    m.add_class::<score::ExecutionScore>()?;
    m.add_class::<tree::Section>()?;
    m.add_class::<tree::Table>()?;
    m.add_class::<tree::Category>()?;
    m.add_class::<tree::SubCategory>()?;
    m.add_class::<tree::Indicator>()?;
    m.add_class::<target::Target>()?;
    m.add_class::<target::TargetPart>()?;
    m.add_class::<target::Date>()?;
    m.add_class::<target::Midterm>()?;
    m.add_class::<blocks::Amount>()?;
    m.add_class::<blocks::Funds>()?;
    m.add_class::<blocks::FundsRow>()?;
    m.add_class::<blocks::Duty>()?;
    m.add_class::<blocks::Subtotal>()?;
    m.add_class::<blocks::Remark>()?;
    m.add_class::<overview::Overview>()?;
    m.add_class::<overview::Goal>()?;
    m.add_class::<overview::GoalItem>()?;
    m.add_class::<overview::Responsibility>()?;
    m.add_class::<overview::Safeguard>()?;
    m.add_class::<overview::Subheading>()?;
    m.add_class::<overview::Note>()?;
    m.add_class::<overview::ReplacedBytes>()?;
    m.add_class::<overview::Toc>()?;
    m.add_class::<overview::Location>()?;
    Ok(())
}
