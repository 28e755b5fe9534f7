//! CSV: one row per indicator, RFC 4180 quoting, optional UTF-8 BOM so that Excel shows Chinese.


use crate::model::Document;

/// The columns, in order. Several documents add a leading `file` column.
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

#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Start with the UTF-8 byte-order mark (Excel needs it to read UTF-8).
    pub bom: bool,
    /// Add a leading `file` column (for several inputs in one CSV).
    pub file_column: bool,
}

/// Builds one CSV from one or more documents.
pub struct CsvWriter {
    out: String,
    options: CsvOptions,
}

fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn number(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

impl CsvWriter {
    pub fn new(options: CsvOptions) -> Self {
        let mut out = String::new();
        if options.bom {
            out.push('\u{FEFF}');
        }
        let mut header: Vec<&str> = Vec::with_capacity(COLUMNS.len() + 1);
        if options.file_column {
            header.push("file");
        }
        header.extend_from_slice(COLUMNS);
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        CsvWriter { out, options }
    }

    /// Adds every indicator of a document; `file` fills the `file` column when there is one.
    pub fn document(&mut self, file: &str, doc: &Document) -> &mut Self {
        for (section, table) in doc.tables() {
            for (cat, sub, ind) in table.indicators() {
                let t = &ind.target;
                let mut row: Vec<String> = Vec::with_capacity(COLUMNS.len() + 1);
                if self.options.file_column {
                    row.push(file.to_owned());
                }
                row.extend([
                    section.kind.as_str().to_owned(),
                    section.number.map(|n| n.to_string()).unwrap_or_default(),
                    table.number.map(|n| n.to_string()).unwrap_or_default(),
                    table.name.clone(),
                    cat.level1.as_str().to_owned(),
                    cat.label.clone(),
                    sub.level2.as_str().to_owned(),
                    sub.label.clone(),
                    ind.name.clone(),
                    ind.description.clone(),
                    t.raw.clone(),
                    t.kind.as_str().to_owned(),
                    t.comparator.map(|c| c.as_str().to_owned()).unwrap_or_default(),
                    number(t.value),
                    number(t.upper),
                    t.unit.clone().unwrap_or_default(),
                    ind.basis.clone(),
                    ind.line.to_string(),
                ]);
                for (i, value) in row.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    field(&mut self.out, value);
                }
                self.out.push_str("\r\n");
            }
        }
        self
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// One document as CSV.
pub fn to_string(doc: &Document, bom: bool) -> String {
    let mut w = CsvWriter::new(CsvOptions { bom, file_column: false });
    w.document("", doc);
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_quoting() {
        let mut s = String::new();
        field(&mut s, "a,\"b\"\nc");
        assert_eq!(s, "\"a,\"\"b\"\"\nc\"");
    }
}
