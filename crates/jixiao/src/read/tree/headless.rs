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

/// Where the indicator rows of a table with no header start, and each column's role, when its
/// rows are plainly indicator rows: a column of level-1 words (产出指标, 效益指标), then one of
/// level-2 words (数量指标, 社会效益指标), a column naming every row, and a column of targets
/// right of it. Between the names and the targets: a column of prose (the description) and one
/// of signs (`=`, `≥`, `定性`); then a column of units, one of weights (numbers up to 100 that add
/// up to 100 or less), one of results near their targets with no sign of their own (93 beside
/// ≥90), and one of scores (numbers no greater than their row's weight). Any other column is
/// kept in extra. Footer rows (合计, 评价结论) are no evidence. None when the rows do not show
/// that shape: the table's cells then stay notes, as any rows without a header do.
pub fn roles(rows: &[Row<'_>]) -> Option<(usize, Vec<ColumnRole>)> {
    let is_body = |r: &Row<'_>| !r.is_blank() && !r.cells.iter().map(|c| c.text.trim()).find(|t| !t.is_empty()).is_some_and(labels::is_footer_label);
    // Blank rows (a writer's header row with no labels) and footers say nothing of the columns.
    let bodies: Vec<(usize, &Row<'_>)> = rows.iter().enumerate().filter(|(_, r)| is_body(r)).collect();
    let width = most_common_width(bodies.iter().map(|(_, r)| *r))?;
    let start = bodies.iter().find(|(_, r)| r.cells.len() == width).map(|(i, _)| *i)?;
    let body: Vec<Vec<&str>> = bodies.iter().filter(|(_, r)| r.cells.len() == width).map(|(_, r)| r.cells.iter().map(|c| c.text.trim()).collect()).collect();
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
    // Each role once; the ones taken, as flags (a copy may be thousands of columns wide).
    let (mut description, mut sign, mut unit, mut actual, mut score) = (false, false, false, false, false);
    let mut weight: Option<usize> = None;
    let mut target: Option<usize> = None;
    for (c, slot) in roles.iter_mut().enumerate().skip(name + 1) {
        *slot = match target {
            None if !sign && all(c, &is_sign_cell) => {
                sign = true;
                ColumnRole::Sign
            }
            None if values(&body, c) => {
                target = Some(c);
                ColumnRole::Target
            }
            None if !description && !sign && filled(c).count() * 2 >= body.len() => {
                description = true;
                ColumnRole::Description
            }
            None => ColumnRole::Extra,
            Some(_) if !unit && !actual && weight.is_none() && all(c, &is_unit) => {
                unit = true;
                ColumnRole::Unit
            }
            // Weights before results: a weight may equal its row's target (10 beside ≥10次).
            Some(_) if weight.is_none() && all(c, &is_number) && weights(filled(c)) => {
                weight = Some(c);
                ColumnRole::Weight
            }
            Some(t) if !actual && all(c, &|v| !Target::parse(v).sign_given) && beside_targets(&body, t, c) => {
                actual = true;
                ColumnRole::Actual
            }
            Some(_) if !score && weight.is_some_and(|w| all(c, &is_number) && within_weights(&body, w, c)) => {
                score = true;
                ColumnRole::Score
            }
            Some(_) => ColumnRole::Extra,
        };
    }
    target.map(|_| (start, roles))
}

/// The width most of `rows` of at least [`WIDTH_MIN`] cells have (the widest of equals).
fn most_common_width<'r, 'a: 'r>(rows: impl Iterator<Item = &'r Row<'a>>) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::new();
    for r in rows.filter(|r| r.cells.len() >= WIDTH_MIN) {
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

/// Whether a column holds targets: filled in at least half the rows, and most of its cells read
/// as values (a number, a range, a date), not as words (a description, a basis).
fn values(body: &[Vec<&str>], c: usize) -> bool {
    let cells: Vec<&str> = body.iter().map(|r| r[c]).filter(|t| !t.is_empty()).collect();
    let valued = cells.iter().filter(|t| !matches!(Target::parse(t).kind, TargetKind::Qualitative | TargetKind::Empty)).count();
    cells.len() * 2 >= body.len() && valued * 2 > cells.len()
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

/// Whether every number of a column is no more than its row's weight (a score out of it).
fn within_weights(body: &[Vec<&str>], w: usize, c: usize) -> bool {
    let value = |t: &str| Target::parse(t).value;
    body.iter().filter(|r| !r[c].is_empty()).all(|r| matches!((value(r[c]), value(r[w])), (Some(s), Some(w)) if (0.0..=w + 1e-9).contains(&s)))
}
