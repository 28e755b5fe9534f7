//! Documents in: uploaded files (a .zip expanded to its entries) and the paths given at start.
//! The format is decided from the content, as the library does; a file that cannot be read is
//! an entry with its one-line reason, never a failure of the server.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use jixiao::{Document, ScoreReport};

use crate::Config;

/// One input: a document read, or the reason it could not be.
pub struct Entry {
    /// The id pages name it by (unique in the process).
    pub id: u64,
    /// The file's name as uploaded (with its .zip's name before it: `a.zip/b.docx`).
    pub name: String,
    /// Its size in bytes.
    pub size: usize,
    /// What was read.
    pub outcome: Result<Loaded, String>,
}

/// A document read, its format and its score report (computed once: it needs no settings).
pub struct Loaded {
    pub doc: Document,
    pub format: &'static str,
    pub score: ScoreReport,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// One file's bytes read into an entry.
pub fn read(name: &str, bytes: &[u8], config: &Config) -> Entry {
    let options = jixiao::ReadOptions { path: Some(name.to_owned()), ..config.read.clone() };
    let format = jixiao::read::detect(bytes, &options);
    // The library turns a panic of a third-party parser into the file's error; anything else is
    // caught here, so that one file never ends the server.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| jixiao::parse_bytes(bytes, &options)));
    let outcome = match parsed {
        Ok(Ok(doc)) => {
            let score = jixiao::score(&doc, &config.scoring);
            Ok(Loaded { doc, format: format.as_str(), score })
        }
        Ok(Err(e)) => Err(one_line(&e.to_string())),
        Err(_) => Err(format!("{name}: internal error while reading (please report it)")),
    };
    Entry { id: NEXT_ID.fetch_add(1, Ordering::Relaxed), name: name.to_owned(), size: bytes.len(), outcome }
}

fn one_line(text: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Whether the bytes are a ZIP archive that no reader takes as a document (a .docx, .xlsx and
/// .ods are ZIP archives too, and are documents).
fn is_plain_zip(bytes: &[u8], config: &Config) -> bool {
    bytes.starts_with(b"PK\x03\x04") && jixiao::read::detect(bytes, &config.read) == jixiao::Format::Auto
}

/// An entry's name: UTF-8 when it is, else GB18030 as Chinese archivers write them.
fn entry_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_owned(),
        Err(_) => jixiao::read::decode(raw, jixiao::Encoding::Gb18030, &Default::default())
            .map_or_else(|_| String::from_utf8_lossy(raw).into_owned(), |s| s.into_owned()),
    }
}

/// The entries of one upload: a document, or each document in a .zip (bounded by the reader's
/// limits: entries, and bytes inflated all together, counted as they are inflated).
pub fn expand(name: &str, bytes: &[u8], config: &Config) -> Vec<Entry> {
    if !is_plain_zip(bytes, config) {
        return vec![read(name, bytes, config)];
    }
    let failed = |reason: String| vec![Entry { id: NEXT_ID.fetch_add(1, Ordering::Relaxed), name: name.to_owned(), size: bytes.len(), outcome: Err(reason) }];
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) => return failed(format!("{name}: not a ZIP archive that can be read: {e}")),
    };
    let limits = &config.read.limits;
    if archive.len() > limits.max_entries {
        return failed(format!("{name}: {} entries, more than the limit of {}", archive.len(), limits.max_entries));
    }
    let mut left = limits.max_bytes;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut file = match archive.by_index(i) {
            Ok(f) => f,
            Err(e) => {
                out.extend(failed(format!("{name}: entry {}: {e}", i + 1)));
                continue;
            }
        };
        let inner = entry_name(file.name_raw());
        let hidden = inner.split('/').any(|part| part.starts_with('.') || part == "__MACOSX");
        if file.is_dir() || hidden {
            continue;
        }
        let label = format!("{name}/{inner}");
        let mut data = Vec::new();
        match (&mut file).take(left.saturating_add(1)).read_to_end(&mut data) {
            Ok(n) if n as u64 > left => {
                out.extend(failed(format!("{label}: the archive inflates past the limit of {} bytes", limits.max_bytes)));
                break;
            }
            Ok(n) => left -= n as u64,
            Err(e) => {
                out.push(Entry { id: NEXT_ID.fetch_add(1, Ordering::Relaxed), name: label, size: 0, outcome: Err(format!("{name}/{inner}: {e}")) });
                continue;
            }
        }
        // A .zip inside a .zip is not opened again.
        if is_plain_zip(&data, config) {
            out.push(Entry {
                id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
                name: label.clone(),
                size: data.len(),
                outcome: Err(format!("{label}: a ZIP archive inside a ZIP archive is not opened")),
            });
            continue;
        }
        out.push(read(&label, &data, config));
    }
    if out.is_empty() {
        return failed(format!("{name}: the ZIP archive holds no file"));
    }
    out
}

/// The files given at start, each read into an entry (several at once); an error only when one
/// cannot be opened at all.
pub fn paths(paths: &[PathBuf], config: &Config) -> Result<Vec<Arc<Entry>>, String> {
    let mut files = Vec::new();
    for p in paths {
        let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
        files.push((p.display().to_string(), bytes));
    }
    let mut out: Vec<Arc<Entry>> = Vec::new();
    let jobs = jixiao::read::batch::default_jobs();
    let _ = jixiao::read::batch::in_order(
        &files,
        jobs,
        |(name, bytes)| expand(name, bytes, config),
        |_, entries| -> Result<(), ()> {
            out.extend(entries.into_iter().map(Arc::new));
            Ok(())
        },
    );
    Ok(out)
}
