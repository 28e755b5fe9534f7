//! The units that may follow a number in a target value, longest match first.
//! A number followed by anything not in this table is not read as a quantity: `0新区环境稳定`
//! stays text instead of becoming "0 新区".

use super::{longest_at, starts_with_at};
use crate::model::UnitKind;

/// A unit read off the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// As written, except that percent is always `%`.
    pub text: String,
    pub kind: UnitKind,
    /// For money: how many 元 one of this unit is.
    pub yuan: Option<f64>,
    /// How many characters of the input it took.
    pub len: usize,
    /// Where in the input it starts (a character index).
    pub at: usize,
}

const BASE_UNITS: &[(&str, UnitKind)] = {
    use UnitKind::*;
    &[
        ("%", Percent),
        ("百分比", Percent),
        ("个百分点", Percent),
        ("百分点", Percent),
        ("‰", Permille),
        ("千分比", Permille),
        ("元", Money),
        ("个工作日", Duration),
        ("工作日", Duration),
        ("个月", Duration),
        ("个季度", Duration),
        ("季度", Duration),
        ("小时", Duration),
        ("分钟", Duration),
        ("学时", Duration),
        ("课时", Duration),
        ("天", Duration),
        ("日", Duration),
        ("周", Duration),
        ("月", Duration),
        ("年", Duration),
        ("秒", Duration),
        ("平方公里", Area),
        ("平方千米", Area),
        ("平方米", Area),
        ("平米", Area),
        ("㎡", Area),
        ("公顷", Area),
        ("亩", Area),
        ("公里", Length),
        ("千米", Length),
        ("延米", Length),
        ("厘米", Length),
        ("米", Length),
        ("km", Length),
        ("cm", Length),
        ("mm", Length),
        ("m", Length),
        // `射程≥80M`: metres as forms print them, or mega (`100M带宽`): not a length for sure.
        ("M", Other),
        ("kg", Other),
        // An age (`18-54周岁`): 周岁 before 周 (a week).
        ("周岁", Other),
        ("岁", Other),
        ("分", Score),
        ("人次", Count),
        ("户次", Count),
        ("家次", Count),
        ("件次", Count),
        // 种次: species counted once per report (林业有害生物种次).
        ("种次", Count),
        ("批次", Count),
        ("场次", Count),
        ("篇次", Count),
        ("期次", Count),
        ("班次", Count),
        ("家庭户", Count),
        // A 计量单位 cell that names what is counted (`人数`, `户数`) for its unit.
        ("人数", Count),
        ("户数", Count),
        ("个社区", Count),
        ("个村", Count),
        ("个班", Count),
        ("个点", Count),
        ("人", Count),
        ("户", Count),
        ("名", Count),
        ("次", Count),
        ("篇", Count),
        ("期", Count),
        ("件", Count),
        ("个", Count),
        ("所", Count),
        ("家", Count),
        ("项", Count),
        ("场", Count),
        ("条", Count),
        ("批", Count),
        ("台", Count),
        ("套", Count),
        ("份", Count),
        ("册", Count),
        ("本", Count),
        ("部", Count),
        ("张", Count),
        ("座", Count),
        ("处", Count),
        ("辆", Count),
        ("起", Count),
        ("例", Count),
        ("床", Count),
        ("间", Count),
        ("栋", Count),
        ("宗", Count),
        ("笔", Count),
        ("门", Count),
        ("节", Count),
        ("班", Count),
        ("轮", Count),
        ("校", Count),
        ("支", Count),
        ("队", Count),
        ("棵", Count),
        ("株", Count),
        ("只", Count),
        ("头", Count),
        ("盏", Count),
        ("块", Count),
        ("根", Count),
        ("类", Count),
        ("届", Count),
        ("村", Count),
        ("种", Count),
        ("组", Count),
        ("对", Count),
        ("卷", Count),
        ("幅", Count),
        ("首", Count),
        ("集", Count),
        ("单", Count),
        ("课", Count),
        // Measure words of farms, fisheries, water works and clinics: 原原种550万粒, 鱼苗放流
        // 100万尾, 家禽2000羽, 机井6眼 (or 口), 农机10台套, 疫苗5000剂.
        ("台套", Count),
        ("粒", Count),
        ("尾", Count),
        ("羽", Count),
        ("眼", Count),
        ("口", Count),
        ("枚", Count),
        ("颗", Count),
        ("箱", Count),
        ("袋", Count),
        ("瓶", Count),
        ("剂", Count),
        ("艘", Count),
        ("匹", Count),
        ("孔", Count),
        ("架", Count),
        ("片", Count),
        // Concentrations, volumes, sound and power, as environmental and energy indicators
        // write them (`PM2.5≤35微克/立方米`, `COD≤50mg/L`, `噪声≤55分贝`, `装机10兆瓦`).
        ("微克", Other),
        ("毫克", Other),
        ("克", Other),
        ("μg", Other),
        ("µg", Other),
        ("ug", Other),
        ("mg", Other),
        ("毫升", Other),
        ("升", Other),
        ("L", Other),
        ("m³", Other),
        ("m3", Other),
        ("立方", Other),
        ("分贝", Other),
        ("dB", Other),
        ("兆瓦", Other),
        ("MW", Other),
        ("kW", Other),
        ("KW", Other),
        ("kw", Other),
        ("kWh", Other),
        ("KWh", Other),
        ("kwh", Other),
        ("kW·h", Other),
        ("MWp", Other),
        ("mL", Other),
        ("ml", Other),
        ("g", Other),
        ("吨", Other),
        ("千克", Other),
        ("公斤", Other),
        ("立方米", Other),
        ("方", Other),
        ("千瓦", Other),
        // Electricity: 度 is a kilowatt-hour (`60万度`, `节约用电1万度`).
        ("千瓦时", Other),
        ("度", Other),
    ]
};

