//! [`Python<'py>`]: the token that proves the GIL is held.

use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

use gilvm_syntax::ast;
use gilvm_vm::embed::{object, Object, Session, ThreadState};

use crate::{Bound, PyErr, PyResult};

/// Proof that this thread holds an interpreter's GIL, for the lifetime `'py`.
///
/// Every object handle ([`Bound<'py>`]) carries the token's lifetime, so no handle can
/// outlive the [`Interpreter::with_gil`](crate::Interpreter::with_gil) closure (or the native
/// function call) that received the token. The token is `Copy` but neither `Send` nor
/// `Sync`: it cannot reach another thread, nor be captured by
/// [`allow_threads`](Python::allow_threads).
///
/// ```
/// let interp = gilvm::Interpreter::new();
/// let n: i64 = interp.with_gil(|py| py.eval("6 * 7")?.extract()).unwrap();
/// assert_eq!(n, 42);
/// ```
#[derive(Clone, Copy)]
pub struct Python<'py> {
    state: &'py RefCell<&'py mut ThreadState>,
    session: &'py Arc<Session>,
}

/// Name the result of [`Python::eval`] is stored under, in a scratch namespace.
const EVAL_RESULT: &str = "__gilvm_eval_result__";

/// Runs `f` with a token for `ts`, a state of `session`.
pub(crate) fn scope<R>(
    session: &Arc<Session>,
    ts: &mut ThreadState,
    f: impl for<'py> FnOnce(Python<'py>) -> R,
) -> R {
    let state = RefCell::new(ts);
    f(Python {
        state: &state,
        session,
    })
}

impl<'py> Python<'py> {
    /// Runs one VM operation on this thread's state. Operations never run host code while
    /// they hold the state (conversions happen before and after).
    pub(crate) fn with_state<T>(self, op: impl FnOnce(&mut ThreadState) -> T) -> T {
        op(&mut self.state.borrow_mut())
    }

