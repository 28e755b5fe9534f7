//! Views into a shared document: sections, tables, categories, indicators. Each holds the
//! document and the indices of its node, so reading them copies nothing until asked.

use std::collections::BTreeMap;
use std::sync::Arc;

use jixiao::Document;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::blocks::{Amount, Duty, Funds, Remark, Subtotal};
use crate::overview::{Location, Toc};
use crate::target::{Midterm, Target};

/// 第N部分 — a part of the document that holds target tables.
#[pyclass(frozen, eq, module = "jixiao._native")]
pub struct Section {
    doc: Arc<Document>,
    s: usize,
}

/// 绩效目标表 — one performance-target table.
#[pyclass(frozen, eq, module = "jixiao._native")]
pub struct Table {
    doc: Arc<Document>,
    s: usize,
    t: usize,
}

/// 一级指标 — a level-1 category with its level-2 children.
#[pyclass(frozen, eq, module = "jixiao._native")]
pub struct Category {
    doc: Arc<Document>,
    s: usize,
    t: usize,
    c: usize,
}

/// 二级指标 — a level-2 category with its indicators.
#[pyclass(frozen, eq, module = "jixiao._native")]
pub struct SubCategory {
    doc: Arc<Document>,
    s: usize,
    t: usize,
    c: usize,
    k: usize,
}

/// 三级指标 — one indicator row, with the table and categories it sits in.
#[pyclass(frozen, eq, module = "jixiao._native")]
pub struct Indicator {
    doc: Arc<Document>,
    s: usize,
    t: usize,
    c: usize,
    k: usize,
    i: usize,
}

