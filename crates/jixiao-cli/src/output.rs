//! Where results go: standard output or the `-o` file, written as they are made so that a batch
//! of documents is never held in memory as text. The file is created at the first write (or at
//! the end, empty), so a run that fails before writing leaves no file behind.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use crate::Failure;

pub struct Output {
    path: Option<PathBuf>,
    sink: Option<Box<dyn Write>>,
    /// Standard output's reader went away (`| head`): that is the reader's choice, not an
    /// error, and nothing more is written.
    closed: bool,
}

impl Output {
    pub fn new(path: Option<&PathBuf>) -> Self {
        Output { path: path.cloned(), sink: None, closed: false }
    }

    fn failure(&self, e: io::Error) -> Failure {
        let place = self.path.as_ref().map_or_else(|| "<stdout>".to_owned(), |p| p.display().to_string());
        Failure(format!("{place}: {e}"))
    }

    fn sink(&mut self) -> Result<&mut Box<dyn Write>, Failure> {
        if self.sink.is_none() {
            let sink: Box<dyn Write> = match &self.path {
                Some(p) => Box::new(BufWriter::with_capacity(1 << 16, File::create(p).map_err(|e| self.failure(e))?)),
                None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
            };
            self.sink = Some(sink);
        }
        Ok(self.sink.as_mut().expect("made above"))
    }

    /// Runs `write` on the output; a closed standard output ends the writing quietly.
    pub fn with(&mut self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
        if self.closed {
            return Ok(());
        }
        let sink = self.sink()?;
        match write(sink.as_mut()) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe && self.path.is_none() => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(self.failure(e)),
            Ok(()) => Ok(()),
        }
    }

    pub fn text(&mut self, text: &str) -> Result<(), Failure> {
        self.with(|w| w.write_all(text.as_bytes()))
    }

    /// Flushes (creating an empty file when nothing was written).
    pub fn finish(mut self) -> Result<(), Failure> {
        self.with(|w| w.flush())
    }
}

/// `-o -` is standard output, as `-` is standard input.
pub fn dash_is_stdout(path: &mut Option<PathBuf>) {
    if path.as_ref().is_some_and(|p| p.as_os_str() == "-") {
        *path = None;
    }
}

/// Writes one text to standard output or a file.
pub fn emit(path: Option<&PathBuf>, text: &str) -> Result<(), Failure> {
    let mut out = Output::new(path);
    out.text(text)?;
    out.finish()
}
