//! Owned output strings (JSON, CSV, text) and the static ones (version, schema).

use std::ffi::{CString, c_char};
use std::sync::LazyLock;

const HEADER: usize = size_of::<usize>();

/// Hands a string to C: NUL-terminated, with its length stored before it so that jx_string_free
/// can release it even when the text holds a NUL.
pub(crate) fn give(s: String) -> (*mut c_char, usize) {
    let len = s.len();
    let mut buf = Vec::with_capacity(HEADER + len + 1);
    buf.extend_from_slice(&len.to_ne_bytes());
    buf.extend_from_slice(s.as_bytes());
    buf.push(0);
    let raw = Box::into_raw(buf.into_boxed_slice()) as *mut u8;
    // SAFETY: the allocation is HEADER + len + 1 bytes long.
    (unsafe { raw.add(HEADER) }.cast(), len)
}

/// Runs a writer export: `value` (NULL → JX_STATUS_NULL_ARGUMENT naming `what`) written by `f`,
/// handed to C in `*out` (its length in `*out_len` unless that is NULL), only on success.
pub(crate) fn write_string<T: ?Sized>(
    value: Option<&T>,
    what: &str,
    out: *mut *mut c_char,
    out_len: *mut usize,
    f: impl FnOnce(&T) -> Result<String, crate::boundary::Failure>,
) -> crate::boundary::jx_status {
    use crate::boundary::Failure;
    crate::boundary::guard(|| {
        let value = value.ok_or_else(|| Failure::null(what))?;
        if out.is_null() {
            return Err(Failure::null("out"));
        }
        let (p, len) = give(f(value)?);
        // SAFETY: `out` is non-NULL; `out_len` may be NULL.
        unsafe {
            *out = p;
            if !out_len.is_null() {
                *out_len = len;
            }
        }
        Ok(())
    })
}

/// Frees a string returned by jx_document_to_json, jx_document_to_csv, jx_document_to_text or
/// jx_document_to_html.
/// NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    crate::boundary::guard_value((), || {
        // SAFETY: `s` came from `give`, so HEADER bytes before it hold the text's length.
        unsafe {
            let start = s.cast::<u8>().sub(HEADER);
            let mut len = [0u8; HEADER];
            std::ptr::copy_nonoverlapping(start, len.as_mut_ptr(), HEADER);
            let total = HEADER + usize::from_ne_bytes(len) + 1;
            drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(start, total)));
        }
    })
}

/// The library version, e.g. "0.1.0" (static; do not free).
#[unsafe(no_mangle)]
pub extern "C" fn jx_version() -> *const c_char {
    static VERSION: LazyLock<CString> = LazyLock::new(|| CString::new(env!("CARGO_PKG_VERSION")).unwrap_or_default());
    VERSION.as_ptr()
}

/// The JSON Schema of the document (draft 2020-12), NUL-terminated (static; do not free).
#[unsafe(no_mangle)]
pub extern "C" fn jx_schema_json() -> *const c_char {
    static SCHEMA: LazyLock<CString> = LazyLock::new(|| CString::new(jixiao::schema::schema_json()).unwrap_or_default());
    crate::boundary::guard_value(c"".as_ptr(), || SCHEMA.as_ptr())
}

/// The version as numbers; a test holds them to Cargo.toml.
pub const JX_VERSION_MAJOR: u32 = 0;
pub const JX_VERSION_MINOR: u32 = 1;
pub const JX_VERSION_PATCH: u32 = 0;

#[cfg(test)]
mod tests {
    #[test]
    fn version_macros_match_cargo_toml() {
        assert_eq!(super::JX_VERSION_MAJOR.to_string(), env!("CARGO_PKG_VERSION_MAJOR"));
        assert_eq!(super::JX_VERSION_MINOR.to_string(), env!("CARGO_PKG_VERSION_MINOR"));
        assert_eq!(super::JX_VERSION_PATCH.to_string(), env!("CARGO_PKG_VERSION_PATCH"));
    }

    #[test]
    fn strings_with_a_nul_round_trip_through_free() {
        let (p, len) = super::give("a\0b".into());
        assert_eq!(len, 3);
        unsafe { super::jx_string_free(p) };
    }
}
