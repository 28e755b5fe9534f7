use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Location, Table};

/// 第N部分 — a part of the document that holds target tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// 部分序号 — the part's number (第二部分 → 2); null for tables outside any numbered part.
    pub number: Option<u32>,
    /// 类别 — what the part holds, decided by the meaning of its heading.
    pub kind: SectionKind,
    /// 标题 — the heading as written (typos included).
    pub heading: String,
    /// 绩效目标表 — the tables of this part, in source order.
    pub tables: Vec<Table>,
    /// 位置 — where the heading is in the source.
    #[serde(default)]
    pub location: Location,
    /// 目录域 — the Word TC field on the heading line; null when absent.
    #[serde(default)]
    pub toc: Option<Toc>,
}

/// 部分类别 — what a part of the document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 专项资金绩效目标 — targets of special funds.
    SpecialFund,
    /// 预算项目绩效目标 — targets of budget projects.
    BudgetProject,
    /// 部门整体支出绩效目标 — the department as a whole, when that part holds tables.
    DepartmentWide,
    /// 其他 — any other part.
    Other,
}

impl SectionKind {
    pub const ALL: &[SectionKind] = &[SectionKind::SpecialFund, SectionKind::BudgetProject, SectionKind::DepartmentWide, SectionKind::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::SpecialFund => "special_fund",
            SectionKind::BudgetProject => "budget_project",
            SectionKind::DepartmentWide => "department_wide",
            SectionKind::Other => "other",
        }
    }
}

/// 目录域 — a Word table-of-contents field (` TC 文本 \f B \l 1 `).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Toc {
    /// 目录文本 — the entry's text as written.
    pub text: String,
    /// 目录标识 — the `\f` identifier (A part 1, B special funds, C projects in the sample); null when absent.
    pub identifier: Option<String>,
    /// 目录级别 — the `\l` level; null when absent (or not a number: see `switches`).
    pub level: Option<u32>,
    /// 开关原文 — everything after the entry's text as written (`\f B \l 1`, and any switch or
    /// text jixiao does not read), so that the field is written back as it was; empty when none.
    #[serde(default)]
    pub switches: String,
}
