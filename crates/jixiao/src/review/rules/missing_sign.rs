//! `missing-sign` (off by default): a bare number with no comparator (`100%`, `2000人`), read
//! as `=`; budget systems want the sign stated.

use super::{Rule, Say, Sink, indicators};
use crate::model::{Document, TargetKind};

pub static RULE: Rule = Rule {
    id: "missing-sign",
    default: None,
    summary: "a bare number with no comparison sign (read as =)",
    summary_zh: "数值前未标明比较符号（按“=”理解）",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, _, indicator) in indicators(doc) {
        let target = &indicator.target;
        if target.kind == TargetKind::Quantity && !target.sign_given && !target.comparator_inferred {
            let raw = target.raw.trim();
            sink.indicator(
                scope,
                indicator,
                Some(raw),
                Say {
                    message: format!("`{raw}` gives no sign; it reads as `={raw}`"),
                    message_zh: format!("“{raw}”未标明比较符号，按“={raw}”理解"),
                    suggestion: format!("write the sign that is meant: ≥{raw}, ={raw} or ≤{raw}"),
                    suggestion_zh: format!("写明比较符号：≥{raw}、={raw}或≤{raw}"),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn bare_numbers_are_found_when_turned_on() {
        let doc = document(vec![table(1, "t", &[("产出指标", "数量指标", "a", "", "2000人", "b"), ("产出指标", "数量指标", "c", "", "≥2000人", "d")])]);
        assert_eq!(lines("missing-sign", &doc), vec![110]);
    }

    #[test]
    fn it_is_off_by_default() {
        let doc = document(vec![table(1, "t", &[("产出指标", "数量指标", "a", "", "2000人", "b")])]);
        let all = crate::review::review(&doc, &crate::review::ReviewConfig::new());
        assert!(all.iter().all(|f| f.rule != "missing-sign"));
    }
}
