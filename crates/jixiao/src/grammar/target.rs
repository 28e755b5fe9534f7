//! The 指标值 grammar. A hand-written scanner over folded characters: no regex, no state, so
//! a read is a pure function of the text and costs nothing to set up.
//!
//! Order of attempts: empty → as-actual → one quantity → range → compound → a sentence that
//! states its standard → qualitative.
//! Whatever no rule reads fully is qualitative: kept as written, never guessed at.

use super::date::deadline;
use super::fold::fold_char;
use super::longest_at;
use super::units::{Unit, leading_per, unit_at};
use crate::model::{Comparator, Direction, Target, TargetKind, TargetPart, UnitKind};

/// Comparators that stand before the number, longest first where one contains another.
const PREFIX_COMPARATORS: &[(&str, Comparator)] = {
    use Comparator::*;
    &[
        ("大于或等于", Ge),
        ("大于等于", Ge),
        ("不得低于", Ge),
        ("不得少于", Ge),
        ("不低于", Ge),
        ("不少于", Ge),
        ("不小于", Ge),
        ("至少", Ge),
        ("达到", Ge),
        ("达", Ge),
        (">=", Ge),
        ("=>", Ge),
        ("≥", Ge),
        ("≮", Ge),
        ("大于", Gt),
        ("超过", Gt),
        ("高于", Gt),
        ("多于", Gt),
        (">", Gt),
        ("等于", Eq),
        ("==", Eq),
        ("=", Eq),
        ("小于或等于", Le),
        ("小于等于", Le),
        ("不得超过", Le),
        ("不得高于", Le),
        ("不超过", Le),
        ("不高于", Le),
        ("不大于", Le),
        ("不多于", Le),
        ("控制在", Le),
        ("<=", Le),
        ("=<", Le),
        ("≤", Le),
        ("≯", Le),
        ("小于", Lt),
        ("低于", Lt),
        ("少于", Lt),
        ("<", Lt),
    ]
};

static PREFIX_COMPARATOR_WORDS: std::sync::LazyLock<super::Words<Comparator>> = std::sync::LazyLock::new(|| super::Words::new(PREFIX_COMPARATORS));

/// The longest comparator standing at `s[at..]`: its length in characters and its value.
fn prefix_comparator(s: &[char], at: usize) -> Option<(usize, Comparator)> {
    PREFIX_COMPARATOR_WORDS.longest_at(s, at).map(|(w, c)| (w.chars().count(), c))
}

/// The comparator a phrase states of the value it describes and nothing else (`达到目标值`,
/// `不低于预计值`, `不超过计划值`), or None.
pub fn comparator_phrase(text: &str) -> Option<Comparator> {
    const VALUES: &[&str] = &["目标值", "预计值", "计划值", "指标值", "预期值", "目标", "计划", "预期", "要求", "标准"];
    if text.len() > 48 {
        return None;
    }
    let chars: Vec<char> = text.chars().map(fold_char).filter(|c| !c.is_whitespace()).collect();
    let (len, comparator) = prefix_comparator(&chars, 0)?;
    let rest: String = chars[len..].iter().collect();
    VALUES.contains(&rest.as_str()).then_some(comparator)
}

/// Comparators that stand after the number and unit: `95%以上`, `3天以内`.
const SUFFIX_COMPARATORS: &[(&str, Comparator)] = {
    use Comparator::*;
    &[("及以上", Ge), ("以上", Ge), ("及以下", Le), ("以下", Le), ("以内", Le), ("之内", Le), ("内", Le)]
};

const EMPTY_MARKS: &[&str] = &["", "/", "\\", "-", "--", "---", "无", "暂无", "空", "N/A", "n/a", "NA", "/-"];

/// Whether a cell holds only the mark of an empty cell (`-`, `/`, `无`).
pub fn is_empty_mark(cell: &str) -> bool {
    cell.len() <= 16 && EMPTY_MARKS.contains(&super::fold::squeeze(cell).as_str())
}

const AS_ACTUAL_PREFIXES: &[&str] = &["根据实际", "据实", "按实际", "以实际", "依据实际", "视实际", "依实际", "按照实际", "实际发生"];

/// Words that state a direction. Scanned by position: the earliest word decides.
const DIRECTION_WORDS: &[(&str, Direction)] = {
    use Direction::*;
    &[
        ("提高", Increase),
        ("提升", Increase),
        ("增加", Increase),
        ("增长", Increase),
        ("增强", Increase),
        ("上升", Increase),
        ("扩大", Increase),
        ("改善", Increase),
        ("好转", Increase),
        ("加强", Increase),
        ("优化", Increase),
        ("完善", Increase),
        ("减少", Decrease),
        ("降低", Decrease),
        ("下降", Decrease),
        ("减轻", Decrease),
        ("缩短", Decrease),
        ("压缩", Decrease),
        ("遏制", Decrease),
        ("稳定", Maintain),
        ("保持", Maintain),
        ("维持", Maintain),
        ("平稳", Maintain),
        ("安全", Maintain),
        ("正常", Maintain),
        ("不变", Maintain),
        ("巩固", Maintain),
        ("完成", Complete),
        ("按期", Complete),
        ("按时", Complete),
        ("及时", Complete),
        ("达标", Complete),
        ("达成", Complete),
        ("实现", Complete),
        ("到位", Complete),
        ("合格", Complete),
        ("建成", Complete),
        ("建立", Complete),
        ("健全", Complete),
        ("全覆盖", Complete),
        ("发放", Complete),
        ("落实", Complete),
    ]
};

