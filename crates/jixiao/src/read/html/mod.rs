//! Web pages (.html, .htm): what governments publish, and what Word, Excel, WPS and LibreOffice
//! write when asked to "save as web page"; single-file pages (.mht, .mhtml) through `mht`. The page is laid out as Word's text save would lay out
//! the same content (see `layout`), so that its tables go through the same pipeline as every
//! other format.

mod decode;
mod layout;
mod mht;
mod own_notes;
mod tree;

use super::{Format, ReadOptions, Reader, TableSink, assemble};
use crate::error::{Error, Result};
use crate::model::Document;

pub struct HtmlReader;

/// What an HTML page starts with, after a BOM, white space and comments: a doctype or one of the
/// elements a page (or a bare table, as some sites serve) begins with.
const OPENINGS: &[&[u8]] = &[b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<table", b"<title", b"<?xml"];

impl Reader for HtmlReader {
    fn format(&self) -> Format {
        Format::Html
    }

    fn sniff(&self, bytes: &[u8]) -> bool {
        if mht::sniff(bytes) {
            return true;
        }
        let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // Comments first (Word's pages open with conditional comments): at most a few.
        for _ in 0..16 {
            rest = rest.trim_ascii_start();
            if rest.starts_with(b"<!--") {
                match memchr::memmem::find(rest, b"-->") {
                    Some(end) => rest = &rest[end + 3..],
                    None => return false,
                }
            } else {
                break;
            }
        }
        let head = &rest[..rest.len().min(16)];
        let is_opening = OPENINGS.iter().any(|o| head.len() >= o.len() && head[..o.len()].eq_ignore_ascii_case(o));
        // An XML declaration opens a page only when the page says it is one (XHTML, Word's pages).
        is_opening && (!rest.starts_with(b"<?xml") || memchr::memmem::find(&rest[..rest.len().min(4096)], b"<html").is_some())
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        read_html(bytes, options, None)
    }

    fn read_to(&self, bytes: &[u8], options: &ReadOptions, sink: &mut dyn TableSink) -> Result<Document> {
        read_html(bytes, options, Some(sink))
    }
}

/// A page's blocks, for a page embedded in another file (a Word file's altChunk).
pub(crate) fn blocks(bytes: &[u8], options: &ReadOptions) -> Result<Vec<crate::read::blocks::Block<'static>>> {
    let origin = options.origin();
    let part;
    let (page, _) = if mht::sniff(bytes) {
        part = mht::page(bytes, &origin)?;
        decode::decode_declared(&part.html, part.charset, options)?
    } else {
        decode::decode(bytes, options)?
    };
    Ok(layout::layout(&page, &origin, options.limits)?.layout.into_blocks())
}

fn read_html(bytes: &[u8], options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    let origin = options.origin();
    // A single-file web page (.mht): its text/html part, in the charset the part names.
    let part;
    let (page, replaced) = if mht::sniff(bytes) {
        part = mht::page(bytes, &origin)?;
        decode::decode_declared(&part.html, part.charset, options)?
    } else {
        decode::decode(bytes, options)?
    };
    // Tables go on as they are built only when the page cannot pass the read's budget, so that
    // output never stops half-way; either way the page is laid out into the assembler a table at
    // a time, never held whole as blocks.
    let streams = crate::read::budget::fits(layout::bound(&page));
    let mut feed = assemble::Feed::new(sink.filter(|_| streams), false);
    let frames = layout::layout_into(&page, &origin, options.limits, &mut feed)?;
    drop(page);
    let (doc, blank) = feed.finish()?;
    if !frames.is_empty() && blank {
        let reason = format!("a page of frames, with no text of its own (as Excel saves a workbook): read the pages it shows: {}", frames.join(", "));
        return Err(Error::Parse { origin, line: None, reason });
    }
    let mut doc = crate::read::text::require_structure(doc, options, blank)?;
    doc.replaced_bytes = replaced;
    Ok(doc)
}
