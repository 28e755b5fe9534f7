//! `unnamed-indicator`: a value or a description with no level-3 name.

use super::{Rule, Say, Sink, indicators};
use crate::model::{Document, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "unnamed-indicator",
    default: Some(Severity::Warning),
    summary: "a value or description without a level-3 indicator name",
    summary_zh: "有指标值或描述，但缺少三级指标名称",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, _, indicator) in indicators(doc) {
        let content = indicator.target.kind != TargetKind::Empty || !indicator.description.trim().is_empty();
        if indicator.name.trim().is_empty() && content {
            let text = if indicator.description.trim().is_empty() { indicator.target.raw.trim() } else { indicator.description.trim() };
            sink.indicator(
                scope,
                indicator,
                Some(text),
                Say {
                    message: format!("the indicator `{text}` has no level-3 name"),
                    message_zh: format!("“{text}”缺少三级指标名称"),
                    suggestion: "name the indicator in the 三级指标 column (e.g. 培训计划完成率), so that it can be scored and compared".into(),
                    suggestion_zh: "在三级指标栏填写指标名称（如“培训计划完成率”），以便评分和比较".into(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn a_value_without_name_is_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[("效果指标", "社会效益指标", "", "享受保险基金补助覆盖年", "100%", "依据"), ("效果指标", "社会效益指标", "", "", "≥90%", "")],
        )]);
        assert_eq!(lines("unnamed-indicator", &doc), vec![110, 111]);
    }

    #[test]
    fn named_rows_are_clean() {
        assert!(lines("unnamed-indicator", &document(vec![sound(1, "t")])).is_empty());
    }
}
