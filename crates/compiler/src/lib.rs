//! Compiles the AST of `gilvm-syntax` into [`bytecode`] code objects, and disassembles them.

pub mod bytecode;
