//! Word-style plain text, in the sample's own layout: read back, it gives the same model, and
//! the indicator rows come out cell for cell as Word wrote them.

use super::layout::{self, RowKind};
use crate::grammar::form::columns::column_keys;
use crate::grammar::form::overview::{Part, RESPONSIBILITY_LABEL, subsection};
use crate::grammar::form::{LITERAL_MARK, needs_literal_mark, text_title, title_gives_name, toc_text};
use crate::grammar::labels::ColumnRole;
use crate::model::{Document, Overview, Table, Toc};

/// Writes a cell: a TAB, then its paragraphs, each further one after a blank line as Word does.
/// A further paragraph that is empty, or would read as a cell, heading or title, is marked
/// (a blank line more would end the cell, and a heading the table).
fn cell(out: &mut String, text: &str) {
    out.push('\t');
    for (i, para) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\n\n");
            if para.is_empty() || needs_literal_mark(para) {
                out.push(LITERAL_MARK);
            }
        }
        out.push_str(para);
    }
    out.push('\n');
}

fn toc_field(out: &mut String, toc: &Toc) {
    out.push_str(&toc_text(toc));
}

/// The subheading of `part` as the document wrote it; the form's own only when the part has
/// content that a reader would otherwise take for the part before it (never invented for
/// nothing: it would come back as a subheading the source did not have).
fn subheading(out: &mut String, ov: &Overview, part: Part, default: &str, needed: bool) {
    match ov.subheadings.iter().find(|h| subsection(&h.text) == Some(part)) {
        Some(h) => {
            out.push_str(&h.text);
            if let Some(toc) = &h.toc {
                toc_field(out, toc);
            }
        }
        None if needed => out.push_str(default),
        None => return,
    }
    out.push('\n');
}

/// Markers of an inline list, as the reader knows them (一是 … 十是).
const INLINE_MARKERS: [&str; 10] = ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"];

/// A goal's items: `（n）` lines, and each inline list (一是…二是…) on one line again.
fn goal_items(out: &mut String, items: &[crate::model::GoalItem]) {
    let mut k = 0;
    while k < items.len() {
        let item = &items[k];
        let marker = |i: &crate::model::GoalItem| i.number.checked_sub(1).and_then(|n| INLINE_MARKERS.get(n as usize)).copied();
        match marker(item) {
            Some(first) if item.inline && item.number == 1 => {
                out.push_str(first);
                out.push_str(&item.text);
                k += 1;
                while k < items.len() && items[k].inline && items[k].number == items[k - 1].number + 1 {
                    if let Some(m) = marker(&items[k]) {
                        out.push_str(m);
                        out.push_str(&items[k].text);
                    }
                    k += 1;
                }
                out.push_str("\n\n");
            }
            _ => {
                out.push_str(&format!("（{}）{}\n\n", item.number, item.text));
                k += 1;
            }
        }
    }
}

fn overview(out: &mut String, ov: &Overview) {
    out.push_str(&ov.heading);
    if let Some(toc) = &ov.toc {
        toc_field(out, toc);
    }
    out.push('\n');
    // Lines before any subheading are the goals' already.
    subheading(out, ov, Part::Goals, "（一）总体绩效目标", false);
    out.push('\n');
    if !ov.intro.is_empty() {
        out.push_str(&ov.intro);
        out.push_str("\n\n");
    }
    for goal in &ov.goals {
        out.push_str(&format!("{}、{}\n\n", goal.number, goal.title));
        goal_items(out, &goal.items);
    }
    subheading(out, ov, Part::Responsibilities, "（二）分项绩效目标", !ov.responsibilities.is_empty());
    if !ov.responsibilities.is_empty() {
        out.push_str(RESPONSIBILITY_LABEL);
        out.push('\n');
    }
    for r in &ov.responsibilities {
        out.push_str(&format!("{}、{}\n", r.number, r.name));
        if !r.description.is_empty() {
            out.push_str(&r.description);
            out.push('\n');
        }
    }
    subheading(out, ov, Part::Safeguards, "（三）工作保障措施", !ov.safeguards.is_empty());
    for s in &ov.safeguards {
        if !s.title.is_empty() {
            out.push_str(&s.title);
            out.push_str("\n\n");
        }
        if !s.text.is_empty() {
            out.push_str(&s.text.replace('\n', "\n\n"));
            out.push_str("\n\n");
        }
    }
    // Subsections jixiao has no field for: their heading; their prose went to the notes.
    for h in ov.subheadings.iter().filter(|h| subsection(&h.text) == Some(Part::Unknown)) {
        out.push_str(&h.text);
        if let Some(toc) = &h.toc {
            toc_field(out, toc);
        }
        out.push('\n');
    }
    out.push('\n');
}

/// The cells of a laid-out row, its empty ones after the last it holds included; the cell a
/// label merged across two columns covers is left out (the row a cell short, as Word saves it).
fn cells(out: &mut String, r: &layout::LaidRow) {
    r.cells.iter().enumerate().filter(|(i, _)| Some(*i) != r.merged).for_each(|(_, c)| cell(out, c));
    (r.cells.len()..r.width).for_each(|_| cell(out, ""));
}

/// A row of cells, after the blank line that separates rows.
fn row(out: &mut String, r: &layout::LaidRow) {
    out.push('\n');
    cells(out, r);
}

