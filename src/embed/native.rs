//! Rust functions that scripts call: [`Args`], [`NativeModule`] and
//! [`Python::add_function`] / [`Python::add_module`].

use std::sync::{Arc, Weak};

use gilvm_vm::embed::{
    native_function, native_method, object, HostFn, Object, Session, ThreadState,
};

use crate::embed::python::scope;
use crate::{Bound, FromPy, IntoPy, PyErr, PyResult, Python};

/// The arguments of a call to a native function.
///
/// ```
/// let interp = gilvm::Interpreter::new();
/// interp.with_gil(|py| {
///     py.add_function("greet", |_py, args| {
///         let name: String = args.arg(0)?;
///         let punct: Option<String> = args.kwarg("punct")?;
///         Ok(format!("hello {name}{}", punct.unwrap_or_default()))
///     }).unwrap();
///     let s: String = py.eval("greet('bob', punct='!')").unwrap().extract().unwrap();
///     assert_eq!(s, "hello bob!");
/// });
/// ```
pub struct Args<'py> {
    py: Python<'py>,
    /// The called function's name, for messages.
    function: Arc<str>,
    positional: Vec<Bound<'py>>,
    keywords: Vec<(String, Bound<'py>)>,
}

impl<'py> Args<'py> {
    /// The arguments of a call of `function` made from Rust.
    pub(crate) fn new(
        py: Python<'py>,
        function: &str,
        positional: Vec<Bound<'py>>,
        keywords: Vec<(String, Bound<'py>)>,
    ) -> Args<'py> {
        Args {
            py,
            function: Arc::from(function),
            positional,
            keywords,
        }
    }

    /// The positional arguments.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.add_function("count", |_py, args| Ok(args.positional().len())).unwrap();
    ///     assert_eq!(py.eval("count(1, 2, 3)").unwrap().extract::<usize>().unwrap(), 3);
    /// });
    /// ```
    pub fn positional(&self) -> &[Bound<'py>] {
        &self.positional
    }

    /// The keyword arguments, in call order.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.add_function("names", |_py, args| {
    ///         Ok(args.keywords().iter().map(|(k, _)| k.clone()).collect::<Vec<_>>())
    ///     }).unwrap();
    ///     assert_eq!(py.eval("names(b=1, a=2)").unwrap().repr().unwrap(), "['b', 'a']");
    /// });
    /// ```
    pub fn keywords(&self) -> &[(String, Bound<'py>)] {
        &self.keywords
    }

    /// Positional argument `index`, converted; a `TypeError` naming the function if missing
    /// or of the wrong type.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.add_function("double", |_py, args| Ok(2 * args.arg::<i64>(0)?)).unwrap();
    ///     assert_eq!(py.eval("double(21)").unwrap().extract::<i64>().unwrap(), 42);
    ///     let message = |src: &str| py.eval(src).unwrap_err().to_string();
    ///     assert_eq!(message("double()"), "TypeError: double() missing required argument (pos 1)");
    ///     assert_eq!(message("double('x')"), "TypeError: double() argument 1 must be int, not str");
    /// });
    /// ```
    pub fn arg<T: FromPy<'py>>(&self, index: usize) -> PyResult<T> {
        let function = &*self.function;
        match self.positional.get(index) {
            Some(value) => value
                .extract()
                .map_err(|e| e.in_argument(function, &(index + 1).to_string())),
            None => Err(PyErr::type_error(format!(
                "{function}() missing required argument (pos {})",
                index + 1
            ))),
        }
    }

    /// The receiver of a method call (the first positional argument) and the other arguments.
    #[doc(hidden)]
    pub fn split_receiver(mut self, method: &str) -> PyResult<(Bound<'py>, Args<'py>)> {
        if self.positional.is_empty() {
            return Err(PyErr::type_error(format!(
                "unbound method {method}() needs an argument"
            )));
        }
        let receiver = self.positional.remove(0);
        Ok((receiver, self))
    }

    /// The called function's `__name__`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.add_function("whoami", |_py, args| Ok(args.function().to_string())).unwrap();
    ///     assert_eq!(py.eval("whoami()").unwrap().extract::<String>().unwrap(), "whoami");
    /// });
    /// ```
    pub fn function(&self) -> &str {
        &self.function
    }

    /// Keyword argument `name`, converted, if passed.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.add_function("opt", |_py, args| Ok(args.kwarg::<i64>("n")?.unwrap_or(-1))).unwrap();
    ///     assert_eq!(py.eval("opt(n=3)").unwrap().extract::<i64>().unwrap(), 3);
    ///     assert_eq!(py.eval("opt()").unwrap().extract::<i64>().unwrap(), -1);
    /// });
    /// ```
    pub fn kwarg<T: FromPy<'py>>(&self, name: &str) -> PyResult<Option<T>> {
        self.keywords
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| {
                v.extract()
                    .map_err(|e| e.in_argument(&self.function, &format!("'{name}'")))
            })
            .transpose()
    }

    /// The token of this call.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.add_function("none", |_py, args| Ok(args.py().none().unbind())).unwrap();
    ///     assert!(py.eval("none()").unwrap().is_none());
    /// });
    /// ```
    pub fn py(&self) -> Python<'py> {
        self.py
    }
}

