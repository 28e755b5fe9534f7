//! Generators of documents for the property tests (the JSON, text, .xlsx and CSV round trips).

use std::collections::BTreeMap;

use jixiao::*;
use proptest::prelude::*;

/// Cell text from an alphabet that cannot spell a heading (`第…部分`), a table title (`…表`),
/// a TC field or a tab, which is what a cell of a real table holds.
pub fn words() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[补助人数量质提高率满意度服务经费发放工作完成情况0-9≥%，、（）]{1,12}").unwrap()
}

/// Prose lines that read as what they are: no leading digit, bracket or `一是`.
pub fn sentence() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[补助人数量质提高率满意度服务经费发放工作完成情况，]{2,20}").unwrap().prop_map(|s| s + "。")
}

pub fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => words(),
        1 => (words(), words()).prop_map(|(a, b)| format!("{a}\n{b}")),
        1 => Just(String::new()),
    ]
}

pub const TARGETS: &[&str] = &["≥90%", "100%", "≥38000人", "明显提高", "", "根据实际", "2-3次", "补助1007家庭户，补助1630名被征地农民", "≤5个工作日"];
pub const LEVEL1: &[&str] = &["产出指标", "效益指标", "效果指标", "满意度指标", "成本指标", "影响指标"];
pub const LEVEL2: &[&str] = &["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "服务对象满意度指标", "新指标"];

pub fn indicator(with_extra: bool) -> impl Strategy<Value = Indicator> {
    (words(), cell_text(), 0..TARGETS.len(), cell_text(), words()).prop_map(move |(name, description, t, basis, note)| {
        let mut extra = BTreeMap::new();
        if with_extra {
            extra.insert("备注".to_owned(), note);
        }
        Indicator { name, description, target: Target::parse(TARGETS[t]), basis, location: Location::default(), extra, ..Indicator::default() }
    })
}

pub fn category(with_extra: bool) -> impl Strategy<Value = Category> {
    (0..LEVEL1.len(), proptest::collection::vec((0..LEVEL2.len(), proptest::collection::vec(indicator(with_extra), 0..3)), 1..4)).prop_map(|(l1, subs)| {
        let mut children: Vec<SubCategory> = Vec::new();
        let mut level1 = grammar::labels::level1(LEVEL1[l1]);
        for (l2, indicators) in subs {
            // Rows with one label are one category when read back, wherever they stand.
            if children.iter().any(|c| c.label == LEVEL2[l2]) {
                continue;
            }
            let level2 = grammar::labels::level2(LEVEL2[l2]);
            // A label that names no level-1 is read as the level-1 its first level-2 implies.
            if children.is_empty() && grammar::labels::level1(LEVEL1[l1]) == jixiao::Level1::Other {
                level1 = grammar::labels::implied_level1(level2);
            }
            // 满意度 under 效益 reads back as a satisfaction category of its own: not generated there.
            if level1 == jixiao::Level1::Effect && level2 == jixiao::Level2::ServiceSatisfaction {
                continue;
            }
            // Under a label that names no level-1, a level-2 that implies another level-1 than the
            // first one's reads back in a category of its own: not generated there.
            let implied = grammar::labels::implied_level1(level2);
            if grammar::labels::level1(LEVEL1[l1]) == jixiao::Level1::Other
                && grammar::labels::level1(LEVEL2[l2]) == jixiao::Level1::Other
                && implied != jixiao::Level1::Other
                && implied != level1
            {
                continue;
            }
            children.push(SubCategory { level2, label: LEVEL2[l2].into(), indicators, location: Location::default() });
        }
        // A group whose labels say no level is filed by what its indicators' names say
        // (`完成量`, `满意度`): such names are not generated there.
        if level1 == jixiao::Level1::Other {
            for child in &mut children {
                child.indicators.retain(|i| grammar::labels::level1_by_name(&i.name) == jixiao::Level1::Other);
            }
        }
        Category { level1, label: LEVEL1[l1].into(), children, location: Location::default() }
    })
}

pub fn table() -> impl Strategy<Value = Table> {
    (
        any::<bool>(),
        1u32..40,
        words(),
        proptest::option::of(words()),
        proptest::collection::vec(category(false), 0..4),
        proptest::option::of(("[ABC]", 1u32..4)),
    )
        .prop_flat_map(|(wide, number, name, objective, cats, toc)| {
            let cats = if wide { proptest::collection::vec(category(true), 0..3).boxed() } else { Just(cats).boxed() };
            (Just((wide, number, name, objective, toc)), cats)
        })
        .prop_map(|((wide, number, name, objective, toc), categories)| {
            let mut columns: Vec<String> = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"].map(String::from).into();
            if wide {
                columns.push("备注".into());
            }
            let mut merged: Vec<Category> = Vec::new();
            for c in categories {
                if merged.iter().any(|m| m.label == c.label) {
                    continue;
                }
                merged.push(c);
            }
            let title = format!("{number}、{name}绩效目标表");
            Table {
                number: Some(number),
                name,
                toc: toc.map(|(id, level)| Toc { text: title.clone(), switches: format!("\\f {id} \\l {level}"), identifier: Some(id), level: Some(level) }),
                title,
                objective,
                columns,
                categories: merged,
                location: Location::default(),
                ..Table::default()
            }
        })
}

pub fn overview() -> impl Strategy<Value = Overview> {
    (
        sentence(),
        proptest::collection::vec((words(), proptest::collection::vec(sentence(), 0..3)), 0..3),
        proptest::collection::vec((words(), proptest::collection::vec(sentence(), 0..3)), 0..3),
        proptest::collection::vec((words(), proptest::collection::vec(sentence(), 1..3)), 0..3),
        proptest::collection::vec(any::<bool>(), 4),
    )
        .prop_map(|(intro, goals, resp, safe, tocs)| Overview {
            // A part heading's TC field, with a switch jixiao does not read.
            toc: tocs[3].then(|| Toc { text: "部门整体绩效目标".into(), identifier: Some("A".into()), level: None, switches: "\\f A \\n".into() }),
            subheadings: ["（一）总体绩效目标", "（二）分项绩效目标", "（三）工作保障措施"]
                .iter()
                .zip(tocs)
                .map(|(text, toc)| Subheading {
                    text: (*text).into(),
                    toc: toc.then(|| Toc { text: text[9..].into(), identifier: Some("A".into()), level: Some(1), switches: "\\f A \\l 1".into() }),
                    location: Location::default(),
                })
                .collect(),
            heading: "第一部分  部门整体绩效目标".into(),
            intro,
            goals: goals
                .into_iter()
                .enumerate()
                .map(|(i, (title, items))| Goal {
                    number: i as u32 + 1,
                    title: format!("推动{title}"),
                    items: items
                        .into_iter()
                        .enumerate()
                        .map(|(k, text)| GoalItem { number: k as u32 + 1, text, location: Location::default(), inline: false })
                        .collect(),
                    location: Location::default(),
                })
                .collect(),
            responsibilities: resp
                .into_iter()
                .enumerate()
                .map(|(i, (name, d))| Responsibility {
                    number: i as u32 + 1,
                    name: format!("负责{name}"),
                    description: d.join("\n"),
                    location: Location::default(),
                })
                .collect(),
            safeguards: safe
                .into_iter()
                .map(|(title, text)| Safeguard {
                    title: format!("保障{}", title.replace(['，', '、'], "")),
                    text: text.join("\n"),
                    location: Location::default(),
                })
                .collect(),
            location: Location::default(),
        })
}

/// A note's text, often one that a reader would take for structure if it were written as is.
pub fn note_text() -> impl Strategy<Value = String> {
    prop_oneof![
        sentence(),
        words().prop_map(|w| format!("第五部分 {w}")),
        (1u32..40, words()).prop_map(|(n, w)| format!("{n}、{w}绩效目标表")),
        words().prop_map(|w| format!("\t{w}")),
        words().prop_map(|w| format!(" TC {w} \\f B \\l 1 ")),
        words().prop_map(|w| format!("\u{c}{w}")),
        words().prop_map(|w| format!("  \t{w}")),
        words().prop_map(|w| format!("\u{FEFF}{w}")),
        Just("第一部分  部门整体绩效目标".to_owned()),
    ]
}

pub fn document() -> impl Strategy<Value = Document> {
    (
        proptest::option::of(2000i32..2100),
        proptest::option::of(overview()),
        proptest::collection::vec((0usize..3, proptest::collection::vec(table(), 0..3)), 1..3),
    )
        .prop_map(|(year, overview, sections)| {
            let mut doc = Document::new(match year {
                Some(y) => format!("{y}年部门预算绩效信息"),
                None => "部门预算绩效信息".into(),
            });
            doc.year = year;
            doc.overview = overview;
            for (i, (kind, tables)) in sections.into_iter().enumerate() {
                let (heading, kind) =
                    [("专项资金绩效目标", SectionKind::SpecialFund), ("预算项目绩效目标", SectionKind::BudgetProject), ("其他绩效目标", SectionKind::Other)]
                        [kind];
                let number = i as u32 + 2;
                let cn = ["二", "三", "四"][i];
                // Every other part heading carries a TC field (an unreadable one: text quoted).
                let toc = (i % 2 == 1).then(|| Toc { text: heading.into(), identifier: None, level: None, switches: String::new() });
                doc.sections.push(Section {
                    number: Some(number),
                    kind,
                    heading: format!("第{cn}部分  {heading}"),
                    tables,
                    location: Location::default(),
                    toc,
                });
            }
            doc
        })
}
