//! Table rows → objective, header and the indicator category tree. Shared by every reader
//! that sees a table as rows of cells, so that the rules (headers decide the columns, merged
//! level-1 cells read empty, skeleton categories stay) live in one place.

use std::collections::BTreeMap;

use crate::grammar::fold::squeeze;
use crate::grammar::labels::{self, ColumnRole, column_role, is_header_row};
use crate::model::{Category, Indicator, Note, SubCategory, Target};

/// One cell: its text exactly as written (paragraphs joined by `\n`) and its first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub line: usize,
}

/// One table row; never empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn line(&self) -> usize {
        self.cells.first().map_or(0, |c| c.line)
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
}

/// What a table's rows hold, ready to go into a [`crate::model::Table`].
#[derive(Debug, Default)]
pub struct TableBody {
    pub objective: Option<String>,
    pub columns: Vec<String>,
    pub categories: Vec<Category>,
}

/// Each column's role and, for extra columns, the key it has in [`Indicator::extra`]. The first
/// column of a role takes it; a second one of the same role is kept as an extra column.
pub fn column_keys(columns: &[String]) -> Vec<(ColumnRole, String)> {
    let mut taken = Vec::new();
    let mut keys: Vec<(ColumnRole, String)> = Vec::with_capacity(columns.len());
    for (i, label) in columns.iter().enumerate() {
        let mut role = column_role(label);
        if role != ColumnRole::Extra && taken.contains(&role) {
            role = ColumnRole::Extra;
        }
        taken.push(role);
        let base = match label.trim() {
            "" => format!("列{}", i + 1),
            l => l.to_owned(),
        };
        let mut key = base.clone();
        let mut n = 2;
        while keys.iter().any(|(_, k)| *k == key) {
            key = format!("{base}#{n}");
            n += 1;
        }
        keys.push((role, key));
    }
    keys
}

fn is_objective_label(cell: &str) -> bool {
    let k = squeeze(cell);
    k.ends_with("目标") && k.chars().count() <= 8 && !k.contains("指标")
}

/// A cell the reader keeps as a note, when it holds anything.
fn note_cell(cell: &Cell, notes: &mut Vec<Note>) {
    if !cell.text.trim().is_empty() {
        notes.push(Note { line: cell.line, text: cell.text.clone() });
    }
}

/// The target text of a row: the value cell, with the sign and unit cells of layout A around it.
pub fn compose_target(sign: &str, value: &str, unit: &str) -> String {
    if value.trim().is_empty() {
        return value.to_owned();
    }
    let sign = sign.trim();
    let sign = if crate::grammar::target::parse(&format!("{sign}1")).sign_given { sign } else { "" };
    format!("{sign}{value}{}", unit.trim())
}

/// The value cell back out of a composed target text (the inverse of [`compose_target`]).
pub fn value_cell<'a>(raw: &'a str, sign: &str, unit: &str) -> &'a str {
    let mut v = raw;
    if let Some(rest) = v.strip_prefix(sign.trim()) {
        v = rest;
    }
    if let Some(rest) = v.strip_suffix(unit.trim()) {
        v = rest;
    }
    v
}

