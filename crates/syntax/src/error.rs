//! The error every stage before execution reports: CPython's `SyntaxError` and its subclasses.

use std::fmt;

/// Which Python exception class a [`SyntaxError`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    /// The Python class name, as printed on the last line of the report.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error with its location: produced by the lexer, the parser and the compiler
/// (e.g. `'return' outside function`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// CPython's message, e.g. `invalid syntax` or `expected ':'`.
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters, as CPython's `SyntaxError.offset` (where the caret goes).
    pub column: u32,
}

impl SyntaxError {
    /// CPython's report, without the traceback header:
    /// ```text
    ///   File "f.py", line 1
    ///     print(1 +)
    ///              ^
    /// SyntaxError: invalid syntax
    /// ```
    /// `source` is the whole text the error points into.
    pub fn report(&self, filename: &str, source: &str) -> String {
        let mut out = format!("  File \"{}\", line {}\n", filename, self.line);
        let index = crate::LineIndex::new(source);
        if let Some(text) = index.line_text(source, self.line) {
            let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
            if !trimmed.is_empty() {
                let indent = text.chars().count() - trimmed.chars().count();
                out.push_str("    ");
                out.push_str(trimmed.trim_end());
                out.push('\n');
                let caret_col = (self.column as usize)
                    .saturating_sub(1)
                    .saturating_sub(indent);
                out.push_str("    ");
                out.push_str(&" ".repeat(caret_col));
                out.push_str("^\n");
            }
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.message));
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
