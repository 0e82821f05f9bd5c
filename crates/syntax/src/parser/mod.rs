//! The parser: runs the lalrpop-generated LR parser over the lexer's tokens.

pub(crate) mod build;
mod errors;
pub(crate) mod patterns;
pub(crate) mod targets;

#[allow(
    clippy::all,
    clippy::pedantic,
    unused_parens,
    unused_imports,
    dead_code
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/python.rs"));
}

use std::cell::Cell;

use crate::ast::{Expr, Module};
use crate::error_at::ErrorAt;
use crate::lexer::{tokenize, Mode};
use crate::token::{Spanned, StrLit, Tok};
use crate::SyntaxError;
use build::Top;

/// Parses a whole source file (`exec` mode).
///
/// A tree nested deeper than CPython accepts is a `RecursionError` or `MemoryError`
/// (`nesting.rs`); a NUL byte anywhere is CPython's `source code cannot contain null bytes`.
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    reject_nul(source)?;
    match parse(source, 0, source.len(), Mode::Module) {
        Ok(Top::Module(module)) => {
            crate::nesting::check_module(&module)?;
            Ok(module)
        }
        Ok(Top::Expression(e)) => {
            Err(ErrorAt::syntax("invalid syntax", e.span.start as usize).resolve(source))
        }
        Err(error) => Err(error.resolve(source)),
    }
}

/// Parses a lone expression (`eval` mode); a tuple without parentheses is allowed.
pub fn parse_expression(source: &str) -> Result<Expr, SyntaxError> {
    reject_nul(source)?;
    let expr = parse_expression_at(source, 0, source.len()).map_err(|e| e.resolve(source))?;
    crate::nesting::check_expression(&expr)?;
    Ok(expr)
}

/// CPython 3.11 refuses a source file with a NUL byte, reporting the line that holds it
/// (its text cut at the NUL) without a caret.
fn reject_nul(source: &str) -> Result<(), SyntaxError> {
    let Some(at) = source.find('\0') else {
        return Ok(());
    };
    let line = crate::LineIndex::new(source).line(at as u32);
    let message = "source code cannot contain null bytes";
    let mut error = SyntaxError::new(crate::SyntaxErrorKind::SyntaxError, message, line, 0);
    error.end_column = 0;
    Err(error)
}

/// Parses the expression of an f-string replacement field, `source[start..end]`.
pub(crate) fn parse_fstring_field(source: &str, start: usize, end: usize) -> Result<Expr, ErrorAt> {
    parse_expression_at(source, start, end)
}

fn parse_expression_at(source: &str, start: usize, end: usize) -> Result<Expr, ErrorAt> {
    match parse(source, start, end, Mode::Expression)? {
        Top::Expression(e) => Ok(e),
        Top::Module(_) => Err(ErrorAt::syntax("invalid syntax", start)),
    }
}

fn parse(source: &str, start: usize, end: usize, mode: Mode) -> Result<Top, ErrorAt> {
    let tokens = tokenize(source, start, end, mode)?;
    // What error messages look at: the tokens without the contents of string literals. The
    // tokens themselves go to the parser: an f-string token holds the trees of its fields,
    // which may be deep, and cloning one recursed once per level (a stack overflow found
    // by the fuzzer: `f"{2**2**2**…}"`).
    let skeleton: Vec<Spanned> = tokens
        .iter()
        .map(|(start, tok, end)| {
            let tok = match tok {
                Tok::Str(_) => Tok::Str(StrLit::Str(String::new())),
                other => other.clone(),
            };
            (*start, tok, *end)
        })
        .collect();
    // How many tokens the parser has pulled: the last one pulled is the one it choked on.
    let consumed = Cell::new(0usize);
    let stream = tokens.into_iter().map(|token| {
        consumed.set(consumed.get() + 1);
        Ok::<_, ErrorAt>(token)
    });
    generated::TopParser::new()
        .parse(stream)
        .map_err(|error| errors::convert(error, source, &skeleton, consumed.get()))
}
