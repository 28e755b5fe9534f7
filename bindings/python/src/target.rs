//! `Target`: a target value (指标值), raw and interpreted.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::errors::shielded;

/// 指标值 — the text exactly as written, and what it says.
#[pyclass(frozen, eq, module = "jixiao._native")]
#[derive(PartialEq)]
pub struct Target {
    inner: jixiao::Target,
}

impl From<jixiao::Target> for Target {
    fn from(inner: jixiao::Target) -> Self {
        Target { inner }
    }
}

/// 分项 — one quantity of a compound target.
#[pyclass(frozen, eq, get_all, module = "jixiao._native")]
#[derive(PartialEq, Clone)]
pub struct TargetPart {
    /// The part's text as written.
    text: String,
    /// Its number.
    value: f64,
    /// Its unit (percent as "%"), or None.
    unit: Option<String>,
}

#[pymethods]
impl TargetPart {
    fn __repr__(&self) -> String {
        format!("<jixiao.TargetPart {:?} value={} unit={:?}>", self.text, self.value, self.unit)
    }
}

/// 日期 — a date as precise as the text gives it.
#[pyclass(frozen, eq, get_all, module = "jixiao._native")]
#[derive(PartialEq, Clone)]
pub struct Date {
    /// None when the text names no year ("12月31日前").
    year: Option<i32>,
    /// 月 — 1–12, or None.
    month: Option<u32>,
    /// 日 — 1–31, or None.
    day: Option<u32>,
}

impl From<&jixiao::Date> for Date {
    fn from(d: &jixiao::Date) -> Self {
        Date { year: d.year, month: d.month.map(u32::from), day: d.day.map(u32::from) }
    }
}

#[pymethods]
impl Date {
    /// The date as ISO 8601 writes it, as precise as the text: "2023-12", "2023-12-31", "--12-31".
    fn isoformat(&self) -> String {
        // Python's values came from a jixiao Date, so they fit in u8.
        let small = |v: Option<u32>| v.and_then(|v| u8::try_from(v).ok());
        jixiao::write::records::date_text(&jixiao::Date { year: self.year, month: small(self.month), day: small(self.day) })
    }
    fn __repr__(&self) -> String {
        format!("<jixiao.Date {}>", self.isoformat())
    }
}

/// 中期指标 — an indicator's mid-term block (中期目标 beside 年度目标).
#[pyclass(frozen, get_all, module = "jixiao._native")]
pub struct Midterm {
    /// The mid-term block's level-2 label as written.
    level2_label: String,
    /// The mid-term block's indicator name.
    name: String,
    /// The mid-term target.
    target: Py<Target>,
}

impl Midterm {
    pub fn new(py: Python<'_>, m: &jixiao::Midterm) -> PyResult<Self> {
        Ok(Midterm { level2_label: m.level2_label.clone(), name: m.name.clone(), target: Py::new(py, Target::from(m.target.clone()))? })
    }
}

/// Rebuilds a target from its JSON (used by pickle).
#[pyfunction]
pub fn _target_from_json(py: Python<'_>, json: &str) -> PyResult<Target> {
    let t =
        shielded(py, || serde_json::from_str::<jixiao::Target>(json).map_err(|source| jixiao::Error::Json { origin: jixiao::error::Origin(None), source }))?;
    Ok(Target::from(t))
}

#[pymethods]
impl Target {
    /// Reads a target text as a table cell would be read. Never fails.
    #[staticmethod]
    fn parse(py: Python<'_>, text: &str) -> PyResult<Target> {
        Ok(Target::from(shielded(py, || Ok(jixiao::Target::parse(text)))?))
    }
    /// The text exactly as written.
    #[getter]
    fn raw(&self) -> &str {
        &self.inner.raw
    }
    /// "quantity", "range", "compound", "qualitative", "as_actual", "empty", "deadline" or "placeholder".
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }
    /// "ge", "gt", "eq", "le", "lt", or None when not a quantity.
    #[getter]
    fn comparator(&self) -> Option<&'static str> {
        self.inner.comparator.map(|c| c.as_str())
    }
    /// Whether the text gave the comparison (a bare "100%" is "eq" without a sign).
    #[getter]
    fn sign_given(&self) -> bool {
        self.inner.sign_given
    }
    /// The number (a range's lower bound), or None.
    #[getter]
    fn value(&self) -> Option<f64> {
        self.inner.value
    }
    /// A range's upper bound, or None.
    #[getter]
    fn upper(&self) -> Option<f64> {
        self.inner.upper
    }
    /// The unit as written (percent is always "%"), or None.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.inner.unit.as_deref()
    }
    /// "percent", "permille", "count", "money", "duration", "area", "length", "score", "rate", "other", or None.
    #[getter]
    fn unit_kind(&self) -> Option<&'static str> {
        self.inner.unit_kind.map(|k| k.as_str())
    }
    /// For money: the value in 元, or None.
    #[getter]
    fn value_yuan(&self) -> Option<f64> {
        self.inner.value_yuan
    }
    /// The quantities of a compound target.
    #[getter]
    fn parts(&self) -> Vec<TargetPart> {
        self.inner.parts.iter().map(|p| TargetPart { text: p.text.clone(), value: p.value, unit: p.unit.clone() }).collect()
    }
    /// "increase", "decrease", "maintain", "complete", or None.
    #[getter]
    fn direction(&self) -> Option<&'static str> {
        self.inner.direction.map(|d| d.as_str())
    }
    /// Whether the comparison was inferred from a 指标方向性 column rather than written.
    #[getter]
    fn comparator_inferred(&self) -> bool {
        self.inner.comparator_inferred
    }
    /// For a deadline, the date (the start of a period), or None.
    #[getter]
    fn date(&self) -> Option<Date> {
        self.inner.date.as_ref().map(Date::from)
    }
    /// For a period, its end, or None.
    #[getter]
    fn until(&self) -> Option<Date> {
        self.inner.until.as_ref().map(Date::from)
    }
    /// A bracketed note after the value ("100%(计划标准)" → "计划标准"), or None.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.inner.note.as_deref()
    }
    /// The target as plain Python data, as in the document's JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&self.inner).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        py.import("json")?.call_method1("loads", (json,))
    }
    fn __repr__(&self) -> String {
        let t = &self.inner;
        let mut s = format!("<jixiao.Target {:?} {}", t.raw, t.kind.as_str());
        if let Some(c) = t.comparator {
            s.push(' ');
            s.push_str(c.as_str());
        }
        if let Some(v) = t.value {
            s.push_str(&format!(" {v}"));
        }
        if let Some(u) = t.upper {
            s.push_str(&format!("-{u}"));
        }
        if let Some(u) = &t.unit {
            s.push_str(&format!(" {u}"));
        }
        s.push('>');
        s
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rebuild = py.import("jixiao._native")?.getattr("_target_from_json")?;
        let json = serde_json::to_string(&self.inner).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        PyTuple::new(py, [rebuild, PyTuple::new(py, [json])?.into_any()])
    }
}
