//! Self-evaluation scoring: the rules as a plain struct, a report handle with indexed getters,
//! its findings (a borrowed jx_findings) and its writers.

use std::ffi::c_char;

use jixiao::score::{Band, ScoreReport, ScoreRule, ScoringRules};

use crate::boundary::{Failure, guard, guard_value, input_bytes, jx_status};
use crate::document::{doc, jx_document};
use crate::review::jx_findings;
use crate::strings::write_string;
use crate::tree::put;
use crate::types::{jx_level1, jx_location, jx_str, level1_of, location_of};

/// How an indicator's score was computed (IndicatorScore.rule).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_score_rule {
    /// Not scored: no actual, or units that differ.
    JX_SCORE_NOT_SCORED = 0,
    /// ≥ / ＞ / ＝ (more is better).
    JX_SCORE_AT_LEAST = 1,
    /// ＝ 0.
    JX_SCORE_EQUAL_ZERO = 2,
    /// ≤ / ＜ (less is better).
    JX_SCORE_AT_MOST = 3,
    JX_SCORE_RANGE = 4,
    JX_SCORE_COMPOUND = 5,
    JX_SCORE_DEADLINE = 6,
    JX_SCORE_QUALITATIVE = 7,
}

/// The band of a qualitative indicator.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_band {
    JX_BAND_NONE = 0,
    /// 达成年度指标.
    JX_BAND_ACHIEVED = 1,
    /// 部分达成年度指标并具有一定效果.
    JX_BAND_PARTLY_ACHIEVED = 2,
    /// 未达成年度指标且效果较差.
    JX_BAND_NOT_ACHIEVED = 3,
}

/// The scoring rules' numbers (see ScoringRules); fill with jx_scoring_rules_default first.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_scoring_rules {
    pub output: f64,
    pub effect: f64,
    pub satisfaction: f64,
    pub execution: f64,
    /// Bands in percent of the weight: [low, high].
    pub achieved: [f64; 2],
    pub partly_achieved: [f64; 2],
    pub not_achieved: [f64; 2],
    /// Lowest totals of 优, 良, 中.
    pub grades: [f64; 3],
    pub tolerance: f64,
    /// An actual past this percent of its target needs a 偏差原因; 0 turns the rule off.
    pub deviation_over: f64,
}

impl From<&jx_scoring_rules> for ScoringRules {
    fn from(r: &jx_scoring_rules) -> Self {
        ScoringRules {
            output: r.output,
            effect: r.effect,
            satisfaction: r.satisfaction,
            execution: r.execution,
            achieved: r.achieved,
            partly_achieved: r.partly_achieved,
            not_achieved: r.not_achieved,
            grades: r.grades,
            tolerance: r.tolerance,
            deviation_over: (r.deviation_over > 0.0).then_some(r.deviation_over),
        }
    }
}

/// A score report. Free with jx_score_report_free; the jx_str of its getters borrow from it.
pub struct jx_score_report {
    _private: [u8; 0],
}

/// The execution rate's score; the has_* flags say which numbers are there.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct jx_execution_score {
    pub weight: f64,
    pub has_budget: bool,
    /// In 元.
    pub budget: f64,
    pub has_executed: bool,
    pub executed: f64,
    pub has_rate: bool,
    /// A fraction (0.9659).
    pub rate: f64,
    pub has_score: bool,
    pub score: f64,
    pub has_reported_score: bool,
    pub reported_score: f64,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
}

/// One table's scores.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_table_score {
    /// 0 when absent.
    pub section_number: u32,
    pub table_number: u32,
    pub name: jx_str,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
    pub total: f64,
    /// 优, 良, 中 or 差; empty when an indicator could not be scored.
    pub grade: jx_str,
    pub has_reported_total: bool,
    pub reported_total: f64,
    pub level1_count: usize,
    pub indicator_count: usize,
    pub has_execution: bool,
    pub execution: jx_execution_score,
}

/// One level-1's weight and score.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_level1_score {
    pub level1: jx_level1,
    pub label: jx_str,
    pub weight: f64,
    pub score: f64,
}

/// One indicator's score.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_indicator_score {
    pub name: jx_str,
    pub level1: jx_level1,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
    pub target: jx_str,
    /// Empty when there is no actual.
    pub actual: jx_str,
    pub weight: f64,
    pub weight_given: bool,
    pub has_score: bool,
    pub score: f64,
    pub rule: jx_score_rule,
    pub band: jx_band,
    pub has_reported_score: bool,
    pub reported_score: f64,
    pub has_difference: bool,
    pub difference: f64,
}

fn report<'a>(p: *const jx_score_report) -> Option<&'a ScoreReport> {
    // SAFETY: a non-NULL jx_score_report pointer came from Box<ScoreReport>::into_raw here.
    unsafe { p.cast::<ScoreReport>().as_ref() }
}

