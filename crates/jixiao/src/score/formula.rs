//! The scoring formulas (DOMAIN.md, "Self-evaluation scoring"), as pure functions of the
//! weight `w`, the target `t` and the actual `a`. A negative actual counts as 0.

use super::{Band, ScoreRule};
use crate::model::{Comparator, Date, Target, TargetKind};

/// More is better (≥, ＞, and ＝ with t ≠ 0): met → w; else w · a / t.
pub fn at_least(w: f64, t: f64, a: f64) -> f64 {
    let a = a.max(0.0);
    if a >= t {
        w
    } else if t <= 0.0 {
        0.0
    } else {
        w * a / t
    }
}

/// ＝ 0: w when the actual is 0 (or below, which counts as 0), else 0.
pub fn equal_zero(w: f64, a: f64) -> f64 {
    if a.max(0.0) <= 0.0 { w } else { 0.0 }
}

/// Less is better (≤, ＜): met → w; t < a < 2t → w · (1 − (a − t) / t); a ≥ 2t → 0.
pub fn at_most(w: f64, t: f64, a: f64) -> f64 {
    let a = a.max(0.0);
    if a <= t {
        w
    } else if t <= 0.0 || a >= 2.0 * t {
        0.0
    } else {
        w * (1.0 - (a - t) / t)
    }
}

/// A range: met inside; below it as ≥ the lower bound, above it as ≤ the upper. The bounds
/// may come in either order (`3000-1500人次` is the range from 1500 to 3000).
pub fn range(w: f64, low: f64, high: f64, a: f64) -> f64 {
    let (low, high) = (low.min(high), low.max(high));
    if a < low {
        at_least(w, low, a)
    } else if a > high {
        at_most(w, high, a)
    } else {
        w
    }
}

/// A qualitative score: the reported one when inside the band, else the nearer edge; the top
/// of the band when none is reported. `band` is in percent of the weight.
pub fn banded(w: f64, band: [f64; 2], reported: Option<f64>) -> f64 {
    let (low, high) = (w * band[0] / 100.0, w * band[1] / 100.0);
    match reported {
        Some(r) if r.is_finite() => r.clamp(low.min(high), high.max(low)),
        _ => high,
    }
}

/// The band an actual result states in words. None when it states nothing (empty).
pub fn band_of(actual: &str) -> Option<Band> {
    let text: String = crate::grammar::fold::fold(actual).chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() || matches!(text.as_str(), "/" | "-" | "—" | "无") {
        return None;
    }
    if NOT_STARTED.iter().any(|w| text.contains(w)) {
        return Some(Band::NotAchieved);
    }
    Some(stated_band(&text).unwrap_or(Band::Achieved))
}

const NOT: &[&str] = &["未达成", "未完成", "未达到", "没有完成", "没有达到", "未实现", "不达标", "未按期", "未按时", "效果较差"];
const PARTLY: &[&str] = &["部分达成", "部分完成", "部分实现", "基本达成", "基本完成", "基本实现", "一定效果"];
const ACHIEVED: &[&str] = &["达成", "完成", "达到", "实现", "达标", "按期", "按时"];
/// Work not begun: nothing achieved. Against a number, no number to score (see [`plan`]).
const NOT_STARTED: &[&str] = &["未开展", "未启动", "未实施", "未开工", "未执行"];

/// The band an actual names in so many words (达成, 部分完成, 未达到 …); None when its words name
/// none (`暂未开展`, `1e400人次`, `约有提高`). `text` is folded, without white space.
fn stated_band(text: &str) -> Option<Band> {
    if NOT.iter().any(|w| text.contains(w)) {
        Some(Band::NotAchieved)
    } else if PARTLY.iter().any(|w| text.contains(w)) {
        Some(Band::PartlyAchieved)
    } else if ACHIEVED.iter().any(|w| text.contains(w)) && !NOT_STARTED.iter().any(|w| text.contains(w)) {
        Some(Band::Achieved)
    } else {
        None
    }
}

