//! The review (审核): `Document.review` returns `Finding`s; the rules and the findings' schema.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::errors::{detached, usage_error};
use crate::overview::Location;

/// 审核意见 — one finding of the review: what is wrong, where, and what to write instead.
#[pyclass(frozen, eq, module = "jixiao._native")]
#[derive(PartialEq)]
pub struct Finding {
    pub(crate) inner: jixiao::Finding,
}

#[pymethods]
impl Finding {
    /// 规则 — the rule's id (`"vacuous-target"`).
    #[getter]
    fn rule(&self) -> &str {
        &self.inner.rule
    }

    /// 严重程度 — `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }

    /// 说明 — what is wrong, in English.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// 说明 — what is wrong, in Chinese.
    #[getter]
    fn message_zh(&self) -> &str {
        &self.inner.message_zh
    }

    /// 建议 — what to write instead, in English.
    #[getter]
    fn suggestion(&self) -> &str {
        &self.inner.suggestion
    }

    /// 建议 — what to write instead, in Chinese.
    #[getter]
    fn suggestion_zh(&self) -> &str {
        &self.inner.suggestion_zh
    }

    /// 行号 — the 1-based line of the node the finding is about.
    #[getter]
    fn line(&self) -> usize {
        self.inner.line
    }

    /// 位置 — where that is in the source (`str()` prints `line 12`, `专项1!C7`, …).
    #[getter]
    fn location(&self) -> Location {
        self.inner.location.clone().into()
    }

    /// 部分序号 — the number of the part holding the table; None outside numbered parts.
    #[getter]
    fn section_number(&self) -> Option<u32> {
        self.inner.section_number
    }

    /// 表序号 — the table's number; None when its title has none.
    #[getter]
    fn table_number(&self) -> Option<u32> {
        self.inner.table_number
    }

    /// 表名 — the table's name; None for a finding about the whole document.
    #[getter]
    fn table_name(&self) -> Option<&str> {
        self.inner.table_name.as_deref()
    }

    /// 指标 — the level-3 name of the indicator; None for a table finding.
    #[getter]
    fn indicator(&self) -> Option<&str> {
        self.inner.indicator.as_deref()
    }

    /// 原文 — the text the finding points at; None when none.
    #[getter]
    fn text(&self) -> Option<&str> {
        self.inner.text.as_deref()
    }

    /// 文件 — the file the finding is about, when known (an actuals file's rows); else None.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.inner.file.as_deref()
    }

    /// The finding as a dict in the JSON shape (`location` a dict too).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&self.inner).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        py.import("json")?.call_method1("loads", (json,))
    }

    fn __repr__(&self) -> String {
        format!("<jixiao.Finding {}[{}] at {}: {}>", self.inner.severity, self.inner.rule, self.inner.location, self.inner.message)
    }

    /// Pickle goes through JSON.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rebuild = py.import("jixiao._native")?.getattr("_finding_from_json")?;
        let json = serde_json::to_string(&self.inner).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        PyTuple::new(py, [rebuild, PyTuple::new(py, [json])?.into_any()])
    }
}

/// A finding back from its JSON (used by pickle).
#[pyfunction]
pub fn _finding_from_json(json: &str) -> PyResult<Finding> {
    let inner = serde_json::from_str(json).map_err(|e| usage_error(format!("not a jixiao finding: {e}")))?;
    Ok(Finding { inner })
}

/// The findings a `to_html` is given: any iterable of `Finding` (a review's result); None is none.
pub fn findings_arg(findings: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<jixiao::Finding>> {
    let Some(findings) = findings.filter(|f| !f.is_none()) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for item in findings.try_iter()? {
        let item = item?;
        let f = item.cast::<Finding>().map_err(|_| pyo3::exceptions::PyTypeError::new_err("findings must be jixiao.Finding objects (a review's result)"))?;
        out.push(f.get().inner.clone());
    }
    Ok(out)
}

/// `"zh"` or `"en"`; anything else raises UsageError.
pub fn lang_arg(lang: &str) -> PyResult<jixiao::write::html::Lang> {
    jixiao::write::html::Lang::parse(lang).map_err(|e| usage_error(e.to_string()))
}

/// The findings alone as HTML: the list the form puts under each table (`Findings._repr_html_`
/// for findings that know no document).
#[pyfunction]
#[pyo3(signature = (findings, *, lang = "zh"))]
pub fn findings_html(findings: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    let findings = findings_arg(Some(findings))?;
    Ok(jixiao::write::html::findings_to_string(&findings, lang_arg(lang)?))
}

/// The configuration from the four lists, applied allow, info, warn, deny.
pub fn config(allow: Vec<String>, info: Vec<String>, warn: Vec<String>, deny: Vec<String>) -> PyResult<jixiao::ReviewConfig> {
    use jixiao::review::Level;
    let mut config = jixiao::ReviewConfig::new();
    for (names, level) in [(allow, Level::Allow), (info, Level::Info), (warn, Level::Warn), (deny, Level::Deny)] {
        for name in names {
            config.set(&name, level).map_err(|e| usage_error(e.to_string()))?;
        }
    }
    Ok(config)
}

/// Reviews a document (the GIL released meanwhile).
pub fn review(py: Python<'_>, doc: &jixiao::Document, config: &jixiao::ReviewConfig) -> PyResult<Vec<Finding>> {
    let found = detached(py, || Ok(jixiao::review(doc, config)))?;
    Ok(found.into_iter().map(|inner| Finding { inner }).collect())
}

/// The review rules: a dict per rule with `id`, `default` (`"error"`, `"warning"`, `"info"`,
/// or None when off by default), `summary` and `summary_zh`.
#[pyfunction]
pub fn review_rules(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    jixiao::review::RULES
        .iter()
        .map(|r| {
            let d = PyDict::new(py);
            d.set_item("id", r.id)?;
            d.set_item("default", r.default.map(|s| s.as_str()))?;
            d.set_item("summary", r.summary)?;
            d.set_item("summary_zh", r.summary_zh)?;
            Ok(d)
        })
        .collect()
}

/// The JSON Schema of the findings (`{"findings": [...]}`), as JSON text.
#[pyfunction]
pub fn findings_schema_json() -> String {
    jixiao::schema::findings_schema_json()
}

/// The CSV columns of the findings, in order (also the columns of `findings_frame`).
pub fn columns() -> Vec<&'static str> {
    jixiao::write::findings::COLUMNS.to_vec()
}
