use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 指标值 — a target value: the text exactly as written, and what it says.
///
/// Build one with [`Target::parse`]; the interpretation is a pure function of `raw`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Target {
    /// 原文 — the cell's text, untouched.
    pub raw: String,
    /// 类型 — how the text was read.
    pub kind: TargetKind,
    /// 比较符 — the comparison, for quantities; null otherwise.
    pub comparator: Option<Comparator>,
    /// 是否标明符号 — whether the text gave the comparison (a bare `100%` is `eq` without a sign).
    pub sign_given: bool,
    /// 比较符由方向推定 — the comparison was not written but inferred from the table's
    /// 指标方向性 column (正向指标 → `ge`, 反向指标 → `le`); `sign_given` stays false.
    #[serde(default)]
    pub comparator_inferred: bool,
    /// 数值 — the number (the lower bound of a range); null when there is none.
    pub value: Option<f64>,
    /// 上限 — the upper bound of a range; null otherwise.
    pub upper: Option<f64>,
    /// 计量单位 — the unit as written, except that percent (`%`, `％`, `百分比`) is always `%`.
    pub unit: Option<String>,
    /// 单位类别 — what the unit measures; null when there is no unit.
    pub unit_kind: Option<UnitKind>,
    /// 折合元 — for money, `value` scaled to 元 so that 元, 万元 and 亿元 compare; null otherwise.
    pub value_yuan: Option<f64>,
    /// 分项 — the quantities of a compound cell (kind `compound`); empty otherwise.
    pub parts: Vec<TargetPart>,
    /// 方向 — for qualitative text, the direction its words state; null when they state none.
    pub direction: Option<Direction>,
    /// 日期 — for a deadline, the date (`2023年12月底前` → 2023-12); the start of a period.
    #[serde(default)]
    pub date: Option<Date>,
    /// 截止日期 — for a period (`2023.07-2024.01`), its end; null otherwise.
    #[serde(default)]
    pub until: Option<Date>,
    /// 附注 — a bracketed note after the value, kept as written (`100%(计划标准)` → `计划标准`).
    #[serde(default)]
    pub note: Option<String>,
}

/// 日期 — a calendar date as precise as the text gives it (`12月31日前` has no year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
pub struct Date {
    /// 年 — null when the text names none.
    pub year: Option<i32>,
    /// 月 — 1–12; null when the text names none.
    #[schemars(range(min = 1, max = 12))]
    pub month: Option<u8>,
    /// 日 — 1–31; null when the text names none.
    #[schemars(range(min = 1, max = 31))]
    pub day: Option<u8>,
}

/// 指标值类型 — how a target text was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// 定量 — one number with an optional comparison and unit (`≥90%`, `不少于3次`, `100%`).
    Quantity,
    /// 区间 — a range (`2-3次`, `90%-95%`): `value` is the lower bound, `upper` the upper.
    Range,
    /// 多项 — several quantities in one cell (`补助1007家庭户，补助1630名被征地农民`), see `parts`.
    Compound,
    /// 定性 — words, kept as written (`明显提高`, `稳定`), with a `direction` when they state one.
    Qualitative,
    /// 据实 — not a target but "as it turns out" (`根据实际…`, `据实…`).
    AsActual,
    /// 空 — no value (empty, `/`, `—`, `-`, `无`).
    #[default]
    Empty,
    /// 时限 — a date or period (`2023年12月底前`, `12月31日前`, `2023.07-2024.01`), see `date`.
    Deadline,
    /// 模板占位 — form text left in (`≥**个`, `**%`, `XX`): no value was filled in.
    Placeholder,
}

/// 比较符 — the comparison a quantity states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// ≥ 大于等于 (`≥ ≧ >= 不低于 不少于 至少 …以上 达到`) — budget-system sign code 1.
    Ge,
    /// ＞ 大于 (`> 大于 超过 高于`) — sign code 2.
    Gt,
    /// ＝ 等于 (`= 等于`, or a bare number) — sign code 3.
    Eq,
    /// ≤ 小于等于 (`≤ ≦ <= 不高于 不超过 …以内 …以下`) — sign code 5.
    Le,
    /// ＜ 小于 (`< 小于 低于`) — sign code 4.
    Lt,
}

