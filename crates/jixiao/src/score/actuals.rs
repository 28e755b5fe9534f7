//! Actual results given beside a target table (a CSV or JSON file): rows of `table`,
//! `indicator`, `actual`, optional `section` and `weight`, matched to the document's indicators
//! by part, table number or name, and level-3 name.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Origin, Result};
use crate::model::{Document, Target};
use crate::review::rules::normalized;

/// 实际完成值 — one row of an actuals file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct ActualRow {
    /// 部分序号 — the part's number (第二部分 → 2); null matches any part.
    #[serde(default)]
    pub section: Option<u32>,
    /// 表 — the table's number (`3`) or its name or title.
    pub table: String,
    /// 三级指标 — the indicator's name.
    pub indicator: String,
    /// 实际完成值 — the actual result as written (`33622人`, `达成年度指标`).
    pub actual: String,
    /// 分值 — the indicator's weight, when the file gives it.
    #[serde(default)]
    pub weight: Option<f64>,
    /// 行号 — the row's line in the file (set by the reader).
    #[serde(default)]
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum JsonActuals {
    List(Vec<ActualRow>),
    Wrapped { actuals: Vec<ActualRow> },
}

/// Reads an actuals file: JSON (a list of rows, or `{"actuals": [...]}`) or CSV with a header
/// row naming the columns (UTF-8, with or without a BOM; GB18030 when it is not UTF-8).
pub fn parse(bytes: &[u8], origin: &Origin) -> Result<Vec<ActualRow>> {
    let text = crate::read::decode(bytes, crate::Encoding::Auto, origin)?;
    let text = text.trim_start_matches('\u{FEFF}');
    if text.trim_start().starts_with(['[', '{']) {
        let rows = match serde_json::from_str::<JsonActuals>(text) {
            Ok(JsonActuals::List(rows) | JsonActuals::Wrapped { actuals: rows }) => rows,
            Err(source) => return Err(Error::Json { origin: origin.clone(), source }),
        };
        return Ok(rows.into_iter().enumerate().map(|(k, row)| ActualRow { line: if row.line == 0 { k + 1 } else { row.line }, ..row }).collect());
    }
    parse_csv(text, origin)
}

/// RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks. Each
/// record comes with its first line.
fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut line, mut start) = (false, 1, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            ',' if !quoted => record.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                record.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
            }
            c => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push((start, record));
    }
    out.retain(|(_, r)| r.iter().any(|f| !f.trim().is_empty()));
    out
}

fn parse_csv(text: &str, origin: &Origin) -> Result<Vec<ActualRow>> {
    let mut rows = records(text).into_iter();
    let Some((_, header)) = rows.next() else {
        return Err(Error::Parse { origin: origin.clone(), line: None, reason: "the actuals file is empty".into() });
    };
    let column = |names: &[&str]| header.iter().position(|h| names.contains(&h.trim()));
    let (table, indicator, actual) = (
        column(&["table", "表", "表名", "表序号", "项目名称"]),
        column(&["indicator", "三级指标", "指标", "指标名称"]),
        column(&["actual", "实际完成值", "完成值", "实际值"]),
    );
    let (Some(table), Some(indicator), Some(actual)) = (table, indicator, actual) else {
        return Err(Error::Parse {
            origin: origin.clone(),
            line: Some(1),
            reason: format!("the header needs the columns table, indicator and actual (it has: {})", header.join(", ")),
        });
    };
    let (section, weight) = (column(&["section", "部分", "部分序号"]), column(&["weight", "分值", "权重"]));
    let mut out = Vec::new();
    for (line, record) in rows {
        let cell = |k: usize| record.get(k).map(|s| s.trim().to_owned()).unwrap_or_default();
        let number = |k: Option<usize>, what: &str| -> Result<Option<f64>> {
            let Some(k) = k else { return Ok(None) };
            let text = cell(k);
            if text.is_empty() {
                return Ok(None);
            }
            text.parse::<f64>().map(Some).map_err(|_| Error::Parse {
                origin: origin.clone(),
                line: Some(line),
                reason: format!("the {what} `{text}` is not a number"),
            })
        };
        out.push(ActualRow {
            section: number(section, "section")?.map(|v| v as u32),
            table: cell(table),
            indicator: cell(indicator),
            actual: cell(actual),
            weight: number(weight, "weight")?,
            line,
        });
    }
    Ok(out)
}

