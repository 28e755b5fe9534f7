//! Readers: bytes in, [`Document`] out. Each reader is one module and one line in [`READERS`];
//! the format is decided from the content, never from a file name.

mod decode;
mod json;
pub(crate) mod text;
pub mod tree;

use std::path::Path;

pub use decode::{Encoding, decode};

use crate::error::{Error, Origin, Result};
use crate::model::Document;

/// The input formats jixiao knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decide from the content.
    #[default]
    Auto,
    /// Word's plain-text save (UTF-8, UTF-16 or GB18030).
    Text,
    /// jixiao's own JSON.
    Json,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Text => "text",
            Format::Json => "json",
        }
    }

    /// Parses a format name as the CLI, C and Python take it.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "auto" => Some(Format::Auto),
            "text" | "txt" => Some(Format::Text),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// How to read an input.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub format: Format,
    /// The text encoding; `Auto` detects it (BOM, then strict UTF-8, then GB18030).
    pub encoding: Encoding,
    /// The input's path or label, for messages.
    pub path: Option<String>,
}

impl ReadOptions {
    pub fn origin(&self) -> Origin {
        Origin(self.path.clone())
    }
}

/// One input format.
pub(crate) trait Reader: Sync {
    fn format(&self) -> Format;
    /// Whether the bytes look like this format (used when the format is `Auto`).
    fn sniff(&self, bytes: &[u8]) -> bool;
    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document>;
}

/// Every reader, most specific first: the last is the fallback for text.
static READERS: &[&dyn Reader] = &[&json::JsonReader, &text::TextReader];

/// Containers that later readers will handle, named so that the error says what the file is.
fn container_name(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("a ZIP container (Word .docx or Excel .xlsx)")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("a legacy Office file (.doc or .xls)")
    } else if bytes.starts_with(b"%PDF") {
        Some("a PDF file")
    } else {
        None
    }
}

/// Parses a document from bytes.
pub fn parse_bytes(bytes: &[u8], options: &ReadOptions) -> Result<Document> {
    let origin = options.origin();
    if let Some(name) = container_name(bytes) {
        return Err(Error::UnsupportedFormat {
            origin,
            reason: format!("{name}; this build reads Word's plain-text saves and jixiao JSON"),
        });
    }
    let reader = match options.format {
        Format::Auto => READERS.iter().find(|r| r.sniff(bytes)),
        wanted => READERS.iter().find(|r| r.format() == wanted),
    };
    match reader {
        Some(r) => r.read(bytes, options),
        None => Err(Error::UnsupportedFormat { origin, reason: "no reader recognises this input".into() }),
    }
}

/// Parses a document from text already decoded.
pub fn parse_str(text: &str, options: &ReadOptions) -> Result<Document> {
    let options = ReadOptions { encoding: Encoding::Utf8, ..options.clone() };
    parse_bytes(text.as_bytes(), &options)
}

/// Reads and parses a file; the format comes from the content, not the suffix.
pub fn open(path: impl AsRef<Path>, options: &ReadOptions) -> Result<Document> {
    let path = path.as_ref();
    let label = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Io { origin: Origin(Some(label.clone())), source })?;
    let options = ReadOptions { path: Some(label), ..options.clone() };
    parse_bytes(&bytes, &options)
}
