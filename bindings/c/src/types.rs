//! The plain C types: borrowed strings, the enums with fixed values, and the value structs.

use std::ffi::{c_char, c_void};

/// UTF-8 text borrowed from a document (or a parsed target): pointer and length, NOT
/// NUL-terminated. Never a NULL pointer, also when empty.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_str {
    pub ptr: *const c_char,
    pub len: usize,
}

impl jx_str {
    pub(crate) const EMPTY: jx_str = jx_str { ptr: c"".as_ptr(), len: 0 };

    pub(crate) fn new(s: &str) -> jx_str {
        if s.is_empty() { jx_str::EMPTY } else { jx_str { ptr: s.as_ptr().cast(), len: s.len() } }
    }

    pub(crate) fn opt(s: Option<&str>) -> jx_str {
        s.map_or(jx_str::EMPTY, jx_str::new)
    }
}

/// Input formats for jx_document_parse and jx_document_open.
pub type jx_format = u32;
/// Decide from the content.
pub const JX_FORMAT_AUTO: jx_format = 0;
/// Word's plain-text save (UTF-8, UTF-16 or GB18030, detected).
pub const JX_FORMAT_TEXT: jx_format = 1;
/// jixiao's own JSON.
pub const JX_FORMAT_JSON: jx_format = 2;
/// A Word file (.docx).
pub const JX_FORMAT_DOCX: jx_format = 3;
/// A spreadsheet: .xlsx, .xls or .ods, or Excel 2003 XML (SpreadsheetML).
pub const JX_FORMAT_XLSX: jx_format = 4;
/// A web page: .html or .htm (UTF-8, or the GBK/GB2312 its <meta> declares), or a single-file
/// web page (.mht, .mhtml).
pub const JX_FORMAT_HTML: jx_format = 5;
/// An old binary Word file: .doc (Word 97–2003), or WPS Writer's .wps in the same format.
pub const JX_FORMAT_DOC: jx_format = 6;
/// A PDF with a text layer (a scan is an error: it needs OCR first).
pub const JX_FORMAT_PDF: jx_format = 7;
/// A CSV or TSV of cells (comma, TAB or semicolon; UTF-8, GBK or UTF-16), read as a one-sheet
/// workbook; jixiao's own CSV reads back into its sections and tables.
pub const JX_FORMAT_CSV: jx_format = 8;

pub(crate) fn format_of(code: jx_format) -> Option<jixiao::Format> {
    match code {
        JX_FORMAT_AUTO => Some(jixiao::Format::Auto),
        JX_FORMAT_TEXT => Some(jixiao::Format::Text),
        JX_FORMAT_JSON => Some(jixiao::Format::Json),
        JX_FORMAT_DOCX => Some(jixiao::Format::Docx),
        JX_FORMAT_XLSX => Some(jixiao::Format::Xlsx),
        JX_FORMAT_HTML => Some(jixiao::Format::Html),
        JX_FORMAT_DOC => Some(jixiao::Format::Doc),
        JX_FORMAT_PDF => Some(jixiao::Format::Pdf),
        JX_FORMAT_CSV => Some(jixiao::Format::Csv),
        _ => None,
    }
}

/// Text encodings for jx_document_parse_with.
pub type jx_encoding = u32;
/// Detect: BOM, then strict UTF-8, then GB18030.
pub const JX_ENCODING_AUTO: jx_encoding = 0;
pub const JX_ENCODING_UTF8: jx_encoding = 1;
pub const JX_ENCODING_UTF16LE: jx_encoding = 2;
pub const JX_ENCODING_UTF16BE: jx_encoding = 3;
/// GB18030, which also reads GB2312 and GBK.
pub const JX_ENCODING_GB18030: jx_encoding = 4;
/// A flag to OR into any encoding: bytes that are not text in it are replaced with U+FFFD and
/// listed (jx_document_replaced_bytes) instead of failing the parse.
pub const JX_ENCODING_REPLACE_ERRORS: jx_encoding = 0x100;