/// Views are equal when their nodes are (a view pickled and loaded equals the original).
impl PartialEq for Section {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Section {
    pub fn new(doc: &Arc<Document>, s: usize) -> Self {
        Section { doc: doc.clone(), s }
    }
    fn get(&self) -> &jixiao::Section {
        &self.doc.sections[self.s]
    }
}

/// Views are equal when their nodes are (a view pickled and loaded equals the original).
impl PartialEq for Table {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Table {
    pub fn new(doc: &Arc<Document>, s: usize, t: usize) -> Self {
        Table { doc: doc.clone(), s, t }
    }
    fn get(&self) -> &jixiao::Table {
        &self.doc.sections[self.s].tables[self.t]
    }
}

/// Views are equal when their nodes are (a view pickled and loaded equals the original).
impl PartialEq for Category {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Category {
    fn get(&self) -> &jixiao::Category {
        &self.doc.sections[self.s].tables[self.t].categories[self.c]
    }
}

/// Views are equal when their nodes are (a view pickled and loaded equals the original).
impl PartialEq for SubCategory {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl SubCategory {
    fn get(&self) -> &jixiao::SubCategory {
        &self.doc.sections[self.s].tables[self.t].categories[self.c].children[self.k]
    }
}

/// Views are equal when their nodes are (a view pickled and loaded equals the original).
impl PartialEq for Indicator {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Indicator {
    fn get(&self) -> &jixiao::Indicator {
        &self.doc.sections[self.s].tables[self.t].categories[self.c].children[self.k].indicators[self.i]
    }
}

/// `(jixiao._native._view, (document, kind, indices))` for pickle.
fn view_reduce<'py>(py: Python<'py>, doc: &Arc<Document>, kind: &str, path: Vec<usize>) -> PyResult<Bound<'py, PyTuple>> {
    let rebuild = py.import("jixiao._native")?.getattr("_view")?;
    let document = Py::new(py, crate::document::Document { inner: doc.clone() })?;
    let args = PyTuple::new(py, [document.into_bound(py).into_any(), kind.into_pyobject(py)?.into_any(), path.into_pyobject(py)?.into_any()])?;
    PyTuple::new(py, [rebuild, args.into_any()])
}

/// A view rebuilt from its document and place (used by pickle); a place past the document's
/// nodes is an IndexError, never a panic.
#[pyfunction]
pub fn _view(py: Python<'_>, document: &crate::document::Document, kind: &str, path: Vec<usize>) -> PyResult<Py<PyAny>> {
    let doc = &document.inner;
    let bad = || pyo3::exceptions::PyIndexError::new_err(format!("no {kind} at {path:?}"));
    let table = |s: usize, t: usize| doc.sections.get(s).and_then(|x| x.tables.get(t));
    let ok = match (kind, path.as_slice()) {
        ("Section", [s]) => doc.sections.get(*s).is_some(),
        ("Table", [s, t]) => table(*s, *t).is_some(),
        ("Category", [s, t, c]) => table(*s, *t).and_then(|x| x.categories.get(*c)).is_some(),
        ("SubCategory", [s, t, c, k]) => table(*s, *t).and_then(|x| x.categories.get(*c)).and_then(|x| x.children.get(*k)).is_some(),
        ("Indicator", [s, t, c, k, i]) => {
            table(*s, *t).and_then(|x| x.categories.get(*c)).and_then(|x| x.children.get(*k)).and_then(|x| x.indicators.get(*i)).is_some()
        }
        _ => false,
    };
    if !ok {
        return Err(bad());
    }
    let d = doc.clone();
    Ok(match (kind, path.as_slice()) {
        ("Section", [s]) => Py::new(py, Section { doc: d, s: *s })?.into_any(),
        ("Table", [s, t]) => Py::new(py, Table { doc: d, s: *s, t: *t })?.into_any(),
        ("Category", [s, t, c]) => Py::new(py, Category { doc: d, s: *s, t: *t, c: *c })?.into_any(),
        ("SubCategory", [s, t, c, k]) => Py::new(py, SubCategory { doc: d, s: *s, t: *t, c: *c, k: *k })?.into_any(),
        ("Indicator", [s, t, c, k, i]) => Py::new(py, Indicator { doc: d, s: *s, t: *t, c: *c, k: *k, i: *i })?.into_any(),
        _ => return Err(bad()),
    })
}

/// Every indicator of one table, in source order.
pub fn indicator_list(doc: &Arc<Document>, s: usize, t: usize) -> Vec<Indicator> {
    let table = &doc.sections[s].tables[t];
    let mut out = Vec::new();
    for (c, cat) in table.categories.iter().enumerate() {
        for (k, sub) in cat.children.iter().enumerate() {
            out.extend((0..sub.indicators.len()).map(|i| Indicator { doc: doc.clone(), s, t, c, k, i }));
        }
    }
    out
}

#[pymethods]
impl Section {
    /// 部分序号 — 第二部分 → 2; None for tables outside any numbered part.
    #[getter]
    fn number(&self) -> Option<u32> {
        self.get().number
    }
    /// "special_fund", "budget_project" or "other", by the meaning of the heading.
    #[getter]
    fn kind(&self) -> &'static str {
        self.get().kind.as_str()
    }
    /// The heading as written.
    #[getter]
    fn heading(&self) -> &str {
        &self.get().heading
    }
    /// The tables of the part, in source order.
    #[getter]
    fn tables(&self) -> Vec<Table> {
        (0..self.get().tables.len()).map(|t| Table::new(&self.doc, self.s, t)).collect()
    }
    /// 1-based source line of the heading.
    #[getter]
    fn line(&self) -> usize {
        self.get().location.line_number().unwrap_or(0)
    }
    /// 目录域 — the heading's Word TC field, or None.
    #[getter]
    fn toc(&self) -> Option<Toc> {
        self.get().toc.as_ref().map(Toc::from)
    }
    /// Where it stands in the source, in the user's terms (line, table cell, sheet!cell).
    #[getter]
    fn location(&self) -> Location {
        Location::from(self.get().location.clone())
    }
    /// Pickle: the document (through JSON) and the view's place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        view_reduce(py, &self.doc, "Section", vec![self.s])
    }
    fn __repr__(&self) -> String {
        format!("<jixiao.Section {} {:?} tables={}>", self.get().kind.as_str(), self.get().heading, self.get().tables.len())
    }
}

#[pymethods]
impl Table {
    /// The table drawn as the form, self-contained HTML (see `Document.to_html`): its findings
    /// among `findings` (a review of its document) marked on their cells.
    #[pyo3(signature = (findings = None, *, lang = "zh"))]
    fn to_html(&self, findings: Option<&Bound<'_, PyAny>>, lang: &str) -> PyResult<String> {
        let findings = crate::review::findings_arg(findings)?;
        let lang = crate::review::lang_arg(lang)?;
        let options = jixiao::write::html::HtmlOptions { findings: &findings, lang, ..Default::default() };
        Ok(jixiao::write::html::table_to_string(&self.doc, self.s, self.t, &options).unwrap_or_default())
    }

    /// The form, as a notebook shows it (`to_html()`).
    fn _repr_html_(&self) -> PyResult<String> {
        self.to_html(None, "zh")
    }

