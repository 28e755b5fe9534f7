//! Small value classes of a table besides its tree: number cells, the funds and duties blocks,
//! subtotals and footer rows. Copied out of the document (they are small), read-only.

use std::collections::BTreeMap;

use pyo3::prelude::*;

use crate::overview::Location;

/// 金额 — a number cell: the text as written and the number it holds.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Amount {
    /// The cell's text, untouched.
    raw: String,
    /// The number, or None when the cell holds none ("/", empty, words).
    value: Option<f64>,
    /// "万元", "元", "%" …, from the cell or its column label; None when neither gives one.
    unit: Option<String>,
    /// For money, the value in 元; None otherwise.
    value_yuan: Option<f64>,
}

/// 预算执行情况 — the funds block of a table.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Funds {
    /// The block's label as written ("预算执行情况(10分)").
    label: String,
    /// The block's header labels as written.
    columns: Vec<String>,
    /// 总额, 其中:财政资金 …
    rows: Vec<FundsRow>,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
}

/// 资金行 — one row of the funds block.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct FundsRow {
    /// 标签 — the label as written.
    label: String,
    /// 年初预算数.
    initial: Option<Amount>,
    /// 全年预算数 / 调整后预算数.
    adjusted: Option<Amount>,
    /// 全年执行数 / 预算执行数.
    executed: Option<Amount>,
    /// 执行率 (%).
    rate: Option<Amount>,
    /// 分值 / 权重.
    weight: Option<Amount>,
    /// 得分.
    score: Option<Amount>,
    /// 原因 — the explanation; "" when absent.
    reason: String,
    /// Header label → text for every other column.
    extra: BTreeMap<String, String>,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
}

/// 年度履职目标 — one duty of a department-wide table.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Duty {
    /// 部门职能.
    function: String,
    /// 年度目标任务.
    task: String,
    /// 支出项目名称.
    project: String,
    /// 预算金额, or None.
    budget: Option<Amount>,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
}

/// 小计 — a subtotal row of a sheet of many projects: a unit and an amount.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Subtotal {
    /// 单位 — the unit (单位名称) the subtotal is for, as written.
    unit: String,
    /// 金额 — the amount, or None.
    amount: Option<Amount>,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
}

/// 表尾 — a footer row (合计, 评价结论 …) or a form's blank indicator row, as labelled text.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Remark {
    /// 标签 — the label as written.
    label: String,
    /// 原文 — the text as written.
    text: String,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
}

impl From<&jixiao::Amount> for Amount {
    fn from(a: &jixiao::Amount) -> Self {
        Amount { raw: a.raw.clone(), value: a.value, unit: a.unit.clone(), value_yuan: a.value_yuan }
    }
}

fn amount(a: &Option<jixiao::Amount>) -> Option<Amount> {
    a.as_ref().map(Amount::from)
}

impl From<&jixiao::Funds> for Funds {
    fn from(f: &jixiao::Funds) -> Self {
        Funds {
            label: f.label.clone(),
            columns: f.columns.clone(),
            rows: f
                .rows
                .iter()
                .map(|r| FundsRow {
                    label: r.label.clone(),
                    initial: amount(&r.initial),
                    adjusted: amount(&r.adjusted),
                    executed: amount(&r.executed),
                    rate: amount(&r.rate),
                    weight: amount(&r.weight),
                    score: amount(&r.score),
                    reason: r.reason.clone(),
                    extra: r.extra.clone(),
                    line: r.location.line_number().unwrap_or(0),
                    location: r.location.clone().into(),
                })
                .collect(),
            line: f.location.line_number().unwrap_or(0),
            location: f.location.clone().into(),
        }
    }
}

impl From<&jixiao::Duty> for Duty {
    fn from(d: &jixiao::Duty) -> Self {
        Duty {
            function: d.function.clone(),
            task: d.task.clone(),
            project: d.project.clone(),
            budget: amount(&d.budget),
            line: d.location.line_number().unwrap_or(0),
            location: d.location.clone().into(),
        }
    }
}

impl From<&jixiao::Subtotal> for Subtotal {
    fn from(s: &jixiao::Subtotal) -> Self {
        Subtotal { unit: s.unit.clone(), amount: amount(&s.amount), line: s.location.line_number().unwrap_or(0), location: s.location.clone().into() }
    }
}

impl From<&jixiao::Remark> for Remark {
    fn from(r: &jixiao::Remark) -> Self {
        Remark { label: r.label.clone(), text: r.text.clone(), line: r.location.line_number().unwrap_or(0), location: r.location.clone().into() }
    }
}

#[pymethods]
impl Amount {
    fn __repr__(&self) -> String {
        format!("<jixiao.Amount {:?} value={:?} unit={:?}>", self.raw, self.value, self.unit)
    }
}

#[pymethods]
impl FundsRow {
    fn __repr__(&self) -> String {
        format!("<jixiao.FundsRow {:?}>", self.label)
    }
}

#[pymethods]
impl Remark {
    fn __repr__(&self) -> String {
        format!("<jixiao.Remark {:?} {:?}>", self.label, self.text)
    }
}
