//! The flat view of a document: one record per indicator, with its section, table and
//! categories. CSV writes it as text; the Python binding hands it to pandas with real types.

use crate::model::{Category, Date, Document, Indicator, Section, SubCategory, Table, Target};

pub use crate::grammar::form::records::COLUMNS;

/// One value of a record.
#[derive(Debug, Clone, PartialEq)]
pub enum Field<'a> {
    Text(&'a str),
    Number(Option<f64>),
    Integer(Option<u64>),
    /// Owned text, for values composed on the way out (dates).
    Owned(String),
    Bool(bool),
}

/// A date as ISO 8601 gives it, as precise as the text: `2023-12`, `2023-12-31`, `--12-31`.
pub fn date_text(d: &Date) -> String {
    let mut s = match d.year {
        Some(y) => format!("{y:04}"),
        None => "-".to_owned(),
    };
    if let Some(m) = d.month {
        s.push_str(&format!("-{m:02}"));
        if let Some(day) = d.day {
            s.push_str(&format!("-{day:02}"));
        }
    }
    s
}

/// An indicator with everything around it.
pub struct Record<'a> {
    pub document: &'a Document,
    pub section: &'a Section,
    pub table: &'a Table,
    pub category: &'a Category,
    pub subcategory: &'a SubCategory,
    pub indicator: &'a Indicator,
}

impl<'a> Record<'a> {
    /// The fields, in the order of [`COLUMNS`].
    pub fn fields(&self) -> [Field<'a>; 43] {
        let t = &self.indicator.target;
        let ind = self.indicator;
        let raw = |t: Option<&'a Target>| Field::Text(t.map_or("", |t| t.raw.as_str()));
        let date = |d: &Option<Date>| Field::Owned(d.as_ref().map(date_text).unwrap_or_default());
        [
            Field::Text(self.section.kind.as_str()),
            Field::Integer(self.section.number.map(u64::from)),
            Field::Integer(self.table.number.map(u64::from)),
            Field::Text(&self.table.name),
            Field::Text(self.table.kind.as_str()),
            Field::Integer(self.table.year.and_then(|y| u64::try_from(y).ok())),
            Field::Text(self.table.code.as_deref().unwrap_or("")),
            Field::Text(self.table.unit.as_deref().unwrap_or("")),
            Field::Number(self.table.budget.as_ref().and_then(|b| b.value)),
            Field::Number(self.table.total_score),
            Field::Text(self.table.grade.as_deref().unwrap_or("")),
            Field::Text(self.category.level1.as_str()),
            Field::Text(&self.category.label),
            Field::Text(self.subcategory.level2.as_str()),
            Field::Text(&self.subcategory.label),
            Field::Text(&self.indicator.name),
            Field::Text(&self.indicator.description),
            Field::Text(&t.raw),
            Field::Text(t.kind.as_str()),
            Field::Text(t.comparator.map_or("", |c| c.as_str())),
            Field::Number(t.value),
            Field::Number(t.upper),
            Field::Text(t.unit.as_deref().unwrap_or("")),
            Field::Text(&self.indicator.basis),
            Field::Bool(t.comparator_inferred),
            date(&t.date),
            date(&t.until),
            Field::Text(t.note.as_deref().unwrap_or("")),
            raw(ind.actual.as_deref()),
            Field::Number(ind.actual.as_ref().and_then(|a| a.value)),
            Field::Number(ind.weight),
            Field::Number(ind.reported_score),
            Field::Text(&ind.deviation),
            raw(ind.progress.as_deref()),
            raw(ind.expected.as_deref()),
            Field::Text(ind.likelihood.map_or("", |l| l.as_str())),
            Field::Text(ind.midterm.as_ref().map_or("", |m| m.target.raw.as_str())),
            Field::Integer(Some(self.indicator.location.line_number().unwrap_or(0) as u64)),
            Field::Bool(t.sign_given),
            Field::Text(t.unit_kind.map_or("", |k| k.as_str())),
            Field::Number(t.value_yuan),
            Field::Text(t.direction.map_or("", |d| d.as_str())),
            Field::Owned(self.indicator.location.to_string()),
        ]
    }
}

/// Every indicator of a document as a record, in source order.
pub fn records(doc: &Document) -> impl Iterator<Item = Record<'_>> {
    doc.tables().flat_map(move |(section, table)| table_records(doc, section, table))
}

/// Every indicator of one table of `section` as a record, in source order (a table handed on
/// as it is read is no longer in the document).
pub fn table_records<'a>(doc: &'a Document, section: &'a Section, table: &'a Table) -> impl Iterator<Item = Record<'a>> {
    table.indicators().map(move |(category, subcategory, indicator)| Record { document: doc, section, table, category, subcategory, indicator })
}