static DIRECTION_WORD_INDEX: std::sync::LazyLock<super::Words<Direction>> = std::sync::LazyLock::new(|| super::Words::new(DIRECTION_WORDS));

/// The folded text without white space, with each character's byte offset in the raw text.
struct Folded {
    chars: Vec<char>,
    offsets: Vec<usize>,
}

impl Folded {
    fn new(raw: &str) -> Self {
        let mut chars = Vec::with_capacity(raw.len());
        let mut offsets = Vec::with_capacity(raw.len());
        for (i, c) in raw.char_indices() {
            let f = fold_char(c);
            if !f.is_whitespace() {
                chars.push(f);
                offsets.push(i);
            }
        }
        Folded { chars, offsets }
    }
}

/// The longest word of `table` at `s[at..]`: its length in characters and its value.
fn longest_word<T: Copy>(s: &[char], at: usize, table: &[(&str, T)]) -> Option<(usize, T)> {
    longest_at(s, at, table.iter().copied()).map(|(w, v)| (w.chars().count(), v))
}

/// A number at `s[at..]`: optional sign, digits with `,` thousands groups, optional decimals.
/// Returns the value and the characters taken.
fn number_at(s: &[char], at: usize, allow_sign: bool) -> Option<(f64, usize)> {
    let mut i = at;
    let mut text = String::new();
    if allow_sign && matches!(s.get(i), Some('-') | Some('+')) && s.get(i + 1).is_some_and(char::is_ascii_digit) {
        text.push(s[i]);
        i += 1;
    }
    let digits_start = i;
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() {
            text.push(c);
            i += 1;
        } else if c == ',' && i > digits_start && is_thousands_group(s, i) {
            i += 1;
        } else {
            break;
        }
    }
    if i == digits_start {
        return None;
    }
    if s.get(i) == Some(&'.') && s.get(i + 1).is_some_and(char::is_ascii_digit) {
        text.push('.');
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            text.push(s[i]);
            i += 1;
        }
    }
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some((value, i - at))
}

/// Whether the `,` at `s[i]` separates thousands: exactly three digits follow, then no digit.
fn is_thousands_group(s: &[char], i: usize) -> bool {
    s[i - 1].is_ascii_digit() && (1..=3).all(|k| s.get(i + k).is_some_and(char::is_ascii_digit)) && !s.get(i + 4).is_some_and(char::is_ascii_digit)
}

fn is_trailing_punctuation(c: char) -> bool {
    matches!(c, '。' | '.' | ';' | ',' | '、' | '!')
}

/// The end of `s` once trailing punctuation is left out.
fn trimmed_end(s: &[char]) -> usize {
    let mut end = s.len();
    while end > 0 && is_trailing_punctuation(s[end - 1]) {
        end -= 1;
    }
    end
}

struct Quantity {
    comparator: Option<Comparator>,
    value: f64,
    unit: Option<Unit>,
}