/// Writes a table, calling `flush` whenever a row has made `out` large: a table is as wide as
/// its header on every row, so its text may be far larger than the model (a header reaching
/// column 16,384 over 4,000 rows is 131 MB of TABs), and is never held whole by [`to_writer`].
fn table(out: &mut String, t: &Table, flush: &mut impl FnMut(&mut String) -> std::io::Result<()>) -> std::io::Result<()> {
    // A title the reader takes for this table's (a sheet's name or an empty title is none).
    let title = text_title(t);
    out.push_str(&title);
    if let Some(toc) = &t.toc {
        toc_field(out, toc);
    }
    out.push('\n');
    // The name, when the title does not give it (a 项目名称 cell named the table), in the
    // 项目名称 row a form has for it; a sheet of many projects names each in its column.
    let project_column = column_keys(&t.columns).iter().any(|(role, _)| *role == ColumnRole::Project);
    if !project_column && !title_gives_name(&title, &t.name) {
        cell(out, "项目名称");
        cell(out, &t.name);
        out.push('\n');
    }
    let rows = layout::rows(t);
    for (i, r) in rows.iter().enumerate() {
        let next = rows.get(i + 1).map(|n| n.kind);
        match r.kind {
            RowKind::Objective => {
                cells(out, r);
                out.push_str("\n\n");
            }
            RowKind::Header => cells(out, r),
            kind @ (RowKind::Info | RowKind::Funds | RowKind::Duties) => {
                row(out, r);
                // A blank line more ends the block.
                if next != Some(kind) {
                    out.push('\n');
                }
            }
            _ => row(out, r),
        }
        if out.len() > FLUSH_AT {
            flush(out)?;
        }
    }
    out.push_str("\n\n");
    Ok(())
}

/// How much text a table's rows gather before it is handed on.
const FLUSH_AT: usize = 1 << 16;

/// The document as Word-style text (LF line ends, UTF-8).
pub fn to_string(doc: &Document) -> String {
    let mut out = String::new();
    write(doc, &mut out, |_| Ok(())).expect("writing to a string does not fail");
    out
}

/// Writes the document as Word-style text to `out`, a table at a time, so that the whole text
/// is never held in memory. `out` should be buffered.
pub fn to_writer(doc: &Document, mut out: impl std::io::Write) -> std::io::Result<()> {
    let mut buffer = String::new();
    write(doc, &mut buffer, |text| {
        out.write_all(text.as_bytes())?;
        text.clear();
        Ok(())
    })
}

/// Lays the document out into `out`, calling `flush` after each part and table: the one
/// writer behind [`to_string`] and [`to_writer`].
fn write(doc: &Document, out: &mut String, mut flush: impl FnMut(&mut String) -> std::io::Result<()>) -> std::io::Result<()> {
    // Notes go right after the title, before any part: there nothing is a cell, a category or
    // a table's TC field, so they read back as notes (after the last table they read back as
    // its rows). With no title the first note would become it, so they go last.
    let notes_first = !doc.title.is_empty();
    title(out, doc);
    if notes_first {
        notes(out, doc, &mut flush)?;
    }
    if let Some(ov) = &doc.overview {
        overview(out, ov);
    }
    flush(out)?;
    let first = if doc.overview.is_some() { 2 } else { 1 };
    for (i, section) in doc.sections.iter().enumerate() {
        if !section.heading.is_empty() {
            out.push_str(&section.heading);
            if let Some(toc) = &section.toc {
                toc_field(out, toc);
            }
            out.push_str("\n\n");
        } else if !section.tables.is_empty() {
            // A part with no heading (a workbook's sheets): the text reader finds tables only
            // under a part heading, and takes the part's kind from its words.
            out.push_str(&format!("第{}部分  {}\n\n", chinese_number(first + i), part_words(section.kind)));
        }
        for t in &section.tables {
            table(out, t, &mut flush)?;
            flush(out)?;
        }
    }
    if !notes_first {
        notes(out, doc, &mut flush)?;
    }
    flush(out)
}

fn notes(out: &mut String, doc: &Document, flush: &mut impl FnMut(&mut String) -> std::io::Result<()>) -> std::io::Result<()> {
    for note in &doc.notes {
        note.text.split('\n').for_each(|line| plain_line(out, line));
        out.push_str("\n\n");
        flush(out)?;
    }
    Ok(())
}

/// A line of plain text, marked when it would otherwise read as a heading, title or cell.
fn plain_line(out: &mut String, line: &str) {
    if needs_literal_mark(line) {
        out.push(LITERAL_MARK);
    }
    out.push_str(line);
    out.push('\n');
}

/// The words of a written part heading that the reader takes back for `kind` (never 整体 alone,
/// which would make the part the overview).
fn part_words(kind: crate::model::SectionKind) -> &'static str {
    use crate::model::SectionKind;
    match kind {
        SectionKind::SpecialFund => "专项资金绩效目标",
        SectionKind::BudgetProject => "预算项目绩效目标",
        SectionKind::DepartmentWide => "部门整体支出绩效目标表",
        SectionKind::Other => "其他绩效目标",
    }
}

/// `n` in Chinese numerals as a part heading writes it (一 … 九十九; larger stays in digits).
fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!("{}十{}", DIGITS[n / 10], if n % 10 == 0 { "" } else { DIGITS[n % 10] }),
        _ => n.to_string(),
    }
}

fn title(out: &mut String, doc: &Document) {
    if !doc.title.is_empty() {
        if needs_literal_mark(&doc.title) {
            // A blank line first: a mark on the very first line would be taken for a BOM.
            out.push('\n');
        }
        plain_line(out, &doc.title);
    }
}

/// The title and the overview (第一部分) as the text writer lays them out, for a writer that
/// puts them before the tables (the .xlsx writer's first sheet).
pub(crate) fn front_matter(doc: &Document) -> String {
    let mut out = String::new();
    title(&mut out, doc);
    if let Some(ov) = &doc.overview {
        overview(&mut out, ov);
    }
    out
}
