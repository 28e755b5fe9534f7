//! Documents: parse, open, free, write out, and the top-level getters.

use std::ffi::{CStr, c_char};

use jixiao::{Document, ReadOptions};

use crate::boundary::{Failure, guard, guard_value, input_bytes, jx_status};
use crate::strings::write_string;
use crate::tree::{item, jx_section, put};
use crate::types::*;

/// An owned document. Free with jx_document_free.
pub struct jx_document {
    _private: [u8; 0],
}

/// What a jx_document handle owns: the document, and the index of its indicators in source
/// order that flat iteration (jx_document_indicator) makes on first use.
pub(crate) struct Held {
    pub(crate) doc: Document,
    /// (section, table, category, subcategory, indicator) positions of every indicator.
    pub(crate) flat: std::sync::OnceLock<Vec<[usize; 5]>>,
}

pub(crate) fn held<'a>(p: *const jx_document) -> Option<&'a Held> {
    // SAFETY: a non-NULL jx_document pointer came from Box<Held>::into_raw in this crate.
    unsafe { p.cast::<Held>().as_ref() }
}

pub(crate) fn doc<'a>(p: *const jx_document) -> Option<&'a Document> {
    held(p).map(|h| &h.doc)
}

pub(crate) fn hand_out(d: Document, out: *mut *mut jx_document) {
    let held = Held { doc: d, flat: std::sync::OnceLock::new() };
    // SAFETY: the caller of every export checked `out` for NULL first.
    unsafe { *out = Box::into_raw(Box::new(held)).cast() };
}

/// The read options, with `max_memory` bytes for the document as it is built (0: the default).
fn options_within(format: jx_format, encoding: jx_encoding, path: Option<String>, max_memory: u64) -> Result<ReadOptions, Failure> {
    let encoding_code = encoding;
    let format = format_of(format).ok_or_else(|| Failure::new(jx_status::JX_STATUS_UNSUPPORTED_FORMAT, format!("unknown format code {format}")))?;
    let encoding = encoding_of(encoding).ok_or_else(|| Failure::new(jx_status::JX_STATUS_UNSUPPORTED_FORMAT, format!("unknown encoding code {encoding}")))?;
    let encoding_errors = if encoding_code & JX_ENCODING_REPLACE_ERRORS != 0 { jixiao::EncodingErrors::Replace } else { jixiao::EncodingErrors::Strict };
    let defaults = jixiao::Limits::default();
    let limits = jixiao::Limits { max_memory: if max_memory == 0 { defaults.max_memory } else { Some(max_memory) }, ..defaults };
    Ok(ReadOptions { format, encoding, encoding_errors, path, limits })
}

/// Parses a document from `len` bytes at `data` (encoding detected). `format` is a JX_FORMAT_*
/// code, usually JX_FORMAT_AUTO. On success `*out` owns the document.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_parse(data: *const u8, len: usize, format: jx_format, out: *mut *mut jx_document) -> jx_status {
    unsafe { jx_document_parse_with(data, len, format, JX_ENCODING_AUTO, out) }
}

/// jx_document_parse with an explicit text encoding (a JX_ENCODING_* code) instead of detection;
/// OR JX_ENCODING_REPLACE_ERRORS into it to read a damaged text with its bad bytes replaced.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_parse_with(
    data: *const u8,
    len: usize,
    format: jx_format,
    encoding: jx_encoding,
    out: *mut *mut jx_document,
) -> jx_status {
    // The default memory budget: jx_document_parse_within's 0.
    unsafe { jx_document_parse_within(data, len, format, encoding, 0, out) }
}

/// jx_document_parse_with, the document allowed `max_memory` bytes as it is built (0: the
/// default, 64 × the input, at least 16 MiB, at most 1 GiB); past it JX_STATUS_PARSE_ERROR,
/// the message naming the reader and the limit.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_parse_within(
    data: *const u8,
    len: usize,
    format: jx_format,
    encoding: jx_encoding,
    max_memory: u64,
    out: *mut *mut jx_document,
) -> jx_status {
    guard(|| {
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        let bytes = input_bytes(data, len, "data")?;
        let d = jixiao::parse_bytes(bytes, &options_within(format, encoding, None, max_memory)?)?;
        hand_out(d, out);
        Ok(())
    })
}

/// jx_document_open, the document allowed `max_memory` bytes as it is built (0: the default),
/// as for jx_document_parse_within.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_open_within(path: *const c_char, format: jx_format, max_memory: u64, out: *mut *mut jx_document) -> jx_status {
    guard(|| {
        if path.is_null() {
            return Err(Failure::null("path"));
        }
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        // SAFETY: the caller passes a NUL-terminated string.
        let path = unsafe { CStr::from_ptr(path) }.to_str().map_err(|_| Failure::new(jx_status::JX_STATUS_INVALID_UTF8, "path is not valid UTF-8"))?;
        let d = jixiao::open(path, &options_within(format, JX_ENCODING_AUTO, Some(path.to_owned()), max_memory)?)?;
        hand_out(d, out);
        Ok(())
    })
}

/// Reads and parses the file at the NUL-terminated UTF-8 `path`; errors name the file.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_open(path: *const c_char, format: jx_format, out: *mut *mut jx_document) -> jx_status {
    // The default memory budget: jx_document_open_within's 0.
    unsafe { jx_document_open_within(path, format, 0, out) }
}

/// Reads a document back from jixiao JSON (`len` bytes at `json`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_from_json(json: *const c_char, len: usize, out: *mut *mut jx_document) -> jx_status {
    unsafe { jx_document_parse(json.cast(), len, JX_FORMAT_JSON, out) }
}