/// Multiplier prefixes that may stand before a base unit: `万元`, `亿元`, `万人次`.
const PREFIXES: &[(&str, f64)] = &[("百万", 1e6), ("千万", 1e7), ("万", 1e4), ("亿", 1e8), ("千", 1e3)];

/// What may stand after `/` in a rate: `次/月`, `元/人`, `篇/年`.
const PER: &[&str] = &[
    "人次",
    "个月",
    "季度",
    "学期",
    "人",
    "生",
    "户",
    "次",
    "年",
    "月",
    "日",
    "天",
    "周",
    "件",
    "家",
    "所",
    "村",
    "个",
    "亩",
    "平方米",
    "公里",
    "小时",
    "h",
    "项",
    "班",
    "期",
];

static BASE_UNIT_WORDS: std::sync::LazyLock<super::Words<UnitKind>> = std::sync::LazyLock::new(|| super::Words::new(BASE_UNITS));

fn base_unit(s: &[char], at: usize) -> Option<(&'static str, UnitKind)> {
    BASE_UNIT_WORDS.longest_at(s, at)
}

/// What stands after a rate's `/` at `s[at..]`: a word of [`PER`] (no kind asked), else any base
/// unit with its kind (`平米`, area).
fn denominator_at(s: &[char], at: usize) -> Option<(&'static str, Option<UnitKind>)> {
    longest_at(s, at, PER.iter().map(|p| (*p, ()))).map(|(p, ())| (p, None)).or_else(|| base_unit(s, at).map(|(u, kind)| (u, Some(kind))))
}

/// A multiplier standing alone after a number (`250万`): the unit it is, as `万元` is, the
/// number kept as written (250 of 万); what it counts the row says, so it is of no known kind.
fn bare_multiplier_at(s: &[char], at: usize) -> Option<Unit> {
    longest_at(s, at, PREFIXES.iter().copied()).map(|(p, _)| Unit { text: p.to_owned(), kind: UnitKind::Other, yuan: None, len: p.chars().count(), at })
}

/// `每亩` before a number (`每亩300`, `每人500元`): the denominator of a rate written first, as
/// `/亩`; None when no denominator word follows 每.
pub fn leading_per(s: &[char], at: usize) -> Option<Unit> {
    if s.get(at) != Some(&'每') {
        return None;
    }
    let (per, ()) = longest_at(s, at + 1, PER.iter().map(|p| (*p, ())))?;
    Some(Unit { text: format!("/{per}"), kind: UnitKind::Rate, yuan: None, len: 1 + per.chars().count(), at })
}