/// One quantity filling `s[start..end]`: `[comparator] number [unit] [suffix comparator]`,
/// where the leading comparator may follow a label without digits (`满意度≥90%`), and a label
/// naming a measure may stand before a number with its unit (`年度预算220万元`).
fn quantity(s: &[char], end: usize) -> Option<Quantity> {
    let mut at = 0;
    let mut comparator = prefix_comparator(s, 0).map(|(len, c)| {
        at = len;
        c
    });
    // `各1次` (once each, as a plan lists several reports): the number is each one's.
    if comparator.is_none() && s.first() == Some(&'各') && number_at(&s[..end], 1, true).is_some() {
        at = 1;
    }
    // `每亩300`, `≥每人500元`: the rate's denominator written before the number.
    let per = leading_per(&s[..end], at);
    if let Some(p) = &per {
        at += p.len;
    }
    let starts_with_number = at == 1 || per.is_some() || number_at(&s[..end], 0, true).is_some();
    // Whether the number must be followed by a unit: after a label with no comparator, or after
    // words between a comparator word and the number.
    let mut needs_unit = false;
    // `至少开展2次`, `控制在预算10万元以内`: a few words between a word that bounds the value (a
    // floor or a ceiling) and the number, what is done or spent. After 高于 / 低于 (`低于市场价格
    // 10%`) the number is the margin from what the words name, and after 前 a rank (`达到全国前10
    // 名`): not the bound; nor is it after a change or a part of a period.
    let bound_word = |len: usize| BOUND_WORDS.iter().any(|w| w.chars().count() == len && s[..len].iter().copied().eq(w.chars()));
    if comparator.is_some() && per.is_none() && at >= 2 && bound_word(at) && number_at(&s[..end], at, true).is_none() {
        let digit = s[..end].iter().position(char::is_ascii_digit)?;
        let words = plain_words(&s[at..digit], WORDS_AROUND_MAX)?;
        if (at..digit).any(|i| prefix_comparator(s, i).is_some()) || REFERENCE_WORDS.iter().any(|w| words.contains(w)) {
            return None;
        }
        at = digit;
        needs_unit = true;
    }
    if comparator.is_none() && !starts_with_number {
        let digit = s[..end].iter().position(char::is_ascii_digit)?;
        match (1..digit).find(|&i| prefix_comparator(s, i).is_some()) {
            // A label before the comparator, e.g. `满意度≥90%`: no digits in the label.
            Some(pos) => {
                let (len, c) = prefix_comparator(s, pos)?;
                comparator = Some(c);
                at = pos + len;
            }
            // A label that names what is measured right before the number and its unit
            // (`年度预算220万元`, `资金到位率100%`): the number is the target, with no sign.
            // A verb before it (`惠及200人`, `增长5%`) says something else, and stays words.
            None if names_a_measure(&s[..digit]) => {
                at = digit;
                needs_unit = true;
            }
            None => return None,
        }
    }
    let (mut value, len) = number_at(&s[..end], at, true)?;
    at += len;
    let mut unit = unit_at(&s[..end], at);
    if let Some(u) = &unit {
        // After a label, `年` / `月` / `日` are a date's (`发放资金2020年`), not a duration.
        if needs_unit && matches!(u.text.as_str(), "年" | "月" | "日") {
            return None;
        }
        at += u.len;
    } else if needs_unit {
        return None;
    }
    if let Some(p) = per {
        unit = Some(match unit {
            // `每人500元` is 500 元/人; a unit that has its own denominator takes no second one.
            Some(u) if !u.text.contains('/') => Unit { text: format!("{}{}", u.text, p.text), len: 0, ..u },
            Some(_) => return None,
            None => p,
        });
    }
    if at < end {
        match longest_word(&s[..end], at, SUFFIX_COMPARATORS) {
            Some((len, suffix)) => {
                at += len;
                match comparator {
                    Some(c) if c != suffix => return None,
                    _ => comparator = Some(suffix),
                }
            }
            // `不少于3次培训`, `至少全年完成2次宣传`: after a stated comparator, a number and its
            // unit, the few words that name what is counted (not a time's: `不超过2020年水平`
            // compares with a year's level, `3天后` says when).
            // A rate's denominator after it (`100元每人`) is no object of the count.
            None if comparator.is_some()
                && unit.as_ref().is_some_and(|u| u.kind != UnitKind::Duration && !matches!(u.text.as_str(), "年" | "月" | "日"))
                && plain_words(&s[at..end], WORDS_AROUND_MAX).is_some()
                && !s[at..end].contains(&'每') =>
            {
                at = end
            }
            None => return None,
        }
    }
    if at != end {
        return None;
    }
    if value == 0.0 {
        value = 0.0; // no negative zero in the output
    }
    Some(Quantity { comparator, value, unit })
}

/// The words that end a label naming a measure: a rate, a count, an amount, a degree, a budget,
/// a standard, a price, a value.
const MEASURE_ENDS: &[&str] =
    &["率", "数", "额", "量", "度", "值", "价", "标准", "预算", "资金", "经费", "成本", "费用", "投资", "面积", "规模", "里程", "长度"];

/// Words that make the number a change or a part of a period, not the measure's level:
/// `提高满意度5%` is 5 points more, `第一季度资金到位率30%` a quarter's share.
const NOT_A_LEVEL: &[&str] =
    &["提高", "提升", "降低", "减少", "增加", "增长", "节约", "节省", "压缩", "超额", "超过", "下降", "缩短", "上升", "扩大", "较", "比", "季度", "第", "约"];

/// The longest label before a number that can name its measure, in characters: longer is a clause.
const MEASURE_LABEL_MAX: usize = 12;

/// Whether `label` (the words before a number) names what the number measures: a short phrase
/// with no punctuation that ends in one of [`MEASURE_ENDS`], but not in a period's name (`年度`,
/// `月度`: a time, not a measure), and says no change or part of a period ([`NOT_A_LEVEL`]: 季度 too).
fn names_a_measure(label: &[char]) -> bool {
    // Compared in simplified characters: copies in traditional ones (`年度預算`) say the same.
    let simple: String = label.iter().map(|c| super::fold::simplified(*c)).collect();
    !label.is_empty()
        && label.len() <= MEASURE_LABEL_MAX
        && label.iter().all(|c| c.is_alphanumeric() || matches!(c, '(' | ')'))
        && MEASURE_ENDS.iter().any(|w| simple.ends_with(w))
        && !["年度", "月度"].iter().any(|w| simple.ends_with(w))
        && !NOT_A_LEVEL.iter().any(|w| simple.contains(w))
}

/// The comparator words that bound a value, a floor or a ceiling, and may stand a few words
/// before it (`至少开展2次`).
const BOUND_WORDS: &[&str] =
    &["至少", "不少于", "不得少于", "不低于", "不得低于", "不超过", "不得超过", "不高于", "不得高于", "不多于", "不大于", "控制在", "达到"];

/// Words that name what a number is measured from (`低于上年5%`, `不低于全省平均水平2个百分点`)
/// or a rank (`前10名`): the number is then a margin or a place, not the bound.
const REFERENCE_WORDS: &[&str] = &["上年", "去年", "同期", "平均", "市场", "全国", "全省", "全市", "全区", "全县", "基期", "基数", "水平", "前"];

/// The most characters of words between a comparator word and its number, or after the unit.
const WORDS_AROUND_MAX: usize = 6;

