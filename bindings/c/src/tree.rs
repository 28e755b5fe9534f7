//! Borrowed views into a document's tree: sections, tables, categories, indicators.

use jixiao::{Category, Indicator, Section, SubCategory, Table};

use crate::boundary::{Failure, guard, guard_value, jx_status};
use crate::codes::*;
use crate::target::fill_target;
use crate::types::*;

/// A part with tables (第N部分), borrowed from its document.
pub struct jx_section {
    _private: [u8; 0],
}
/// A 绩效目标表, borrowed from its document.
pub struct jx_table {
    _private: [u8; 0],
}
/// A level-1 category (一级指标), borrowed from its document.
pub struct jx_category {
    _private: [u8; 0],
}
/// A level-2 category (二级指标), borrowed from its document.
pub struct jx_subcategory {
    _private: [u8; 0],
}
/// An indicator row (三级指标), borrowed from its document.
pub struct jx_indicator {
    _private: [u8; 0],
}

/// The model node behind a view pointer.
pub(crate) fn node<'a, T, V>(p: *const V) -> Option<&'a T> {
    // SAFETY: a non-NULL view pointer of kind V was made by `view` from a &T of its document.
    unsafe { p.cast::<T>().as_ref() }
}

/// Every indexed getter: `what` NULL, `index` past the end and `out` NULL are errors; on
/// success `*out = f(&list[index])`.
pub(crate) fn put<T, U>(list: Option<&[T]>, index: usize, out: *mut U, what: &str, f: impl FnOnce(&T) -> U) -> jx_status {
    guard(|| {
        let list = list.ok_or_else(|| Failure::null(what))?;
        let item = list.get(index).ok_or_else(|| Failure::out_of_range(index, list.len()))?;
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        // SAFETY: `out` is non-NULL.
        unsafe { *out = f(item) };
        Ok(())
    })
}

/// An indexed getter of views: the view pointer stays valid while the document lives.
pub(crate) fn item<T, V>(list: Option<&[T]>, index: usize, out: *mut *const V, what: &str) -> jx_status {
    put(list, index, out, what, |n| (n as *const T).cast())
}

/// An optional value's getter: writes `*out` and returns true when there is a value and `out`
/// is not NULL; false otherwise, `*out` untouched.
pub(crate) fn write_opt<T>(v: Option<T>, out: *mut T) -> bool {
    match (v, out.is_null()) {
        (Some(v), false) => {
            // SAFETY: `out` is non-NULL.
            unsafe { *out = v };
            true
        }
        _ => false,
    }
}

pub(crate) fn toc_of(toc: &jixiao::Toc) -> jx_toc {
    jx_toc {
        text: jx_str::new(&toc.text),
        identifier: jx_str::opt(toc.identifier.as_deref()),
        has_level: toc.level.is_some(),
        level: toc.level.unwrap_or(0),
        switches: jx_str::new(&toc.switches),
    }
}

pub(crate) fn text<T>(p: Option<&T>, f: impl FnOnce(&T) -> &str) -> jx_str {
    guard_value(jx_str::EMPTY, || jx_str::opt(p.map(f)))
}

// ---- sections

/// Writes the part's number (第二部分 → 2) and returns true; false for tables outside a numbered part.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_section_number(section: *const jx_section, out: *mut u32) -> bool {
    guard_value(false, || write_opt(node::<Section, _>(section).and_then(|s| s.number), out))
}

/// What the part holds, by the meaning of its heading.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_section_get_kind(section: *const jx_section) -> jx_section_kind {
    guard_value(jx_section_kind::JX_SECTION_OTHER, || node::<Section, _>(section).map_or(jx_section_kind::JX_SECTION_OTHER, |s| section_kind_code(s.kind)))
}

/// The heading as written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_section_heading(section: *const jx_section) -> jx_str {
    text(node::<Section, _>(section), |s| &s.heading)
}

/// The 1-based line of the heading in a text source; 0 where the source has no lines (see
/// jx_section_location).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_section_line(section: *const jx_section) -> usize {
    guard_value(0, || node::<Section, _>(section).map_or(0, |s| s.location.line_number().unwrap_or(0)))
}

/// Where it stands in the source: the line of a text save, a sheet's cell, a Word table's cell or
/// paragraph, a PDF's page; its strings borrow from the document. All 0 and empty for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_section_location(section: *const jx_section) -> jx_location {
    guard_value(jx_location::EMPTY, || node::<Section, _>(section).map_or(jx_location::EMPTY, |s| location_of(&s.location)))
}

