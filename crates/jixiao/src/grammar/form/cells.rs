//! A cell's text as the form writes it: a target composed from its sign, value and unit cells
//! (and back), budget systems' sign codes, a number in a weight or score cell, a likelihood's
//! words. The table pipeline reads with these and the writers write with them.

use crate::grammar::is_blank;
use crate::model::{Target, TargetKind};

pub fn starts_with_digit(s: &str) -> bool {
    s.trim_start().chars().next().is_some_and(|c| crate::grammar::fold::fold_char(c).is_ascii_digit())
}

pub fn ends_with_digit(s: &str) -> bool {
    s.trim_end().chars().next_back().is_some_and(|c| crate::grammar::fold::fold_char(c).is_ascii_digit())
}

/// The target text of a row: the value cell, with the sign cell before it when the value starts
/// with a number and the unit cell after it when the value ends with one (`≥` `95` `%` → `≥95%`;
/// `定性` `明显提高` → `明显提高`).
pub fn compose_target(sign: &str, value: &str, unit: &str) -> String {
    if is_blank(value) {
        return value.to_owned();
    }
    let sign = if starts_with_digit(value) && is_sign(sign) { sign_symbol(sign.trim()) } else { "" };
    // A unit cell holding only a dash (`-`, `/`, `无`: budget systems print one for "no unit")
    // adds nothing: `168` with `-` is `168`, not `168-` (the cell stays in extra). Nor does one
    // holding a number (an export that repeated the value there): no unit is a number.
    let unit = unit.trim();
    let unit = if takes_unit(value) && !matches!(unit, "-" | "--" | "/" | "—" | "无") && !starts_with_digit(unit) { unit } else { "" };
    format!("{sign}{value}{unit}")
}

/// Whether a value cell is followed by its row's unit cell in the target: a number, or `一` (one
/// of the unit: `一` | `台`, though a lone `一` is a dash, see target::parse).
fn takes_unit(value: &str) -> bool {
    ends_with_digit(value) || value.trim() == "一"
}

/// Whether a cell states a comparison when a number follows it (`≥`, `大于等于`, a sign code).
pub fn is_sign(cell: &str) -> bool {
    crate::grammar::target::parse(&format!("{}1", sign_symbol(cell.trim()))).sign_given
}

/// A sign cell as the comparison it states: budget systems store codes 1 ≥, 2 ＞, 3 ＝, 4 ＜,
/// 5 ≤ and 6 定性 (qualitative, no sign); symbols stand for themselves.
pub fn sign_symbol(sign: &str) -> &str {
    match sign {
        "1" => "≥",
        "2" => ">",
        "3" => "=",
        "4" => "<",
        "5" => "≤",
        "6" => "",
        s => s,
    }
}

/// The value cell back out of a composed target text (the inverse of [`compose_target`]).
pub fn value_cell<'a>(raw: &'a str, sign: &str, unit: &str) -> &'a str {
    let mut v = raw;
    let (sign, unit) = (sign_symbol(sign.trim()), unit.trim());
    if !sign.is_empty()
        && let Some(rest) = v.strip_prefix(sign)
        && starts_with_digit(rest)
    {
        v = rest;
    }
    if !unit.is_empty()
        && let Some(rest) = v.strip_suffix(unit)
        && takes_unit(rest)
    {
        v = rest;
    }
    v
}

/// A plain number in a weight or score cell (`10`, `9.5`, `10分`); None for anything else.
pub fn points(cell: &str) -> Option<f64> {
    // One number: `100\n92.44` (two cells' text joined) is not a score.
    if cell.trim().contains(char::is_whitespace) {
        return None;
    }
    if let Some(v) = exponent(cell.trim()) {
        return v;
    }
    let t = Target::parse(cell);
    let unit_ok = matches!(t.unit.as_deref(), None | Some("分"));
    (t.kind == TargetKind::Quantity && !t.sign_given && unit_ok).then_some(t.value).flatten()
}

/// The readings of a weight or score cell whose number a copy marked with a stray point at an
/// edge (`.2`, `、5`, `2.5。`): the digits alone and, for a leading decimal point (`.`, `．`,
/// `·`), the decimal it spells (0.2). Empty for any other cell, a plain number too. Which
/// reading stands is for the points of the level over it to say (see the table pipeline).
/// ([`points`] itself reads a trailing mark, `2.` or `5、`, as the digits.)
pub fn stray_point_readings(cell: &str) -> Vec<f64> {
    const STRAY: &[char] = &['.', '。', '、', '．', '·', ',', '，'];
    let t = cell.trim();
    let (lead, rest) = match t.strip_prefix(STRAY) {
        Some(rest) => (t.chars().next(), rest),
        None => (None, t),
    };
    let (digits, trail) = match rest.strip_suffix(STRAY) {
        Some(d) => (d, true),
        None => (rest, false),
    };
    // One stray mark, at one edge, of plain digits (a decimal inside them is the number's own).
    let plain = !digits.is_empty() && digits.split_once('.').is_none_or(|(a, b)| !a.is_empty() && !b.is_empty() && !b.contains('.'));
    if lead.is_some() == trail || !plain || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') || digits.len() > 6 {
        return Vec::new();
    }
    let Ok(whole) = digits.parse::<f64>() else { return Vec::new() };
    let mut readings = vec![whole];
    if matches!(lead, Some('.' | '．' | '·'))
        && !digits.contains('.')
        && let Ok(decimal) = format!("0.{digits}").parse::<f64>()
    {
        readings.push(decimal);
    }
    readings
}

