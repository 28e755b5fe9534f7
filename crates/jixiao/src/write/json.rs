//! JSON, field names exactly as the model's, `schema_version` first.

use crate::error::{Error, Origin, Result};
use std::io::Write as _;

use crate::model::Document;

/// The document as JSON, pretty (two-space indent) or compact.
pub fn to_string(doc: &Document, pretty: bool) -> Result<String> {
    let r = if pretty { serde_json::to_string_pretty(doc) } else { serde_json::to_string(doc) };
    r.map_err(|e| Error::Write(e.to_string()))
}

/// Writes the document as JSON to `out` as it goes, without building the text first (JSON is
/// several times the size of its input). Buffered here, so that the serializer's many small
/// writes are copies into a buffer rather than calls through `out` (a `dyn Write` costs a call
/// each).
pub fn to_writer(doc: &Document, pretty: bool, out: impl std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let r = if pretty { serde_json::to_writer_pretty(&mut out, doc) } else { serde_json::to_writer(&mut out, doc) };
    r.map_err(std::io::Error::from)?;
    out.flush()
}

/// A document back from jixiao JSON.
pub fn from_str(json: &str) -> Result<Document> {
    serde_json::from_str(json).map_err(|source| Error::Json { origin: Origin(None), source })
}
