use super::{Document, Table};

/// Where a reader hands each table as soon as it is built (`jixiao::parse_bytes_to`), so that a
/// large document need not be held whole; the JSON and CSV writers are sinks.
pub trait TableSink {
    /// A table of `doc.sections[section]`. `doc` is the document as read so far: its head
    /// (title, year, overview) is final, and its parts up to this table's are there, without
    /// the tables handed on before.
    fn table(&mut self, doc: &Document, section: usize, table: Table) -> std::io::Result<()>;
}
