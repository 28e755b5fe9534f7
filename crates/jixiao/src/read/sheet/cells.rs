//! A spreadsheet cell as the text a reader of the table sees: numbers as written (`38000`, not
//! `38000.0`), a percent-formatted `0.9` as `90%`, dates as ISO dates.

use calamine::{Data, DataRef, ExcelDateTime};

pub use crate::grammar::form::sheets::number;

/// The date of a serial day number, ISO (`2023-12-31`); None out of the plausible range.
fn date(serial: f64) -> Option<String> {
    let d = crate::grammar::date::from_serial(serial.floor())?;
    Some(format!("{:04}-{:02}-{:02}", d.year?, d.month?, d.day?))
}

fn date_time(dt: &ExcelDateTime) -> String {
    let serial = dt.as_f64();
    if dt.is_datetime()
        && let Some(d) = date(serial)
    {
        return d;
    }
    number(serial)
}

/// Whether a number format code shows its number as a percentage (×100): a `%` that is a
/// format character, not one inside quotes (`0"%"`), escaped (`0\%`), after `_` or `*` (a space
/// or fill the width of `%`) or in brackets (`[Red]`, a condition). Those print a literal `%`
/// beside the number as it is.
fn is_percent_format(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => return true,
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            _ => {}
        }
    }
    false
}

/// How a number format shows a number with a percent sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Percent {
    /// No percent sign.
    No,
    /// A format `%`: the number ×100, then `%` (`0%` shows 0.9 as `90%`).
    Scaled,
    /// A literal `%` (`0"%"`, `0\%`): the number as it is, then `%` (95 shows as `95%`).
    Literal,
}

impl Percent {
    /// The percent of a number format code.
    pub fn of(code: &str) -> Percent {
        if is_percent_format(code) {
            Percent::Scaled
        } else if code.contains('%') {
            Percent::Literal
        } else {
            Percent::No
        }
    }
}

/// A number as its format shows it.
fn shown(v: f64, percent: Percent) -> String {
    match percent {
        Percent::No => number(v),
        Percent::Scaled => format!("{}%", number(v * 100.0)),
        Percent::Literal => format!("{}%", number(v)),
    }
}

/// An ISO date or date-time as a reader of the table sees it: `2024-06-30` for a date (a
/// midnight time left out), `2024-06-30 08:30:00` for a time of day.
fn iso_date(s: &str) -> String {
    let s = s.trim();
    match s.split_once('T') {
        Some((date, time)) => {
            let time = time.trim_end_matches('Z');
            if time.chars().all(|c| matches!(c, '0' | ':' | '.')) { date.to_owned() } else { format!("{date} {time}") }
        }
        None => s.to_owned(),
    }
}

/// The text of a cell, its number shown as its format's percent sign says.
pub fn text(value: &DataRef<'_>, percent: Percent) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::DateTimeIso(s) => iso_date(s),
        DataRef::String(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) if percent != Percent::No => shown(*i as f64, percent),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => shown(*f, percent),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::Error(e) => e.to_string(),
    }
}

/// The text of a cell read whole (.xls, .ods), its number shown as its format's percent sign says.
pub fn data_text(value: &Data, percent: Percent) -> String {
    match value {
        Data::Empty => String::new(),
        Data::DateTimeIso(s) => iso_date(s),
        Data::String(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) if percent != Percent::No => shown(*i as f64, percent),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => shown(*f, percent),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) => date_time(dt),
        Data::Error(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_excel_shows_them() {
        assert_eq!(number(38000.0), "38000");
        assert_eq!(number(238.93), "238.93");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-5.0), "-5");
        assert_eq!(text(&DataRef::Float(0.9), Percent::Scaled), "90%");
        assert_eq!(text(&DataRef::Float(0.8659), Percent::Scaled), "86.59%");
        assert_eq!(text(&DataRef::Float(95.0), Percent::of("0\"%\"")), "95%");
        assert_eq!(text(&DataRef::Int(1), Percent::No), "1");
    }

    #[test]
    fn only_a_format_percent_sign_scales() {
        for code in ["0%", "0.00%", "#,##0.0%;[Red]-0.0%", "[Blue]0%"] {
            assert!(is_percent_format(code), "{code}");
        }
        for code in ["0\"%\"", "0\\%", "0_%", "0*%", "[$%-804]0", "General", "0.00"] {
            assert!(!is_percent_format(code), "{code}");
        }
    }

    #[test]
    fn iso_dates_read_as_dates() {
        assert_eq!(text(&DataRef::DateTimeIso("2024-06-30T00:00:00".into()), Percent::No), "2024-06-30");
        assert_eq!(text(&DataRef::DateTimeIso("2024-06-30".into()), Percent::No), "2024-06-30");
        assert_eq!(text(&DataRef::DateTimeIso("2024-06-30T08:30:00Z".into()), Percent::No), "2024-06-30 08:30:00");
    }
}
