//! `unknown-category`: a level-1 or level-2 label outside the known vocabularies (the classic
//! form, the 2021 form and the older four-part form). The label is kept as written either way.
//! The level-2s of 投入 / 过程 vary by province and are not checked.

use super::{Rule, Say, Sink, tables};
use crate::grammar::labels;
use crate::model::{Document, Level1, Level2};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "unknown-category",
    default: Some(Severity::Warning),
    summary: "a level-1 or level-2 label outside the known vocabularies",
    summary_zh: "一级或二级指标名称不在规范指标体系内",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    for scope in tables(doc) {
        // A label whose rows were filed under several levels is one label to correct. Sets and
        // one pass over the categories: a table of 30 000 groups must not take quadratic time.
        let mut flagged: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
        let mut filed: std::collections::BTreeMap<&str, Vec<&str>> = std::collections::BTreeMap::new();
        for c in scope.table.categories.iter().filter(|c| c.level1 != Level1::Other) {
            let levels = filed.entry(c.label.trim()).or_default();
            if !levels.contains(&c.level1.as_str()) {
                levels.push(c.level1.as_str());
            }
        }
        for category in &scope.table.categories {
            let label = category.label.trim();
            // By the label's words, not by the level the rows were filed under: a label no form
            // uses (`影响指标`) over 服务对象满意度指标 is filed as satisfaction, and still flagged.
            // A score whose words were lost (`(50分)`) is no label to correct, and nor is an
            // umbrella over level-2s that name the levels (the central investment form's
            // 实施效果指标 over 产出指标 and 效益指标).
            let umbrella = category.children.iter().any(|s| labels::level1(&s.label) != Level1::Other);
            if !label.is_empty() && labels::level1(label) == Level1::Other && !labels::is_score_only(label) && !umbrella && flagged.insert(label) {
                // What its rows were filed under: a framework's group by its words (项目前期工作),
                // or the level its level-2 implies.
                let (read, read_zh) = match filed.get(label).map(|levels| levels.join(", ")).unwrap_or_default() {
                    read if read.is_empty() => (String::new(), String::new()),
                    read => (format!(": read as {read}"), format!("：读作 {read}")),
                };
                sink.table(
                    scope,
                    &category.location,
                    Some(label),
                    Say {
                        message: format!("`{label}` is not a known level-1 category{read}"),
                        message_zh: format!("“{label}”不是规范的一级指标{read_zh}"),
                        suggestion: "use 产出指标, 效益指标 (效果指标), 满意度指标, or 成本指标 (2021 form)".into(),
                        suggestion_zh: "使用产出指标、效益（效果）指标、满意度指标，或成本指标（2021年版）".into(),
                    },
                );
            }
            if matches!(category.level1, Level1::Input | Level1::Process | Level1::Decision | Level1::Other) {
                continue;
            }
            for sub in &category.children {
                let label = sub.label.trim();
                if sub.level2 == Level2::Other && !label.is_empty() {
                    sink.table(
                        scope,
                        &sub.location,
                        Some(label),
                        Say {
                            message: format!("`{label}` is not a known level-2 category of `{}`", category.label.trim()),
                            message_zh: format!("“{label}”不是“{}”下规范的二级指标", category.label.trim()),
                            suggestion: "use the form's level-2 (数量, 质量, 时效, 成本; 经济, 社会, 生态效益, 可持续影响; 服务对象满意度)".into(),
                            suggestion_zh: "使用规范的二级指标（数量、质量、时效、成本；经济、社会、生态效益、可持续影响；服务对象满意度）".into(),
                        },
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn labels_outside_the_vocabularies_are_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[("产出指标", "工作指标", "a", "", "≥3次", "b"), ("影响指标", "数量指标", "c", "", "≥3次", "d"), ("投入指标", "资金到位率", "e", "", "100%", "f")],
        )]);
        assert_eq!(lines("unknown-category", &doc), vec![110, 111]);
    }

    #[test]
    fn a_frameworks_group_words_are_flagged_with_what_they_were_read_as() {
        // As the reader filed them: a group by its words, one by the level its level-2 implies.
        let mut doc = document(vec![table(1, "t", &[("项目前期工作", "", "a", "", "", "b"), ("组织管理", "质量指标", "c", "", "", "d")])]);
        let categories = &mut doc.sections[0].tables[0].categories;
        (categories[0].level1, categories[1].level1) = (crate::model::Level1::Decision, crate::model::Level1::Output);
        let messages: Vec<String> =
            crate::review::review(&doc, &Default::default()).into_iter().filter(|f| f.rule == "unknown-category").map(|f| f.message).collect();
        assert_eq!(
            messages,
            ["`项目前期工作` is not a known level-1 category: read as decision", "`组织管理` is not a known level-1 category: read as output"]
        );
    }

    #[test]
    fn a_label_over_several_levels_is_flagged_once_and_an_umbrella_not_at_all() {
        let doc = document(vec![table(
            1,
            "t",
            &[("绩效指标", "数量指标", "a", "", "≥3次", "b"), ("", "社会效益指标", "c", "", "提高", "d"), ("实施效果指标", "产出指标", "e", "", "1个", "f")],
        )]);
        assert_eq!(lines("unknown-category", &doc), vec![110]);
    }

    #[test]
    fn the_known_forms_are_clean() {
        let doc = document(vec![
            sound(1, "t"),
            table(2, "2021", &[("成本指标", "经济成本指标", "a", "", "≤10万元", "b"), ("效益指标", "可持续影响指标", "c", "", "长期", "d")]),
        ]);
        assert!(lines("unknown-category", &doc).is_empty());
    }
}
