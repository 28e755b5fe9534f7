//! `iter_many` and `read_many`: many files read on threads in Rust and handed to Python in input
//! order. The reading runs on a thread of its own, a bounded channel ahead of the consumer, so an
//! iterator over ten thousand files holds a few documents at a time, not ten thousand.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, sync_channel};

use pyo3::prelude::*;

use crate::document::Document;
use crate::errors::{Failure, shield};

type Outcome = Result<jixiao::Document, Failure>;

/// The paths of any iterable (a list, `Path.glob(...)`, a generator); one str or bytes is a
/// mistake, not a path per character.
pub fn paths(paths: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    if paths.is_instance_of::<pyo3::types::PyString>() || paths.is_instance_of::<pyo3::types::PyBytes>() {
        return Err(pyo3::exceptions::PyTypeError::new_err("paths must be an iterable of paths, not one str or bytes: put the one path in a list"));
    }
    paths.try_iter()?.map(|item| item?.extract::<PathBuf>()).collect()
}

/// The documents of many files, in input order, read ahead on threads in Rust: each item is a
/// `Document`, or the exception reading that file raised. Dropping it stops the reading.
#[pyclass(frozen, module = "jixiao._native")]
pub struct DocumentIterator {
    /// None once the reading thread is done and every result was taken.
    results: Mutex<Option<Receiver<Outcome>>>,
    remaining: AtomicUsize,
}

impl DocumentIterator {
    pub fn start(paths: Vec<PathBuf>, options: jixiao::ReadOptions, jobs: Option<usize>) -> PyResult<Self> {
        let jobs = jobs.filter(|&n| n > 0).unwrap_or_else(jixiao::read::batch::default_jobs);
        let remaining = AtomicUsize::new(paths.len());
        // `in_order` runs at most 4 × jobs files ahead; the channel adds `jobs` more at most.
        let (tx, rx) = sync_channel::<Outcome>(jobs);
        std::thread::Builder::new()
            .name("jixiao-read-many".into())
            .spawn(move || {
                let work = |path: &PathBuf| {
                    let options = jixiao::ReadOptions { path: Some(path.display().to_string()), ..options.clone() };
                    shield(|| jixiao::open(path, &options))
                };
                // A send fails when the iterator was dropped: the reading stops there.
                let _ = jixiao::read::batch::in_order(&paths, jobs, work, |_, result| tx.send(result).map_err(drop));
            })
            .map_err(|e| pyo3::exceptions::PyOSError::new_err(format!("cannot start a thread to read the files: {e}")))?;
        Ok(DocumentIterator { results: Mutex::new(Some(rx)), remaining })
    }

    /// The next file's Document or exception; None when every file was handed on.
    pub fn next_item(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        // The lock is taken without the GIL: a thread waiting here must not hold it while the
        // thread inside waits for the GIL to come back.
        let outcome = py.detach(|| {
            let mut results = self.results.lock().unwrap_or_else(|e| e.into_inner());
            let got = results.as_ref().map(|rx| rx.recv());
            if !matches!(got, Some(Ok(_))) {
                *results = None;
            }
            got.and_then(Result::ok)
        });
        let Some(outcome) = outcome else {
            return Ok(None);
        };
        self.remaining.fetch_sub(1, Ordering::Relaxed);
        Ok(Some(match outcome {
            Ok(doc) => Py::new(py, Document::new(doc))?.into_any(),
            Err(failure) => failure.into_py(py).into_value(py).into_any(),
        }))
    }
}

#[pymethods]
impl DocumentIterator {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        self.next_item(py)
    }

    /// How many files are still to come.
    fn __length_hint__(&self) -> usize {
        self.remaining.load(Ordering::Relaxed)
    }
}