/// `words` (folded: in simplified characters) as text, when they are a few ideographs that say no
/// change or part of a period ([`NOT_A_LEVEL`]).
fn plain_words(words: &[char], max: usize) -> Option<String> {
    if words.is_empty() || words.len() > max || !words.iter().all(|c| super::fold::is_ideograph(*c)) {
        return None;
    }
    let text: String = words.iter().collect();
    (!NOT_A_LEVEL.iter().any(|w| text.contains(w))).then_some(text)
}

/// `2-3次`, `2～3次`, `2至3次`, `85%-95%`.
fn range(s: &[char], end: usize) -> Option<(f64, f64, Option<Unit>)> {
    let (low, len) = number_at(&s[..end], 0, true)?;
    let mut at = len;
    let low_unit = unit_at(&s[..end], at);
    if let Some(u) = &low_unit {
        at += u.len;
    }
    if !matches!(s.get(at), Some('-') | Some('~') | Some('至') | Some('到')) || at >= end {
        return None;
    }
    at += 1;
    let (high, len) = number_at(&s[..end], at, false)?;
    at += len;
    let high_unit = unit_at(&s[..end], at);
    if let Some(u) = &high_unit {
        at += u.len;
    }
    if at != end {
        return None;
    }
    let unit = match (low_unit, high_unit) {
        (Some(a), Some(b)) if a.text != b.text => return None,
        (a, b) => b.or(a),
    };
    // No negative zero in the output (`-0-5%`). A range written high to low (`3000-1500人次`)
    // is the same range: `value` is always the lower bound, `upper` the higher.
    let zero = |v: f64| if v == 0.0 { 0.0 } else { v };
    Some((zero(low.min(high)), zero(low.max(high)), unit))
}

fn is_separator(s: &[char], i: usize) -> bool {
    match s[i] {
        ';' | '、' => true,
        ',' => !(i > 0 && is_thousands_group(s, i)),
        _ => false,
    }
}

/// Several quantities in one cell: every part has exactly one number, directly followed by a unit.
/// The list may stand between a lead-in and a closing clause that hold no quantity
/// (`2023年预计在校生:小学600人,初中700人,高中1000人,最后以实际招生人数为准`): those stay in the
/// text, not among the parts, and at least two parts remain.
fn compound(f: &Folded, raw: &str) -> Option<Vec<TargetPart>> {
    let s = &f.chars;
    let mut bounds = Vec::new();
    let mut start = 0;
    for i in 0..s.len() {
        // A colon ends a lead-in (`在校生:`); one in a time or ratio (`8:30`, `1:2`) leaves a
        // number with no unit before it, which no part is.
        if is_separator(s, i) || s[i] == ':' {
            bounds.push((start, i));
            start = i + 1;
        }
    }
    bounds.push((start, s.len()));
    bounds.retain(|(a, b)| a < b);
    if bounds.len() < 2 {
        return None;
    }
    let mut parts = Vec::with_capacity(bounds.len());
    // Whether a part was read, and whether a clause with no quantity came after one.
    let mut closed = false;
    for (a, b) in bounds {
        let seg = &s[a..b];
        if is_frame(seg) {
            closed |= !parts.is_empty();
            continue;
        }
        if closed {
            return None;
        }
        let first = seg.iter().position(char::is_ascii_digit)?;
        let (value, len) = number_at(seg, first, false)?;
        let mut unit = unit_at(seg, first + len)?;
        unit.at += a;
        let unit = written(unit, raw, f);
        let after = first + len + unit.len;
        if seg[after..].iter().any(char::is_ascii_digit) || seg[..first].contains(&'.') {
            return None;
        }
        let raw_end = if b < s.len() { f.offsets[b] } else { raw.len() };
        let text = raw[f.offsets[a]..raw_end].trim().to_owned();
        parts.push(TargetPart { text, value, unit: Some(unit.text) });
    }
    (parts.len() >= 2).then_some(parts)
}

/// A clause around a list of quantities that is none: no digit at all, or only the year it
/// speaks of (`2023年预计在校生`).
fn is_frame(seg: &[char]) -> bool {
    let Some(first) = seg.iter().position(char::is_ascii_digit) else { return true };
    let digits = seg[first..].iter().take_while(|c| c.is_ascii_digit()).count();
    let year = digits == 4 && seg.get(first + 4) == Some(&'年') && seg.get(first + 5).is_none_or(|c| !c.is_ascii_digit());
    year && !seg[first + 4..].iter().any(char::is_ascii_digit)
}

fn direction(s: &str) -> Option<Direction> {
    if s == "是" {
        return Some(Direction::Complete);
    }
    // The earliest word, the longest of those starting there: one scan, not a search per word.
    let (pos, d) = s.char_indices().find_map(|(pos, c)| {
        let rest = &s[pos..];
        DIRECTION_WORD_INDEX.starting_with(c).iter().filter(|(w, _)| rest.starts_with(w)).max_by_key(|(w, _)| w.len()).map(|(_, d)| (pos, *d))
    })?;
    // A word negated right before it says the opposite or nothing: 不降低 / 不减少 keep the level;
    // 未完成, 不合格, 不提高 state no direction to aim for.
    match (s[..pos].chars().next_back(), d) {
        (Some('不' | '未'), Direction::Decrease) => Some(Direction::Maintain),
        (Some('不' | '未'), _) => None,
        _ => Some(d),
    }
}

