//! A table whose header row a copy lacks (the tail of a table whose header is on an earlier page
//! of a paginated article, or of a PDF): its columns by what their cells hold.

use super::Row;
use crate::grammar::form::cells::is_sign;
use crate::grammar::labels::{self, ColumnRole};
use crate::model::{Level1, Level2, Target, TargetKind};

/// Rows this wide or wider may be indicator rows; footers (合计 | 100) are narrower.
const WIDTH_MIN: usize = 4;

/// How far a result may stand from its target and still be taken for it (93 for 90, 6 for 6),
/// as a share of the target: weights and scores are other numbers (5 beside 100, 10 beside 90).
const RESULT_NEAR: f64 = 0.25;

/// Each column's role in a table with no header, when its rows are plainly indicator rows: a
/// column of level-1 words (产出指标, 效益指标), then one of level-2 words (数量指标, 社会效益指标),
/// a column naming every row, and a column of targets after it. Right of the names: a column of
/// signs (`=`, `≥`, `定性`), the targets, a column of units; then a column of results beside
/// their targets (93 beside 90) and one of weights (numbers up to 100 that add up to 100 or less).
/// Any other column is kept in extra. None when the rows do not show that shape: the table's
/// cells then stay notes, as any rows without a header do.
pub fn roles(rows: &[Row<'_>]) -> Option<Vec<ColumnRole>> {
    let width = most_common_width(rows)?;
    // Blank rows (a writer's header row with no labels) say nothing of the columns.
    let body: Vec<Vec<&str>> =
        rows.iter().filter(|r| r.cells.len() == width && !r.is_blank()).map(|r| r.cells.iter().map(|c| c.text.trim()).collect()).collect();
    if body.len() < 2 {
        return None;
    }
    let filled = |c: usize| body.iter().map(move |r| r[c]).filter(|t| !t.is_empty());
    let all = |c: usize, test: &dyn Fn(&str) -> bool| filled(c).next().is_some() && filled(c).all(test);
    let level1 = |t: &str| labels::level1(t) != Level1::Other;
    let level2 = |t: &str| labels::level2(t) != Level2::Other || labels::level1_implied_by(t) != Level1::Other;
    let mut roles = vec![ColumnRole::Extra; width];
    // The level columns, leftmost first: a level-1 column and the level-2 one right of it, or a
    // level-2 column alone.
    let first = (0..width).find(|&c| all(c, &level1) || all(c, &level2))?;
    let mut name = first + 1;
    if all(first, &level1) && name < width && all(name, &level2) && !all(name, &level1) {
        roles[first] = ColumnRole::Level1;
        roles[name] = ColumnRole::Level2;
        name += 1;
    } else if all(first, &level1) {
        roles[first] = ColumnRole::Level1;
    } else {
        roles[first] = ColumnRole::Level2;
    }
    let levels: usize = (first..name).map(|c| filled(c).count()).sum();
    let names = |t: &str| !t.is_empty() && !is_sign(t) && !is_number(t);
    if levels < 2 || name >= width || !body.iter().all(|r| names(r[name])) {
        return None;
    }
    roles[name] = ColumnRole::Name;
    let mut target = None;
    for c in name + 1..width {
        let role = if target.is_none() && all(c, &is_sign_cell) && !roles.contains(&ColumnRole::Sign) {
            ColumnRole::Sign
        } else if target.is_none() {
            if filled(c).count() * 2 < body.len() {
                return None;
            }
            target = Some(c);
            ColumnRole::Target
        } else if all(c, &is_unit) && !roles.contains(&ColumnRole::Unit) && !roles.contains(&ColumnRole::Actual) {
            ColumnRole::Unit
        } else if !roles.contains(&ColumnRole::Actual) && !roles.contains(&ColumnRole::Weight) && beside_targets(&body, target?, c) {
            ColumnRole::Actual
        } else if !roles.contains(&ColumnRole::Weight) && all(c, &is_number) && weights(filled(c)) {
            ColumnRole::Weight
        } else {
            ColumnRole::Extra
        };
        roles[c] = role;
    }
    target.map(|_| roles)
}

/// The width most rows of at least [`WIDTH_MIN`] cells have (the widest of equals).
fn most_common_width(rows: &[Row<'_>]) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::new();
    for r in rows.iter().filter(|r| r.cells.len() >= WIDTH_MIN) {
        *counts.entry(r.cells.len()).or_insert(0usize) += 1;
    }
    counts.into_iter().max_by_key(|&(width, n)| (n, width)).map(|(width, _)| width)
}

fn is_sign_cell(t: &str) -> bool {
    is_sign(t) || matches!(t, "定性" | "定量")
}

fn is_number(t: &str) -> bool {
    let read = Target::parse(t);
    read.kind == TargetKind::Quantity && read.unit.is_none() && !read.sign_given
}

/// A unit alone (`%`, `万元`, `次`): one of it reads as a quantity of 1 in that unit.
fn is_unit(t: &str) -> bool {
    let read = Target::parse(&format!("1{t}"));
    read.kind == TargetKind::Quantity && read.value == Some(1.0) && read.unit.is_some() && !read.sign_given
}

/// Whether a column's numbers stand near the targets of their rows (a result beside its target),
/// in at least two rows and most of those where both are numbers.
fn beside_targets(body: &[Vec<&str>], target: usize, c: usize) -> bool {
    let value = |t: &str| Target::parse(t).value;
    let pairs: Vec<(f64, f64)> = body.iter().filter_map(|r| Some((value(r[target])?, value(r[c])?))).collect();
    let near = pairs.iter().filter(|(t, r)| (t - r).abs() <= RESULT_NEAR * t.abs().max(1.0)).count();
    pairs.len() >= 2 && near * 2 > pairs.len()
}

/// Whether numbers are a table's weights: two or more, each above 0 and at most 100, adding up
/// to 100 or less (a tail of the table holds some of them).
fn weights<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    let values: Option<Vec<f64>> = cells.map(|t| Target::parse(t).value).collect();
    values.is_some_and(|v| v.len() >= 2 && v.iter().all(|w| *w > 0.0 && *w <= 100.0) && v.iter().sum::<f64>() <= 100.0 + 1e-9)
}
