//! The review (审核): a configuration handle, the findings handle jx_document_review returns,
//! and the list of rules.

use std::ffi::{CStr, c_char};

use jixiao::Finding;
use jixiao::review::{Level, RULES, ReviewConfig, Severity};

use crate::boundary::{Failure, guard, guard_value, jx_status};
use crate::document::{doc, jx_document};
use crate::strings::write_string;
use crate::tree::put;
use crate::types::{jx_location, jx_str, location_of};

/// How much a finding matters (Finding.severity); NONE is a rule that is off by default.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_severity {
    JX_SEVERITY_NONE = 0,
    JX_SEVERITY_INFO = 1,
    JX_SEVERITY_WARNING = 2,
    JX_SEVERITY_ERROR = 3,
}

/// What a configuration does with a rule: turn it off, or report it at a severity.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_level {
    JX_LEVEL_ALLOW = 0,
    JX_LEVEL_INFO = 1,
    JX_LEVEL_WARN = 2,
    JX_LEVEL_DENY = 3,
}

/// A JX_LEVEL_* code as the review's level.
pub(crate) fn level_of(code: u32) -> Option<Level> {
    match code {
        0 => Some(Level::Allow),
        1 => Some(Level::Info),
        2 => Some(Level::Warn),
        3 => Some(Level::Deny),
        _ => None,
    }
}

pub(crate) fn severity_of(s: Option<Severity>) -> jx_severity {
    match s {
        None => jx_severity::JX_SEVERITY_NONE,
        Some(Severity::Info) => jx_severity::JX_SEVERITY_INFO,
        Some(Severity::Warning) => jx_severity::JX_SEVERITY_WARNING,
        Some(Severity::Error) => jx_severity::JX_SEVERITY_ERROR,
    }
}

/// Which rules run and at what severity. Create with jx_review_config_new, free with
/// jx_review_config_free.
pub struct jx_review_config {
    _private: [u8; 0],
}

/// Every finding of one review. Free with jx_findings_free; the jx_str of a jx_finding borrow
/// from it.
pub struct jx_findings {
    _private: [u8; 0],
}

/// One finding. Numbers that are absent are 0.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_finding {
    /// The rule's id (`vacuous-target`).
    pub rule: jx_str,
    pub severity: jx_severity,
    /// What is wrong, in English and in Chinese.
    pub message: jx_str,
    pub message_zh: jx_str,
    /// What to write instead, in English and in Chinese.
    pub suggestion: jx_str,
    pub suggestion_zh: jx_str,
    /// The 1-based line of a text source the finding is about (0 where the source has no
    /// lines), and where that is in the source.
    pub line: usize,
    pub location: jx_location,
    /// The part's number and the table's number; 0 when absent.
    pub section_number: u32,
    pub table_number: u32,
    /// The table's name; empty for a finding about the whole document.
    pub table_name: jx_str,
    /// The level-3 name of the indicator; empty for a table finding.
    pub indicator: jx_str,
    /// The text the finding points at; empty when none.
    pub text: jx_str,
}

/// One review rule.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_rule {
    pub id: jx_str,
    /// The severity its findings get by default; JX_SEVERITY_NONE when the rule is off by default.
    pub default_severity: jx_severity,
    pub summary: jx_str,
    pub summary_zh: jx_str,
}

fn config<'a>(p: *const jx_review_config) -> Option<&'a ReviewConfig> {
    // SAFETY: a non-NULL jx_review_config pointer came from Box<ReviewConfig>::into_raw here.
    unsafe { p.cast::<ReviewConfig>().as_ref() }
}

fn findings<'a>(p: *const jx_findings) -> Option<&'a Vec<Finding>> {
    // SAFETY: a non-NULL jx_findings pointer came from Box<Vec<Finding>>::into_raw here.
    unsafe { p.cast::<Vec<Finding>>().as_ref() }
}

/// A configuration with every rule at its default. On success `*out` owns it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_review_config_new(out: *mut *mut jx_review_config) -> jx_status {
    guard(|| {
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        // SAFETY: `out` is non-NULL.
        unsafe { *out = Box::into_raw(Box::new(ReviewConfig::new())).cast() };
        Ok(())
    })
}

/// Sets a rule (its NUL-terminated id, or "warnings" for every finding still a warning) to a
/// level, a jx_level value (taken as an integer, so that any value is safe to pass); later
/// settings win. An unknown id or level is JX_STATUS_INVALID_ARGUMENT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_review_config_set(config: *mut jx_review_config, rule: *const c_char, level: u32) -> jx_status {
    guard(|| {
        // SAFETY: a non-NULL jx_review_config pointer came from jx_review_config_new.
        let config = unsafe { config.cast::<ReviewConfig>().as_mut() }.ok_or_else(|| Failure::null("config"))?;
        if rule.is_null() {
            return Err(Failure::null("rule"));
        }
        // SAFETY: the caller passes a NUL-terminated string.
        let rule = unsafe { CStr::from_ptr(rule) }.to_str().map_err(|_| Failure::new(jx_status::JX_STATUS_INVALID_UTF8, "rule is not valid UTF-8"))?;
        let level = level_of(level).ok_or_else(|| Failure::new(jx_status::JX_STATUS_INVALID_ARGUMENT, format!("unknown level code {level}")))?;
        config.set(rule, level)?;
        Ok(())
    })
}

