//! `unknown-column`: a header label jixiao does not know (`一级分类` for `一级指标`). Its cells are
//! kept, in each indicator's `extra` under that label, but read as nothing else: a mistyped
//! 一级指标 leaves every category unnamed. Columns that forms add for remarks and scoring
//! (备注, 评分标准 …) and group labels left of the level-1 column are known extras. A column whose
//! role its cells decided (指標類型 over 產出指標 / 成效指標; the levels and names before a header
//! that names only its values) is still named, with what it was read as.

use super::{Rule, Say, Sink, tables};
use crate::grammar::form::columns::table_keys;
use crate::grammar::labels::{ColumnRole, column_role, framework_columns, is_form_extra, key, unscrambled};
use crate::model::Document;
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "unknown-column",
    default: Some(Severity::Warning),
    summary: "a header label jixiao does not know: its cells are kept in extra and read as nothing else",
    summary_zh: "表头列名无法识别：该列内容保留在 extra 中，不作为指标字段读取",
    check,
};

/// Columns forms add beside the indicator columns, compared by [`key`] (no brackets or spaces).
const KNOWN_EXTRAS: &[&str] = &[
    "备注",
    "说明",
    "序号",
    "评分标准",
    "评扣分标准",
    "扣分标准",
    "评分细则",
    "评分办法",
    "评分规则",
    "指标值说明",
    "数据来源",
    "计算公式",
    "计算方法",
    "考核方式",
    "佐证材料",
    "证明材料",
];

fn check(doc: &Document, sink: &mut Sink) {
    for scope in tables(doc) {
        let columns = &scope.table.columns;
        // The roles the cells decided too (a level-1 column headed 指標類型 holds level-1 words).
        let keys = table_keys(scope.table, columns);
        // Group labels (`绩效指标(90分)`) stand left of the 一级指标 column; with none, a column
        // there may be the 一级指标 mislabelled, and is checked like the others.
        let first = keys.iter().position(|(r, _)| *r == ColumnRole::Level1).unwrap_or(0);
        // An evaluation framework's 评价内容 | 评价指标 are known by where they stand together.
        let mut framework: Vec<ColumnRole> = columns.iter().map(|c| column_role(c)).collect();
        framework_columns(columns, &mut framework);
        for ((label, (role, _)), by_header) in columns.iter().zip(&keys).zip(framework).skip(first) {
            let k = key(label);
            if k.is_empty() || by_header != ColumnRole::Extra || KNOWN_EXTRAS.contains(&k.as_str()) || is_form_extra(label) {
                continue;
            }
            let label = label.trim();
            // What the cells decided (指標類型 over 產出指標 / 成效指標 is the level-1), or the
            // known label whose characters it has (考值参分 for 参考分值).
            let scrambled = unscrambled(label).filter(|known| column_role(known) == *role);
            let (read, read_zh): (String, String) = match (scrambled, role) {
                (Some(known), _) => (
                    format!("read as `{known}`, whose characters it has in another order (as a scan's or a PDF's text layer scrambles a cell)"),
                    format!("字序与“{known}”不同（扫描件或 PDF 文本层打乱了字序），按“{known}”读取"),
                ),
                (None, ColumnRole::Level1) => ("read as the level-1 by what its cells hold".into(), "按单元格内容读作一级指标".into()),
                (None, ColumnRole::Level2) => ("read as the level-2 by what its cells hold".into(), "按单元格内容读作二级指标".into()),
                (None, ColumnRole::Name) => ("read as the indicators' names by where it stands".into(), "按位置读作三级指标（指标名称）".into()),
                (None, ColumnRole::Target) => ("read as the target by its word 目标".into(), "按“目标”读作指标值".into()),
                (None, _) => ("its cells are kept in `extra` and read as nothing else".into(), "该列内容保留在 extra 中，不作为指标字段读取".into()),
            };
            sink.table(
                scope,
                scope.start(),
                Some(label),
                Say {
                    message: format!("column `{label}` is not a label jixiao knows: {read}"),
                    message_zh: format!("表头“{label}”无法识别：{read_zh}"),
                    suggestion: "use the form's label (一级指标, 二级指标, 三级指标, 指标值, 指标值确定依据 …) if this column is one of them".into(),
                    suggestion_zh: "如该列是规范列，请使用规范列名（一级指标、二级指标、三级指标、指标值、指标值确定依据等）".into(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn a_mistyped_label_is_found() {
        let doc = with_columns(&["一级分类", "二级指标", "三级指标", "指标值", "考评等级"]);
        assert_eq!(lines("unknown-column", &doc).len(), 2);
    }

    #[test]
    fn known_labels_extras_and_group_labels_are_clean() {
        let doc = with_columns(&["绩效指标(90分)", "一级指标", "二级 指标", "三级指标", "指标值（或计划水平）", "备注", "评（扣）分标准", ""]);
        assert!(lines("unknown-column", &doc).is_empty());
        let doc = with_columns(&["一级指标", "二级指标", "三级指标", "指标值及单位", "备注说明", "评分标准(分)", "指标值说明", "数据来源说明"]);
        assert!(lines("unknown-column", &doc).is_empty());
    }

    #[test]
    fn an_evaluation_frameworks_group_and_indicator_columns_are_known() {
        let doc = with_columns(&["评价内容", "评价指标(分值)", "指标说明", "评分标准"]);
        assert!(lines("unknown-column", &doc).is_empty());
    }
}
