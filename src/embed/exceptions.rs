//! Exception classes from Rust: markers of the built-in ones ([`crate::exceptions`]), the
//! host's own ([`Python::new_exception_class`], [`create_exception!`](crate::create_exception)),
//! and conversions of Rust's standard errors into Python exceptions.

use std::io::ErrorKind;

use crate::{Bound, PyErr, PyResult, Python};

impl<'py> Python<'py> {
    /// A new exception class `qualified_name` (`"module.Name"`), deriving from `base`
    /// (`Exception` if `None`). When the module is imported (a [`NativeModule`](crate::NativeModule)
    /// the host added, say), the class becomes its attribute, so that scripts can catch it
    /// by name and [`PyErr::new`] finds it.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// interp.add_module(gilvm::NativeModule::new("app")).unwrap();
    /// interp.with_gil(|py| {
    ///     let base = py.import("builtins").unwrap().getattr("ValueError").unwrap();
    ///     py.new_exception_class("app.ConfigError", Some(&base)).unwrap();
    ///     py.add_function("load", |_py, _args| -> gilvm::PyResult<()> {
    ///         Err(gilvm::PyErr::new("app.ConfigError", "bad port"))
    ///     }).unwrap();
    ///     py.run("import app\ntry:\n    load()\nexcept app.ConfigError as e:\n    seen = repr(e)").unwrap();
    ///     assert_eq!(py.eval("seen").unwrap().extract::<String>().unwrap(), "ConfigError('bad port')");
    ///     assert!(py.run("load()").unwrap_err().is_instance(py, "ValueError"));
    /// });
    /// ```
    pub fn new_exception_class(
        self,
        qualified_name: &str,
        base: Option<&Bound<'py>>,
    ) -> PyResult<Bound<'py>> {
        let (module, name) = qualified_name
            .rsplit_once('.')
            .unwrap_or(("builtins", qualified_name));
        let builtins = self.import("builtins")?;
        let base = match base {
            Some(base) => base.clone(),
            None => builtins.getattr("Exception")?,
        };
        let namespace = crate::PyDict::new(self);
        namespace.set_item("__module__", module)?;
        let bases = crate::PyTuple::new(self, [base])?;
        let class = builtins.getattr("type")?.call1((name, bases, namespace))?;
        let modules = self.import("sys")?.getattr("modules")?;
        if let Ok(module) = modules.get_item(module) {
            module.setattr(name, &class)?;
        }
        Ok(class)
    }
}

/// Declares a marker type for a host exception class: `create_exception!(module, Name,
/// "Base")` makes `Name`, whose class `module.Name` (deriving from the built-in `Base`) is
/// created the first time an interpreter needs it. Raise it with [`PyErr::of`], test for it
/// with [`PyErr::matches`].
///
/// ```
/// gilvm::create_exception!(payments, Declined, "Exception");
/// gilvm::Interpreter::new().with_gil(|py| {
///     let class = <Declined as gilvm::PyTypeInfo>::type_object(py).unwrap();
///     assert_eq!(class.getattr("__module__").unwrap().extract::<String>().unwrap(), "payments");
///     let err = gilvm::PyErr::of::<Declined>("card expired");
///     assert!(err.matches::<gilvm::exceptions::Exception>(py));
/// });
/// ```
#[macro_export]
macro_rules! create_exception {
    ($module:ident, $name:ident, $base:literal) => {
        #[doc = concat!("The exception class `", stringify!($module), ".", stringify!($name), "`.")]
        pub struct $name(());

        impl $crate::PyTypeInfo for $name {
            const NAME: &'static str = concat!(stringify!($module), ".", stringify!($name));
            fn type_object<'py>(py: $crate::Python<'py>) -> $crate::PyResult<$crate::Bound<'py>> {
                $crate::host_exception_class(py, Self::NAME, $base)
            }
        }
    };
}

/// The class of [`create_exception!`](crate::create_exception) (not for direct use): kept in
/// the interpreter's registry, created on first use.
#[doc(hidden)]
pub fn host_exception_class<'py>(
    py: Python<'py>,
    qualified_name: &str,
    base: &str,
) -> PyResult<Bound<'py>> {
    let registry = crate::embed::class::registry(py)?;
    if let Ok(class) = registry.getattr(qualified_name) {
        return Ok(class);
    }
    let base = py.import("builtins")?.getattr(base)?;
    let class = py.new_exception_class(qualified_name, Some(&base))?;
    registry.setattr(qualified_name, &class)?;
    Ok(class)
}

/// Markers of the built-in exception classes, for [`PyErr::of`] and [`PyErr::matches`].
pub mod markers {
    crate::__builtin_types! {
        /// `BaseException`.
        BaseException = "BaseException";
        /// `Exception`.
        Exception = "Exception";
        /// `ValueError`.
        ValueError = "ValueError";
        /// `TypeError`.
        TypeError = "TypeError";
        /// `KeyError`.
        KeyError = "KeyError";
        /// `IndexError`.
        IndexError = "IndexError";
        /// `LookupError`.
        LookupError = "LookupError";
        /// `RuntimeError`.
        RuntimeError = "RuntimeError";
        /// `OSError`.
        OSError = "OSError";
        /// `FileNotFoundError`.
        FileNotFoundError = "FileNotFoundError";
        /// `PermissionError`.
        PermissionError = "PermissionError";
        /// `OverflowError`.
        OverflowError = "OverflowError";
        /// `ZeroDivisionError`.
        ZeroDivisionError = "ZeroDivisionError";
        /// `UnicodeDecodeError`.
        UnicodeDecodeError = "UnicodeDecodeError";
        /// `AttributeError`.
        AttributeError = "AttributeError";
        /// `StopIteration`.
        StopIteration = "StopIteration";
        /// `NotImplementedError`.
        NotImplementedError = "NotImplementedError";
        /// `TimeoutError`.
        TimeoutError = "TimeoutError";
        /// `SystemExit`.
        SystemExit = "SystemExit";
        /// `KeyboardInterrupt`.
        KeyboardInterrupt = "KeyboardInterrupt";
        /// `MemoryError`.
        MemoryError = "MemoryError";
        /// `RecursionError`.
        RecursionError = "RecursionError";
    }
}

