//! Rust structs as Python classes: [`PyClass`] (mlua's `UserData`, PyO3's `#[pyclass]`),
//! its [`Methods`], and [`method!`](crate::method).
//!
//! An instance is a plain instance of a Python class made with `type(name, (object,), ns)`:
//! its Rust value lives in a `RefCell` inside a native handle (`Obj::Handle`) kept in the
//! instance's `__dict__` under [`PAYLOAD`]. The class's `__new__` builds the value with the
//! constructor, so Python subclasses work; methods borrow the value for the call, `&self`
//! shared and `&mut self` exclusive, and a conflicting borrow (a method re-entered through
//! a callback) raises `RuntimeError` instead of aliasing.

use std::any::TypeId;
use std::cell::RefCell;
use std::marker::PhantomData;
use std::sync::Arc;

use gilvm_vm::embed::{NativeHandle, Object};

use crate::embed::native::{function_object, host_fn, method_object};
use crate::{Args, Bound, FromPy, Function, IntoPy, Py, PyErr, PyResult, PyTypeInfo, Python};

/// Where an instance keeps its Rust value (in its `__dict__`).
pub const PAYLOAD: &str = "__gilvm_payload__";

/// A Rust type exposed to Python as a class.
///
/// It must be `Send`: the GIL, which guards every access to it, may be taken by another
/// thread next (see [`Py`]); it need not be `Sync`. The class is created the first time an
/// interpreter needs it, then kept for that interpreter.
///
/// ```
/// use gilvm::{Interpreter, Methods, NativeModule, PyClass};
///
/// struct Counter { count: i64 }
///
/// impl PyClass for Counter {
///     const NAME: &'static str = "Counter";
///     fn methods(m: &mut Methods<Self>) {
///         m.constructor(gilvm::function!(fn new(start: i64 = 0) -> Counter { Counter { count: start } }));
///         m.method(gilvm::method!(fn incr(this: &mut Counter, by: i64 = 1) -> i64 {
///             this.count += by;
///             this.count
///         }));
///         m.method(gilvm::method!(fn __repr__(this: &Counter) -> String {
///             format!("Counter({})", this.count)
///         }));
///         m.getter("count", |this: &Counter| this.count);
///     }
/// }
///
/// let interp = Interpreter::new();
/// interp.add_module(NativeModule::new("counters").add_class::<Counter>()).unwrap();
/// interp.run("from counters import Counter\nc = Counter(5)\nc.incr()\nc.incr(by=2)").unwrap();
/// assert_eq!(interp.eval::<i64>("c.count").unwrap(), 8);
/// assert_eq!(interp.eval::<String>("repr(c)").unwrap(), "Counter(8)");
/// assert!(interp.eval::<bool>("isinstance(c, Counter)").unwrap());
/// ```
///
/// A type that is not `Send` cannot be a class (its value could be used by the next thread
/// to take the GIL):
///
/// ```compile_fail
/// struct Shared(std::rc::Rc<i64>);
/// impl gilvm::PyClass for Shared {
///     const NAME: &'static str = "Shared";
/// }
/// ```
pub trait PyClass: Send + Sized + 'static {
    /// The class's `__name__`.
    const NAME: &'static str;
    /// The class's `__module__` (not `builtins`, which marks the VM's own types).
    const MODULE: &'static str = "host";

    /// Declares the constructor, methods and properties.
    fn methods(_methods: &mut Methods<Self>) {}
}

