//! Dates in target cells: deadlines (`2023年12月底前`, `12月31日前`, `2019年12月`) and periods
//! (`2023.07-2024.01`). A year must be plausible (1949–2200), so that `3年内` stays a duration.

use super::longest_at;
use crate::model::{Comparator, Date};

/// Words after a date that make it a deadline ("by"), longest first where one contains another.
/// `2025年年底前` says its year twice: `年底前` after the year.
const DEADLINE_SUFFIXES: &[&str] = &[
    "年底前完成",
    "年底前",
    "年底",
    "年末",
    "底前完成",
    "前完成",
    "底之前",
    "底以前",
    "底前",
    "之前",
    "以前",
    "前",
    "底",
    "末",
    "以内",
    "之内",
    "内",
    "完成",
    // `12月底到位` (funds in place by then), `6月底前发放完毕`: done by the date.
    "到位",
    "完毕",
    "止",
];

const PERIOD_SEPARATORS: &[char] = &['-', '~', '至', '到'];

/// Up to `max` ASCII digits at `s[at..]`: the number and how many digits.
fn digits(s: &[char], at: usize, max: usize) -> Option<(u32, usize)> {
    let n = s[at.min(s.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > max {
        return None;
    }
    // At most a few digits (max is 2 or 4): no overflow, no string to parse.
    let v = s[at..at + n].iter().fold(0u32, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
    Some((v, n))
}

fn plausible_year(y: u32) -> bool {
    (1949..=2200).contains(&y)
}

/// `M月` at `s[at..]`: the month and the characters taken.
fn month_at(s: &[char], at: usize) -> Option<(u32, usize)> {
    let (m, n) = digits(s, at, 2).filter(|(m, _)| (1..=12).contains(m))?;
    (s.get(at + n) == Some(&'月')).then_some((m, n + 1))
}

/// `D日` or `D号` at `s[at..]`: the day and the characters taken.
fn day_at(s: &[char], at: usize) -> Option<(u32, usize)> {
    let (d, n) = digits(s, at, 2).filter(|(d, _)| (1..=31).contains(d))?;
    matches!(s.get(at + n), Some('日' | '号')).then_some((d, n + 1))
}

/// The days of a month: February has 29 when the year is a leap year or not given.
fn days_in(year: Option<u32>, month: u32) -> u32 {
    match month {
        2 if year.is_some_and(|y| !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) => 28,
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Why a text that is written as a date is none (`2023年2月30日`, `2023年13月底前`): the reason
/// in English and Chinese; None when every date in it exists (or it has none). Only the
/// `年`/`月`/`日` forms are judged, where a number before 月 or 日 can be nothing but a month or a day.
pub fn impossible(text: &str) -> Option<(String, String)> {
    let s: Vec<char> = text.chars().map(super::fold::fold_char).filter(|c| !c.is_whitespace()).collect();
    let mut i = 0;
    while i < s.len() {
        if !s[i].is_ascii_digit() || (i > 0 && s[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let n = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        // A year before it: `2023年`, four digits just before 年.
        let year = (i >= 5 && s[i - 1] == '年')
            .then(|| digits(&s, i - 5, 4).filter(|(_, k)| *k == 4 && (i == 5 || !s[i - 6].is_ascii_digit())).map(|(y, _)| y))
            .flatten();
        let after_year = i >= 1 && s[i - 1] == '年';
        if s.get(i + n) == Some(&'月') && n <= 2 {
            let m = digits(&s, i, 2).map_or(0, |(m, _)| m);
            if !(1..=12).contains(&m) {
                if after_year {
                    return Some((format!("there is no month {m}"), format!("不存在{m}月")));
                }
            } else if let Some((d, k)) = digits(&s, i + n + 1, 2)
                && matches!(s.get(i + n + 1 + k), Some('日' | '号'))
                && (d == 0 || d > days_in(year, m))
            {
                let when = year.map_or(String::new(), |y| format!("{y}年"));
                return Some((format!("{when}{m}月 has no day {d}"), format!("{when}{m}月没有{d}日")));
            }
        }
        i += n;
    }
    None
}

/// A date at `s[at..]`: `YYYY年[M月[D日]]`, `M月D日`, `M月` before a deadline word, or
/// `YYYY.MM[.DD]` (also with `-` or `/`). Returns the date and the characters taken.
pub fn date_at(s: &[char], at: usize) -> Option<(Date, usize)> {
    let mut i = at;
    let mut date = Date::default();
    if let Some((y, n)) = digits(s, i, 4).filter(|(y, n)| *n == 4 && plausible_year(*y)) {
        date.year = Some(y as i32);
        i += n + 1;
        match s.get(at + n) {
            Some('年') => {
                if let Some((m, len)) = month_at(s, i) {
                    date.month = Some(m as u8);
                    i += len;
                    if let Some((d, len)) = day_at(s, i).filter(|(d, _)| *d <= days_in(Some(y), m)) {
                        date.day = Some(d as u8);
                        i += len;
                    }
                }
            }
            Some(&sep @ ('.' | '-' | '/')) => {
                let (m, len) = digits(s, i, 2).filter(|(m, _)| (1..=12).contains(m))?;
                date.month = Some(m as u8);
                i += len;
                if s.get(i) == Some(&sep)
                    && let Some((d, len)) = digits(s, i + 1, 2).filter(|(d, _)| (1..=days_in(Some(y), m)).contains(d))
                {
                    date.day = Some(d as u8);
                    i += 1 + len;
                }
            }
            _ => return None,
        }
        return Some((date, i - at));
    }
    // `12月31日`, or `12月` when a deadline word follows.
    let (m, len) = month_at(s, i)?;
    date.month = Some(m as u8);
    i += len;
    if let Some((d, len)) = day_at(s, i).filter(|(d, _)| *d <= days_in(None, m)) {
        date.day = Some(d as u8);
        i += len;
    } else if longest_at(s, i, DEADLINE_SUFFIXES.iter().map(|w| (*w, ()))).is_none() {
        return None;
    }
    Some((date, i - at))
}

/// A deadline or period filling `s[..end]`.
pub struct Deadline {
    pub date: Date,
    pub until: Option<Date>,
    /// `le` for a deadline ("by"); None for a period.
    pub comparator: Option<Comparator>,
    /// Whether a word (前, 底, 以内 …) said "by".
    pub sign_given: bool,
}

/// Words for a whole year after a year (`2021年全年`) or alone (`全年`): a period.
pub const WHOLE_YEAR: &[&str] = &["全年度", "全年"];

/// The end of a period written without its year (`2023年1月-12月`, `2021.1.1-12.31`): `M月`,
/// `M月D日`, or, after a start written with dots or slashes, `M.D`; the year is the start's.
fn same_year_end(s: &[char], at: usize, start: &Date, sep: Option<char>) -> Option<(Date, usize)> {
    let year = start.year;
    start.month?;
    if let Some((m, len)) = month_at(s, at) {
        let mut d = Date { year, month: Some(m as u8), day: None };
        let mut n = len;
        if let Some((day, k)) = day_at(s, at + n).filter(|(day, _)| *day <= days_in(year.map(|y| y as u32), m)) {
            d.day = Some(day as u8);
            n += k;
        }
        return Some((d, n));
    }
    let sep = sep.filter(|c| matches!(c, '.' | '/'))?;
    year?;
    let (m, len) = digits(s, at, 2).filter(|(m, _)| (1..=12).contains(m))?;
    if s.get(at + len) != Some(&sep) {
        return None;
    }
    let (day, k) = digits(s, at + len + 1, 2).filter(|(day, _)| (1..=days_in(year.map(|y| y as u32), m)).contains(day))?;
    Some((Date { year, month: Some(m as u8), day: Some(day as u8) }, len + 1 + k))
}

/// A period of months with no year (`1-12月`, `3月-6月`) at `s[at..]`: its first and last month
/// and the characters taken. The first month comes first; `3-6个月` is a duration, not months.
fn month_period(s: &[char], at: usize) -> Option<(Date, Date, usize)> {
    let (first, n) = digits(s, at, 2).filter(|(m, _)| (1..=12).contains(m))?;
    let mut i = at + n;
    if s.get(i) == Some(&'月') {
        i += 1;
    }
    if !s.get(i).is_some_and(|c| PERIOD_SEPARATORS.contains(c)) {
        return None;
    }
    let (last, len) = month_at(s, i + 1).filter(|(m, _)| *m > first)?;
    let month = |m: u32| Date { year: None, month: Some(m as u8), day: None };
    Some((month(first), month(last), i + 1 + len - at))
}

pub fn deadline(s: &[char], end: usize) -> Option<Deadline> {
    let s = &s[..end];
    let mut at = 0;
    let mut by_word = false;
    // `完成时间为2022年12月30日`, `完成时限:9月底`: the label of the date to finish by, then the date.
    if let Some((w, ())) = longest_at(s, 0, [("计划完成时间", ()), ("完成时间", ()), ("完成时限", ()), ("完成期限", ())]) {
        at += w.chars().count();
        if s.get(at).is_some_and(|c| matches!(c, '为' | ':' | '是')) {
            at += 1;
        }
    }
    if let Some((w, ())) = longest_at(s, at, [("截至", ()), ("截止", ()), ("于", ()), ("在", ()), ("≤", ()), ("<=", ()), ("<", ()), ("=", ())]) {
        at += w.chars().count();
        by_word = !matches!(w, "于" | "在");
    }
    let start = at;
    // `1-12月`, `1月-12月`: months of the table's year, January to December.
    if let Some((date, until, len)) = month_period(s, at)
        && at + len == end
    {
        return Some(Deadline { date, until: Some(until), comparator: None, sign_given: false });
    }
    let (mut date, len) = date_at(s, at)?;
    at += len;
    let mut until = None;
    if s.get(at).is_some_and(|c| PERIOD_SEPARATORS.contains(c))
        && let Some((d, len)) = date_at(s, at + 1).or_else(|| same_year_end(s, at + 1, &date, s.get(start + 4).copied()))
    {
        // `2022年3月1日至11月30日`: the end is in the start's year.
        until = Some(Date { year: d.year.or(date.year), ..d });
        at += 1 + len;
    }
    // `2021年全年`: the whole year, a period from its January to its December.
    if until.is_none()
        && date.month.is_none()
        && let Some((w, ())) = longest_at(s, at, WHOLE_YEAR.iter().map(|w| (*w, ())))
    {
        until = Some(Date { month: Some(12), ..date });
        date.month = Some(1);
        at += w.chars().count();
    }
    // `11月底完成`, `12月底之前完成`: the words after the date, one after another; `完成100%`
    // (all of it done by then) is the same deadline.
    let mut finished = false;
    for _ in 0..3 {
        let Some((w, ())) = longest_at(s, at, DEADLINE_SUFFIXES.iter().map(|w| (*w, ()))) else { break };
        at += w.chars().count();
        by_word = true;
        finished |= w.ends_with("完成");
    }
    if finished && s[at..].iter().copied().eq("100%".chars()) {
        at = end;
    }
    if at != end {
        return None;
    }
    let comparator = if until.is_some() { None } else { Some(Comparator::Le) };
    Some(Deadline { date, until, comparator, sign_given: by_word && until.is_none() })
}

/// A spreadsheet's serial day number (Excel's 1900 system, as budget systems export dates) as
/// a date: `45291` → 2023-12-31. None outside 1949–2200.
pub fn from_serial(serial: f64) -> Option<Date> {
    if !serial.is_finite() || serial.fract() != 0.0 || !(17_899.0..=110_000.0).contains(&serial) {
        return None;
    }
    // Days since 1970-01-01; serial 25569 is that day (the 1900 leap-year bug is before 1949).
    let z = serial as i64 - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (1949..=2200).contains(&year).then_some(Date { year: Some(year), month: Some(month), day: Some(day) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(Date, Option<Date>, bool)> {
        let c: Vec<char> = s.chars().collect();
        deadline(&c, c.len()).map(|d| (d.date, d.until, d.sign_given))
    }

    fn ymd(y: Option<i32>, m: Option<u8>, d: Option<u8>) -> Date {
        Date { year: y, month: m, day: d }
    }

    #[test]
    fn serial_days() {
        assert_eq!(from_serial(45291.0), Some(ymd(Some(2023), Some(12), Some(31))));
        assert_eq!(from_serial(44927.0), Some(ymd(Some(2023), Some(1), Some(1))));
        assert_eq!(from_serial(36526.0), Some(ymd(Some(2000), Some(1), Some(1))));
        assert_eq!(from_serial(45291.5), None);
        assert_eq!(from_serial(120.0), None);
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(impossible("2023年2月30日").map(|w| w.0), Some("2023年2月 has no day 30".into()));
        assert_eq!(impossible("2023年13月底前").map(|w| w.1), Some("不存在13月".into()));
        assert_eq!(impossible("2023年0月").map(|w| w.0), Some("there is no month 0".into()));
        assert_eq!(impossible("2月30日前").map(|w| w.0), Some("2月 has no day 30".into()));
        assert_eq!(impossible("2100年2月29日前").map(|w| w.0), Some("2100年2月 has no day 29".into()));
        for fine in ["2024年2月29日", "2023年12月底前", "12月31日前", "13个月", "完成13月工资发放", "≥90%", "2023年2月28日"] {
            assert_eq!(impossible(fine), None, "{fine}");
        }
    }

    #[test]
    fn deadlines_and_periods() {
        assert_eq!(read("2023年12月底前"), Some((ymd(Some(2023), Some(12), None), None, true)));
        assert_eq!(read("12月31日前"), Some((ymd(None, Some(12), Some(31)), None, true)));
        assert_eq!(read("2019年12月"), Some((ymd(Some(2019), Some(12), None), None, false)));
        assert_eq!(read("2020年内"), Some((ymd(Some(2020), None, None), None, true)));
        assert_eq!(read("2023.07-2024.01"), Some((ymd(Some(2023), Some(7), None), Some(ymd(Some(2024), Some(1), None)), false)));
        assert_eq!(read("2023-12-31"), Some((ymd(Some(2023), Some(12), Some(31)), None, false)));
        assert_eq!(read("3年内"), None);
        assert_eq!(read("6月"), None);
        assert_eq!(read("6月底前"), Some((ymd(None, Some(6), None), None, true)));
        assert_eq!(read("2023年12月31日前完成"), Some((ymd(Some(2023), Some(12), Some(31)), None, true)));
        assert_eq!(read("12月底到位"), Some((ymd(None, Some(12), None), None, true)));
        assert_eq!(read("2023年6月底前发放完毕"), None, "what is done (发放) is words of its own");
        assert_eq!(read("6月底前完毕"), Some((ymd(None, Some(6), None), None, true)));
        // Days a month does not have are no date (the text stays words, and review says why).
        assert_eq!(read("2023年2月30日"), None);
        assert_eq!(read("2023年2月29日前"), None);
        assert_eq!(read("2024年2月29日前"), Some((ymd(Some(2024), Some(2), Some(29)), None, true)));
        assert_eq!(read("2月29日前"), Some((ymd(None, Some(2), Some(29)), None, true)));
        assert_eq!(read("4月31日前"), None);
        assert_eq!(read("2023-02-30"), None);
        assert_eq!(read("2023年13月底前"), None);
        // Periods whose end leaves out the year, and whole years.
        let p = |s: &str| read(s).map(|(d, u, _)| (d, u));
        assert_eq!(p("2023年1月-12月"), Some((ymd(Some(2023), Some(1), None), Some(ymd(Some(2023), Some(12), None)))));
        assert_eq!(p("2021.1.1-12.31"), Some((ymd(Some(2021), Some(1), Some(1)), Some(ymd(Some(2021), Some(12), Some(31))))));
        assert_eq!(p("2022年3月1日至11月30日"), Some((ymd(Some(2022), Some(3), Some(1)), Some(ymd(Some(2022), Some(11), Some(30))))));
        assert_eq!(p("2021年全年"), Some((ymd(Some(2021), Some(1), None), Some(ymd(Some(2021), Some(12), None)))));
        assert_eq!(p("2021全年"), None, "a year is written with 年");
        assert_eq!(p("2021.1.1-13.31"), None);
        assert_eq!(p("2021年-12月"), None, "a year alone has no month to go on from");
        assert_eq!(read("≤2023-12-31"), Some((ymd(Some(2023), Some(12), Some(31)), None, true)), "a sign code 5 before a date cell");
        assert_eq!(read("2025年年底前"), Some((ymd(Some(2025), None, None), None, true)));
        // Months of the table's year, with no year written; a duration in months is none.
        assert_eq!(p("1-12月"), Some((ymd(None, Some(1), None), Some(ymd(None, Some(12), None)))));
        assert_eq!(p("3月至6月"), Some((ymd(None, Some(3), None), Some(ymd(None, Some(6), None)))));
        assert_eq!(p("3-6个月"), None);
        assert_eq!(p("6-3月"), None);
        assert_eq!(p("1-13月"), None);
    }
}