/// The `OSError` subclass CPython raises for an I/O error of this kind.
fn os_error_class(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::NotFound => "FileNotFoundError",
        ErrorKind::PermissionDenied => "PermissionError",
        ErrorKind::AlreadyExists => "FileExistsError",
        ErrorKind::IsADirectory => "IsADirectoryError",
        ErrorKind::NotADirectory => "NotADirectoryError",
        ErrorKind::ConnectionRefused => "ConnectionRefusedError",
        ErrorKind::ConnectionReset => "ConnectionResetError",
        ErrorKind::ConnectionAborted => "ConnectionAbortedError",
        ErrorKind::BrokenPipe => "BrokenPipeError",
        ErrorKind::TimedOut => "TimeoutError",
        ErrorKind::WouldBlock => "BlockingIOError",
        ErrorKind::Interrupted => "InterruptedError",
        _ => "OSError",
    }
}

/// An I/O error as the `OSError` subclass CPython raises for it, with `errno` and
/// `strerror` when the OS gave a code.
///
/// ```
/// let err: gilvm::PyErr = std::fs::read("/no/such/file").unwrap_err().into();
/// assert_eq!(err.to_string(), "FileNotFoundError: [Errno 2] No such file or directory");
/// gilvm::Interpreter::new().with_gil(|py| {
///     py.add_function("boom", |_py, _args| -> gilvm::PyResult<()> {
///         Err(std::fs::read("/no/such/file").unwrap_err().into())
///     }).unwrap();
///     py.run("try:\n    boom()\nexcept OSError as e:\n    seen = (type(e).__name__, e.errno, e.strerror)").unwrap();
///     let seen: (String, i64, String) = py.eval("seen").unwrap().extract().unwrap();
///     assert_eq!(seen, ("FileNotFoundError".into(), 2, "No such file or directory".into()));
/// });
/// ```
impl From<std::io::Error> for PyErr {
    fn from(err: std::io::Error) -> PyErr {
        let class = os_error_class(err.kind());
        match err.raw_os_error() {
            Some(errno) => {
                let text = err.to_string();
                let strerror = text.split(" (os error").next().unwrap_or_default();
                PyErr::os_error(class, errno, strerror.to_string(), None)
            }
            None => PyErr::new(class, err.to_string()),
        }
    }
}

/// `ValueError`, with the message `int()` would give where it can.
///
/// ```
/// let err: gilvm::PyErr = "x".parse::<i64>().unwrap_err().into();
/// assert_eq!(err.to_string(), "ValueError: invalid digit found in string");
/// ```
impl From<std::num::ParseIntError> for PyErr {
    fn from(err: std::num::ParseIntError) -> PyErr {
        PyErr::value_error(err.to_string())
    }
}

/// `ValueError`.
///
/// ```
/// let err: gilvm::PyErr = "x".parse::<f64>().unwrap_err().into();
/// assert_eq!(err.to_string(), "ValueError: invalid float literal");
/// ```
impl From<std::num::ParseFloatError> for PyErr {
    fn from(err: std::num::ParseFloatError) -> PyErr {
        PyErr::value_error(err.to_string())
    }
}

/// `UnicodeDecodeError` (the bytes are not at hand: `String::from_utf8`'s error names the
/// byte as CPython does).
///
/// ```
/// let err: gilvm::PyErr = std::str::from_utf8(b"a\xff").unwrap_err().into();
/// assert_eq!(err.to_string(), "UnicodeDecodeError: 'utf-8' codec can't decode position 1: invalid utf-8");
/// ```
impl From<std::str::Utf8Error> for PyErr {
    fn from(err: std::str::Utf8Error) -> PyErr {
        unicode_decode_error(&err, None)
    }
}

/// `UnicodeDecodeError`, in CPython's words for the first bad byte.
///
/// ```
/// let err: gilvm::PyErr = String::from_utf8(b"a\xff".to_vec()).unwrap_err().into();
/// assert_eq!(err.to_string(), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte");
/// ```
impl From<std::string::FromUtf8Error> for PyErr {
    fn from(err: std::string::FromUtf8Error) -> PyErr {
        unicode_decode_error(&err.utf8_error(), Some(err.as_bytes()))
    }
}

fn unicode_decode_error(err: &std::str::Utf8Error, bytes: Option<&[u8]>) -> PyErr {
    let at = err.valid_up_to();
    let Some(byte) = bytes.and_then(|b| b.get(at).copied()) else {
        let reason = match err.error_len() {
            None => "unexpected end of data",
            Some(_) => "invalid utf-8",
        };
        let message = format!("'utf-8' codec can't decode position {at}: {reason}");
        return PyErr::new("UnicodeDecodeError", message);
    };
    let reason = match err.error_len() {
        None => "unexpected end of data",
        Some(_) if (0x80..0xc2).contains(&byte) || byte > 0xf4 => "invalid start byte",
        Some(_) => "invalid continuation byte",
    };
    PyErr::new(
        "UnicodeDecodeError",
        format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {at}: {reason}"),
    )
}
