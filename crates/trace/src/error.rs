//! Errors: reading and writing traces, and invariant violations.

use std::fmt;

/// Why a trace could not be read, written or rendered.
#[derive(Debug)]
pub enum TraceError {
    Io {
        path: String,
        source: std::io::Error,
    },
    Json(serde_json::Error),
    /// The JSON is not a Chrome trace this crate understands.
    Format(String),
}

impl fmt::Display for TraceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TraceError::Io { path, source } => write!(f, "{path}: {source}"),
            TraceError::Json(err) => write!(f, "invalid JSON: {err}"),
            TraceError::Format(what) => write!(f, "not a GIL trace: {what}"),
        }
    }
}

impl std::error::Error for TraceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TraceError::Io { source, .. } => Some(source),
            TraceError::Json(err) => Some(err),
            TraceError::Format(_) => None,
        }
    }
}

impl From<serde_json::Error> for TraceError {
    fn from(err: serde_json::Error) -> TraceError {
        TraceError::Json(err)
    }
}

impl TraceError {
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> TraceError {
        TraceError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
