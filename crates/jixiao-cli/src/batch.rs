//! Many inputs at once: read and parsed on `--jobs` threads (jixiao::read::batch), handed on
//! in input order, with the tally the batch summary prints.

use std::io::IsTerminal;
use std::path::PathBuf;

use jixiao::ReadOptions;

use crate::Failure;
use crate::input::{self, Input};

/// Documents, tables and indicators read, and inputs that could not be: the batch summary.
#[derive(Default)]
pub struct Tally {
    pub files: usize,
    pub documents: usize,
    pub tables: usize,
    pub indicators: usize,
    pub failed: usize,
}

impl Tally {
    pub fn line(&self) -> String {
        format!(
            "jixiao: {} inputs: {} documents, {} tables, {} indicators; {} could not be read",
            self.files, self.documents, self.tables, self.indicators, self.failed
        )
    }
}

/// The threads to use: `--jobs`, or one per core.
pub fn jobs(asked: Option<usize>) -> usize {
    asked.filter(|&n| n > 0).unwrap_or_else(jixiao::read::batch::default_jobs)
}

/// Reads every file on `jobs` threads, runs `prepare` on each input there too (rendering the
/// output, the review, the warnings), and calls `each` with what it made of each input, in
/// input order. The input itself ends on its reading thread, where it was made: a document
/// freed on the writing thread cost a two-thread batch a tenth more time (hyperfine, 1000 files).
pub fn read_all<P: Send>(
    files: &[PathBuf],
    options: &ReadOptions,
    keep_source: bool,
    jobs: usize,
    prepare: impl Fn(Input) -> P + Sync,
    mut each: impl FnMut(Result<P, Failure>) -> Result<(), Failure>,
) -> Result<Tally, Failure> {
    let mut tally = Tally { files: files.len(), ..Tally::default() };
    // Standard input cannot be shared between threads.
    let jobs = if files.iter().any(|f| f.as_os_str() == "-") { 1 } else { jobs };
    // A progress bar for a batch, on a terminal only: never in a pipe, a file or a test.
    let bar = (files.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files, {per_sec}, {eta} left") {
            bar.set_style(style);
        }
        bar
    });
    let work = |name: &PathBuf| {
        input::read(name, options, keep_source).map(|input| {
            let counts = (input.document.tables().count(), input.document.indicator_count());
            (counts, prepare(input))
        })
    };
    jixiao::read::batch::in_order(files, jobs, work, |_, result| {
        let result = match result {
            Ok(((tables, indicators), prepared)) => {
                tally.documents += 1;
                tally.tables += tables;
                tally.indicators += indicators;
                Ok(prepared)
            }
            Err(e) => {
                tally.failed += 1;
                Err(e)
            }
        };
        if let Some(bar) = &bar {
            bar.inc(1);
        }
        // Messages the input brings (warnings, errors) print above the bar, not through it.
        match &bar {
            Some(bar) => bar.suspend(|| each(result)),
            None => each(result),
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(tally)
}
