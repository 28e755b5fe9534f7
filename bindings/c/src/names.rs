//! `jx_<enum>_name`: every enumeration value's name as the JSON, the CLI and Python spell it
//! (`"ge"`, `"output"`, `"special_fund"`), NUL-terminated and static; `"none"` for a NONE value;
//! NULL for a value outside the enumeration. Built from the model's own names and the one
//! mapping of each enum to its C values (codes.rs), never a second list.

use std::ffi::{CString, c_char};
use std::sync::OnceLock;

use jixiao::review::Level;
use jixiao::score::{Band, ScoreRule};
use jixiao::{Comparator, Direction, Level1, Level2, Likelihood, SectionKind, Severity, TableKind, TargetKind, UnitKind};

use crate::boundary::{guard_value, jx_status};
use crate::codes::*;
use crate::types::*;

type Table = OnceLock<Vec<(u32, CString)>>;

/// The name of `code` in an enumeration: each value's C code and name, and `none` for the
/// code of an absent value when that code is not a value's own.
fn name_in<T: Copy>(table: &'static Table, code: u32, all: &[T], code_of: impl Fn(T) -> u32, name: fn(T) -> &'static str, none: Option<u32>) -> *const c_char {
    let names = table.get_or_init(|| {
        let mut names: Vec<(u32, CString)> = all.iter().map(|&v| (code_of(v), CString::new(name(v)).expect("names hold no NUL"))).collect();
        if let Some(none) = none.filter(|n| !names.iter().any(|(c, _)| c == n)) {
            names.push((none, CString::from(c"none")));
        }
        names
    });
    names.iter().find(|(c, _)| *c == code).map_or(std::ptr::null(), |(_, n)| n.as_ptr())
}

/// A jx_target_kind's name: "quantity", "range", … NULL outside the enumeration.
#[unsafe(no_mangle)]
pub extern "C" fn jx_target_kind_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || name_in(&NAMES, value, TargetKind::ALL, |v| target_kind_code(v) as u32, TargetKind::as_str, None))
}

/// A jx_comparator's name: "ge", "gt", "eq", "le", "lt"; "none".
#[unsafe(no_mangle)]
pub extern "C" fn jx_comparator_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || {
        name_in(&NAMES, value, Comparator::ALL, |v| comparator_code(Some(v)) as u32, Comparator::as_str, Some(comparator_code(None) as u32))
    })
}

/// A jx_unit_kind's name: "percent", "money", …; "none".
#[unsafe(no_mangle)]
pub extern "C" fn jx_unit_kind_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || {
        name_in(&NAMES, value, UnitKind::ALL, |v| unit_kind_code(Some(v)) as u32, UnitKind::as_str, Some(unit_kind_code(None) as u32))
    })
}

/// A jx_direction's name: "increase", "decrease", "maintain", "complete"; "none".
#[unsafe(no_mangle)]
pub extern "C" fn jx_direction_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || {
        name_in(&NAMES, value, Direction::ALL, |v| direction_code(Some(v)) as u32, Direction::as_str, Some(direction_code(None) as u32))
    })
}

/// A jx_likelihood's name: "certain", "possible", "impossible"; "none".
#[unsafe(no_mangle)]
pub extern "C" fn jx_likelihood_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || {
        name_in(&NAMES, value, Likelihood::ALL, |v| likelihood_code(Some(v)) as u32, Likelihood::as_str, Some(likelihood_code(None) as u32))
    })
}

/// A jx_table_kind's name: "target", "self_evaluation", "monitoring", "department_wide".
#[unsafe(no_mangle)]
pub extern "C" fn jx_table_kind_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || name_in(&NAMES, value, TableKind::ALL, |v| table_kind_code(v) as u32, TableKind::as_str, None))
}

/// A jx_section_kind's name: "special_fund", "budget_project", "department_wide", "other".
#[unsafe(no_mangle)]
pub extern "C" fn jx_section_kind_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || name_in(&NAMES, value, SectionKind::ALL, |v| section_kind_code(v) as u32, SectionKind::as_str, None))
}

/// A jx_level1's name: "output", "effect", "satisfaction", "cost", "input", "process", "decision", "other".
#[unsafe(no_mangle)]
pub extern "C" fn jx_level1_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || name_in(&NAMES, value, Level1::ALL, |v| level1_of(v) as u32, Level1::as_str, None))
}

