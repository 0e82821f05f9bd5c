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

    /// A `SyntaxError` highlighting `span`, as CPython's compiler errors highlight their
    /// statement or expression. Its columns count UTF-8 bytes, 1-based: CPython's compiler
    /// reports the AST's byte offsets.
    pub(crate) fn error(&self, span: Span, message: impl Into<String>) -> SyntaxError {
        let (line, column) = self.byte_position(span.start);
        let mut error = SyntaxError::new(SyntaxErrorKind::SyntaxError, message, line, column);
        let end = self.byte_position(span.end.max(span.start));
        if end > (line, column) {
            (error.end_line, error.end_column) = end;
        }
        error
    }

    /// 1-based line and 1-based column in bytes of a byte offset.
    fn byte_position(&self, offset: u32) -> (u32, u32) {
        let offset = (offset as usize).min(self.source.len());
        let line_start = self.source.as_bytes()[..offset]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        (
            self.index.line(offset as u32),
            (offset - line_start) as u32 + 1,
        )
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
