//! CSV and TSV in: what budget systems and Excel export (comma, TAB or semicolon; UTF-8 with or
//! without a BOM, GBK/GB18030, UTF-16 with a BOM; Excel's quoting, with `""` for a quote and
//! line breaks inside quoted fields), read as a one-sheet workbook through the spreadsheet
//! pipeline. jixiao's own CSV (one row per indicator, `section_kind,section_number,…`) is
//! recognised by its header and rebuilt into its sections, tables and categories.
//!
//! A file is taken for CSV only when a record in its first lines, split at one separator, is an
//! indicator header (`一级指标,二级指标,…`) or jixiao's header: Word's text saves (a cell per
//! line, after a TAB) and prose never have one on one line.
//!
//! Hand-written rather than the `csv` crate: the sniffing splits the head of a file in three
//! ways with the same rules, and Excel's quirks (a quote inside an unquoted field is text, text
//! after a closing quote is kept) are a few lines here.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{Grid, document};
use crate::error::{Error, Origin, Result};
use crate::grammar::form::records::COLUMNS;
use crate::grammar::labels::{is_header_row, level1, level2};
use crate::model::{Amount, Category, Date, Document, Indicator, Location, Midterm, Places, Section, SubCategory, Table, Target, TargetKind};
use crate::read::decode::decode_with;
use crate::read::{Format, ReadOptions, Reader};

pub(crate) struct CsvReader;

/// The separators tried, in this order.
const SEPARATORS: &[u8] = b",\t;";
/// How many records of the head are looked at for a header, and in how many bytes.
const HEAD_RECORDS: usize = 30;
const HEAD_BYTES: usize = 16 << 10;

/// A record and the 1-based line it starts on.
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// Splits text into records at `sep`, with Excel's quoting. `max` bounds the records read.
fn records(text: &str, sep: char, max: usize) -> Vec<Record> {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut line, mut start) = (1usize, 1usize);
    let mut quoted = false;
    // Whether the field began with a quote (then a quote ends the quoted part).
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            c if c == sep => {
                fields.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                out.push(Record { line: start, fields: std::mem::take(&mut fields) });
                line += 1;
                start = line;
                at_start = true;
                if out.len() >= max {
                    return out;
                }
            }
            _ => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push(Record { line: start, fields });
    }
    out
}

/// Whether a record is jixiao's own CSV header (with or without its leading `file` column).
fn is_own_header(fields: &[String]) -> bool {
    let fields = match fields.first().map(String::as_str) {
        Some("file") => &fields[1..],
        _ => fields,
    };
    fields.len() == COLUMNS.len() && fields.iter().zip(COLUMNS).all(|(a, b)| a.trim() == *b)
}

fn is_header(fields: &[String]) -> bool {
    // Three labels at least: an indicator table names its categories or name and its value,
    // and a line of prose with a comma or two is not a header.
    let filled = fields.iter().filter(|f| !f.trim().is_empty()).count();
    filled >= 3 && (is_own_header(fields) || is_header_row(fields.iter().map(String::as_str)))
}

/// Whether splitting a line at `sep` cut through its labels rather than between them: a bracket
/// opened in one field is closed in a later one (`绩效指标(权重分值90分,其中…,…)`), or, for a
/// comma or a semicolon, a field holds a TAB (a line of Word's text save, whose cells start with
/// one). A bracket never closed (a typo in a real header) cuts nothing.
fn cuts_labels(fields: &[String], sep: char) -> bool {
    let open = |f: &str| f.chars().fold(0i32, |depth, c| depth + i32::from(matches!(c, '(' | '（')) - i32::from(matches!(c, ')' | '）')));
    let mut depth = 0;
    let mut deepest = 0;
    for f in fields {
        depth += open(f);
        if deepest > 0 && depth < deepest {
            return true;
        }
        // A field that leaves a bracket open sets the depth a later field must come back below.
        deepest = deepest.max(depth);
    }
    sep != '\t' && fields.iter().any(|f| f.contains('\t'))
}

/// The separator of a CSV text: the one at which a record of the head is a header (the one
/// that gives it most fields, if several do); None when no record is one.
fn separator(text: &str) -> Option<char> {
    SEPARATORS
        .iter()
        .filter_map(|&sep| {
            let sep = sep as char;
            records(text, sep, HEAD_RECORDS).iter().find(|r| is_header(&r.fields) && !cuts_labels(&r.fields, sep)).map(|r| (r.fields.len(), sep))
        })
        .max_by_key(|(n, sep)| (*n, std::cmp::Reverse(SEPARATORS.iter().position(|s| *s as char == *sep))))
        .map(|(_, sep)| sep)
}

