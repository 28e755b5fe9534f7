//! Excel 2003 XML (SpreadsheetML): what budget systems export as `.xls` or `.xml`, and what
//! Excel and LibreOffice write as "XML Spreadsheet 2003". One XML file, a `Workbook` root in the
//! `urn:schemas-microsoft-com:office:spreadsheet` namespace, `Worksheet`s of `Row`s of `Cell`s.
//! It yields the same per-sheet grid of cell texts as the .xlsx path: a cell's place follows
//! `ss:Index` (1-based, skipping empty cells and rows) and `ss:MergeAcross` (the merged cells
//! after it are not written); a merged cell's text is at its first cell, as in .xlsx; numbers
//! in a percent style show as percent (`0.9` → `90%`), dates as ISO dates.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::Grid;
use super::cells::number;
use crate::error::{Error, Origin, Result};
use crate::model::ReplacedBytes;
use crate::read::container::over_limit;
use crate::read::decode::{Encoding, decode_with};
use crate::read::xml::{Xml, XmlError, XmlReader, attr};
use crate::read::{Limits, ReadOptions};

/// The namespace of SpreadsheetML's elements and attributes.
const NAMESPACE: &[u8] = b"urn:schemas-microsoft-com:office:spreadsheet";
/// The last row and column an Excel sheet has (1-based): an index beyond is not a place.
const MAX_ROW: u32 = 1 << 20;
const MAX_COLUMN: u32 = 1 << 14;

/// The start of a file, as UTF-8 bytes (a UTF-16 file's head is decoded first).
fn head(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        let enc = if head[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, _) = enc.decode_without_bom_handling(&head[2..]);
        return std::borrow::Cow::Owned(text.into_owned().into_bytes());
    }
    std::borrow::Cow::Borrowed(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head))
}

/// The first element's start tag, after the XML declaration, processing instructions
/// (`<?mso-application progid="Excel.Sheet"?>`), comments and a doctype.
fn root_tag(head: &[u8]) -> Option<&[u8]> {
    let mut rest = head;
    for _ in 0..32 {
        rest = rest.trim_ascii_start();
        let close: &[u8] = if rest.starts_with(b"<?") {
            b"?>"
        } else if rest.starts_with(b"<!--") {
            b"-->"
        } else if rest.starts_with(b"<!") {
            b">"
        } else {
            break;
        };
        let end = memchr::memmem::find(rest, close)?;
        rest = &rest[end + close.len()..];
    }
    let rest = rest.strip_prefix(b"<")?;
    let end = memchr::memchr(b'>', rest)?;
    Some(&rest[..end])
}

/// Whether the bytes are a SpreadsheetML workbook: a `Workbook` root element that declares the
/// spreadsheet namespace (with or without the `mso-application` instruction before it).
pub(super) fn sniff(bytes: &[u8]) -> bool {
    let head = head(bytes);
    let Some(tag) = root_tag(&head) else { return false };
    let name_end = tag.iter().position(|b| b.is_ascii_whitespace() || *b == b'/').unwrap_or(tag.len());
    let name = &tag[..name_end];
    let local = memchr::memrchr(b':', name).map_or(name, |i| &name[i + 1..]);
    local == b"Workbook" && memchr::memmem::find(tag, NAMESPACE).is_some()
}

/// The encoding an XML declaration names (`encoding="gb2312"`), when it is one jixiao reads.
fn declared(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(256)];
    let decl = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head).strip_prefix(b"<?xml")?;
    let decl = &decl[..memchr::memmem::find(decl, b"?>")?];
    let at = memchr::memmem::find(decl, b"encoding")? + b"encoding".len();
    let value = decl[at..].trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let quote = *value.first()?;
    let value = &value[1..];
    let end = memchr::memchr(quote, value)?;
    Encoding::from_name(std::str::from_utf8(&value[..end]).ok()?)
}

/// The 1-based line of a byte offset in the text.
fn line_at(text: &str, offset: u64) -> usize {
    let end = usize::try_from(offset).unwrap_or(usize::MAX).min(text.len());
    1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..end]).count()
}