/// Words before a number that leave its meaning whole: about (`约1620人次` is read as 1620),
/// in all (`共`, `累计`), done (`完成`, `实际完成`), and rates (`完成率50%`, read as 50 % and
/// compared with a percent target; against any other unit it is a unit mismatch). In any order:
/// the longest that starts the text is the one taken.
const ACTUAL_PREFIXES: &[&str] = &[
    "实际完成值为",
    "实际完成值",
    "实际完成",
    "完成率为",
    "完成率",
    "达成率",
    "实现率",
    "执行率",
    "已完成",
    "完成",
    "大约",
    "约为",
    "约",
    "共计",
    "累计",
    "合计",
    "共",
];

/// [`ACTUAL_PREFIXES`] as one automaton, anchored at the start, longest match first.
static ACTUAL_PREFIX: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(ACTUAL_PREFIXES)
        .expect("the prefixes are a few fixed words")
});

/// What follows the longest of [`ACTUAL_PREFIXES`] that starts `text`, if one does.
fn strip_actual_prefix(text: &str) -> Option<&str> {
    let found = ACTUAL_PREFIX.find(aho_corasick::Input::new(text).anchored(aho_corasick::Anchored::Yes))?;
    text.get(found.end()..)
}

/// An actual with a known word before its number (`约1620人次`, `完成率50%`): the number read as
/// a quantity of its own. None for anything else.
fn after_prefix(raw: &str) -> Option<Target> {
    let text = crate::grammar::fold::squeeze(raw);
    let mut rest = strip_actual_prefix(&text)?;
    // `共完成`, `累计完成`: a word of each kind.
    if let Some(more) = strip_actual_prefix(rest) {
        rest = more;
    }
    let t = Target::parse(rest);
    (t.kind == TargetKind::Quantity && t.value.is_some_and(f64::is_finite)).then_some(t)
}

/// How a target and an actual compare: the rule and the numbers to use.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    Numbers {
        rule: ScoreRule,
        target: f64,
        upper: f64,
        actual: f64,
    },
    Parts {
        pairs: Vec<(f64, f64)>,
    },
    Deadline {
        met: bool,
    },
    Band(Band),
    /// The units differ: what the target and the actual are measured in.
    UnitMismatch(String, String),
    /// No actual result to score.
    Missing,
    /// An actual that neither gives a number comparable with the target nor names a band
    /// (`暂未开展`, `1e400人次`, `2023年2月30日` against a number or a deadline): why, in English
    /// and Chinese. Not scored: it is neither met nor missed.
    Unreadable(String, String),
}

fn unit_text(t: &Target) -> String {
    t.unit.clone().unwrap_or_else(|| "no unit".into())
}

/// The target's and actual's numbers in one unit, or why they cannot be compared.
fn comparable(target: &Target, actual: &Target) -> Result<(f64, f64, f64), (String, String)> {
    let (t, a) = (target.value.unwrap_or(0.0), actual.value.unwrap_or(0.0));
    let upper = target.upper.unwrap_or(t);
    if let (Some(ty), Some(ay)) = (target.value_yuan, actual.value_yuan) {
        let scale = if t != 0.0 { ty / t } else { 1.0 };
        return Ok((ty, upper * scale, ay));
    }
    match (&target.unit, &actual.unit) {
        (None, _) | (_, None) => Ok((t, upper, a)),
        (Some(x), Some(y)) if same_unit(x, y) => Ok((t, upper, a)),
        _ if target.unit_kind.is_some()
            && target.unit_kind == actual.unit_kind
            && !matches!(target.unit_kind, Some(crate::model::UnitKind::Other | crate::model::UnitKind::Money)) =>
        {
            Ok((t, upper, a))
        }
        _ => Err((unit_text(target), unit_text(actual))),
    }
}

/// Whether two units as written are one unit: `萬元` is `万元` (units keep the characters
/// written; the grammar matches them folded).
fn same_unit(x: &str, y: &str) -> bool {
    x == y || x.chars().map(crate::grammar::fold::fold_char).eq(y.chars().map(crate::grammar::fold::fold_char))
}