/// Makes one entry of a class namespace once a token is available.
type MakeEntry = Box<dyn for<'py> FnOnce(Python<'py>) -> PyResult<(String, Bound<'py>)>>;

/// What a [`PyClass`] declares: constructor, methods, properties.
pub struct Methods<T> {
    constructor: Option<Function>,
    entries: Vec<MakeEntry>,
    class: PhantomData<fn(T)>,
}

impl<T: PyClass> Methods<T> {
    /// The constructor: a [`function!`](crate::function) returning a `T` (or a
    /// `PyResult<T>`), called with the arguments of `T(...)`. Without one, Python cannot
    /// create instances (Rust still can, with [`Py::new`]).
    pub fn constructor(&mut self, constructor: Function) -> &mut Self {
        self.constructor = Some(constructor);
        self
    }

    /// A method made by [`method!`](crate::method) (or a static function made by
    /// [`function!`](crate::function), which then receives the instance as its first
    /// argument). Dunder names (`__repr__`, `__len__`, `__eq__`...) work as in Python.
    pub fn method(&mut self, method: Function) -> &mut Self {
        self.entries.push(Box::new(move |py| {
            let body = method.body();
            let f = host_fn(session_of(py), method.name(), move |py, args| {
                body(py, args)
            });
            Ok((
                method.name().to_string(),
                method_object(py, method.name(), f),
            ))
        }));
        self
    }

    /// A read-only property.
    ///
    /// ```
    /// # use gilvm::{Methods, PyClass};
    /// struct Point { x: f64 }
    /// impl PyClass for Point {
    ///     const NAME: &'static str = "Point";
    ///     fn methods(m: &mut Methods<Self>) {
    ///         m.getter("x", |p: &Point| p.x);
    ///     }
    /// }
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let p = gilvm::Py::new(py, Point { x: 1.5 }).unwrap();
    ///     assert_eq!(p.bind(py).getattr("x").unwrap().extract::<f64>().unwrap(), 1.5);
    ///     let err = p.bind(py).setattr("x", 2.0).unwrap_err();
    ///     assert_eq!(err.type_name(), "AttributeError");
    /// });
    /// ```
    pub fn getter<R, G>(&mut self, name: &'static str, get: G) -> &mut Self
    where
        G: Fn(&T) -> R + Send + Sync + 'static,
        R: for<'py> IntoPy<'py>,
    {
        self.property(name, get, None::<fn(&mut T, i64) -> PyResult<()>>)
    }

    /// A property with a getter and a setter (which may refuse a value with an error).
    ///
    /// ```
    /// # use gilvm::{Methods, PyClass, PyErr, PyResult};
    /// struct Temp { celsius: f64 }
    /// impl PyClass for Temp {
    ///     const NAME: &'static str = "Temp";
    ///     fn methods(m: &mut Methods<Self>) {
    ///         m.property("celsius", |t: &Temp| t.celsius, Some(|t: &mut Temp, v: f64| -> PyResult<()> {
    ///             if v < -273.15 {
    ///                 return Err(PyErr::value_error("below absolute zero"));
    ///             }
    ///             t.celsius = v;
    ///             Ok(())
    ///         }));
    ///     }
    /// }
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let t = gilvm::Py::new(py, Temp { celsius: 20.0 }).unwrap().bind(py);
    ///     t.setattr("celsius", 25).unwrap();
    ///     assert_eq!(t.getattr("celsius").unwrap().extract::<f64>().unwrap(), 25.0);
    ///     assert_eq!(t.setattr("celsius", -300).unwrap_err().to_string(), "ValueError: below absolute zero");
    /// });
    /// ```
    pub fn property<R, G, V, S>(&mut self, name: &'static str, get: G, set: Option<S>) -> &mut Self
    where
        G: Fn(&T) -> R + Send + Sync + 'static,
        R: for<'py> IntoPy<'py>,
        S: Fn(&mut T, V) -> PyResult<()> + Send + Sync + 'static,
        V: for<'py> FromPy<'py>,
    {
        self.entries.push(Box::new(move |py| {
            let getter = host_fn(session_of(py), name, move |_py, args| {
                let (this, _) = args.split_receiver(name)?;
                with_payload::<T, R>(&this, name, |value| Ok(get(value)))
            });
            let getter = function_object(py, name, getter);
            let setter = match set {
                Some(set) => {
                    let f = host_fn(session_of(py), name, move |_py, args| {
                        let (this, args) = args.split_receiver(name)?;
                        let value: V = args.arg(0)?;
                        with_payload_mut::<T, ()>(&this, name, |target| set(target, value))
                    });
                    function_object(py, name, f)
                }
                None => py.none(),
            };
            let builtins = py.import("builtins")?;
            let property = builtins.getattr("property")?.call1((getter, setter))?;
            Ok((name.to_string(), property))
        }));
        self
    }
}

fn session_of(py: Python<'_>) -> std::sync::Weak<gilvm_vm::embed::Session> {
    Arc::downgrade(py.session())
}

/// The Rust value inside an instance.
struct Payload<T> {
    value: RefCell<T>,
}

impl<T: PyClass> NativeHandle for Payload<T> {
    fn repr(&self) -> String {
        format!("<{} payload>", T::NAME)
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The payload object of `this` if it is an instance of `T`'s class; a `TypeError` in
/// CPython's words for a method called on something else.
fn payload_of<T: PyClass>(this: &Bound<'_>, method: &str) -> PyResult<Object> {
    let payload = this
        .getattr("__dict__")
        .and_then(|d| d.get_item(PAYLOAD))
        .ok()
        .map(Bound::into_object)
        .filter(|p| p.handle_ref::<Payload<T>>().is_some());
    payload.ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{method}' requires a '{}' object but received a '{}'",
            T::NAME,
            this.type_name()
        ))
    })
}

fn payload_cell<T: PyClass>(payload: &Object) -> &RefCell<T> {
    &payload
        .handle_ref::<Payload<T>>()
        .expect("checked by payload_of")
        .value
}

/// Runs `f` with a shared borrow of the `T` inside `this` (what `&self` methods get);
/// `RuntimeError: Already mutably borrowed` while a `&mut self` method of the same object
/// is running.
#[doc(hidden)]
pub fn with_payload<T: PyClass, R>(
    this: &Bound<'_>,
    method: &str,
    f: impl FnOnce(&T) -> PyResult<R>,
) -> PyResult<R> {
    let payload = payload_of::<T>(this, method)?;
    let value = payload_cell::<T>(&payload)
        .try_borrow()
        .map_err(|_| PyErr::runtime_error("Already mutably borrowed"))?;
    f(&value)
}

/// Runs `f` with an exclusive borrow of the `T` inside `this` (what `&mut self` methods
/// get); `RuntimeError: Already borrowed` while another method of the object is running.
#[doc(hidden)]
pub fn with_payload_mut<T: PyClass, R>(
    this: &Bound<'_>,
    method: &str,
    f: impl FnOnce(&mut T) -> PyResult<R>,
) -> PyResult<R> {
    let payload = payload_of::<T>(this, method)?;
    let mut value = payload_cell::<T>(&payload)
        .try_borrow_mut()
        .map_err(|_| PyErr::runtime_error("Already borrowed"))?;
    f(&mut value)
}

impl<'py, T: PyClass> Bound<'py, T> {
    /// Runs `f` with a shared borrow of the Rust value (`RuntimeError` if a `&mut self`
    /// method of the object is running).
    ///
    /// ```
    /// # struct Name(String);
    /// # impl gilvm::PyClass for Name { const NAME: &'static str = "Name"; }
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let n = gilvm::Py::new(py, Name("ann".into())).unwrap().bind(py);
    ///     assert_eq!(n.with_borrow(|n| n.0.len()).unwrap(), 3);
    /// });
    /// ```
    pub fn with_borrow<R>(&self, f: impl FnOnce(&T) -> R) -> PyResult<R> {
        with_payload::<T, R>(&self.to_any(), T::NAME, |v| Ok(f(v)))
    }

    /// Runs `f` with an exclusive borrow of the Rust value (`RuntimeError` if a method of
    /// the object is running).
    ///
    /// ```
    /// # struct Name(String);
    /// # impl gilvm::PyClass for Name { const NAME: &'static str = "Name"; }
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let n = gilvm::Py::new(py, Name("ann".into())).unwrap().bind(py);
    ///     n.with_borrow_mut(|n| n.0.push('e')).unwrap();
    ///     assert_eq!(n.with_borrow(|n| n.0.clone()).unwrap(), "anne");
    /// });
    /// ```
    pub fn with_borrow_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> PyResult<R> {
        with_payload_mut::<T, R>(&self.to_any(), T::NAME, |v| Ok(f(v)))
    }
}

impl<T: PyClass> Py<T> {
    /// A new instance of `T`'s class holding `value`.
    ///
    /// ```
    /// # struct Unit;
    /// # impl gilvm::PyClass for Unit { const NAME: &'static str = "Unit"; }
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let u = gilvm::Py::new(py, Unit).unwrap();
    ///     assert_eq!(u.bind(py).type_name(), "Unit");
    /// });
    /// ```
    pub fn new(py: Python<'_>, value: T) -> PyResult<Py<T>> {
        Ok(new_instance(py, value)?.unbind())
    }
}

/// Converts into a new instance of the class.
impl<'py, T: PyClass> IntoPy<'py> for T {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(new_instance(py, self)?.into_any())
    }
}

