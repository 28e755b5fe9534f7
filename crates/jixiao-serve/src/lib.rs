//! `jixiao serve`: a review desk in the browser. Drop in the files a department sent (or start
//! with paths), see each table drawn as the form with every finding on its cell, change the
//! review's settings, compare a self-evaluation's computed score with the reported one, and
//! download the 审核意见 as .xlsx.
//!
//! Safe by default: it listens on 127.0.0.1; any other address needs a token that every
//! request then carries (header `Authorization: Bearer …` or `X-Jixiao-Token`, or the cookie
//! `?token=…` sets); the Host header must name the server (no DNS rebinding); a form posted
//! from another origin is refused; uploads are bounded (`max_upload`, and the reader's limits
//! for each file and each .zip); each browser session sees only its own documents; nothing is
//! written to disk and nothing is fetched from outside (pages, script and style are in the binary).

mod charts;
mod load;
mod pages;
mod security;
mod session;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

pub use load::Entry;
pub use session::Sessions;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen; 127.0.0.1:8080 by default. Another address than loopback needs `token`.
    pub addr: SocketAddr,
    /// The token every request must carry (required off loopback).
    pub token: Option<String>,
    /// The most bytes one upload request may carry, all files together.
    pub max_upload: usize,
    /// The most input bytes a session holds (its documents together); past it, an upload is refused.
    pub session_bytes: usize,
    /// The most sessions held at once; the least recently used is dropped for a new one.
    pub max_sessions: usize,
    /// How each file is read (its limits against hostile files).
    pub read: jixiao::ReadOptions,
    /// The review's settings a new session starts with (`jixiao.toml`'s `[review]`).
    pub review: jixiao::ReviewConfig,
    /// The scoring rules (`jixiao.toml`'s `[score]`).
    pub scoring: jixiao::ScoringRules,
    /// Files and folders every session starts with (read once, at start).
    pub paths: Vec<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            max_upload: 64 << 20,
            session_bytes: 256 << 20,
            max_sessions: 64,
            read: jixiao::ReadOptions::default(),
            review: jixiao::ReviewConfig::new(),
            scoring: jixiao::ScoringRules::default(),
            paths: Vec::new(),
        }
    }
}

/// The server's state: the configuration, the documents every session starts with, the sessions.
pub struct App {
    pub config: Config,
    pub preloaded: Vec<Arc<Entry>>,
    pub sessions: Sessions,
}

impl App {
    /// The state for `config`, the `paths` read (a file that cannot be read is an entry with
    /// its reason, as an upload would be); an error when a path does not exist.
    pub fn new(config: Config) -> Result<Arc<App>, String> {
        let preloaded = load::paths(&config.paths, &config)?;
        let sessions = Sessions::new(config.max_sessions);
        Ok(Arc::new(App { config, preloaded, sessions }))
    }
}

/// Every page and download, behind the security checks.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(pages::index))
        .route("/upload", post(pages::upload))
        .route("/clear", post(pages::clear))
        .route("/doc/{id}", get(pages::document))
        .route("/doc/{id}/{file}", get(pages::download))
        .route("/findings.xlsx", get(pages::all_findings))
        .route("/settings", get(pages::settings).post(pages::save_settings))
        .route("/jixiao.toml", get(pages::config_file))
        .route("/batch", get(pages::batch))
        .route("/assets/{file}", get(pages::asset))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(app.config.max_upload))
        .layer(axum::middleware::from_fn_with_state(app.clone(), security::guard))
        .with_state(app)
}

/// Checks the configuration: an address off loopback needs a token.
pub fn check(config: &Config) -> Result<(), String> {
    if !config.addr.ip().is_loopback() && config.token.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err(format!("{} is not a loopback address: give --token or --token-file, which every request must then carry", config.addr.ip()));
    }
    if config.token.as_deref().is_some_and(|t| t.trim().len() < 16) {
        return Err("the token is too short: use at least 16 characters".into());
    }
    Ok(())
}

/// Runs the server until Ctrl-C (or SIGTERM): `ready` is called with the bound address first.
pub fn run(config: Config, ready: impl FnOnce(SocketAddr)) -> Result<(), String> {
    check(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_io().build().map_err(|e| format!("cannot start: {e}"))?;
    runtime.block_on(async move {
        let addr = config.addr;
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let bound = listener.local_addr().map_err(|e| e.to_string())?;
        let app = tokio::task::spawn_blocking(move || App::new(Config { addr: bound, ..config })).await.map_err(|e| e.to_string())??;
        ready(bound);
        axum::serve(listener, router(app)).with_graceful_shutdown(shutdown()).await.map_err(|e| format!("the server stopped: {e}"))
    })
}

async fn shutdown() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = ctrl_c.await;
                return;
            }
        };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
