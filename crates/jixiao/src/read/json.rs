//! jixiao's own JSON, so that a saved document reads back as it was.

use super::{Format, ReadOptions, Reader};
use crate::error::{Error, Result};
use crate::model::Document;

pub(crate) struct JsonReader;

impl Reader for JsonReader {
    fn format(&self) -> Format {
        Format::Json
    }

    fn sniff(&self, bytes: &[u8]) -> bool {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
            && bytes.windows(16).any(|w| w == b"\"schema_version\"")
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        serde_json::from_slice(bytes).map_err(|source| Error::Json { origin: options.origin(), source })
    }
}
