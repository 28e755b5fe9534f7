//! What an indicator holds besides its target: the actual result, weight and reported score of
//! a self-evaluation, the progress of a monitoring table, and the mid-term block.

use jixiao::{Indicator, Target};

use crate::boundary::guard_value;
use crate::codes::*;
use crate::target::fill_target;
use crate::tree::{jx_indicator, node, text, write_opt};
use crate::types::*;

/// An indicator's mid-term block (中期目标 beside 年度目标).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_midterm {
    pub level2_label: jx_str,
    pub name: jx_str,
    pub target: jx_target,
}

fn indicator<'a>(i: *const jx_indicator) -> Option<&'a Indicator> {
    node::<Indicator, _>(i)
}

/// Fills `*out` from an optional target and returns true; false when absent (or `out` NULL).
fn opt_target(t: Option<&Target>, out: *mut jx_target) -> bool {
    match t {
        Some(t) => fill_target(t, out).is_ok(),
        _ => false,
    }
}

/// Fills `*out` with the actual result (实际完成值) and returns true; false when the table has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_actual(i: *const jx_indicator, out: *mut jx_target) -> bool {
    guard_value(false, || opt_target(indicator(i).and_then(|i| i.actual.as_deref()), out))
}

/// Fills `*out` with the progress so far (1-6月执行数) and returns true; false when none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_progress(i: *const jx_indicator, out: *mut jx_target) -> bool {
    guard_value(false, || opt_target(indicator(i).and_then(|i| i.progress.as_deref()), out))
}

/// Fills `*out` with the value expected at year end (全年预计完成) and returns true; false when none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_expected(i: *const jx_indicator, out: *mut jx_target) -> bool {
    guard_value(false, || opt_target(indicator(i).and_then(|i| i.expected.as_deref()), out))
}

/// Writes the weight (分值 / 权重) and returns true; false when not given as a number.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_weight(i: *const jx_indicator, out: *mut f64) -> bool {
    guard_value(false, || write_opt(indicator(i).and_then(|i| i.weight), out))
}

/// Writes the score the table reports (得分) and returns true; false when not given as a number.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_reported_score(i: *const jx_indicator, out: *mut f64) -> bool {
    guard_value(false, || write_opt(indicator(i).and_then(|i| i.reported_score), out))
}

/// 偏差原因分析 — why the result differs; empty when absent.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_deviation(i: *const jx_indicator) -> jx_str {
    text(indicator(i), |i| &i.deviation)
}

/// 完成目标可能性 of a monitoring table; NONE when absent.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_likelihood(i: *const jx_indicator) -> jx_likelihood {
    guard_value(jx_likelihood::JX_LIKELIHOOD_NONE, || likelihood_code(indicator(i).and_then(|i| i.likelihood)))
}

/// Deprecated: the old name of jx_indicator_likelihood (accessors are jx_<type>_<field>; `get_`
/// only where that name is a type's, as jx_table_get_kind beside the type jx_table_kind).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_get_likelihood(i: *const jx_indicator) -> jx_likelihood {
    unsafe { jx_indicator_likelihood(i) }
}

/// Fills `*out` with the mid-term block and returns true; false when the table has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_indicator_midterm(i: *const jx_indicator, out: *mut jx_midterm) -> bool {
    guard_value(false, || {
        let Some(m) = indicator(i).and_then(|i| i.midterm.as_ref()) else { return false };
        if out.is_null() {
            return false;
        }
        let mut target = std::mem::MaybeUninit::<jx_target>::uninit();
        if fill_target(&m.target, target.as_mut_ptr()).is_err() {
            return false;
        }
        // SAFETY: fill_target wrote `target`; `out` is non-NULL.
        unsafe { *out = jx_midterm { level2_label: jx_str::new(&m.level2_label), name: jx_str::new(&m.name), target: target.assume_init() } };
        true
    })
}
