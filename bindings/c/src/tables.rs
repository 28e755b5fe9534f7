//! What a table holds besides its category tree: its kind, year and code, the project columns
//! of a sheet of many projects, the fields above the header, the funds and duties blocks, footer
//! rows and the stated total.

use jixiao::{Amount, Duty, FundsRow, Remark, Subtotal, Table};

use crate::boundary::{Failure, guard, guard_value, jx_status};
use crate::codes::*;
use crate::tree::{jx_table, node, put, put_pair, text, write_opt};
use crate::types::*;

pub(crate) fn amount_of(a: &Amount) -> jx_amount {
    jx_amount {
        raw: jx_str::new(&a.raw),
        has_value: a.value.is_some(),
        value: a.value.unwrap_or(0.0),
        unit: jx_str::opt(a.unit.as_deref()),
        has_value_yuan: a.value_yuan.is_some(),
        value_yuan: a.value_yuan.unwrap_or(0.0),
    }
}

const NO_AMOUNT: jx_amount = jx_amount { raw: jx_str::EMPTY, has_value: false, value: 0.0, unit: jx_str::EMPTY, has_value_yuan: false, value_yuan: 0.0 };

/// (has, value) of an optional amount, for the struct fields.
fn opt_amount(a: &Option<Amount>) -> (bool, jx_amount) {
    a.as_ref().map_or((false, NO_AMOUNT), |a| (true, amount_of(a)))
}

fn table<'a>(t: *const jx_table) -> Option<&'a Table> {
    node::<Table, _>(t)
}

/// What the table is, from its title and columns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_get_kind(t: *const jx_table) -> jx_table_kind {
    guard_value(jx_table_kind::JX_TABLE_TARGET, || table(t).map_or(jx_table_kind::JX_TABLE_TARGET, |t| table_kind_code(t.kind)))
}

/// Writes the year the title names and returns true; false when it names none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_year(t: *const jx_table, out: *mut i32) -> bool {
    guard_value(false, || write_opt(table(t).and_then(|t| t.year), out))
}

/// Writes the project code before the name (`51000021R000000019951`) and returns true; false when none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_code(t: *const jx_table, out: *mut jx_str) -> bool {
    guard_value(false, || write_opt(table(t).and_then(|t| t.code.as_deref()).map(jx_str::new), out))
}

/// Writes the unit (单位名称) of a project on a sheet of many projects and returns true; false when none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_unit(t: *const jx_table, out: *mut jx_str) -> bool {
    guard_value(false, || write_opt(table(t).and_then(|t| t.unit.as_deref()).map(jx_str::new), out))
}

/// Writes the project's budget (预算数) and returns true; false when none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_budget(t: *const jx_table, out: *mut jx_amount) -> bool {
    guard_value(false, || write_opt(table(t).and_then(|t| t.budget.as_deref()).map(amount_of), out))
}

/// Writes the total score the table states (总分) and returns true; false when it states none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_total_score(t: *const jx_table, out: *mut f64) -> bool {
    guard_value(false, || write_opt(table(t).and_then(|t| t.total_score), out))
}

/// Writes the grade the table states (优, 良 …) and returns true; false when it states none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_grade(t: *const jx_table, out: *mut jx_str) -> bool {
    guard_value(false, || write_opt(table(t).and_then(|t| t.grade.as_deref()).map(jx_str::new), out))
}

fn remark_of(r: &Remark) -> jx_remark {
    jx_remark { label: jx_str::new(&r.label), text: jx_str::new(&r.text), line: r.location.line_number().unwrap_or(0), location: location_of(&r.location) }
}

/// How many fields stand above the table's indicator header (基本信息: 主管部门, 实施单位, 年度资金总额 …).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_info_count(t: *const jx_table) -> usize {
    guard_value(0, || table(t).map_or(0, |t| t.info.len()))
}

/// The `index`-th field above the indicator header, as labelled text (`实施单位` | `某局`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_info(t: *const jx_table, index: usize, out: *mut jx_remark) -> jx_status {
    put(table(t).map(|t| t.info.as_slice()), index, out, "table", remark_of)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_remark_count(t: *const jx_table) -> usize {
    guard_value(0, || table(t).map_or(0, |t| t.remarks.len()))
}

