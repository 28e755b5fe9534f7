//! `missing-level1`: a table with no indicator under 产出 or 效益 (errors) or 满意度 (a warning:
//! not every project serves people who can be asked).

use super::{Rule, Say, Sink, tables};
use crate::model::{Document, Level1};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "missing-level1",
    default: Some(Severity::Error),
    summary: "a level-1 category (产出, 效益, 满意度) with no indicator",
    summary_zh: "一级指标（产出、效益、满意度）没有填写指标",
    check,
};

const REQUIRED: &[(Level1, Severity, &str, &str, &str)] = &[
    (
        Level1::Output,
        Severity::Error,
        "产出指标",
        "add at least one output indicator: a 数量指标 (how much is delivered), 质量指标 or 时效指标",
        "至少填写一项产出指标：数量指标（提供多少）、质量指标或时效指标",
    ),
    (
        Level1::Effect,
        Severity::Error,
        "效益指标",
        "add at least one benefit indicator: what changes for society, the economy or the environment, and by how much",
        "至少填写一项效益指标：对社会、经济或生态带来什么变化、变化多少",
    ),
    (
        Level1::Satisfaction,
        Severity::Warning,
        "满意度指标",
        "add a 服务对象满意度指标 (such as ≥90%) when the project serves people, or say why it has none",
        "项目有服务对象的，应填写服务对象满意度指标（如≥90%）；没有的请说明原因",
    ),
];

fn check(doc: &Document, sink: &mut Sink) {
    for scope in tables(doc) {
        for &(level1, severity, name, help, help_zh) in REQUIRED {
            // An evaluation indicator system asks 满意度 under 效益, if at all.
            if level1 == Level1::Satisfaction && super::is_evaluation_system(scope.table) {
                continue;
            }
            let mut categories = scope.table.categories.iter().filter(|c| c.level1 == level1);
            let first = categories.clone().next();
            if categories.any(|c| c.children.iter().any(|s| !s.indicators.is_empty())) {
                continue;
            }
            let (line, text) = match first {
                Some(c) => (&c.location, Some(c.label.as_str())),
                None => (scope.start(), None),
            };
            let say = Say {
                message: format!("no indicator under {name} ({})", level1.as_str()),
                message_zh: format!("{name}下没有指标"),
                suggestion: help.to_owned(),
                suggestion_zh: help_zh.to_owned(),
            };
            sink.push(scope, severity, line, None, text, say);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn a_level1_left_as_skeleton_or_absent_is_found() {
        let doc = document(vec![table(
            1,
            "缺效益",
            &[("产出指标", "数量指标", "培训人次", "参加培训的人次", "≥2000人次", "计划标准"), ("效益指标", "社会效益指标", "", "", "", "")],
        )]);
        let found = findings("missing-level1", &doc);
        let got: Vec<_> = found.iter().map(|f| (f.line, f.severity.as_str(), f.text.as_deref())).collect();
        // 效益 is on the form but empty: pointed at its label; 满意度 is absent: at the title.
        assert_eq!(got, vec![(100, "warning", None), (111, "error", Some("效益指标"))]);
    }

    #[test]
    fn a_table_with_every_level1_is_clean() {
        assert!(findings("missing-level1", &document(vec![sound(1, "培训")])).is_empty());
    }
}
