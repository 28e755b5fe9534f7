//! Views into a shared document: sections, tables, categories, indicators. Each holds the
//! document and the indices of its node, so reading them copies nothing until asked.

use std::collections::BTreeMap;
use std::sync::Arc;

use jixiao::Document;
use pyo3::prelude::*;

use crate::overview::Toc;
use crate::target::Target;

/// 第N部分 — a part of the document that holds target tables.
#[pyclass(frozen, module = "jixiao._native")]
pub struct Section {
    doc: Arc<Document>,
    s: usize,
}

/// 绩效目标表 — one performance-target table.
#[pyclass(frozen, module = "jixiao._native")]
pub struct Table {
    doc: Arc<Document>,
    s: usize,
    t: usize,
}

/// 一级指标 — a level-1 category with its level-2 children.
#[pyclass(frozen, module = "jixiao._native")]
pub struct Category {
    doc: Arc<Document>,
    s: usize,
    t: usize,
    c: usize,
}

/// 二级指标 — a level-2 category with its indicators.
#[pyclass(frozen, module = "jixiao._native")]
pub struct SubCategory {
    doc: Arc<Document>,
    s: usize,
    t: usize,
    c: usize,
    k: usize,
}

/// 三级指标 — one indicator row, with the table and categories it sits in.
#[pyclass(frozen, module = "jixiao._native")]
pub struct Indicator {
    doc: Arc<Document>,
    s: usize,
    t: usize,
    c: usize,
    k: usize,
    i: usize,
}

impl Section {
    pub fn new(doc: &Arc<Document>, s: usize) -> Self {
        Section { doc: doc.clone(), s }
    }
    fn get(&self) -> &jixiao::Section {
        &self.doc.sections[self.s]
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

impl Category {
    fn get(&self) -> &jixiao::Category {
        &self.doc.sections[self.s].tables[self.t].categories[self.c]
    }
}

impl SubCategory {
    fn get(&self) -> &jixiao::SubCategory {
        &self.doc.sections[self.s].tables[self.t].categories[self.c].children[self.k]
    }
}

impl Indicator {
    fn get(&self) -> &jixiao::Indicator {
        &self.doc.sections[self.s].tables[self.t].categories[self.c].children[self.k].indicators[self.i]
    }
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
    #[getter]
    fn tables(&self) -> Vec<Table> {
        (0..self.get().tables.len()).map(|t| Table::new(&self.doc, self.s, t)).collect()
    }
    /// 1-based source line of the heading.
    #[getter]
    fn line(&self) -> usize {
        self.get().line
    }
    fn __repr__(&self) -> String {
        format!("<jixiao.Section {} {:?} tables={}>", self.get().kind.as_str(), self.get().heading, self.get().tables.len())
    }
}

#[pymethods]
impl Table {
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
    #[getter]
    fn line(&self) -> usize {
        self.get().line
    }
    /// Every indicator of the table, in source order.
    fn indicators(&self) -> Vec<Indicator> {
        indicator_list(&self.doc, self.s, self.t)
    }
    fn __repr__(&self) -> String {
        format!("<jixiao.Table {:?} indicators={}>", self.get().title, self.get().indicators().count())
    }
}

#[pymethods]
impl Category {
    /// "output", "effect", "satisfaction", "cost" or "other".
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
        (0..self.get().children.len())
            .map(|k| SubCategory { doc: self.doc.clone(), s: self.s, t: self.t, c: self.c, k })
            .collect()
    }
    #[getter]
    fn line(&self) -> usize {
        self.get().line
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
        (0..self.get().indicators.len())
            .map(|i| Indicator { doc: self.doc.clone(), s: self.s, t: self.t, c: self.c, k: self.k, i })
            .collect()
    }
    #[getter]
    fn line(&self) -> usize {
        self.get().line
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
        self.get().line
    }
    /// 其他列 — header label → text for every column the model has no field for.
    #[getter]
    fn extra(&self) -> BTreeMap<String, String> {
        self.get().extra.clone()
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
    fn __repr__(&self) -> String {
        format!("<jixiao.Indicator {:?} target={:?} line={}>", self.get().name, self.get().target.raw, self.get().line)
    }
}
