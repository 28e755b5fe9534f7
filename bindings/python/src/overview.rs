//! Small value classes: the overview and its parts, notes, TC fields. Copied out of the
//! document (they are small), read-only.

use pyo3::prelude::*;

/// 第一部分 部门整体绩效目标 — the department-wide targets.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Overview {
    /// The part heading as written.
    heading: String,
    /// The introduction of 总体绩效目标.
    intro: String,
    /// 总体绩效目标 — the numbered goals.
    goals: Vec<Goal>,
    /// 职责分类绩效目标 — targets per responsibility.
    responsibilities: Vec<Responsibility>,
    /// 工作保障措施 — safeguard measures.
    safeguards: Vec<Safeguard>,
    /// 小标题 — the subsection headings as written, with their TC fields.
    subheadings: Vec<Subheading>,
    /// 1-based line of the heading.
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
    /// 目录域 — the heading's Word TC field, or None.
    toc: Option<Toc>,
}

/// 总体绩效目标 — one numbered goal.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Goal {
    /// 序号 — the number as written (1 for `1、` or `（一）`).
    number: u32,
    /// 标题 — the title as written.
    title: String,
    /// 分项 — the numbered items under the goal.
    items: Vec<GoalItem>,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
}

/// 具体事项 — one item of a goal.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct GoalItem {
    /// 序号 — the number as written (1 for `1、` or `（一）`).
    number: u32,
    /// 原文 — the text as written.
    text: String,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
    /// Whether the item stood in an inline list (一是…二是…).
    inline: bool,
}

/// 职责分类绩效目标 — the target of one responsibility.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Responsibility {
    /// 序号 — the number as written (1 for `1、` or `（一）`).
    number: u32,
    /// 名称 — the name as written.
    name: String,
    /// 说明 — the description as written.
    description: String,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
}

/// 工作保障措施 — one titled block of safeguard measures.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Safeguard {
    /// 标题 — the title as written.
    title: String,
    /// 原文 — the text as written.
    text: String,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
}

/// 小标题 — a subsection heading of part 1 as written, with its TC field.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Subheading {
    /// 原文 — the text as written.
    text: String,
    /// 目录域 — the TC field after the heading, or None.
    toc: Option<Toc>,
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
}

/// 未归类内容 — content the reader could not place, with its line.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Note {
    /// 行号 — the 1-based line of a text source; 0 where the source has no lines (see `location`).
    line: usize,
    /// 位置 — where it stands in the source (a line, a sheet's cell, a Word table's cell or paragraph, a page).
    location: Location,
    /// 原文 — the text as written.
    text: String,
}

/// 位置 — where something stands in the source: a text line, a Word table cell or paragraph, a
/// spreadsheet's sheet and cell. `str()` gives it as messages print it (`专项1!C7`).
#[pyclass(frozen, eq, get_all, module = "jixiao._native")]
#[derive(Clone, PartialEq)]
pub struct Location {
    /// 行号 — the 1-based line of a text source, or None.
    line: Option<usize>,
    /// 工作表 — the sheet's name, or None.
    sheet: Option<String>,
    /// 单元格 — the spreadsheet cell (`C7`), or None.
    cell: Option<String>,
    /// 表格 — the 1-based Word table, or None.
    table: Option<usize>,
    /// 行 — the 1-based Word table row, or None.
    row: Option<usize>,
    /// 列 — the 1-based Word table column, or None.
    column: Option<usize>,
    /// 段落 — the 1-based Word paragraph, or None.
    paragraph: Option<usize>,
    /// 页码 — the 1-based page of a PDF, or None.
    page: Option<usize>,
}

impl From<jixiao::Location> for Location {
    fn from(l: jixiao::Location) -> Self {
        let p = l.parts();
        Location { line: p.line, sheet: p.sheet, cell: p.cell, table: p.table, row: p.row, column: p.column, paragraph: p.paragraph, page: p.page }
    }
}

#[pymethods]
impl Location {
    fn __str__(&self) -> String {
        jixiao::LocationParts {
            line: self.line,
            sheet: self.sheet.clone(),
            cell: self.cell.clone(),
            table: self.table,
            row: self.row,
            column: self.column,
            paragraph: self.paragraph,
            page: self.page,
        }
        .to_string()
    }
    fn __repr__(&self) -> String {
        format!("<jixiao.Location {}>", self.__str__())
    }
}