/// Builds a table body from its rows; what fits nowhere becomes notes.
pub fn build(rows: Vec<Row>, notes: &mut Vec<Note>) -> TableBody {
    let mut body = TableBody::default();
    let mut rows = rows.into_iter().filter(|r| !r.cells.is_empty());
    // Before the header: the objective row; anything else is kept as notes.
    for row in rows.by_ref() {
        if is_header_row(row.cells.iter().map(|c| c.text.as_str())) {
            body.columns = row.cells.into_iter().map(|c| c.text).collect();
            break;
        }
        if body.objective.is_none() && is_objective_label(&row.cells[0].text) {
            let texts: Vec<&str> =
                row.cells[1..].iter().map(|c| c.text.as_str()).filter(|t| !t.trim().is_empty()).collect();
            body.objective = Some(texts.join("\n"));
        } else {
            row.cells.iter().for_each(|c| note_cell(c, notes));
        }
    }
    let keys = column_keys(&body.columns);
    let col = |role: ColumnRole| keys.iter().position(|(r, _)| *r == role);
    let (c1, c2, cn, cd, ct, cb, cs, cu) = (
        col(ColumnRole::Level1),
        col(ColumnRole::Level2),
        col(ColumnRole::Name),
        col(ColumnRole::Description),
        col(ColumnRole::Target),
        col(ColumnRole::Basis),
        col(ColumnRole::Sign),
        col(ColumnRole::Unit),
    );
    for row in rows {
        if row.is_blank() && row.cells.len() < 2 {
            continue;
        }
        let line = row.line();
        for extra in row.cells.iter().skip(keys.len()) {
            note_cell(extra, notes);
        }
        let text = |c: Option<usize>| c.and_then(|i| row.cells.get(i)).map_or("", |c| c.text.as_str());
        let (l1, l2) = (text(c1), text(c2));
        if !l1.trim().is_empty() || body.categories.is_empty() {
            let same = body.categories.last().is_some_and(|c| c.label.trim() == l1.trim());
            if !same || body.categories.is_empty() {
                body.categories.push(Category {
                    level1: labels::level1(l1),
                    label: l1.to_owned(),
                    children: Vec::new(),
                    line,
                });
            }
        }
        let mut extra = BTreeMap::new();
        for (i, (role, key)) in keys.iter().enumerate() {
            let t = row.cells.get(i).map_or("", |c| c.text.as_str());
            if matches!(role, ColumnRole::Extra | ColumnRole::Sign | ColumnRole::Unit) && !t.is_empty() {
                extra.insert(key.clone(), t.to_owned());
            }
        }
        let (name, description, value, basis) = (text(cn), text(cd), text(ct), text(cb));
        let holds_anything = [name, description, value, basis].iter().any(|t| !t.trim().is_empty())
            || extra.values().any(|t| !t.trim().is_empty());
        let category = body.categories.last_mut().expect("a category was pushed above");
        // A new level-2 when the label changes; an unlabelled one only when an indicator needs a home.
        let new_sub = match category.children.last() {
            None => !l2.trim().is_empty() || holds_anything,
            Some(s) => !l2.trim().is_empty() && s.label.trim() != l2.trim(),
        };
        if new_sub {
            category.children.push(SubCategory {
                level2: labels::level2(l2),
                label: l2.to_owned(),
                indicators: Vec::new(),
                line,
            });
        }
        if holds_anything {
            let raw = if cs.is_some() || cu.is_some() {
                compose_target(text(cs), value, text(cu))
            } else {
                value.to_owned()
            };
            let sub = category.children.last_mut().expect("a subcategory was pushed above");
            sub.indicators.push(Indicator {
                name: name.to_owned(),
                description: description.to_owned(),
                target: Target::parse(&raw),
                basis: basis.to_owned(),
                line,
                extra,
            });
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, cells: &[&str]) -> Row {
        Row { cells: cells.iter().map(|t| Cell { text: (*t).to_owned(), line }).collect() }
    }

    #[test]
    fn merged_level1_and_skeleton_rows() {
        let rows = vec![
            row(1, &["绩效目标", "保障运行"]),
            row(3, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(5, &["产出指标", "数量指标", "人数", "≥10人"]),
            row(7, &["", "质量指标", "", ""]),
            row(9, &["效益指标", "社会效益指标", "覆盖", "100%"]),
            row(11, &["", "社会效益指标", "覆盖2", "稳定"]),
        ];
        let mut notes = Vec::new();
        let body = build(rows, &mut notes);
        assert_eq!(body.objective.as_deref(), Some("保障运行"));
        assert_eq!(body.categories.len(), 2);
        assert_eq!(body.categories[0].children.len(), 2);
        assert!(body.categories[0].children[1].indicators.is_empty());
        assert_eq!(body.categories[1].children.len(), 1, "a repeated level-2 label is one category");
        assert_eq!(body.categories[1].children[0].indicators.len(), 2);
        assert!(notes.is_empty());
    }

    #[test]
    fn wider_layout_keeps_every_column() {
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "备注", ""]),
            row(2, &["产出指标", "数量指标", "培训", "≥", "12", "次", "按季度", "x"]),
            row(3, &["", "", "", "", "", "", "", "", "stray"]),
        ];
        let mut notes = Vec::new();
        let body = build(rows, &mut notes);
        let ind = &body.categories[0].children[0].indicators[0];
        assert_eq!(ind.target.raw, "≥12次");
        assert_eq!(ind.target.value, Some(12.0));
        assert_eq!(ind.extra["计算符号"], "≥");
        assert_eq!(ind.extra["备注"], "按季度");
        assert_eq!(ind.extra["列8"], "x");
        assert_eq!(value_cell(&ind.target.raw, "≥", "次"), "12");
        assert_eq!(notes, vec![Note { line: 3, text: "stray".into() }]);
    }
}
