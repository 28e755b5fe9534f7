//! `copied-text`: a value in words that repeats another cell of its row (the name, the
//! description or the basis): the cell was filled by copying, not by setting a target.

use super::{Rule, Say, Sink, indicators, normalized};
use crate::model::{Document, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "copied-text",
    default: Some(Severity::Warning),
    summary: "a value that repeats the name, description or basis of its row",
    summary_zh: "指标值与本行指标名称、描述或依据相同",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, _, indicator) in indicators(doc) {
        if !matches!(indicator.target.kind, TargetKind::Qualitative | TargetKind::Compound) {
            continue;
        }
        let value = normalized(&indicator.target.raw);
        let cells = [(&indicator.name, "name", "三级指标"), (&indicator.description, "description", "指标描述"), (&indicator.basis, "basis", "指标值确定依据")];
        let same: Vec<_> = cells.iter().filter(|(cell, ..)| normalized(cell) == value).collect();
        if value.is_empty() || same.is_empty() {
            continue;
        }
        let en: Vec<&str> = same.iter().map(|c| c.1).collect();
        let zh: Vec<&str> = same.iter().map(|c| c.2).collect();
        let raw = indicator.target.raw.trim();
        sink.indicator(
            scope,
            indicator,
            Some(raw),
            Say {
                message: format!("the value repeats the {} of its row: `{raw}`", en.join(" and ")),
                message_zh: format!("指标值与本行{}相同：“{raw}”", zh.join("、")),
                suggestion: "state the level to reach (a number, or a measurable change such as 投诉率下降10%), not the cell beside it".into(),
                suggestion_zh: "填写要达到的水平（数值，或可衡量的变化，如“投诉率下降10%”），而非复制相邻单元格".into(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn a_value_copied_from_its_row_is_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[
                ("产出指标", "时效指标", "a", "工作正常运转", "村级组织各项工作规范化运转。", "村级组织各项工作规范化运转"),
                ("产出指标", "质量指标", "提高新区精神文明", "", "提高新区精神文明", "b"),
                ("效果指标", "社会效益指标", "c", "补助工作开展", "及时审核、足额发放", "按申报情况，及时审核、足额发放"),
            ],
        )]);
        let found = findings("copied-text", &doc);
        assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), vec![110, 111]);
        assert!(found[0].message.contains("basis"), "{}", found[0].message);
        assert!(found[1].message_zh.contains("三级指标"), "{}", found[1].message_zh);
    }

    #[test]
    fn values_of_their_own_are_clean() {
        assert!(lines("copied-text", &document(vec![sound(1, "t")])).is_empty());
    }
}
