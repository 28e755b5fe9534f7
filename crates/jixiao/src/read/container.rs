//! ZIP containers (.docx, .xlsx, .ods) read within [`Limits`]: the number of entries and the
//! bytes inflated are counted as they are read, so a zip bomb is a clear error, never an
//! out-of-memory.

use std::io::{Cursor, Read};

use crate::error::{Error, Origin, Result};

/// Bounds on what one input may make jixiao hold or walk; generous by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes inflated from a container, all parts together.
    pub max_bytes: u64,
    /// Entries in a container.
    pub max_entries: usize,
    /// Nesting depth of an XML part.
    pub max_depth: usize,
    /// Cells of a spreadsheet or of a Word file's tables, all together.
    pub max_cells: usize,
    /// Bytes the model of one read may take as it is built (see `read::budget`); None: the
    /// lesser of 1 GiB and 64 × the input, but at least 16 MiB.
    pub max_memory: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 512 << 20, max_entries: 20_000, max_depth: 256, max_cells: 2_000_000, max_memory: None }
    }
}

/// Counts one more table cell of a document, `what` naming them in the error once there are
/// more than `max_cells` (the Word and HTML readers count as they lay out).
pub fn count_cell(cells: &mut usize, limits: &Limits, origin: &Origin, what: &str) -> Result<()> {
    *cells += 1;
    if *cells > limits.max_cells {
        return Err(over_limit(origin, what, limits.max_cells, "max_cells"));
    }
    Ok(())
}

/// The error for a limit passed: what, how much, and how to raise it.
pub fn over_limit(origin: &Origin, what: &str, limit: impl std::fmt::Display, option: &str) -> Error {
    Error::Parse {
        origin: origin.clone(),
        line: None,
        reason: format!("{what} exceeds the limit of {limit} (raise it with ReadOptions::limits.{option} or --{})", option.replace('_', "-")),
    }
}

/// Whether the bytes are a ZIP archive holding an entry named `name` (read from the central
/// directory's names, without inflating anything).
pub fn zip_has(bytes: &[u8], name: &str) -> bool {
    bytes.starts_with(b"PK\x03\x04") && contains(bytes, name.as_bytes())
}

/// The signature an OLE compound file (old .doc, .xls, WPS files) starts with.
pub const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether the bytes are a compound file naming a stream `name` in its directory, without
/// reading the file's structure (so a file cut short still tells what it was). A directory entry
/// is 128 bytes, at a multiple of 128 in the file, and starts with the name in UTF-16LE ended by
/// a zero unit: the same words in the document's own text do not look like that.
pub fn cfb_has_stream(bytes: &[u8], name: &str) -> bool {
    let mut entry: Vec<u8> = name.bytes().flat_map(|b| [b, 0]).collect();
    entry.extend([0, 0]);
    bytes.starts_with(CFB_MAGIC) && memchr::memmem::find_iter(bytes, &entry).any(|at| at % 128 == 0)
}

/// Whether `needle` stands anywhere in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The first name two entries of the ZIP's central directory share, if any. Read from the
/// end-of-central-directory record and the directory's headers themselves (the ZIP library
/// keeps one entry per name); a directory it cannot walk is left to the library.
fn duplicate_entry(bytes: &[u8]) -> Option<String> {
    use super::le::{u16_at, u32_at};
    let tail = bytes.len().saturating_sub(65_557);
    let eocd = tail + memchr::memmem::rfind(&bytes[tail..], b"PK\x05\x06")?;
    let count = u16_at(bytes, eocd + 10)? as usize;
    let mut at = u32_at(bytes, eocd + 16)? as usize;
    let mut seen = std::collections::HashSet::with_capacity(count.min(1 << 16));
    for _ in 0..count {
        if u32_at(bytes, at)? != 0x0201_4b50 {
            return None;
        }
        let (name_len, extra, comment) = (u16_at(bytes, at + 28)? as usize, u16_at(bytes, at + 30)? as usize, u16_at(bytes, at + 32)? as usize);
        let name = bytes.get(at + 46..at + 46 + name_len)?;
        if !seen.insert(name) {
            return Some(String::from_utf8_lossy(name).into_owned());
        }
        at += 46 + name_len + extra + comment;
    }
    None
}

pub struct Container<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    origin: Origin,
    /// Bytes inflated so far.
    used: u64,
}