/// A cell's text from its `ss:Type` and whether its style shows a percentage.
fn value_text(kind: &str, raw: String, percent: bool) -> String {
    match kind {
        "Number" => match raw.trim().parse::<f64>() {
            Ok(v) if percent => format!("{}%", number(v * 100.0)),
            Ok(v) => number(v),
            Err(_) => raw,
        },
        // `2023-12-31T00:00:00.000`: the date, as the .xlsx path shows a date cell; a time of
        // day alone (Excel's day 0, 1899-12-31) keeps its time.
        "DateTime" => match raw.split_once('T') {
            Some(("1899-12-31", time)) => time.split('.').next().unwrap_or(time).to_owned(),
            Some((date, _)) if date.len() == 10 => date.to_owned(),
            _ => raw,
        },
        "Boolean" => match raw.trim() {
            "1" => "TRUE".to_owned(),
            "0" => "FALSE".to_owned(),
            _ => raw,
        },
        _ => raw,
    }
}

/// A cell as the sheet writes it: its row, its place in the row as written (`ss:Index`, or
/// after the cell before it and the cells that one merges across), its merges and its text.
struct Written {
    row: u32,
    at: u32,
    across: u32,
    down: u32,
    text: String,
}

/// The cells of a sheet by (row, column). Excel counts a place in a row from column A, and
/// wants an `ss:Index` past the cells a merge from a row above covers: a cell written on
/// one is invalid. LibreOffice's export writes no index there and counts only the columns no
/// such merge covers. `uncovered` places by LibreOffice's count; by Excel's, a cell on a
/// covered column gives None (the sheet is then LibreOffice's).
fn place(written: &[Written], uncovered: bool) -> Option<BTreeMap<(u32, u32), String>> {
    let mut cells = BTreeMap::new();
    // Merges reaching below their row: (last row, first column, last column).
    let mut merges: Vec<(u32, u32, u32)> = Vec::new();
    let mut covered: Vec<(u32, u32)> = Vec::new();
    let mut row = None;
    for w in written {
        if row != Some(w.row) {
            row = Some(w.row);
            merges.retain(|(last, _, _)| *last >= w.row);
            covered = merges.iter().map(|(_, first, last)| (*first, *last)).collect();
            covered.sort_unstable();
        }
        let column = if uncovered {
            // The `at`-th column that no merge covers.
            let mut column = w.at;
            for (first, last) in &covered {
                if *first <= column {
                    column = column.saturating_add(last - first + 1);
                }
            }
            column
        } else if covered.iter().any(|(first, last)| (*first..=*last).contains(&w.at)) && !w.text.is_empty() {
            return None;
        } else {
            w.at
        };
        if w.down > 0 {
            merges.push((w.row.saturating_add(w.down), column, column.saturating_add(w.across)));
        }
        if !w.text.is_empty() {
            cells.insert((w.row, column), w.text.clone());
        }
    }
    Some(cells)
}

/// The cell being read.
#[derive(Default)]
struct Open {
    row: u32,
    column: u32,
    across: u32,
    down: u32,
    percent: bool,
    kind: String,
    text: String,
    in_data: bool,
    in_comment: bool,
}

/// The sheets of a SpreadsheetML workbook, and the bytes replaced in decoding it.
pub(super) fn grids(bytes: &[u8], options: &ReadOptions) -> Result<(Vec<Grid>, Vec<ReplacedBytes>)> {
    let origin = options.origin();
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let encoding = match options.encoding {
        Encoding::Auto if !has_bom => declared(bytes).unwrap_or(Encoding::Auto),
        asked => asked,
    };
    let (text, replaced) = decode_with(bytes, encoding, options.encoding_errors, &origin)?;
    Ok((read(&text, options.limits, &origin)?, replaced))
}

