//! The labelled fields above a table's indicator header (基本信息): who runs the project (主管部门,
//! 实施单位), what it is (项目属性, 项目期), who answers for it (项目负责人, 联系电话) and its money
//! (项目资金(万元): 年度资金总额, 其中:财政拨款, 其他资金). Forms put them one to a row or several
//! label and value pairs in a row; the name (项目名称) and the objective (年度总体目标) have places
//! of their own in the model.

use crate::grammar::labels::key;

/// The labels, as keys (brackets, white space and trailing colons left out; a leading 其中 or
/// level of government too: 其中:财政拨款, 县级主管部门).
const LABELS: &[&str] = &[
    // Who runs it.
    "主管部门",
    "主管部门及代码",
    "主管部门及编码",
    "预算部门",
    "主管部门名称",
    "项目主管部门",
    "业务主管部门",
    "编制单位",
    "主管单位",
    "实施部门",
    "实施单位",
    "项目实施单位",
    "执行单位",
    "项目执行单位",
    "项目单位",
    "预算单位",
    "单位名称",
    // What it is.
    "项目属性",
    "项目类型",
    "项目类别",
    "项目分类",
    "项目性质",
    "项目期",
    "项目周期",
    "实施期",
    "项目实施期",
    "实施周期",
    "项目支出实施期",
    "起止时间",
    "项目起止时间",
    "项目编码",
    "项目代码",
    "资金用途",
    "项目级次",
    "项目概述",
    "项目概况",
    "项目必要性说明",
    "项目可行性说明",
    "立项依据",
    "项目立项依据",
    "一级项目名称",
    "二级项目名称",
    "部门名称",
    "部门编码",
    // When it runs.
    "项目开始日期",
    "项目完成日期",
    "项目结束日期",
    "开始日期",
    "完成日期",
    "开始时间",
    "完成时间",
    // Who answers for it.
    "项目负责人",
    "项目负责人及电话",
    "负责人",
    "负责人及电话",
    "项目负责人及联系电话",
    "项目负责人/联系电话",
    "联系人",
    "联系电话",
    "联系人及电话",
    "部门联系人",
    // Its money.
    "项目资金",
    "项目资金申请",
    "项目金额",
    "项目总投资",
    "资金情况",
    "资金来源",
    "年度资金总额",
    "资金总额",
    "当年资金总额",
    "当年预算",
    "年度预算",
    "年度资金",
    "财政拨款",
    "当年财政拨款",
    "财政资金",
    "其他资金",
    "当年其他资金",
    "上年结转",
    "上年结转资金",
    "自筹资金",
    "中央补助",
    "中央补助资金",
    "省级补助",
    "省级补助资金",
    "市级补助",
    "县级补助",
    "本级财政资金",
    // Jiangsu's form names each source of the 财政拨款.
    "一般公共预算资金",
    "政府性基金",
    "财政专户管理资金",
    "国有资本金",
    "社保基金",
];

/// The levels of government a label may name first (`地方主管部门`, `县级主管部门`).
const LEVELS: &[&str] = &["中央", "地方", "省级", "市级", "县级", "区级", "乡镇"];

/// Whether a cell is the label of the objective's row above the header (年度绩效目标, 总体目标).
pub fn is_objective_label(cell: &str) -> bool {
    let k = crate::grammar::fold::squeeze(cell);
    k.ends_with("目标") && k.chars().count() <= 8 && !k.contains("指标")
}

/// Whether a cell is the label of a field above the header: `实施单位`, `项目资金(万元)`,
/// `其中:财政拨款`, `资金总额:`.
pub fn is_info_label(text: &str) -> bool {
    let k = key(text);
    // A form's mark of a required field (`*联系人`) is no part of the label.
    let k = k.as_str().trim_start_matches(['*', '＊']);
    let k = k.strip_prefix("其中").map_or(k, |rest| rest.trim_start_matches([':', '：']));
    let k = LEVELS.iter().find_map(|level| k.strip_prefix(level).filter(|rest| !rest.is_empty())).unwrap_or(k);
    // A 专项资金 form says 专项 where a project's says 项目 (专项属性, 专项起止时间, 专项负责人);
    // not of its money (`专项资金` is what a 资金来源 cell says).
    LABELS.contains(&k) || k.strip_prefix("专项").is_some_and(|rest| ZHUANXIANG.contains(&rest))
}

/// The fields a 专项 form names with 专项 for 项目: `专项` and one of these.
const ZHUANXIANG: &[&str] = &["属性", "类型", "类别", "性质", "起止时间", "实施期", "周期", "负责人", "负责人及电话", "概况", "概述", "编码", "代码", "级次"];

/// The fields of a row of label and value cells, each label with the cells up to the next
/// label (joined by line breaks), as `(index of the label's cell, value)`; None when the row's
/// first non-empty cell is not a label.
pub fn fields(cells: &[&str]) -> Option<Vec<(usize, String)>> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        if is_info_label(cell) {
            out.push((i, String::new()));
            continue;
        }
        let (_, value) = out.last_mut()?;
        if !value.is_empty() {
            value.push('\n');
        }
        value.push_str(cell);
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_as_forms_write_them() {
        for label in [
            "实施单位",
            "县级主管部门",
            "主管部门\n及编码",
            "主管部门(单位)名称",
            "项目资金 (万元)",
            "其中:当年财政拨款",
            "其中：财政拨款",
            "资金总额:",
            "项目负责人及电话",
            "*联系人:",
            "部门编码:",
            "项目开始日期",
            "项目负责人/ 联系电话",
            "政府性基金",
            "业务主管部门",
            "当年预算",
            "立项依据",
        ] {
            assert!(is_info_label(label), "{label}");
        }
        for text in ["造林司", "35", "一级指标", "年度总体目标", "项目名称", "其中", "绩效指标"] {
            assert!(!is_info_label(text), "{text}");
        }
    }

    #[test]
    fn a_row_of_pairs_is_read_pair_by_pair() {
        let row = ["资金情况(万元)", "资金总额", "35", "其中:财政拨款", "35", "", "其他资金", "0"];
        assert_eq!(fields(&row), Some(vec![(0, String::new()), (1, "35".to_owned()), (3, "35".to_owned()), (6, "0".to_owned())]));
        assert_eq!(fields(&["主管部门", "某局", "某局办公室"]), Some(vec![(0, "某局\n某局办公室".to_owned())]));
        assert_eq!(fields(&["某局", "实施单位", "某局"]), None, "a value before any label: no field row");
        assert_eq!(fields(&["", "实施单位", "某局"]), Some(vec![(1, "某局".to_owned())]));
    }
}