pub(crate) fn encoding_of(code: jx_encoding) -> Option<jixiao::Encoding> {
    match code & !JX_ENCODING_REPLACE_ERRORS {
        JX_ENCODING_AUTO => Some(jixiao::Encoding::Auto),
        JX_ENCODING_UTF8 => Some(jixiao::Encoding::Utf8),
        JX_ENCODING_UTF16LE => Some(jixiao::Encoding::Utf16Le),
        JX_ENCODING_UTF16BE => Some(jixiao::Encoding::Utf16Be),
        JX_ENCODING_GB18030 => Some(jixiao::Encoding::Gb18030),
        _ => None,
    }
}

/// What a part of the document holds (Section.kind).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_section_kind {
    JX_SECTION_OTHER = 0,
    JX_SECTION_SPECIAL_FUND = 1,
    JX_SECTION_BUDGET_PROJECT = 2,
    JX_SECTION_DEPARTMENT_WIDE = 3,
}

/// 一级指标 meaning (Category.level1).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_level1 {
    JX_LEVEL1_OTHER = 0,
    JX_LEVEL1_OUTPUT = 1,
    JX_LEVEL1_EFFECT = 2,
    JX_LEVEL1_SATISFACTION = 3,
    JX_LEVEL1_COST = 4,
    /// 投入指标 (the older four-part form).
    JX_LEVEL1_INPUT = 5,
    /// 过程指标 (the older four-part form).
    JX_LEVEL1_PROCESS = 6,
    /// 决策指标 (evaluation indicator systems: 决策 / 过程 / 产出 / 效益).
    JX_LEVEL1_DECISION = 7,
}

/// 二级指标 meaning (SubCategory.level2).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_level2 {
    JX_LEVEL2_OTHER = 0,
    JX_LEVEL2_QUANTITY = 1,
    JX_LEVEL2_QUALITY = 2,
    JX_LEVEL2_TIMELINESS = 3,
    JX_LEVEL2_COST = 4,
    JX_LEVEL2_ECONOMIC_COST = 5,
    JX_LEVEL2_SOCIAL_COST = 6,
    JX_LEVEL2_ECOLOGICAL_COST = 7,
    JX_LEVEL2_ECONOMIC_BENEFIT = 8,
    JX_LEVEL2_SOCIAL_BENEFIT = 9,
    JX_LEVEL2_ECOLOGICAL_BENEFIT = 10,
    JX_LEVEL2_SUSTAINABILITY = 11,
    JX_LEVEL2_SERVICE_SATISFACTION = 12,
    /// 社会、经济、生态效益指标: benefits of several kinds in one category.
    JX_LEVEL2_BENEFIT = 13,
}

/// How a target text was read (Target.kind).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_target_kind {
    JX_TARGET_EMPTY = 0,
    JX_TARGET_QUANTITY = 1,
    JX_TARGET_RANGE = 2,
    JX_TARGET_COMPOUND = 3,
    JX_TARGET_QUALITATIVE = 4,
    JX_TARGET_AS_ACTUAL = 5,
    /// A date or period; see jx_target.date and jx_target.until.
    JX_TARGET_DEADLINE = 6,
    /// Form text left in (`≥**个`).
    JX_TARGET_PLACEHOLDER = 7,
}

/// What a table is (Table.kind).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_table_kind {
    JX_TABLE_TARGET = 0,
    JX_TABLE_SELF_EVALUATION = 1,
    JX_TABLE_MONITORING = 2,
    JX_TABLE_DEPARTMENT_WIDE = 3,
}

/// 完成目标可能性 of a monitoring table (Indicator.likelihood).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_likelihood {
    JX_LIKELIHOOD_NONE = 0,
    /// 确定能
    JX_LIKELIHOOD_CERTAIN = 1,
    /// 有可能
    JX_LIKELIHOOD_POSSIBLE = 2,
    /// 完全不可能
    JX_LIKELIHOOD_IMPOSSIBLE = 3,
}

