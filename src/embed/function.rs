//! Native functions with typed parameters: [`function!`](crate::function) turns a Rust
//! `fn` into a [`Function`] that unpacks its arguments (positional or by name, with
//! defaults) as CPython's built-ins do, with CPython's messages.

use crate::{Args, Bound, FromPy, IntoPy, PyErr, PyObject, PyResult, Python};

/// The signature of a [`Function`]'s body: unpacks the call's [`Args`] and runs.
pub type RawFunction = for<'py> fn(Python<'py>, Args<'py>) -> PyResult<PyObject>;

/// A native function made by [`function!`](crate::function): its name and its body.
/// Register it with [`NativeModule::add_function`](crate::NativeModule::add_function), as a
/// built-in with [`Python::add_builtin`], or as a method of a [`PyClass`](crate::PyClass).
#[derive(Clone, Copy)]
pub struct Function {
    name: &'static str,
    body: RawFunction,
}

impl Function {
    /// A function named `name` running `body` (what [`function!`](crate::function) expands to).
    pub const fn new(name: &'static str, body: RawFunction) -> Function {
        Function { name, body }
    }

    /// The function's `__name__`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The function's body.
    pub fn body(&self) -> RawFunction {
        self.body
    }
}

/// One parameter of a typed native function: its name and whether it has a default.
#[derive(Clone, Copy, Debug)]
pub struct Param {
    /// The name a caller may pass it by.
    pub name: &'static str,
    /// Whether the call must pass it.
    pub required: bool,
}

/// A parameter's type: how an argument converts to it. Every [`FromPy`] type is one; so is
/// `&str`, borrowed from the argument.
pub trait FromPyArg<'a, 'py>: Sized {
    /// Converts the argument.
    fn from_arg(obj: &'a Bound<'py>) -> PyResult<Self>;
}

impl<'a, 'py, T: FromPy<'py>> FromPyArg<'a, 'py> for T {
    fn from_arg(obj: &'a Bound<'py>) -> PyResult<Self> {
        T::from_py(obj)
    }
}

impl<'a, 'py> FromPyArg<'a, 'py> for &'a str {
    fn from_arg(obj: &'a Bound<'py>) -> PyResult<Self> {
        match obj.object().view() {
            gilvm_vm::embed::View::Str(s) => Ok(s),
            _ => Err(PyErr::mismatch("str", &obj.type_name())),
        }
    }
}

/// What a typed native function may return: a value that converts, or a `Result` of one
/// whose error converts into a [`PyErr`] (`std::io::Error`, `ParseIntError`...).
pub trait IntoPyReturn<'py> {
    /// The Python result.
    fn into_py_return(self, py: Python<'py>) -> PyResult<PyObject>;
}

impl<'py, T: IntoPy<'py>, E: Into<PyErr>> IntoPyReturn<'py> for Result<T, E> {
    fn into_py_return(self, py: Python<'py>) -> PyResult<PyObject> {
        Ok(self.map_err(Into::into)?.into_py(py)?.unbind())
    }
}

impl<'py, T: IntoPy<'py>> IntoPyReturn<'py> for T {
    fn into_py_return(self, py: Python<'py>) -> PyResult<PyObject> {
        Ok(self.into_py(py)?.unbind())
    }
}

/// Converts the argument bound to `param` of `function` (`f() argument 'x' must be int, not
/// str` when it has the wrong type).
pub fn convert_arg<'a, 'py, T: FromPyArg<'a, 'py>>(
    obj: &'a Bound<'py>,
    function: &str,
    param: &str,
) -> PyResult<T> {
    T::from_arg(obj).map_err(|e| e.in_argument(function, &format!("'{param}'")))
}