/// A jx_level2's name: "quantity", "quality", …, "other".
#[unsafe(no_mangle)]
pub extern "C" fn jx_level2_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || name_in(&NAMES, value, Level2::ALL, |v| level2_code(v) as u32, Level2::as_str, None))
}

/// A jx_score_rule's name: "at_least", "range", …, "not_scored".
#[unsafe(no_mangle)]
pub extern "C" fn jx_score_rule_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || name_in(&NAMES, value, ScoreRule::ALL, |v| crate::score::rule_of(v) as u32, ScoreRule::as_str, None))
}

/// A jx_band's name: "achieved", "partly_achieved", "not_achieved"; "none".
#[unsafe(no_mangle)]
pub extern "C" fn jx_band_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || {
        name_in(&NAMES, value, Band::ALL, |v| crate::score::band_of(Some(v)) as u32, Band::as_str, Some(crate::score::band_of(None) as u32))
    })
}

/// A jx_level's name: "allow", "info", "warn", "deny".
#[unsafe(no_mangle)]
pub extern "C" fn jx_level_name(value: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    guard_value(std::ptr::null(), || {
        name_in(&NAMES, value, Level::ALL, |v| (0..4).find(|&c| crate::review::level_of(c) == Some(v)).unwrap_or(u32::MAX), Level::as_str, None)
    })
}

/// A jx_severity value's name as JSON spells it ("error", "warning", "info"; "none"),
/// NUL-terminated and static; NULL for a value outside the enumeration.
#[unsafe(no_mangle)]
pub extern "C" fn jx_severity_name(severity: u32) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    let none = crate::review::severity_of(None) as u32;
    guard_value(std::ptr::null(), || name_in(&NAMES, severity, Severity::ALL, |v| crate::review::severity_of(Some(v)) as u32, Severity::as_str, Some(none)))
}

/// A JX_FORMAT_* code's name: "auto", "text", "json", "docx", "xlsx", "html", "doc", "pdf", "csv". NULL for an
/// unknown code.
#[unsafe(no_mangle)]
pub extern "C" fn jx_format_name(format: jx_format) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    let codes = [JX_FORMAT_AUTO, JX_FORMAT_TEXT, JX_FORMAT_JSON, JX_FORMAT_DOCX, JX_FORMAT_XLSX, JX_FORMAT_HTML, JX_FORMAT_DOC, JX_FORMAT_PDF, JX_FORMAT_CSV];
    guard_value(std::ptr::null(), || name_in(&NAMES, format, &codes, |c| c, |c| format_of(c).map_or("", jixiao::Format::as_str), None))
}

/// A JX_ENCODING_* code's name: "auto", "utf-8", "utf-16le", "utf-16be", "gb18030". NULL for an
/// unknown code.
#[unsafe(no_mangle)]
pub extern "C" fn jx_encoding_name(encoding: jx_encoding) -> *const c_char {
    static NAMES: Table = OnceLock::new();
    let codes = [JX_ENCODING_AUTO, JX_ENCODING_UTF8, JX_ENCODING_UTF16LE, JX_ENCODING_UTF16BE, JX_ENCODING_GB18030];
    guard_value(std::ptr::null(), || name_in(&NAMES, encoding, &codes, |c| c, |c| encoding_of(c).map_or("", jixiao::Encoding::as_str), None))
}

/// A jx_status value's name: "ok", "null_argument", "invalid_utf8", …; NULL outside the
/// enumeration.
#[unsafe(no_mangle)]
pub extern "C" fn jx_status_name(status: u32) -> *const c_char {
    use jx_status::*;
    let all = [
        (JX_STATUS_OK, c"ok"),
        (JX_STATUS_NULL_ARGUMENT, c"null_argument"),
        (JX_STATUS_INVALID_UTF8, c"invalid_utf8"),
        (JX_STATUS_UNSUPPORTED_FORMAT, c"unsupported_format"),
        (JX_STATUS_PARSE_ERROR, c"parse_error"),
        (JX_STATUS_IO_ERROR, c"io_error"),
        (JX_STATUS_OUT_OF_RANGE, c"out_of_range"),
        (JX_STATUS_PANIC, c"panic"),
        (JX_STATUS_ENCODING_ERROR, c"encoding_error"),
        (JX_STATUS_JSON_ERROR, c"json_error"),
        (JX_STATUS_OUTPUT_ERROR, c"output_error"),
        (JX_STATUS_INVALID_ARGUMENT, c"invalid_argument"),
    ];
    all.iter().find(|(s, _)| *s as u32 == status).map_or(std::ptr::null(), |(_, n)| n.as_ptr())
}
