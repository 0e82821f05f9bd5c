//! Compile-time errors: CPython's `SyntaxError` located at an AST span.

use gilvm_syntax::ast::Span;
use gilvm_syntax::{LineIndex, SyntaxError, SyntaxErrorKind};

use crate::bytecode::Location;

/// Where spans point: into source text, or (for a tree built from `ast` node objects, which
/// carry line and column numbers but no text) into a table of positions.
pub(crate) enum SourceMap<'s> {
    Text {
        source: &'s str,
        index: LineIndex,
    },
    /// `Span { start, end }` index this table of 1-based lines and 0-based columns in UTF-8
    /// bytes (the `lineno`/`col_offset` of CPython's nodes).
    Table(&'s [(u32, u32)]),
}

impl<'s> SourceMap<'s> {
    pub(crate) fn new(source: &'s str) -> SourceMap<'s> {
        SourceMap::Text {
            source,
            index: LineIndex::new(source),
        }
    }

    /// The `(line, column)` of a span's end point: from the table, or from the text (columns
    /// in characters).
    fn line_col(&self, offset: u32) -> (u32, u32) {
        match self {
            SourceMap::Text { source, index } => index.line_col(source, offset),
            SourceMap::Table(table) => table.get(offset as usize).copied().unwrap_or((1, 0)),
        }
    }

    /// Lines 1-based, columns 0-based in characters.
    pub(crate) fn location(&self, span: Span) -> Location {
        let (line, col) = self.line_col(span.start);
        let (end_line, end_col) = match self {
            SourceMap::Text { .. } => self.line_col(span.end.max(span.start)),
            SourceMap::Table(_) => self.line_col(span.end),
        };
        Location {
            line,
            end_line,
            col,
            end_col,
        }
    }

    pub(crate) fn line(&self, span: Span) -> u32 {
        match self {
            SourceMap::Text { index, .. } => index.line(span.start),
            SourceMap::Table(_) => self.line_col(span.start).0,
        }
    }

    /// A `SyntaxError` highlighting `span`, as CPython's compiler errors highlight their
    /// statement or expression. Its columns count UTF-8 bytes, 1-based: CPython's compiler
    /// reports the AST's byte offsets.
    pub(crate) fn error(&self, span: Span, message: impl Into<String>) -> SyntaxError {
        let (line, column) = self.byte_position(span.start);
        let mut error = SyntaxError::new(SyntaxErrorKind::SyntaxError, message, line, column);
        let end = match self {
            SourceMap::Text { .. } => self.byte_position(span.end.max(span.start)),
            SourceMap::Table(_) => self.byte_position(span.end),
        };
        if end > (line, column) {
            (error.end_line, error.end_column) = end;
        }
        error
    }

    /// 1-based line and 1-based column in bytes of a span's end point.
    fn byte_position(&self, offset: u32) -> (u32, u32) {
        let (source, index) = match self {
            SourceMap::Text { source, index } => (source, index),
            SourceMap::Table(_) => {
                let (line, col) = self.line_col(offset);
                return (line, col + 1);
            }
        };
        let offset = (offset as usize).min(source.len());
        let line_start = source.as_bytes()[..offset]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        (index.line(offset as u32), (offset - line_start) as u32 + 1)
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
