//! The error type used inside the front end: a message with a byte offset, turned into a
//! line/column [`SyntaxError`] once, at the public boundary.

use crate::{LineIndex, SyntaxError, SyntaxErrorKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorAt {
    pub kind: SyntaxErrorKind,
    pub message: String,
    /// Byte offset (into the whole source) of the character the caret points at.
    pub offset: usize,
    /// Byte offset just past the highlighted range, where CPython highlights one.
    pub end: Option<usize>,
}

impl ErrorAt {
    pub fn syntax(message: impl Into<String>, offset: usize) -> ErrorAt {
        ErrorAt {
            kind: SyntaxErrorKind::SyntaxError,
            message: message.into(),
            offset,
            end: None,
        }
    }

    pub fn indentation(message: impl Into<String>, offset: usize) -> ErrorAt {
        ErrorAt {
            kind: SyntaxErrorKind::IndentationError,
            message: message.into(),
            offset,
            end: None,
        }
    }

    /// Highlights `offset..end` rather than the single character at `offset`; an empty range
    /// stays a single caret.
    pub fn until(self, end: usize) -> ErrorAt {
        let end = (end > self.offset).then_some(end);
        ErrorAt { end, ..self }
    }

    pub fn resolve(self, source: &str) -> SyntaxError {
        let index = LineIndex::new(source);
        let (line, col) = index.line_col(source, self.offset as u32);
        let mut error = SyntaxError::new(self.kind, self.message, line, col + 1);
        if let Some(end) = self.end {
            let (end_line, end_col) = index.line_col(source, end as u32);
            error.end_line = end_line;
            error.end_column = end_col + 1;
        }
        error
    }
}
