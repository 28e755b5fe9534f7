//! Self-evaluation scoring: `Document.score` returns a `ScoreReport` of plain value objects.

use pyo3::prelude::*;

use crate::overview::Location;
use pyo3::types::{PyBytes, PyList};

use crate::errors::{detached, usage_error};
use crate::review::Finding;

/// 预算执行率得分 — `weight · min(执行数 / 预算数, 1)`; amounts in 元, the rate a fraction.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct ExecutionScore {
    /// 分值 — the weight in points.
    weight: f64,
    /// 全年预算数 — the year's budget, or None.
    budget: Option<f64>,
    /// 执行数 — the amount spent, or None.
    executed: Option<f64>,
    /// 执行率 — spent over budget, as a fraction, or None.
    rate: Option<f64>,
    /// 得分 — the score by the rules, or None when it cannot be scored.
    score: Option<f64>,
    /// 自评得分 — the score the table reports, or None.
    reported_score: Option<f64>,
    /// 差额 — the reported score less the score by the rules, or None.
    difference: Option<f64>,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
}

/// 一级指标得分 — a level-1's weight and score.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Level1Score {
    /// 一级指标 — the level-1 category (`output`, `effect`, …).
    level1: &'static str,
    /// 标签 — the label as written.
    label: String,
    /// 分值 — the weight in points.
    weight: f64,
    /// 得分 — the points scored under this level-1 category.
    score: f64,
}

/// 指标得分 — one indicator scored: the weight used, the score, the rule and band, the
/// reported score and the difference (reported less computed).
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct IndicatorScore {
    /// 名称 — the name as written.
    name: String,
    /// 一级指标 — the level-1 category (`output`, `effect`, …).
    level1: &'static str,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
    /// 指标值 — the target as written.
    target: String,
    /// 实际完成值 — the actual result as written, or None.
    actual: Option<String>,
    /// 分值 — the weight in points.
    weight: f64,
    /// Whether the table gave the weight (False: a default of the rules).
    weight_given: bool,
    /// 得分 — the score by the rules, or None when it cannot be scored.
    score: Option<f64>,
    /// 计分规则 — which formula scored it (`at_least`, `range`, …).
    rule: &'static str,
    /// 档次 — achieved, partly_achieved or not_achieved; None when not scored by bands.
    band: Option<&'static str>,
    /// 自评得分 — the score the table reports, or None.
    reported_score: Option<f64>,
    /// 差额 — the reported score less the score by the rules, or None.
    difference: Option<f64>,
}

/// 表得分 — one table's scores: total, grade (None when an indicator could not be scored), the
/// stated total, per level-1, per indicator, and the execution rate.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct TableScore {
    /// 部分序号 — the part the table is in (2 for 第二部分), or None.
    section_number: Option<u32>,
    /// 表序号 — the table's number, or None.
    table_number: Option<u32>,
    /// 名称 — the name as written.
    name: String,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
    /// 总分 — the total by the rules.
    total: f64,
    /// 等级 — the grade the total earns (优, 良, 中, 差).
    grade: Option<String>,
    /// 自评总分 — the total the table reports, or None.
    reported_total: Option<f64>,
    /// 一级指标 — the level-1 category (`output`, `effect`, …).
    level1: Vec<Level1Score>,
    /// The scored indicators, in source order.
    indicators: Vec<IndicatorScore>,
    /// 预算执行率 — the execution-rate score, or None when the table has no funds block.
    execution: Option<ExecutionScore>,
}

/// 自评复核 — the scored tables and the findings (score-mismatch, weight-mismatch, …).
#[pyclass(frozen, module = "jixiao._native")]
pub struct ScoreReport {
    inner: jixiao::score::ScoreReport,
}

impl From<&jixiao::score::TableScore> for TableScore {
    fn from(t: &jixiao::score::TableScore) -> Self {
        TableScore {
            section_number: t.section_number,
            table_number: t.table_number,
            name: t.name.clone(),
            line: t.location.line_number().unwrap_or(0),
            location: t.location.clone().into(),
            total: t.total,
            grade: t.grade.clone(),
            reported_total: t.reported_total,
            level1: t.level1.iter().map(|l| Level1Score { level1: l.level1.as_str(), label: l.label.clone(), weight: l.weight, score: l.score }).collect(),
            indicators: t
                .indicators
                .iter()
                .map(|i| IndicatorScore {
                    name: i.name.clone(),
                    level1: i.level1.as_str(),
                    line: i.location.line_number().unwrap_or(0),
                    location: i.location.clone().into(),
                    target: i.target.clone(),
                    actual: i.actual.clone(),
                    weight: i.weight,
                    weight_given: i.weight_given,
                    score: i.score,
                    rule: i.rule.as_str(),
                    band: i.band.map(|b| b.as_str()),
                    reported_score: i.reported_score,
                    difference: i.difference,
                })
                .collect(),
            execution: t.execution.as_ref().map(|e| ExecutionScore {
                weight: e.weight,
                budget: e.budget,
                executed: e.executed,
                rate: e.rate,
                score: e.score,
                reported_score: e.reported_score,
                difference: e.difference,
                line: e.location.line_number().unwrap_or(0),
                location: e.location.clone().into(),
            }),
        }
    }
}

