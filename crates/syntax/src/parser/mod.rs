//! The parser: runs the lalrpop-generated LR parser over the lexer's tokens.

pub(crate) mod build;
mod errors;
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
use crate::SyntaxError;
use build::Top;

/// Parses a whole source file (`exec` mode).
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    match parse(source, 0, source.len(), Mode::Module) {
        Ok(Top::Module(module)) => Ok(module),
        Ok(Top::Expression(e)) => {
            Err(ErrorAt::syntax("invalid syntax", e.span.start as usize).resolve(source))
        }
        Err(error) => Err(error.resolve(source)),
    }
}

/// Parses a lone expression (`eval` mode); a tuple without parentheses is allowed.
pub fn parse_expression(source: &str) -> Result<Expr, SyntaxError> {
    parse_expression_at(source, 0, source.len()).map_err(|error| error.resolve(source))
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
    // How many tokens the parser has pulled: the last one pulled is the one it choked on.
    let consumed = Cell::new(0usize);
    let stream = tokens.iter().map(|token| {
        consumed.set(consumed.get() + 1);
        Ok::<_, ErrorAt>(token.clone())
    });
    generated::TopParser::new()
        .parse(stream)
        .map_err(|error| errors::convert(error, source, &tokens, consumed.get()))
}
