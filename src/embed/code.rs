//! [`compile`]: modules compiled ahead of running them ([`Code`]), syntax checks and the
//! disassembler.

use std::sync::Arc;

use gilvm_compiler::bytecode::CodeObject;

use crate::PyErr;

/// A module compiled by [`compile`], ready to run with [`Interpreter::run_code`](crate::Interpreter::run_code) (any number of
/// times, on any thread).
///
/// ```
/// let code = gilvm::compile("print('hi')", "hi.py").unwrap();
/// assert_eq!(code.filename(), "hi.py");
/// assert!(code.disassemble().contains("CALL"));
/// ```
#[derive(Clone)]
pub struct Code {
    pub(crate) code: Arc<CodeObject>,
    pub(crate) source: Arc<str>,
}

impl Code {
    /// The file name given to [`compile`] (shown in tracebacks, and `__file__`).
    ///
    /// ```
    /// assert_eq!(gilvm::compile("pass", "p.py").unwrap().filename(), "p.py");
    /// ```
    pub fn filename(&self) -> &str {
        &self.code.filename
    }

    /// The bytecode, as `gilvm --dis` prints it.
    ///
    /// ```
    /// let text = gilvm::compile("x = 1", "x.py").unwrap().disassemble();
    /// assert!(text.contains("STORE_NAME"));
    /// ```
    pub fn disassemble(&self) -> String {
        gilvm_compiler::disassemble(&self.code)
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Code")
            .field("filename", &self.filename())
            .finish_non_exhaustive()
    }
}

/// Compiles `source` as a module named `filename`; a `SyntaxError` (or `IndentationError`...)
/// when it is not valid, whose [`traceback`](PyErr::traceback) is CPython's report, ready to
/// print.
///
/// ```
/// let code = gilvm::compile("x = 1", "ok.py").unwrap();
/// assert!(gilvm::Interpreter::new().run_code(&code).is_ok());
/// let err = gilvm::compile("if x\n", "bad.py").unwrap_err();
/// assert_eq!(err.type_name(), "SyntaxError");
/// assert!(err.traceback().starts_with("  File \"bad.py\", line 1"));
/// ```
pub fn compile(source: &str, filename: &str) -> Result<Code, PyErr> {
    match gilvm_compiler::compile_source(source, filename) {
        Ok(code) => Ok(Code {
            code,
            source: source.into(),
        }),
        Err(error) => Err(PyErr::from_syntax(&error, filename, source)),
    }
}

/// Compiles `source` without running it: `Ok` when it is valid, else the `SyntaxError`
/// (its [`traceback`](PyErr::traceback) is CPython's report, ready to print).
///
/// ```
/// assert!(gilvm::compile_check("x = 1", "ok.py").is_ok());
/// let err = gilvm::compile_check("def f(:\n", "bad.py").unwrap_err();
/// assert_eq!(err.type_name(), "SyntaxError");
/// assert!(err.traceback().starts_with("  File \"bad.py\", line 1"));
/// ```
pub fn compile_check(source: &str, filename: &str) -> Result<(), PyErr> {
    compile(source, filename).map(drop)
}

/// The bytecode of `source`, as `gilvm --dis` prints it; a `SyntaxError` when it does not
/// compile.
///
/// ```
/// let text = gilvm::disassemble("print(1 + x)", "d.py").unwrap();
/// assert!(text.contains("LOAD_NAME") || text.contains("LOAD_GLOBAL"));
/// assert!(gilvm::disassemble("x = (", "d.py").is_err());
/// ```
pub fn disassemble(source: &str, filename: &str) -> Result<String, PyErr> {
    compile(source, filename).map(|code| code.disassemble())
}
