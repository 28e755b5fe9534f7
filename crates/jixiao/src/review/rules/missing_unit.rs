//! `missing-unit`: a number with no unit (`≥5`, `2-3`): five what?

use super::{Rule, Say, Sink, indicators};
use crate::model::{Document, TargetKind};
use crate::review::Severity;

pub static RULE: Rule =
    Rule {
        id: "missing-unit", default: Some(Severity::Warning), summary: "a quantity without a unit", summary_zh: "数值型指标值缺少计量单位", check
    };

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, _, indicator) in indicators(doc) {
        let target = &indicator.target;
        if matches!(target.kind, TargetKind::Quantity | TargetKind::Range) && target.value.is_some() && target.unit.is_none() {
            let raw = target.raw.trim();
            sink.indicator(
                scope,
                indicator,
                Some(raw),
                Say {
                    message: format!("`{raw}` has no unit"),
                    message_zh: format!("指标值“{raw}”缺少计量单位"),
                    suggestion: "add the unit (人, 次, 个, %, 万元 …) after the number, or in the 计量单位 column".into(),
                    suggestion_zh: "在数值后（或计量单位栏）写明单位（人、次、个、%、万元等）".into(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn bare_numbers_are_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[("产出指标", "数量指标", "a", "", "≥5", "b"), ("产出指标", "数量指标", "c", "", "2-3", "d"), ("产出指标", "数量指标", "e", "", "≥5个", "f")],
        )]);
        assert_eq!(lines("missing-unit", &doc), vec![110, 111]);
    }

    #[test]
    fn numbers_with_units_are_clean() {
        assert!(lines("missing-unit", &document(vec![sound(1, "t")])).is_empty());
    }
}
