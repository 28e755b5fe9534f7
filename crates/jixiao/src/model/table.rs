use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Amount, Category, Funds, Indicator, Location, SubCategory, Toc};

/// 绩效目标表 — one performance-target table (or self-evaluation, monitoring, department-wide).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    /// 序号 — the number before the name (`3、…` → 3); null when the title has none.
    pub number: Option<u32>,
    /// 名称 — the fund or project name, without the number, project code, year and 绩效目标表
    /// (or, on a sheet of many projects, its 项目名称 cell).
    pub name: String,
    /// 表题 — the title line as written, less any TC field.
    pub title: String,
    /// 目录域 — the Word TC (table of contents) field on the title line or the next; null when absent.
    pub toc: Option<Toc>,
    /// 绩效目标 — the text of the objective row; null when the table has none.
    pub objective: Option<String>,
    /// 基本信息 — the labelled fields above the indicator header other than the name, the
    /// objective and a funds or duties block (主管部门, 实施单位, 项目属性, 年度资金总额,
    /// 其中:财政拨款, 联系电话 …), each with its value as written, in source order.
    #[serde(default)]
    pub info: Vec<Remark>,
    /// 表头 — the header labels as written, in column order (a two-row header combined as
    /// `上/下`, e.g. `年度指标值/指标性质`).
    pub columns: Vec<String>,
    /// 指标体系 — the indicator category tree, in source order, skeleton categories included.
    pub categories: Vec<Category>,
    /// 位置 — where the title is in the source.
    #[serde(default)]
    pub location: Location,
    /// 表类别 — what the table is, from its title and its columns.
    #[serde(default)]
    pub kind: TableKind,
    /// 年度 — the year the title names (`(2023年度)`, `2018年…`); null when it names none.
    #[serde(default)]
    pub year: Option<i32>,
    /// 项目编码 — a project code before the name (`51000021R000000019951-工资性支出`); null when absent.
    #[serde(default)]
    pub code: Option<String>,
    /// 单位名称 — the unit (budget unit) of the project, on a sheet of many projects.
    #[serde(default)]
    pub unit: Option<String>,
    /// 预算数 — the project's budget, on a sheet of many projects.
    #[serde(default)]
    pub budget: Option<Box<Amount>>,
    /// 预算执行情况 — the funds block above the indicator header; null when absent.
    #[serde(default)]
    pub funds: Option<Box<Funds>>,
    /// 年度履职目标 — duties of a department-wide table (部门职能 | 年度目标任务 | 支出项目名称 | 预算金额).
    #[serde(default)]
    pub duties: Vec<Duty>,
    /// 小计 — subtotal rows of a sheet of many projects (a unit name and an amount) before this table.
    #[serde(default)]
    pub subtotals: Vec<Subtotal>,
    /// 总分 — the total score the table states; null when it states none.
    #[serde(default)]
    pub total_score: Option<f64>,
    /// 等级 — the grade the table states (优, 良, 中, 差); null when it states none.
    #[serde(default)]
    pub grade: Option<String>,
    /// 表尾 — footer rows (合计, 评价结论, 存在问题, 改进措施, 填报人 …) and the blank indicator rows
    /// a form ships with (`指标1`), as labelled text.
    #[serde(default)]
    pub remarks: Vec<Remark>,
}

impl Table {
    /// Every indicator of the table with its level-1 and level-2 categories, in source order.
    pub fn indicators(&self) -> impl Iterator<Item = (&Category, &SubCategory, &Indicator)> {
        self.categories.iter().flat_map(|c| c.children.iter().flat_map(move |s| s.indicators.iter().map(move |i| (c, s, i))))
    }
}

/// 表类别 — what a table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 绩效目标表 / 申报表 / 批复表 / 审批表 — targets set before the year.
    #[default]
    Target,
    /// 绩效自评表 — targets with actual results, weights and scores, after the year.
    SelfEvaluation,
    /// 绩效监控表 — progress during the year.
    Monitoring,
    /// 部门整体支出绩效目标表 — the department as a whole.
    DepartmentWide,
}

impl TableKind {
    pub const ALL: &[TableKind] = &[TableKind::Target, TableKind::SelfEvaluation, TableKind::Monitoring, TableKind::DepartmentWide];

    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Target => "target",
            TableKind::SelfEvaluation => "self_evaluation",
            TableKind::Monitoring => "monitoring",
            TableKind::DepartmentWide => "department_wide",
        }
    }
}

/// A labelled row that is not an indicator: a footer (表尾) or a field above the header (基本信息).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Remark {
    /// 标签 — the row's first cell as written (`评价结论`, `合计`, `项目负责人:`, `指标1`).
    pub label: String,
    /// 内容 — the row's other non-empty cells, joined by line breaks.
    pub text: String,
    /// 位置 — where it is in the source.
    #[serde(default)]
    pub location: Location,
}

/// 年度履职目标 — one duty of a department-wide table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Duty {
    /// 部门职能 — the function, as written (merged down: repeated on each of its rows).
    pub function: String,
    /// 年度目标任务 — the year's task.
    pub task: String,
    /// 支出项目名称 — the spending project.
    pub project: String,
    /// 预算金额 — its budget; null when the cell is empty.
    pub budget: Option<Amount>,
    /// 位置 — where it is in the source.
    #[serde(default)]
    pub location: Location,
}

/// 小计 — a subtotal row of a sheet of many projects: a unit and an amount, not an indicator.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Subtotal {
    /// 单位名称 — the unit or department the amount totals, as written.
    pub unit: String,
    /// 金额 — the amount.
    pub amount: Option<Amount>,
    /// 位置 — where it is in the source.
    #[serde(default)]
    pub location: Location,
}
