//! Small documents for the rules' tests, built from the model (not from a reader), so that a
//! rule's test says exactly which table it is given.

use crate::grammar::labels;
use crate::model::{Category, Document, Indicator, Location, Places, Section, SectionKind, SubCategory, Table, Target};
use crate::review::{Finding, ReviewConfig, review};

/// One indicator row: 一级 | 二级 | 三级 | 描述 | 指标值 | 依据.
pub type Row<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str);

/// A table numbered `number` from rows; consecutive rows with the same labels share a category.
pub fn table(number: u32, name: &str, rows: &[Row<'_>]) -> Table {
    let mut table = Table {
        number: Some(number),
        name: name.to_owned(),
        title: format!("{number}、{name}绩效目标表"),
        columns: ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"].map(String::from).to_vec(),
        location: Location::line(number as usize * 100),
        ..Table::default()
    };
    for (k, &(l1, l2, name, description, target, basis)) in rows.iter().enumerate() {
        let line = Location::line(table.location.line_number().unwrap_or(0) + 10 + k);
        if table.categories.last().is_none_or(|c| c.label != l1) {
            table.categories.push(Category { level1: labels::level1(l1), label: l1.to_owned(), children: Vec::new(), location: line.clone() });
        }
        let category = table.categories.last_mut().expect("pushed above");
        if category.children.last().is_none_or(|s| s.label != l2) {
            category.children.push(SubCategory { level2: labels::level2(l2), label: l2.to_owned(), indicators: Vec::new(), location: line.clone() });
        }
        let sub = category.children.last_mut().expect("pushed above");
        if !(name.is_empty() && description.is_empty() && target.is_empty() && basis.is_empty()) {
            sub.indicators.push(Indicator {
                name: name.to_owned(),
                description: description.to_owned(),
                target: Target::parse(target),
                basis: basis.to_owned(),
                location: line.clone(),
                ..Indicator::default()
            });
        }
    }
    table
}

/// A sound table: every level-1 covered, every value measurable.
pub fn sound(number: u32, name: &str) -> Table {
    table(
        number,
        name,
        &[
            ("产出指标", "数量指标", "培训人次", "参加培训的人次", "≥2000人次", "计划标准"),
            ("效果指标", "社会效益指标", "培训计划完成率", "按期完成的培训计划占比", "≥90%", "历史标准"),
            ("满意度指标", "服务对象满意度指标", "学员满意度", "受训学员满意度", "≥90%", "行业标准"),
        ],
    )
}

/// A document with one part (第二部分 专项资金) holding these tables; the k-th table (from 1)
/// starts at line 100·k, whatever its number.
/// A document of one sound table whose header is `columns`.
pub fn with_columns(columns: &[&str]) -> Document {
    let mut t = sound(1, "t");
    t.columns = columns.iter().map(|c| (*c).to_owned()).collect();
    document(vec![t])
}

pub fn document(mut tables: Vec<Table>) -> Document {
    for (k, table) in tables.iter_mut().enumerate() {
        let start = (k + 1) * 100;
        let from = table.location.line_number().unwrap_or(0);
        table.places_mut(&mut |l| {
            if let Some(line) = l.line_number() {
                *l = Location::line(line.saturating_sub(from) + start);
            }
        });
    }
    let mut doc = Document::new("2020年部门预算绩效信息");
    doc.sections.push(Section {
        number: Some(2),
        kind: SectionKind::SpecialFund,
        heading: "第二部分 专项资金绩效目标".into(),
        tables,
        location: Location::line(50),
        toc: None,
    });
    doc
}

/// The findings of one rule, at its default setting (or turned on when it is off by default).
pub fn findings(rule: &str, doc: &Document) -> Vec<Finding> {
    let mut config = ReviewConfig::new();
    if crate::review::rules::rule(rule).is_some_and(|r| r.default.is_none()) {
        config.set(rule, crate::review::Level::Info).expect("a known rule");
    }
    review(doc, &config).into_iter().filter(|f| f.rule == rule).collect()
}

/// The lines of one rule's findings.
pub fn lines(rule: &str, doc: &Document) -> Vec<usize> {
    findings(rule, doc).iter().map(|f| f.line).collect()
}
