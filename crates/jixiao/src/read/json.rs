//! jixiao's own JSON, so that a saved document reads back as it was.

use super::{Format, ReadOptions, Reader};
use crate::error::{Error, Result};
use crate::model::{Document, SCHEMA_VERSION};

pub(crate) struct JsonReader;

impl Reader for JsonReader {
    fn format(&self) -> Format {
        Format::Json
    }

    fn sniff(&self, bytes: &[u8]) -> bool {
        // `schema_version` is optional in the JSON; `sections` is not.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
            && (bytes.windows(16).any(|w| w == b"\"schema_version\"") || bytes.windows(10).any(|w| w == b"\"sections\""))
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // Asked for JSON, given something else: say so, not what serde makes of its first byte.
        if !self.sniff(bytes) {
            let what =
                if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') { "JSON, but not a jixiao document (no `sections`)" } else { "not JSON" };
            return Err(Error::Parse {
                origin: options.origin(),
                line: None,
                reason: format!("not jixiao JSON (a document as `jixiao parse` writes it): this input is {what}; read it with the format detected (auto)"),
            });
        }
        let doc = crate::model::document_from_json(bytes).map_err(|source| Error::Json { origin: options.origin(), source })?;
        if doc.schema_version > SCHEMA_VERSION {
            return Err(Error::Parse {
                origin: options.origin(),
                line: None,
                reason: format!(
                    "jixiao JSON of schema version {} is newer than this build reads (version {SCHEMA_VERSION}); update jixiao",
                    doc.schema_version
                ),
            });
        }
        Ok(doc)
    }
}
