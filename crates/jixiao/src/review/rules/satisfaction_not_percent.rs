//! `satisfaction-not-percent`: a 满意度 value that is not a percentage. Satisfaction is
//! measured by survey, as the share of those served who are satisfied.

use super::{Rule, Say, Sink, indicators};
use crate::model::{Document, Level1, Level2, Target, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "satisfaction-not-percent",
    default: Some(Severity::Warning),
    summary: "a satisfaction value that is not a percentage",
    summary_zh: "满意度指标值不是百分比",
    check,
};

fn is_percent(target: &Target) -> bool {
    match target.kind {
        TargetKind::Quantity | TargetKind::Range => target.unit.as_deref() == Some("%"),
        TargetKind::Compound => target.parts.iter().all(|p| p.unit.as_deref() == Some("%")),
        _ => false,
    }
}

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, category, sub, indicator) in indicators(doc) {
        let satisfaction = category.level1 == Level1::Satisfaction || sub.level2 == Level2::ServiceSatisfaction;
        // No value, 根据实际 and form text have rules of their own.
        let judged = !matches!(indicator.target.kind, TargetKind::Empty | TargetKind::AsActual | TargetKind::Placeholder);
        if satisfaction && judged && !is_percent(&indicator.target) {
            let raw = indicator.target.raw.trim();
            sink.indicator(
                scope,
                indicator,
                Some(raw),
                Say {
                    message: format!("a satisfaction target that is not a percentage: `{raw}`"),
                    message_zh: format!("满意度指标值“{raw}”不是百分比"),
                    suggestion: "state the share of those served who are satisfied, from a survey (≥90%)".into(),
                    suggestion_zh: "填写通过调查得到的服务对象满意比例（如≥90%）".into(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn words_and_counts_under_satisfaction_are_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[
                ("满意度指标", "服务对象满意度指标", "a", "", "明显增强", "b"),
                ("满意度指标", "服务对象满意度指标", "c", "", "≥100篇", "d"),
                ("满意度指标", "服务对象满意度指标", "e", "", ">90%", "f"),
                ("满意度指标", "服务对象满意度指标", "g", "", "", "h"),
                ("满意度指标", "服务对象满意度指标", "i", "", "90%-95%", "j"),
            ],
        )]);
        assert_eq!(lines("satisfaction-not-percent", &doc), vec![110, 111]);
    }

    #[test]
    fn percentages_are_clean() {
        assert!(lines("satisfaction-not-percent", &document(vec![sound(1, "t")])).is_empty());
    }
}
