//! Writers: [`Document`](crate::Document) out as JSON, CSV, Word-style text or .xlsx, and review
//! findings and score reports as JSON or CSV. One module each; `layout` is the form's rows that the text and xlsx
//! writers share.

pub mod csv;
pub mod findings;
pub mod html;
pub mod json;
pub mod layout;
pub mod records;
pub mod score;
pub mod text;
pub mod xlsx;
