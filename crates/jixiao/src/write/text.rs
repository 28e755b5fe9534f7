//! Word-style plain text, in the sample's own layout: read back, it gives the same model, and
//! the indicator rows come out cell for cell as Word wrote them.

use crate::grammar::labels::ColumnRole;
use crate::model::{Document, Indicator, Overview, Table, Target, Toc};
use crate::read::text::{Part, RESPONSIBILITY_LABEL, subsection};
use crate::read::tree::{column_keys, duties_rows, funds_rows, l_text, number_text, value_cell};

/// Writes a cell: a TAB, then its paragraphs, each further one after a blank line as Word does.
fn cell(out: &mut String, text: &str) {
    out.push('\t');
    for (i, para) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(para);
    }
    out.push('\n');
}

/// ` TC text \f X \l N ` after a title, as Word writes it.
fn toc_field(out: &mut String, toc: &Toc) {
    out.push_str(&format!(" TC {}", toc.text));
    if let Some(id) = &toc.identifier {
        out.push_str(&format!(" \\f {id}"));
    }
    if let Some(level) = toc.level {
        out.push_str(&format!(" \\l {level}"));
    }
    out.push(' ');
}

/// The subheading of `part` as the document wrote it, or the form's own.
fn subheading(out: &mut String, ov: &Overview, part: Part, default: &str) {
    match ov.subheadings.iter().find(|h| subsection(&h.text) == Some(part)) {
        Some(h) => {
            out.push_str(&h.text);
            if let Some(toc) = &h.toc {
                toc_field(out, toc);
            }
        }
        None => out.push_str(default),
    }
    out.push('\n');
}

fn overview(out: &mut String, ov: &Overview) {
    out.push_str(&ov.heading);
    out.push('\n');
    subheading(out, ov, Part::Goals, "（一）总体绩效目标");
    out.push('\n');
    if !ov.intro.is_empty() {
        out.push_str(&ov.intro);
        out.push_str("\n\n");
    }
    for goal in &ov.goals {
        out.push_str(&format!("{}、{}\n\n", goal.number, goal.title));
        for item in &goal.items {
            out.push_str(&format!("（{}）{}\n\n", item.number, item.text));
        }
    }
    subheading(out, ov, Part::Responsibilities, "（二）分项绩效目标");
    out.push_str(RESPONSIBILITY_LABEL);
    out.push('\n');
    for r in &ov.responsibilities {
        out.push_str(&format!("{}、{}\n", r.number, r.name));
        if !r.description.is_empty() {
            out.push_str(&r.description);
            out.push('\n');
        }
    }
    subheading(out, ov, Part::Safeguards, "（三）工作保障措施");
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

/// A row of cells, after the blank line that separates rows.
fn row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    out.push('\n');
    for c in cells {
        cell(out, c.as_ref());
    }
}

/// A cell read as a target: its value cell when the row composes it with a unit column.
fn target_cell<'a>(t: &'a Option<Target>, unit: &str) -> &'a str {
    t.as_ref().map_or("", |t| value_cell(&t.raw, "", unit))
}