impl<'py> Args<'py> {
    /// Binds the call's arguments to `params` as CPython's built-ins do: positional ones in
    /// order, then keywords by name; one slot per parameter, `None` where a parameter with a
    /// default was left out. The errors are CPython's, naming `function`:
    ///
    /// ```
    /// use gilvm::Param;
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.add_function("add", |_py, args| {
    ///         let params = [Param { name: "a", required: true }, Param { name: "b", required: true }];
    ///         let slots = args.bind("add", &params)?;
    ///         Ok(slots.len())
    ///     }).unwrap();
    ///     let message = |src: &str| py.eval(src).unwrap_err().to_string();
    ///     assert_eq!(message("add(1)"), "TypeError: add() missing required argument 'b' (pos 2)");
    ///     assert_eq!(message("add(1, 2, 3)"), "TypeError: add() takes exactly 2 positional arguments (3 given)");
    ///     assert_eq!(message("add(1, 2, c=3)"), "TypeError: 'c' is an invalid keyword argument for add()");
    ///     assert_eq!(message("add(1, a=2)"), "TypeError: argument for add() given by name ('a') and position (1)");
    ///     assert_eq!(py.eval("add(b=1, a=2)").unwrap().extract::<usize>().unwrap(), 2);
    /// });
    /// ```
    pub fn bind(&self, function: &str, params: &[Param]) -> PyResult<Vec<Option<Bound<'py>>>> {
        let given = self.positional().len();
        if given > params.len() {
            let bound = if params.iter().all(|p| p.required) {
                "exactly"
            } else {
                "at most"
            };
            let plural = if params.len() == 1 { "" } else { "s" };
            return Err(PyErr::type_error(format!(
                "{function}() takes {bound} {} positional argument{plural} ({given} given)",
                params.len()
            )));
        }
        let mut slots: Vec<Option<Bound<'py>>> =
            self.positional().iter().cloned().map(Some).collect();
        slots.resize(params.len(), None);
        for (name, value) in self.keywords() {
            let Some(index) = params.iter().position(|p| p.name == name) else {
                return Err(PyErr::type_error(format!(
                    "'{name}' is an invalid keyword argument for {function}()"
                )));
            };
            if slots[index].is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for {function}() given by name ('{name}') and position ({})",
                    index + 1
                )));
            }
            slots[index] = Some(value.clone());
        }
        if let Some(index) = (0..params.len()).find(|&i| params[i].required && slots[i].is_none()) {
            return Err(PyErr::type_error(format!(
                "{function}() missing required argument '{}' (pos {})",
                params[index].name,
                index + 1
            )));
        }
        Ok(slots)
    }
}

