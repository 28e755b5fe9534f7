//! The flat view of a document: one record per indicator, with its section, table and
//! categories. CSV writes it as text; the Python binding hands it to pandas with real types.

use crate::model::{Category, Document, Indicator, Section, SubCategory, Table};

/// The record's fields, in order: the CSV header and the DataFrame columns.
pub const COLUMNS: &[&str] = &[
    "section_kind",
    "section_number",
    "table_number",
    "table_name",
    "level1",
    "level1_label",
    "level2",
    "level2_label",
    "name",
    "description",
    "target_raw",
    "target_kind",
    "comparator",
    "value",
    "upper",
    "unit",
    "basis",
    "line",
];

/// One value of a record.
#[derive(Debug, Clone, PartialEq)]
pub enum Field<'a> {
    Text(&'a str),
    Number(Option<f64>),
    Integer(Option<u64>),
}

/// An indicator with everything around it.
pub struct Record<'a> {
    pub section: &'a Section,
    pub table: &'a Table,
    pub category: &'a Category,
    pub subcategory: &'a SubCategory,
    pub indicator: &'a Indicator,
}

impl<'a> Record<'a> {
    /// The fields, in the order of [`COLUMNS`].
    pub fn fields(&self) -> [Field<'a>; 18] {
        let t = &self.indicator.target;
        [
            Field::Text(self.section.kind.as_str()),
            Field::Integer(self.section.number.map(u64::from)),
            Field::Integer(self.table.number.map(u64::from)),
            Field::Text(&self.table.name),
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
            Field::Integer(Some(self.indicator.line as u64)),
        ]
    }
}

/// Every indicator of a document as a record, in source order.
pub fn records(doc: &Document) -> impl Iterator<Item = Record<'_>> {
    doc.tables().flat_map(|(section, table)| {
        table.indicators().map(move |(category, subcategory, indicator)| Record { section, table, category, subcategory, indicator })
    })
}