fn read(text: &str, limits: Limits, origin: &Origin) -> Result<Vec<Grid>> {
    let parse_error = |line: usize, reason: String| Error::Parse { origin: origin.clone(), line: Some(line), reason };
    let mut xml = XmlReader::new(text, limits.max_depth);
    let mut percent_styles: HashSet<String> = HashSet::new();
    // Each style's parent (`ss:Parent`), whose number format it takes unless it has its own.
    let mut parents: Vec<(String, String)> = Vec::new();
    let mut own_format: HashSet<String> = HashSet::new();
    // The row's style, which its cells without one of their own take, and the columns' styles
    // (first column, last column, style), which cells without either take.
    let mut row_style: Option<String> = None;
    let mut column_styles: Vec<(u32, u32, String)> = Vec::new();
    let mut next_styled_column = 0u32;
    let mut style: Option<String> = None;
    let mut grids: Vec<Grid> = Vec::new();
    let mut sheet: Option<Grid> = None;
    let mut workbook = false;
    let (mut row, mut next_column): (Option<u32>, u32) = (None, 0);
    // The sheet's cells as written, placed when the sheet ends.
    let mut written: Vec<Written> = Vec::new();
    let mut cell: Option<Open> = None;
    let mut count = 0usize;
    loop {
        let event = match xml.next() {
            Ok(Some(event)) => event,
            Ok(None) => break,
            Err(XmlError::TooDeep(max)) => {
                return Err(over_limit(origin, &format!("the XML nesting at line {}", line_at(text, xml.position())), max, "max_depth"));
            }
            Err(XmlError::Syntax(e)) => {
                return Err(parse_error(line_at(text, xml.error_position()), format!("a damaged Excel 2003 XML workbook: {e}")));
            }
        };
        match event {
            Xml::Start(name, attrs) => match name.as_ref() {
                "Workbook" => workbook = true,
                "Style" => {
                    style = attr(&attrs, "ID").map(str::to_owned);
                    if let (Some(id), Some(parent)) = (&style, attr(&attrs, "Parent")) {
                        parents.push((id.clone(), parent.to_owned()));
                    }
                }
                "NumberFormat" => {
                    if let Some(id) = &style {
                        own_format.insert(id.clone());
                    }
                    if let (Some(id), Some(format)) = (&style, attr(&attrs, "Format"))
                        && (format.eq_ignore_ascii_case("Percent") || format.contains('%'))
                    {
                        percent_styles.insert(id.clone());
                    }
                }
                "Worksheet" => {
                    let name = attr(&attrs, "Name").map_or_else(|| format!("Sheet{}", grids.len() + 1), str::to_owned);
                    sheet = Some(Grid { name, cells: BTreeMap::new(), formulas: Vec::new() });
                    (row, next_column) = (None, 0);
                    written.clear();
                    column_styles.clear();
                    next_styled_column = 0;
                }
                "Column" if sheet.is_some() => {
                    let first = attr(&attrs, "Index").and_then(|i| index(i, MAX_COLUMN)).unwrap_or(next_styled_column);
                    let span: u32 = attr(&attrs, "Span").and_then(|m| m.trim().parse().ok()).unwrap_or(0);
                    let last = first.saturating_add(span).min(MAX_COLUMN);
                    next_styled_column = last.saturating_add(1);
                    if let Some(id) = attr(&attrs, "StyleID") {
                        column_styles.push((first, last, id.to_owned()));
                    }
                }
                "Row" if sheet.is_some() => {
                    row_style = attr(&attrs, "StyleID").map(str::to_owned);
                    let at = match attr(&attrs, "Index") {
                        Some(i) => index(i, MAX_ROW)
                            .ok_or_else(|| parse_error(line_at(text, xml.position()), format!("a row's ss:Index \"{i}\" is not a row 1 to {MAX_ROW}")))?,
                        None => row.map_or(0, |r| r + 1),
                    };
                    row = Some(at.min(MAX_ROW - 1));
                    next_column = 0;
                }
                "Cell" if sheet.is_some() => {
                    let place = || line_at(text, xml.position());
                    let column = match attr(&attrs, "Index") {
                        Some(i) => {
                            index(i, MAX_COLUMN).ok_or_else(|| parse_error(place(), format!("a cell's ss:Index \"{i}\" is not a column 1 to {MAX_COLUMN}")))?
                        }
                        None => next_column,
                    };
                    if column >= MAX_COLUMN {
                        return Err(parse_error(place(), format!("a cell beyond the last column ({MAX_COLUMN})")));
                    }
                    let across: u32 = attr(&attrs, "MergeAcross").and_then(|m| m.trim().parse().ok()).unwrap_or(0);
                    let down: u32 = attr(&attrs, "MergeDown").and_then(|m| m.trim().parse().ok()).unwrap_or(0);
                    next_column = column.saturating_add(across).saturating_add(1);
                    let column_style = || column_styles.iter().find(|(first, last, _)| (*first..=*last).contains(&column)).map(|(_, _, s)| s.as_str());
                    let percent = attr(&attrs, "StyleID").or(row_style.as_deref()).or_else(column_style).is_some_and(|s| percent_styles.contains(s));
                    row = Some(row.unwrap_or(0));
                    cell = Some(Open { row: row.unwrap_or(0), column, across, down, percent, ..Open::default() });
                }
                "Data" => {
                    if let Some(c) = cell.as_mut().filter(|c| !c.in_comment) {
                        c.in_data = true;
                        c.kind = attr(&attrs, "Type").unwrap_or("String").to_owned();
                    }
                }
                "Comment" => {
                    if let Some(c) = cell.as_mut() {
                        c.in_comment = true;
                    }
                }
                "Br" => {
                    if let Some(c) = cell.as_mut().filter(|c| c.in_data) {
                        c.text.push('\n');
                    }
                }
                _ => {}
            },
            Xml::Text(t) => {
                if let Some(c) = cell.as_mut().filter(|c| c.in_data) {
                    c.text.push_str(&t);
                }
            }
            Xml::End(name) => match name.as_ref() {
                "Style" => style = None,
                // A style without a number format of its own takes its parent's (a chain of
                // them at most as long as the list).
                "Styles" => {
                    for _ in 0..parents.len() {
                        let inherited: Vec<String> = parents
                            .iter()
                            .filter(|(id, parent)| !own_format.contains(id) && !percent_styles.contains(id) && percent_styles.contains(parent))
                            .map(|(id, _)| id.clone())
                            .collect();
                        if inherited.is_empty() {
                            break;
                        }
                        percent_styles.extend(inherited);
                    }
                }
                "Data" => {
                    if let Some(c) = cell.as_mut() {
                        c.in_data = false;
                    }
                }
                "Comment" => {
                    if let Some(c) = cell.as_mut() {
                        c.in_comment = false;
                    }
                }
                "Cell" => {
                    if let (Some(c), Some(_)) = (cell.take(), sheet.as_ref()) {
                        let text = value_text(&c.kind, c.text, c.percent);
                        if !text.is_empty() || c.down > 0 {
                            count += 1;
                            if count > limits.max_cells {
                                return Err(over_limit(origin, "the workbook's cells", limits.max_cells, "max_cells"));
                            }
                            written.push(Written { row: c.row, at: c.column, across: c.across, down: c.down, text });
                        }
                    }
                }
                "Worksheet" => {
                    if let Some(mut grid) = sheet.take() {
                        grid.cells = place(&written, false).or_else(|| place(&written, true)).unwrap_or_default();
                        // Each row of the sheet becomes as many cells as its widest row has.
                        let rows: BTreeSet<u32> = grid.cells.keys().map(|(r, _)| *r).collect();
                        let width = grid.cells.keys().map(|(_, c)| *c as u64 + 1).max().unwrap_or(0);
                        let spanned = rows.len() as u64 * width;
                        if spanned > limits.max_cells as u64 {
                            return Err(over_limit(origin, &format!("the {spanned} cells sheet {} spans", grid.name), limits.max_cells, "max_cells"));
                        }
                        grids.push(grid);
                    }
                }
                _ => {}
            },
        }
    }
    if !workbook {
        return Err(Error::Parse { origin: origin.clone(), line: None, reason: "not an Excel 2003 XML workbook (no Workbook element)".into() });
    }
    Ok(grids)
}

