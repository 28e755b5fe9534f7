//! `Document`: an immutable, shared document and its writers.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyList, PyTuple};

use crate::errors::{detached, shielded};
use crate::overview::{Note, Overview};
use crate::tree::{Section, Table, indicator_list};

/// 部门预算绩效信息 — one department's budget performance document.
#[pyclass(frozen, eq, module = "jixiao._native")]
#[derive(PartialEq)]
pub struct Document {
    pub(crate) inner: Arc<jixiao::Document>,
}

impl Document {
    pub fn new(doc: jixiao::Document) -> Self {
        Document { inner: Arc::new(doc) }
    }
}

/// Reads a document back from jixiao JSON (used by pickle).
#[pyfunction]
pub fn _document_from_json(py: Python<'_>, json: &str) -> PyResult<Document> {
    Ok(Document::new(detached(py, || jixiao::write::json::from_str(json))?))
}

#[pymethods]
impl Document {
    /// Version of the JSON layout.
    #[getter]
    fn schema_version(&self) -> u32 {
        self.inner.schema_version
    }

    /// 标题 — the title as written; empty when absent.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// 文件 — the input this document was read from, where several were written together (a
    /// line of `jixiao parse --format ndjson`); None otherwise.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.inner.file.as_deref()
    }

    /// 年度 — the budget year from the title, or None.
    #[getter]
    fn year(&self) -> Option<i32> {
        self.inner.year
    }

    /// 第一部分 — the department-wide part, or None.
    #[getter]
    fn overview(&self) -> Option<Overview> {
        self.inner.overview.as_ref().map(Overview::from)
    }

    /// The parts holding target tables, in source order.
    #[getter]
    fn sections(&self) -> Vec<Section> {
        (0..self.inner.sections.len()).map(|s| Section::new(&self.inner, s)).collect()
    }

    /// Every table of every section, in source order.
    #[getter]
    fn tables(&self) -> Vec<Table> {
        self.inner
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, sec)| (0..sec.tables.len()).map(move |t| (s, t)))
            .map(|(s, t)| Table::new(&self.inner, s, t))
            .collect()
    }

    /// Content the reader could not place, with its line.
    #[getter]
    fn notes(&self) -> Vec<Note> {
        self.inner.notes.iter().map(Note::from).collect()
    }

    /// Bytes that were not text in the encoding and were replaced by U+FFFD (read with
    /// `encoding_errors="replace"`); empty otherwise.
    #[getter]
    fn replaced_bytes(&self) -> Vec<crate::overview::ReplacedBytes> {
        self.inner.replaced_bytes.iter().map(crate::overview::ReplacedBytes::from).collect()
    }

    /// How many Kangxi radicals, CJK Radicals Supplement forms and CJK compatibility ideographs
    /// the reader folded to the unified ideograph they stand for (`⽬标` read as `目标`); 0 when
    /// none.
    #[getter]
    fn folded_chars(&self) -> usize {
        self.inner.folded_chars
    }

    /// An iterator over every indicator; each knows its table, section and categories.
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        let all: Vec<_> = (0..self.inner.sections.len())
            .flat_map(|s| (0..self.inner.sections[s].tables.len()).map(move |t| (s, t)))
            .flat_map(|(s, t)| indicator_list(&self.inner, s, t))
            .collect();
        PyList::new(py, all)?.try_iter()
    }

    /// The document as .xlsx, a sheet per table in the layout budget systems import
    /// (计算符号 | 指标值 | 计量单位), or with each table's own columns when `keep_columns` (then
    /// reading it back gives the very same tables): written to `path` when given (returns None),
    /// else returned as bytes.
    #[pyo3(signature = (path = None, *, keep_columns = false))]
    fn to_xlsx<'py>(&self, py: Python<'py>, path: Option<std::path::PathBuf>, keep_columns: bool) -> PyResult<Option<Bound<'py, pyo3::types::PyBytes>>> {
        let options = jixiao::write::xlsx::XlsxOptions { keep_columns };
        let bytes = detached(py, || jixiao::write::xlsx::to_bytes_with(&self.inner, &options))?;
        match path {
            Some(p) => {
                std::fs::write(&p, bytes)?;
                Ok(None)
            }
            None => Ok(Some(pyo3::types::PyBytes::new(py, &bytes))),
        }
    }

    /// The document as JSON, pretty (indented) or compact.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        shielded(py, || jixiao::write::json::to_string(&self.inner, pretty))
    }

    /// The document as plain Python data (dicts, lists, str, float, int, None).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = self.to_json(py, false)?;
        py.import("json")?.call_method1("loads", (json,))
    }

    /// CSV, one row per indicator; `bom=True` starts with the UTF-8 BOM that Excel needs.
    #[pyo3(signature = (bom = false))]
    fn to_csv(&self, bom: bool) -> String {
        jixiao::write::csv::to_string(&self.inner, bom)
    }

    /// Word-style text, in the layout jixiao reads.
    fn to_text(&self) -> String {
        jixiao::write::text::to_string(&self.inner)
    }

    /// The tables drawn as the form, self-contained HTML (inline style, nothing fetched): the
    /// 一级 and 二级 cells merged down, each finding of `findings` (a review's result) marked on
    /// its cell with its message and suggestion, the parsed target of a value cell on hover.
    /// `lang` is `"zh"` (the default) or `"en"`; `page=True` gives a whole page, else a fragment.
    #[pyo3(signature = (findings = None, *, lang = "zh", page = false))]
    fn to_html(&self, py: Python<'_>, findings: Option<&Bound<'_, PyAny>>, lang: &str, page: bool) -> PyResult<String> {
        let findings = crate::review::findings_arg(findings)?;
        let lang = crate::review::lang_arg(lang)?;
        let options = jixiao::write::html::HtmlOptions { findings: &findings, lang, page, ..Default::default() };
        detached(py, || Ok(jixiao::write::html::to_string(&self.inner, &options)))
    }

    /// The form, as a notebook shows it (`to_html()`).
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.to_html(py, None, "zh", false)
    }

    /// A pandas DataFrame with one row per indicator and the CSV columns (needs pandas).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("jixiao._pandas")?.call_method1("to_pandas", (slf,))
    }

    /// The CSV columns as lists with Python types (for `to_pandas`); an empty text is None,
    /// the frame's missing value.
    fn _columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        use jixiao::write::records::{COLUMNS, Field, records};
        let mut columns: Vec<Vec<Py<PyAny>>> = COLUMNS.iter().map(|_| Vec::new()).collect();
        for record in records(&self.inner) {
            for (column, field) in columns.iter_mut().zip(record.fields()) {
                column.push(match field {
                    Field::Text("") => py.None(),
                    Field::Owned(t) if t.is_empty() => py.None(),
                    Field::Text(t) => t.into_pyobject(py)?.into_any().unbind(),
                    Field::Number(v) => v.into_pyobject(py)?.into_any().unbind(),
                    Field::Integer(v) => v.into_pyobject(py)?.into_any().unbind(),
                    Field::Owned(t) => t.into_pyobject(py)?.into_any().unbind(),
                    Field::Bool(b) => pyo3::types::PyBool::new(py, b).to_owned().into_any().unbind(),
                });
            }
        }
        let d = PyDict::new(py);
        for (name, values) in COLUMNS.iter().zip(columns) {
            d.set_item(name, values)?;
        }
        Ok(d)
    }

    /// 审核 — the review: every finding of every rule the settings keep, in source order. Each
    /// argument is a list of rule ids (or `"warnings"`), applied allow, info, warn, deny; an
    /// unknown id raises UsageError.
    #[pyo3(signature = (*, allow = Vec::new(), info = Vec::new(), warn = Vec::new(), deny = Vec::new()))]
    fn review<'py>(slf: &Bound<'py, Self>, allow: Vec<String>, info: Vec<String>, warn: Vec<String>, deny: Vec<String>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let config = crate::review::config(allow, info, warn, deny)?;
        let found = crate::review::review(py, &slf.get().inner, &config)?;
        // A list of the findings that knows its document, so that a notebook draws the form
        // with the findings on their cells (`Findings._repr_html_`).
        py.import("jixiao._html")?.getattr("Findings")?.call1((PyList::new(py, found)?, slf))
    }

    /// 自评复核 — scores every self-evaluation table (tables with actual results) by the rules.
    /// `actuals` scores a target table instead: a path to a CSV or JSON file, its bytes, or a
    /// list of dicts with `table`, `indicator`, `actual` (and optionally `section`, `weight`).
    /// `rules` is a dict of ScoringRules fields (`{"deviation_over": 130}`).
    #[pyo3(signature = (actuals = None, rules = None))]
    fn score(&self, py: Python<'_>, actuals: Option<&Bound<'_, PyAny>>, rules: Option<&Bound<'_, PyAny>>) -> PyResult<crate::score::ScoreReport> {
        crate::score::score(py, &self.inner, actuals, rules)
    }

    /// Reads a document back from jixiao JSON (`str` or UTF-8 `bytes`).
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &Bound<'_, PyAny>) -> PyResult<Document> {
        let text: String = if let Ok(b) = json.cast::<pyo3::types::PyBytes>() {
            String::from_utf8(b.as_bytes().to_vec())
                .map_err(|e| crate::errors::encoding_error(format!("JSON bytes are not UTF-8 (byte {})", e.utf8_error().valid_up_to())))?
        } else if let Ok(s) = json.cast::<pyo3::types::PyString>() {
            s.to_cow().map_err(|_| crate::errors::encoding_error("the text holds a lone surrogate (not valid Unicode)".into()))?.into_owned()
        } else {
            return Err(pyo3::exceptions::PyTypeError::new_err("from_json() takes str or bytes"));
        };
        Ok(Document::new(detached(py, || jixiao::write::json::from_str(&text))?))
    }

    fn __repr__(&self) -> String {
        let tables: usize = self.inner.sections.iter().map(|s| s.tables.len()).sum();
        format!(
            "<jixiao.Document {:?} year={} sections={} tables={} indicators={} notes={}>",
            self.inner.title,
            self.inner.year.map_or("None".into(), |y| y.to_string()),
            self.inner.sections.len(),
            tables,
            self.inner.indicator_count(),
            self.inner.notes.len()
        )
    }

    /// Pickle and copy go through JSON, which round-trips exactly.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rebuild = py.import("jixiao._native")?.getattr("_document_from_json")?;
        let json = self.to_json(py, false)?;
        PyTuple::new(py, [rebuild, PyTuple::new(py, [json])?.into_any()])
    }
}
