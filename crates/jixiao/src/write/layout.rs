//! A table as the rows of cells a form shows: objective, fields, funds and duties blocks, header,
//! subtotals, the category rows (skeleton rows included) and the footer. The text and the xlsx
//! writers both lay tables out through it, so that what one writes the other writes too.

use crate::grammar::form::cells::{l_text, number_text, value_cell};
use crate::grammar::form::columns::table_keys;
use crate::grammar::form::funds::{duties_rows, funds_rows};
use crate::grammar::labels::ColumnRole;
use crate::model::{Indicator, Table, Target};

/// What a laid-out row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// `绩效目标 | …` above everything.
    Objective,
    /// A field above the header (`实施单位 | …`), one to a row.
    Info,
    /// A row of the funds block (its header first).
    Funds,
    /// A row of the duties block (its header first).
    Duties,
    /// The indicator header.
    Header,
    /// A subtotal of a sheet of many projects.
    Subtotal,
    /// An indicator, or a skeleton level-2 category; `first_of_category` when its 一级 cell is written.
    Indicator { first_of_category: bool },
    /// `总分 | score | grade`, or a labelled footer row.
    Footer,
}

/// One row of a laid-out table: its cells up to its last non-empty one, of `width` in all (a
/// row is as wide as the header, but a table whose header reaches far out would otherwise hold
/// rows × columns cells, most of them empty: 4,000 rows by 16,384 columns took 1.5 GB).
#[derive(Debug, Clone)]
pub struct LaidRow {
    pub kind: RowKind,
    pub cells: Vec<String>,
    pub width: usize,
    /// A level-2 label merged across 一级 and 二级: the 一级 column, whose cell (empty) the label in
    /// the next covers. A text save leaves the cell out, as Word does; a grid merges the two.
    pub merged: Option<usize>,
}

/// A row of `cells`, holding them up to the last non-empty one.
fn laid(kind: RowKind, cells: impl IntoIterator<Item = String>) -> LaidRow {
    let (mut held, mut blanks, mut width) = (Vec::new(), 0, 0);
    for cell in cells {
        width += 1;
        if cell.is_empty() {
            blanks += 1;
        } else {
            held.extend(std::iter::repeat_n(String::new(), blanks));
            blanks = 0;
            held.push(cell);
        }
    }
    LaidRow { kind, cells: held, width, merged: None }
}

/// A cell read as a target: its value cell when the row composes it with a unit column.
fn target_cell<'a>(t: Option<&'a Target>, unit: &str) -> &'a str {
    t.map_or("", |t| value_cell(&t.raw, "", unit))
}