/// The 分值 an evaluation framework writes inside a name, in a trailing bracket: `相关性(5分)`,
/// `相关性(5 分)`, `协作部门满意度（3分）` → 5, 5, 3. A bracket without 分 (`(≥**%)`, `(2023年)`)
/// is not a weight.
pub fn weight_in_name(name: &str) -> Option<f64> {
    points_in_bracket(name, true)
}

/// The points a level label gives in a trailing bracket, with or without 分: `项目立项(15)`,
/// `投入(20分)` → 15, 20.
pub fn points_in_label(label: &str) -> Option<f64> {
    points_in_bracket(label, false)
}

/// The number in a trailing bracket after some words, followed by 分 (required with `fen`).
fn points_in_bracket(text: &str, fen: bool) -> Option<f64> {
    let t = text.trim_end();
    let inner = t.strip_suffix([')', '）'])?;
    let open = inner.rfind(['(', '（'])?;
    let inside: String = inner[open..].chars().skip(1).filter(|c| !c.is_whitespace()).collect();
    let number = match inside.strip_suffix('分') {
        Some(n) => n,
        None if fen => return None,
        None => &inside,
    };
    if open == 0 || number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    number.parse().ok().filter(|v: &f64| v.is_finite())
}

/// A number in exponent notation (`1e308`, `2.5E-3`, as sheets and scripts print large and small
/// numbers): Some(the value) for such a text, None inside when it is out of range (`1e400`);
/// None for any other text.
fn exponent(s: &str) -> Option<Option<f64>> {
    let (mantissa, power) = s.split_once(['e', 'E'])?;
    let mantissa = mantissa.strip_prefix(['+', '-']).unwrap_or(mantissa);
    let power = power.strip_prefix(['+', '-']).unwrap_or(power);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || power.is_empty() || !digits(power) {
        return None;
    }
    Some(s.parse::<f64>().ok().filter(|v| v.is_finite()))
}

/// How a number prints in a cell (`10`, not `10.0`).
pub fn number_text(v: f64) -> String {
    format!("{v}")
}

/// The words of a likelihood as the form writes them.
pub fn l_text(l: crate::model::Likelihood) -> &'static str {
    match l {
        crate::model::Likelihood::Certain => "确定能",
        crate::model::Likelihood::Possible => "有可能",
        crate::model::Likelihood::Impossible => "完全不可能",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_in_a_level_label() {
        assert_eq!(points_in_label("项目立项(15)"), Some(15.0));
        assert_eq!(points_in_label("投入（20分）"), Some(20.0));
        assert_eq!(points_in_label("(15)"), None);
        assert_eq!(points_in_label("目标(2023年)"), None);
    }

    #[test]
    fn a_stray_point_at_one_edge_gives_the_readings_a_level_may_choose() {
        assert_eq!(stray_point_readings(".2"), vec![2.0, 0.2]);
        assert_eq!(stray_point_readings("．5"), vec![5.0, 0.5]);
        assert_eq!(stray_point_readings("·5"), vec![5.0, 0.5]);
        assert_eq!(stray_point_readings("2."), vec![2.0]);
        assert_eq!(stray_point_readings("、5"), vec![5.0]);
        assert_eq!(stray_point_readings("2.5。"), vec![2.5]);
        // A plain number, two marks, a mark inside, or words: nothing to choose.
        for cell in ["2", "2.5", ".2.", "..2", "2..", "1.2.3", "约2", "a.2", ".", ""] {
            assert!(stray_point_readings(cell).is_empty(), "{cell}");
        }
    }

    #[test]
    fn a_number_in_the_unit_column_is_no_unit() {
        assert_eq!(compose_target("=", "44,561", "44,561"), "=44,561");
        assert_eq!(compose_target("", "8", "4"), "8");
        assert_eq!(compose_target("≥", "95", "%"), "≥95%");
        assert_eq!(compose_target("=", "一", "台"), "一台");
        assert_eq!(compose_target("", "一", ""), "一");
        assert_eq!(value_cell("一台", "=", "台"), "一");
    }

    #[test]
    fn a_dash_in_the_unit_column_is_no_unit() {
        assert_eq!(compose_target("", "168", "-"), "168");
        assert_eq!(compose_target("≥", "90", "/"), "≥90");
        assert_eq!(compose_target("", "168", "人"), "168人");
    }

    #[test]
    fn weights_written_inside_names() {
        assert_eq!(weight_in_name("相关性(5分)"), Some(5.0));
        assert_eq!(weight_in_name("相关性(5 分)"), Some(5.0));
        assert_eq!(weight_in_name("协作部门满意度（3分）"), Some(3.0));
        assert_eq!(weight_in_name("人才培养(2.5分) "), Some(2.5));
        for name in ["游客满意度(≥**%)", "(5分)", "相关性(分)", "某项目(2023年)", "相关性", "得分(五分)"] {
            assert_eq!(weight_in_name(name), None, "{name}");
        }
    }
}
