use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Location, Target};

/// 一级指标 — a level-1 category with its level-2 children.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Category {
    /// 一级指标类别 — the category's meaning.
    pub level1: Level1,
    /// 一级指标 — the label as written.
    pub label: String,
    /// 二级指标 — the level-2 categories, in source order; empty ones are the form's skeleton.
    pub children: Vec<SubCategory>,
    /// 位置 — where the category starts in the source.
    #[serde(default)]
    pub location: Location,
}

/// 二级指标 — a level-2 category with its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubCategory {
    /// 二级指标类别 — the category's meaning.
    pub level2: Level2,
    /// 二级指标 — the label as written.
    pub label: String,
    /// 三级指标 — the indicators; empty when the category is only on the form.
    pub indicators: Vec<Indicator>,
    /// 位置 — where the category starts in the source.
    #[serde(default)]
    pub location: Location,
}

/// 三级指标 — one indicator row.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Indicator {
    /// 三级指标 / 指标名称 — the indicator's name.
    pub name: String,
    /// 绩效指标描述 / 指标内容 — what is measured.
    pub description: String,
    /// 指标值 — the target value, raw and interpreted.
    pub target: Target,
    /// 指标值确定依据 — where the value comes from.
    pub basis: String,
    /// 位置 — where the row's first cell is in the source.
    #[serde(default)]
    pub location: Location,
    /// 其他列 — header label → cell text, for every column the model has no field for.
    pub extra: BTreeMap<String, String>,
    /// 实际完成值 / 全年实际值 / 完成值 — the actual result of a self-evaluation, read by the
    /// target grammar; null when the table has no such column.
    #[serde(default)]
    pub actual: Option<Box<Target>>,
    /// 分值 / 权重 — the indicator's weight in points; null when not given as a number.
    #[serde(default)]
    pub weight: Option<f64>,
    /// 得分 — the score the table reports; null when not given as a number.
    #[serde(default)]
    pub reported_score: Option<f64>,
    /// 偏差原因分析 / 未完成原因分析 / 原因 — why the result differs from the target; empty when absent.
    #[serde(default)]
    pub deviation: String,
    /// 1-6月执行数 / 1-X月执行情况 / 执行值 — progress so far (monitoring tables).
    #[serde(default)]
    pub progress: Option<Box<Target>>,
    /// 全年预计完成 — the value expected at year end (monitoring tables).
    #[serde(default)]
    pub expected: Option<Box<Target>>,
    /// 完成目标可能性 — the likelihood of meeting the target (monitoring tables).
    #[serde(default)]
    pub likelihood: Option<Likelihood>,
    /// 中期目标 — the mid-term block of a table with mid-term and annual blocks side by side.
    #[serde(default)]
    pub midterm: Option<Box<Midterm>>,
}

/// 中期指标 — an indicator's mid-term block (中期目标 beside 年度目标).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Midterm {
    /// 二级指标 — the mid-term block's level-2 label as written.
    pub level2_label: String,
    /// 三级指标 — the mid-term block's indicator name.
    pub name: String,
    /// 指标值 — the mid-term target.
    pub target: Target,
}

/// 完成目标可能性 — how likely the target is met (监控表).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    /// 确定能 — certain.
    Certain,
    /// 有可能 — possible.
    Possible,
    /// 完全不可能 — impossible.
    Impossible,
}

impl Likelihood {
    pub const ALL: &[Likelihood] = &[Likelihood::Certain, Likelihood::Possible, Likelihood::Impossible];

    pub fn as_str(self) -> &'static str {
        match self {
            Likelihood::Certain => "certain",
            Likelihood::Possible => "possible",
            Likelihood::Impossible => "impossible",
        }
    }
}

/// 一级指标类别 — the meaning of a level-1 label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level1 {
    /// 产出指标 — outputs.
    Output,
    /// 效果指标 / 效益指标 — effects (benefits); both names mean the same level.
    Effect,
    /// 满意度指标 — satisfaction.
    Satisfaction,
    /// 成本指标 — cost as a level-1 (the form since 财预〔2021〕101号).
    Cost,
    /// 投入指标 — inputs (the older four-part form of 财预〔2013〕53号).
    Input,
    /// 过程指标 — process (the older four-part form, and evaluation indicator systems).
    Process,
    /// 决策指标 — decision (评价指标体系: 决策 / 过程 / 产出 / 效益).
    Decision,
    /// 其他 — an unknown label, kept as written.
    Other,
}

/// 二级指标类别 — the meaning of a level-2 label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level2 {
    /// 数量指标 — quantity.
    Quantity,
    /// 质量指标 — quality.
    Quality,
    /// 时效指标 — timeliness.
    Timeliness,
    /// 成本指标 — cost, under 产出 (classic form).
    Cost,
    /// 经济成本指标 — economic cost (2021 form).
    EconomicCost,
    /// 社会成本指标 — social cost (2021 form).
    SocialCost,
    /// 生态环境成本指标 — ecological and environmental cost (2021 form).
    EcologicalCost,
    /// 经济效益指标 — economic benefit.
    EconomicBenefit,
    /// 社会效益指标 — social benefit.
    SocialBenefit,
    /// 生态效益指标 — ecological benefit.
    EcologicalBenefit,
    /// 可持续性影响指标 / 可持续影响指标 — sustainable impact.
    Sustainability,
    /// 服务对象满意度指标 — satisfaction of those served.
    ServiceSatisfaction,
    /// 社会、经济、生态效益指标 / 效益指标 — benefits of several kinds in one category.
    Benefit,
    /// 其他 — an unknown label, kept as written.
    Other,
}

impl Level1 {
    pub const ALL: &[Level1] =
        &[Level1::Output, Level1::Effect, Level1::Satisfaction, Level1::Cost, Level1::Input, Level1::Process, Level1::Decision, Level1::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Level1::Output => "output",
            Level1::Effect => "effect",
            Level1::Satisfaction => "satisfaction",
            Level1::Cost => "cost",
            Level1::Input => "input",
            Level1::Process => "process",
            Level1::Decision => "decision",
            Level1::Other => "other",
        }
    }
}

impl Level2 {
    pub const ALL: &[Level2] = &[
        Level2::Quantity,
        Level2::Quality,
        Level2::Timeliness,
        Level2::Cost,
        Level2::EconomicCost,
        Level2::SocialCost,
        Level2::EcologicalCost,
        Level2::EconomicBenefit,
        Level2::SocialBenefit,
        Level2::EcologicalBenefit,
        Level2::Sustainability,
        Level2::ServiceSatisfaction,
        Level2::Benefit,
        Level2::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Level2::Quantity => "quantity",
            Level2::Quality => "quality",
            Level2::Timeliness => "timeliness",
            Level2::Cost => "cost",
            Level2::EconomicCost => "economic_cost",
            Level2::SocialCost => "social_cost",
            Level2::EcologicalCost => "ecological_cost",
            Level2::EconomicBenefit => "economic_benefit",
            Level2::SocialBenefit => "social_benefit",
            Level2::EcologicalBenefit => "ecological_benefit",
            Level2::Sustainability => "sustainability",
            Level2::ServiceSatisfaction => "service_satisfaction",
            Level2::Benefit => "benefit",
            Level2::Other => "other",
        }
    }
}