impl<T: PyClass> PyTypeInfo for T {
    const NAME: &'static str = <T as PyClass>::NAME;
    fn type_object<'py>(py: Python<'py>) -> PyResult<Bound<'py>> {
        py.class_object::<T>()
    }
}

fn new_instance<T: PyClass>(py: Python<'_>, value: T) -> PyResult<Bound<'_, T>> {
    let class = py.class_object::<T>()?;
    let instance = bare_instance(py, &class)?;
    let payload = Object::handle(Box::new(Payload {
        value: RefCell::new(value),
    }));
    instance
        .getattr("__dict__")?
        .set_item(PAYLOAD, py.bound(payload))?;
    Ok(instance.assume())
}

/// `object.__new__(class)`.
fn bare_instance<'py>(py: Python<'py>, class: &Bound<'py>) -> PyResult<Bound<'py>> {
    let object = py.import("builtins")?.getattr("object")?;
    object.getattr("__new__")?.call1((class,))
}

/// The name of `T`'s class in the interpreter's registry of Rust classes.
fn registry_key<T: 'static>() -> String {
    format!("{:?}", TypeId::of::<T>())
}

/// The module keeping each interpreter's Rust classes.
const REGISTRY: &str = "_gilvm_classes";

impl<'py> Python<'py> {
    /// The Python class of the Rust type `T`, created on first use in this interpreter.
    ///
    /// ```
    /// # struct Unit;
    /// # impl gilvm::PyClass for Unit { const NAME: &'static str = "Unit"; }
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let class = py.class_object::<Unit>().unwrap();
    ///     assert!(class.is(&py.class_object::<Unit>().unwrap()));
    ///     assert_eq!(class.getattr("__name__").unwrap().extract::<String>().unwrap(), "Unit");
    /// });
    /// ```
    pub fn class_object<T: PyClass>(self) -> PyResult<Bound<'py>> {
        let registry = registry(self)?;
        let key = registry_key::<T>();
        if let Ok(class) = registry.getattr(&key) {
            return Ok(class);
        }
        let class = build_class::<T>(self)?;
        registry.setattr(&key, &class)?;
        Ok(class)
    }
}