fn blank(raw: &str, kind: TargetKind) -> Target {
    Target { raw: raw.to_owned(), kind, ..Target::default() }
}

fn with_unit(mut t: Target, unit: Option<Unit>) -> Target {
    if let Some(u) = unit {
        // A number too large for 元 has no yuan value rather than an infinite one.
        t.value_yuan = u.yuan.zip(t.value).map(|(y, v)| y * v).filter(|v| v.is_finite());
        t.unit_kind = Some(u.kind);
        t.unit = Some(u.text);
    }
    t
}

/// A bare quantity or range whose indicator's name states the unit in a closing bracket
/// (`受益人数(人)` | `132`, `覆盖率(%)` | `≥95`): the unit is the name's, as a reviewer reads
/// it; the raw text stays as written. Anything else, and a bracket that is more than a unit
/// (`项目总投入(≥**万元)`), leaves the target as it is.
pub fn with_name_unit(t: Target, name: &str) -> Target {
    if t.unit.is_some() || !matches!(t.kind, TargetKind::Quantity | TargetKind::Range) {
        return t;
    }
    // Most names end in no bracket: known without folding or copying the name.
    if name.trim_end().chars().next_back().is_none_or(|c| fold_char(c) != ')') {
        return t;
    }
    // Folded to match, the unit kept in the characters the name writes (`成本控制數(萬元)`).
    let f = Folded::new(name);
    let Some((')', inner)) = f.chars.split_last() else { return t };
    let Some(open) = inner.iter().rposition(|c| *c == '(') else { return t };
    let bracket = &inner[open + 1..];
    match unit_at(bracket, 0) {
        Some(unit) if unit.len == bracket.len() => with_unit(t, Some(written(Unit { at: unit.at + open + 1, ..unit }, name, &f))),
        _ => t,
    }
}

/// Form text left in: `≥**个`, `**%`, `XX人`, with no digit of a real value.
/// The error values a spreadsheet cell shows when its formula failed (Excel, WPS, LibreOffice):
/// no value was given, however the text reads (`#DIV/0!` is not a `/0`).
const SHEET_ERRORS: &[&str] =
    &["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!"];

/// Whether a (squeezed) text is a spreadsheet's error value.
pub fn is_sheet_error(text: &str) -> bool {
    SHEET_ERRORS.iter().any(|e| text.eq_ignore_ascii_case(e))
}

/// The marks forms print where a number is to be filled in.
const PLACEHOLDER_MARKS: &[char] = &['*', '＊', 'X', 'x', '×', 'Ｘ'];

/// Longest text read as a unit alone (`万元以内`, `人次/年`): a word longer than that is words.
const UNIT_ONLY_CHARS: usize = 8;

/// A placeholder, with the sign and unit its form text gives (`≥**个`: a count, a floor); `form`
/// has a NUL where the number was to be. Not one when the text, filled in, is no quantity.
fn placeholder(raw: &str, form: &str) -> Target {
    let filled = parse(&form.replace('\u{0}', "0"));
    let mut t = blank(raw, TargetKind::Placeholder);
    if filled.kind == TargetKind::Quantity && filled.value == Some(0.0) && filled.parts.is_empty() {
        t.comparator = filled.comparator.filter(|_| filled.sign_given);
        t.sign_given = filled.sign_given;
        (t.unit, t.unit_kind) = (filled.unit, filled.unit_kind);
    }
    t
}

fn is_placeholder(text: &str) -> bool {
    !text.chars().any(|c| c.is_ascii_digit()) && ["**", "XX", "xx", "××", "ＸＸ"].iter().any(|p| text.contains(p))
}

/// `±3%以内`: a tolerance, read as the range from −3 to 3.
fn tolerance(s: &[char], end: usize) -> Option<(f64, Option<Unit>)> {
    let at = longest_word(&s[..end], 0, &[("±", ()), ("+-", ()), ("+/-", ())])?.0;
    let (value, len) = number_at(&s[..end], at, false)?;
    let mut at = at + len;
    let unit = unit_at(&s[..end], at);
    if let Some(u) = &unit {
        at += u.len;
    }
    if at < end {
        let (len, c) = longest_word(&s[..end], at, SUFFIX_COMPARATORS)?;
        if c != Comparator::Le {
            return None;
        }
        at += len;
    }
    (at == end).then_some((value, unit))
}

/// A unit as the text writes it: the grammar matches units in simplified characters (`萬元` is
/// `万元`) and full-width or variant forms folded, but the model keeps the characters the user
/// wrote (`萬元`); only the forms that fold to ASCII or to `%` (`％`, `﹪`, `百分比`) take the
/// folded form, as they always have.
fn written(mut unit: Unit, raw: &str, f: &Folded) -> Unit {
    let start = f.offsets[unit.at];
    let end = f.offsets.get(unit.at + unit.len).copied().unwrap_or(raw.len());
    let text: String = raw[start..end]
        .chars()
        .filter(|c| !fold_char(*c).is_whitespace())
        .map(|c| if ('\u{4E00}'..='\u{9FFF}').contains(&c) { c } else { fold_char(c) })
        .collect();
    if text != unit.text && text.chars().map(fold_char).eq(unit.text.chars()) {
        unit.text = text;
    }
    unit
}

