//! .xlsx, the way budget systems import tables: a sheet per table named `专项N-名称` /
//! `项目N-名称`, a 项目名称 / 绩效目标 block, the table's columns, 一级 cells merged down over their
//! rows, numbers and percents as typed cells, columns wide enough for Chinese text. Read back,
//! it gives the same model apart from locations.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};

use super::layout::{self, RowKind};
use crate::error::{Error, Result};
use crate::grammar::form::cells::{compose_target, value_cell};
use crate::grammar::form::sheets::number as sheet_cell_number;
use crate::grammar::form::{part_heading, sheet_kind, sheet_safe, table_title, text_title};
use crate::grammar::labels::ColumnRole;
use crate::model::{Document, SectionKind, Table};

fn err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Write(format!("xlsx output: {e}"))
}

/// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
fn sheet_name(kind: SectionKind, t: &Table, index: usize, taken: &mut Vec<String>) -> String {
    let prefix = match kind {
        SectionKind::SpecialFund => "专项",
        SectionKind::BudgetProject => "项目",
        SectionKind::DepartmentWide => "整体",
        SectionKind::Other => "",
    };
    // A title that no reader would take for one (a sheet's own name, `部门项目` for a sheet of
    // many projects) names the sheet, so that it reads back as the title and not as a note.
    let base: String = if !t.title.is_empty() && table_title(&t.title).is_none() && sheet_kind(&t.title).0 == kind {
        sheet_safe(&t.title)
    } else {
        // The reader numbers a sheet's table by the first digits of its name: a table with no
        // number gets a name without digits where it can.
        match t.number {
            Some(n) => sheet_safe(&format!("{prefix}{n}-{}", t.name)),
            None if !t.name.is_empty() && !format!("{prefix}{}", t.name).contains(|c: char| c.is_ascii_digit()) => sheet_safe(&format!("{prefix}{}", t.name)),
            None => sheet_safe(&format!("{prefix}{}-{}", index + 1, t.name)),
        }
    };
    sheet_name_free(&base, taken)
}

/// The sheet for the notes that have no place in a table.
const NOTES_SHEET: &str = "备注";