/// 目录域 — a Word table-of-contents field.
#[pyclass(frozen, get_all, module = "jixiao._native")]
#[derive(Clone)]
pub struct Toc {
    /// 原文 — the text as written.
    text: String,
    /// 标识符 — the `\f` switch (the table list it belongs to), or None.
    identifier: Option<String>,
    /// 级别 — the `\l` switch (the TOC level), or None.
    level: Option<u32>,
    /// 开关 — the field's switches as written (`\f C \l 1`).
    switches: String,
}

impl From<&jixiao::Overview> for Overview {
    fn from(o: &jixiao::Overview) -> Self {
        Overview {
            heading: o.heading.clone(),
            intro: o.intro.clone(),
            goals: o
                .goals
                .iter()
                .map(|g| Goal {
                    number: g.number,
                    title: g.title.clone(),
                    items: g
                        .items
                        .iter()
                        .map(|i| GoalItem {
                            number: i.number,
                            text: i.text.clone(),
                            line: i.location.line_number().unwrap_or(0),
                            location: i.location.clone().into(),
                            inline: i.inline,
                        })
                        .collect(),
                    line: g.location.line_number().unwrap_or(0),
                    location: g.location.clone().into(),
                })
                .collect(),
            responsibilities: o
                .responsibilities
                .iter()
                .map(|r| Responsibility {
                    number: r.number,
                    name: r.name.clone(),
                    description: r.description.clone(),
                    line: r.location.line_number().unwrap_or(0),
                    location: r.location.clone().into(),
                })
                .collect(),
            safeguards: o
                .safeguards
                .iter()
                .map(|s| Safeguard {
                    title: s.title.clone(),
                    text: s.text.clone(),
                    line: s.location.line_number().unwrap_or(0),
                    location: s.location.clone().into(),
                })
                .collect(),
            subheadings: o
                .subheadings
                .iter()
                .map(|h| Subheading {
                    text: h.text.clone(),
                    toc: h.toc.as_ref().map(Toc::from),
                    line: h.location.line_number().unwrap_or(0),
                    location: h.location.clone().into(),
                })
                .collect(),
            line: o.location.line_number().unwrap_or(0),
            location: o.location.clone().into(),
            toc: o.toc.as_ref().map(Toc::from),
        }
    }
}

/// 无效字节 — bytes that were not text in the file's encoding, replaced by U+FFFD when read
/// with `encoding_errors="replace"`.
#[pyclass(frozen, eq, get_all, module = "jixiao._native")]
#[derive(Clone, PartialEq)]
pub struct ReplacedBytes {
    /// 行号 — the 1-based line they were on.
    line: usize,
    /// 字节偏移 — where they start in the file, in bytes from 0.
    offset: usize,
    /// 字节 — the bytes in hex, space-separated ("e4 b8").
    bytes: String,
}

#[pymethods]
impl ReplacedBytes {
    fn __repr__(&self) -> String {
        format!("ReplacedBytes(line={}, offset={}, bytes={:?})", self.line, self.offset, self.bytes)
    }
}

impl From<&jixiao::model::ReplacedBytes> for ReplacedBytes {
    fn from(r: &jixiao::model::ReplacedBytes) -> Self {
        ReplacedBytes { line: r.line, offset: r.offset, bytes: r.bytes.clone() }
    }
}

impl From<&jixiao::Note> for Note {
    fn from(n: &jixiao::Note) -> Self {
        Note { line: n.location.line_number().unwrap_or(0), location: n.location.clone().into(), text: n.text.clone() }
    }
}

impl From<&jixiao::Toc> for Toc {
    fn from(t: &jixiao::Toc) -> Self {
        Toc { text: t.text.clone(), identifier: t.identifier.clone(), level: t.level, switches: t.switches.clone() }
    }
}

#[pymethods]
impl Note {
    fn __repr__(&self) -> String {
        format!("<jixiao.Note at {} {:?}>", self.location.__str__(), self.text)
    }
}

#[pymethods]
impl Goal {
    fn __repr__(&self) -> String {
        format!("<jixiao.Goal {} {:?} items={}>", self.number, self.title, self.items.len())
    }
}
