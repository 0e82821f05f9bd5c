//! The error every stage before execution reports: CPython's `SyntaxError` and its subclasses.

use std::fmt;

/// Which Python exception class a [`SyntaxError`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Not a `SyntaxError` subclass: the tree nests deeper than the compiler allows
    /// (CPython's `RecursionError: maximum recursion depth exceeded during compilation`).
    RecursionError,
    /// Not a `SyntaxError` subclass: the tree nests deeper than CPython's parser allows (its
    /// `MemoryError` from the parser's stack limit).
    MemoryError,
}

impl SyntaxErrorKind {
    /// The Python class name, as printed on the last line of the report.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::RecursionError => "RecursionError",
            SyntaxErrorKind::MemoryError => "MemoryError",
        }
    }

    /// Whether the class is `SyntaxError` or a subclass: only those carry a location.
    pub fn is_syntax_error(self) -> bool {
        !matches!(
            self,
            SyntaxErrorKind::RecursionError | SyntaxErrorKind::MemoryError
        )
    }
}

/// A syntax error with its location: produced by the lexer, the parser and the compiler
/// (e.g. `'return' outside function`).
///
/// The location is the range `(line, column)..(end_line, end_column)`, as CPython's
/// `lineno`/`offset`/`end_lineno`/`end_offset`. Where CPython gives no range (or an empty
/// one), the end is one character after the start: `(line, column + 1)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// CPython's message, e.g. `invalid syntax` or `expected ':'`.
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, as CPython's `SyntaxError.offset` (where the caret goes) for source
    /// given as text: in characters for errors of the lexer and parser, in UTF-8 bytes for
    /// errors of the compiler (CPython's compiler reports the AST's byte offsets).
    pub column: u32,
    /// 1-based line where the highlighted range ends (CPython's `end_lineno`).
    pub end_line: u32,
    /// 1-based column just past the highlighted range (CPython's `end_offset`), counted as
    /// `column` is.
    pub end_column: u32,
}

impl SyntaxError {
    /// An error pointing at a single character.
    pub fn new(
        kind: SyntaxErrorKind,
        message: impl Into<String>,
        line: u32,
        column: u32,
    ) -> SyntaxError {
        SyntaxError {
            kind,
            message: message.into(),
            line,
            column,
            end_line: line,
            end_column: column + 1,
        }
    }

    /// CPython's report, without the traceback header:
    /// ```text
    ///   File "f.py", line 1
    ///     f() = 1
    ///     ^^^
    /// SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
    /// ```
    /// `source` is the whole text the error points into. The source line and caret line
    /// follow CPython 3.11's `print_exception` and `print_error_text`.
    ///
    /// A `RecursionError` or `MemoryError` has no location: its report is its last line
    /// (`MemoryError` alone when the message is empty), as CPython prints it.
    pub fn report(&self, filename: &str, source: &str) -> String {
        if !self.kind.is_syntax_error() {
            return format!("{self}\n");
        }
        let mut out = format!("  File \"{}\", line {}\n", filename, self.line);
        let index = crate::LineIndex::new(source);
        if let Some(text) = index.line_text(source, self.line) {
            // CPython holds the line as a C string: a NUL byte ends it.
            let text = text.split('\0').next().unwrap_or_default();
            out.push_str(&crate::caret::error_text(self, text));
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.message));
        out
    }

    /// [`report`](Self::report) of an error in a script read from a file (or stdin): there,
    /// CPython's tokenizer has no column for the end of the input, so a block missing at the
    /// end of the file gets no caret line.
    pub fn report_file(&self, filename: &str, source: &str) -> String {
        let index = crate::LineIndex::new(source);
        let at_end = self.kind == SyntaxErrorKind::IndentationError
            && self.message.starts_with("expected an indented block")
            && self.line as usize == source.lines().count()
            && index
                .line_text(source, self.line)
                .is_some_and(|text| text.chars().count() < self.column as usize);
        if !at_end {
            return self.report(filename, source);
        }
        SyntaxError {
            column: 0,
            ..self.clone()
        }
        .report(filename, source)
    }

    /// An error of a class without a location (`RecursionError`, `MemoryError`).
    pub fn without_location(kind: SyntaxErrorKind, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            kind,
            message: message.into(),
            line: 0,
            column: 0,
            end_line: 0,
            end_column: 0,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.kind.is_syntax_error() {
            return if self.message.is_empty() {
                write!(f, "{}", self.kind.name())
            } else {
                write!(f, "{}: {}", self.kind.name(), self.message)
            };
        }
        write!(
            f,
            "{}: {} (line {}, column {})",
            self.kind.name(),
            self.message,
            self.line,
            self.column
        )
    }
}

impl std::error::Error for SyntaxError {}
