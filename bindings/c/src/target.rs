//! Target values: the jx_target struct for indicators, and jx_target_parse for single values.

use std::ffi::c_void;

use jixiao::Target;

use crate::boundary::{Failure, guard, guard_value, input_bytes, jx_status};
use crate::codes::*;
use crate::types::*;

/// An owned target read by jx_target_parse. Free with jx_parsed_target_free.
pub struct jx_parsed_target {
    _private: [u8; 0],
}

fn date_of(d: jixiao::Date) -> jx_date {
    jx_date { year: d.year.unwrap_or(0), month: d.month.map_or(0, u32::from), day: d.day.map_or(0, u32::from) }
}

/// Fills `out` from a target; its strings borrow from `t`.
pub(crate) fn fill_target(t: &Target, out: *mut jx_target) -> Result<(), Failure> {
    if out.is_null() {
        return Err(Failure::null("out"));
    }
    let value = jx_target {
        raw: jx_str::new(&t.raw),
        kind: target_kind_code(t.kind),
        comparator: comparator_code(t.comparator),
        sign_given: t.sign_given,
        has_value: t.value.is_some(),
        value: t.value.unwrap_or(0.0),
        has_upper: t.upper.is_some(),
        upper: t.upper.unwrap_or(0.0),
        unit: jx_str::opt(t.unit.as_deref()),
        unit_kind: unit_kind_code(t.unit_kind),
        has_value_yuan: t.value_yuan.is_some(),
        value_yuan: t.value_yuan.unwrap_or(0.0),
        direction: direction_code(t.direction),
        part_count: t.parts.len(),
        comparator_inferred: t.comparator_inferred,
        has_date: t.date.is_some(),
        date: t.date.map(date_of).unwrap_or_default(),
        has_until: t.until.is_some(),
        until: t.until.map(date_of).unwrap_or_default(),
        note: jx_str::opt(t.note.as_deref()),
        internal: (t as *const Target).cast::<c_void>(),
    };
    // SAFETY: `out` is non-NULL.
    unsafe { *out = value };
    Ok(())
}

/// Reads a target value from `len` bytes of UTF-8 at `text`, as a table cell would be read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_target_parse(text: *const u8, len: usize, out: *mut *mut jx_parsed_target) -> jx_status {
    guard(|| {
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        let s = std::str::from_utf8(input_bytes(text, len, "text")?)
            .map_err(|e| Failure::new(jx_status::JX_STATUS_INVALID_UTF8, format!("text is not valid UTF-8 (byte {})", e.valid_up_to())))?;
        // SAFETY: `out` is non-NULL.
        unsafe { *out = Box::into_raw(Box::new(Target::parse(s))).cast() };
        Ok(())
    })
}

/// Fills `*out` from a parsed target; its strings borrow from `parsed`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_parsed_target_get(parsed: *const jx_parsed_target, out: *mut jx_target) -> jx_status {
    guard(|| {
        // SAFETY: a non-NULL jx_parsed_target came from Box<Target>::into_raw.
        let t = unsafe { parsed.cast::<Target>().as_ref() }.ok_or_else(|| Failure::null("parsed"))?;
        fill_target(t, out)
    })
}

/// Frees a target from jx_target_parse. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_parsed_target_free(parsed: *mut jx_parsed_target) {
    if !parsed.is_null() {
        // SAFETY: it came from Box::into_raw and is freed once.
        guard_value((), || drop(unsafe { Box::from_raw(parsed.cast::<Target>()) }));
    }
}

/// The `index`-th part of a compound target.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_target_get_part(target: *const jx_target, index: usize, out: *mut jx_target_part) -> jx_status {
    guard(|| {
        // SAFETY: `target` was filled by fill_target, so `internal` points at its Target.
        let t = unsafe { target.as_ref() }.ok_or_else(|| Failure::null("target"))?;
        let t = unsafe { t.internal.cast::<Target>().as_ref() }.ok_or_else(|| Failure::null("target->internal"))?;
        let p = t.parts.get(index).ok_or_else(|| Failure::out_of_range(index, t.parts.len()))?;
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        // SAFETY: `out` is non-NULL.
        unsafe { *out = jx_target_part { text: jx_str::new(&p.text), value: p.value, unit: jx_str::opt(p.unit.as_deref()) } };
        Ok(())
    })
}
