//! The library's one error type. Every variant that concerns an input names it (`path`, when
//! known) and, where there is one, the 1-based line.

use std::fmt;

/// Where an input came from, for messages: a path, or a label such as `<stdin>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin(pub Option<String>);

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_deref().unwrap_or("<input>"))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The bytes are text but not a performance document, or a structure in it is broken.
    #[error("{origin}{}: {reason}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Parse { origin: Origin, line: Option<usize>, reason: String },

    /// The bytes are not text in any encoding jixiao reads.
    #[error("{origin}{}: {reason}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Encoding { origin: Origin, line: Option<usize>, reason: String },

    /// A known container (docx, xlsx, …) that this build has no reader for, or an unknown one.
    #[error("{origin}: unsupported format: {reason}")]
    UnsupportedFormat { origin: Origin, reason: String },

    #[error("{origin}: {source}")]
    Io { origin: Origin, source: std::io::Error },

    /// JSON that does not hold a jixiao document.
    #[error("{origin}: invalid JSON document: {source}")]
    Json { origin: Origin, source: serde_json::Error },

    /// An output (JSON, CSV, .xlsx) could not be produced.
    #[error("cannot write the output: {0}")]
    Write(String),

    /// A wrong argument: an unknown rule, format or encoding name.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The 1-based line the error points at, when it points at one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Parse { line, .. } | Error::Encoding { line, .. } => *line,
            Error::Json { source, .. } => Some(source.line()),
            _ => None,
        }
    }

    /// The path or label of the input, when known.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::Parse { origin, .. }
            | Error::Encoding { origin, .. }
            | Error::UnsupportedFormat { origin, .. }
            | Error::Io { origin, .. }
            | Error::Json { origin, .. } => origin.0.as_deref(),
            Error::Write(_) | Error::Usage(_) => None,
        }
    }

    /// The reason alone, without path and line.
    pub fn reason(&self) -> String {
        match self {
            Error::Parse { reason, .. } | Error::Encoding { reason, .. } | Error::UnsupportedFormat { reason, .. } => reason.clone(),
            Error::Io { source, .. } => source.to_string(),
            Error::Json { source, .. } => source.to_string(),
            Error::Write(reason) | Error::Usage(reason) => reason.clone(),
        }
    }

    /// Sets the origin of an error raised before the caller's path was known.
    pub fn with_origin(mut self, path: &str) -> Self {
        match &mut self {
            Error::Parse { origin, .. }
            | Error::Encoding { origin, .. }
            | Error::UnsupportedFormat { origin, .. }
            | Error::Io { origin, .. }
            | Error::Json { origin, .. } => *origin = Origin(Some(path.to_owned())),
            Error::Write(_) | Error::Usage(_) => {}
        }
        self
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
