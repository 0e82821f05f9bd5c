//! Compiles the AST of `gilvm-syntax` into [`bytecode`] code objects, and disassembles them.
//!
//! Two passes, as in CPython: [`symtable`] classifies every name of every scope, then the
//! code generator emits one [`CodeObject`] per scope (module, class body, function, lambda,
//! comprehension).

#![forbid(unsafe_code)]

pub mod bytecode;
mod codegen;
mod constants;
mod dis;
mod error;
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
pub use dis::disassemble;
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
    codegen::compile(module, table, &map, filename)
}

/// Compiles what was typed at the interactive prompt (CPython's `'single'` mode): as a
/// module, except that the value of each expression statement outside functions and classes
/// is passed to `sys.displayhook` (which prints its `repr`), and a leading string is no
/// docstring.
pub fn compile_interactive(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    let module = gilvm_syntax::parse_module(source)?;
    let map = error::SourceMap::new(source);
    let table = symtable::SymbolTable::build(&module, &map)?;
    codegen::compile_interactive(&module, table, &map, filename)
}

/// Parses and compiles a whole source file.
pub fn compile_source(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    let module = gilvm_syntax::parse_module(source)?;
    compile_module(&module, source, filename)
}
