//! The error type used inside the front end: a message with a byte offset, turned into a
//! line/column [`SyntaxError`] once, at the public boundary.

use crate::{LineIndex, SyntaxError, SyntaxErrorKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorAt {
    pub kind: SyntaxErrorKind,
    pub message: String,
    /// Byte offset (into the whole source) of the character the caret points at.
    pub offset: usize,
}

impl ErrorAt {
    pub fn syntax(message: impl Into<String>, offset: usize) -> ErrorAt {
        ErrorAt {
            kind: SyntaxErrorKind::SyntaxError,
            message: message.into(),
            offset,
        }
    }

    pub fn indentation(message: impl Into<String>, offset: usize) -> ErrorAt {
        ErrorAt {
            kind: SyntaxErrorKind::IndentationError,
            message: message.into(),
            offset,
        }
    }

    pub fn resolve(self, source: &str) -> SyntaxError {
        let index = LineIndex::new(source);
        let (line, col) = index.line_col(source, self.offset as u32);
        SyntaxError {
            kind: self.kind,
            message: self.message,
            line,
            column: col + 1,
        }
    }
}