/// One value filling `s[..end]`: a deadline, a quantity, a tolerance or a range.
fn single(raw: &str, f: &Folded, end: usize) -> Option<Target> {
    let s = &f.chars[..];
    if let Some(d) = deadline(s, end) {
        let mut t = blank(raw, TargetKind::Deadline);
        t.comparator = d.comparator;
        t.sign_given = d.sign_given;
        t.date = Some(d.date);
        t.until = d.until;
        return Some(t);
    }
    if let Some(q) = quantity(s, end) {
        let mut t = blank(raw, TargetKind::Quantity);
        t.sign_given = q.comparator.is_some();
        t.comparator = Some(q.comparator.unwrap_or(Comparator::Eq));
        t.value = Some(q.value);
        return Some(with_unit(t, q.unit.map(|u| written(u, raw, f))));
    }
    if let Some((v, unit)) = tolerance(s, end) {
        let mut t = blank(raw, TargetKind::Range);
        t.value = Some(if v == 0.0 { 0.0 } else { -v });
        t.upper = Some(v);
        return Some(with_unit(t, unit.map(|u| written(u, raw, f))));
    }
    if let Some((low, high, unit)) = range(s, end) {
        let mut t = blank(raw, TargetKind::Range);
        t.value = Some(low);
        t.upper = Some(high);
        return Some(with_unit(t, unit.map(|u| written(u, raw, f))));
    }
    None
}

/// Where a bracketed note at the end of `s[..end]` opens: `100%(计划标准)` → the `(`.
fn note_start(s: &[char], end: usize) -> Option<usize> {
    if end < 3 || s[end - 1] != ')' {
        return None;
    }
    let open = s[..end - 1].iter().rposition(|c| *c == '(')?;
    (open > 0 && !s[open + 1..end - 1].contains(&'(')).then_some(open)
}

/// Longer texts than this are prose, not quantities, ranges or lists of quantities: they are
/// read as qualitative without the per-character index (12 bytes a character), so that a
/// pasted essay in a 指标值 cell costs memory in proportion to its text, not twelve times it.
const LONGEST_READ: usize = 4096;

/// Reads a target text; see the module docs for the order of rules.
pub fn parse(raw: &str) -> Target {
    if raw.len() > LONGEST_READ {
        return prose(raw);
    }
    // A mirror's pinyin after a character (`60萬(wàn)度`): read without it, kept in the text
    // and in the unit as written.
    if let Some(plain) = without_pinyin(raw) {
        let mut t = parse(&plain);
        t.raw = raw.to_owned();
        if let Some(unit) = t.unit.take() {
            t.unit = Some(written_with_pinyin(raw, &unit).unwrap_or(unit));
        }
        return t;
    }
    let text = super::fold::squeeze(raw);
    // A lone 一 is a dash typed as the ideograph (or read as one by OCR): no target says "one"
    // without what it counts.
    if EMPTY_MARKS.contains(&text.as_str()) || text == "一" {
        return blank(raw, TargetKind::Empty);
    }
    // So is a 二 before a number's digits (`二100百分比`) an = that OCR read as the ideograph: no
    // numeral is written 二100.
    if let Some(rest) = text.strip_prefix('二').filter(|r| r.starts_with(|c: char| c.is_ascii_digit())) {
        let mut t = parse(&format!("={rest}"));
        t.raw = raw.to_owned();
        return t;
    }
    if AS_ACTUAL_PREFIXES.iter().any(|p| text.starts_with(p)) {
        return blank(raw, TargetKind::AsActual);
    }
    if is_sheet_error(&text) {
        return blank(raw, TargetKind::Placeholder);
    }
    if is_placeholder(&text) {
        return placeholder(
            raw,
            &text.chars().fold(String::new(), |mut t, c| {
                // A run of marks stands for the number.
                if !PLACEHOLDER_MARKS.contains(&c) {
                    t.push(c);
                } else if !t.ends_with('\u{0}') {
                    t.push('\u{0}');
                }
                t
            }),
        );
    }
    // Every rule but the qualitative one reads a number or a date: without a digit, the text is
    // qualitative, and the per-character index is not built (most 指标值 are words).
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        // `全年`: the whole year the table is for, a period from January to December.
        if super::date::WHOLE_YEAR.contains(&text.as_str()) {
            let mut t = blank(raw, TargetKind::Deadline);
            t.date = Some(crate::model::Date { month: Some(1), ..Default::default() });
            t.until = Some(crate::model::Date { month: Some(12), ..Default::default() });
            return t;
        }
        // Only a unit, with or without a sign (`公里`, `≧ %`): a template's value cell whose
        // number was never filled in.
        if text.chars().count() <= UNIT_ONLY_CHARS
            && let Some(t) = text.char_indices().map(|(i, _)| i).find_map(|i| {
                let (sign, unit) = text.split_at(i);
                let whole_sign = sign.is_empty() || {
                    let signed = parse(&format!("{sign}1"));
                    signed.unit.is_none() && signed.sign_given
                };
                // A time word alone says when, not how long (`年内`, `季度`, `月`): words.
                whole_sign
                    .then(|| placeholder(raw, &format!("{sign}\u{0}{unit}")))
                    .filter(|t| t.unit.is_some() && t.unit_kind != Some(crate::model::UnitKind::Duration))
            })
        {
            return t;
        }
        let mut t = blank(raw, TargetKind::Qualitative);
        t.direction = direction(&text);
        return t;
    }
    let f = Folded::new(raw);
    let end = trimmed_end(&f.chars);
    if let Some(t) = single(raw, &f, end) {
        return t;
    }
    // A value with a bracketed note: `100%(计划标准)`, `2019年12月(计划标准)`.
    if let Some(open) = note_start(&f.chars, end)
        && let Some(mut t) = single(raw, &f, trimmed_end(&f.chars[..open]))
    {
        let inner = &raw[f.offsets[open] + raw[f.offsets[open]..].chars().next().map_or(1, char::len_utf8)..f.offsets[end - 1]];
        t.note = Some(inner.trim().to_owned());
        return t;
    }
    if let Some(parts) = compound(&f, raw) {
        let mut t = blank(raw, TargetKind::Compound);
        t.parts = parts;
        return t;
    }
    if let Some(t) = stated_standard(raw, &f, end) {
        return t;
    }
    if let Some(t) = damaged_number(raw, &f, end) {
        return t;
    }
    let mut t = blank(raw, TargetKind::Qualitative);
    t.direction = direction(&text);
    t
}