    /// 序号 — `3、…` → 3; None when the title has none.
    #[getter]
    fn number(&self) -> Option<u32> {
        self.get().number
    }
    /// 名称 — the fund or project name, without the number and 绩效目标表.
    #[getter]
    fn name(&self) -> &str {
        &self.get().name
    }
    /// 表题 — the title line as written, less any TC field.
    #[getter]
    fn title(&self) -> &str {
        &self.get().title
    }
    /// 目录域 — the Word TC field, or None.
    #[getter]
    fn toc(&self) -> Option<Toc> {
        self.get().toc.as_ref().map(Toc::from)
    }
    /// 绩效目标 — the objective row's text, or None.
    #[getter]
    fn objective(&self) -> Option<&str> {
        self.get().objective.as_deref()
    }
    /// 表头 — the header labels as written.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.get().columns.clone()
    }
    /// 指标体系 — the level-1 categories.
    #[getter]
    fn categories(&self) -> Vec<Category> {
        (0..self.get().categories.len()).map(|c| Category { doc: self.doc.clone(), s: self.s, t: self.t, c }).collect()
    }
    /// The section this table belongs to.
    #[getter]
    fn section(&self) -> Section {
        Section::new(&self.doc, self.s)
    }
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    #[getter]
    fn line(&self) -> usize {
        self.get().location.line_number().unwrap_or(0)
    }
    /// Where it stands in the source, in the user's terms (line, table cell, sheet!cell).
    #[getter]
    fn location(&self) -> Location {
        Location::from(self.get().location.clone())
    }
    /// 表类别 — "target", "self_evaluation", "monitoring" or "department_wide".
    #[getter]
    fn kind(&self) -> &'static str {
        self.get().kind.as_str()
    }
    /// 年度 — the year the title names, or None.
    #[getter]
    fn year(&self) -> Option<i32> {
        self.get().year
    }
    /// 项目编码 — the project code before the name, or None.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.get().code.as_deref()
    }
    /// 单位名称 — the unit of a project on a sheet of many projects, or None.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.get().unit.as_deref()
    }
    /// 预算数 — the project's budget on a sheet of many projects, or None.
    #[getter]
    fn budget(&self) -> Option<Amount> {
        self.get().budget.as_deref().map(Amount::from)
    }
    /// 预算执行情况 — the funds block, or None.
    #[getter]
    fn funds(&self) -> Option<Funds> {
        self.get().funds.as_deref().map(Funds::from)
    }
    /// 年度履职目标 — duties of a department-wide table.
    #[getter]
    fn duties(&self) -> Vec<Duty> {
        self.get().duties.iter().map(Duty::from).collect()
    }
    /// 小计 — subtotal rows before this project on a sheet of many projects.
    #[getter]
    fn subtotals(&self) -> Vec<Subtotal> {
        self.get().subtotals.iter().map(Subtotal::from).collect()
    }
    /// 总分 — the total score the table states, or None.
    #[getter]
    fn total_score(&self) -> Option<f64> {
        self.get().total_score
    }
    /// 等级 — the grade the table states (优, 良 …), or None.
    #[getter]
    fn grade(&self) -> Option<&str> {
        self.get().grade.as_deref()
    }
    /// 基本信息 — the fields above the indicator header (主管部门, 实施单位, 年度资金总额 …), as
    /// labelled text.
    #[getter]
    fn info(&self) -> Vec<Remark> {
        self.get().info.iter().map(Remark::from).collect()
    }
    /// 表尾 — footer rows and a form's blank indicator rows, as labelled text.
    #[getter]
    fn remarks(&self) -> Vec<Remark> {
        self.get().remarks.iter().map(Remark::from).collect()
    }
    /// Every indicator of the table, in source order.
    fn indicators(&self) -> Vec<Indicator> {
        indicator_list(&self.doc, self.s, self.t)
    }
    /// Pickle: the document (through JSON) and the view's place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        view_reduce(py, &self.doc, "Table", vec![self.s, self.t])
    }
    fn __repr__(&self) -> String {
        format!("<jixiao.Table {:?} indicators={}>", self.get().title, self.get().indicators().count())
    }
}

#[pymethods]
impl Category {
    /// "output", "effect", "satisfaction", "cost", "input", "process", "decision" or "other".
    #[getter]
    fn level1(&self) -> &'static str {
        self.get().level1.as_str()
    }
    /// The label as written.
    #[getter]
    fn label(&self) -> &str {
        &self.get().label
    }
    /// 二级指标 — the level-2 categories, skeleton ones included.
    #[getter]
    fn children(&self) -> Vec<SubCategory> {
        (0..self.get().children.len()).map(|k| SubCategory { doc: self.doc.clone(), s: self.s, t: self.t, c: self.c, k }).collect()
    }
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    #[getter]
    fn line(&self) -> usize {
        self.get().location.line_number().unwrap_or(0)
    }
    /// Where it stands in the source, in the user's terms (line, table cell, sheet!cell).
    #[getter]
    fn location(&self) -> Location {
        Location::from(self.get().location.clone())
    }
    /// Pickle: the document (through JSON) and the view's place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        view_reduce(py, &self.doc, "Category", vec![self.s, self.t, self.c])
    }
    fn __repr__(&self) -> String {
        format!("<jixiao.Category {} {:?}>", self.get().level1.as_str(), self.get().label)
    }
}