impl<'a> Container<'a> {
    pub fn open(bytes: &'a [u8], limits: Limits, origin: &Origin, what: &str) -> Result<Self> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Parse {
            origin: origin.clone(),
            line: None,
            reason: format!("a damaged {what} (its ZIP container cannot be read: {e})"),
        })?;
        if archive.len() > limits.max_entries {
            return Err(over_limit(origin, &format!("the {what}'s {} ZIP entries", archive.len()), limits.max_entries, "max_entries"));
        }
        // The ZIP library keeps one entry per name, the last: a second entry of a name would
        // silently stand for the first (a sheet, a document body), so it is refused.
        if let Some(name) = duplicate_entry(bytes) {
            return Err(Error::Parse {
                origin: origin.clone(),
                line: None,
                reason: format!("a damaged {what}: its ZIP container holds two entries named {name} (which one is meant cannot be told)"),
            });
        }
        Ok(Container { archive, limits, origin: origin.clone(), used: 0 })
    }

    /// The names of the container's entries.
    pub fn names(&self) -> impl Iterator<Item = String> {
        self.archive.file_names().filter_map(|n| n.ok().map(|n| n.into_owned()))
    }

    /// Fails when the entries' declared sizes add up past the limit (for containers another
    /// library inflates).
    pub fn check_declared_size(&mut self) -> Result<()> {
        let mut total = 0u64;
        for i in 0..self.archive.len() {
            if let Ok(f) = self.archive.by_index_raw(i) {
                total = total.saturating_add(f.size());
            }
        }
        if total > self.limits.max_bytes {
            return Err(over_limit(&self.origin, "the bytes the container would inflate", self.limits.max_bytes, "max_bytes"));
        }
        Ok(())
    }

    /// An entry as it inflates, or None when the container has no such entry: the bytes it
    /// inflates count against `max_bytes` as they are read, and past it a read fails (then
    /// [`Container::within_limit`] says why).
    pub fn stream(&mut self, name: &str) -> Result<Option<Entry<'_, 'a>>> {
        let Container { archive, limits, origin, used } = self;
        match archive.by_name(name) {
            Ok(file) => Ok(Some(Entry { file, used, max: limits.max_bytes })),
            Err(zip::result::ZipError::FileNotFound) => Ok(None),
            Err(e) => Err(Error::Parse { origin: origin.clone(), line: None, reason: format!("{name}: {e}") }),
        }
    }

    /// The size an entry says it inflates to (a claim, not checked: inflating it counts what
    /// it really gives), or None when there is no such entry.
    pub fn declared_size(&mut self, name: &str) -> Option<u64> {
        let index = self.archive.index_for_name(name)?;
        self.archive.by_index_raw(index).ok().map(|f| f.size())
    }

    /// The bytes inflated so far.
    pub fn inflated(&self) -> u64 {
        self.used
    }

    /// Takes back what was inflated since [`Container::inflated`] said `used`: for a part
    /// inflated twice (once to learn what it builds, once to build it), which counts once.
    pub fn rewind(&mut self, used: u64) {
        self.used = self.used.min(used);
    }

    /// The error for the bytes inflated past `max_bytes`, if they are.
    pub fn within_limit(&self) -> Result<()> {
        if self.used > self.limits.max_bytes {
            return Err(over_limit(&self.origin, "the bytes inflated from the container", self.limits.max_bytes, "max_bytes"));
        }
        Ok(())
    }

    /// An entry's bytes, or None when the container has no such entry.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let mut file = match self.archive.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(Error::Parse { origin: self.origin.clone(), line: None, reason: format!("{name}: {e}") }),
        };
        let room = self.limits.max_bytes.saturating_sub(self.used);
        let mut out = Vec::with_capacity(file.size().min(room).min(64 << 20) as usize);
        (&mut file).take(room + 1).read_to_end(&mut out).map_err(|e| Error::Parse {
            origin: self.origin.clone(),
            line: None,
            reason: format!("{name}: {e}"),
        })?;
        self.used += out.len() as u64;
        if out.len() as u64 > room {
            return Err(over_limit(&self.origin, "the bytes inflated from the container", self.limits.max_bytes, "max_bytes"));
        }
        Ok(Some(out))
    }
}

/// An entry of a [`Container`] as it inflates, within the container's `max_bytes`.
pub struct Entry<'c, 'a> {
    file: zip::read::ZipFile<'c, Cursor<&'a [u8]>>,
    used: &'c mut u64,
    max: u64,
}

impl Read for Entry<'_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let room = (self.max + 1).saturating_sub(*self.used);
        if room == 0 || *self.used > self.max {
            return Err(std::io::Error::other(format!("more than {} bytes inflated", self.max)));
        }
        let take = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let n = self.file.read(&mut buf[..take])?;
        *self.used += n as u64;
        if *self.used > self.max {
            return Err(std::io::Error::other(format!("more than {} bytes inflated", self.max)));
        }
        Ok(n)
    }
}