/// The `index`-th footer row or blank form row, as labelled text.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_remark(t: *const jx_table, index: usize, out: *mut jx_remark) -> jx_status {
    put(table(t).map(|t| t.remarks.as_slice()), index, out, "table", remark_of)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_subtotal_count(t: *const jx_table) -> usize {
    guard_value(0, || table(t).map_or(0, |t| t.subtotals.len()))
}

/// The `index`-th subtotal row before this project on a sheet of many projects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_subtotal(t: *const jx_table, index: usize, out: *mut jx_subtotal) -> jx_status {
    put(table(t).map(|t| t.subtotals.as_slice()), index, out, "table", |s: &Subtotal| {
        let (has_amount, amount) = opt_amount(&s.amount);
        jx_subtotal { unit: jx_str::new(&s.unit), has_amount, amount, line: s.location.line_number().unwrap_or(0), location: location_of(&s.location) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_duty_count(t: *const jx_table) -> usize {
    guard_value(0, || table(t).map_or(0, |t| t.duties.len()))
}

/// The `index`-th duty (年度履职目标) of a department-wide table.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_duty(t: *const jx_table, index: usize, out: *mut jx_duty) -> jx_status {
    put(table(t).map(|t| t.duties.as_slice()), index, out, "table", |d: &Duty| {
        let (has_budget, budget) = opt_amount(&d.budget);
        jx_duty {
            function: jx_str::new(&d.function),
            task: jx_str::new(&d.task),
            project: jx_str::new(&d.project),
            has_budget,
            budget,
            line: d.location.line_number().unwrap_or(0),
            location: location_of(&d.location),
        }
    })
}

/// Whether the table has a funds block (预算执行情况).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_has_funds(t: *const jx_table) -> bool {
    guard_value(false, || table(t).is_some_and(|t| t.funds.is_some()))
}

/// The funds block's label as written (`预算执行情况(10分)`); empty when none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_funds_label(t: *const jx_table) -> jx_str {
    text(table(t).and_then(|t| t.funds.as_deref()), |f| &f.label)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_funds_column_count(t: *const jx_table) -> usize {
    guard_value(0, || table(t).and_then(|t| t.funds.as_ref()).map_or(0, |f| f.columns.len()))
}

/// The `index`-th header label of the funds block.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_funds_column(t: *const jx_table, index: usize, out: *mut jx_str) -> jx_status {
    // A table without a funds block has no columns (index out of range), not a NULL argument.
    put(table(t).map(|t| t.funds.as_ref().map_or(&[][..], |f| f.columns.as_slice())), index, out, "table", |c| jx_str::new(c))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_funds_row_count(t: *const jx_table) -> usize {
    guard_value(0, || table(t).and_then(|t| t.funds.as_ref()).map_or(0, |f| f.rows.len()))
}

/// The `index`-th row of the funds block (总额, 其中:财政资金 …).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_funds_row(t: *const jx_table, index: usize, out: *mut jx_funds_row) -> jx_status {
    put(table(t).map(|t| t.funds.as_ref().map_or(&[][..], |f| f.rows.as_slice())), index, out, "table", |r: &FundsRow| {
        let (has_initial, initial) = opt_amount(&r.initial);
        let (has_adjusted, adjusted) = opt_amount(&r.adjusted);
        let (has_executed, executed) = opt_amount(&r.executed);
        let (has_rate, rate) = opt_amount(&r.rate);
        let (has_weight, weight) = opt_amount(&r.weight);
        let (has_score, score) = opt_amount(&r.score);
        jx_funds_row {
            label: jx_str::new(&r.label),
            has_initial,
            initial,
            has_adjusted,
            adjusted,
            has_executed,
            executed,
            has_rate,
            rate,
            has_weight,
            weight,
            has_score,
            score,
            reason: jx_str::new(&r.reason),
            extra_count: r.extra.len(),
            line: r.location.line_number().unwrap_or(0),
            location: location_of(&r.location),
        }
    })
}

/// The `index`-th other column of funds row `row`, in label order: its label and text.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_funds_row_extra(t: *const jx_table, row: usize, index: usize, key: *mut jx_str, value: *mut jx_str) -> jx_status {
    guard(|| {
        let funds = table(t).ok_or_else(|| Failure::null("table"))?.funds.as_ref().ok_or_else(|| Failure::out_of_range(row, 0))?;
        let r = funds.rows.get(row).ok_or_else(|| Failure::out_of_range(row, funds.rows.len()))?;
        put_pair(&r.extra, index, key, value)
    })
}
