//! [`PyErr`]: a Python exception on the Rust side.

use std::fmt;

use gilvm_vm::embed::{object, Object, ThreadState};

use crate::embed::object::PyObject;
use crate::Python;

/// A Python exception seen from Rust: its class name, message (`str(exc)`), the traceback
/// text CPython would print, and (when it came from Python) the exception object itself, so
/// that re-raising it keeps its class.
///
/// ```
/// let interp = gilvm::Interpreter::new();
/// let err = interp.run("int('x')").unwrap_err();
/// assert_eq!(err.type_name(), "ValueError");
/// assert_eq!(err.message(), "invalid literal for int() with base 10: 'x'");
/// assert!(err.traceback().starts_with("Traceback (most recent call last):"));
/// assert_eq!(err.to_string(), "ValueError: invalid literal for int() with base 10: 'x'");
/// ```
pub struct PyErr {
    type_name: String,
    message: String,
    traceback: String,
    exit_status: Option<i32>,
    value: Option<PyObject>,
}

/// The crate's error type: every failure is reported as a Python exception (a missing file
/// is a `FileNotFoundError`, bad source a `SyntaxError`).
///
/// ```
/// fn run(interp: &gilvm::Interpreter) -> Result<(), gilvm::Error> {
///     interp.run("x = 1")
/// }
/// assert!(run(&gilvm::Interpreter::new()).is_ok());
/// ```
pub type Error = PyErr;