/// A date as precise as the text gives it; 0 in a field means the text names none.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct jx_date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// A number cell (budget, funds, subtotal): the raw text and the number it holds.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_amount {
    pub raw: jx_str,
    pub has_value: bool,
    pub value: f64,
    /// 万元, 元, % …; empty when neither the cell nor its column label gives one.
    pub unit: jx_str,
    pub has_value_yuan: bool,
    pub value_yuan: f64,
}

/// A footer row (合计, 评价结论 …) or a form's blank indicator row, as labelled text.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_remark {
    pub label: jx_str,
    pub text: jx_str,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
}

/// A subtotal row of a sheet of many projects.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_subtotal {
    pub unit: jx_str,
    pub has_amount: bool,
    pub amount: jx_amount,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
}

/// One duty (年度履职目标) of a department-wide table.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_duty {
    pub function: jx_str,
    pub task: jx_str,
    pub project: jx_str,
    pub has_budget: bool,
    pub budget: jx_amount,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
}

/// One row of a table's funds block (预算执行情况). Absent cells have has_* false.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_funds_row {
    pub label: jx_str,
    pub has_initial: bool,
    pub initial: jx_amount,
    pub has_adjusted: bool,
    pub adjusted: jx_amount,
    pub has_executed: bool,
    pub executed: jx_amount,
    pub has_rate: bool,
    pub rate: jx_amount,
    pub has_weight: bool,
    pub weight: jx_amount,
    pub has_score: bool,
    pub score: jx_amount,
    pub reason: jx_str,
    /// How many other columns the row holds; read them with jx_table_funds_row_extra.
    pub extra_count: usize,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
}

/// The comparison of a quantity; values 1–5 are the budget systems' sign codes.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_comparator {
    /// Not a quantity.
    JX_COMPARATOR_NONE = 0,
    /// ≥
    JX_COMPARATOR_GE = 1,
    /// ＞
    JX_COMPARATOR_GT = 2,
    /// ＝
    JX_COMPARATOR_EQ = 3,
    /// ＜
    JX_COMPARATOR_LT = 4,
    /// ≤
    JX_COMPARATOR_LE = 5,
}

/// What a unit measures (Target.unit_kind).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_unit_kind {
    JX_UNIT_NONE = 0,
    JX_UNIT_PERCENT = 1,
    JX_UNIT_PERMILLE = 2,
    JX_UNIT_COUNT = 3,
    JX_UNIT_MONEY = 4,
    JX_UNIT_DURATION = 5,
    JX_UNIT_AREA = 6,
    JX_UNIT_LENGTH = 7,
    JX_UNIT_SCORE = 8,
    JX_UNIT_RATE = 9,
    JX_UNIT_OTHER = 10,
}

/// The direction qualitative words state (Target.direction).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_direction {
    JX_DIRECTION_NONE = 0,
    JX_DIRECTION_INCREASE = 1,
    JX_DIRECTION_DECREASE = 2,
    JX_DIRECTION_MAINTAIN = 3,
    JX_DIRECTION_COMPLETE = 4,
}

/// A target value (指标值): the raw text and its reading. Strings borrow from the document or
/// the jx_parsed_target it came from.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_target {
    /// The text exactly as written.
    pub raw: jx_str,
    pub kind: jx_target_kind,
    pub comparator: jx_comparator,
    /// Whether the text gave the comparison (a bare `100%` is EQ without a sign).
    pub sign_given: bool,
    pub has_value: bool,
    /// The number (the lower bound of a range); meaningful when has_value.
    pub value: f64,
    pub has_upper: bool,
    /// The upper bound of a range; meaningful when has_upper.
    pub upper: f64,
    /// The unit as written (percent is always "%"); empty when none.
    pub unit: jx_str,
    pub unit_kind: jx_unit_kind,
    pub has_value_yuan: bool,
    /// For money: value in 元.
    pub value_yuan: f64,
    pub direction: jx_direction,
    /// How many parts a compound target has; read them with jx_target_get_part.
    pub part_count: usize,
    /// The comparison was inferred from a 指标方向性 column, not written (sign_given is false).
    pub comparator_inferred: bool,
    pub has_date: bool,
    /// For a deadline, the date (the start of a period); meaningful when has_date.
    pub date: jx_date,
    pub has_until: bool,
    /// For a period, its end; meaningful when has_until.
    pub until: jx_date,
    /// A bracketed note after the value (`100%(计划标准)` → 计划标准); empty when none.
    pub note: jx_str,
    /// Private: used by jx_target_get_part. Do not touch.
    pub internal: *const c_void,
}

