//! [`PyErr`]: a Python exception on the Rust side.

use std::fmt;

use gilvm_vm::embed::{object, Object};

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
    /// What only some errors made in Rust carry (boxed: a `PyErr` stays small).
    detail: Option<Box<Detail>>,
}

/// The rarer parts of a [`PyErr`] made in Rust.
#[derive(Default)]
struct Detail {
    /// For a conversion that found the wrong type: (expected, found) type names, so that an
    /// argument's conversion can say `f() argument 'x' must be int, not str`.
    mismatch: Option<(String, String)>,
    /// The class to raise, for an error of a class only Python knows (a host-defined one).
    class: Option<ClassFn>,
    /// `(errno, strerror, filename)` of an `OSError` made from a `std::io::Error`.
    os: Option<(i32, String, Option<String>)>,
}

/// Finds an exception class (see [`PyErr::of`]).
pub type ClassFn = for<'py> fn(Python<'py>) -> PyResult<crate::Bound<'py>>;

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
    /// An exception of the class `type_name` with `message`: a built-in class
    /// (`"KeyError"`, `"OSError"`...), or `"module.Class"` for a class of an imported module
    /// (one the host made with [`Python::new_exception_class`], or defined in Python). A
    /// name that finds no exception class when the error is raised is a `SystemError`
    /// naming it, never a silent stand-in.
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
            detail: None,
        }
    }

    fn detail_mut(&mut self) -> &mut Detail {
        self.detail.get_or_insert_with(Box::default)
    }

    /// A conversion's `TypeError`: `obj` is a `found`, not an `expected`.
    pub(crate) fn mismatch(expected: &str, found: &str) -> PyErr {
        let mut err = PyErr::type_error(format!("expected {expected}, got '{found}' object"));
        err.detail_mut().mismatch = Some((expected.to_string(), found.to_string()));
        err
    }

    /// This conversion error, raised for the argument `param` (`'name'` or a position) of
    /// `function`: a wrong type is reported in CPython's words for built-ins.
    pub(crate) fn in_argument(self, function: &str, param: &str) -> PyErr {
        match self.detail.as_ref().and_then(|d| d.mismatch.as_ref()) {
            Some((expected, found)) => PyErr::type_error(format!(
                "{function}() argument {param} must be {expected}, not {found}"
            )),
            None => self,
        }
    }

    /// This conversion error, met inside a container (so not the argument's own type).
    pub(crate) fn nested(mut self) -> PyErr {
        if let Some(detail) = &mut self.detail {
            detail.mismatch = None;
        }
        self
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
            detail: None,
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
            detail: None,
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
            // `-c` code is parsed as a string, where CPython places the end of the input.
            traceback: match filename {
                "<string>" => error.report(filename, source),
                _ => error.report_file(filename, source),
            },
            exit_status: None,
            value: None,
            detail: None,
        }
    }

    /// The exception to raise in Python for this error.
    pub(crate) fn into_exception(self, py: Python<'_>) -> Object {
        if let Some(value) = &self.value {
            return value.bind(py).into_object();
        }
        let failed = match self.instantiate(py) {
            Ok(exc) => return exc.into_object(),
            Err(failed) => failed,
        };
        // The class could not be found or instantiated: raise why (once: that error is of a
        // built-in class, which the VM makes directly if Python cannot).
        if let Some(value) = &failed.value {
            return value.bind(py).into_object();
        }
        let text = failed.message.clone();
        py.with_state(|ts| {
            object::new_builtin_exception(ts, &failed.type_name, Object::str(&text))
                .unwrap_or_else(|| object::runtime_error(ts, &text))
        })
    }

    /// A new exception object of this error's class.
    fn instantiate<'py>(&self, py: Python<'py>) -> PyResult<crate::Bound<'py>> {
        let detail = self.detail.as_deref();
        let class = match detail.and_then(|d| d.class) {
            Some(find) => find(py)?,
            None => self.named_class(py)?,
        };
        match detail.and_then(|d| d.os.as_ref()) {
            Some((errno, strerror, Some(filename))) => class.call1((*errno, strerror, filename)),
            Some((errno, strerror, None)) => class.call1((*errno, strerror)),
            None => class.call1((&self.message,)),
        }
    }

    /// The exception class `type_name` names: a built-in, or `module.Class`.
    fn named_class<'py>(&self, py: Python<'py>) -> PyResult<crate::Bound<'py>> {
        let (module, name) = match self.type_name.rsplit_once('.') {
            Some((module, name)) => (module, name),
            None => ("builtins", self.type_name.as_str()),
        };
        let module = match module {
            "builtins" => py.import(module),
            // Only a module already imported: raising an error runs no module's code.
            _ => py
                .import("sys")
                .and_then(|sys| sys.getattr("modules")?.get_item(module)),
        };
        let found = module
            .and_then(|module| module.getattr(name))
            .ok()
            .filter(|class| is_exception_class(py, class));
        found.ok_or_else(|| {
            PyErr::new(
                "SystemError",
                format!(
                    "no exception class named '{}' (raising: {})",
                    self.type_name, self.message
                ),
            )
        })
    }

    /// An error of the class `T` (a built-in's marker, or one made by
    /// [`create_exception!`](crate::create_exception)) with `message`.
    ///
    /// ```
    /// gilvm::create_exception!(shop, OutOfStock, "LookupError");
    /// let interp = gilvm::Interpreter::new();
    /// interp.with_gil(|py| {
    ///     py.add_function("buy", |_py, _args| -> gilvm::PyResult<()> {
    ///         Err(gilvm::PyErr::of::<OutOfStock>("no more apples"))
    ///     }).unwrap();
    ///     py.run("try:\n    buy()\nexcept LookupError as e:\n    caught = type(e).__name__ + ': ' + str(e)").unwrap();
    ///     assert_eq!(py.eval("caught").unwrap().extract::<String>().unwrap(), "OutOfStock: no more apples");
    ///     let err = py.run("buy()").unwrap_err();
    ///     assert!(err.matches::<OutOfStock>(py));
    ///     assert!(!err.matches::<gilvm::exceptions::KeyError>(py));
    ///     assert_eq!(err.to_string(), "OutOfStock: no more apples");
    /// });
    /// ```
    pub fn of<T: crate::PyTypeInfo>(message: impl Into<String>) -> PyErr {
        let mut err = PyErr::new(T::NAME, message);
        err.detail_mut().class = Some(T::type_object);
        err
    }

    /// An error of the exception class `class` (a host-defined one, say) with `message`;
    /// if `class` cannot be instantiated, that failure is the error.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let class = py.new_exception_class("app.ConfigError", None).unwrap();
    ///     let err = gilvm::PyErr::new_with_class(&class, "bad port");
    ///     assert_eq!(err.to_string(), "ConfigError: bad port");
    ///     assert!(err.is_instance(py, "Exception"));
    /// });
    /// ```
    pub fn new_with_class(class: &crate::Bound<'_>, message: impl Into<String>) -> PyErr {
        let message = message.into();
        match class.call1((message,)) {
            Ok(exc) => PyErr::from_exception(class.py(), exc.into_object()),
            Err(err) => err,
        }
    }

    /// Whether the exception is an instance of `T` (or of a subclass).
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let err = py.run("int('x')").unwrap_err();
    ///     assert!(err.matches::<gilvm::exceptions::ValueError>(py));
    ///     assert!(!err.matches::<gilvm::exceptions::KeyError>(py));
    /// });
    /// ```
    pub fn matches<T: crate::PyTypeInfo>(&self, py: Python<'_>) -> bool {
        let Ok(class) = T::type_object(py) else {
            return false;
        };
        let exc = match self.value(py) {
            Some(exc) => exc,
            None => match self.instantiate(py) {
                Ok(exc) => exc,
                Err(_) => return false,
            },
        };
        let isinstance = py.import("builtins").and_then(|b| b.getattr("isinstance"));
        isinstance
            .and_then(|f| f.call1((exc, class))?.extract::<bool>())
            .unwrap_or(false)
    }

    /// An `OSError` (of the class `type_name`, a subclass) with `errno` and `strerror`,
    /// and the file it concerns.
    pub(crate) fn os_error(
        type_name: &str,
        errno: i32,
        strerror: String,
        filename: Option<String>,
    ) -> PyErr {
        let message = match &filename {
            Some(f) => format!("[Errno {errno}] {strerror}: '{f}'"),
            None => format!("[Errno {errno}] {strerror}"),
        };
        let mut err = PyErr::new(type_name, message);
        err.detail_mut().os = Some((errno, strerror, filename));
        err
    }
}

fn is_exception_class<'py>(py: Python<'py>, class: &crate::Bound<'py>) -> bool {
    let check = || -> PyResult<bool> {
        let builtins = py.import("builtins")?;
        let is_type = builtins
            .getattr("isinstance")?
            .call1((class, builtins.getattr("type")?))?;
        if !is_type.extract::<bool>()? {
            return Ok(false);
        }
        let base = builtins.getattr("BaseException")?;
        builtins
            .getattr("issubclass")?
            .call1((class, base))?
            .extract()
    };
    check().unwrap_or(false)
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