/// The interpreter's registry of classes made from Rust (a module, made on first use).
pub(crate) fn registry(py: Python<'_>) -> PyResult<Bound<'_>> {
    match py.import(REGISTRY) {
        Ok(module) => Ok(module),
        Err(_) => py.add_module(crate::NativeModule::new(REGISTRY)),
    }
}

fn build_class<T: PyClass>(py: Python<'_>) -> PyResult<Bound<'_>> {
    let mut methods = Methods::<T> {
        constructor: None,
        entries: Vec::new(),
        class: PhantomData,
    };
    T::methods(&mut methods);
    let namespace = crate::PyDict::new(py);
    namespace.set_item("__module__", T::MODULE)?;
    namespace.set_item("__qualname__", T::NAME)?;
    let new = host_fn(session_of(py), "__new__", move |py, args| {
        construct::<T>(py, args, methods.constructor).map(Bound::unbind)
    });
    namespace.set_item("__new__", function_object(py, "__new__", new))?;
    // `super().__init__(...)` in a Python subclass: the value was built by `__new__`.
    let init = host_fn(session_of(py), "__init__", |_py, _args| Ok(()));
    namespace.set_item("__init__", method_object(py, "__init__", init))?;
    for make in methods.entries {
        let (name, value) = make(py)?;
        namespace.set_item(name, value)?;
    }
    let builtins = py.import("builtins")?;
    let bases = crate::PyTuple::new(py, [builtins.getattr("object")?])?;
    builtins.getattr("type")?.call1((T::NAME, bases, namespace))
}

/// `cls.__new__(cls, *args)`: runs the constructor, and gives the value to a bare instance
/// of `cls` when that is a Python subclass.
fn construct<'py, T: PyClass>(
    py: Python<'py>,
    args: Args<'py>,
    constructor: Option<Function>,
) -> PyResult<Bound<'py>> {
    let (class, args) = args.split_receiver("__new__")?;
    let Some(constructor) = constructor else {
        return Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            T::NAME
        )));
    };
    let call = Args::new(
        py,
        constructor.name(),
        args.positional().to_vec(),
        args.keywords().to_vec(),
    );
    let built = (constructor.body())(py, call)?.bind(py);
    if class.is(&py.class_object::<T>()?) {
        return Ok(built);
    }
    let instance = bare_instance(py, &class)?;
    let payload = built.getattr("__dict__")?.get_item(PAYLOAD)?;
    instance.getattr("__dict__")?.set_item(PAYLOAD, payload)?;
    Ok(instance)
}