pub(crate) fn rule_of(r: ScoreRule) -> jx_score_rule {
    match r {
        ScoreRule::NotScored => jx_score_rule::JX_SCORE_NOT_SCORED,
        ScoreRule::AtLeast => jx_score_rule::JX_SCORE_AT_LEAST,
        ScoreRule::EqualZero => jx_score_rule::JX_SCORE_EQUAL_ZERO,
        ScoreRule::AtMost => jx_score_rule::JX_SCORE_AT_MOST,
        ScoreRule::Range => jx_score_rule::JX_SCORE_RANGE,
        ScoreRule::Compound => jx_score_rule::JX_SCORE_COMPOUND,
        ScoreRule::Deadline => jx_score_rule::JX_SCORE_DEADLINE,
        ScoreRule::Qualitative => jx_score_rule::JX_SCORE_QUALITATIVE,
    }
}

pub(crate) fn band_of(b: Option<Band>) -> jx_band {
    match b {
        None => jx_band::JX_BAND_NONE,
        Some(Band::Achieved) => jx_band::JX_BAND_ACHIEVED,
        Some(Band::PartlyAchieved) => jx_band::JX_BAND_PARTLY_ACHIEVED,
        Some(Band::NotAchieved) => jx_band::JX_BAND_NOT_ACHIEVED,
    }
}

/// Fills `*out` with the default rules (50/30/10 and 10, bands 80–100/60–80/0–60, grades 90/80/60).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_scoring_rules_default(out: *mut jx_scoring_rules) -> jx_status {
    guard(|| {
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        let d = ScoringRules::default();
        // SAFETY: `out` is non-NULL.
        unsafe {
            *out = jx_scoring_rules {
                output: d.output,
                effect: d.effect,
                satisfaction: d.satisfaction,
                execution: d.execution,
                achieved: d.achieved,
                partly_achieved: d.partly_achieved,
                not_achieved: d.not_achieved,
                grades: d.grades,
                tolerance: d.tolerance,
                deviation_over: d.deviation_over.unwrap_or(0.0),
            }
        };
        Ok(())
    })
}

fn rules_of(rules: *const jx_scoring_rules) -> ScoringRules {
    // SAFETY: a non-NULL pointer is the caller's jx_scoring_rules, alive for the call.
    unsafe { rules.as_ref() }.map_or_else(ScoringRules::default, ScoringRules::from)
}

fn hand_out(report: ScoreReport, out: *mut *mut jx_score_report) {
    // SAFETY: the callers checked `out` for NULL.
    unsafe { *out = Box::into_raw(Box::new(report)).cast() };
}

/// Scores every self-evaluation table (tables with actual results); `rules` may be NULL for the
/// defaults. On success `*out` owns the report.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_score(document: *const jx_document, rules: *const jx_scoring_rules, out: *mut *mut jx_score_report) -> jx_status {
    guard(|| {
        let d = doc(document).ok_or_else(|| Failure::null("doc"))?;
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        hand_out(jixiao::score(d, &rules_of(rules)), out);
        Ok(())
    })
}

/// Scores a target table with actual results from `len` bytes of CSV or JSON (rows of table,
/// indicator, actual, and optionally section and weight); rows that match nothing are
/// `unmatched-actual` findings. A malformed file is JX_STATUS_PARSE_ERROR or JX_STATUS_JSON_ERROR.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_score_with_actuals(
    document: *const jx_document,
    rules: *const jx_scoring_rules,
    actuals: *const u8,
    len: usize,
    out: *mut *mut jx_score_report,
) -> jx_status {
    guard(|| {
        let d = doc(document).ok_or_else(|| Failure::null("doc"))?;
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        let bytes = input_bytes(actuals, len, "actuals")?;
        let rows = jixiao::score::parse_actuals(bytes, &jixiao::error::Origin(Some("<actuals>".into())))?;
        hand_out(jixiao::score::score_with_actuals(d, &rows, &rules_of(rules), None), out);
        Ok(())
    })
}

/// How many tables were scored.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_score_table_count(report: *const jx_score_report) -> usize {
    guard_value(0, || self::report(report).map_or(0, |r| r.tables.len()))
}

