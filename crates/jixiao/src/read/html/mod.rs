//! Web pages (.html, .htm): what governments publish, and what Word, Excel, WPS and LibreOffice
//! write when asked to "save as web page". The page is laid out as Word's text save would lay out
//! the same content (see `layout`), so that its tables go through the same pipeline as every
//! other format.

mod decode;
mod layout;

use super::text;
use super::{Format, ReadOptions, Reader};
use crate::error::{Error, Result};
use crate::grammar::is_blank;
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
        let origin = options.origin();
        let (mut page, replaced) = decode::decode(bytes, options)?;
        let folded = crate::grammar::fold::fold_ideographs_cow(&mut page);
        let layout = layout::layout(&page, &origin, options.limits)?;
        // The page's text is let go once laid out: the model is built from the layout alone.
        drop(page);
        let blank = layout.lines.iter().all(|(_, l)| is_blank(l));
        if !layout.frames.is_empty() && blank {
            let reason =
                format!("a page of frames, with no text of its own (as Excel saves a workbook): read the pages it shows: {}", layout.frames.join(", "));
            return Err(Error::Parse { origin, line: None, reason });
        }
        let mut doc = text::parse_items(layout.lines.iter().map(|(kind, line)| (*kind, line.as_str())));
        (doc.replaced_bytes, doc.folded_chars) = (replaced, folded);
        doc.locations = layout.places;
        text::require_structure(doc, options, blank)
    }
}