/// A method of a [`PyClass`]: like [`function!`](crate::function), with a first parameter
/// `this: &Class` (a shared borrow of the Rust value) or `this: &mut Class` (an exclusive
/// one), after an optional `py: Python<'py>`. See [`PyClass`].
///
/// ```
/// # use gilvm::{Methods, PyClass};
/// struct Stack(Vec<i64>);
/// impl PyClass for Stack {
///     const NAME: &'static str = "Stack";
///     fn methods(m: &mut Methods<Self>) {
///         m.constructor(gilvm::function!(fn new() -> Stack { Stack(Vec::new()) }));
///         m.method(gilvm::method!(fn push(this: &mut Stack, x: i64) { this.0.push(x) }));
///         m.method(gilvm::method!(fn __len__(this: &Stack) -> usize { this.0.len() }));
///     }
/// }
/// gilvm::Interpreter::new().with_gil(|py| {
///     py.import("builtins").unwrap().setattr("Stack", py.class_object::<Stack>().unwrap()).unwrap();
///     assert_eq!(py.eval("(lambda s: (s.push(1), s.push(2), len(s))[2])(Stack())").unwrap().extract::<usize>().unwrap(), 2);
///     let err = py.eval("Stack().push('x')").unwrap_err();
///     assert_eq!(err.to_string(), "TypeError: push() argument 'x' must be int, not str");
/// });
/// ```
#[macro_export]
macro_rules! method {
    ($(#[$meta:meta])* fn $name:ident ($py:ident : Python<$lt:lifetime>, $this:ident : &mut $class:ty $(, $arg:ident : $ty:ty $(= $default:expr)?)* $(,)?) $(-> $ret:ty)? $body:block) => {
        $crate::__typed_body!($name, $py, $lt, [$this : &mut $class], [$($arg : $ty $(= $default)?),*], $crate::__return_type!($($ret)?), $body)
    };
    ($(#[$meta:meta])* fn $name:ident ($py:ident : Python<$lt:lifetime>, $this:ident : & $class:ty $(, $arg:ident : $ty:ty $(= $default:expr)?)* $(,)?) $(-> $ret:ty)? $body:block) => {
        $crate::__typed_body!($name, $py, $lt, [$this : & $class], [$($arg : $ty $(= $default)?),*], $crate::__return_type!($($ret)?), $body)
    };
    ($(#[$meta:meta])* fn $name:ident ($this:ident : &mut $class:ty $(, $arg:ident : $ty:ty $(= $default:expr)?)* $(,)?) $(-> $ret:ty)? $body:block) => {
        $crate::__typed_body!($name, __gilvm_py, 'py, [$this : &mut $class], [$($arg : $ty $(= $default)?),*], $crate::__return_type!($($ret)?), $body)
    };
    ($(#[$meta:meta])* fn $name:ident ($this:ident : & $class:ty $(, $arg:ident : $ty:ty $(= $default:expr)?)* $(,)?) $(-> $ret:ty)? $body:block) => {
        $crate::__typed_body!($name, __gilvm_py, 'py, [$this : & $class], [$($arg : $ty $(= $default)?),*], $crate::__return_type!($($ret)?), $body)
    };
}