/// Frees a document and every view and jx_str borrowed from it. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_free(doc: *mut jx_document) {
    if !doc.is_null() {
        // SAFETY: a non-NULL jx_document came from Box::into_raw and is freed once.
        guard_value((), || drop(unsafe { Box::from_raw(doc.cast::<Held>()) }));
    }
}

/// The document as JSON (pretty or compact). Free `*out` with jx_string_free; `out_len` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_to_json(doc: *const jx_document, pretty: bool, out: *mut *mut c_char, out_len: *mut usize) -> jx_status {
    write_string(self::doc(doc), "doc", out, out_len, |d| Ok(jixiao::write::json::to_string(d, pretty)?))
}

/// The document as CSV, one row per indicator (`bom`: start with a UTF-8 BOM for Excel).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_to_csv(doc: *const jx_document, bom: bool, out: *mut *mut c_char, out_len: *mut usize) -> jx_status {
    write_string(self::doc(doc), "doc", out, out_len, |d| Ok(jixiao::write::csv::to_string(d, bom)))
}

/// The document as Word-style text.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_to_text(doc: *const jx_document, out: *mut *mut c_char, out_len: *mut usize) -> jx_status {
    write_string(self::doc(doc), "doc", out, out_len, |d| Ok(jixiao::write::text::to_string(d)))
}

/// Writes the document as .xlsx to the NUL-terminated UTF-8 `path`: a sheet per table, in the
/// layout budget systems import (计算符号 | 指标值 | 计量单位), or with each table's own columns
/// when `keep_columns` (then reading it back gives the very same tables).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_write_xlsx(doc: *const jx_document, path: *const c_char, keep_columns: bool) -> jx_status {
    guard(|| {
        let d = self::doc(doc).ok_or_else(|| Failure::null("doc"))?;
        if path.is_null() {
            return Err(Failure::null("path"));
        }
        // SAFETY: the caller passes a NUL-terminated string.
        let path = unsafe { CStr::from_ptr(path) }.to_str().map_err(|_| Failure::new(jx_status::JX_STATUS_INVALID_UTF8, "path is not valid UTF-8"))?;
        let bytes = jixiao::write::xlsx::to_bytes_with(d, &jixiao::write::xlsx::XlsxOptions { keep_columns })?;
        std::fs::write(path, bytes).map_err(|e| Failure::new(jx_status::JX_STATUS_IO_ERROR, format!("{path}: {e}")))
    })
}

/// The title as written; empty when absent.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_title(doc: *const jx_document) -> jx_str {
    guard_value(jx_str::EMPTY, || jx_str::opt(self::doc(doc).map(|d| d.title.as_str())))
}

/// The input the document was read from, where several were written together (a line of
/// `jixiao parse --format ndjson`, read back with jx_document_from_json); empty when absent.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_file(doc: *const jx_document) -> jx_str {
    guard_value(jx_str::EMPTY, || jx_str::opt(self::doc(doc).and_then(|d| d.file.as_deref())))
}

/// Writes the budget year to `*out` and returns true when the title names one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_year(doc: *const jx_document, out: *mut i32) -> bool {
    guard_value(false, || match (self::doc(doc).and_then(|d| d.year), out.is_null()) {
        (Some(y), false) => {
            // SAFETY: `out` is non-NULL.
            unsafe { *out = y };
            true
        }
        _ => false,
    })
}

/// How many parts with tables the document has.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_section_count(doc: *const jx_document) -> usize {
    guard_value(0, || self::doc(doc).map_or(0, |d| d.sections.len()))
}

/// The `index`-th part with tables.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_section(doc: *const jx_document, index: usize, out: *mut *const jx_section) -> jx_status {
    item(self::doc(doc).map(|d| d.sections.as_slice()), index, out, "doc")
}

/// How many pieces of content the reader could not place.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_note_count(doc: *const jx_document) -> usize {
    guard_value(0, || self::doc(doc).map_or(0, |d| d.notes.len()))
}

/// The `index`-th unplaced piece of content, with its line.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_note(doc: *const jx_document, index: usize, out: *mut jx_note) -> jx_status {
    put(self::doc(doc).map(|d| d.notes.as_slice()), index, out, "doc", |n| jx_note {
        line: n.location.line_number().unwrap_or(0),
        location: location_of(&n.location),
        text: jx_str::new(&n.text),
    })
}

/// How many byte sequences were replaced with U+FFFD (0 unless parsed with
/// JX_ENCODING_REPLACE_ERRORS and the input was damaged).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_replaced_count(doc: *const jx_document) -> usize {
    guard_value(0, || self::doc(doc).map_or(0, |d| d.replaced_bytes.len()))
}

/// The `index`-th replaced byte sequence, with its line and offset.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_replaced(doc: *const jx_document, index: usize, out: *mut jx_replaced_bytes) -> jx_status {
    put(self::doc(doc).map(|d| d.replaced_bytes.as_slice()), index, out, "doc", |r| jx_replaced_bytes {
        line: r.line,
        offset: r.offset,
        bytes: jx_str::new(&r.bytes),
    })
}

/// How many Kangxi radicals, CJK Radicals Supplement forms and CJK compatibility ideographs the
/// reader folded to the unified ideograph they stand for (`⽬标` read as `目标`); 0 when none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_folded_chars(doc: *const jx_document) -> usize {
    guard_value(0, || self::doc(doc).map_or(0, |d| d.folded_chars))
}

/// How many indicators the document holds in all.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_indicator_count(doc: *const jx_document) -> usize {
    guard_value(0, || self::doc(doc).map_or(0, |d| d.indicator_count()))
}