/// Characters after 标准 that a standard's value with its unit may take (`不低于每人每月1000元/人`).
const STANDARD_VALUE_MAX: usize = 16;

/// A sentence that states its standard (`严格按照预算标准1000元/人给补助对象兑付补助`, as cost
/// indicators are written): the value with its unit right after 标准 (or 标准为 / 标准是 /
/// 标准:) is the target, equal to it unless a bound word says otherwise; the words stay in the
/// text. A number anywhere else in the sentence, or none with a unit, leaves it words.
fn stated_standard(raw: &str, f: &Folded, end: usize) -> Option<Target> {
    let s = &f.chars[..end];
    let mut at = s.windows(2).position(|w| w == ['标', '准'])? + 2;
    // A gap from the standard (`高于国家标准20%`, `比标准提高5%`) is no value equal to it.
    let before: String = s[..at - 2].iter().collect();
    if ["高于", "低于", "超出", "超过", "上调", "下调", "提高", "降低", "较", "比", "差"].iter().any(|w| before.contains(w)) {
        return None;
    }
    if matches!(s.get(at), Some('为' | '是' | ':')) {
        at += 1;
    }
    let rest = &s[at..];
    let (len, q) = (1..=rest.len().min(STANDARD_VALUE_MAX)).rev().find_map(|len| quantity(rest, len).filter(|q| q.unit.is_some()).map(|q| (len, q)))?;
    if s[..at].iter().chain(&rest[len..]).any(char::is_ascii_digit) {
        return None;
    }
    let mut t = blank(raw, TargetKind::Quantity);
    t.sign_given = q.comparator.is_some();
    t.comparator = Some(q.comparator.unwrap_or(Comparator::Eq));
    t.value = Some(q.value);
    Some(with_unit(t, q.unit.map(|u| written(Unit { at: u.at + at, ..u }, raw, f))))
}

/// Most letters a damaged number may hold (`M.8` for 14.8, `9O` for 90).
const DAMAGED_LETTERS_MAX: usize = 2;

/// A number an OCR or text layer damaged, letters where digits stood, before a unit (`M.8万元`,
/// `≥9O%`, `1O0人`): a number is there but cannot be read, so the value is a placeholder
/// with the sign and unit around it, never a guess. The run must mix digits and letters and be
/// all of the text but a sign before it and a unit after it (`3A级`, `B超`, `PM2.5浓度` stay words).
fn damaged_number(raw: &str, f: &Folded, end: usize) -> Option<Target> {
    let s = &f.chars[..end];
    let start = prefix_comparator(s, 0).map_or(0, |(len, _)| len);
    let run = s[start..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '.').count();
    let token = &s[start..start + run];
    let letters = token.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if letters == 0 || letters > DAMAGED_LETTERS_MAX || !token.iter().any(char::is_ascii_digit) || start + run == end {
        return None;
    }
    // The letters an OCR reads for 1 and 0.
    let looks_like_digit = |c: &char| matches!(c, 'l' | 'I' | 'O' | 'o');
    // Letters then digits is a code (`B2类`, `A4纸`), unless the letters look like digits
    // (`l00人`); a letter that ends the run is a unit's (`50t/日`, `56h/周`, `200mL/人`, `1W人`,
    // `2A类`), unless it looks like a digit (`9O%`).
    let code = token[..letters].iter().all(char::is_ascii_alphabetic) && token[letters..].iter().all(char::is_ascii_digit);
    if code && !token[..letters].iter().all(looks_like_digit) || token.last().is_some_and(|c| c.is_ascii_alphabetic() && !looks_like_digit(c)) {
        return None;
    }
    // A unit of its own, not only a rate's denominator (`/日` after `50t`).
    let unit = unit_at(s, start + run).filter(|u| start + run + u.len == end && !u.text.starts_with('/'))?;
    let sign: String = s[..start].iter().collect();
    let rest: String = s[start + run..start + run + unit.len].iter().collect();
    let t = placeholder(raw, &format!("{sign}\u{0}{rest}"));
    t.unit.is_some().then_some(t)
}