/// The `index`-th scored table.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_score_table_get(report: *const jx_score_report, index: usize, out: *mut jx_table_score) -> jx_status {
    put(self::report(report).map(|r| r.tables.as_slice()), index, out, "report", |t| {
        let execution = t.execution.as_ref().map(|e| jx_execution_score {
            weight: e.weight,
            has_budget: e.budget.is_some(),
            budget: e.budget.unwrap_or(0.0),
            has_executed: e.executed.is_some(),
            executed: e.executed.unwrap_or(0.0),
            has_rate: e.rate.is_some(),
            rate: e.rate.unwrap_or(0.0),
            has_score: e.score.is_some(),
            score: e.score.unwrap_or(0.0),
            has_reported_score: e.reported_score.is_some(),
            reported_score: e.reported_score.unwrap_or(0.0),
            line: e.location.line_number().unwrap_or(0),
            location: location_of(&e.location),
        });
        jx_table_score {
            section_number: t.section_number.unwrap_or(0),
            table_number: t.table_number.unwrap_or(0),
            name: jx_str::new(&t.name),
            line: t.location.line_number().unwrap_or(0),
            location: location_of(&t.location),
            total: t.total,
            grade: jx_str::opt(t.grade.as_deref()),
            has_reported_total: t.reported_total.is_some(),
            reported_total: t.reported_total.unwrap_or(0.0),
            level1_count: t.level1.len(),
            indicator_count: t.indicators.len(),
            has_execution: execution.is_some(),
            execution: execution.unwrap_or_default(),
        }
    })
}

/// The `index`-th level-1 of the `table`-th scored table.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_score_level1_get(report: *const jx_score_report, table: usize, index: usize, out: *mut jx_level1_score) -> jx_status {
    let levels = match self::report(report).map(|r| r.tables.get(table)) {
        Some(Some(t)) => Some(t.level1.as_slice()),
        Some(None) => return guard(|| Err(Failure::out_of_range(table, self::report(report).map_or(0, |r| r.tables.len())))),
        None => None,
    };
    put(levels, index, out, "report", |l| jx_level1_score { level1: level1_of(l.level1), label: jx_str::new(&l.label), weight: l.weight, score: l.score })
}

/// The `index`-th indicator of the `table`-th scored table.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_score_indicator_get(report: *const jx_score_report, table: usize, index: usize, out: *mut jx_indicator_score) -> jx_status {
    let indicators = match self::report(report).map(|r| r.tables.get(table)) {
        Some(Some(t)) => Some(t.indicators.as_slice()),
        Some(None) => return guard(|| Err(Failure::out_of_range(table, self::report(report).map_or(0, |r| r.tables.len())))),
        None => None,
    };
    put(indicators, index, out, "report", |i| jx_indicator_score {
        name: jx_str::new(&i.name),
        level1: level1_of(i.level1),
        line: i.location.line_number().unwrap_or(0),
        location: location_of(&i.location),
        target: jx_str::new(&i.target),
        actual: jx_str::opt(i.actual.as_deref()),
        weight: i.weight,
        weight_given: i.weight_given,
        has_score: i.score.is_some(),
        score: i.score.unwrap_or(0.0),
        rule: rule_of(i.rule),
        band: band_of(i.band),
        has_reported_score: i.reported_score.is_some(),
        reported_score: i.reported_score.unwrap_or(0.0),
        has_difference: i.difference.is_some(),
        difference: i.difference.unwrap_or(0.0),
    })
}

/// The report's findings, borrowed: use the jx_findings getters, do NOT free it (it lives as long
/// as the report). NULL for a NULL report.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_score_findings(report: *const jx_score_report) -> *const jx_findings {
    guard_value(std::ptr::null(), || self::report(report).map_or(std::ptr::null(), |r| (&r.findings as *const Vec<jixiao::Finding>).cast()))
}

/// The report as JSON, `{"tables": [...], "findings": [...]}`. Free `*out` with jx_string_free.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_score_to_json(report: *const jx_score_report, pretty: bool, out: *mut *mut c_char, out_len: *mut usize) -> jx_status {
    write_string(self::report(report), "report", out, out_len, |r| Ok(jixiao::write::score::to_json(r, pretty)?))
}

/// The report as CSV, one row per indicator and execution rate (`bom`: Excel mode).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_score_to_csv(report: *const jx_score_report, bom: bool, out: *mut *mut c_char, out_len: *mut usize) -> jx_status {
    write_string(self::report(report), "report", out, out_len, |r| Ok(jixiao::write::score::to_csv(r, bom)))
}

/// Frees a report. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_score_report_free(report: *mut jx_score_report) {
    if report.is_null() {
        return;
    }
    // SAFETY: `report` came from jx_document_score* and is freed once.
    guard_value((), || drop(unsafe { Box::from_raw(report.cast::<ScoreReport>()) }))
}

/// The JSON Schema of the score report, NUL-terminated (static; do not free).
#[unsafe(no_mangle)]
pub extern "C" fn jx_score_schema_json() -> *const c_char {
    static SCHEMA: std::sync::LazyLock<std::ffi::CString> =
        std::sync::LazyLock::new(|| std::ffi::CString::new(jixiao::schema::score_schema_json()).unwrap_or_default());
    guard_value(c"".as_ptr(), || SCHEMA.as_ptr())
}
