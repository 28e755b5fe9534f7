use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Level1, Location};
use crate::review::Finding;

/// 自评复核 — every self-evaluation table scored by the rules, and the findings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "jixiao score")]
pub struct ScoreReport {
    /// 表 — the scored tables, in source order (tables with actual results, or with actuals given).
    pub tables: Vec<TableScore>,
    /// 问题 — score-mismatch, weight-mismatch, total-mismatch, missing-actual, unit-mismatch,
    /// unreadable-actual, deviation-unexplained, unmatched-actual; in the review's shape.
    pub findings: Vec<Finding>,
}

/// 表得分 — one table's scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TableScore {
    /// 部分序号 — null outside numbered parts.
    pub section_number: Option<u32>,
    /// 表序号 — null when the title has none.
    pub table_number: Option<u32>,
    /// 表名.
    pub name: String,
    /// 行号 — the 1-based line of the table's title in a text source; 0 when the source has no lines.
    pub line: usize,
    /// 位置 — where the table's title is in the source.
    #[serde(default)]
    pub location: Location,
    /// 总分 — the computed total: indicators and execution rate (indicators without a score count 0).
    pub total: f64,
    /// 等级 — 优, 良, 中 or 差 of the computed total; null when an indicator could not be scored.
    pub grade: Option<String>,
    /// 自评总分 — the total the table states; null when it states none.
    pub reported_total: Option<f64>,
    /// 一级指标 — weight and score per level-1, in source order.
    pub level1: Vec<Level1Score>,
    /// 三级指标 — every indicator's score.
    pub indicators: Vec<IndicatorScore>,
    /// 预算执行率 — the execution rate's score; null when the table has no funds block.
    pub execution: Option<ExecutionScore>,
    /// 文件 — the input file, when the table came from a file (set by the CLI and the bindings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// 一级指标得分.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Level1Score {
    /// 一级指标类别.
    pub level1: Level1,
    /// 一级指标 — the label as written.
    pub label: String,
    /// 分值 — the weights of its indicators, added.
    pub weight: f64,
    /// 得分 — their scores, added.
    pub score: f64,
}

/// 指标得分 — one indicator scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IndicatorScore {
    /// 三级指标.
    pub name: String,
    /// 一级指标类别.
    pub level1: Level1,
    /// 行号 — the 1-based line of the indicator's row in a text source; 0 when the source has no lines.
    pub line: usize,
    /// 位置 — where the indicator's row is in the source.
    #[serde(default)]
    pub location: Location,
    /// 指标值 — the target as written.
    pub target: String,
    /// 实际完成值 — the actual as written; null when there is none.
    pub actual: Option<String>,
    /// 分值 — the weight used: the table's 分值, or the default split.
    pub weight: f64,
    /// 分值来源 — whether the table gave the weight (`given`) or the rules split it (`default`).
    pub weight_given: bool,
    /// 得分 — the computed score; null when it cannot be computed (no actual, units that differ).
    pub score: Option<f64>,
    /// 评分规则 — how the score was computed.
    pub rule: ScoreRule,
    /// 档次 — the band of a qualitative indicator; null otherwise.
    pub band: Option<Band>,
    /// 自评得分 — the score the table reports; null when none.
    pub reported_score: Option<f64>,
    /// 差额 — reported less computed; null when either is missing.
    pub difference: Option<f64>,
}

/// 预算执行率得分 — `weight · min(执行数 / 预算数, 1)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExecutionScore {
    /// 分值.
    pub weight: f64,
    /// 预算数 — the adjusted budget (全年预算数 / 调整后预算数), else the initial one, in 元.
    pub budget: Option<f64>,
    /// 执行数, in 元.
    pub executed: Option<f64>,
    /// 执行率 — executed / budget, as a fraction (0.9659); null when it cannot be computed.
    pub rate: Option<f64>,
    /// 得分; null when the rate cannot be computed.
    pub score: Option<f64>,
    /// 自评得分; null when none.
    pub reported_score: Option<f64>,
    /// 差额 — reported less computed.
    pub difference: Option<f64>,
    /// 行号 — the 1-based line of the funds row in a text source; 0 when the source has no lines.
    pub line: usize,
    /// 位置 — where the funds row is in the source.
    #[serde(default)]
    pub location: Location,
}

/// 评分规则 — how an indicator's score was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScoreRule {
    /// ≥ / ＞ / ＝ (more is better): met → w, else w · a / t.
    AtLeast,
    /// ＝ 0: w when a ≤ 0, else 0.
    EqualZero,
    /// ≤ / ＜ (less is better): met → w; t < a < 2t → w · (1 − (a − t) / t); a ≥ 2t → 0.
    AtMost,
    /// 区间: met inside; outside, by the nearer bound.
    Range,
    /// 多项: each part as ≥, averaged.
    Compound,
    /// 时限: met (w) or not (0) by the date.
    Deadline,
    /// 定性: the band the actual states; a reported score inside it stands.
    Qualitative,
    /// 未评分 — no actual, or units that differ.
    NotScored,
}

impl ScoreRule {
    pub const ALL: &[ScoreRule] = &[
        ScoreRule::AtLeast,
        ScoreRule::EqualZero,
        ScoreRule::AtMost,
        ScoreRule::Range,
        ScoreRule::Compound,
        ScoreRule::Deadline,
        ScoreRule::Qualitative,
        ScoreRule::NotScored,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ScoreRule::AtLeast => "at_least",
            ScoreRule::EqualZero => "equal_zero",
            ScoreRule::AtMost => "at_most",
            ScoreRule::Range => "range",
            ScoreRule::Compound => "compound",
            ScoreRule::Deadline => "deadline",
            ScoreRule::Qualitative => "qualitative",
            ScoreRule::NotScored => "not_scored",
        }
    }
}

/// 档次 — how far a qualitative indicator got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// 达成年度指标 — 80–100 % of the weight by default.
    Achieved,
    /// 部分达成年度指标并具有一定效果 — 60–80 %.
    PartlyAchieved,
    /// 未达成年度指标且效果较差 — 0–60 %.
    NotAchieved,
}

impl Band {
    pub const ALL: &[Band] = &[Band::Achieved, Band::PartlyAchieved, Band::NotAchieved];

    pub fn as_str(self) -> &'static str {
        match self {
            Band::Achieved => "achieved",
            Band::PartlyAchieved => "partly_achieved",
            Band::NotAchieved => "not_achieved",
        }
    }
}