/// A module written in Rust: functions (and values) that scripts `import`.
///
/// ```
/// use gilvm::{Interpreter, NativeModule, PyErr};
/// let interp = Interpreter::new();
/// let module = NativeModule::new("geometry")
///     .function("area", |_py, args| {
///         let (w, h): (f64, f64) = (args.arg(0)?, args.arg(1)?);
///         if w < 0.0 || h < 0.0 {
///             return Err(PyErr::value_error("negative size"));
///         }
///         Ok(w * h)
///     })
///     .constant("UNIT", 1.0);
/// interp.add_module(module).unwrap();
/// interp.run("import geometry\nassert geometry.area(2, 3) == 6.0").unwrap();
/// let err = interp.run("import geometry\ngeometry.area(-1, 1)").unwrap_err();
/// assert_eq!(err.to_string(), "ValueError: negative size");
/// ```
pub struct NativeModule {
    name: String,
    entries: Vec<(String, Entry)>,
}

/// Makes a host function (named by the argument) once the interpreter is known.
type MakeFunction = Box<dyn FnOnce(&Weak<Session>, &str) -> Arc<HostFn>>;
/// Converts a constant once a token is available.
type MakeConstant = Box<dyn for<'py> FnOnce(Python<'py>) -> PyResult<Bound<'py>>>;

enum Entry {
    Function(MakeFunction),
    Constant(MakeConstant),
}

impl NativeModule {
    /// An empty module named `name`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// interp.add_module(gilvm::NativeModule::new("empty")).unwrap();
    /// interp.run("import empty").unwrap();
    /// ```
    pub fn new(name: impl Into<String>) -> NativeModule {
        NativeModule {
            name: name.into(),
            entries: Vec::new(),
        }
    }

    /// Adds the function `name` (see [`Python::add_function`] for its contract).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// let m = gilvm::NativeModule::new("m").function("one", |_py, _args| Ok(1));
    /// interp.add_module(m).unwrap();
    /// assert_eq!({ interp.run("import m").unwrap(); interp.eval::<i64>("m.one()") }.unwrap(), 1);
    /// ```
    pub fn function<F, R>(mut self, name: &str, f: F) -> NativeModule
    where
        F: for<'py> Fn(Python<'py>, Args<'py>) -> PyResult<R> + Send + Sync + 'static,
        R: for<'py> IntoPy<'py>,
    {
        let make = move |session: &Weak<Session>, name: &str| host_fn(session.clone(), name, f);
        self.entries
            .push((name.to_string(), Entry::Function(Box::new(make))));
        self
    }

    /// Adds a typed function made by [`function!`](crate::function), under its own name.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// let m = gilvm::NativeModule::new("m")
    ///     .add_function(gilvm::function!(fn half(x: f64) -> f64 { x / 2.0 }));
    /// interp.add_module(m).unwrap();
    /// assert_eq!({ interp.run("import m").unwrap(); interp.eval::<f64>("m.half(3)") }.unwrap(), 1.5);
    /// ```
    pub fn add_function(self, function: crate::Function) -> NativeModule {
        self.function(function.name(), function.body())
    }

    /// Adds the class of the Rust type `T` under its name (see [`PyClass`](crate::PyClass)).
    ///
    /// ```
    /// # struct Unit;
    /// # impl gilvm::PyClass for Unit { const NAME: &'static str = "Unit"; }
    /// let interp = gilvm::Interpreter::new();
    /// interp.add_module(gilvm::NativeModule::new("units").add_class::<Unit>()).unwrap();
    /// interp.run("import units").unwrap();
    /// assert_eq!(interp.eval::<String>("units.Unit.__name__").unwrap(), "Unit");
    /// ```
    pub fn add_class<T: crate::PyClass>(mut self) -> NativeModule {
        let make: MakeConstant = Box::new(|py| py.class_object::<T>());
        self.entries
            .push((T::NAME.to_string(), Entry::Constant(make)));
        self
    }

    /// Adds the attribute `name` with a converted value.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// interp.add_module(gilvm::NativeModule::new("consts").constant("ANSWER", 42)).unwrap();
    /// assert_eq!({ interp.run("import consts").unwrap(); interp.eval::<i64>("consts.ANSWER") }.unwrap(), 42);
    /// ```
    pub fn constant<T>(mut self, name: &str, value: T) -> NativeModule
    where
        T: for<'py> IntoPy<'py> + 'static,
    {
        let make: MakeConstant = Box::new(move |py| value.into_py(py));
        self.entries.push((name.to_string(), Entry::Constant(make)));
        self
    }
}

