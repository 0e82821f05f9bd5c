//! [`Bound<'py>`]: a handle to a Python object, valid while the GIL is held.

use std::fmt;
use std::marker::PhantomData;

use gilvm_vm::embed::{object, Object};

use crate::{FromPy, IntoPy, Py, PyAny, PyErr, PyResult, PyTypeInfo, Python};

/// A reference to a Python object, tied to the GIL scope `'py` (neither `Send` nor `Sync`;
/// [`unbind`](Bound::unbind) it into a [`Py<T>`](Py) to keep it longer).
///
/// `T` says what the object is known to be: [`PyAny`] (the default: anything), a built-in
/// type ([`PyList`](crate::PyList), [`PyDict`](crate::PyDict), [`PyStr`](crate::PyStr)...)
/// or a Rust class ([`PyClass`](crate::PyClass)); [`downcast`](Bound::downcast) checks it,
/// [`into_any`](Bound::into_any) forgets it. Every handle has the methods below; typed
/// handles add their type's own.
///
/// ```
/// gilvm::Interpreter::new().with_gil(|py| {
///     let list = py.eval("[3, 1, 2]").unwrap();
///     list.call_method0("sort").unwrap();
///     assert_eq!(list.extract::<Vec<i64>>().unwrap(), vec![1, 2, 3]);
/// });
/// ```
pub struct Bound<'py, T = PyAny> {
    py: Python<'py>,
    obj: Object,
    kind: PhantomData<T>,
}

impl<T> Clone for Bound<'_, T> {
    fn clone(&self) -> Self {
        Bound {
            py: self.py,
            obj: self.obj.clone(),
            kind: PhantomData,
        }
    }
}

impl<'py> Bound<'py> {
    pub(crate) fn new(py: Python<'py>, obj: Object) -> Bound<'py> {
        Bound {
            py,
            obj,
            kind: PhantomData,
        }
    }
}

impl<'py, T> Bound<'py, T> {
    /// The same object, its type checked at the call site: only for types known to match.
    pub(crate) fn assume<U>(self) -> Bound<'py, U> {
        Bound {
            py: self.py,
            obj: self.obj,
            kind: PhantomData,
        }
    }