/// `base`, or `base~2`, `base~3`… (within Excel's 31 characters) when it is taken.
fn sheet_name_free(base: &str, taken: &mut Vec<String>) -> String {
    let base: String = base.chars().take(31).collect();
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!("~{n}");
        name = base.chars().take(31 - suffix.chars().count()).collect::<String>() + &suffix;
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// Display width of a text in Excel's character units (CJK counts double).
fn width(text: &str) -> f64 {
    text.lines().map(|l| l.chars().map(|c| if c.is_ascii() { 1.0 } else { 2.0 }).sum::<f64>()).fold(0.0, f64::max)
}

struct Formats {
    text: Format,
    number: Format,
    percent: Format,
    header: Format,
}

/// Writes one cell: a number when the text is one that reads back the same, a percent when it
/// is a number with `%`, else text.
fn put(ws: &mut Worksheet, row: u32, col: u16, text: &str, header: bool, f: &Formats) -> Result<()> {
    if header {
        ws.write_string_with_format(row, col, text, &f.header).map_err(err)?;
    } else if let Some(v) = text.parse::<f64>().ok().filter(|v| v.is_finite() && sheet_cell_number(*v) == text) {
        ws.write_number_with_format(row, col, v, &f.number).map_err(err)?;
    } else if let Some(v) = text
        .strip_suffix('%')
        .and_then(|n| n.parse::<f64>().ok())
        .filter(|v| v.is_finite() && format!("{}%", sheet_cell_number(*v)) == text && sheet_cell_number(*v / 100.0 * 100.0) == sheet_cell_number(*v))
    {
        ws.write_number_with_format(row, col, v / 100.0, &f.percent).map_err(err)?;
    } else {
        ws.write_string_with_format(row, col, text, &f.text).map_err(err)?;
    }
    Ok(())
}

/// How many columns a worksheet has.
const EXCEL_COLUMNS: usize = 16_384;

/// Text from column B to the last column: merged when that is more than one cell (Excel refuses
/// a merge of one cell).
fn across(ws: &mut Worksheet, row: u32, ncols: u16, text: &str, format: &Format) -> Result<()> {
    if ncols > 2 {
        ws.merge_range(row, 1, row, ncols - 1, text, format).map_err(err)?;
    } else {
        ws.write_string_with_format(row, 1, text, format).map_err(err)?;
    }
    Ok(())
}

/// Writes a table on its sheet. In a part with a heading, the heading stands in the first row
/// of each of its sheets and the title (one the reader takes for a table's) in the second: the
/// reader then opens that part for the sheets, as a text save's heading does, in place of the
/// part the sheet's name would give.
fn table_sheet(ws: &mut Worksheet, t: &Table, heading: Option<&str>, f: &Formats) -> Result<()> {
    // Excel has 16 384 columns; a wider table (a hostile or broken source) is an error, never a
    // column number that wraps. A header that wide is refused before its rows are laid out
    // (4,000 rows under a header out to column XFD took 1.3 s to lay out and then refuse).
    if t.columns.len() > EXCEL_COLUMNS {
        return Err(Error::Write(format!("table `{}` has {} columns, more than Excel's {EXCEL_COLUMNS}", t.name, t.columns.len())));
    }
    let rows = layout::rows(t);
    let widest = rows.iter().map(|r| r.width).max().unwrap_or(1).max(2);
    if widest > EXCEL_COLUMNS {
        return Err(Error::Write(format!("table `{}` has {widest} columns, more than Excel's {EXCEL_COLUMNS}", t.name)));
    }
    let ncols = widest as u16;
    let level1 = crate::grammar::form::columns::table_keys(t, &t.columns).iter().position(|(r, _)| *r == ColumnRole::Level1);
    let mut widths = vec![8.0f64; ncols as usize];
    let mut r: u32 = 0;
    if let Some(heading) = heading {
        ws.merge_range(r, 0, r, ncols - 1, heading, &f.header).map_err(err)?;
        r += 1;
    }
    // The title (with its Word TC field as the text save writes it), then the 项目名称 block.
    // Under a heading no sheet name stands for the title: it is one a reader takes for a title.
    let mut title = if heading.is_some() || t.title.trim().is_empty() { text_title(t) } else { t.title.clone() };
    if let Some(toc) = &t.toc {
        title.push_str(&crate::grammar::form::toc_text(toc));
    }
    ws.merge_range(r, 0, r, ncols - 1, &title, &f.header).map_err(err)?;
    ws.write_string_with_format(r + 1, 0, "项目名称", &f.header).map_err(err)?;
    across(ws, r + 1, ncols, &t.name, &f.text)?;
    r += 2;
    // 一级 cells: (first row, last row, label), merged down when written.
    let mut spans: Vec<(u32, u32, String)> = Vec::new();
    for laid in &rows {
        let text_at = |c: usize| laid.cells.get(c).map_or("", String::as_str);
        if laid.kind == RowKind::Objective {
            ws.write_string_with_format(r, 0, text_at(0), &f.header).map_err(err)?;
            across(ws, r, ncols, text_at(1), &f.text)?;
            r += 1;
            continue;
        }
        // The 一级 cell of an indicator row (empty, past the cells the row holds, on a merged
        // one's continuation).
        let level1_here = match (laid.kind, level1) {
            (RowKind::Indicator { first_of_category }, Some(c)) => {
                match spans.last_mut() {
                    Some(span) if !first_of_category => span.1 = r,
                    // A level-2 label merged across 一级 and 二级 covers this row's 一级 cell: the
                    // 一级 column's merge starts below it.
                    _ if laid.merged == Some(c) => spans.push((r + 1, r, String::new())),
                    _ => spans.push((r, r, text_at(c).to_owned())),
                }
                Some(c)
            }
            _ => None,
        };
        for (c, text) in laid.cells.iter().enumerate() {
            if Some(c) == level1_here || text.is_empty() {
                continue;
            }
            // A label merged across two columns: over the cell it covers, left of it, too.
            if let Some(m) = laid.merged.filter(|&m| c == m + 1) {
                ws.merge_range(r, m as u16, r, c as u16, text, &f.text).map_err(err)?;
                continue;
            }
            put(ws, r, c as u16, text, laid.kind == RowKind::Header, f)?;
            if let Some(w) = widths.get_mut(c) {
                *w = w.max(width(text).min(60.0) + 2.0);
            }
        }
        r += 1;
    }
    if let Some(c) = level1.map(|c| c as u16) {
        for (first, last, label) in spans {
            if last > first {
                ws.merge_range(first, c, last, c, &label, &f.text).map_err(err)?;
            } else if !label.is_empty() {
                ws.write_string_with_format(first, c, &label, &f.text).map_err(err)?;
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(err)?;
    }
    Ok(())
}

/// How to lay tables out.
#[derive(Debug, Clone, Copy, Default)]
pub struct XlsxOptions {
    /// Keep each table's own columns. By default a table whose value cells hold sign, number and
    /// unit together (`≥90%`, as Word tables do) gets the import layout budget systems take,
    /// 计算符号 | 指标值 | 计量单位; reading that back gives the same targets, but the table's
    /// columns grow by two. With `keep_columns`, reading back gives the very same tables.
    pub keep_columns: bool,
}

/// A table in the import layout: 计算符号 and 计量单位 columns around 指标值, each target split
/// into them where it is a signed number with a unit that prints back as written.
fn import_layout(t: &Table) -> Table {
    let keys = crate::grammar::form::columns::column_keys(&t.columns);
    // A target set per place has one value column for each place, none to split.
    if !crate::grammar::form::columns::place_columns(&keys).is_empty() {
        return t.clone();
    }
    let roles: Vec<ColumnRole> = keys.into_iter().map(|(r, _)| r).collect();
    let Some(target) = roles.iter().position(|r| *r == ColumnRole::Target) else { return t.clone() };
    if roles.iter().any(|r| matches!(r, ColumnRole::Sign | ColumnRole::Unit)) {
        return t.clone();
    }
    let (sign_key, unit_key) = ("计算符号", "计量单位");
    let mut out = t.clone();
    out.columns.insert(target + 1, unit_key.to_owned());
    out.columns.insert(target, sign_key.to_owned());
    for c in &mut out.categories {
        for s in &mut c.children {
            for i in &mut s.indicators {
                let tg = &i.target;
                let (sign, unit) = match (tg.kind, tg.value, &tg.unit) {
                    (crate::model::TargetKind::Quantity, Some(v), unit) => {
                        let sign = if tg.sign_given {
                            tg.raw.trim().strip_suffix(&format!("{}{}", sheet_cell_number(v), unit.as_deref().unwrap_or("")))
                        } else {
                            Some("")
                        };
                        match sign {
                            // The sign as written (`>=`, `≥`), when the rest is exactly number and unit.
                            Some(sign) if compose_target(sign, &sheet_cell_number(v), unit.as_deref().unwrap_or("")) == tg.raw => {
                                (sign.to_owned(), unit.clone().unwrap_or_default())
                            }
                            _ => (String::new(), String::new()),
                        }
                    }
                    (crate::model::TargetKind::Qualitative, ..) => ("定性".to_owned(), String::new()),
                    _ => (String::new(), String::new()),
                };
                // The unit cell goes with the row's other values too (实际完成值 …): kept in the
                // target when one of them would read back with it added (`50` as `50个`).
                let others = [&i.actual, &i.progress, &i.expected];
                let composes =
                    |t: &Option<Box<crate::model::Target>>| t.as_ref().is_none_or(|t| compose_target("", value_cell(&t.raw, "", &unit), &unit) == t.raw);
                let (sign, unit) = if others.into_iter().all(composes) { (sign, unit) } else { (String::new(), String::new()) };
                if !sign.is_empty() {
                    i.extra.insert(sign_key.to_owned(), sign);
                }
                if !unit.is_empty() {
                    i.extra.insert(unit_key.to_owned(), unit);
                }
            }
        }
    }
    out
}

/// The document as .xlsx bytes, in the import layout (see [`XlsxOptions`]).
pub fn to_bytes(doc: &Document) -> Result<Vec<u8>> {
    to_bytes_with(doc, &XlsxOptions::default())
}

/// The document as .xlsx bytes.
pub fn to_bytes_with(doc: &Document, options: &XlsxOptions) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let f = Formats {
        text: Format::new().set_text_wrap().set_align(FormatAlign::VerticalCenter).set_border(FormatBorder::Thin),
        number: Format::new().set_align(FormatAlign::VerticalCenter).set_border(FormatBorder::Thin),
        percent: Format::new().set_num_format("0.##########%").set_align(FormatAlign::VerticalCenter).set_border(FormatBorder::Thin),
        header: Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter).set_border(FormatBorder::Thin),
    };
    let mut taken = Vec::new();
    let front = super::text::front_matter(doc);
    if !front.trim().is_empty() {
        // The title and the overview first, a line a cell, as the text writer lays them out:
        // the reader reads this sheet as those lines.
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name_free(crate::grammar::form::sheets::OVERVIEW_SHEET, &mut taken)).map_err(err)?;
        ws.set_column_width(0, 80).map_err(err)?;
        for (row, line) in front.split('\n').filter(|l| !l.trim().is_empty()).enumerate() {
            let row = u32::try_from(row).map_err(|_| Error::Write("more overview lines than a sheet has rows".into()))?;
            ws.write_string(row, 0, line).map_err(err)?;
        }
    }
    for section in &doc.sections {
        // The part's heading as the text save writes it (with its TC field), when it reads as one.
        let heading = part_heading(&section.heading).is_some().then(|| {
            let mut heading = section.heading.clone();
            if let Some(toc) = &section.toc {
                heading.push_str(&crate::grammar::form::toc_text(toc));
            }
            heading
        });
        if section.tables.is_empty()
            && let Some(heading) = &heading
        {
            // A part with no table: a sheet holding its heading alone.
            let ws = wb.add_worksheet();
            ws.set_name(sheet_name_free(&sheet_safe(&section.heading), &mut taken)).map_err(err)?;
            ws.set_column_width(0, 80).map_err(err)?;
            ws.write_string_with_format(0, 0, heading, &f.header).map_err(err)?;
        }
        for (i, t) in section.tables.iter().enumerate() {
            let ws = wb.add_worksheet();
            ws.set_name(sheet_name(section.kind, t, i, &mut taken)).map_err(err)?;
            if options.keep_columns {
                table_sheet(ws, t, heading.as_deref(), &f)?;
            } else {
                table_sheet(ws, &import_layout(t), heading.as_deref(), &f)?;
            }
        }
    }
    if !doc.notes.is_empty() {
        // Content that has no place in a table is kept too: one cell a note, on a sheet of its
        // own that reads back as notes (it has no indicator header).
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name_free(NOTES_SHEET, &mut taken)).map_err(err)?;
        ws.set_column_width(0, 80).map_err(err)?;
        for (row, note) in doc.notes.iter().enumerate() {
            let row = u32::try_from(row).map_err(|_| Error::Write("more notes than a sheet has rows".into()))?;
            ws.write_string_with_format(row, 0, &note.text, &f.text).map_err(err)?;
        }
    }
    // A workbook has at least one sheet (every sheet added took a name).
    if taken.is_empty() {
        wb.add_worksheet();
    }
    wb.save_to_buffer().map_err(err)
}