/// Dates compared as periods end: a missing month is December, a missing day the 31st.
fn date_key(d: &Date) -> (i32, u8, u8) {
    (d.year.unwrap_or(i32::MAX), d.month.unwrap_or(12), d.day.unwrap_or(31))
}

/// Decides how to score a target against an actual.
pub fn plan(target: &Target, actual: Option<&Target>) -> Plan {
    let Some(actual) = actual.filter(|a| a.kind != TargetKind::Empty) else { return Plan::Missing };
    let prefixed;
    let actual = match after_prefix(&actual.raw) {
        Some(t) if actual.kind == TargetKind::Qualitative => {
            prefixed = t;
            &prefixed
        }
        _ => actual,
    };
    let numeric_actual = matches!(actual.kind, TargetKind::Quantity | TargetKind::Range) && actual.value.is_some();
    match target.kind {
        TargetKind::Quantity | TargetKind::Range if numeric_actual && target.value.is_some() => match comparable(target, actual) {
            Err((t, a)) => Plan::UnitMismatch(t, a),
            Ok((t, upper, a)) => {
                let rule = if target.kind == TargetKind::Range {
                    ScoreRule::Range
                } else {
                    match target.comparator {
                        Some(Comparator::Le | Comparator::Lt) => ScoreRule::AtMost,
                        Some(Comparator::Eq) | None if t == 0.0 => ScoreRule::EqualZero,
                        _ => ScoreRule::AtLeast,
                    }
                };
                Plan::Numbers { rule, target: t, upper, actual: a }
            }
        },
        TargetKind::Compound if actual.kind == TargetKind::Compound && actual.parts.len() == target.parts.len() => {
            let mut pairs = Vec::new();
            for (t, a) in target.parts.iter().zip(&actual.parts) {
                if let (Some(x), Some(y)) = (&t.unit, &a.unit)
                    && !same_unit(x, y)
                {
                    return Plan::UnitMismatch(x.clone(), y.clone());
                }
                pairs.push((t.value, a.value));
            }
            Plan::Parts { pairs }
        }
        TargetKind::Deadline if actual.kind == TargetKind::Deadline && target.date.is_some() && actual.date.is_some() => {
            let (t, a) = (target.date.unwrap_or_default(), actual.date.unwrap_or_default());
            Plan::Deadline { met: date_key(&a) <= date_key(&t) }
        }
        _ if numeric_actual && matches!(target.kind, TargetKind::Quantity | TargetKind::Range | TargetKind::Compound) => {
            Plan::UnitMismatch(unit_text(target), unit_text(actual))
        }
        // A number or a deadline to reach: the actual must give one, or name its band in words.
        TargetKind::Quantity | TargetKind::Range | TargetKind::Compound | TargetKind::Deadline => {
            let text: String = crate::grammar::fold::fold(&actual.raw).chars().filter(|c| !c.is_whitespace()).collect();
            // `完成1000余人次` names no band: it gives a number the rules could not read, and
            // 完成 alone would score it as met.
            match stated_band(&text) {
                Some(Band::Achieved) if text.bytes().any(|b| b.is_ascii_digit()) => unreadable(target, actual),
                Some(b) => Plan::Band(b),
                None => unreadable(target, actual),
            }
        }
        // A number reached against a target with none (`≥**%` never filled in, `≥9O%` a scan
        // damaged): nothing to compare, so not scored, never taken as met.
        TargetKind::Placeholder if numeric_actual => Plan::Unreadable(
            "the target gives no number to reach: a form's placeholder, or a number the copy damaged".into(),
            "指标值没有可对照的数值：模板占位文字，或无法识别的数字".into(),
        ),
        _ => band_of(&actual.raw).map_or(Plan::Missing, Plan::Band),
    }
}