impl Comparator {
    pub const ALL: &[Comparator] = &[Comparator::Ge, Comparator::Gt, Comparator::Eq, Comparator::Le, Comparator::Lt];

    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Ge => "ge",
            Comparator::Gt => "gt",
            Comparator::Eq => "eq",
            Comparator::Le => "le",
            Comparator::Lt => "lt",
        }
    }

    /// The sign as budget systems print it.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Eq => "=",
            Comparator::Le => "≤",
            Comparator::Lt => "<",
        }
    }
}

/// 单位类别 — what a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 百分比 — percent (`%`).
    Percent,
    /// 千分比 — per mille (`‰`).
    Permille,
    /// 计数 — a count of people, things or events (`人 户 次 件 个 篇 …`).
    Count,
    /// 金额 — money (`元 万元 亿元`); see `value_yuan`.
    Money,
    /// 时长 — a duration (`天 个工作日 个月 年 小时`).
    Duration,
    /// 面积 — an area (`平方米 亩 公顷`).
    Area,
    /// 长度 — a length (`公里 米`).
    Length,
    /// 分值 — a score (`分`).
    Score,
    /// 比率 — a quantity per something (`次/月 篇/年 元/人`); money per something stays `money`.
    Rate,
    /// 其他 — any other unit (`吨 台 立方米 …`).
    Other,
}

impl UnitKind {
    pub const ALL: &[UnitKind] = &[
        UnitKind::Percent,
        UnitKind::Permille,
        UnitKind::Count,
        UnitKind::Money,
        UnitKind::Duration,
        UnitKind::Area,
        UnitKind::Length,
        UnitKind::Score,
        UnitKind::Rate,
        UnitKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Percent => "percent",
            UnitKind::Permille => "permille",
            UnitKind::Count => "count",
            UnitKind::Money => "money",
            UnitKind::Duration => "duration",
            UnitKind::Area => "area",
            UnitKind::Length => "length",
            UnitKind::Score => "score",
            UnitKind::Rate => "rate",
            UnitKind::Other => "other",
        }
    }
}

/// 定性方向 — what qualitative words ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 提高 — more, better (`提高 提升 增加 改善 完善`).
    Increase,
    /// 减少 — less (`减少 降低 下降 缩短`).
    Decrease,
    /// 保持 — keep as is (`稳定 保持 安全 正常`).
    Maintain,
    /// 完成 — get done (`完成 按期完成 达标 是 到位`).
    Complete,
}

impl Direction {
    pub const ALL: &[Direction] = &[Direction::Increase, Direction::Decrease, Direction::Maintain, Direction::Complete];

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
            Direction::Maintain => "maintain",
            Direction::Complete => "complete",
        }
    }
}

impl TargetKind {
    pub const ALL: &[TargetKind] = &[
        TargetKind::Quantity,
        TargetKind::Range,
        TargetKind::Compound,
        TargetKind::Qualitative,
        TargetKind::AsActual,
        TargetKind::Empty,
        TargetKind::Deadline,
        TargetKind::Placeholder,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Quantity => "quantity",
            TargetKind::Range => "range",
            TargetKind::Compound => "compound",
            TargetKind::Qualitative => "qualitative",
            TargetKind::AsActual => "as_actual",
            TargetKind::Empty => "empty",
            TargetKind::Deadline => "deadline",
            TargetKind::Placeholder => "placeholder",
        }
    }
}

/// 分项 — one quantity of a compound target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TargetPart {
    /// 原文 — the part's text as written.
    pub text: String,
    /// 数值 — its number.
    pub value: f64,
    /// 计量单位 — its unit (percent normalised to `%`); null when none follows the number.
    pub unit: Option<String>,
}