/// The head of a file as text: decoded as its BOM says, else as UTF-8 (up to a character cut
/// at the end), else as GB18030. None for binary data.
fn head_text(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        let enc = if head[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        return Some(Cow::Owned(enc.decode_without_bom_handling(&head[2..]).0.into_owned()));
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    // No separator at all, or NUL bytes: not a CSV, and nothing to decode.
    if memchr::memchr3(b',', b'\t', b';', head).is_none() || memchr::memchr(0, head).is_some() {
        return None;
    }
    match std::str::from_utf8(head) {
        Ok(s) => Some(Cow::Borrowed(s)),
        Err(e) if e.error_len().is_none() => Some(String::from_utf8_lossy(&head[..e.valid_up_to()])),
        Err(_) => Some(encoding_rs::GB18030.decode_without_bom_handling(head).0),
    }
}

/// Whether the bytes are a CSV or TSV of indicators (or jixiao's own CSV).
pub(crate) fn sniff(bytes: &[u8]) -> bool {
    head_text(bytes).is_some_and(|head| separator(&head).is_some())
}

impl Reader for CsvReader {
    fn format(&self) -> Format {
        Format::Csv
    }

    fn sniff(&self, bytes: &[u8]) -> bool {
        sniff(bytes)
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        let origin = options.origin();
        let (text, replaced) = decode_with(bytes, options.encoding, options.encoding_errors, &origin)?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        // Read as CSV because the caller said so: the separator that splits most fields.
        let sep = separator(text).unwrap_or_else(|| {
            let widest = |sep: u8| records(text, sep as char, HEAD_RECORDS).iter().map(|r| r.fields.len()).max().unwrap_or(0);
            SEPARATORS.iter().copied().max_by_key(|s| (widest(*s), std::cmp::Reverse(*s))).unwrap_or(b',') as char
        });
        let limits = options.limits;
        let all = records(text, sep, limits.max_cells.saturating_add(1));
        let cells: usize = all.iter().map(|r| r.fields.len()).sum();
        if all.len() > limits.max_cells || cells > limits.max_cells {
            return Err(crate::read::container::over_limit(&origin, "the CSV's cells", limits.max_cells, "max_cells"));
        }
        // Each row with text becomes as many cells as the widest row has: bound that too.
        let rows = all.iter().filter(|r| r.fields.iter().any(|f| !f.is_empty())).count() as u64;
        let width = all.iter().filter_map(|r| r.fields.iter().rposition(|f| !f.is_empty())).max().map_or(0, |w| w as u64 + 1);
        if rows * width > limits.max_cells as u64 {
            let what = format!("the {} cells its {rows} rows of text span, {width} wide", rows * width);
            return Err(crate::read::container::over_limit(&origin, &what, limits.max_cells, "max_cells"));
        }
        let excel_mode = bytes.starts_with(b"\xEF\xBB\xBF");
        let mut doc = match all.iter().position(|r| is_own_header(&r.fields)) {
            Some(at) if all[..at].iter().all(|r| r.fields.iter().all(|f| f.trim().is_empty())) => own(&all[at..], excel_mode, &origin)?,
            _ => grid(all, limits, &origin)?,
        };
        doc.replaced_bytes = replaced;
        Ok(doc)
    }
}

/// A CSV of cells: one sheet, each cell located by its line and column.
fn grid(records: Vec<Record>, limits: crate::read::Limits, origin: &crate::error::Origin) -> Result<Document> {
    let mut cells = BTreeMap::new();
    let mut lines = Vec::with_capacity(records.len());
    for (r, record) in records.into_iter().enumerate() {
        lines.push(record.line);
        for (c, field) in record.fields.into_iter().enumerate() {
            if !field.is_empty() {
                cells.insert((r as u32, c as u32), field);
            }
        }
    }
    let mut doc = document(vec![Grid { name: String::new(), cells, formulas: Vec::new() }], limits, origin, None)?;
    // A CSV has no sheets: each place is the line its record starts on, and the cell.
    doc.places_mut(&mut |place| {
        let mut parts = place.parts();
        let row = parts.cell.as_deref().and_then(|c| c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic()).parse::<usize>().ok());
        parts.line = row.and_then(|r| lines.get(r.checked_sub(1)?)).copied();
        parts.sheet = None;
        *place = Location::from(parts);
    });
    Ok(doc)
}

/// A text field as jixiao wrote it: in Excel mode (a BOM) a `'` kept a formula-like text from
/// running; it is not part of the text.
fn text(field: &str, excel_mode: bool) -> String {
    match field.strip_prefix('\'') {
        Some(rest) if excel_mode && rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => field.to_owned(),
    }
}

/// One of the model's names (`output`, `ge`, `special_fund`) as its enumeration, as JSON spells it.
fn named<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    (!name.is_empty()).then(|| serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()).flatten()
}

