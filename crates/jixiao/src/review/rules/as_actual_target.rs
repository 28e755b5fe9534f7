//! `as-actual-target`: `根据实际…` / `据实…` is a promise to report, not a target.

use super::{Rule, Say, Sink, indicators};
use crate::model::{Document, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "as-actual-target",
    default: Some(Severity::Error),
    summary: "a value that defers to the outcome (根据实际…) instead of setting a target",
    summary_zh: "指标值为“根据实际…”，未设定目标",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, _, indicator) in indicators(doc) {
        if indicator.target.kind == TargetKind::AsActual {
            let raw = indicator.target.raw.trim();
            sink.indicator(
                scope,
                indicator,
                Some(raw),
                Say {
                    message: format!("`{raw}` sets no target: any outcome would meet it"),
                    message_zh: format!("“{raw}”没有设定目标，任何结果都算完成"),
                    suggestion: "estimate the value from past years or the plan (last year's count, a three-year average) and state it".into(),
                    suggestion_zh: "根据历年情况或工作计划（如上年实际数、近三年平均数）测算并填写指标值".into(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn as_actual_values_are_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[
                ("产出指标", "数量指标", "a", "", "根据实际", "b"),
                ("产出指标", "质量指标", "c", "", "根据实际情况完成救助工作", "d"),
                ("产出指标", "质量指标", "e", "", "100%", "f"),
            ],
        )]);
        assert_eq!(lines("as-actual-target", &doc), vec![110, 111]);
    }

    #[test]
    fn set_values_are_clean() {
        assert!(lines("as-actual-target", &document(vec![sound(1, "t")])).is_empty());
    }
}