#[pymethods]
impl TableScore {
    fn __repr__(&self) -> String {
        format!("<jixiao.TableScore {:?} total={:.2} grade={}>", self.name, self.total, self.grade.as_deref().unwrap_or("None"))
    }
}

#[pymethods]
impl IndicatorScore {
    fn __repr__(&self) -> String {
        format!("<jixiao.IndicatorScore {:?} {} of {:.2} by {}>", self.name, self.score.map_or("None".into(), |s| format!("{s:.2}")), self.weight, self.rule)
    }
}

#[pymethods]
impl ScoreReport {
    /// 表 — the scored tables, in source order.
    #[getter]
    fn tables(&self) -> Vec<TableScore> {
        self.inner.tables.iter().map(TableScore::from).collect()
    }

    /// 问题 — the findings, in the review's shape.
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        self.inner.findings.iter().cloned().map(|inner| Finding { inner }).collect()
    }

    /// The report as JSON (`{"tables": [...], "findings": [...]}`).
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> PyResult<String> {
        jixiao::write::score::to_json(&self.inner, pretty).map_err(|e| usage_error(e.to_string()))
    }

    /// The report as a dict in the JSON shape.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.to_json(false)?,))
    }

    /// CSV, one row per indicator and execution rate; `bom=True` for Excel.
    #[pyo3(signature = (bom = false))]
    fn to_csv(&self, bom: bool) -> String {
        jixiao::write::score::to_csv(&self.inner, bom)
    }

    /// A pandas DataFrame with one row per indicator and execution rate (needs pandas).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("jixiao._pandas")?.call_method1("score_frame", (slf,))
    }

    fn __repr__(&self) -> String {
        format!("<jixiao.ScoreReport tables={} findings={}>", self.inner.tables.len(), self.inner.findings.len())
    }
}

/// The rules from a dict of ScoringRules fields (through JSON, so that names and types are
/// checked as the TOML's are).
pub fn rules(py: Python<'_>, rules: Option<&Bound<'_, PyAny>>) -> PyResult<jixiao::ScoringRules> {
    let Some(rules) = rules.filter(|r| !r.is_none()) else { return Ok(jixiao::ScoringRules::default()) };
    let json: String = py.import("json")?.call_method1("dumps", (rules,))?.extract()?;
    serde_json::from_str(&json).map_err(|e| usage_error(format!("invalid scoring rules: {e}")))
}

/// The actuals: a path to a CSV or JSON file, its bytes, or a list of dicts (table, indicator,
/// actual, and optionally section and weight).
fn actual_rows(py: Python<'_>, actuals: &Bound<'_, PyAny>) -> PyResult<(Vec<jixiao::score::ActualRow>, Option<String>)> {
    let (bytes, label): (Vec<u8>, Option<String>) = if let Ok(b) = actuals.cast::<PyBytes>() {
        (b.as_bytes().to_vec(), None)
    } else if actuals.cast::<PyList>().is_ok() || actuals.cast::<pyo3::types::PyTuple>().is_ok() {
        let list = py.import("builtins")?.getattr("list")?.call1((actuals,))?;
        let json: String = py.import("json")?.call_method1("dumps", (list,))?.extract()?;
        (json.into_bytes(), None)
    } else {
        let path: std::path::PathBuf = actuals.extract()?;
        let label = path.display().to_string();
        let bytes = detached(py, || std::fs::read(&path).map_err(|source| jixiao::Error::Io { origin: jixiao::error::Origin(Some(label.clone())), source }))?;
        (bytes, Some(label))
    };
    let origin = jixiao::error::Origin(label.clone().or(Some("<actuals>".into())));
    Ok((detached(py, || jixiao::score::parse_actuals(&bytes, &origin))?, label))
}

/// Scores a document (the GIL released meanwhile).
pub fn score(py: Python<'_>, doc: &jixiao::Document, actuals: Option<&Bound<'_, PyAny>>, rules: Option<&Bound<'_, PyAny>>) -> PyResult<ScoreReport> {
    let rules = self::rules(py, rules)?;
    let inner = match actuals.filter(|a| !a.is_none()) {
        None => detached(py, || Ok(jixiao::score(doc, &rules)))?,
        Some(a) => {
            let (rows, label) = actual_rows(py, a)?;
            detached(py, || Ok(jixiao::score::score_with_actuals(doc, &rows, &rules, label.as_deref())))?
        }
    };
    Ok(ScoreReport { inner })
}

/// The JSON Schema of the score report, as JSON text.
#[pyfunction]
pub fn score_schema_json() -> String {
    jixiao::schema::score_schema_json()
}
