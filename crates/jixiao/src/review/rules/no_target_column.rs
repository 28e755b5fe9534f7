//! `no-target-column`: a table with indicator rows where no column takes the target role (指标值,
//! 目标值, 指标值及单位 …, or a column for each place: 笏石街道办 | 埭头镇). Every target then
//! reads empty: the header is one the vocabulary does not know, or the target column was left
//! out. One finding for the table, naming its columns.
//! An evaluation indicator system (评价指标体系: 决策 / 过程 / 产出 / 效益 with 权重 and
//! 评分标准) scores indicators and sets no targets: it is not asked for one.

use super::{Rule, Say, Sink, table_label, tables};
use crate::grammar::labels::ColumnRole;
use crate::model::{Document, Table};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "no-target-column",
    default: Some(Severity::Error),
    summary: "a table with indicator rows but no column that holds the target (指标值): every target reads empty",
    summary_zh: "表中有指标行，但没有指标值列：所有指标值均读为空",
    check,
};

/// Whether the table's header names no target column (a 完成时间 column gives deadlines as targets). False when the table has no header to
/// judge (a table built from JSON may carry none) or no indicator.
pub fn lacks_target(table: &Table) -> bool {
    if table.columns.iter().all(|c| c.trim().is_empty()) || table.indicators().next().is_none() {
        return false;
    }
    let keys = crate::grammar::form::columns::column_keys(&table.columns);
    !super::is_evaluation_system(table)
        && !keys.iter().any(|(role, _)| matches!(role, ColumnRole::Target | ColumnRole::Due))
        // Values set per place, in a column for each (笏石街道办 | 埭头镇).
        && crate::grammar::form::columns::place_columns(&keys).is_empty()
}

fn check(doc: &Document, sink: &mut Sink) {
    for scope in tables(doc) {
        if !lacks_target(scope.table) {
            continue;
        }
        let name = table_label(scope.table);
        let columns: Vec<&str> = scope.table.columns.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        let columns = columns.join(" | ");
        sink.table(
            scope,
            scope.start(),
            Some(&columns),
            Say {
                message: format!("table `{name}` has indicator rows but no target column (指标值) among its columns `{columns}`: every target reads empty"),
                message_zh: format!("“{name}”有指标行，但表头“{columns}”中没有指标值列：所有指标值均读为空"),
                suggestion: "label the column that holds the values 指标值 (or 目标值, 年度指标值), or add it".into(),
                suggestion_zh: "将填写指标值的列命名为“指标值”（或“目标值”“年度指标值”），或补充该列".into(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn a_table_without_a_target_column_is_found_once() {
        let doc = with_columns(&["一级指标", "二级指标", "三级指标", "考评等级", "备注"]);
        let found = findings("no-target-column", &doc);
        assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), [100]);
        assert!(found[0].message.contains("考评等级"), "{}", found[0].message);
        assert_eq!(found[0].severity, crate::review::Severity::Error);
    }

    #[test]
    fn target_columns_by_any_name_are_clean() {
        for target in ["指标值", "指标值及单位", "目标值(标准)", "年度指标值/指标值", "考核标准"] {
            assert!(lines("no-target-column", &with_columns(&["一级指标", "二级指标", "三级指标", target])).is_empty(), "{target}");
        }
        // A 完成时间 column gives each row its deadline as the target.
        assert!(lines("no-target-column", &with_columns(&["一级指标", "二级指标", "三级指标", "完成时间"])).is_empty());
        // A column for each place a transfer goes to holds its value there.
        assert!(lines("no-target-column", &with_columns(&["一级指标", "二级指标", "三级指标", "指标方向", "笏石街道办", "埭头镇"])).is_empty());
        // Only a mid-term block is no annual target.
        assert_eq!(lines("no-target-column", &with_columns(&["一级指标", "二级指标", "三级指标", "中期指标值"])).len(), 1);
    }

    #[test]
    fn no_header_no_indicators_and_evaluation_systems_are_not_asked() {
        assert!(lines("no-target-column", &with_columns(&[])).is_empty());
        let mut empty = table(1, "t", &[("产出指标", "数量指标", "", "", "", "")]);
        empty.columns = vec!["一级指标".into(), "二级指标".into(), "三级指标".into()];
        assert!(lines("no-target-column", &document(vec![empty])).is_empty());
        let mut system = sound(1, "某项目绩效评价指标体系");
        system.columns = ["一级指标", "二级指标", "三级指标", "权重", "指标解释", "评分标准"].map(String::from).to_vec();
        assert!(lines("no-target-column", &document(vec![system])).is_empty());
    }
}