/// Writes the heading's Word TC field to `*out` and returns true; false when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_section_toc(section: *const jx_section, out: *mut jx_toc) -> bool {
    guard_value(false, || write_opt(node::<Section, _>(section).and_then(|s| s.toc.as_ref()).map(toc_of), out))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_section_table_count(section: *const jx_section) -> usize {
    guard_value(0, || node::<Section, _>(section).map_or(0, |s| s.tables.len()))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_section_table(section: *const jx_section, index: usize, out: *mut *const jx_table) -> jx_status {
    item(node::<Section, _>(section).map(|s| s.tables.as_slice()), index, out, "section")
}

// ---- tables

/// Writes the table's number (`3、…` → 3) and returns true; false when the title has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_number(table: *const jx_table, out: *mut u32) -> bool {
    guard_value(false, || write_opt(node::<Table, _>(table).and_then(|t| t.number), out))
}

/// The fund or project name, without the number and 绩效目标表.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_name(table: *const jx_table) -> jx_str {
    text(node::<Table, _>(table), |t| &t.name)
}

/// The title line as written, less any TC field.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_title(table: *const jx_table) -> jx_str {
    text(node::<Table, _>(table), |t| &t.title)
}

/// Fills `*out` with the table's Word TC field and returns true; false when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_toc(table: *const jx_table, out: *mut jx_toc) -> bool {
    guard_value(false, || match (node::<Table, _>(table).and_then(|t| t.toc.as_ref()), out.is_null()) {
        (Some(toc), false) => {
            // SAFETY: `out` is non-NULL.
            unsafe { *out = toc_of(toc) };
            true
        }
        _ => false,
    })
}