/// Wraps a typed host closure as the VM's host function: arguments become handles under a
/// token for the calling thread, errors become raised exceptions.
pub(crate) fn host_fn<F, R>(session: Weak<Session>, name: &str, f: F) -> Arc<HostFn>
where
    F: for<'py> Fn(Python<'py>, Args<'py>) -> PyResult<R> + Send + Sync + 'static,
    R: for<'py> IntoPy<'py>,
{
    let function: Arc<str> = Arc::from(name);
    Arc::new(
        move |ts: &mut ThreadState, pos: Vec<Object>, kw: Vec<(String, Object)>| {
            let Some(session) = session.upgrade() else {
                return Err(object::runtime_error(ts, "the interpreter was dropped"));
            };
            scope(&session, ts, |py| {
                let args = Args {
                    py,
                    function: Arc::clone(&function),
                    positional: pos.into_iter().map(|o| py.bound(o)).collect(),
                    keywords: kw.into_iter().map(|(k, o)| (k, py.bound(o))).collect(),
                };
                match f(py, args).and_then(|r| r.into_py(py)) {
                    Ok(value) => Ok(value.into_object()),
                    Err(err) => Err(err.into_exception(py)),
                }
            })
        },
    )
}

pub(crate) fn function_object<'py>(py: Python<'py>, name: &str, f: Arc<HostFn>) -> Bound<'py> {
    // SAFETY: the host function gives its arguments to the closure only as `Bound<'py>`
    // handles under a token scoped to the call, so no object outlives the call.
    py.bound(unsafe { native_function(name, f) })
}

/// [`function_object`] for a class namespace: binds to the instance it is looked up on.
pub(crate) fn method_object<'py>(py: Python<'py>, name: &str, f: Arc<HostFn>) -> Bound<'py> {
    // SAFETY: as for `function_object`.
    py.bound(unsafe { native_method(name, f) })
}

impl<'py> Python<'py> {
    /// Defines the built-in `name` (visible from every module) calling `f`.
    ///
    /// `f` gets a token and the call's [`Args`]; its `Err` is raised as a Python exception
    /// of the error's type, and a panic inside it becomes a `RuntimeError` carrying the panic
    /// message (the host is never aborted).
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.add_function("boom", |_py, _args| -> gilvm::PyResult<()> { panic!("kaput") }).unwrap();
    ///     let err = py.run("try:\n    boom()\nexcept RuntimeError as e:\n    msg = str(e)").unwrap();
    ///     assert!(py.eval("msg").unwrap().extract::<String>().unwrap().contains("kaput"));
    /// });
    /// ```
    pub fn add_function<F, R>(self, name: &str, f: F) -> PyResult<Bound<'py>>
    where
        F: for<'p> Fn(Python<'p>, Args<'p>) -> PyResult<R> + Send + Sync + 'static,
        R: for<'p> IntoPy<'p>,
    {
        let session = Arc::downgrade(self.session());
        let function = function_object(self, name, host_fn(session, name, f));
        self.import("builtins")?.setattr(name, &function)?;
        Ok(function)
    }

    /// Defines a typed function made by [`function!`](crate::function) as a built-in.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.add_builtin(gilvm::function!(fn shout(s: &str) -> String { s.to_uppercase() })).unwrap();
    ///     assert_eq!(py.eval("shout('hey')").unwrap().extract::<String>().unwrap(), "HEY");
    /// });
    /// ```
    pub fn add_builtin(self, function: crate::Function) -> PyResult<Bound<'py>> {
        self.add_function(function.name(), function.body())
    }

    /// Registers `module` in `sys.modules`, so that scripts can import it; returns it.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let m = py.add_module(gilvm::NativeModule::new("cfg").constant("DEBUG", true)).unwrap();
    ///     assert!(m.getattr("DEBUG").unwrap().extract::<bool>().unwrap());
    /// });
    /// ```
    pub fn add_module(self, module: NativeModule) -> PyResult<Bound<'py>> {
        let session = Arc::downgrade(self.session());
        let mut entries = Vec::with_capacity(module.entries.len());
        for (name, entry) in module.entries {
            let value = match entry {
                Entry::Function(make) => function_object(self, &name, make(&session, &name)),
                Entry::Constant(make) => make(self)?,
            };
            entries.push((name, value.into_object()));
        }
        let module_name = module.name;
        Ok(self.bound(self.with_state(|ts| object::add_module(ts, &module_name, entries))))
    }
}
