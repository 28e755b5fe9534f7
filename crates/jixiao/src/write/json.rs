//! JSON, field names exactly as the model's, `schema_version` first.

use crate::error::{Error, Origin, Result};
use crate::model::Document;

/// The document as JSON, pretty (two-space indent) or compact.
pub fn to_string(doc: &Document, pretty: bool) -> Result<String> {
    let r = if pretty { serde_json::to_string_pretty(doc) } else { serde_json::to_string(doc) };
    r.map_err(|e| Error::Write(e.to_string()))
}

/// Writes the document as JSON to `out` as it goes, without building the text first (JSON is
/// several times the size of its input). `out` should be buffered.
pub fn to_writer(doc: &Document, pretty: bool, out: impl std::io::Write) -> std::io::Result<()> {
    let r = if pretty { serde_json::to_writer_pretty(out, doc) } else { serde_json::to_writer(out, doc) };
    r.map_err(std::io::Error::from)
}

/// A document back from jixiao JSON.
pub fn from_str(json: &str) -> Result<Document> {
    serde_json::from_str(json).map_err(|source| Error::Json { origin: Origin(None), source })
}