    /// The same handle, typed as anything.
    ///
    /// ```
    /// use gilvm::PyList;
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let list = PyList::empty(py);
    ///     let any: gilvm::Bound<'_> = list.into_any();
    ///     assert_eq!(any.type_name(), "list");
    /// });
    /// ```
    pub fn into_any(self) -> Bound<'py> {
        self.assume()
    }

    /// Another handle to the same object, typed as anything.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let d = gilvm::PyDict::new(py);
    ///     assert!(d.to_any().is(&d));
    /// });
    /// ```
    pub fn to_any(&self) -> Bound<'py> {
        self.clone().assume()
    }

    /// The same object as a `U`, if it is one (`isinstance`); a `TypeError` naming both
    /// types otherwise.
    ///
    /// ```
    /// use gilvm::{PyDict, PyList};
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let obj = py.eval("[1, 2]").unwrap();
    ///     let list = obj.downcast::<PyList>().unwrap();
    ///     assert_eq!(list.len().unwrap(), 2);
    ///     let err = obj.downcast::<PyDict>().unwrap_err();
    ///     assert_eq!(err.to_string(), "TypeError: 'list' object cannot be converted to 'dict'");
    /// });
    /// ```
    pub fn downcast<U: PyTypeInfo>(&self) -> PyResult<Bound<'py, U>> {
        if U::is_type_of(&self.to_any())? {
            return Ok(self.clone().assume());
        }
        Err(PyErr::type_error(format!(
            "'{}' object cannot be converted to '{}'",
            self.type_name(),
            U::type_name_of(self.py)
        )))
    }

    pub(crate) fn object(&self) -> &Object {
        &self.obj
    }

    pub(crate) fn into_object(self) -> Object {
        self.obj
    }

    /// The token this handle is bound to.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let one = py.eval("1").unwrap();
    ///     assert!(one.py().eval("None").unwrap().is_none());
    /// });
    /// ```
    pub fn py(&self) -> Python<'py> {
        self.py
    }

    /// Converts to a Rust value.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let v = py.eval("('a', 2)").unwrap();
    ///     assert_eq!(v.extract::<(String, i64)>().unwrap(), ("a".to_string(), 2));
    ///     assert_eq!(v.extract::<i64>().unwrap_err().type_name(), "TypeError");
    /// });
    /// ```
    pub fn extract<R: FromPy<'py>>(&self) -> PyResult<R> {
        R::from_py(&self.to_any())
    }

    /// An owned handle that outlives the GIL scope.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// let kept = interp.with_gil(|py| py.eval("[1, 2]").unwrap().unbind());
    /// interp.with_gil(|py| assert_eq!(kept.bind(py).extract::<Vec<i64>>().unwrap(), vec![1, 2]));
    /// ```
    pub fn unbind(self) -> Py<T> {
        Py::detach(self.py, self.obj)
    }

    /// `getattr(self, name)`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let s = py.eval("'abc'").unwrap();
    ///     let upper = s.getattr("upper").unwrap().call0().unwrap();
    ///     assert_eq!(upper.extract::<String>().unwrap(), "ABC");
    ///     assert_eq!(s.getattr("nope").unwrap_err().type_name(), "AttributeError");
    /// });
    /// ```
    pub fn getattr(&self, name: &str) -> PyResult<Bound<'py>> {
        let py = self.py;
        py.result(py.with_state(|ts| object::get_attr(ts, &self.obj, name)))
    }

    /// `setattr(self, name, value)`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     py.run("class C: pass\nc = C()").unwrap();
    ///     let c = py.eval("c").unwrap();
    ///     c.setattr("x", 5).unwrap();
    ///     assert_eq!(py.eval("c.x").unwrap().extract::<i64>().unwrap(), 5);
    /// });
    /// ```
    pub fn setattr(&self, name: &str, value: impl IntoPy<'py>) -> PyResult<()> {
        let py = self.py;
        let value = value.into_py(py)?.obj;
        py.with_state(|ts| object::set_attr(ts, &self.obj, name, value))
            .map_err(|e| PyErr::from_exception(py, e))
    }

    /// `self[key]`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let d = py.eval("{'a': 1}").unwrap();
    ///     assert_eq!(d.get_item("a").unwrap().extract::<i64>().unwrap(), 1);
    ///     assert_eq!(d.get_item("b").unwrap_err().type_name(), "KeyError");
    /// });
    /// ```
    pub fn get_item(&self, key: impl IntoPy<'py>) -> PyResult<Bound<'py>> {
        let py = self.py;
        let key = key.into_py(py)?.obj;
        py.result(py.with_state(|ts| object::get_item(ts, &self.obj, &key)))
    }

    /// `self[key] = value`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let l = py.eval("[0, 0]").unwrap();
    ///     l.set_item(1, "x").unwrap();
    ///     assert_eq!(l.repr().unwrap(), "[0, 'x']");
    /// });
    /// ```
    pub fn set_item(&self, key: impl IntoPy<'py>, value: impl IntoPy<'py>) -> PyResult<()> {
        let py = self.py;
        let key = key.into_py(py)?.obj;
        let value = value.into_py(py)?.obj;
        py.with_state(|ts| object::set_item(ts, &self.obj, key, value))
            .map_err(|e| PyErr::from_exception(py, e))
    }

    /// `del self[key]`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let d = py.eval("{'a': 1, 'b': 2}").unwrap();
    ///     d.del_item("a").unwrap();
    ///     assert_eq!(d.repr().unwrap(), "{'b': 2}");
    /// });
    /// ```
    pub fn del_item(&self, key: impl IntoPy<'py>) -> PyResult<()> {
        let py = self.py;
        let key = key.into_py(py)?.obj;
        py.with_state(|ts| object::del_item(ts, &self.obj, &key))
            .map_err(|e| PyErr::from_exception(py, e))
    }

    /// `self(*args, **kwargs)`: `args` is a tuple of convertible values (or `()`), `kwargs`
    /// pairs of names and handles.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let f = py.eval("lambda a, b=1, *, c=0: (a, b, c)").unwrap();
    ///     let c = 7.into_py(py).unwrap();
    ///     let r = f.call((1, 2), &[("c", c)]).unwrap();
    ///     assert_eq!(r.extract::<(i64, i64, i64)>().unwrap(), (1, 2, 7));
    /// });
    /// # use gilvm::IntoPy;
    /// ```
    pub fn call(
        &self,
        args: impl IntoPyArgs<'py>,
        kwargs: &[(&str, Bound<'py>)],
    ) -> PyResult<Bound<'py>> {
        let py = self.py;
        let args = args.into_args(py)?;
        let kwargs = kwargs
            .iter()
            .map(|(k, v)| (k.to_string(), v.obj.clone()))
            .collect();
        py.result(py.with_state(|ts| object::call(ts, &self.obj, args, kwargs)))
    }

    /// `self()`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let v = py.eval("list").unwrap().call0().unwrap();
    ///     assert_eq!(v.repr().unwrap(), "[]");
    /// });
    /// ```
    pub fn call0(&self) -> PyResult<Bound<'py>> {
        self.call((), &[])
    }

    /// `self(*args)`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let v = py.eval("max").unwrap().call1((3, 9, 4)).unwrap();
    ///     assert_eq!(v.extract::<i64>().unwrap(), 9);
    /// });
    /// ```
    pub fn call1(&self, args: impl IntoPyArgs<'py>) -> PyResult<Bound<'py>> {
        self.call(args, &[])
    }

    /// `self.name(*args, **kwargs)`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let s = py.eval("'a-b-c'").unwrap();
    ///     let parts = s.call_method("split", ("-",), &[]).unwrap();
    ///     assert_eq!(parts.extract::<Vec<String>>().unwrap(), ["a", "b", "c"]);
    /// });
    /// ```
    pub fn call_method(
        &self,
        name: &str,
        args: impl IntoPyArgs<'py>,
        kwargs: &[(&str, Bound<'py>)],
    ) -> PyResult<Bound<'py>> {
        self.getattr(name)?.call(args, kwargs)
    }

    /// `self.name()`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let s = py.eval("' x '").unwrap();
    ///     assert_eq!(s.call_method0("strip").unwrap().extract::<String>().unwrap(), "x");
    /// });
    /// ```
    pub fn call_method0(&self, name: &str) -> PyResult<Bound<'py>> {
        self.call_method(name, (), &[])
    }

    /// `self.name(*args)`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let l = py.eval("[]").unwrap();
    ///     l.call_method1("append", ("x",)).unwrap();
    ///     assert_eq!(l.repr().unwrap(), "['x']");
    /// });
    /// ```
    pub fn call_method1(&self, name: &str, args: impl IntoPyArgs<'py>) -> PyResult<Bound<'py>> {
        self.call_method(name, args, &[])
    }

    /// `repr(self)`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     assert_eq!(py.eval("'hi'").unwrap().repr().unwrap(), "'hi'");
    /// });
    /// ```
    pub fn repr(&self) -> PyResult<String> {
        let py = self.py;
        py.with_state(|ts| object::repr(ts, &self.obj))
            .map_err(|e| PyErr::from_exception(py, e))
    }

    /// `str(self)`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     assert_eq!(py.eval("'hi'").unwrap().str().unwrap(), "hi");
    /// });
    /// ```
    pub fn str(&self) -> PyResult<String> {
        let py = self.py;
        py.with_state(|ts| object::str_of(ts, &self.obj))
            .map_err(|e| PyErr::from_exception(py, e))
    }

    /// The name of the object's class.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     assert_eq!(py.eval("{}").unwrap().type_name(), "dict");
    /// });
    /// ```
    pub fn type_name(&self) -> String {
        self.py.with_state(|ts| object::type_name(ts, &self.obj))
    }

    /// `self is None`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| assert!(!py.eval("0").unwrap().is_none()));
    /// ```
    pub fn is_none(&self) -> bool {
        matches!(self.obj.view(), gilvm_vm::embed::View::None)
    }

    /// How many references to the object exist (this handle included); 0 for values stored
    /// inline (`None`, bools, small ints, floats).
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let list = py.eval("[]").unwrap();
    ///     let again = list.clone();
    ///     assert_eq!(list.ref_count(), 2);
    ///     drop(again);
    ///     assert_eq!(list.ref_count(), 1);
    /// });
    /// ```
    pub fn ref_count(&self) -> usize {
        self.obj.ref_count()
    }

    /// `self is other`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let a = py.eval("[]").unwrap();
    ///     assert!(a.is(&a.clone()));
    ///     assert!(!a.is(&py.eval("[]").unwrap()));
    /// });
    /// ```
    pub fn is<U>(&self, other: &Bound<'_, U>) -> bool {
        self.obj.is(&other.obj)
    }

    /// `self == other`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     assert!(py.eval("[1]").unwrap().eq(vec![1]).unwrap());
    /// });
    /// ```
    pub fn eq(&self, other: impl IntoPy<'py>) -> PyResult<bool> {
        let py = self.py;
        let other = other.into_py(py)?.obj;
        py.with_state(|ts| object::eq(ts, &self.obj, &other))
            .map_err(|e| PyErr::from_exception(py, e))
    }

    /// `bool(self)`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     assert!(!py.eval("[]").unwrap().is_truthy().unwrap());
    /// });
    /// ```
    pub fn is_truthy(&self) -> PyResult<bool> {
        let py = self.py;
        py.with_state(|ts| object::truthy(ts, &self.obj))
            .map_err(|e| PyErr::from_exception(py, e))
    }

    /// The items of an iterable (`list(self)`).
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let items = py.eval("range(3)").unwrap().iterate().unwrap();
    ///     assert_eq!(items.len(), 3);
    ///     assert_eq!(items[2].extract::<i64>().unwrap(), 2);
    /// });
    /// ```
    pub fn iterate(&self) -> PyResult<Vec<Bound<'py>>> {
        let py = self.py;
        let items = py
            .with_state(|ts| object::collect(ts, &self.obj))
            .map_err(|e| PyErr::from_exception(py, e))?;
        Ok(items.into_iter().map(|o| py.bound(o)).collect())
    }
}

impl<T> fmt::Display for Bound<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.str() {
            Ok(text) => f.write_str(&text),
            Err(e) => write!(f, "<str() failed: {e}>"),
        }
    }
}

