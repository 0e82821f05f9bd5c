//! Compile-time errors: CPython's `SyntaxError` located at an AST span.

use gilvm_syntax::ast::Span;
use gilvm_syntax::{LineIndex, SyntaxError, SyntaxErrorKind};

use crate::bytecode::Location;

/// Source text plus its line index: turns spans into locations and errors.
pub(crate) struct SourceMap<'s> {
    source: &'s str,
    index: LineIndex,
}

impl<'s> SourceMap<'s> {
    pub(crate) fn new(source: &'s str) -> SourceMap<'s> {
        SourceMap {
            source,
            index: LineIndex::new(source),
        }
    }

    /// Lines 1-based, columns 0-based in characters.
    pub(crate) fn location(&self, span: Span) -> Location {
        let (line, col) = self.index.line_col(self.source, span.start);
        let (end_line, end_col) = self.index.line_col(self.source, span.end.max(span.start));
        Location {
            line,
            end_line,
            col,
            end_col,
        }
    }

    pub(crate) fn line(&self, span: Span) -> u32 {
        self.index.line(span.start)
    }

    /// A `SyntaxError` whose caret points at the start of `span` (1-based column).
    pub(crate) fn error(&self, span: Span, message: impl Into<String>) -> SyntaxError {
        let (line, col) = self.index.line_col(self.source, span.start);
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            message: message.into(),
            line,
            column: col + 1,
        }
    }
}

/// CPython's private name mangling: inside class `C`, `__x` becomes `_C__x`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    let stripped = class.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || stripped.is_empty()
    {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}