/// A 1-based `ss:Index` as a 0-based place, if it is one up to `max`.
fn index(text: &str, max: u32) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|i| (1..=max).contains(i)).map(|i| i - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Cells = Vec<((u32, u32), String)>;

    fn sheets(xml: &str) -> Vec<(String, Cells)> {
        read(xml, Limits::default(), &Origin(None)).unwrap().into_iter().map(|g| (g.name, g.cells.into_iter().collect())).collect()
    }

    const HEAD: &str = r#"<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">"#;

    #[test]
    fn sniffs_the_root_not_the_name() {
        assert!(sniff(HEAD.as_bytes()));
        assert!(sniff(&[b"\xEF\xBB\xBF".as_slice(), HEAD.as_bytes()].concat()));
        let bare = r#"<ss:Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"></ss:Workbook>"#;
        assert!(sniff(bare.as_bytes()));
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(HEAD.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(sniff(&utf16));
        assert!(!sniff(br#"<?xml version="1.0"?><html xmlns="urn:schemas-microsoft-com:office:spreadsheet">"#));
        assert!(!sniff(br#"<?xml version="1.0"?><Workbook xmlns="urn:other">"#));
        assert!(!sniff("2020年部门预算绩效信息\nWorkbook urn:schemas-microsoft-com:office:spreadsheet".as_bytes()));
    }

    #[test]
    fn indexes_merges_types_and_percent_styles() {
        let xml = format!(
            r##"{HEAD}<Styles><Style ss:ID="p"><NumberFormat ss:Format="Percent"/></Style><Style ss:ID="q"><NumberFormat ss:Format="0.0%"/></Style></Styles>
<Worksheet ss:Name="专项1"><Table>
<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">标题</Data></Cell><Cell><Data ss:Type="Number">38000</Data></Cell></Row>
<Row ss:Index="4"><Cell ss:Index="2" ss:MergeDown="1"><Data ss:Type="Number">0.9</Data></Cell><Cell ss:StyleID="p"><Data ss:Type="Number">0.9</Data></Cell><Cell ss:StyleID="q"><Data ss:Type="Number">0.8659</Data></Cell></Row>
<Row><Cell ss:Index="3"><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>加</B><Font html:Color="#FF0000">粗</Font>&#10;行</ss:Data><Comment><Data>批注</Data></Comment></Cell></Row>
<Row><Cell><Data ss:Type="DateTime">2023-12-31T00:00:00.000</Data></Cell><Cell><Data ss:Type="Boolean">1</Data></Cell><Cell><Data ss:Type="Error">#N/A</Data></Cell><Cell><Data ss:Type="Number">238.93</Data></Cell></Row>
</Table></Worksheet><Worksheet ss:Name="说明"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet></Workbook>"##
        );
        let got = sheets(&xml);
        let cells = |v: &[((u32, u32), &str)]| v.iter().map(|(p, t)| (*p, t.to_string())).collect::<Vec<_>>();
        assert_eq!(got[0].0, "专项1");
        assert_eq!(
            got[0].1,
            cells(&[
                ((0, 0), "标题"),
                ((0, 3), "38000"),
                ((3, 1), "0.9"),
                ((3, 2), "90%"),
                ((3, 3), "86.59%"),
                ((4, 2), "加粗\n行"),
                ((5, 0), "2023-12-31"),
                ((5, 1), "TRUE"),
                ((5, 2), "#N/A"),
                ((5, 3), "238.93"),
            ])
        );
        assert_eq!(got[1], ("说明".to_owned(), cells(&[((0, 0), "x")])));
        // LibreOffice writes no index after a cell merged down: the next cell goes past it.
        let xml = format!(
            r#"{HEAD}<Worksheet><Table><Row><Cell ss:MergeDown="2"><Data>产出指标</Data></Cell><Cell><Data>数量指标</Data></Cell></Row>
<Row><Cell><Data>质量指标</Data></Cell></Row><Row><Cell ss:MergeAcross="1"><Data>时效指标</Data></Cell><Cell><Data>d</Data></Cell></Row><Row><Cell><Data>满意度指标</Data></Cell></Row></Table></Worksheet></Workbook>"#
        );
        let got = sheets(&xml);
        assert_eq!(
            got[0].1,
            cells(&[((0, 0), "产出指标"), ((0, 1), "数量指标"), ((1, 1), "质量指标"), ((2, 1), "时效指标"), ((2, 3), "d"), ((3, 0), "满意度指标")])
        );
        // A style takes its parent's number format; a row's or else a column's style is its cells'.
        let xml = format!(
            r#"{HEAD}<Styles><Style ss:ID="p"><NumberFormat ss:Format="0%"/></Style><Style ss:ID="c" ss:Parent="p"><Font/></Style><Style ss:ID="d" ss:Parent="c"/><Style ss:ID="n" ss:Parent="p"><NumberFormat ss:Format="0.00"/></Style></Styles>
<Worksheet><Table><Row><Cell ss:StyleID="d"><Data ss:Type="Number">0.5</Data></Cell><Cell ss:StyleID="n"><Data ss:Type="Number">0.5</Data></Cell></Row><Row ss:StyleID="p"><Cell><Data ss:Type="Number">0.25</Data></Cell></Row></Table></Worksheet>
<Worksheet><Table><Column ss:Width="50"/><Column ss:Span="1" ss:StyleID="p"/><Column ss:Index="5" ss:StyleID="p"/><Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="Number">0.9</Data></Cell><Cell><Data ss:Type="Number">0.8</Data></Cell><Cell><Data ss:Type="Number">0.7</Data></Cell><Cell><Data ss:Type="Number">0.6</Data></Cell></Row></Table></Worksheet></Workbook>"#
        );
        assert_eq!(sheets(&xml)[0].1, cells(&[((0, 0), "50%"), ((0, 1), "0.5"), ((1, 0), "25%")]));
        assert_eq!(sheets(&xml)[1].1, cells(&[((0, 0), "1"), ((0, 1), "90%"), ((0, 2), "80%"), ((0, 3), "0.7"), ((0, 4), "60%")]));
        // LibreOffice's index counts only the columns no merge covers; Excel's counts from A.
        let lo = format!(
            r#"{HEAD}<Worksheet><Table><Row><Cell ss:MergeDown="1"><Data>a</Data></Cell></Row><Row><Cell><Data>b</Data></Cell><Cell ss:Index="3"><Data>c</Data></Cell></Row></Table></Worksheet></Workbook>"#
        );
        assert_eq!(sheets(&lo)[0].1, cells(&[((0, 0), "a"), ((1, 1), "b"), ((1, 3), "c")]));
        let excel = format!(
            r#"{HEAD}<Worksheet><Table><Row><Cell ss:MergeDown="1"><Data>a</Data></Cell></Row><Row><Cell ss:Index="2"><Data>b</Data></Cell><Cell ss:Index="4"><Data>c</Data></Cell></Row></Table></Worksheet></Workbook>"#
        );
        assert_eq!(sheets(&excel)[0].1, cells(&[((0, 0), "a"), ((1, 1), "b"), ((1, 3), "c")]));
    }

    #[test]
    fn hostile_indexes_and_limits_are_errors_with_their_line() {
        let far = format!("{HEAD}<Worksheet><Table>\n<Row ss:Index=\"99999999\"/></Table></Worksheet></Workbook>");
        let err = read(&far, Limits::default(), &Origin(Some("a.xls".into()))).unwrap_err().to_string();
        assert!(err.starts_with("a.xls:3: a row's ss:Index \"99999999\""), "{err}");
        let wide = format!(
            "{HEAD}<Worksheet><Table><Row><Cell ss:Index=\"16384\"><Data>a</Data></Cell></Row><Row ss:Index=\"1000\"><Cell><Data>b</Data></Cell></Row></Table></Worksheet></Workbook>"
        );
        let limits = Limits { max_cells: 10_000, ..Limits::default() };
        assert!(read(&wide, limits, &Origin(None)).unwrap_err().to_string().contains("max_cells"));
        let broken = format!("{HEAD}<Worksheet><Table>\n\n<Row></Cell></Table></Worksheet></Workbook>");
        let err = read(&broken, Limits::default(), &Origin(None)).unwrap_err();
        assert_eq!(err.line(), Some(4), "{err}");
        let deep = format!("{HEAD}{}", "<Worksheet>".repeat(500));
        assert!(read(&deep, Limits::default(), &Origin(None)).unwrap_err().to_string().contains("max_depth"));
    }

    #[test]
    fn the_declared_encoding_is_used() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<?xml version=\"1.0\" encoding=\"gb2312\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"表\" xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Table><Row><Cell><Data ss:Type=\"String\">一级指标</Data></Cell></Row></Table></Worksheet></Workbook>");
        assert_eq!(declared(&gbk), Some(Encoding::Gb18030));
        let (grids, replaced) = grids(&gbk, &ReadOptions::default()).unwrap();
        assert!(replaced.is_empty());
        assert_eq!(grids[0].name, "表");
        assert_eq!(grids[0].cells.get(&(0, 0)).map(String::as_str), Some("一级指标"));
    }
}
