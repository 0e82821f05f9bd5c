//! gilvm's front end: a logos lexer that produces Python's NEWLINE/INDENT/DEDENT token stream,
//! and a lalrpop parser (grammar in the top-level `grammar/`) that builds the [`ast`].

#![forbid(unsafe_code)]

pub mod ast;
mod caret;
mod error;
mod error_at;
mod lexer;
mod line_index;
mod nesting;
mod parser;
mod token;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use line_index::LineIndex;
pub use nesting::{check_module as check_nesting, MAX_DEPTH, RECURSION_MESSAGE};
pub use parser::{parse_expression, parse_module};
