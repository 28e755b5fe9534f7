//! `missing-basis`: a value without its 指标值确定依据, in a table whose layout has that column.

use super::{Rule, Say, Sink, tables};
use crate::grammar::labels::{ColumnRole, column_role};
use crate::model::{Document, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "missing-basis",
    default: Some(Severity::Warning),
    summary: "a value without 指标值确定依据 where the table has that column",
    summary_zh: "有指标值但未填写指标值确定依据",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    for scope in tables(doc) {
        let has_column = scope.table.columns.iter().any(|c| column_role(c.rsplit('/').next().unwrap_or(c)) == ColumnRole::Basis);
        if !has_column {
            continue;
        }
        for (_, _, indicator) in scope.table.indicators() {
            if indicator.target.kind != TargetKind::Empty && indicator.basis.trim().is_empty() {
                let raw = indicator.target.raw.trim();
                sink.indicator(
                    scope,
                    indicator,
                    Some(raw),
                    Say {
                        message: format!("the value `{raw}` has no basis (指标值确定依据)"),
                        message_zh: format!("指标值“{raw}”未填写确定依据"),
                        suggestion: "say where the number comes from: 计划标准, 行业标准, 历史标准 (last year, a three-year average), 预算支出标准".into(),
                        suggestion_zh: "说明指标值的来源：计划标准、行业标准、历史标准（上年值或近三年平均）、预算支出标准".into(),
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn a_value_without_basis_is_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[("产出指标", "数量指标", "a", "", "≥3次", ""), ("产出指标", "数量指标", "b", "", "", ""), ("产出指标", "数量指标", "c", "", "≥3次", "计划标准")],
        )]);
        assert_eq!(lines("missing-basis", &doc), vec![110]);
    }

    #[test]
    fn a_layout_without_the_column_is_clean() {
        let mut t = table(1, "t", &[("产出指标", "数量指标", "a", "", "≥3次", "")]);
        t.columns.retain(|c| c != "指标值确定依据");
        assert!(lines("missing-basis", &document(vec![t])).is_empty());
        assert!(lines("missing-basis", &document(vec![sound(1, "t")])).is_empty());
    }
}
