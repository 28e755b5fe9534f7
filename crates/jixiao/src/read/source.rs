//! An input's bytes and where they came from: the caller's, or a regular file the read opened
//! itself, which a reader that keeps what it parsed (PDF) lets go of early and reads again, from
//! the same handle, only to repair it.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::Path;
use std::time::SystemTime;

pub(crate) enum Source<'a> {
    Bytes(&'a [u8]),
    File(FileSource),
}

/// A regular file read whole, the handle it was read through, and what it was then.
pub(crate) struct FileSource {
    file: File,
    bytes: Vec<u8>,
    stamp: Stamp,
}

/// What a file was when it was read: a file changed since is not read again as if it were the same.
#[derive(PartialEq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Stamp {
        Stamp { len: meta.len(), modified: meta.modified().ok() }
    }
}

/// A file opened: read whole (a regular file as a [`FileSource`], anything else, a pipe or a
/// device, which cannot be read twice, as bytes the caller keeps), or a regular file left for
/// the reader its first bytes name, which reads it its own way (see [`open`]).
pub(crate) enum Opened {
    File(FileSource),
    Once(Vec<u8>),
    Unread(UnreadFile),
}

/// A regular file opened and not yet read, at its start.
pub(crate) struct UnreadFile {
    file: File,
    stamp: Stamp,
}

impl UnreadFile {
    /// Its length when it was opened.
    pub(crate) fn len(&self) -> u64 {
        self.stamp.len
    }

    /// Its handle, to read from (at its start until then).
    pub(crate) fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// The file as read by its reader: `bytes` stand for it, and it is read again through the
    /// same handle, as it is, when the reader asks (see [`Source::restore`]); an error when the
    /// file changed while it was read.
    pub(crate) fn read_as(self, bytes: Vec<u8>) -> io::Result<FileSource> {
        if Stamp::of(&self.file.metadata()?) != self.stamp {
            return Err(io::Error::other("the file changed while it was read"));
        }
        Ok(FileSource { file: self.file, bytes, stamp: self.stamp })
    }

    /// The file read whole.
    pub(crate) fn read_whole(self) -> io::Result<FileSource> {
        let bytes = read_again(&self.file, &self.stamp)?;
        self.read_as(bytes)
    }
}

/// How much of a file's start `open` looks at to know whether to leave it unread.
const HEAD: usize = 1024;

/// Opens `path` and reads it whole, unless it is a regular file whose first bytes `leave_unread`
/// says its reader reads its own way (a PDF, whose Type 1 font programs need not be held).
pub(crate) fn open(path: &Path, leave_unread: &dyn Fn(&[u8]) -> bool) -> io::Result<Opened> {
    let mut file = File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_file() {
        let mut head = Vec::with_capacity(HEAD);
        (&mut file).take(HEAD as u64).read_to_end(&mut head)?;
        // A file whose size is not what it holds (a kernel's file says 0) is read whole.
        if meta.len() >= head.len() as u64 && leave_unread(&head) {
            file.rewind()?;
            return Ok(Opened::Unread(UnreadFile { file, stamp: Stamp::of(&meta) }));
        }
        file.rewind()?;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    if !meta.is_file() {
        return Ok(Opened::Once(bytes));
    }
    // What the file was before it was read: one that changed while it was read is not read
    // again as the same.
    let stamp = Stamp::of(&meta);
    Ok(Opened::File(FileSource { file, bytes, stamp }))
}

impl<'a> Source<'a> {
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Source::Bytes(bytes) => bytes,
            Source::File(f) => &f.bytes,
        }
    }

    /// Lets a file's bytes go (a reader that has what it needs of them); [`Source::bytes`] is
    /// empty then. The caller's bytes stay.
    pub(crate) fn release(&mut self) {
        if let Source::File(f) = self {
            f.bytes = Vec::new();
        }
    }

    /// Reads a file's bytes again, through the same handle, after a reader changed or let go of
    /// them; an error when the file is not what it was. The caller's bytes are as they were.
    pub(crate) fn restore(&mut self) -> io::Result<()> {
        if let Source::File(f) = self {
            f.bytes = read_again(&f.file, &f.stamp)?;
        }
        Ok(())
    }

    /// What is left once a file's bytes are let go: the caller's bytes, or the file's handle.
    pub(crate) fn let_go(self) -> Reread<'a> {
        match self {
            Source::Bytes(bytes) => Reread::Bytes(bytes),
            Source::File(FileSource { file, stamp, .. }) => Reread::File(file, stamp),
        }
    }
}

/// A [`Source`] whose file's bytes were let go.
pub(crate) enum Reread<'a> {
    Bytes(&'a [u8]),
    File(File, Stamp),
}

impl Reread<'_> {
    /// The bytes again: the caller's as they are, a file's read anew through the same handle;
    /// an error when the file is not what it was.
    pub(crate) fn bytes(&self) -> io::Result<Cow<'_, [u8]>> {
        match self {
            Reread::Bytes(bytes) => Ok(Cow::Borrowed(bytes)),
            Reread::File(file, stamp) => read_again(file, stamp).map(Cow::Owned),
        }
    }
}

/// The file's bytes read anew through its handle, while it is what it was when first read.
fn read_again(file: &File, stamp: &Stamp) -> io::Result<Vec<u8>> {
    let changed = || io::Error::other("the file changed while it was read");
    if Stamp::of(&file.metadata()?) != *stamp {
        return Err(changed());
    }
    let mut file = file;
    file.rewind()?;
    let mut bytes = Vec::with_capacity(usize::try_from(stamp.len).unwrap_or(0));
    file.take(stamp.len.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != stamp.len {
        return Err(changed());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = std::env::temp_dir().join(format!("jixiao-source-{name}-{}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn a_file_is_read_again_through_its_handle_and_not_once_it_changed() {
        let path = temp("again", b"%PDF-1.7 one");
        let Ok(Opened::File(file)) = open(&path, &|_| false) else { panic!("a regular file") };
        let mut source = Source::File(file);
        assert_eq!(source.bytes(), b"%PDF-1.7 one");
        source.release();
        assert!(source.bytes().is_empty());
        let reread = source.let_go();
        assert_eq!(&*reread.bytes().unwrap(), b"%PDF-1.7 one");
        std::fs::write(&path, b"%PDF-1.7 another").unwrap();
        let error = reread.bytes().unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert!(error.to_string().contains("changed"), "{error}");
    }

    #[test]
    fn what_cannot_be_read_twice_is_kept_by_the_caller() {
        assert!(matches!(open(Path::new("/dev/null"), &|_| true), Ok(Opened::Once(bytes)) if bytes.is_empty()));
    }
}