#[pymethods]
impl SubCategory {
    /// "quantity", "quality", …, "service_satisfaction" or "other".
    #[getter]
    fn level2(&self) -> &'static str {
        self.get().level2.as_str()
    }
    /// The label as written.
    #[getter]
    fn label(&self) -> &str {
        &self.get().label
    }
    /// 三级指标 — the indicators; empty for a skeleton category.
    #[getter]
    fn indicators(&self) -> Vec<Indicator> {
        (0..self.get().indicators.len()).map(|i| Indicator { doc: self.doc.clone(), s: self.s, t: self.t, c: self.c, k: self.k, i }).collect()
    }
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    #[getter]
    fn line(&self) -> usize {
        self.get().location.line_number().unwrap_or(0)
    }
    /// Where it stands in the source, in the user's terms (line, table cell, sheet!cell).
    #[getter]
    fn location(&self) -> Location {
        Location::from(self.get().location.clone())
    }
    /// Pickle: the document (through JSON) and the view's place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        view_reduce(py, &self.doc, "SubCategory", vec![self.s, self.t, self.c, self.k])
    }
    fn __repr__(&self) -> String {
        format!("<jixiao.SubCategory {} {:?}>", self.get().level2.as_str(), self.get().label)
    }
}

#[pymethods]
impl Indicator {
    /// 三级指标 — the name.
    #[getter]
    fn name(&self) -> &str {
        &self.get().name
    }
    /// 绩效指标描述 — what is measured.
    #[getter]
    fn description(&self) -> &str {
        &self.get().description
    }
    /// 指标值 — the target value, raw and interpreted.
    #[getter]
    fn target(&self) -> Target {
        Target::from(self.get().target.clone())
    }
    /// 指标值确定依据 — where the value comes from.
    #[getter]
    fn basis(&self) -> &str {
        &self.get().basis
    }
    /// 1-based line of the row.
    #[getter]
    fn line(&self) -> usize {
        self.get().location.line_number().unwrap_or(0)
    }
    /// Where it stands in the source, in the user's terms (line, table cell, sheet!cell).
    #[getter]
    fn location(&self) -> Location {
        Location::from(self.get().location.clone())
    }
    /// 其他列 — header label → text for every column the model has no field for.
    #[getter]
    fn extra(&self) -> BTreeMap<String, String> {
        self.get().extra.clone()
    }
    /// 实际完成值 — the actual result of a self-evaluation, or None.
    #[getter]
    fn actual(&self) -> Option<Target> {
        self.get().actual.as_deref().cloned().map(Target::from)
    }
    /// 分值 / 权重 — the weight in points, or None.
    #[getter]
    fn weight(&self) -> Option<f64> {
        self.get().weight
    }
    /// 得分 — the score the table reports, or None.
    #[getter]
    fn reported_score(&self) -> Option<f64> {
        self.get().reported_score
    }
    /// 偏差原因分析 — why the result differs; "" when absent.
    #[getter]
    fn deviation(&self) -> &str {
        &self.get().deviation
    }
    /// 1-6月执行数 — progress so far (monitoring), or None.
    #[getter]
    fn progress(&self) -> Option<Target> {
        self.get().progress.as_deref().cloned().map(Target::from)
    }
    /// 全年预计完成 — the value expected at year end (monitoring), or None.
    #[getter]
    fn expected(&self) -> Option<Target> {
        self.get().expected.as_deref().cloned().map(Target::from)
    }
    /// 完成目标可能性 — "certain", "possible", "impossible", or None.
    #[getter]
    fn likelihood(&self) -> Option<&'static str> {
        self.get().likelihood.map(|l| l.as_str())
    }
    /// 中期指标 — the mid-term block, or None.
    #[getter]
    fn midterm(&self, py: Python<'_>) -> PyResult<Option<Midterm>> {
        self.get().midterm.as_ref().map(|m| Midterm::new(py, m)).transpose()
    }
    /// The table the indicator is in.
    #[getter]
    fn table(&self) -> Table {
        Table::new(&self.doc, self.s, self.t)
    }
    /// The section the indicator is in.
    #[getter]
    fn section(&self) -> Section {
        Section::new(&self.doc, self.s)
    }
    /// Its level-1 category.
    #[getter]
    fn category(&self) -> Category {
        Category { doc: self.doc.clone(), s: self.s, t: self.t, c: self.c }
    }
    /// Its level-2 category.
    #[getter]
    fn subcategory(&self) -> SubCategory {
        SubCategory { doc: self.doc.clone(), s: self.s, t: self.t, c: self.c, k: self.k }
    }
    /// Pickle: the document (through JSON) and the view's place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        view_reduce(py, &self.doc, "Indicator", vec![self.s, self.t, self.c, self.k, self.i])
    }
    fn __repr__(&self) -> String {
        format!("<jixiao.Indicator {:?} target={:?} line={}>", self.get().name, self.get().target.raw, self.get().location)
    }
}
