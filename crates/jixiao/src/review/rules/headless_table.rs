//! `headless-table`: a table whose copy has no header row (the tail of a table whose header is
//! on an earlier page), its columns read by what their cells hold: levels, names, signs,
//! targets, units, results and weights by their words and numbers, not by the form's labels.
//! Such a reading can be wrong where a label would have said otherwise (a column of results
//! and one of scores look alike): the reviewer is asked to check it against the form.

use super::{Rule, Say, Sink, table_label, tables};
use crate::model::Document;
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "headless-table",
    default: Some(Severity::Warning),
    summary: "a table with no header row: its columns were read by what their cells hold",
    summary_zh: "表格没有表头行：各列按单元格内容读取",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    for scope in tables(doc) {
        let t = scope.table;
        if !crate::grammar::form::columns::unlabelled(&t.columns) || t.indicators().next().is_none() {
            continue;
        }
        let name = table_label(t);
        sink.table(
            scope,
            scope.start(),
            None,
            Say {
                message: format!(
                    "table `{name}` has no header row (the copy starts below it): its {} columns were read by what their cells hold",
                    t.columns.len()
                ),
                message_zh: format!("“{name}”没有表头行（副本从表头以下开始）：其{}列按单元格内容读取", t.columns.len()),
                suggestion:
                    "check the levels, targets, results and weights against the form, or add its header row (一级指标 | 二级指标 | 三级指标 | 指标值 …)".into(),
                suggestion_zh: "请对照原表核对各级指标、指标值、完成值和分值，或补上表头行（一级指标 | 二级指标 | 三级指标 | 指标值 …）".into(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn a_table_read_without_its_header_is_said_once() {
        let mut headless = table(1, "t", &[("产出指标", "数量指标", "培训人数", "", "≥10人", "")]);
        headless.columns = vec![String::new(); 4];
        let found = findings("headless-table", &document(vec![headless]));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("4 columns"), "{}", found[0].message);
        // A header with labels, or none at all (JSON), or no indicator: nothing to say.
        assert!(lines("headless-table", &with_columns(&["一级指标", "二级指标", "三级指标", "指标值"])).is_empty());
        assert!(lines("headless-table", &with_columns(&[])).is_empty());
        let mut empty = table(1, "t", &[("产出指标", "数量指标", "", "", "", "")]);
        empty.columns = vec![String::new(); 4];
        assert!(lines("headless-table", &document(vec![empty])).is_empty());
    }
}