/// The longest unit at `s[at..]`, with a multiplier prefix and a `/…` denominator if present;
/// a denominator alone (`28.40/株`) is a rate whose numerator the row does not say.
pub fn unit_at(s: &[char], at: usize) -> Option<Unit> {
    if s.get(at) == Some(&'/') {
        let (per, _) = denominator_at(s, at + 1)?;
        return Some(Unit { text: format!("/{per}"), kind: UnitKind::Rate, yuan: None, len: 1 + per.chars().count(), at });
    }
    let mut best: Option<Unit> =
        base_unit(s, at).map(|(u, kind)| Unit { text: u.to_owned(), kind, yuan: (kind == UnitKind::Money).then_some(1.0), len: u.chars().count(), at });
    for (prefix, factor) in PREFIXES {
        if !starts_with_at(s, at, prefix) {
            continue;
        }
        let plen = prefix.chars().count();
        if let Some((u, kind)) = base_unit(s, at + plen) {
            let len = plen + u.chars().count();
            if best.as_ref().is_none_or(|b| len > b.len) && kind != UnitKind::Percent {
                best = Some(Unit { text: format!("{prefix}{u}"), kind, yuan: (kind == UnitKind::Money).then_some(*factor), len, at });
            }
        }
    }
    let Some(mut unit) = best else { return bare_multiplier_at(s, at) };
    if unit.text == "百分比" {
        unit.text = "%".to_owned();
    }
    // A rate: `次/月`, `元/平米` (per any unit, as a lone denominator is). Money per something
    // stays money, so that value_yuan still compares.
    if s.get(at + unit.len) == Some(&'/')
        // Per any unit, but a count over a count is a choice of words (`台/套`: 台 or 套).
        && let Some((per, _)) = denominator_at(s, at + unit.len + 1).filter(|(_, kind)| !(unit.kind == UnitKind::Count && *kind == Some(UnitKind::Count)))
    {
        unit.text = format!("{}/{}", unit.text, per);
        unit.len += 1 + per.chars().count();
        if unit.kind != UnitKind::Money {
            unit.kind = UnitKind::Rate;
        }
        // A second denominator joined by a dot, a times or a slash (`元/人.每天`, `元/人·天`,
        // `元/人*月`, `元/生/年`): per person and day.
        if matches!(s.get(at + unit.len), Some('.' | '·' | '•' | '・' | '*' | '×' | '/')) {
            let each = usize::from(s.get(at + unit.len + 1) == Some(&'每'));
            if let Some((per, ())) = longest_at(s, at + unit.len + 1 + each, PER.iter().map(|p| (*p, ()))) {
                unit.text = format!("{}{}{}{per}", unit.text, s[at + unit.len], if each == 1 { "每" } else { "" });
                unit.len += 1 + each + per.chars().count();
            }
        }
    }
    Some(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(String, UnitKind, Option<f64>)> {
        let c: Vec<char> = s.chars().collect();
        unit_at(&c, 0).filter(|u| u.len == c.len()).map(|u| (u.text, u.kind, u.yuan))
    }

    #[test]
    fn longest_match_and_prefixes() {
        assert_eq!(read("万元"), Some(("万元".into(), UnitKind::Money, Some(1e4))));
        assert_eq!(read("亿元"), Some(("亿元".into(), UnitKind::Money, Some(1e8))));
        assert_eq!(read("个工作日"), Some(("个工作日".into(), UnitKind::Duration, None)));
        assert_eq!(read("分钟"), Some(("分钟".into(), UnitKind::Duration, None)));
        assert_eq!(read("百分比"), Some(("%".into(), UnitKind::Percent, None)));
        assert_eq!(read("次/月"), Some(("次/月".into(), UnitKind::Rate, None)));
        assert_eq!(read("元/人"), Some(("元/人".into(), UnitKind::Money, Some(1.0))));
        assert_eq!(read("种次"), Some(("种次".into(), UnitKind::Count, None)));
        assert_eq!(read("新区"), None);
        assert_eq!(read("/株"), Some(("/株".into(), UnitKind::Rate, None)));
        assert_eq!(read("万"), Some(("万".into(), UnitKind::Other, None)));
        assert_eq!(read("周岁"), Some(("周岁".into(), UnitKind::Other, None)));
        assert_eq!(read("m"), Some(("m".into(), UnitKind::Length, None)));
        assert_eq!(read("元/人.每天"), Some(("元/人.每天".into(), UnitKind::Money, Some(1.0))));
        assert_eq!(read("元/平米"), Some(("元/平米".into(), UnitKind::Money, Some(1.0))));
        assert_eq!(read("元/生/年"), Some(("元/生/年".into(), UnitKind::Money, Some(1.0))));
        assert_eq!(read("元/米"), Some(("元/米".into(), UnitKind::Money, Some(1.0))));
        assert_eq!(read("次/人·月"), Some(("次/人·月".into(), UnitKind::Rate, None)));
        assert_eq!(read("元/人*月"), Some(("元/人*月".into(), UnitKind::Money, Some(1.0))));
        assert_eq!(read("人数"), Some(("人数".into(), UnitKind::Count, None)));
        assert_eq!(read("元/人.每"), None);
        assert_eq!(read("微克/立方米"), Some(("微克/立方米".into(), UnitKind::Rate, None)));
        assert_eq!(read("mg/L"), Some(("mg/L".into(), UnitKind::Rate, None)));
        assert_eq!(read("μg/m³"), Some(("μg/m³".into(), UnitKind::Rate, None)));
        assert_eq!(read("分贝"), Some(("分贝".into(), UnitKind::Other, None)));
        assert_eq!(read("万千瓦"), Some(("万千瓦".into(), UnitKind::Other, None)));
    }
}