impl<T> fmt::Debug for Bound<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.repr() {
            Ok(text) => f.write_str(&text),
            Err(e) => write!(f, "<repr() failed: {e}>"),
        }
    }
}

/// Positional arguments of a call: `()`, or a tuple of up to four convertible values.
///
/// ```
/// gilvm::Interpreter::new().with_gil(|py| {
///     let f = py.eval("lambda *a: len(a)").unwrap();
///     assert_eq!(f.call1((1, "two", 3.0, None::<i64>)).unwrap().extract::<i64>().unwrap(), 4);
/// });
/// ```
pub trait IntoPyArgs<'py> {
    /// The converted arguments, in order.
    fn into_args(self, py: Python<'py>) -> PyResult<Vec<Object>>;
}

impl<'py> IntoPyArgs<'py> for () {
    fn into_args(self, _py: Python<'py>) -> PyResult<Vec<Object>> {
        Ok(Vec::new())
    }
}

impl<'py, T> IntoPyArgs<'py> for Vec<Bound<'py, T>> {
    fn into_args(self, _py: Python<'py>) -> PyResult<Vec<Object>> {
        Ok(self.into_iter().map(Bound::into_object).collect())
    }
}

macro_rules! args_tuple {
    ($($name:ident),+) => {
        impl<'py, $($name: IntoPy<'py>),+> IntoPyArgs<'py> for ($($name,)+) {
            #[allow(non_snake_case)]
            fn into_args(self, py: Python<'py>) -> PyResult<Vec<Object>> {
                let ($($name,)+) = self;
                Ok(vec![$($name.into_py(py)?.into_object()),+])
            }
        }
    };
}

args_tuple!(A);
args_tuple!(A, B);
args_tuple!(A, B, C);
args_tuple!(A, B, C, D);
