//! `impossible-date`: a target written as a date that does not exist (`2023年2月30日`,
//! `2023年13月底前`). It is no date, so no deadline: the text is kept as words, and this says why.

use super::{Rule, Say, Sink, indicators};
use crate::grammar::date::impossible;
use crate::model::{Document, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "impossible-date",
    default: Some(Severity::Error),
    summary: "a date that does not exist (2023年2月30日, 2023年13月底前)",
    summary_zh: "日期不存在（如2023年2月30日、2023年13月底前）",
    check,
};

/// Whether a target is a date that does not exist, and why: read as words (no date was read).
pub(crate) fn why(target: &crate::model::Target) -> Option<(String, String)> {
    if target.kind != TargetKind::Qualitative {
        return None;
    }
    impossible(&target.raw)
}

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, _, indicator) in indicators(doc) {
        if let Some((why, why_zh)) = why(&indicator.target) {
            let raw = indicator.target.raw.trim();
            sink.indicator(
                scope,
                indicator,
                Some(raw),
                Say {
                    message: format!("`{raw}` is not a date: {why}; no deadline can be met or missed"),
                    message_zh: format!("“{raw}”不是有效日期：{why_zh}，无法据以判断是否按期完成"),
                    suggestion: "write the date the work is due (2023年12月底前, say)".into(),
                    suggestion_zh: "填写实际的完成期限（如2023年12月底前）".into(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn dates_that_do_not_exist_are_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[
                ("产出指标", "时效指标", "a", "", "2023年2月30日", "b"),
                ("产出指标", "数量指标", "c", "", "2023年13月底前", "d"),
                ("产出指标", "时效指标", "e", "", "2024年2月29日前", "f"),
                ("产出指标", "时效指标", "g", "", "2023年12月底前", "h"),
                ("产出指标", "质量指标", "i", "", "明显提高", "j"),
            ],
        )]);
        assert_eq!(lines("impossible-date", &doc), vec![110, 111]);
        let found = findings("impossible-date", &doc);
        assert!(found[0].message.contains("2023年2月 has no day 30"), "{}", found[0].message);
        assert!(found[1].message.contains("there is no month 13"), "{}", found[1].message);
        // Reported as an impossible date, not as words in a 数量指标.
        assert!(lines("qualitative-quantity", &doc).is_empty());
    }

    #[test]
    fn real_dates_are_clean() {
        assert!(lines("impossible-date", &document(vec![sound(1, "t")])).is_empty());
    }
}