/// Frees a configuration. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_review_config_free(config: *mut jx_review_config) {
    if config.is_null() {
        return;
    }
    // SAFETY: `config` came from jx_review_config_new and is freed once.
    guard_value((), || drop(unsafe { Box::from_raw(config.cast::<ReviewConfig>()) }))
}

/// Reviews a document; `config` may be NULL for the defaults. On success `*out` owns the findings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_review(document: *const jx_document, config: *const jx_review_config, out: *mut *mut jx_findings) -> jx_status {
    guard(|| {
        let d = doc(document).ok_or_else(|| Failure::null("doc"))?;
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        let defaults = ReviewConfig::new();
        let found = jixiao::review(d, self::config(config).unwrap_or(&defaults));
        // SAFETY: `out` is non-NULL.
        unsafe { *out = Box::into_raw(Box::new(found)).cast() };
        Ok(())
    })
}

/// How many findings there are.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_findings_count(findings: *const jx_findings) -> usize {
    guard_value(0, || self::findings(findings).map_or(0, Vec::len))
}

/// The `index`-th finding, in source order; its strings borrow from `findings`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_findings_get(findings: *const jx_findings, index: usize, out: *mut jx_finding) -> jx_status {
    put(self::findings(findings).map(Vec::as_slice), index, out, "findings", |f| jx_finding {
        rule: jx_str::new(&f.rule),
        severity: severity_of(Some(f.severity)),
        message: jx_str::new(&f.message),
        message_zh: jx_str::new(&f.message_zh),
        suggestion: jx_str::new(&f.suggestion),
        suggestion_zh: jx_str::new(&f.suggestion_zh),
        line: f.line,
        location: location_of(&f.location),
        section_number: f.section_number.unwrap_or(0),
        table_number: f.table_number.unwrap_or(0),
        table_name: jx_str::opt(f.table_name.as_deref()),
        indicator: jx_str::opt(f.indicator.as_deref()),
        text: jx_str::opt(f.text.as_deref()),
    })
}

/// The findings as JSON, `{"findings": [...]}` (the shape of jx_findings_schema_json). Free
/// `*out` with jx_string_free; `out_len` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_findings_to_json(findings: *const jx_findings, pretty: bool, out: *mut *mut c_char, out_len: *mut usize) -> jx_status {
    write_string(self::findings(findings).map(Vec::as_slice), "findings", out, out_len, |f| Ok(jixiao::write::findings::to_json(f, pretty)?))
}

/// The findings as CSV, one row per finding (`bom`: Excel mode).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_findings_to_csv(findings: *const jx_findings, bom: bool, out: *mut *mut c_char, out_len: *mut usize) -> jx_status {
    write_string(self::findings(findings).map(Vec::as_slice), "findings", out, out_len, |f| Ok(jixiao::write::findings::to_csv(f, bom)))
}

/// The document's tables drawn as the form, a self-contained HTML page (inline style, nothing
/// fetched; every text escaped): the 一级 and 二级 cells merged down, each of `findings` (a
/// review of this document; NULL for none) marked on its cell with its message and suggestion,
/// in English when `english`, else Chinese. Free `*out` with jx_string_free; `out_len` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_to_html(
    document: *const jx_document,
    findings: *const jx_findings,
    english: bool,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> jx_status {
    let found: &[Finding] = self::findings(findings).map_or(&[], Vec::as_slice);
    let lang = if english { jixiao::write::html::Lang::En } else { jixiao::write::html::Lang::Zh };
    write_string(doc(document), "doc", out, out_len, |d| {
        Ok(jixiao::write::html::to_string(d, &jixiao::write::html::HtmlOptions { findings: found, lang, page: true, ..Default::default() }))
    })
}

/// Frees findings. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_findings_free(findings: *mut jx_findings) {
    if findings.is_null() {
        return;
    }
    // SAFETY: `findings` came from jx_document_review and is freed once.
    guard_value((), || drop(unsafe { Box::from_raw(findings.cast::<Vec<Finding>>()) }))
}

/// How many review rules there are.
#[unsafe(no_mangle)]
pub extern "C" fn jx_rule_count() -> usize {
    RULES.len()
}

/// The `index`-th rule (static strings; nothing to free).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_rule_get(index: usize, out: *mut jx_rule) -> jx_status {
    put(Some(RULES), index, out, "rules", |r| jx_rule {
        id: jx_str::new(r.id),
        default_severity: severity_of(r.default),
        summary: jx_str::new(r.summary),
        summary_zh: jx_str::new(r.summary_zh),
    })
}

/// The JSON Schema of the findings (`{"findings": [...]}`), NUL-terminated (static; do not free).
#[unsafe(no_mangle)]
pub extern "C" fn jx_findings_schema_json() -> *const c_char {
    static SCHEMA: std::sync::LazyLock<std::ffi::CString> =
        std::sync::LazyLock::new(|| std::ffi::CString::new(jixiao::schema::findings_schema_json()).unwrap_or_default());
    guard_value(c"".as_ptr(), || SCHEMA.as_ptr())
}
