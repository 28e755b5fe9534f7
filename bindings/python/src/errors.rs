//! jixiao errors as Python exceptions (defined in `jixiao._errors`, so that they can inherit
//! from both JixiaoError and ValueError), and the panic shield.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

/// What went wrong in a call, before it becomes a Python exception (built once the GIL is held).
pub enum Failure {
    Jixiao(jixiao::Error),
    Panic(String),
}

impl Failure {
    pub fn into_py(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Jixiao(jixiao::Error::Io { origin, source }) => {
                let path = origin.0.unwrap_or_default();
                match source.raw_os_error() {
                    // OSError(errno, strerror, filename) becomes FileNotFoundError & co.
                    Some(errno) => PyOSError::new_err((errno, source.to_string(), path)),
                    None => PyOSError::new_err(format!("{path}: {source}")),
                }
            }
            Failure::Jixiao(e) => {
                let class = match &e {
                    jixiao::Error::Parse { .. } | jixiao::Error::Json { .. } => "ParseError",
                    jixiao::Error::Encoding { .. } => "EncodingError",
                    jixiao::Error::UnsupportedFormat { .. } => "UnsupportedFormatError",
                    _ => "JixiaoError",
                };
                raise(py, class, e.to_string(), e.path().map(str::to_owned), e.line(), e.reason())
            }
            Failure::Panic(what) => raise(py, "JixiaoError", format!("internal error in jixiao (please report it): {what}"), None, None, what),
        }
    }
}

/// Builds an exception of `jixiao._errors.<class>` with its attributes.
fn raise(py: Python<'_>, class: &str, message: String, path: Option<String>, line: Option<usize>, reason: String) -> PyErr {
    let made = py.import("jixiao._errors").and_then(|m| m.getattr(class)).and_then(|c| c.call1((message.clone(), path, line, reason)));
    match made {
        Ok(exc) => PyErr::from_value(exc),
        // The package is broken (the module is missing): still no panic, just a plain error.
        Err(_) => pyo3::exceptions::PyValueError::new_err(message),
    }
}

/// A wrong argument (unknown format name and the like): a JixiaoError that is also a ValueError.
pub fn usage_error(message: String) -> PyErr {
    Python::attach(|py| raise(py, "UsageError", message.clone(), None, None, message))
}

/// Text that is not valid Unicode: a jixiao EncodingError (a ValueError).
pub fn encoding_error(message: String) -> PyErr {
    Python::attach(|py| raise(py, "EncodingError", message.clone(), None, None, message))
}

/// Runs core code: a panic becomes a JixiaoError, never a bare PanicException.
pub fn shield<T>(f: impl FnOnce() -> Result<T, jixiao::Error>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r.map_err(Failure::Jixiao),
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(Failure::Panic(what))
        }
    }
}

/// `shield` run with the thread detached from the interpreter (the GIL released), so other
/// Python threads go on meanwhile.
pub fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> Result<T, jixiao::Error> + Send) -> PyResult<T> {
    py.detach(|| shield(f)).map_err(|e| e.into_py(py))
}

/// `shield` for calls made with the GIL held.
pub fn shielded<T>(py: Python<'_>, f: impl FnOnce() -> Result<T, jixiao::Error>) -> PyResult<T> {
    shield(f).map_err(|e| e.into_py(py))
}
