//! Status codes, the thread's last error, and the panic boundary every export sits behind.

use std::cell::RefCell;
use std::ffi::{CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Result of every fallible call. Values are fixed and never reused.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum jx_status {
    JX_STATUS_OK = 0,
    /// A required pointer argument was NULL.
    JX_STATUS_NULL_ARGUMENT = 1,
    /// A string argument (path, text) was not valid UTF-8.
    JX_STATUS_INVALID_UTF8 = 2,
    /// The input is a format this build does not read, or the format code is unknown.
    JX_STATUS_UNSUPPORTED_FORMAT = 3,
    /// The input is text but not a performance document.
    JX_STATUS_PARSE_ERROR = 4,
    /// A file could not be read.
    JX_STATUS_IO_ERROR = 5,
    /// An index was past the end.
    JX_STATUS_OUT_OF_RANGE = 6,
    /// jixiao panicked; the call did nothing. Please report it.
    JX_STATUS_PANIC = 7,
    /// The bytes are not text in UTF-8, UTF-16 or GB18030.
    JX_STATUS_ENCODING_ERROR = 8,
    /// JSON that does not hold a jixiao document.
    JX_STATUS_JSON_ERROR = 9,
    /// An output could not be produced.
    JX_STATUS_OUTPUT_ERROR = 10,
    /// An argument's value is not one the call takes (an unknown review rule or level).
    JX_STATUS_INVALID_ARGUMENT = 11,
}

use jx_status::*;

/// Why a call failed: the status and the message for jx_last_error.
pub(crate) struct Failure {
    pub status: jx_status,
    pub message: String,
    pub line: usize,
}

impl Failure {
    pub fn new(status: jx_status, message: impl Into<String>) -> Self {
        Failure { status, message: message.into(), line: 0 }
    }

    pub fn null(argument: &str) -> Self {
        Failure::new(JX_STATUS_NULL_ARGUMENT, format!("argument `{argument}` is NULL"))
    }

    pub fn out_of_range(index: usize, count: usize) -> Self {
        Failure::new(JX_STATUS_OUT_OF_RANGE, format!("index {index} is out of range (count {count})"))
    }
}

impl From<jixiao::Error> for Failure {
    fn from(e: jixiao::Error) -> Self {
        let status = match &e {
            jixiao::Error::Parse { .. } => JX_STATUS_PARSE_ERROR,
            jixiao::Error::Encoding { .. } => JX_STATUS_ENCODING_ERROR,
            jixiao::Error::UnsupportedFormat { .. } => JX_STATUS_UNSUPPORTED_FORMAT,
            jixiao::Error::Io { .. } => JX_STATUS_IO_ERROR,
            jixiao::Error::Json { .. } => JX_STATUS_JSON_ERROR,
            jixiao::Error::Write(_) => JX_STATUS_OUTPUT_ERROR,
            jixiao::Error::Usage(_) => JX_STATUS_INVALID_ARGUMENT,
        };
        Failure { status, message: e.to_string(), line: e.line().unwrap_or(0) }
    }
}

/// The caller's `len` bytes at `data`; NULL is fine when `len` is 0.
pub(crate) fn input_bytes<'a>(data: *const u8, len: usize, name: &str) -> Result<&'a [u8], Failure> {
    // No allocation is larger than PTRDIFF_MAX; a larger length is the caller's mistake, and
    // making a slice of it would be undefined behaviour.
    if len > isize::MAX as usize {
        return Err(Failure::new(JX_STATUS_OUT_OF_RANGE, format!("`{name}` length {len} is larger than PTRDIFF_MAX")));
    }
    match (data.is_null(), len) {
        (_, 0) => Ok(&[]),
        (true, _) => Err(Failure::null(name)),
        // SAFETY: the caller passes `len` readable bytes at `data`, alive for the call.
        (false, _) => Ok(unsafe { std::slice::from_raw_parts(data, len) }),
    }
}

thread_local! {
    static LAST_ERROR: RefCell<(CString, usize)> = RefCell::new((CString::default(), 0));
}

fn set_last_error(message: &str, line: usize) {
    let c = CString::new(message.replace('\0', "\\0")).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = (c, line));
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let what =
        payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned()).unwrap_or_else(|| "unknown panic".into());
    format!("internal error (panic) in jixiao: {what}")
}

/// Runs a fallible export: a panic becomes JX_STATUS_PANIC, never an abort; an error is
/// recorded for jx_last_error; success clears it.
pub(crate) fn guard(f: impl FnOnce() -> Result<(), Failure>) -> jx_status {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => {
            set_last_error("", 0);
            JX_STATUS_OK
        }
        Ok(Err(failure)) => {
            set_last_error(&failure.message, failure.line);
            failure.status
        }
        Err(payload) => {
            set_last_error(&panic_message(payload.as_ref()), 0);
            JX_STATUS_PANIC
        }
    }
}

/// Runs an infallible export (a getter): a panic gives the neutral value.
pub(crate) fn guard_value<T>(neutral: T, f: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(payload) => {
            set_last_error(&panic_message(payload.as_ref()), 0);
            neutral
        }
    }
}

/// The calling thread's last error message, NUL-terminated; "" when the last fallible call
/// succeeded. Valid until the thread's next jixiao call.
#[unsafe(no_mangle)]
pub extern "C" fn jx_last_error() -> *const c_char {
    LAST_ERROR.with(|e| e.borrow().0.as_ptr())
}

/// The 1-based line the calling thread's last error points at; 0 when none.
#[unsafe(no_mangle)]
pub extern "C" fn jx_last_error_line() -> usize {
    LAST_ERROR.with(|e| e.borrow().1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_status_not_an_abort() {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let status = guard(|| panic!("boom"));
        std::panic::set_hook(prev);
        assert_eq!(status, JX_STATUS_PANIC);
        let msg = unsafe { std::ffi::CStr::from_ptr(jx_last_error()) }.to_str().unwrap();
        assert!(msg.contains("boom"), "{msg}");
        assert_eq!(guard_value(7, || panic!("x")), 7);
        assert_eq!(guard(|| Ok(())), JX_STATUS_OK);
        assert_eq!(unsafe { std::ffi::CStr::from_ptr(jx_last_error()) }.to_bytes(), b"");
    }
}