/// Why an actual says nothing to score against a number or a deadline.
fn unreadable(target: &Target, actual: &Target) -> Plan {
    let what = if target.kind == TargetKind::Deadline { "a date" } else { "a number" };
    let what_zh = if target.kind == TargetKind::Deadline { "日期" } else { "数值" };
    if let Some((why, why_zh)) = crate::grammar::date::impossible(&actual.raw) {
        return Plan::Unreadable(format!("it is not a date: {why}"), format!("不是有效日期：{why_zh}"));
    }
    match actual.kind {
        TargetKind::Deadline => Plan::Unreadable("it is a date, and the target is a number".into(), "实际完成值为日期，而指标值为数值".into()),
        TargetKind::Compound if target.kind == TargetKind::Compound => Plan::Unreadable(
            format!("it has {} parts, and the target {}", actual.parts.len(), target.parts.len()),
            format!("实际完成值有{}项，指标值有{}项", actual.parts.len(), target.parts.len()),
        ),
        TargetKind::Compound => Plan::Unreadable(
            format!("it gives {} quantities, and the target one", actual.parts.len()),
            format!("实际完成值有{}项数值，指标值只有一项", actual.parts.len()),
        ),
        _ => Plan::Unreadable(
            format!("it is neither {what} nor a result in words (达成, 部分达成, 未达成)"),
            format!("既不是{what_zh}，也不是达成、部分达成、未达成"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_in_traditional_characters_is_the_same_unit() {
        let (t, a) = (Target::parse("≥10個"), Target::parse("12个"));
        assert_eq!((t.unit.as_deref(), a.unit.as_deref()), (Some("個"), Some("个")));
        assert!(matches!(plan(&t, Some(&a)), Plan::Numbers { .. }));
    }

    #[test]
    fn the_longest_actual_prefix_is_stripped_whatever_its_place_in_the_list() {
        for p in ACTUAL_PREFIXES {
            assert_eq!(strip_actual_prefix(&format!("{p}50%")), Some("50%"), "{p}");
            assert_eq!(strip_actual_prefix(&format!("x{p}50%")), None, "{p}: only at the start");
        }
        assert_eq!(strip_actual_prefix("实际完成值为1620人次"), Some("1620人次"));
        assert_eq!(strip_actual_prefix("约为3次"), Some("3次"));
        assert_eq!(strip_actual_prefix("1620"), None);
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn more_is_better() {
        assert_eq!(at_least(50.0, 38000.0, 38000.0), 50.0); // exactly at target
        assert_eq!(at_least(50.0, 38000.0, 40000.0), 50.0); // past it: capped
        assert!(close(at_least(50.0, 38000.0, 33622.0), 44.239_473_684_210_53)); // 50 · 33622 / 38000
        assert_eq!(at_least(10.0, 90.0, -5.0), 0.0); // a negative actual counts as 0
        assert_eq!(at_least(10.0, 0.0, 0.0), 10.0); // ≥0 is met by 0
    }

    #[test]
    fn equal_to_zero() {
        assert_eq!(equal_zero(10.0, 0.0), 10.0);
        assert_eq!(equal_zero(10.0, -3.0), 10.0); // negative counts as 0, which is 0
        assert_eq!(equal_zero(10.0, 0.5), 0.0);
    }

    #[test]
    fn less_is_better() {
        assert_eq!(at_most(10.0, 5.0, 5.0), 10.0); // exactly at target
        assert_eq!(at_most(10.0, 5.0, 3.0), 10.0);
        assert!(close(at_most(10.0, 5.0, 6.0), 8.0)); // 10 · (1 − 1/5)
        assert!(close(at_most(10.0, 5.0, 9.99), 10.0 * (1.0 - 4.99 / 5.0)));
        assert_eq!(at_most(10.0, 5.0, 10.0), 0.0); // at twice the target: zero
        assert_eq!(at_most(10.0, 5.0, 50.0), 0.0);
        assert_eq!(at_most(10.0, 0.0, 1.0), 0.0); // ≤0 missed
        assert_eq!(at_most(10.0, 0.0, -1.0), 10.0);
    }

    #[test]
    fn ranges_score_by_the_nearer_bound() {
        assert_eq!(range(10.0, 2.0, 3.0, 2.5), 10.0);
        assert_eq!(range(10.0, 2.0, 3.0, 2.0), 10.0);
        assert!(close(range(10.0, 2.0, 3.0, 1.0), 5.0)); // as ≥2
        assert!(close(range(10.0, 2.0, 3.0, 4.5), 5.0)); // as ≤3: 10 · (1 − 1.5/3)
        assert_eq!(range(10.0, 2.0, 3.0, 6.0), 0.0);
        // Bounds given high to low: the same range, an actual inside it met.
        assert_eq!(range(10.0, 3000.0, 1500.0, 2000.0), 10.0);
        assert!(close(range(10.0, 3.0, 2.0, 1.0), 5.0));
    }

    #[test]
    fn bands_keep_reported_scores_inside_and_clamp_outside() {
        let achieved = [80.0, 100.0];
        let partly = [60.0, 80.0];
        assert_eq!(banded(30.0, achieved, Some(26.05)), 26.05);
        assert_eq!(banded(30.0, achieved, Some(24.0)), 24.0); // the 80 % edge is inside
        assert_eq!(banded(30.0, achieved, Some(20.0)), 24.0); // below: the nearer edge
        assert_eq!(banded(30.0, achieved, Some(31.0)), 30.0);
        assert_eq!(banded(30.0, achieved, None), 30.0); // none reported: the top
        assert_eq!(banded(10.0, partly, None), 8.0);
        assert_eq!(banded(10.0, partly, Some(6.0)), 6.0); // the 60 % edge
        assert_eq!(banded(10.0, [0.0, 60.0], Some(7.0)), 6.0);
    }

    #[test]
    fn bands_come_from_the_words() {
        assert_eq!(band_of("达成年度指标"), Some(Band::Achieved));
        assert_eq!(band_of("已完成"), Some(Band::Achieved));
        assert_eq!(band_of("未发生安全事故"), Some(Band::Achieved)); // 未 alone is no failure
        assert_eq!(band_of("部分达成年度指标并具有一定效果"), Some(Band::PartlyAchieved));
        assert_eq!(band_of("基本完成"), Some(Band::PartlyAchieved));
        assert_eq!(band_of("未达成年度指标且效果较差"), Some(Band::NotAchieved));
        assert_eq!(band_of("未完成"), Some(Band::NotAchieved));
        assert_eq!(band_of(" "), None);
        assert_eq!(band_of("/"), None);
    }

    #[test]
    fn plans() {
        let p = |t: &str, a: &str| plan(&Target::parse(t), Some(&Target::parse(a)));
        assert_eq!(p("≥90%", "77.9%"), Plan::Numbers { rule: ScoreRule::AtLeast, target: 90.0, upper: 90.0, actual: 77.9 });
        assert_eq!(p("100%", "97.6%"), Plan::Numbers { rule: ScoreRule::AtLeast, target: 100.0, upper: 100.0, actual: 97.6 });
        assert!(matches!(p("=0起", "0起"), Plan::Numbers { rule: ScoreRule::EqualZero, .. }));
        assert!(matches!(p("≤5个工作日", "6个工作日"), Plan::Numbers { rule: ScoreRule::AtMost, .. }));
        assert!(matches!(p("2-3次", "4次"), Plan::Numbers { rule: ScoreRule::Range, target: 2.0, upper: 3.0, .. }));
        // 万元 against 元 through value_yuan.
        assert_eq!(p("≤10万元", "120000元"), Plan::Numbers { rule: ScoreRule::AtMost, target: 100000.0, upper: 100000.0, actual: 120000.0 });
        assert_eq!(p("≥90%", "95人"), Plan::UnitMismatch("%".into(), "人".into()));
        assert_eq!(p("≥38000人", "33622"), Plan::Numbers { rule: ScoreRule::AtLeast, target: 38000.0, upper: 38000.0, actual: 33622.0 });
        assert_eq!(p("明显提高", "达成年度指标"), Plan::Band(Band::Achieved));
        assert_eq!(p("≥90%", "部分达成"), Plan::Band(Band::PartlyAchieved));
        assert_eq!(p("2023年12月底前", "2023年11月"), Plan::Deadline { met: true });
        assert_eq!(p("2023年6月底前", "2023年11月"), Plan::Deadline { met: false });
        assert_eq!(p("补助1007户，补助1630人", "补助1000户，补助1630人"), Plan::Parts { pairs: vec![(1007.0, 1000.0), (1630.0, 1630.0)] });
        assert_eq!(plan(&Target::parse("≥90%"), None), Plan::Missing);
        assert_eq!(p("≥90%", ""), Plan::Missing);
    }

    #[test]
    fn actuals_the_rules_cannot_read_are_not_scored() {
        let p = |t: &str, a: &str| plan(&Target::parse(t), Some(&Target::parse(a)));
        for (t, a) in
            [("≥1500人次", "暂未开展"), ("≥1500人次", "1e400人次"), ("2023年6月底前", "2023年2月30日"), ("≥90%", "有所提高"), ("2023年6月底前", "2023年13月")]
        {
            assert!(matches!(p(t, a), Plan::Unreadable(..)), "{t} / {a}: {:?}", p(t, a));
        }
        let why = |t: &str, a: &str| match p(t, a) {
            Plan::Unreadable(why, _) => why,
            other => format!("{other:?}"),
        };
        assert_eq!(why("2023年6月底前", "2023年2月30日"), "it is not a date: 2023年2月 has no day 30");
        assert_eq!(why("补助1007户，补助1630人", "补助1000户"), "it is neither a number nor a result in words (达成, 部分达成, 未达成)");
        assert_eq!(why("补助1007户，补助1630人", "补助1000户，补助1630人，补助3次"), "it has 3 parts, and the target 2");
        assert_eq!(why("≥1500人", "补助1000户，补助1630人"), "it gives 2 quantities, and the target one");
        assert_eq!(why("≥90%", "2023年5月"), "it is a date, and the target is a number");
        // `约1620人次` is about 1620; `完成率50%` is 50 % against a percent, a unit mismatch else.
        assert_eq!(p("≥1500人次", "约1620人次"), Plan::Numbers { rule: ScoreRule::AtLeast, target: 1500.0, upper: 1500.0, actual: 1620.0 });
        assert_eq!(p("≥90%", "完成率50%"), Plan::Numbers { rule: ScoreRule::AtLeast, target: 90.0, upper: 90.0, actual: 50.0 });
        assert_eq!(p("≥1500人次", "完成率50%"), Plan::UnitMismatch("人次".into(), "%".into()));
        assert_eq!(p("≥1500人次", "共完成1000人次"), Plan::Numbers { rule: ScoreRule::AtLeast, target: 1500.0, upper: 1500.0, actual: 1000.0 });
        assert!(matches!(p("≥1500人次", "完成1000余人次"), Plan::Unreadable(..)));
        // A target with no number (a placeholder, a damaged number) is no target a number meets.
        assert!(matches!(p("≥9O%", "60%"), Plan::Unreadable(..)));
        assert!(matches!(p("≥**个", "12个"), Plan::Unreadable(..)));
        assert_eq!(p("≥1500人次", "部分完成，约1000余人次"), Plan::Band(Band::PartlyAchieved));
        // Words that name a band still do, against a number or a deadline.
        assert_eq!(p("≥1500人次", "已完成"), Plan::Band(Band::Achieved));
        assert_eq!(p("2023年6月底前", "按期完成"), Plan::Band(Band::Achieved));
        // Against words, work not begun is not achieved.
        assert_eq!(p("明显提高", "暂未开展"), Plan::Band(Band::NotAchieved));
        // A range written high to low: an actual inside it.
        assert_eq!(p("3000-1500人次", "2000人次"), Plan::Numbers { rule: ScoreRule::Range, target: 1500.0, upper: 3000.0, actual: 2000.0 });
    }
}