/// What the table's project columns hold on its first row (a sheet of many projects).
fn project_cell(t: &Table, role: ColumnRole) -> String {
    match role {
        ColumnRole::UnitName => t.unit.clone().unwrap_or_default(),
        ColumnRole::Project => t.name.clone(),
        ColumnRole::Budget => t.budget.as_ref().map_or(String::new(), |a| a.raw.clone()),
        ColumnRole::Objective => t.objective.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

/// The cell of `ind` in the column of `role`/`key`.
fn indicator_cell(ind: &Indicator, role: ColumnRole, key: &str, sign: &str, unit: &str) -> String {
    let extra = || ind.extra.get(key).cloned().unwrap_or_default();
    let mid = ind.midterm.as_ref();
    match role {
        ColumnRole::Name => ind.name.clone(),
        ColumnRole::Description => ind.description.clone(),
        ColumnRole::Target => value_cell(&ind.target.raw, sign, unit).to_owned(),
        ColumnRole::Basis => ind.basis.clone(),
        ColumnRole::Actual => target_cell(&ind.actual, unit).to_owned(),
        ColumnRole::Progress => target_cell(&ind.progress, unit).to_owned(),
        ColumnRole::Expected => target_cell(&ind.expected, unit).to_owned(),
        ColumnRole::Weight if !ind.extra.contains_key(key) => ind.weight.map_or_else(String::new, number_text),
        ColumnRole::Score if !ind.extra.contains_key(key) => ind.reported_score.map_or_else(String::new, number_text),
        ColumnRole::Deviation => ind.deviation.clone(),
        ColumnRole::Likelihood if !ind.extra.contains_key(key) => ind.likelihood.map_or_else(String::new, |l| l_text(l).to_owned()),
        ColumnRole::MidLevel2 => mid.map_or(String::new(), |m| m.level2_label.clone()),
        ColumnRole::MidName => mid.map_or(String::new(), |m| m.name.clone()),
        ColumnRole::MidTarget => mid.map_or(String::new(), |m| m.target.raw.clone()),
        _ => extra(),
    }
}

fn table(out: &mut String, t: &Table) {
    out.push_str(&t.title);
    if let Some(toc) = &t.toc {
        toc_field(out, toc);
    }
    out.push('\n');
    let keys = column_keys(&t.columns);
    let has = |role: ColumnRole| keys.iter().any(|(r, _)| *r == role);
    if let Some(objective) = t.objective.as_ref().filter(|_| !has(ColumnRole::Objective)) {
        cell(out, "绩效目标");
        cell(out, objective);
        out.push_str("\n\n");
    }
    if let Some(funds) = &t.funds {
        for cells in funds_rows(funds) {
            row(out, &cells);
        }
        out.push('\n');
    }
    if !t.duties.is_empty() {
        for cells in duties_rows(&t.duties) {
            row(out, &cells);
        }
        out.push('\n');
    }
    for c in &t.columns {
        cell(out, c);
    }
    for s in &t.subtotals {
        let cells: Vec<String> = keys
            .iter()
            .map(|(role, _)| match role {
                ColumnRole::UnitName => s.unit.clone(),
                ColumnRole::Budget => s.amount.as_ref().map_or(String::new(), |a| a.raw.clone()),
                _ => String::new(),
            })
            .collect();
        row(out, &cells);
    }
    let key_of = |role: ColumnRole| keys.iter().find(|(r, _)| *r == role).map(|(_, k)| k.as_str());
    let mut first_of_table = true;
    for cat in &t.categories {
        let mut first_row = true;
        for sub in &cat.children {
            // An empty level-2 category is a row of the form's skeleton.
            let rows: Vec<Option<&Indicator>> =
                if sub.indicators.is_empty() { vec![None] } else { sub.indicators.iter().map(Some).collect() };
            for ind in rows {
                let cells: Vec<String> = keys
                    .iter()
                    .map(|(role, key)| match (role, ind) {
                        (ColumnRole::Level1, _) => if first_row { cat.label.clone() } else { String::new() },
                        (ColumnRole::Level2, _) => sub.label.clone(),
                        (r, _) if r.is_project() => if first_of_table { project_cell(t, *r) } else { String::new() },
                        (_, None) => String::new(),
                        (_, Some(ind)) => {
                            let extra = |r| key_of(r).and_then(|k| ind.extra.get(k)).map_or("", String::as_str);
                            indicator_cell(ind, *role, key, extra(ColumnRole::Sign), extra(ColumnRole::Unit))
                        }
                    })
                    .collect();
                row(out, &cells);
                first_row = false;
                first_of_table = false;
            }
        }
        if cat.children.is_empty() {
            let cells: Vec<&str> = keys.iter().map(|(role, _)| if *role == ColumnRole::Level1 { cat.label.as_str() } else { "" }).collect();
            row(out, &cells);
        }
    }
    if t.total_score.is_some() || t.grade.is_some() {
        let mut cells = vec!["总分".to_owned()];
        cells.extend(t.total_score.map(number_text));
        cells.extend(t.grade.clone());
        row(out, &cells);
    }
    for r in &t.remarks {
        let mut cells = vec![r.label.as_str()];
        if !r.text.is_empty() {
            cells.push(&r.text);
        }
        row(out, &cells);
    }
    out.push_str("\n\n");
}

/// The document as Word-style text (LF line ends, UTF-8).
pub fn to_string(doc: &Document) -> String {
    let mut out = String::new();
    if !doc.title.is_empty() {
        out.push_str(&doc.title);
        out.push('\n');
    }
    if let Some(ov) = &doc.overview {
        overview(&mut out, ov);
    }
    for section in &doc.sections {
        if !section.heading.is_empty() {
            out.push_str(&section.heading);
            out.push_str("\n\n");
        }
        for t in &section.tables {
            table(&mut out, t);
        }
    }
    for note in &doc.notes {
        out.push_str(&note.text);
        out.push_str("\n\n\n");
    }
    out
}
