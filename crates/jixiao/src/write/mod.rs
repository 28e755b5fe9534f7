//! Writers: [`Document`](crate::Document) out as JSON, CSV or Word-style text. One module each.

pub mod csv;
pub mod json;
pub mod records;
pub mod text;
