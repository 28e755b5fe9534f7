//! `stray-digit`: a number glued to words it does not count (`0新区环境稳定`): usually a cell
//! edited over, or a digit typed into the wrong cell.

use super::{Rule, Say, Sink, indicators};
use crate::grammar::fold::fold_char;
use crate::grammar::units::unit_at;
use crate::model::{Document, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "stray-digit",
    default: Some(Severity::Warning),
    summary: "a number glued to words it does not count (0新区环境稳定)",
    summary_zh: "数字与文字粘连，数字不表示数量（如“0新区环境稳定”）",
    check,
};

/// Measure words that make a number before words meaningful (`3级网络`, `2项制度`).
const COUNTERS: &[char] =
    &['级', '项', '类', '种', '批', '轮', '大', '号', '名', '位', '座', '条', '套', '支', '部', '所', '处', '星', '成', '倍', '季', '周', '日', '月', '年'];

/// The digits a text starts with and what follows them, when that is words, not a unit.
fn stray(raw: &str) -> Option<(String, String)> {
    let chars: Vec<char> = raw.trim().chars().map(fold_char).collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let next = *chars.get(digits)?;
    let cjk = ('\u{4e00}'..='\u{9fff}').contains(&next);
    if digits == 0 || !cjk || COUNTERS.contains(&next) || unit_at(&chars, digits).is_some() {
        return None;
    }
    let original: Vec<char> = raw.trim().chars().collect();
    Some((original[..digits].iter().collect(), original[digits..].iter().collect()))
}

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, _, indicator) in indicators(doc) {
        if indicator.target.kind != TargetKind::Qualitative {
            continue;
        }
        if let Some((digits, rest)) = stray(&indicator.target.raw) {
            let raw = indicator.target.raw.trim();
            sink.indicator(
                scope,
                indicator,
                Some(raw),
                Say {
                    message: format!("`{digits}` is glued to `{rest}`, which it does not count"),
                    message_zh: format!("数字“{digits}”与“{rest}”粘连，不表示数量"),
                    suggestion: format!("remove the stray `{digits}`, or give the number its unit and meaning"),
                    suggestion_zh: format!("删除多余的“{digits}”，或写明该数字的单位和含义"),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::stray;

    #[test]
    fn a_glued_digit_is_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[
                ("满意度指标", "服务对象满意度指标", "a", "", "0新区环境稳定", "b"),
                ("产出指标", "质量指标", "c", "", "3级综治网络", "d"),
                ("产出指标", "质量指标", "e", "", "24小时值班", "f"),
                ("产出指标", "质量指标", "g", "", "明显提高", "h"),
            ],
        )]);
        assert_eq!(lines("stray-digit", &doc), vec![110]);
        assert_eq!(stray("０新区"), Some(("０".into(), "新区".into())));
    }

    #[test]
    fn clean_values_are_clean() {
        assert!(lines("stray-digit", &document(vec![sound(1, "t")])).is_empty());
    }
}
