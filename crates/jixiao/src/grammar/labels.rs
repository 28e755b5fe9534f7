//! Category labels (一级/二级指标) and header labels → their meaning.

use super::fold::squeeze;
use crate::model::{Level1, Level2};

/// The label without white space and without a trailing score in brackets: `产出指标（50分）`.
fn key(label: &str) -> String {
    let s = squeeze(label);
    match s.find(['(', '（']) {
        Some(i) if i > 0 && s.ends_with([')', '）']) => s[..i].to_owned(),
        _ => s,
    }
}

pub fn level1(label: &str) -> Level1 {
    match key(label).as_str() {
        "产出指标" | "产出" => Level1::Output,
        "效果指标" | "效益指标" | "效果" | "效益" => Level1::Effect,
        "满意度指标" | "满意度" => Level1::Satisfaction,
        "成本指标" | "成本" => Level1::Cost,
        _ => Level1::Other,
    }
}

pub fn level2(label: &str) -> Level2 {
    match key(label).as_str() {
        "数量指标" | "数量" => Level2::Quantity,
        "质量指标" | "质量" => Level2::Quality,
        "时效指标" | "时效" => Level2::Timeliness,
        "成本指标" | "成本" => Level2::Cost,
        "经济成本指标" | "经济成本" => Level2::EconomicCost,
        "社会成本指标" | "社会成本" => Level2::SocialCost,
        "生态环境成本指标" | "生态环境成本" | "生态成本指标" | "环境成本指标" => {
            Level2::EcologicalCost
        }
        "经济效益指标" | "经济效益" => Level2::EconomicBenefit,
        "社会效益指标" | "社会效益" => Level2::SocialBenefit,
        "生态效益指标" | "生态效益" | "生态环境效益指标" => Level2::EcologicalBenefit,
        "可持续性影响指标" | "可持续影响指标" | "可持续性影响" | "可持续影响" => {
            Level2::Sustainability
        }
        "服务对象满意度指标" | "服务对象满意度" | "满意度指标" | "社会公众满意度指标" => {
            Level2::ServiceSatisfaction
        }
        _ => Level2::Other,
    }
}

/// What a table column holds, decided by its header label, never by its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    Level1,
    Level2,
    Name,
    Description,
    Target,
    Basis,
    /// 计算符号 — the comparison in a column of its own (layout A).
    Sign,
    /// 计量单位 — the unit in a column of its own (layout A).
    Unit,
    /// Any other column: kept in `Indicator::extra` under its label.
    Extra,
}

pub fn column_role(label: &str) -> ColumnRole {
    let k = key(label);
    match k.as_str() {
        "一级指标" => ColumnRole::Level1,
        "二级指标" => ColumnRole::Level2,
        "三级指标" | "指标名称" | "绩效指标" | "三级指标名称" => ColumnRole::Name,
        "绩效指标描述" | "指标内容" | "指标描述" | "指标解释" | "指标说明" => {
            ColumnRole::Description
        }
        "指标值" | "指标目标值" | "目标值" | "年度指标值" | "当年预期实现值" | "预期目标值"
        | "年度目标值" | "绩效指标值" => ColumnRole::Target,
        "指标值确定依据" | "确定依据" | "指标值设定依据" | "绩效标准" | "指标值依据" => {
            ColumnRole::Basis
        }
        "计算符号" | "符号" | "比较符号" => ColumnRole::Sign,
        "计量单位" | "单位" | "度量单位" => ColumnRole::Unit,
        _ if k.starts_with("一级指标") => ColumnRole::Level1,
        _ => ColumnRole::Extra,
    }
}

/// Whether a row of cells is a table's header row: it names the level-1 or level-3 column and
/// at least one more column jixiao knows.
pub fn is_header_row<'a>(cells: impl IntoIterator<Item = &'a str>) -> bool {
    let roles: Vec<ColumnRole> = cells.into_iter().map(column_role).collect();
    let known = roles.iter().filter(|r| **r != ColumnRole::Extra).count();
    known >= 2 && roles.iter().any(|r| matches!(r, ColumnRole::Level1 | ColumnRole::Name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_effect_names_are_one_level() {
        assert_eq!(level1("效果指标"), Level1::Effect);
        assert_eq!(level1("效益指标"), Level1::Effect);
        assert_eq!(level1("产出指标（50分）"), Level1::Output);
        assert_eq!(level1("成本指标"), Level1::Cost);
        assert_eq!(level1("影响指标"), Level1::Other);
    }

    #[test]
    fn level2_accepts_both_sustainability_spellings() {
        assert_eq!(level2("可持续性影响指标"), Level2::Sustainability);
        assert_eq!(level2("可持续影响指标"), Level2::Sustainability);
        assert_eq!(level2("生态环境成本指标"), Level2::EcologicalCost);
        assert_eq!(level2("新指标"), Level2::Other);
    }

    #[test]
    fn headers_decide_roles() {
        assert!(is_header_row(["一级指标", "二级指标", "三级指标", "指标值"]));
        assert!(!is_header_row(["绩效目标", "保障项目正常运行"]));
        assert_eq!(column_role("一级指标(分值)"), ColumnRole::Level1);
        assert_eq!(column_role("备注"), ColumnRole::Extra);
    }
}
