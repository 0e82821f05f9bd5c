//! Compiles the AST of `gilvm-syntax` into [`bytecode`] code objects, and disassembles them.
//!
//! Two passes, as in CPython: [`symtable`] classifies every name of every scope, then the
//! code generator emits one [`CodeObject`] per scope (module, class body, function, lambda,
//! comprehension).

#![forbid(unsafe_code)]

mod bound;
pub mod bytecode;
mod codegen;
mod constants;
mod dis;
mod error;
#[cfg(feature = "frozen")]
pub mod frozen;
mod future;
mod peephole;
pub mod repr;
mod stack;

/// Runs one level of a recursive pass over the tree on a stack segment with room to spare:
/// when less than 128 KiB of the native stack is left, `f` runs on a fresh 2 MiB segment
/// from the heap. The tree's depth is bounded (`gilvm_syntax::MAX_DEPTH`), so this keeps the
/// compiler from overflowing whatever the stack of the thread that calls it — an embedding
/// host's thread may be small.
pub(crate) fn deep<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(128 * 1024, 2 * 1024 * 1024, f)
}
mod symtable;

use std::sync::Arc;

use gilvm_syntax::{ast, SyntaxError};

pub use bytecode::CodeObject;
pub use codegen::Mode;
pub use dis::{disassemble, rows, unfused_rows, Row, OPNAMES};
pub use stack::max_stack_depth;

/// Compiles a parsed module; `source` is the text it was parsed from (for locations).
pub fn compile_module(
    module: &ast::Module,
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, SyntaxError> {
    // A tree built by hand may be nested deeper than the parser lets through.
    gilvm_syntax::check_nesting(module)?;
    let map = error::SourceMap::new(source);
    let table = symtable::SymbolTable::build(module, &map)?;
    codegen::compile(module, table, &map, filename, Mode::Exec)
}

/// Parses `source` as the built-in `compile(source, filename, mode)` does: `Exec` and
/// `Single` a module, `Eval` one expression (as the module of its one expression
/// statement). Returns the tree and how many bytes of leading blanks `Eval` skipped (spans
/// count from there; errors are already shifted to count from the start of `source`).
pub fn parse_source_mode(source: &str, mode: Mode) -> Result<(ast::Module, u32), SyntaxError> {
    // CPython's eval() strips leading spaces and tabs; columns still count them.
    let text = match mode {
        Mode::Eval => source.trim_start_matches([' ', '\t']),
        Mode::Exec | Mode::Single => source,
    };
    let offset = (source.len() - text.len()) as u32;
    let module = match mode {
        Mode::Eval => {
            let expr = gilvm_syntax::parse_expression(text).map_err(|e| shift(e, offset))?;
            let span = expr.span;
            ast::Module {
                body: vec![ast::Stmt {
                    kind: ast::StmtKind::Expr(expr),
                    span,
                }],
            }
        }
        Mode::Exec | Mode::Single => gilvm_syntax::parse_module(source)?,
    };
    Ok((module, offset))
}

/// Moves an error on the first line `offset` columns right.
fn shift(mut e: SyntaxError, offset: u32) -> SyntaxError {
    if e.line == 1 {
        e.column += offset;
        if e.end_line == 1 {
            e.end_column += offset;
        }
    }
    e
}

/// Compiles `source` as the built-in `compile(source, filename, mode)` does: `Exec` a module,
/// `Eval` one expression (returned by the code), `Single` one interactive statement (its
/// expression statements print their values).
pub fn compile_source_mode(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Arc<CodeObject>, SyntaxError> {
    let (module, offset) = parse_source_mode(source, mode)?;
    let map = error::SourceMap::new(&source[offset as usize..]);
    if mode == Mode::Single && module.body.len() > 1 {
        // CPython points just past the first statement.
        let end = module.body[0].span.end;
        return Err(map.error(
            ast::Span { start: end, end },
            "multiple statements found while compiling a single statement",
        ));
    }
    let table = symtable::SymbolTable::build(&module, &map).map_err(|e| shift(e, offset))?;
    codegen::compile(&module, table, &map, filename, mode).map_err(|e| shift(e, offset))
}

/// Compiles a tree that comes with no source text (one built from `ast` node objects): each
/// span's `start` and `end` index `positions`, `(line, column)` pairs (1-based lines, 0-based
/// columns in UTF-8 bytes). `Eval` compiles the module of one expression statement.
pub fn compile_positioned(
    module: &ast::Module,
    positions: &[(u32, u32)],
    filename: &str,
    mode: Mode,
) -> Result<Arc<CodeObject>, SyntaxError> {
    gilvm_syntax::check_nesting(module)?;
    let map = error::SourceMap::Table(positions);
    let table = symtable::SymbolTable::build(module, &map)?;
    codegen::compile(module, table, &map, filename, mode)
}

/// Compiles what was typed at the interactive prompt (CPython's `'single'` mode): as a
/// module, except that the value of each expression statement outside functions and classes
/// is passed to `sys.displayhook` (which prints its `repr`), and a leading string is no
/// docstring.
pub fn compile_interactive(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    let module = gilvm_syntax::parse_module(source)?;
    let map = error::SourceMap::new(source);
    let table = symtable::SymbolTable::build(&module, &map)?;
    codegen::compile(&module, table, &map, filename, Mode::Single)
}

/// Parses and compiles a whole source file.
pub fn compile_source(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    let module = gilvm_syntax::parse_module(source)?;
    compile_module(&module, source, filename)
}