/// A result whose error is a Python exception.
///
/// ```
/// let ok: gilvm::PyResult<i64> = Ok(1);
/// assert_eq!(ok.unwrap(), 1);
/// ```
pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// An exception of the built-in class `type_name` (`"KeyError"`, `"OSError"`...) with
    /// `message`. If no built-in exception class has that name, it is raised as a
    /// `RuntimeError` whose message names the type.
    ///
    /// ```
    /// let err = gilvm::PyErr::new("KeyError", "missing");
    /// assert_eq!(err.type_name(), "KeyError");
    /// assert_eq!(err.message(), "missing");
    /// ```
    pub fn new(type_name: impl Into<String>, message: impl Into<String>) -> PyErr {
        let type_name = type_name.into();
        let message = message.into();
        PyErr {
            traceback: format!("{type_name}: {message}\n"),
            type_name,
            message,
            exit_status: None,
            value: None,
        }
    }

    /// A `ValueError`.
    ///
    /// ```
    /// assert_eq!(gilvm::PyErr::value_error("bad").type_name(), "ValueError");
    /// ```
    pub fn value_error(message: impl Into<String>) -> PyErr {
        PyErr::new("ValueError", message)
    }

    /// A `TypeError`.
    ///
    /// ```
    /// assert_eq!(gilvm::PyErr::type_error("bad").type_name(), "TypeError");
    /// ```
    pub fn type_error(message: impl Into<String>) -> PyErr {
        PyErr::new("TypeError", message)
    }

    /// A `RuntimeError`.
    ///
    /// ```
    /// assert_eq!(gilvm::PyErr::runtime_error("bad").type_name(), "RuntimeError");
    /// ```
    pub fn runtime_error(message: impl Into<String>) -> PyErr {
        PyErr::new("RuntimeError", message)
    }

    /// The exception's class name (`"ZeroDivisionError"`, or a user class's name).
    ///
    /// ```
    /// let err = gilvm::Interpreter::new().run("1 / 0").unwrap_err();
    /// assert_eq!(err.type_name(), "ZeroDivisionError");
    /// ```
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// `str(exception)`.
    ///
    /// ```
    /// let err = gilvm::Interpreter::new().run("1 / 0").unwrap_err();
    /// assert_eq!(err.message(), "division by zero");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The full text CPython prints for the exception when uncaught (for an error made in
    /// Rust, just the last line).
    ///
    /// ```
    /// let err = gilvm::Interpreter::new().run("def f():\n    return 1 / 0\nf()\n").unwrap_err();
    /// assert!(err.traceback().contains("line 2, in f"));
    /// assert!(err.traceback().ends_with("ZeroDivisionError: division by zero\n"));
    /// ```
    pub fn traceback(&self) -> &str {
        &self.traceback
    }

    /// For a `SystemExit`, the process exit status it asks for.
    ///
    /// ```
    /// let err = gilvm::Interpreter::new().run("import sys\nsys.exit(3)").unwrap_err();
    /// assert_eq!(err.exit_status(), Some(3));
    /// ```
    pub fn exit_status(&self) -> Option<i32> {
        self.exit_status
    }

    /// Whether the exception is an instance of the built-in class `type_name` or of a
    /// subclass (needs the GIL for a Python exception).
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let err = py.run("{}['k']").unwrap_err();
    ///     assert!(err.is_instance(py, "LookupError"));
    ///     assert!(!err.is_instance(py, "ValueError"));
    /// });
    /// ```
    pub fn is_instance(&self, py: Python<'_>, type_name: &str) -> bool {
        match &self.value {
            Some(value) => {
                let exc = value.bind(py).into_object();
                py.with_state(|ts| object::exception_matches(ts, &exc, type_name))
            }
            None => self.type_name == type_name,
        }
    }

    /// The exception object, when the error came from Python.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let err = py.run("raise KeyError('k')").unwrap_err();
    ///     let args = err.value(py).unwrap().getattr("args").unwrap();
    ///     assert_eq!(args.extract::<(String,)>().unwrap(), ("k".to_string(),));
    /// });
    /// ```
    pub fn value<'py>(&self, py: Python<'py>) -> Option<crate::Bound<'py>> {
        self.value.as_ref().map(|v| v.bind(py))
    }

    /// A raised exception (`exc` is the exception instance).
    pub(crate) fn from_exception(py: Python<'_>, exc: Object) -> PyErr {
        let (type_name, message, traceback, exit_status) = py.with_state(|ts| {
            let (t, m, tb) = object::exception_report(ts, &exc);
            (t, m, tb, object::exit_status(ts, &exc))
        });
        PyErr {
            type_name,
            message,
            traceback,
            exit_status,
            value: Some(PyObject::detach(py, exc)),
        }
    }

    /// An error made of its parts (no exception object).
    pub(crate) fn from_parts(
        type_name: String,
        message: String,
        traceback: String,
        exit_status: Option<i32>,
    ) -> PyErr {
        PyErr {
            type_name,
            message,
            traceback,
            exit_status,
            value: None,
        }
    }

    /// A syntax error, reported as CPython reports it.
    pub(crate) fn from_syntax(
        error: &gilvm_syntax::SyntaxError,
        filename: &str,
        source: &str,
    ) -> PyErr {
        // `RecursionError` and `MemoryError` (a tree nested too deep) have no location.
        let message = if error.kind.is_syntax_error() {
            format!("{} ({filename}, line {})", error.message, error.line)
        } else {
            error.message.clone()
        };
        PyErr {
            type_name: error.kind.name().to_string(),
            message,
            traceback: error.report(filename, source),
            exit_status: None,
            value: None,
        }
    }

    /// The exception to raise in Python for this error.
    pub(crate) fn into_exception(self, py: Python<'_>) -> Object {
        if let Some(value) = &self.value {
            return value.bind(py).into_object();
        }
        py.with_state(|ts: &mut ThreadState| {
            object::new_builtin_exception(ts, &self.type_name, Object::str(&self.message))
                .unwrap_or_else(|| {
                    let text = format!("{}: {}", self.type_name, self.message);
                    object::runtime_error(ts, &text)
                })
        })
    }
}

impl fmt::Display for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.type_name)
        } else {
            write!(f, "{}: {}", self.type_name, self.message)
        }
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PyErr")
            .field("type_name", &self.type_name)
            .field("message", &self.message)
            .field("traceback", &self.traceback)
            .finish()
    }
}

impl std::error::Error for PyErr {}