/// What the table's project columns hold on its first row (a sheet of many projects).
fn project_cell(t: &Table, role: ColumnRole) -> String {
    match role {
        ColumnRole::UnitName => t.unit.clone().unwrap_or_default(),
        ColumnRole::Project => t.name.clone(),
        ColumnRole::Budget => t.budget.as_ref().map_or(String::new(), |a| a.raw.clone()),
        ColumnRole::Objective => t.objective.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

/// The cell of `ind` in the column of `role`/`key`. With `weight_in_score`, the weight stands in
/// the 得分 column (see [`rows`]).
fn indicator_cell(ind: &Indicator, role: ColumnRole, key: &str, sign: &str, unit: &str, weight_in_score: bool) -> String {
    let extra = || ind.extra.get(key).cloned().unwrap_or_default();
    let mid = ind.midterm.as_ref();
    match role {
        ColumnRole::Name => ind.name.clone(),
        ColumnRole::Description => ind.description.clone(),
        ColumnRole::Target => value_cell(&ind.target.raw, sign, unit).to_owned(),
        ColumnRole::Basis => ind.basis.clone(),
        ColumnRole::Actual => target_cell(ind.actual.as_deref(), unit).to_owned(),
        ColumnRole::Progress => target_cell(ind.progress.as_deref(), unit).to_owned(),
        ColumnRole::Expected => target_cell(ind.expected.as_deref(), unit).to_owned(),
        ColumnRole::Weight if !ind.extra.contains_key(key) => ind.weight.map_or_else(String::new, number_text),
        ColumnRole::Score if !ind.extra.contains_key(key) => {
            ind.reported_score.or(ind.weight.filter(|_| weight_in_score)).map_or_else(String::new, number_text)
        }
        ColumnRole::Deviation => ind.deviation.clone(),
        ColumnRole::Likelihood if !ind.extra.contains_key(key) => ind.likelihood.map_or_else(String::new, |l| l_text(l).to_owned()),
        ColumnRole::MidLevel2 => mid.map_or(String::new(), |m| m.level2_label.clone()),
        ColumnRole::MidName => mid.map_or(String::new(), |m| m.name.clone()),
        ColumnRole::MidTarget => mid.map_or(String::new(), |m| m.target.raw.clone()),
        _ => extra(),
    }
}

fn default_columns(t: &Table) -> Vec<String> {
    let any = |f: fn(&Indicator) -> bool| t.indicators().any(|(_, _, i)| f(i));
    // The sample form's columns; its description and basis where any indicator has one (an empty
    // column of them would read back as bases a reviewer is asked for).
    let mut columns: Vec<String> = vec!["一级指标".into(), "二级指标".into(), "三级指标".into()];
    if any(|i| !i.description.is_empty()) {
        columns.push("绩效指标描述".into());
    }
    columns.push("指标值".into());
    if any(|i| !i.basis.is_empty()) {
        columns.push("指标值确定依据".into());
    }
    // The typed columns of self-evaluation and monitoring tables, where any indicator fills them.
    type Filled = fn(&Indicator) -> bool;
    let typed: [(&str, Filled); 7] = [
        ("实际完成值", |i| i.actual.is_some()),
        ("分值", |i| i.weight.is_some()),
        ("得分", |i| i.reported_score.is_some()),
        ("偏差原因分析", |i| !i.deviation.is_empty()),
        ("1-6月执行数", |i| i.progress.is_some()),
        ("全年预计完成", |i| i.expected.is_some()),
        ("完成目标可能性", |i| i.likelihood.is_some()),
    ];
    columns.extend(typed.iter().filter(|(_, has)| any(*has)).map(|(label, _)| (*label).to_owned()));
    let mut extra: Vec<&String> = t.indicators().flat_map(|(_, _, i)| i.extra.keys()).collect();
    // In the order of the columns they came from (`列4` before `列10`).
    extra.sort_by_key(|k| column_order(k));
    extra.dedup();
    columns.extend(extra.into_iter().filter(|k| !columns.contains(k)).cloned().collect::<Vec<_>>());
    columns
}

/// An extra key as its column's place: its words, then the number it ends in (`列10` after `列4`).
fn column_order(key: &str) -> (&str, u64, &str) {
    let words = key.trim_end_matches(|c: char| c.is_ascii_digit());
    (words, key[words.len()..].parse().unwrap_or(0), key)
}

/// The rows of a table, in the order a form shows them.
pub fn rows(t: &Table) -> Vec<LaidRow> {
    let mut out = Vec::new();
    let mut push = |row: LaidRow| out.push(row);
    // A table with categories but no header (JSON built by hand; a copy that lacked its header
    // row, whose columns were read by what their cells hold and have no labels) gets the sample
    // form's columns and one per extra key, so that no indicator is written as an empty row.
    let unlabelled = t.columns.is_empty() || crate::grammar::form::columns::unlabelled(&t.columns);
    let columns = if unlabelled && !t.categories.is_empty() { default_columns(t) } else { t.columns.clone() };
    let keys = table_keys(t, &columns);
    let has = |role: ColumnRole| keys.iter().any(|(r, _)| *r == role);
    if let Some(objective) = t.objective.as_ref().filter(|_| !has(ColumnRole::Objective)) {
        push(laid(RowKind::Objective, vec!["绩效目标".to_owned(), objective.clone()]));
    }
    for field in &t.info {
        push(laid(RowKind::Info, [field.label.clone(), field.text.clone()]));
    }
    if let Some(funds) = &t.funds {
        funds_rows(funds).into_iter().for_each(|cells| push(laid(RowKind::Funds, cells)));
    }
    if !t.duties.is_empty() {
        duties_rows(&t.duties).into_iter().for_each(|cells| push(laid(RowKind::Duties, cells)));
    }
    push(laid(RowKind::Header, columns.clone()));
    // A subtotal's unit stands in the 单位名称 column, or where there is none in the project
    // column (`单位(专项)名称`, which names the unit on a row with no indicator).
    let unit_role = if has(ColumnRole::UnitName) { ColumnRole::UnitName } else { ColumnRole::Project };
    for s in &t.subtotals {
        let cells = keys.iter().map(|(role, _)| match role {
            r if *r == unit_role => s.unit.clone(),
            ColumnRole::Budget => s.amount.as_ref().map_or(String::new(), |a| a.raw.clone()),
            _ => String::new(),
        });
        push(laid(RowKind::Subtotal, cells));
    }
    // The sign and unit columns' keys, found once (per cell, this was quadratic in the columns).
    let key_of = |role: ColumnRole| keys.iter().find(|(r, _)| *r == role).map(|(_, k)| k.to_owned());
    let (sign_key, unit_key) = (key_of(ColumnRole::Sign), key_of(ColumnRole::Unit));
    let places = crate::grammar::form::columns::place_columns(&keys);
    // A blank framework's full marks (no 分值 column, nothing scored, targeted or done, no
    // weight in a name) were read from its 得分 column: they go back there.
    let weight_in_score = !has(ColumnRole::Weight)
        && t.indicators().all(|(_, _, i)| {
            i.reported_score.is_none()
                && i.actual.is_none()
                && crate::grammar::is_blank(&i.target.raw)
                && crate::grammar::form::cells::weight_in_name(&i.name).is_none()
        });
    let mut first_of_table = true;
    // A category read from a level-2 label merged across 一级 and 二级 (no label of its own, a
    // level-1 its level-2 implies, in a table with both columns side by side): the 一级 column's
    // place, where its first row leaves the cell out.
    let col = |role: ColumnRole| keys.iter().position(|(r, _)| *r == role);
    // Not on a table's first row: there an empty 一级 cell reads back as the level-1 its level-2
    // implies, as the merge does.
    let spanning = |cat: &crate::model::Category, sub: &crate::model::SubCategory, first_of_table: bool| {
        let (c1, c2) = (col(ColumnRole::Level1)?, col(ColumnRole::Level2)?);
        let merged = !first_of_table
            && c2 == c1 + 1
            && crate::grammar::is_blank(&cat.label)
            && cat.level1 != crate::model::Level1::Other
            && !crate::grammar::is_blank(&sub.label)
            && crate::grammar::labels::level1(&sub.label) == crate::model::Level1::Other
            && crate::grammar::labels::level2(&sub.label) != crate::model::Level2::Other
            && sub.indicators.first().is_some_and(|i| !crate::grammar::is_blank(&i.name));
        merged.then_some(c1)
    };
    for cat in &t.categories {
        let mut first_row = true;
        for sub in &cat.children {
            // An empty level-2 category is a row of the form's skeleton.
            let rows: Vec<Option<&Indicator>> = if sub.indicators.is_empty() { vec![None] } else { sub.indicators.iter().map(Some).collect() };
            for ind in rows {
                let cells = keys.iter().map(|(role, key)| match (role, ind) {
                    (ColumnRole::Level1, _) => {
                        if first_row {
                            cat.label.clone()
                        } else {
                            String::new()
                        }
                    }
                    (ColumnRole::Level2, _) => sub.label.clone(),
                    (r, _) if r.is_project() => {
                        if first_of_table {
                            project_cell(t, *r)
                        } else {
                            String::new()
                        }
                    }
                    // A skeleton level-2 of a table with no 二级 column was read from the name column.
                    (ColumnRole::Name, None) if !has(ColumnRole::Level2) => sub.label.clone(),
                    (_, None) => String::new(),
                    (_, Some(ind)) => {
                        let extra = |k: &Option<String>| k.as_ref().and_then(|k| ind.extra.get(k)).map_or("", String::as_str);
                        // A place's cell is written as read, empty or not (see `columns::place_columns`).
                        if places.iter().any(|(c, _)| keys[*c].1 == *key) {
                            ind.extra.get(key).cloned().unwrap_or_default()
                        } else {
                            indicator_cell(ind, *role, key, extra(&sign_key), extra(&unit_key), weight_in_score)
                        }
                    }
                });
                let kind = RowKind::Indicator { first_of_category: first_row };
                if first_row && let Some(c1) = spanning(cat, sub, first_of_table) {
                    // Written as read: the label over both columns, every cell held so that each
                    // writer shows the merge its way.
                    let cells: Vec<String> = cells.collect();
                    push(LaidRow { kind, width: cells.len(), cells, merged: Some(c1) });
                } else {
                    push(laid(kind, cells));
                }
                first_row = false;
                first_of_table = false;
            }
        }
        if cat.children.is_empty() {
            let cells = keys.iter().map(|(role, _)| if *role == ColumnRole::Level1 { cat.label.clone() } else { String::new() });
            push(laid(RowKind::Indicator { first_of_category: true }, cells));
        }
    }
    if t.total_score.is_some() || t.grade.is_some() {
        let mut cells = vec!["总分".to_owned()];
        cells.extend(t.total_score.map(number_text));
        cells.extend(t.grade.clone());
        push(laid(RowKind::Footer, cells));
    }
    for r in &t.remarks {
        let mut cells = vec![r.label.clone()];
        if !r.text.is_empty() {
            cells.push(r.text.clone());
        }
        push(laid(RowKind::Footer, cells));
    }
    out
}
