//! gilvm's front end: a logos lexer that produces Python's NEWLINE/INDENT/DEDENT token stream,
//! and a lalrpop parser (grammar in the top-level `grammar/`) that builds the [`ast`].

pub mod ast;
mod error;
mod line_index;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use line_index::LineIndex;
