//! `jixiao serve`: the review desk in the browser (crate `jixiao-serve`). Exit 0 when stopped
//! (Ctrl-C), 2 when it cannot start (a bad address, no token off loopback, a path missing).

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::input::{self, ReadArgs};
use crate::{Failure, report};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Files or directories every session starts with (every document file under a directory).
    paths: Vec<PathBuf>,
    /// Address to listen on; anything but loopback needs --token or --token-file.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    listen: SocketAddr,
    /// The port (on the --listen address); 0 takes a free one.
    #[arg(short, long)]
    port: Option<u16>,
    /// A token every request must carry (header `Authorization: Bearer TOKEN`, or the cookie
    /// that opening `/?token=TOKEN` sets); at least 16 characters.
    #[arg(long, conflicts_with = "token_file", value_name = "TOKEN")]
    token: Option<String>,
    /// Read the token from this file (its first line).
    #[arg(long, value_name = "FILE")]
    token_file: Option<PathBuf>,
    /// Most megabytes (MiB) one upload may carry, all its files together.
    #[arg(long, default_value_t = 64, value_name = "MIB")]
    max_upload: usize,
    /// Most megabytes (MiB) of input one session holds.
    #[arg(long, default_value_t = 256, value_name = "MIB")]
    max_session: usize,
    /// Most sessions at once (the least recently used is dropped for a new one).
    #[arg(long, default_value_t = 64, value_name = "N")]
    max_sessions: usize,
    /// Read settings from this file instead of the nearest jixiao.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any jixiao.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    #[command(flatten)]
    read: ReadArgs,
}

pub fn run(args: ServeArgs) -> Result<u8, Failure> {
    let read = args.read.options()?;
    let settings = crate::config::load(args.config.as_deref(), !args.no_config)?;
    let token = match (&args.token, &args.token_file) {
        (Some(t), _) => Some(t.trim().to_owned()),
        (None, Some(path)) => {
            let text = std::fs::read_to_string(path).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
            Some(text.lines().next().unwrap_or("").trim().to_owned())
        }
        (None, None) => None,
    };
    let mut addr = args.listen;
    if let Some(port) = args.port {
        addr.set_port(port);
    }
    let paths = if args.paths.is_empty() { Vec::new() } else { input::expand(&args.paths)? };
    let config = jixiao_serve::Config {
        addr,
        token: token.clone(),
        max_upload: args.max_upload.saturating_mul(1 << 20),
        session_bytes: args.max_session.saturating_mul(1 << 20),
        max_sessions: args.max_sessions,
        read,
        review: settings.review,
        scoring: settings.score,
        paths,
    };
    jixiao_serve::run(config, |bound| {
        let host = if bound.ip().is_unspecified() || bound.ip().is_loopback() { format!("localhost:{}", bound.port()) } else { bound.to_string() };
        let query = token.as_deref().map_or(String::new(), |t| format!("?token={}", percent(t)));
        // The address on stdout (a script reads it), the rest on stderr.
        println!("http://{host}/{query}");
        report(&format!("jixiao serve: listening on {bound}; Ctrl-C stops it"));
    })
    .map_err(Failure)?;
    Ok(0)
}

fn percent(text: &str) -> String {
    text.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}