/// Puts the actuals into a copy of the document; returns it with the rows that matched no
/// indicator (or more than one table) and why.
pub fn apply(doc: &Document, rows: &[ActualRow]) -> (Document, Vec<(ActualRow, String)>) {
    let mut doc = doc.clone();
    let mut unmatched = Vec::new();
    for row in rows {
        let wanted = normalized(&row.table);
        let number: Option<u32> = row.table.trim().parse().ok();
        let mut tables: Vec<(usize, usize)> = Vec::new();
        for (s, section) in doc.sections.iter().enumerate() {
            if row.section.is_some_and(|n| section.number != Some(n)) {
                continue;
            }
            for (t, table) in section.tables.iter().enumerate() {
                let by_number = number.is_some() && table.number == number;
                let by_name = !wanted.is_empty() && (normalized(&table.name) == wanted || normalized(&table.title) == wanted);
                if by_number || by_name {
                    tables.push((s, t));
                }
            }
        }
        let (s, t) = match tables.as_slice() {
            [one] => *one,
            [] => {
                unmatched.push((row.clone(), format!("no table `{}`", row.table)));
                continue;
            }
            many => {
                unmatched.push((row.clone(), format!("{} tables match `{}`: give the section too", many.len(), row.table)));
                continue;
            }
        };
        let name = normalized(&row.indicator);
        let table = &mut doc.sections[s].tables[t];
        let found = table.categories.iter_mut().flat_map(|c| c.children.iter_mut()).flat_map(|s| s.indicators.iter_mut()).find(|i| normalized(&i.name) == name);
        match found {
            Some(indicator) if !name.is_empty() => {
                indicator.actual = Some(Box::new(Target::parse(&row.actual)));
                if row.weight.is_some() {
                    indicator.weight = row.weight;
                }
            }
            _ => unmatched.push((row.clone(), format!("no indicator `{}` in table `{}`", row.indicator, row.table))),
        }
    }
    (doc, unmatched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_quotes_bom_and_chinese_headers() {
        let text = "\u{FEFF}表,三级指标,实际完成值,分值\r\n2,\"享受保险 人数\",\"33,622人\",50\r\n\r\n城乡居民,满意度,\"a\"\"b\",\n";
        let rows = parse(text.as_bytes(), &Origin::default()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].table.as_str(), rows[0].indicator.as_str(), rows[0].actual.as_str(), rows[0].weight),
            ("2", "享受保险 人数", "33,622人", Some(50.0))
        );
        assert_eq!((rows[1].actual.as_str(), rows[1].weight, rows[1].line), ("a\"b", None, 4));
        let bad = parse(b"table,name\n1,x\n", &Origin::default()).unwrap_err().to_string();
        assert!(bad.contains("table, indicator and actual"), "{bad}");
        let bad = parse(b"table,indicator,actual,weight\n1,x,3,ten\n", &Origin::default()).unwrap_err().to_string();
        assert!(bad.contains(":2:") && bad.contains("`ten`"), "{bad}");
    }

    #[test]
    fn json_lists_and_wrapped_lists() {
        let rows = parse(r#"[{"table": "1", "indicator": "a", "actual": "3次"}]"#.as_bytes(), &Origin::default()).unwrap();
        assert_eq!((rows[0].line, rows[0].actual.as_str()), (1, "3次"));
        let rows =
            parse(r#"{"actuals": [{"section": 2, "table": "x", "indicator": "a", "actual": "1", "weight": 5}]}"#.as_bytes(), &Origin::default()).unwrap();
        assert_eq!((rows[0].section, rows[0].weight), (Some(2), Some(5.0)));
        assert!(parse(b"[{\"table\": 1}]", &Origin::default()).is_err());
    }
}
