//! `percent-over-100`: `≥100%` (met only at exactly 100 %), `>100%` (never met by a share),
//! or any percentage above 100.

use super::{Rule, Say, Sink, indicators};
use crate::model::{Comparator, Document, Target, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "percent-over-100",
    default: Some(Severity::Warning),
    summary: "≥100%, >100% or a percentage above 100",
    summary_zh: "指标值为≥100%、>100%或超过100%的比率",
    check,
};

/// The first number of a text as written (`≥99.999999999999999999%` → `99.999999999999999999`),
/// without thousands commas: the digits a float cannot hold.
fn number_text(raw: &str) -> Option<String> {
    let s: String = raw.chars().map(crate::grammar::fold::fold_char).filter(|c| !c.is_whitespace()).collect();
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let mut seen_point = false;
    let text: String = s[start..]
        .chars()
        .take_while(|&c| {
            let point = c == '.' && !seen_point;
            seen_point |= point;
            c.is_ascii_digit() || c == ',' || point
        })
        .filter(|c| *c != ',')
        .collect();
    Some(text)
}

/// How a number written in decimal compares with 100, on its digits: `99.999999999999999999`
/// is below 100 although it reads as the float 100.0.
fn against_100(text: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let int = int.trim_start_matches('0');
    let by_int = int.len().cmp(&3).then_with(|| int.cmp("100"));
    match by_int {
        Equal if frac.bytes().any(|b| b != b'0') => Greater,
        other => other,
    }
}

/// What is wrong with a percentage target, in English and Chinese; None when nothing is.
fn defect(target: &Target) -> Option<(&'static str, &'static str, &'static str, &'static str)> {
    if target.unit.as_deref() != Some("%") || !matches!(target.kind, TargetKind::Quantity | TargetKind::Range) {
        return None;
    }
    let value = target.value?;
    let top = target.upper.unwrap_or(value);
    // Exactly 100, and at least 100, judged on the digits as written where the float is 100.0.
    let written = || number_text(&target.raw).map(|t| against_100(&t));
    let exactly_100 = value == 100.0 && written().is_none_or(|o| o == std::cmp::Ordering::Equal);
    let at_least_100 = value > 100.0 || (value == 100.0 && written().is_none_or(|o| o != std::cmp::Ordering::Less));
    match target.comparator {
        Some(Comparator::Ge) if target.kind == TargetKind::Quantity && exactly_100 => Some((
            "only exactly 100% meets it",
            "只有恰好100%才能达到",
            "write =100%, or the level actually planned (≥95%, say)",
            "写作“=100%”，或填写实际计划的水平（如≥95%）",
        )),
        Some(Comparator::Gt) if at_least_100 => Some((
            "a share cannot be more than 100%: the target can never be met",
            "比率不可能超过100%，该目标永远无法达到",
            "write =100% or ≥ a level below it; for growth, say growth (增长率) and give the base",
            "写作“=100%”或低于100%的水平；如指增长，请写明增长率及基数",
        )),
        _ if top > 100.0 => Some((
            "a rate above 100%: a share cannot exceed the whole",
            "比率超过100%，占比不可能超过全部",
            "check the value; if it is a growth or an over-fulfilment rate, name it so (增长率, 超额完成率)",
            "请核对指标值；如为增长率或超额完成率，请在指标名称中写明",
        )),
        _ => None,
    }
}

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, _, indicator) in indicators(doc) {
        if let Some((message, message_zh, suggestion, suggestion_zh)) = defect(&indicator.target) {
            let raw = indicator.target.raw.trim();
            sink.indicator(
                scope,
                indicator,
                Some(raw),
                Say {
                    message: format!("`{raw}`: {message}"),
                    message_zh: format!("“{raw}”：{message_zh}"),
                    suggestion: suggestion.into(),
                    suggestion_zh: suggestion_zh.into(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn impossible_and_exact_only_percentages_are_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[
                ("产出指标", "质量指标", "a", "", "≥100%", "b"),
                ("产出指标", "质量指标", "c", "", ">100%", "d"),
                ("产出指标", "质量指标", "e", "", "120%", "f"),
                ("产出指标", "质量指标", "g", "", "=100%", "h"),
                ("产出指标", "质量指标", "i", "", "≥95%", "j"),
                ("产出指标", "数量指标", "k", "", "≥100人", "l"),
                ("产出指标", "质量指标", "m", "", "95%-105%", "n"),
                // Read as the float 100.0, written below 100: neither ≥100% nor >100%.
                ("产出指标", "质量指标", "o", "", "≥99.999999999999999999%", "p"),
                ("产出指标", "质量指标", "q", "", ">99.999999999999999999%", "r"),
                ("产出指标", "质量指标", "s", "", "≥100.000%", "t"),
            ],
        )]);
        assert_eq!(lines("percent-over-100", &doc), vec![110, 111, 112, 116, 119]);
    }

    #[test]
    fn a_hundred_is_judged_on_its_digits() {
        use super::against_100;
        use std::cmp::Ordering::*;
        for (text, want) in [
            ("100", Equal),
            ("100.000", Equal),
            ("0100", Equal),
            ("99.999999999999999999", Less),
            ("100.0000000000000000001", Greater),
            ("1000", Greater),
            ("7", Less),
            ("", Less),
        ] {
            assert_eq!(against_100(text), want, "{text}");
        }
    }

    #[test]
    fn plain_percentages_are_clean() {
        assert!(lines("percent-over-100", &document(vec![sound(1, "t")])).is_empty());
    }
}