/// A native function with typed parameters, from a Rust `fn`: each parameter is converted
/// from the call's arguments (positional or by name; `= expr` gives a default), with
/// CPython's messages for a missing, extra, unknown or mistyped argument. The result is a
/// [`Function`]; it may return any [`IntoPy`] value or a `Result` of one.
///
/// A first parameter `py: Python<'py>` receives the token (and names the lifetime
/// `'py` for `Bound<'py>` parameters).
///
/// ```
/// use gilvm::{Interpreter, NativeModule, PyResult};
/// let add = gilvm::function!(fn add(a: i64, b: i64 = 1) -> i64 { a + b });
/// let greet = gilvm::function!(fn greet(name: &str, times: usize = 1) -> PyResult<String> {
///     Ok(format!("hi {name}").repeat(times))
/// });
/// let interp = Interpreter::new();
/// interp.add_module(NativeModule::new("m").add_function(add).add_function(greet)).unwrap();
/// interp.run("import m").unwrap();
/// assert_eq!(interp.eval::<i64>("m.add(2, b=3) + m.add(1)").unwrap(), 7);
/// assert_eq!(interp.eval::<String>("m.greet('bo', 2)").unwrap(), "hi bohi bo");
/// let err = interp.eval::<i64>("m.add('x')").unwrap_err();
/// assert_eq!(err.to_string(), "TypeError: add() argument 'a' must be int, not str");
/// let err = interp.eval::<i64>("m.add()").unwrap_err();
/// assert_eq!(err.to_string(), "TypeError: add() missing required argument 'a' (pos 1)");
/// ```
#[macro_export]
macro_rules! function {
    ($(#[$meta:meta])* fn $name:ident ($py:ident : Python<$lt:lifetime> $(, $arg:ident : $ty:ty $(= $default:expr)?)* $(,)?) $(-> $ret:ty)? $body:block) => {
        $crate::__typed_body!($name, $py, $lt, [], [$($arg : $ty $(= $default)?),*], $crate::__return_type!($($ret)?), $body)
    };
    ($(#[$meta:meta])* fn $name:ident ($($arg:ident : $ty:ty $(= $default:expr)?),* $(,)?) $(-> $ret:ty)? $body:block) => {
        $crate::__typed_body!($name, __gilvm_py, 'py, [], [$($arg : $ty $(= $default)?),*], $crate::__return_type!($($ret)?), $body)
    };
}

/// The body of [`function!`] and [`method!`](crate::method) (not for direct use).
#[doc(hidden)]
#[macro_export]
macro_rules! __typed_body {
    ($name:ident, $py:ident, $lt:lifetime, [$($receiver:tt)*], [$($arg:ident : $ty:ty $(= $default:expr)?),*], $ret:ty, $body:block) => {{
        #[allow(unused_variables, unused_mut, clippy::needless_question_mark)]
        fn __gilvm_call<$lt>(
            $py: $crate::Python<$lt>,
            __gilvm_args: $crate::Args<$lt>,
        ) -> $crate::PyResult<$crate::PyObject> {
            const __GILVM_NAME: &str = stringify!($name);
            $crate::__receiver!(__gilvm_args, __GILVM_NAME, [$($receiver)*], {
                let __gilvm_params = [$($crate::Param {
                    name: stringify!($arg),
                    required: $crate::__required!($($default)?),
                }),*];
                let __gilvm_slots = __gilvm_args.bind(__GILVM_NAME, &__gilvm_params)?;
                let mut __gilvm_slots = __gilvm_slots.iter();
                $(
                    let $arg: $ty = match __gilvm_slots.next().and_then(Option::as_ref) {
                        Some(value) => $crate::convert_arg(value, __GILVM_NAME, stringify!($arg))?,
                        None => $crate::__default!($($default)?),
                    };
                )*
                let __gilvm_result: $ret = (move || -> $ret { $body })();
                $crate::IntoPyReturn::into_py_return(__gilvm_result, $py)
            })
        }
        $crate::Function::new(stringify!($name), __gilvm_call)
    }};
}

/// The declared return type, `()` when there is none (not for direct use).
#[doc(hidden)]
#[macro_export]
macro_rules! __return_type {
    () => {
        ()
    };
    ($ret:ty) => {
        $ret
    };
}

/// Whether a parameter without (`()`) or with a default is required (not for direct use).
#[doc(hidden)]
#[macro_export]
macro_rules! __required {
    () => {
        true
    };
    ($default:expr) => {
        false
    };
}

/// A parameter's default (not for direct use): `bind` reports a missing required one.
#[doc(hidden)]
#[macro_export]
macro_rules! __default {
    () => {
        unreachable!("a required argument is bound or reported missing")
    };
    ($default:expr) => {
        $default
    };
}

/// The receiver of a method (not for direct use): none for a function.
#[doc(hidden)]
#[macro_export]
macro_rules! __receiver {
    ($args:ident, $name:ident, [], $rest:block) => {
        $rest
    };
    ($args:ident, $name:ident, [$this:ident : & mut $class:ty], $rest:block) => {{
        let (__gilvm_this, $args) = $args.split_receiver($name)?;
        $crate::with_payload_mut::<$class, _>(&__gilvm_this, $name, |$this| $rest)
    }};
    ($args:ident, $name:ident, [$this:ident : & $class:ty], $rest:block) => {{
        let (__gilvm_this, $args) = $args.split_receiver($name)?;
        $crate::with_payload::<$class, _>(&__gilvm_this, $name, |$this| $rest)
    }};
}
