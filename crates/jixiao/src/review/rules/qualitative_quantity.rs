//! `qualitative-quantity`: a 数量指标 (quantity) whose value is words, not a number.

use super::{Rule, Say, Sink, indicators};
use crate::model::{Document, Level2, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "qualitative-quantity",
    default: Some(Severity::Warning),
    summary: "a 数量指标 whose value is not a number",
    summary_zh: "数量指标的指标值不是数值",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, sub, indicator) in indicators(doc) {
        // A date that does not exist (`2023年13月底前`) is `impossible-date`'s, not words.
        if sub.level2 == Level2::Quantity
            && matches!(indicator.target.kind, TargetKind::Qualitative | TargetKind::Deadline)
            && super::impossible_date::why(&indicator.target).is_none()
        {
            let raw = indicator.target.raw.trim();
            sink.indicator(
                scope,
                indicator,
                Some(raw),
                Say {
                    message: format!("a quantity indicator with a value in words: `{raw}`"),
                    message_zh: format!("数量指标的指标值“{raw}”不是数值"),
                    suggestion: "give the number to deliver with its unit (≥12次, ≥1500人); put words under 质量指标 or 效益指标".into(),
                    suggestion_zh: "填写计划完成的数量及单位（如≥12次、≥1500人）；文字描述应归入质量或效益指标".into(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn words_under_quantity_are_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[
                ("产出指标", "数量指标", "a", "", "按文件要求完成", "b"),
                ("产出指标", "数量指标", "c", "", "≥12次", "d"),
                ("产出指标", "质量指标", "e", "", "明显提高", "f"),
            ],
        )]);
        assert_eq!(lines("qualitative-quantity", &doc), vec![110]);
    }

    #[test]
    fn numbers_under_quantity_are_clean() {
        assert!(lines("qualitative-quantity", &document(vec![sound(1, "t")])).is_empty());
    }
}
