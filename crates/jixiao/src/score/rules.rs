use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 评分规则 — every number the scoring uses; the defaults are DOMAIN.md's (财政部 practice).
/// As TOML, `[score]` of `jixiao.toml` with these field names; any field may be left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ScoringRules {
    /// 产出指标 weight (成本指标 of the 2021 form counts with it), when the table gives no 分值.
    pub output: f64,
    /// 效益指标 weight.
    pub effect: f64,
    /// 满意度指标 weight.
    pub satisfaction: f64,
    /// 预算执行率 weight, when the funds block gives none.
    pub execution: f64,
    /// 达成年度指标: the band, in percent of the weight.
    pub achieved: [f64; 2],
    /// 部分达成年度指标并具有一定效果.
    pub partly_achieved: [f64; 2],
    /// 未达成年度指标且效果较差.
    pub not_achieved: [f64; 2],
    /// Lowest total of 优, 良 and 中; below the last is 差.
    pub grades: [f64; 3],
    /// How far (in points) a reported score may be from the computed one.
    pub tolerance: f64,
    /// When set (130 in the provinces that use it), an actual past this percent of its target
    /// needs a 偏差原因 too.
    pub deviation_over: Option<f64>,
}

impl Default for ScoringRules {
    fn default() -> Self {
        ScoringRules {
            output: 50.0,
            effect: 30.0,
            satisfaction: 10.0,
            execution: 10.0,
            achieved: [80.0, 100.0],
            partly_achieved: [60.0, 80.0],
            not_achieved: [0.0, 60.0],
            grades: [90.0, 80.0, 60.0],
            tolerance: 0.01,
            deviation_over: None,
        }
    }
}

impl ScoringRules {
    /// 优, 良, 中 or 差 for a total.
    pub fn grade(&self, total: f64) -> &'static str {
        match total {
            t if t >= self.grades[0] => "优",
            t if t >= self.grades[1] => "良",
            t if t >= self.grades[2] => "中",
            _ => "差",
        }
    }

    /// The band's range in percent of the weight.
    pub fn band(&self, band: super::Band) -> [f64; 2] {
        match band {
            super::Band::Achieved => self.achieved,
            super::Band::PartlyAchieved => self.partly_achieved,
            super::Band::NotAchieved => self.not_achieved,
        }
    }
}
