//! `template-placeholder`: form text left in: a value of `≥**个`, `**%` or `XX`, or a
//! spreadsheet's error value (`#REF!`, `#DIV/0!`) where a formula failed (an error: no target
//! was set), or a name or description still carrying the form's hint (a warning).

use super::{Rule, Say, Sink, indicators};
use crate::model::{Document, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "template-placeholder",
    default: Some(Severity::Error),
    summary: "form text left in (≥**个, **%, XX)",
    summary_zh: "保留了模板占位文字（≥**个、**%、XX）",
    check,
};

const MARKS: &[&str] = &["**", "＊＊", "XX", "xx", "××", "ＸＸ"];

fn has_mark(text: &str) -> bool {
    MARKS.iter().any(|m| text.contains(m))
}

fn check(doc: &Document, sink: &mut Sink) {
    for (scope, _, _, indicator) in indicators(doc) {
        if indicator.target.kind == TargetKind::Placeholder {
            let raw = indicator.target.raw.trim();
            let say = if crate::grammar::target::is_sheet_error(raw) {
                Say {
                    message: format!("the value is the spreadsheet error `{raw}`: the formula behind it failed, and no target is given"),
                    message_zh: format!("指标值为表格错误值“{raw}”，其公式计算失败，未给出目标"),
                    suggestion: "fix the formula or type the planned value (≥4个, ≥95%)".into(),
                    suggestion_zh: "修正公式或直接填写计划值（如≥4个、≥95%）".into(),
                }
            } else if crate::grammar::target::is_damaged_number(raw) {
                Say {
                    message: format!("the value's number cannot be read (`{raw}`: letters where digits stand, as a scan's text layer leaves them)"),
                    message_zh: format!("指标值“{raw}”中的数字无法识别（数字处为字母，多见于扫描件的文字层）"),
                    suggestion: "read the number off the original document and type it".into(),
                    suggestion_zh: "请对照原件填写正确的数值".into(),
                }
            } else {
                Say {
                    message: format!("the value is the form's placeholder `{raw}`: no target was filled in"),
                    message_zh: format!("指标值为模板占位文字“{raw}”，未填写目标"),
                    suggestion: "replace the placeholder with the planned value (≥4个, ≥95%)".into(),
                    suggestion_zh: "将占位文字替换为计划值（如≥4个、≥95%）".into(),
                }
            };
            sink.indicator(scope, indicator, Some(raw), say);
        }
        for (cell, what, what_zh) in [(&indicator.name, "name", "指标名称"), (&indicator.description, "description", "指标描述")] {
            if has_mark(cell) {
                let text = cell.trim();
                let say = Say {
                    message: format!("the {what} still carries the form's hint: `{text}`"),
                    message_zh: format!("{what_zh}保留了模板提示文字：“{text}”"),
                    suggestion: "delete the hint (such as `(≥**个)`) from the cell; the value belongs in 指标值".into(),
                    suggestion_zh: "删除单元格中的提示文字（如“(≥**个)”），指标值应填在指标值栏".into(),
                };
                sink.push(scope, Severity::Warning, &indicator.location, Some(indicator.name.as_str()), Some(text), say);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn placeholders_are_found_in_values_and_names() {
        let doc = document(vec![table(
            1,
            "t",
            &[
                ("产出指标", "数量指标", "景点开发数量( ≥**个 )", "", ">=4个", "b"),
                ("产出指标", "数量指标", "c", "", "≥**个", "d"),
                ("产出指标", "数量指标", "e", "", "≥4个", "f"),
            ],
        )]);
        let found = findings("template-placeholder", &doc);
        let got: Vec<_> = found.iter().map(|f| (f.line, f.severity.as_str())).collect();
        assert_eq!(got, vec![(110, "warning"), (111, "error")]);
    }

    #[test]
    fn a_damaged_number_is_said_to_be_unreadable_not_unfilled() {
        let doc = document(vec![table(1, "t", &[("产出指标", "成本指标", "水电费", "", "M.8万元", "b")])]);
        let found = findings("template-placeholder", &doc);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("cannot be read"), "{}", found[0].message);
    }

    #[test]
    fn filled_forms_are_clean() {
        assert!(lines("template-placeholder", &document(vec![sound(1, "t")])).is_empty());
    }
}
