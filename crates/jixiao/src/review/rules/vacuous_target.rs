//! `vacuous-target`: a target every result meets (`≥0件`, `≥0%`, `>=0`, `0-100%`).

use super::{Rule, Say, Sink, indicators};
use crate::model::{Comparator, Document, Target, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "vacuous-target",
    default: Some(Severity::Error),
    summary: "a target that any result meets (≥0件, ≥0%, 0-100%)",
    summary_zh: "指标值恒能达到（≥0件、≥0%、0-100%），起不到目标作用",
    check,
};

/// Whether no result, however poor, can miss the target.
pub(crate) fn always_met(target: &Target) -> bool {
    match (target.kind, target.comparator, target.value) {
        (TargetKind::Quantity, Some(Comparator::Ge), Some(v)) => v <= 0.0,
        (TargetKind::Quantity, Some(Comparator::Gt), Some(v)) => v < 0.0,
        // Either order of the bounds: `100%-0%` is `0-100%` written backwards.
        (TargetKind::Range, _, Some(a)) => {
            let b = target.upper.unwrap_or(a);
            a.min(b) <= 0.0 && target.unit.as_deref() == Some("%") && a.max(b) >= 100.0
        }
        _ => false,
    }
}

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, _, indicator) in indicators(doc) {
        if always_met(&indicator.target) {
            let raw = indicator.target.raw.trim();
            sink.indicator(
                scope,
                indicator,
                Some(raw),
                Say {
                    message: format!("`{raw}` is met by any result, even none: it is not a target"),
                    message_zh: format!("指标值“{raw}”任何结果（包括零）都能达到，不构成目标"),
                    suggestion: "state the level the project plans to reach, from the plan or last year's figure (≥120件, say)".into(),
                    suggestion_zh: "按计划或上年实际填写计划达到的水平（如≥120件）".into(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn targets_met_by_anything_are_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[
                ("产出指标", "数量指标", "a", "", "≥0件", "b"),
                ("产出指标", "数量指标", "c", "", ">=0", "d"),
                ("产出指标", "质量指标", "e", "", "0-100%", "f"),
                ("产出指标", "质量指标", "g", "", "≥0.5%", "h"),
                ("产出指标", "数量指标", "i", "", ">0件", "j"),
                ("产出指标", "质量指标", "k", "", "0-5%", "l"),
                ("产出指标", "质量指标", "m", "", "100%-0%", "n"),
                ("产出指标", "质量指标", "o", "", "100%-5%", "p"),
            ],
        )]);
        assert_eq!(lines("vacuous-target", &doc), vec![110, 111, 112, 116]);
    }

    #[test]
    fn real_targets_are_clean() {
        assert!(lines("vacuous-target", &document(vec![sound(1, "t")])).is_empty());
    }
}
