//! The funds and duties blocks above a table's indicators as the form names their columns
//! (年初预算数 | 全年预算数 | 全年执行数 | 执行率 …; 部门职能 | 年度目标任务 | …), and their cells as a
//! table shows them: the reader takes a block's columns by these roles, the writers lay it out.

use crate::grammar::is_blank;
use crate::grammar::labels::{key, short_key};
use crate::grammar::memo::Memo;
use crate::model::{Duty, Funds};

thread_local! {
    // Every table's header is asked whether it opens a funds block, and a document's tables
    // repeat their labels.
    static FUNDS_ROLE: Memo<FundsRole> = Memo::default();
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundsRole {
    Group,
    Label,
    Initial,
    Adjusted,
    Executed,
    Rate,
    Weight,
    Score,
    Reason,
    Extra,
}

pub fn funds_role(label: &str) -> FundsRole {
    // A two-row header's combined `上/下` label: the lower part decides, else the upper.
    if let Some((upper, lower)) = label.rsplit_once('/')
        && !is_blank(upper)
        && !is_blank(lower)
    {
        return match single_funds_role(lower) {
            FundsRole::Extra => single_funds_role(upper),
            role => role,
        };
    }
    single_funds_role(label)
}

pub fn single_funds_role(label: &str) -> FundsRole {
    FUNDS_ROLE.with(|m| m.get(label, single_funds_role_of))
}

pub fn single_funds_role_of(label: &str) -> FundsRole {
    use FundsRole::*;
    let k = match short_key(label) {
        Ok(k) => k,
        Err(prefix) if prefix.starts_with("预算执行情况") || prefix.starts_with("项目资金") => key(label),
        Err(_) => return Extra,
    };
    match k.as_str() {
        "年初预算" | "年初预算数" => Initial,
        "调整后预算数" | "调整后预算" | "全年预算数" | "全年预算" => Adjusted,
        "预算执行率" | "执行率" | "年度预算执行率" => Rate,
        "分值" | "权重" => Weight,
        "得分" => Score,
        "原因" | "偏差原因" | "原因分析" | "偏差原因分析" => Reason,
        _ if k.starts_with("预算执行情况") || k.starts_with("项目资金") => Group,
        // What was executed (预算执行数, 全年执行数, 实际执行数), or so far in a monitoring table
        // (1-6月执行数, 截至6月底执行数); what it expects by the year's end (全年预计执行数) is
        // kept as written.
        _ if k.contains("执行数") && !k.contains("预计") => Executed,
        _ => Extra,
    }
}

/// Each funds column's role. The row labels (总额, 其中:财政资金) stand in the first column
/// that is neither the block's merged label nor a budget column (`年度预算数(万元)`, `资金类别`);
/// when there is none, under the block's label itself (`项目资金(万元)` | 年初预算数 | …).
pub fn funds_roles(columns: &[String]) -> Vec<FundsRole> {
    let mut roles: Vec<FundsRole> = columns.iter().map(|c| funds_role(c)).collect();
    if let Some(i) = roles.iter().position(|r| *r == FundsRole::Extra).or_else(|| roles.iter().position(|r| *r == FundsRole::Group)) {
        roles[i] = FundsRole::Label;
    }
    roles
}

/// The cells of a funds block as a table shows them: its header, then a row per funds row
/// (the inverse of reading it).
pub fn funds_rows(funds: &Funds) -> Vec<Vec<String>> {
    let roles = funds_roles(&funds.columns);
    let mut rows = vec![funds.columns.clone()];
    for r in &funds.rows {
        let raw = |a: &Option<crate::model::Amount>| a.as_ref().map_or(String::new(), |a| a.raw.clone());
        let mut cells: Vec<String> = roles
            .iter()
            .enumerate()
            .map(|(i, role)| match role {
                FundsRole::Label => r.label.clone(),
                FundsRole::Initial => raw(&r.initial),
                FundsRole::Adjusted => raw(&r.adjusted),
                FundsRole::Executed => raw(&r.executed),
                FundsRole::Rate => raw(&r.rate),
                FundsRole::Weight => raw(&r.weight),
                FundsRole::Score => raw(&r.score),
                FundsRole::Reason => r.reason.clone(),
                FundsRole::Group | FundsRole::Extra => {
                    let label = funds.columns.get(i).filter(|l| !is_blank(l)).cloned().unwrap_or_else(|| format!("列{}", i + 1));
                    r.extra.get(&label).cloned().unwrap_or_default()
                }
            })
            .collect();
        // Cells past the header, kept under `列N`.
        let mut n = roles.len();
        while let Some(v) = r.extra.get(&format!("列{}", n + 1)) {
            cells.push(v.clone());
            n += 1;
        }
        rows.push(cells);
    }
    rows
}

/// The header and rows of a duties block.
pub fn duties_rows(duties: &[Duty]) -> Vec<Vec<String>> {
    // The budget column's label carries the unit the amounts were read in (预算金额(万元)).
    let unit = duties.iter().find_map(|d| d.budget.as_ref().and_then(|b| b.unit.as_deref()));
    let budget = unit.map_or("预算金额".to_owned(), |u| format!("预算金额({u})"));
    let mut rows = vec![vec!["部门职能".to_owned(), "年度目标任务".to_owned(), "支出项目名称".to_owned(), budget]];
    for d in duties {
        rows.push(vec![d.function.clone(), d.task.clone(), d.project.clone(), d.budget.as_ref().map_or(String::new(), |a| a.raw.clone())]);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_monitoring_tables_funds_columns() {
        use FundsRole::*;
        let columns: Vec<String> = ["项目资金(万元)", "", "年初预算数", "1-6月执行数", "全年预计执行数"].map(String::from).into();
        assert_eq!(funds_roles(&columns), [Group, Label, Initial, Executed, Extra]);
        assert_eq!(single_funds_role_of("截至6月底执行数"), Executed);
        assert_eq!(single_funds_role_of("全年执行数"), Executed);
    }
}