/// Writes the objective (绩效目标) text and returns true; false when the table has no objective row.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_objective(table: *const jx_table, out: *mut jx_str) -> bool {
    guard_value(false, || match (node::<Table, _>(table).and_then(|t| t.objective.as_deref()), out.is_null()) {
        (Some(o), false) => {
            // SAFETY: `out` is non-NULL.
            unsafe { *out = jx_str::new(o) };
            true
        }
        _ => false,
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_column_count(table: *const jx_table) -> usize {
    guard_value(0, || node::<Table, _>(table).map_or(0, |t| t.columns.len()))
}

/// The `index`-th header label as written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_column(table: *const jx_table, index: usize, out: *mut jx_str) -> jx_status {
    put(node::<Table, _>(table).map(|t| t.columns.as_slice()), index, out, "table", |c| jx_str::new(c))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_category_count(table: *const jx_table) -> usize {
    guard_value(0, || node::<Table, _>(table).map_or(0, |t| t.categories.len()))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_category(table: *const jx_table, index: usize, out: *mut *const jx_category) -> jx_status {
    item(node::<Table, _>(table).map(|t| t.categories.as_slice()), index, out, "table")
}

/// The 1-based line of the title in a text source; 0 where the source has no lines (see
/// jx_table_location).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_line(table: *const jx_table) -> usize {
    guard_value(0, || node::<Table, _>(table).map_or(0, |t| t.location.line_number().unwrap_or(0)))
}

/// Where it stands in the source: the line of a text save, a sheet's cell, a Word table's cell or
/// paragraph, a PDF's page; its strings borrow from the document. All 0 and empty for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_location(table: *const jx_table) -> jx_location {
    guard_value(jx_location::EMPTY, || node::<Table, _>(table).map_or(jx_location::EMPTY, |t| location_of(&t.location)))
}

// ---- categories

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_category_level1(category: *const jx_category) -> jx_level1 {
    guard_value(jx_level1::JX_LEVEL1_OTHER, || node::<Category, _>(category).map_or(jx_level1::JX_LEVEL1_OTHER, |c| level1_of(c.level1)))
}

/// The level-1 label as written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_category_label(category: *const jx_category) -> jx_str {
    text(node::<Category, _>(category), |c| &c.label)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_category_line(category: *const jx_category) -> usize {
    guard_value(0, || node::<Category, _>(category).map_or(0, |c| c.location.line_number().unwrap_or(0)))
}

/// Where it stands in the source: the line of a text save, a sheet's cell, a Word table's cell or
/// paragraph, a PDF's page; its strings borrow from the document. All 0 and empty for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_category_location(category: *const jx_category) -> jx_location {
    guard_value(jx_location::EMPTY, || node::<Category, _>(category).map_or(jx_location::EMPTY, |c| location_of(&c.location)))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_category_child_count(category: *const jx_category) -> usize {
    guard_value(0, || node::<Category, _>(category).map_or(0, |c| c.children.len()))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_category_child(category: *const jx_category, index: usize, out: *mut *const jx_subcategory) -> jx_status {
    item(node::<Category, _>(category).map(|c| c.children.as_slice()), index, out, "category")
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_subcategory_level2(sub: *const jx_subcategory) -> jx_level2 {
    guard_value(jx_level2::JX_LEVEL2_OTHER, || node::<SubCategory, _>(sub).map_or(jx_level2::JX_LEVEL2_OTHER, |s| level2_code(s.level2)))
}

/// The level-2 label as written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_subcategory_label(sub: *const jx_subcategory) -> jx_str {
    text(node::<SubCategory, _>(sub), |s| &s.label)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_subcategory_line(sub: *const jx_subcategory) -> usize {
    guard_value(0, || node::<SubCategory, _>(sub).map_or(0, |s| s.location.line_number().unwrap_or(0)))
}

/// Where it stands in the source: the line of a text save, a sheet's cell, a Word table's cell or
/// paragraph, a PDF's page; its strings borrow from the document. All 0 and empty for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_subcategory_location(sub: *const jx_subcategory) -> jx_location {
    guard_value(jx_location::EMPTY, || node::<SubCategory, _>(sub).map_or(jx_location::EMPTY, |s| location_of(&s.location)))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_subcategory_indicator_count(sub: *const jx_subcategory) -> usize {
    guard_value(0, || node::<SubCategory, _>(sub).map_or(0, |s| s.indicators.len()))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_subcategory_indicator(sub: *const jx_subcategory, index: usize, out: *mut *const jx_indicator) -> jx_status {
    item(node::<SubCategory, _>(sub).map(|s| s.indicators.as_slice()), index, out, "sub")
}

// ---- indicators

/// 三级指标 — the indicator's name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_name(indicator: *const jx_indicator) -> jx_str {
    text(node::<Indicator, _>(indicator), |i| &i.name)
}

/// 绩效指标描述 — what is measured.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_description(indicator: *const jx_indicator) -> jx_str {
    text(node::<Indicator, _>(indicator), |i| &i.description)
}

/// 指标值确定依据 — where the value comes from.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_basis(indicator: *const jx_indicator) -> jx_str {
    text(node::<Indicator, _>(indicator), |i| &i.basis)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_line(indicator: *const jx_indicator) -> usize {
    guard_value(0, || node::<Indicator, _>(indicator).map_or(0, |i| i.location.line_number().unwrap_or(0)))
}

/// Where it stands in the source: the line of a text save, a sheet's cell, a Word table's cell or
/// paragraph, a PDF's page; its strings borrow from the document. All 0 and empty for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_location(indicator: *const jx_indicator) -> jx_location {
    guard_value(jx_location::EMPTY, || node::<Indicator, _>(indicator).map_or(jx_location::EMPTY, |i| location_of(&i.location)))
}

/// Fills `*out` with the indicator's target value (指标值).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_target(indicator: *const jx_indicator, out: *mut jx_target) -> jx_status {
    guard(|| {
        let i = node::<Indicator, _>(indicator).ok_or_else(|| Failure::null("indicator"))?;
        fill_target(&i.target, out)
    })
}

/// How many extra columns (label → text) the indicator holds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_extra_count(indicator: *const jx_indicator) -> usize {
    guard_value(0, || node::<Indicator, _>(indicator).map_or(0, |i| i.extra.len()))
}

/// The `index`-th extra column, in label order: writes its label to `*key` and text to `*value`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_extra(indicator: *const jx_indicator, index: usize, key: *mut jx_str, value: *mut jx_str) -> jx_status {
    guard(|| {
        let i = node::<Indicator, _>(indicator).ok_or_else(|| Failure::null("indicator"))?;
        put_pair(&i.extra, index, key, value)
    })
}

/// The `index`-th (label, text) pair of an extra-column map, written to `*key` and `*value`.
pub(crate) fn put_pair(map: &std::collections::BTreeMap<String, String>, index: usize, key: *mut jx_str, value: *mut jx_str) -> Result<(), Failure> {
    let (k, v) = map.iter().nth(index).ok_or_else(|| Failure::out_of_range(index, map.len()))?;
    if key.is_null() || value.is_null() {
        return Err(Failure::null(if key.is_null() { "key" } else { "value" }));
    }
    // SAFETY: both are non-NULL.
    unsafe {
        *key = jx_str::new(k);
        *value = jx_str::new(v);
    }
    Ok(())
}
