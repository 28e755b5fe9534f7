//! Word files (.docx). The body is laid out as Word's own plain-text save would have it, and
//! read by the text reader, so that a document read from .docx and from its text save gives the
//! same model; each `line` of the result indexes [`crate::Document::locations`], which says the
//! table cell or paragraph it came from.

mod body;
pub(super) mod numbering;

use super::container::{Container, zip_has};
use super::{Format, ReadOptions, Reader, TableSink, assemble};
use crate::error::{Error, Result};
use crate::model::Document;

pub(crate) struct DocxReader;

impl Reader for DocxReader {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn sniff(&self, bytes: &[u8]) -> bool {
        zip_has(bytes, "word/document.xml")
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        read_docx(bytes, options, None)
    }

    fn read_to(&self, bytes: &[u8], options: &ReadOptions, sink: &mut dyn TableSink) -> Result<Document> {
        read_docx(bytes, options, Some(sink))
    }
}

fn read_docx(bytes: &[u8], options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    {
        let origin = options.origin();
        let mut zip = Container::open(bytes, options.limits, &origin, "Word file")?;
        // The XML is let go once laid out: the model is built from the layout alone, so that
        // the peak holds one of the two, not both.
        let layout = {
            let document = zip.read("word/document.xml")?.ok_or_else(|| Error::Parse {
                origin: origin.clone(),
                line: None,
                reason: "a ZIP file without word/document.xml: not a Word .docx file".into(),
            })?;
            let numbering = zip.read("word/numbering.xml")?;
            let numbering = numbering.as_deref().map(utf8);
            body::layout(&utf8(&document), numbering.as_deref(), &origin, options.limits)?
        };
        assemble::document(layout, options, sink)
    }
}

/// A part's text: validated with SIMD (the whole of a large document.xml), repaired only when
/// it is not UTF-8.
fn utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}