/// One quantity of a compound target.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_target_part {
    pub text: jx_str,
    pub value: f64,
    /// Empty when no unit follows the number.
    pub unit: jx_str,
}

/// Content the reader could not place, kept with its line.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_note {
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
    pub text: jx_str,
}

/// Bytes that were not text in the file's encoding, replaced with U+FFFD (parsed with
/// JX_ENCODING_REPLACE_ERRORS).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_replaced_bytes {
    /// The 1-based line they were on.
    pub line: usize,
    /// Where they start in the file, in bytes from 0.
    pub offset: usize,
    /// The bytes in hex, space-separated ("e4 b8").
    pub bytes: jx_str,
}

/// Where a node stands in the source (its `location`, or jx_*_location): fields are 0 or empty when the
/// source has no such notion.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_location {
    /// 1-based line of a text source.
    pub line: usize,
    /// The sheet of a spreadsheet.
    pub sheet: jx_str,
    /// The cell address in that sheet (`C7`).
    pub cell: jx_str,
    /// 1-based table of a Word file, its row and grid column.
    pub table: usize,
    pub row: usize,
    pub column: usize,
    /// 1-based paragraph of a Word file's body.
    pub paragraph: usize,
    /// 1-based page of a PDF.
    pub page: usize,
}

/// A level-1's C value.
pub(crate) fn level1_of(level1: jixiao::Level1) -> jx_level1 {
    use jixiao::Level1;
    match level1 {
        Level1::Output => jx_level1::JX_LEVEL1_OUTPUT,
        Level1::Effect => jx_level1::JX_LEVEL1_EFFECT,
        Level1::Satisfaction => jx_level1::JX_LEVEL1_SATISFACTION,
        Level1::Cost => jx_level1::JX_LEVEL1_COST,
        Level1::Input => jx_level1::JX_LEVEL1_INPUT,
        Level1::Process => jx_level1::JX_LEVEL1_PROCESS,
        Level1::Decision => jx_level1::JX_LEVEL1_DECISION,
        Level1::Other => jx_level1::JX_LEVEL1_OTHER,
    }
}

impl jx_location {
    /// No place: every field 0 or empty.
    pub(crate) const EMPTY: jx_location =
        jx_location { line: 0, sheet: jx_str::EMPTY, cell: jx_str::EMPTY, table: 0, row: 0, column: 0, paragraph: 0, page: 0 };
}

impl Default for jx_location {
    fn default() -> Self {
        jx_location::EMPTY
    }
}

/// A location's C form; its strings borrow from `at`.
pub(crate) fn location_of(at: &jixiao::Location) -> jx_location {
    jx_location {
        line: at.line_number().unwrap_or(0),
        sheet: jx_str::opt(at.sheet()),
        cell: jx_str::opt(at.cell_name()),
        table: at.table().unwrap_or(0),
        row: at.row().unwrap_or(0),
        column: at.column().unwrap_or(0),
        paragraph: at.paragraph_number().unwrap_or(0),
        page: at.page_number().unwrap_or(0),
    }
}

/// A Word TC (table of contents) field.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_toc {
    pub text: jx_str,
    /// The `\f` identifier; empty when absent.
    pub identifier: jx_str,
    pub has_level: bool,
    pub level: u32,
    /// Everything after the entry's text as written (`\f B \l 1`, and switches jixiao does not read).
    pub switches: jx_str,
}
