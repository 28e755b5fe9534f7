//! The blocks above a table's indicator header: the funds block (预算执行情况: 年初预算 |
//! 调整后预算数 | 预算执行数 | 执行率 | 分值 | 得分) and the duties block of a department-wide
//! table (部门职能 | 年度目标任务 | 支出项目名称 | 预算金额).

use crate::grammar::is_blank;
use std::collections::BTreeMap;

use super::Row;
use crate::grammar::amount::amount;
use crate::grammar::form::funds::{FundsRole, funds_role, funds_roles};
use crate::grammar::labels::{bracket_unit, key, short_key};
use crate::grammar::memo::Memo;
use crate::model::{Duty, Funds, FundsRow, Location};

thread_local! {
    // Every table's header is asked whether it opens a funds or a duties block, and a
    // document's tables repeat their labels.
    static DUTY_ROLE: Memo<DutyRole> = Memo::default();
}

/// Whether a row opens a funds block whose header takes two rows: its first cell is the block's
/// label (预算执行情况(10分)) and the budget columns are named on the row below.
pub fn is_funds_upper_header(row: &Row) -> bool {
    row.cells.first().is_some_and(|c| funds_role(&c.text) == FundsRole::Group)
}

/// Whether a row is the funds block's header: it names at least two budget columns.
pub fn is_funds_header(row: &Row<'_>) -> bool {
    is_funds_header_labels(row.cells.iter().map(|c| c.text.as_ref()))
}

fn is_funds_header_labels<'a>(labels: impl Iterator<Item = &'a str>) -> bool {
    let roles: Vec<FundsRole> = labels.map(funds_role).collect();
    let budget = roles.iter().filter(|r| matches!(r, FundsRole::Initial | FundsRole::Adjusted | FundsRole::Executed | FundsRole::Rate)).count();
    budget >= 2
}

/// A funds block being read.
pub struct FundsBlock {
    roles: Vec<FundsRole>,
    unit: Option<&'static str>,
    pub funds: Funds,
}

impl FundsBlock {
    pub fn new(header: Row<'_>) -> Self {
        let line = header.line();
        Self::with_columns(header.cells.into_iter().map(|c| c.text.into_owned()).collect(), line)
    }

    /// A block whose header took two rows, combined into one label per column.
    pub fn two_rows(upper: Row<'_>, lower: Row<'_>) -> Self {
        let line = upper.line();
        let (u, l): (Vec<String>, Vec<String>) =
            (upper.cells.into_iter().map(|c| c.text.into_owned()).collect(), lower.cells.into_iter().map(|c| c.text.into_owned()).collect());
        Self::with_columns(super::combine_header(&u, &l), line)
    }

    fn with_columns(mut columns: Vec<String>, line: usize) -> Self {
        // A header's empty cells at its end (a PDF's grid reaching past the block's last label)
        // name no column: a value under one is kept as `列N`, as it would be without them.
        while columns.last().is_some_and(|c| is_blank(c)) {
            columns.pop();
        }
        let roles = funds_roles(&columns);
        let unit = columns.iter().find_map(|c| bracket_unit(c));
        let label = columns.iter().find(|c| funds_role(c) == FundsRole::Group).cloned().unwrap_or_default();
        FundsBlock { roles, unit, funds: Funds { label, columns, rows: Vec::new(), location: Location::line(line) } }
    }

    pub fn row(&mut self, row: &Row<'_>) {
        let mut r = FundsRow { location: Location::line(row.line()), ..FundsRow::default() };
        for (i, cell) in row.cells.iter().enumerate() {
            let text = cell.text.as_ref();
            let role = self.roles.get(i).copied().unwrap_or(FundsRole::Extra);
            let money = |unit: Option<&str>| (!is_blank(text)).then(|| amount(text, unit));
            match role {
                FundsRole::Label => r.label = text.to_owned(),
                FundsRole::Initial => r.initial = money(self.unit),
                FundsRole::Adjusted => r.adjusted = money(self.unit),
                FundsRole::Executed => r.executed = money(self.unit),
                FundsRole::Rate => r.rate = money(None),
                FundsRole::Weight => r.weight = money(None),
                FundsRole::Score => r.score = money(None),
                FundsRole::Reason => r.reason = text.to_owned(),
                FundsRole::Group | FundsRole::Extra if is_blank(text) => {}
                FundsRole::Group | FundsRole::Extra => {
                    let label = self.funds.columns.get(i).filter(|l| !is_blank(l)).cloned().unwrap_or_else(|| format!("列{}", i + 1));
                    insert_unique(&mut r.extra, label, text);
                }
            }
        }
        self.funds.rows.push(r);
    }
}