/// The parts of a target set per place as the reader writes it, `新罗区2;永定区3` (each place's
/// name, then its value, between semicolons): each value read as a quantity, for a reader of a
/// format that keeps only the text (jixiao's CSV). None unless every part is a place and a
/// quantity, and there are two or more.
pub fn place_parts(raw: &str) -> Option<Vec<TargetPart>> {
    /// Longest place name read (in characters): `新罗区`, `某某县某某镇某某村`.
    const PLACE_NAME_MAX: usize = 24;
    let parts = raw
        .split(';')
        .map(|part| {
            // The place's name is what stands before the longest tail that is a quantity; a
            // name is short, so a long part costs a few reads of it, not one per character.
            part.char_indices().skip(1).take(PLACE_NAME_MAX).find_map(|(at, _)| {
                let t = parse(&part[at..]);
                (t.kind == TargetKind::Quantity).then_some(t.value).flatten().map(|value| TargetPart { text: part.to_owned(), value, unit: t.unit })
            })
        })
        .collect::<Option<Vec<_>>>()?;
    (parts.len() >= 2).then_some(parts)
}

/// Whether a target text is a number an OCR or text layer damaged (`M.8万元`): see
/// [`damaged_number`]. The review tells it from a form's placeholder.
pub fn is_damaged_number(raw: &str) -> bool {
    let f = Folded::new(raw);
    damaged_number(raw, &f, trimmed_end(&f.chars)).is_some()
}

/// `raw` without the pinyin a mirror writes after characters, when it has any (every target
/// with a bracket is looked at: nothing is allocated until pinyin is found).
fn without_pinyin(raw: &str) -> Option<String> {
    super::fold::without_glosses(raw).map(|(plain, _)| plain)
}

/// Where `unit` stands in `raw` with the pinyin between its characters (`萬(wàn)度` for 萬度).
fn written_with_pinyin(raw: &str, unit: &str) -> Option<String> {
    raw.char_indices().find_map(|(start, _)| {
        let (mut at, mut want) = (start, unit.chars().peekable());
        while let Some(w) = want.next() {
            at += raw[at..].chars().next().filter(|c| *c == w)?.len_utf8();
            if want.peek().is_some() {
                at += super::fold::gloss_len(&raw[at..]);
            }
        }
        Some(raw[start..at].to_owned())
    })
}

/// A text too long to be a quantity: as-actual, a placeholder, or qualitative with the direction
/// its words state. The same as [`parse`] gives for such a text, with one folded copy of it.
fn prose(raw: &str) -> Target {
    // Folding never lengthens a text: one allocation of the raw size, never regrown.
    let mut text = String::with_capacity(raw.len());
    text.extend(raw.chars().map(fold_char).filter(|c| !c.is_whitespace()));
    let kind = if AS_ACTUAL_PREFIXES.iter().any(|p| text.starts_with(p)) {
        TargetKind::AsActual
    } else if is_placeholder(&text) {
        TargetKind::Placeholder
    } else {
        TargetKind::Qualitative
    };
    let mut t = blank(raw, kind);
    if kind == TargetKind::Qualitative {
        t.direction = direction(&text);
    }
    t
}

/// Whether a unit kind is a share (percent or per mille): such targets are capped at 100 %.
pub fn is_share(kind: Option<UnitKind>) -> bool {
    matches!(kind, Some(UnitKind::Percent) | Some(UnitKind::Permille))
}

// The model's reading of a target text lives with the grammar, so that the model imports
// nothing (`Target::parse` is the public name).
impl Target {
    /// Reads a target text. Pure: the same text always gives the same target; never panics.
    pub fn parse(raw: &str) -> Target {
        parse(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_set_per_place_gives_each_places_quantity() {
        let parts = place_parts("新罗区2;永定区≥3个").unwrap();
        let got: Vec<_> = parts.iter().map(|p| (p.text.as_str(), p.value, p.unit.as_deref())).collect();
        assert_eq!(got, [("新罗区2", 2.0, None), ("永定区≥3个", 3.0, Some("个"))]);
        assert!(place_parts("新罗区2").is_none());
        assert!(place_parts("新罗区2;永定区较好").is_none());
        assert!(place_parts("2;3").is_none(), "a part with no place");
    }

    #[test]
    fn a_number_with_letters_where_digits_stood_is_a_placeholder_with_its_sign_and_unit() {
        for (raw, comparator, unit) in
            [("M.8万元", None, "万元"), ("≥9O%", Some(Comparator::Ge), "%"), ("l00人", None, "人"), ("≥1OO%", Some(Comparator::Ge), "%")]
        {
            let t = parse(raw);
            assert_eq!(t.kind, TargetKind::Placeholder, "{raw}");
            assert_eq!(t.comparator, comparator, "{raw}");
            assert_eq!(t.unit.as_deref(), Some(unit), "{raw}");
            assert_eq!(t.value, None, "{raw}");
        }
        // Codes, grades and names with digits are words.
        // A unit jixiao does not know, in letters after the number, is no damage (a hostile
        // review's cases).
        for raw in ["B2类", "A4纸", "3A级", "PM2.5浓度", "5G基站", "V2.0版本", "第O份", "≥50t/日", "≥56h/周", "≤30s/次", "≥10GB/月", "≥1W人", "≥2A类", "≥5l/人"]
        {
            assert_eq!(parse(raw).kind, TargetKind::Qualitative, "{raw}");
        }
    }
}
