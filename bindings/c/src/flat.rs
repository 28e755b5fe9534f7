//! Flat iteration: every indicator of a document or of a table by index, with the section,
//! table, category and subcategory it sits in, so that printing every target is one loop.

use jixiao::Table;

use crate::boundary::{Failure, guard, jx_status};
use crate::document::{held, jx_document};
use crate::tree::{jx_category, jx_indicator, jx_section, jx_subcategory, jx_table, node};

/// An indicator and where it stands, all borrowed from the document. `section` is NULL when
/// the indicator was reached from its table (jx_table_indicator).
#[repr(C)]
pub struct jx_indicator_at {
    pub section: *const jx_section,
    pub table: *const jx_table,
    pub category: *const jx_category,
    pub subcategory: *const jx_subcategory,
    pub indicator: *const jx_indicator,
}

fn view<T, V>(node: &T) -> *const V {
    (node as *const T).cast()
}

/// The indicator at `index` of a table (0 ≤ index < jx_table_indicator_count), as (category,
/// subcategory, indicator) positions.
fn table_position(t: &Table, index: usize) -> Option<[usize; 3]> {
    let mut left = index;
    for (c, category) in t.categories.iter().enumerate() {
        for (s, sub) in category.children.iter().enumerate() {
            if left < sub.indicators.len() {
                return Some([c, s, left]);
            }
            left -= sub.indicators.len();
        }
    }
    None
}

fn write(out: *mut jx_indicator_at, at: jx_indicator_at) -> Result<(), Failure> {
    if out.is_null() {
        return Err(Failure::null("out"));
    }
    // SAFETY: `out` is non-NULL.
    unsafe { *out = at };
    Ok(())
}

/// Writes the `index`-th indicator of the document (0 ≤ index < jx_document_indicator_count),
/// in source order, with its section, table, category and subcategory. The first call indexes
/// the document once; every call after is constant time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_indicator(doc: *const jx_document, index: usize, out: *mut jx_indicator_at) -> jx_status {
    guard(|| {
        let held = held(doc).ok_or_else(|| Failure::null("doc"))?;
        let flat = held.flat.get_or_init(|| {
            let mut flat = Vec::with_capacity(held.doc.indicator_count());
            for (s, section) in held.doc.sections.iter().enumerate() {
                for (t, table) in section.tables.iter().enumerate() {
                    for (c, category) in table.categories.iter().enumerate() {
                        for (k, sub) in category.children.iter().enumerate() {
                            flat.extend((0..sub.indicators.len()).map(|i| [s, t, c, k, i]));
                        }
                    }
                }
            }
            flat
        });
        let &[s, t, c, k, i] = flat.get(index).ok_or_else(|| Failure::out_of_range(index, flat.len()))?;
        let section = &held.doc.sections[s];
        let table = &section.tables[t];
        let category = &table.categories[c];
        let sub = &category.children[k];
        write(
            out,
            jx_indicator_at {
                section: view(section),
                table: view(table),
                category: view(category),
                subcategory: view(sub),
                indicator: view(&sub.indicators[i]),
            },
        )
    })
}

/// How many indicators the table holds, under all its categories.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_indicator_count(table: *const jx_table) -> usize {
    crate::boundary::guard_value(0, || node::<Table, _>(table).map_or(0, |t| t.indicators().count()))
}

/// Writes the `index`-th indicator of the table (0 ≤ index < jx_table_indicator_count) with its
/// category and subcategory; `section` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_table_indicator(table: *const jx_table, index: usize, out: *mut jx_indicator_at) -> jx_status {
    guard(|| {
        let t = node::<Table, _>(table).ok_or_else(|| Failure::null("table"))?;
        let [c, k, i] = table_position(t, index).ok_or_else(|| Failure::out_of_range(index, t.indicators().count()))?;
        let category = &t.categories[c];
        let sub = &category.children[k];
        write(
            out,
            jx_indicator_at {
                section: std::ptr::null(),
                table: view(t),
                category: view(category),
                subcategory: view(sub),
                indicator: view(&sub.indicators[i]),
            },
        )
    })
}