/// A date as the CSV writes it: `2023-12-31`, `2023-12`, `2023`, `--12-31`, `--12`.
fn date(text: &str) -> Option<Date> {
    if text.is_empty() {
        return None;
    }
    let (year, rest) = match text.strip_prefix('-') {
        Some(rest) => (None, rest),
        None => {
            let (y, rest) = text.split_at(text.find('-').unwrap_or(text.len()));
            (Some(y.parse().ok()?), rest)
        }
    };
    let mut parts = rest.split('-').filter(|p| !p.is_empty());
    let month = parts.next().map(str::parse).transpose().ok()?;
    let day = parts.next().map(str::parse).transpose().ok()?;
    Some(Date { year, month, day })
}

/// jixiao's own CSV: the records after its header, back into sections, tables and categories.
fn own(records: &[Record], excel_mode: bool, origin: &Origin) -> Result<Document> {
    let header = &records[0].fields;
    let skip = usize::from(header.first().is_some_and(|f| f == "file"));
    let mut doc = Document::new("");
    // The keys that start a new section and a new table.
    let mut keys: Option<(Vec<String>, Vec<String>)> = None;
    for record in &records[1..] {
        if record.fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        if record.fields.len() != header.len() {
            return Err(Error::Parse {
                origin: origin.clone(),
                line: Some(record.line),
                reason: format!("a row of {} fields under jixiao's CSV header of {}", record.fields.len(), header.len()),
            });
        }
        let f = &record.fields[skip..];
        let get = |name: &str| COLUMNS.iter().position(|c| *c == name).map_or("", |i| f[i].as_str());
        let txt = |name: &str| text(get(name), excel_mode);
        let num = |name: &str| get(name).parse::<f64>().ok();
        let whole = |name: &str| get(name).parse::<u32>().ok();
        let section_key: Vec<String> = [record.fields[..skip].to_vec(), vec![get("section_kind").into(), get("section_number").into()]].concat();
        let table_key: Vec<String> = COLUMNS[2..11].iter().map(|c| get(c).to_owned()).collect();
        let (new_section, new_table) = match &keys {
            Some((s, t)) => (*s != section_key, *s != section_key || *t != table_key),
            None => (true, true),
        };
        keys = Some((section_key, table_key));
        let location = Location::line(record.line);
        if new_section {
            let kind = named(get("section_kind")).unwrap_or(crate::model::SectionKind::Other);
            doc.sections.push(Section {
                number: whole("section_number"),
                kind,
                heading: String::new(),
                tables: Vec::new(),
                location: location.clone(),
                toc: None,
            });
        }
        let Some(section) = doc.sections.last_mut() else { continue };
        if new_table {
            let name = txt("table_name");
            section.tables.push(Table {
                number: whole("table_number"),
                title: name.clone(),
                name,
                kind: named(get("table_kind")).unwrap_or_default(),
                year: get("table_year").parse().ok(),
                code: Some(txt("table_code")).filter(|c| !c.is_empty()),
                unit: Some(txt("table_unit")).filter(|c| !c.is_empty()),
                budget: num("table_budget").map(|v| Box::new(Amount { raw: get("table_budget").to_owned(), value: Some(v), ..Amount::default() })),
                total_score: num("table_total_score"),
                grade: Some(txt("table_grade")).filter(|c| !c.is_empty()),
                location: location.clone(),
                ..Table::default()
            });
        }
        let Some(table) = section.tables.last_mut() else { continue };
        // A category ends where its label or its level does: a table may file rows under one
        // label as two levels (a 满意度 row under a 效益指标 label merged down over it).
        let label1 = txt("level1_label");
        let code1 = named(get("level1")).unwrap_or_else(|| level1(&label1));
        if table.categories.last().is_none_or(|c| c.label != label1 || c.level1 != code1) {
            table.categories.push(Category { level1: code1, label: label1, children: Vec::new(), location: location.clone() });
        }
        let Some(category) = table.categories.last_mut() else { continue };
        let label2 = txt("level2_label");
        let code2 = named(get("level2")).unwrap_or_else(|| level2(&label2));
        if category.children.last().is_none_or(|c| c.label != label2 || c.level2 != code2) {
            category.children.push(SubCategory { level2: code2, label: label2, indicators: Vec::new(), location: location.clone() });
        }
        let Some(sub) = category.children.last_mut() else { continue };
        let mut target = Target::parse(&txt("target_raw"));
        target.kind = named(get("target_kind")).unwrap_or(target.kind);
        target.comparator = named(get("comparator"));
        target.value = num("value");
        target.upper = num("upper");
        target.unit = Some(txt("unit")).filter(|u| !u.is_empty());
        target.comparator_inferred = get("comparator_inferred") == "true";
        target.date = date(get("date"));
        target.until = date(get("until"));
        target.note = Some(txt("target_note")).filter(|n| !n.is_empty());
        target.sign_given = get("sign_given") == "true";
        target.unit_kind = named(get("unit_kind"));
        target.value_yuan = num("value_yuan");
        target.direction = named(get("direction"));
        // A target set per place is a compound whose parts its text alone does not give.
        if target.kind == TargetKind::Compound && target.parts.is_empty() {
            target.parts = crate::grammar::target::place_parts(&target.raw).unwrap_or_default();
        }
        // A bare number takes the unit its indicator's name states (`受益人数(人)` | `132`), as
        // the table's reader gave it; the CSV keeps the target's unit, not the others'.
        let name = txt("name");
        let raw = |field: &str| Some(txt(field)).filter(|r| !r.is_empty()).map(|r| Box::new(crate::grammar::target::with_name_unit(Target::parse(&r), &name)));
        let mut actual = raw("actual_raw");
        if let Some(a) = actual.as_mut() {
            a.value = num("actual_value");
        }
        let (progress, expected) = (raw("progress_raw"), raw("expected_raw"));
        // The mid-term target is read alone: its name is the mid-term block's, which the CSV lacks.
        let midterm = Some(txt("midterm_raw")).filter(|r| !r.is_empty()).map(|r| Target::parse(&r));
        sub.indicators.push(Indicator {
            name,
            description: txt("description"),
            target,
            basis: txt("basis"),
            location,
            actual,
            weight: num("weight"),
            reported_score: num("reported_score"),
            deviation: txt("deviation"),
            progress,
            expected,
            likelihood: named(get("likelihood")),
            midterm: midterm.map(|target| Box::new(Midterm { target, ..Midterm::default() })),
            ..Indicator::default()
        });
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, sep: char) -> Vec<Vec<String>> {
        records(text, sep, usize::MAX).into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn excel_quoting() {
        assert_eq!(split("a,\"b,\"\"c\"\"\",d\r\n\"x\ny\",,\"\"\n", ','), [vec!["a", "b,\"c\"", "d"], vec!["x\ny", "", ""]]);
        // A quote inside an unquoted field is text; text after a closing quote is kept.
        assert_eq!(split("5\"寸,\"a\"b\n", ','), [vec!["5\"寸", "ab"]]);
        assert_eq!(split("a\tb;c\n", '\t'), [vec!["a", "b;c"]]);
        let lines: Vec<usize> = records("a\n\"b\nc\"\nd", ',', usize::MAX).iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 4]);
    }

    #[test]
    fn separators_from_a_header_only() {
        assert_eq!(separator("一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,a,1\n"), Some(','));
        assert_eq!(separator("标题\n一级指标\t二级指标\t三级指标\t指标值\n"), Some('\t'));
        assert_eq!(separator("一级指标;二级指标;三级指标;指标值\n"), Some(';'));
        // Word's text save: a cell per line after a TAB; prose with commas.
        assert_eq!(separator("1、项目绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\n\t产出指标\n"), None);
        assert_eq!(separator("一级指标是产出, 二级指标是数量\n"), None);
        assert_eq!(separator("raw\tkind\tvalue\n≥90%\tquantity\t90\n"), None);
        // A text save whose one-cell header line has commas inside its bracket: the commas cut
        // through a label, and the line's TAB is its cell mark.
        assert_eq!(separator("1、表\n\t绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分)\n\t一级指标\n"), None);
        // However many pieces the bracket is cut into, and with no TAB to tell.
        assert_eq!(separator("1、表\n(一级指标,二级指标,三级指标,指标值)\n"), None);
        // A typo's unclosed bracket in a real CSV header still has its separator.
        assert_eq!(separator("一级指标,二级指标,三级指标,指标值(或计划水平\n"), Some(','));
        assert_eq!(separator("一级指标,二级指标,三级指标),指标值\n"), Some(','));
        let own = COLUMNS.join(",");
        assert_eq!(separator(&own), Some(','));
        assert_eq!(separator(&format!("file,{own}")), Some(','));
    }

    #[test]
    fn gbk_heads_are_read() {
        let (gbk, _, _) = encoding_rs::GBK.encode("\"一级指标\",\"二级指标\",\"三级指标\",\"指标值\"\r\n");
        assert!(sniff(&gbk));
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("一级指标\t二级指标\t指标值\r\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(sniff(&utf16));
        assert!(!sniff(b"\x00\x01binary"));
    }

    #[test]
    fn dates_as_written() {
        assert_eq!(date("2023-12-31"), Some(Date { year: Some(2023), month: Some(12), day: Some(31) }));
        assert_eq!(date("2023-12"), Some(Date { year: Some(2023), month: Some(12), day: None }));
        assert_eq!(date("--12-31"), Some(Date { year: None, month: Some(12), day: Some(31) }));
        assert_eq!(date("2023"), Some(Date { year: Some(2023), month: None, day: None }));
        assert_eq!(date("x"), None);
    }
}
