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
