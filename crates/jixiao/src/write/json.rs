//! JSON, field names exactly as the model's, `schema_version` first.

use crate::error::{Error, Origin, Result};
use crate::model::Document;

/// The document as JSON, pretty (two-space indent) or compact.
pub fn to_string(doc: &Document, pretty: bool) -> Result<String> {
    let r = if pretty { serde_json::to_string_pretty(doc) } else { serde_json::to_string(doc) };
    r.map_err(|e| Error::Write(e.to_string()))
}

/// A document back from jixiao JSON.
pub fn from_str(json: &str) -> Result<Document> {
    serde_json::from_str(json).map_err(|source| Error::Json { origin: Origin(None), source })
}
