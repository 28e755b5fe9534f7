use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Location, Toc};

/// 第一部分 部门整体绩效目标 — the department-wide targets, prose with structure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Overview {
    /// 标题 — the part heading as written, e.g. "第一部分  部门整体绩效目标".
    pub heading: String,
    /// 总体绩效目标引言 — the introductory paragraph(s) of 总体绩效目标, joined by line breaks.
    pub intro: String,
    /// 总体绩效目标 — the numbered goals `1、…`.
    pub goals: Vec<Goal>,
    /// 分项绩效目标 / 职责分类绩效目标 — targets per responsibility.
    pub responsibilities: Vec<Responsibility>,
    /// 工作保障措施 — safeguard measures, titled blocks of prose.
    pub safeguards: Vec<Safeguard>,
    /// 小标题 — the subsection headings as written (`（二）分项绩效目标`), with their TC fields.
    pub subheadings: Vec<Subheading>,
    /// 位置 — where the part heading is in the source.
    #[serde(default)]
    pub location: Location,
    /// 目录域 — the Word TC field on the part heading's line; null when absent.
    #[serde(default)]
    pub toc: Option<Toc>,
}

/// 总体绩效目标 — one numbered goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Goal {
    /// 序号 — the goal's number (`1、` → 1).
    pub number: u32,
    /// 目标 — the goal's title line, without its number.
    pub title: String,
    /// 具体事项 — items from `（1）…` lines or from an inline `一是…二是…` list.
    pub items: Vec<GoalItem>,
    /// 位置 — where the goal's title is in the source.
    #[serde(default)]
    pub location: Location,
}

/// 具体事项 — one item of a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GoalItem {
    /// 序号 — the item's number (`（2）` and `二是` → 2).
    pub number: u32,
    /// 内容 — the item's text without its number marker.
    pub text: String,
    /// 位置 — where it is in the source.
    #[serde(default)]
    pub location: Location,
    /// 行内列举 — the item stood in an inline list (`一是…二是…`) on one line with the items of
    /// that list, rather than on a `（1）` line of its own.
    #[serde(default)]
    pub inline: bool,
}

/// 职责分类绩效目标 — the target of one responsibility.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Responsibility {
    /// 序号 — the responsibility's number (`3、` → 3).
    pub number: u32,
    /// 职责名称 — the responsibility's name line.
    pub name: String,
    /// 绩效目标 — its description, with its own sub-structure (`（1）`, `①`) kept as lines.
    pub description: String,
    /// 位置 — where the name is in the source.
    #[serde(default)]
    pub location: Location,
}

/// 工作保障措施 — one titled block of safeguard measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Safeguard {
    /// 标题 — the block's title; empty when the prose has none.
    pub title: String,
    /// 内容 — the block's prose, paragraphs joined by line breaks.
    pub text: String,
    /// 位置 — where the title (or of the first paragraph) is in the source.
    #[serde(default)]
    pub location: Location,
}

/// 小标题 — a subsection heading of part 1, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Subheading {
    /// 标题 — the heading as written, less any TC field.
    pub text: String,
    /// 目录域 — its Word TC field; null when absent.
    pub toc: Option<Toc>,
    /// 位置 — where it is in the source.
    #[serde(default)]
    pub location: Location,
}