fn insert_unique(map: &mut BTreeMap<String, String>, label: String, text: &str) {
    let mut k = label.clone();
    let mut n = 2;
    while map.contains_key(&k) {
        k = format!("{label}#{n}");
        n += 1;
    }
    map.insert(k, text.to_owned());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DutyRole {
    Function,
    Task,
    Project,
    Budget,
    Other,
}

fn duty_role(label: &str) -> DutyRole {
    DUTY_ROLE.with(|m| m.get(label, duty_role_of))
}

fn duty_role_of(label: &str) -> DutyRole {
    let Ok(k) = short_key(label) else { return DutyRole::Other };
    match k.as_str() {
        "部门职能" | "职能" | "主要职能" | "部门职责" => DutyRole::Function,
        "年度目标任务" | "年度任务" | "目标任务" | "主要任务" | "任务名称" => DutyRole::Task,
        "支出项目名称" | "项目名称" | "对应项目" => DutyRole::Project,
        "预算金额" | "预算数" | "金额" | "项目预算" => DutyRole::Budget,
        _ => DutyRole::Other,
    }
}

/// Whether a row is the header of a 年度履职目标 block: 部门职能 and 年度目标任务 (or 支出项目名称).
pub fn is_duties_header(row: &Row) -> bool {
    let roles: Vec<DutyRole> = row.cells.iter().map(|c| duty_role(&c.text)).collect();
    roles.contains(&DutyRole::Function) && (roles.contains(&DutyRole::Task) || roles.contains(&DutyRole::Project))
}

/// A duties block being read. The function cell is merged down over its tasks: it reads empty
/// on their rows and is carried down.
pub struct DutiesBlock {
    roles: Vec<DutyRole>,
    unit: Option<&'static str>,
}

impl DutiesBlock {
    /// The block and the header cells it has no column for (its own merged label, 年度履职目标,
    /// is the block itself).
    pub fn new<'r, 'a>(header: &'r Row<'a>) -> (Self, Vec<&'r super::Cell<'a>>) {
        let columns: Vec<&str> = header.cells.iter().map(|c| c.text.as_ref()).collect();
        let roles: Vec<DutyRole> = columns.iter().map(|c| duty_role(c)).collect();
        let unit = columns.iter().find_map(|c| bracket_unit(c));
        let rest = header
            .cells
            .iter()
            .zip(&roles)
            .filter(|(c, r)| **r == DutyRole::Other && !matches!(key(&c.text).as_str(), "年度履职目标" | "履职目标" | ""))
            .map(|(c, _)| c)
            .collect();
        (DutiesBlock { roles, unit }, rest)
    }

    /// Reads a row into `duties`; the cells of columns with no field are returned for the notes.
    pub fn row<'r, 'a>(&self, row: &'r Row<'a>, duties: &mut Vec<Duty>) -> Vec<&'r super::Cell<'a>> {
        let mut d = Duty { location: Location::line(row.line()), ..Duty::default() };
        let mut rest = Vec::new();
        for (i, cell) in row.cells.iter().enumerate() {
            match self.roles.get(i).copied().unwrap_or(DutyRole::Other) {
                DutyRole::Function => d.function = cell.text.as_ref().to_owned(),
                DutyRole::Task => d.task = cell.text.as_ref().to_owned(),
                DutyRole::Project => d.project = cell.text.as_ref().to_owned(),
                DutyRole::Budget => d.budget = (!is_blank(&cell.text)).then(|| amount(&cell.text, self.unit)),
                DutyRole::Other => rest.push(cell),
            }
        }
        if is_blank(&d.function)
            && let Some(prev) = duties.last()
        {
            d.function = prev.function.clone();
        }
        duties.push(d);
        rest
    }
}
