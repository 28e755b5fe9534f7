//! A spreadsheet cell as the text a reader of the table sees: numbers as written (`38000`, not
//! `38000.0`), a percent-formatted `0.9` as `90%`, dates as ISO dates.

use calamine::{Data, DataRef, ExcelDateTime};

/// A number as Excel shows it in General format: at most 15 significant digits, no trailing zeros.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v == v.trunc() && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let rounded: f64 = format!("{v:.14e}").parse().unwrap_or(v);
    format!("{rounded}")
}

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

/// The text of a cell; `percent` when its number format shows a percentage.
pub fn text(value: &DataRef<'_>, percent: bool) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) if percent => format!("{}%", number(*i as f64 * 100.0)),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if percent => format!("{}%", number(f * 100.0)),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::Error(e) => e.to_string(),
    }
}

/// The text of a cell read whole (.xls, .ods); `percent` when the file says it is one.
pub fn data_text(value: &Data, percent: bool) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) if percent => format!("{}%", number(*i as f64 * 100.0)),
        Data::Float(f) if percent => format!("{}%", number(f * 100.0)),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
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
        assert_eq!(text(&DataRef::Float(0.9), true), "90%");
        assert_eq!(text(&DataRef::Float(0.8659), true), "86.59%");
        assert_eq!(text(&DataRef::Int(1), false), "1");
    }
}