    pub(crate) fn session(self) -> &'py Arc<Session> {
        self.session
    }

    pub(crate) fn bound(self, obj: Object) -> Bound<'py> {
        Bound::new(self, obj)
    }

    pub(crate) fn result(self, result: Result<Object, Object>) -> PyResult<Bound<'py>> {
        result
            .map(|o| self.bound(o))
            .map_err(|e| PyErr::from_exception(self, e))
    }

    /// Runs `source` as the body of module `__main__` (its globals persist between runs).
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.run("x = 20").unwrap();
    ///     py.run("y = x + 1").unwrap();
    ///     assert_eq!(py.eval("x + y").unwrap().extract::<i64>().unwrap(), 41);
    /// });
    /// ```
    pub fn run(self, source: &str) -> PyResult<()> {
        self.run_module(source, "<string>", "__main__").map(drop)
    }

    /// Runs `source` (reported as `filename` in tracebacks) as the body of module `name`,
    /// which is created (and put in `sys.modules`) if needed; returns the module.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let m = py.run_module("def twice(x):\n    return 2 * x\n", "util.py", "util").unwrap();
    ///     assert_eq!(m.call_method1("twice", (21,)).unwrap().extract::<i64>().unwrap(), 42);
    ///     py.run("import util\nassert util.twice(2) == 4").unwrap();
    /// });
    /// ```
    pub fn run_module(self, source: &str, filename: &str, name: &str) -> PyResult<Bound<'py>> {
        let code = gilvm_compiler::compile_source(source, filename)
            .map_err(|e| PyErr::from_syntax(&e, filename, source))?;
        self.result(self.with_state(|ts| object::exec_code(ts, name, code, source)))
    }

    /// Runs the file at `path` as `__main__` (`__file__` is its path); a missing file is a
    /// `FileNotFoundError`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let err = py.run_file("no/such/file.py").unwrap_err();
    ///     assert_eq!(err.type_name(), "FileNotFoundError");
    /// });
    /// ```
    pub fn run_file(self, path: impl AsRef<Path>) -> PyResult<Bound<'py>> {
        let path = path.as_ref();
        let filename = path.display().to_string();
        let source = read_source(path)?;
        self.run_module(&source, &filename, "__main__")
    }

    /// Evaluates the expression `source` with `__main__`'s globals.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let v = py.eval("[i * i for i in range(4)]").unwrap();
    ///     assert_eq!(v.extract::<Vec<i64>>().unwrap(), vec![0, 1, 4, 9]);
    ///     assert_eq!(py.eval("1 +").unwrap_err().type_name(), "SyntaxError");
    /// });
    /// ```
    pub fn eval(self, source: &str) -> PyResult<Bound<'py>> {
        let filename = "<string>";
        let syntax = |e: gilvm_syntax::SyntaxError| PyErr::from_syntax(&e, filename, source);
        let expr = gilvm_syntax::parse_expression(source).map_err(syntax)?;
        let module = assign_to_result(expr);
        let code = gilvm_compiler::compile_module(&module, source, filename).map_err(syntax)?;
        self.result(
            self.with_state(|ts| object::eval_code(ts, "__main__", code, source, EVAL_RESULT)),
        )
    }

    /// `import name`: a built-in module, a native module registered by the host, or a `.py`
    /// file in the search path.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let math = py.import("math").unwrap();
    ///     let root: f64 = math.call_method1("sqrt", (16.0,)).unwrap().extract().unwrap();
    ///     assert_eq!(root, 4.0);
    /// });
    /// ```
    pub fn import(self, name: &str) -> PyResult<Bound<'py>> {
        self.result(self.with_state(|ts| object::import(ts, name)))
    }

    /// `None`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| assert!(py.none().is_none()));
    /// ```
    pub fn none(self) -> Bound<'py> {
        self.bound(Object::none())
    }

    /// Releases the GIL while `f` runs (long native work, blocking I/O), so that script
    /// threads and other host threads can run; takes it back afterwards. `f` and its result
    /// must be `Send`, so they cannot hold object handles or the token.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let sum: u64 = py.allow_threads(|| (1..=100u64).sum());
    ///     assert_eq!(sum, 5050);
    /// });
    /// ```
    pub fn allow_threads<T: Send>(self, f: impl FnOnce() -> T + Send) -> T {
        self.with_state(|ts| ts.allow_threads(f))
    }

    /// Sets this thread's GIL priority (higher is more urgent; default 0) under the Priority
    /// policy. A host thread keeps it across `with_gil` calls.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.set_priority(5);
    ///     assert_eq!(py.priority(), 5);
    /// });
    /// ```
    pub fn set_priority(self, priority: i32) {
        self.with_state(|ts| ts.gil.set_priority(priority));
    }

    /// This thread's GIL priority.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| assert_eq!(py.priority(), 0));
    /// ```
    pub fn priority(self) -> i32 {
        self.with_state(|ts| ts.gil.priority())
    }

    /// This thread's `threading.get_ident()`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let ident = py.import("threading").unwrap().call_method0("get_ident").unwrap();
    ///     assert_eq!(ident.extract::<i64>().unwrap(), py.thread_ident());
    /// });
    /// ```
    pub fn thread_ident(self) -> i64 {
        self.with_state(|ts| ts.ident())
    }
}

fn read_source(path: &Path) -> PyResult<String> {
    let bytes = std::fs::read(path).map_err(|e| {
        let errno = e.raw_os_error().unwrap_or(0);
        let kind = match e.kind() {
            std::io::ErrorKind::NotFound => "FileNotFoundError",
            _ => "OSError",
        };
        let reason = e.to_string();
        let reason = reason.split(" (os error").next().unwrap_or_default();
        PyErr::new(
            kind,
            format!("[Errno {errno}] {reason}: '{}'", path.display()),
        )
    })?;
    String::from_utf8(bytes).map_err(|_| {
        PyErr::new(
            "SyntaxError",
            format!("Non-UTF-8 code in file {}", path.display()),
        )
    })
}

/// `__gilvm_eval_result__ = <expr>` as a one-statement module.
fn assign_to_result(expr: ast::Expr) -> ast::Module {
    let span = expr.span;
    let target = ast::Expr {
        kind: ast::ExprKind::Name(EVAL_RESULT.to_string()),
        span,
    };
    ast::Module {
        body: vec![ast::Stmt {
            kind: ast::StmtKind::Assign {
                targets: vec![target],
                value: expr,
            },
            span,
        }],
    }
}
