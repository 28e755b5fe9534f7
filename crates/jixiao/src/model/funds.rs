use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Location;

/// 金额 — a number cell: the text as written and the number it holds, with the unit the cell or
/// its column label gives (`238.93` under `年度预算数(万元)` is 2 389 300 元).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Amount {
    /// 原文 — the cell's text, untouched.
    pub raw: String,
    /// 数值 — the number; null when the cell holds none (`/`, empty, words).
    pub value: Option<f64>,
    /// 单位 — `万元`, `元`, `%`, `分` …, from the cell or its column label; null when neither gives one.
    pub unit: Option<String>,
    /// 折合元 — for money, `value` in 元; null otherwise.
    pub value_yuan: Option<f64>,
}

/// 预算执行情况 — the funds block of a self-evaluation (or target) table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Funds {
    /// 标签 — the block's label as written (`预算执行情况(10分)`, `项目资金`); empty when none.
    pub label: String,
    /// 表头 — the block's header labels as written.
    pub columns: Vec<String>,
    /// 资金行 — 总额, 其中:财政资金, 财政专户管理资金, 其他资金 …
    pub rows: Vec<FundsRow>,
    /// 位置 — where the block's header is in the source.
    #[serde(default)]
    pub location: Location,
}

/// 资金行 — one row of the funds block.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct FundsRow {
    /// 资金类别 — `总额`, `其中:财政资金`, … as written.
    pub label: String,
    /// 年初预算数.
    pub initial: Option<Amount>,
    /// 全年预算数 / 调整后预算数.
    pub adjusted: Option<Amount>,
    /// 全年执行数 / 预算执行数.
    pub executed: Option<Amount>,
    /// 执行率 / 预算执行率 (`%`).
    pub rate: Option<Amount>,
    /// 分值 / 权重.
    pub weight: Option<Amount>,
    /// 得分.
    pub score: Option<Amount>,
    /// 原因 / 偏差原因 — the explanation; empty when absent.
    pub reason: String,
    /// 其他列 — header label → cell text, for every column with no field.
    pub extra: BTreeMap<String, String>,
    /// 位置 — where it is in the source.
    #[serde(default)]
    pub location: Location,
}
