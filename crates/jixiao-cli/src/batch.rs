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

/// Reads every file on `jobs` threads, runs `prepare` on each input there too (naming it,
/// rendering the output, so that the threads do that work as well), and calls `each` with each
/// result in input order.
pub fn read_all<P: Send>(
    files: &[PathBuf],
    options: &ReadOptions,
    keep_source: bool,
    jobs: usize,
    prepare: impl Fn(&mut Input) -> P + Sync,
    mut each: impl FnMut(&PathBuf, Result<(Input, P), Failure>) -> Result<(), Failure>,
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
    let work = |name: &PathBuf| input::read(name, options, keep_source).map(|mut input| {
        let prepared = prepare(&mut input);
        (input, prepared)
    });
    jixiao::read::batch::in_order(files, jobs, work, |name, result| {
        match &result {
            Ok((input, _)) => {
                tally.documents += 1;
                tally.tables += input.document.tables().count();
                tally.indicators += input.document.indicator_count();
            }
            Err(_) => tally.failed += 1,
        }
        if let Some(bar) = &bar {
            bar.inc(1);
        }
        // Messages the input brings (warnings, errors) print above the bar, not through it.
        match &bar {
            Some(bar) => bar.suspend(|| each(name, result)),
            None => each(name, result),
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(tally)
}
