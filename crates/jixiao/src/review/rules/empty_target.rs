//! `empty-target`: an indicator with a name or a description but no value. Not asked of a table
//! with no target column (`no-target-column` reports it once) or of an evaluation indicator
//! system, which sets no targets.

use super::{Rule, Say, Sink, tables};
use crate::model::{Document, TargetKind};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "empty-target",
    default: Some(Severity::Error),
    summary: "an indicator with a name or description but no target value",
    summary_zh: "指标有名称或描述，但未填指标值",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    // The table's questions once per table, not per indicator: `lacks_target` reads the header,
    // which a sheet with one far cell makes 16,384 columns wide (100 rows took 3.7 s).
    for scope in tables(doc) {
        if super::is_evaluation_system(scope.table) || super::no_target_column::lacks_target(scope.table) {
            continue;
        }
        for (_, _, indicator) in scope.table.indicators() {
            row(scope, indicator, sink);
        }
    }
}

/// One indicator asked: a name or a description, and no value.
fn row(scope: super::Scope<'_>, indicator: &crate::model::Indicator, sink: &mut Sink) {
    let named = !indicator.name.trim().is_empty() || !indicator.description.trim().is_empty();
    if !named || indicator.target.kind != TargetKind::Empty {
        return;
    }
    let what = if indicator.name.trim().is_empty() { indicator.description.trim() } else { indicator.name.trim() };
    sink.indicator(
        scope,
        indicator,
        Some(what),
        Say {
            message: format!("`{what}` has no target value"),
            message_zh: format!("“{what}”未填指标值"),
            suggestion: "fill in the value to reach, with a sign and a unit (≥95%, ≥120人), or delete the row".into(),
            suggestion_zh: "填写要达到的指标值（含符号和单位，如≥95%、≥120人），或删除该行".into(),
        },
    );
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn a_named_row_without_value_is_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[("产出指标", "数量指标", "培训人次", "参加培训的人次", "", "计划标准"), ("产出指标", "数量指标", "", "只有描述", "—", "")],
        )]);
        assert_eq!(lines("empty-target", &doc), vec![110, 111]);
    }

    #[test]
    fn a_table_without_a_target_column_or_setting_none_is_not_asked_per_row() {
        let rows: &[Row<'_>] = &[("产出指标", "数量指标", "培训人次", "参加培训的人次", "", "")];
        let mut headless = table(1, "t", rows);
        headless.columns = ["一级指标", "二级指标", "三级指标", "考评等级"].map(String::from).to_vec();
        assert!(lines("empty-target", &document(vec![headless])).is_empty());
        assert_eq!(lines("empty-target", &document(vec![table(1, "t", rows)])), [110], "with its 指标值 column, the row is asked");
        let system = table(1, "某项目绩效评价指标体系", rows);
        assert!(lines("empty-target", &document(vec![system])).is_empty());
        let decision = table(1, "t", &[("决策指标", "项目立项", "立项依据充分性", "", "", "")]);
        assert!(lines("empty-target", &document(vec![decision])).is_empty());
    }

    #[test]
    fn filled_values_are_clean() {
        assert!(lines("empty-target", &document(vec![sound(1, "t")])).is_empty());
    }
}
