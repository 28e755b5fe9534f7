//! `jixiao`: parse budget performance-target documents and write them as JSON, CSV or text;
//! review them (`check`); re-score self-evaluations (`score`). A library so that the same
//! command runs in-process from Python's `jixiao` console script; `main.rs` only calls [`run`].
//!
//! Exit codes: 0 success; 1 `check` or `score` found an error-level finding; 2 bad input or usage (one
//! line on stderr naming the file and the reason). Content the reader could not place is
//! reported on stderr as warnings and kept.

mod batch;
mod check;
mod config;
mod help;
mod human;
mod input;
mod output;
mod parse;
mod pretty;
mod report;
mod score;
mod serve;
mod stream;

use std::io::{self, Read, Write};

pub use output::emit;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

#[derive(Parser)]
#[command(name = "jixiao", version, about = "Budget performance-target documents (绩效目标表) as JSON, CSV and text", after_help = help::TOP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse documents and print them as JSON (NDJSON for several), CSV or text.
    #[command(after_help = help::PARSE)]
    Parse(parse::ParseArgs),
    /// Review documents as a finance-bureau reviewer would (审核): weak or broken targets,
    /// located, with a suggestion each. Exit 1 when an error-level finding remains.
    #[command(after_help = help::CHECK)]
    Check(check::CheckArgs),
    /// Re-score self-evaluation tables (自评表) by the rules and show where a reported score,
    /// weight or total is off. Exit 1 when an error-level finding remains.
    #[command(after_help = help::SCORE)]
    Score(score::ScoreArgs),
    /// The review desk in the browser: upload documents (or start with PATHS), see each table
    /// as the form with every finding on its cell, change the settings, download the 审核意见.
    #[command(after_help = help::SERVE)]
    Serve(serve::ServeArgs),
    /// Read target values (指标值) as they would be read in a table: one JSON object per line.
    #[command(after_help = help::TARGET)]
    Target(TargetArgs),
    /// Print the JSON Schema of the document (or of the review's findings, or of a score report).
    #[command(after_help = help::SCHEMA)]
    Schema(SchemaArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell).
    #[command(after_help = help::COMPLETIONS)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), as `make install` installs it.
    #[command(hide = true)]
    Man,
}

#[derive(clap::Args)]
struct CompletionsArgs {
    /// The shell.
    shell: clap_complete::Shell,
}

#[derive(clap::Args)]
struct TargetArgs {
    /// Values to read; none reads one value per line from standard input.
    texts: Vec<String>,
}

#[derive(clap::Args)]
struct SchemaArgs {
    /// The schema of `jixiao check --format json` instead of the document's.
    #[arg(long, conflicts_with = "score")]
    findings: bool,
    /// The schema of `jixiao score --format json`.
    #[arg(long)]
    score: bool,
}

/// A failure that ends the run: the message goes to stderr as one line.
pub struct Failure(pub String);

impl From<jixiao::Error> for Failure {
    fn from(e: jixiao::Error) -> Self {
        Failure(e.to_string())
    }
}

/// Writes a line to stderr; a stderr that cannot be written is no reason to fail (or panic).
pub fn report(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

fn target(args: TargetArgs) -> Result<(), Failure> {
    let texts = if args.texts.is_empty() {
        let mut input = String::new();
        io::stdin().read_to_string(&mut input).map_err(|e| Failure(format!("<stdin>: {e}")))?;
        input.lines().map(str::to_owned).collect()
    } else {
        args.texts
    };
    let mut out = String::new();
    for text in &texts {
        let json = serde_json::to_string(&jixiao::Target::parse(text)).map_err(|e| Failure(e.to_string()))?;
        out.push_str(&json);
        out.push('\n');
    }
    emit(None, &out)
}

/// Runs the command line `args` (the program name first) and returns the exit code.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let matches = match Cli::command().try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return 2;
        }
    };
    // A panic never ends the run with exit code 101: the library turns a panic in a third-party
    // parser into that file's error, and anything else is reported here. The panic hook is the
    // process's, never swapped here: `run` also runs inside a host (Python), on any thread, and
    // a hook swapped for the run would silence the host's other threads meanwhile (and two runs
    // at once could leave the silent one in place). The `jixiao` binary's `main` sets its own.
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match cli.command {
        Command::Parse(args) => parse::run(args).map(|()| 0),
        Command::Check(args) => {
            let sub = matches.subcommand_matches("check").expect("the check subcommand was parsed");
            check::run(args, sub)
        }
        Command::Score(args) => score::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Target(args) => target(args).map(|()| 0),
        Command::Schema(args) => {
            let schema = match (args.findings, args.score) {
                (true, _) => jixiao::schema::findings_schema_json(),
                (_, true) => jixiao::schema::score_schema_json(),
                _ => jixiao::schema::schema_json(),
            };
            emit(None, &schema).map(|()| 0)
        }
        Command::Completions(args) => {
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "jixiao", &mut script);
            emit(None, &String::from_utf8_lossy(&script)).map(|()| 0)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page).map_err(|e| Failure(e.to_string()))?;
            emit(None, &String::from_utf8_lossy(&page)).map(|()| 0)
        }
    }));
    let result = run.unwrap_or_else(|payload| {
        let what = payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned());
        Err(Failure(format!("internal error (please report it): {}", what.unwrap_or_default())))
    });
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            report(&format!("jixiao: {message}"));
            2
        }
    }
}
