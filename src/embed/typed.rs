//! What a handle is known to be: [`PyTypeInfo`], the markers of the built-in types
//! ([`PyAny`], [`PyList`], [`PyDict`], [`PyStr`]...) and the typed methods of
//! `Bound<'py, PyList>` and friends.

use crate::{Bound, IntoPy, PyResult, Python};

/// A type a handle can be typed with ([`Bound<'py, T>`](Bound), [`Py<T>`](crate::Py)): it
/// knows its Python class, and which objects are instances of it.
///
/// ```
/// use gilvm::{PyInt, PyTypeInfo};
/// gilvm::Interpreter::new().with_gil(|py| {
///     assert!(PyInt::is_type_of(&py.eval("True").unwrap()).unwrap());
///     assert_eq!(PyInt::type_object(py).unwrap().repr().unwrap(), "<class 'int'>");
/// });
/// ```
pub trait PyTypeInfo {
    /// The class's name (`module.Name` outside `builtins`).
    const NAME: &'static str;

    /// The Python class.
    fn type_object<'py>(py: Python<'py>) -> PyResult<Bound<'py>>;

    /// `isinstance(obj, cls)` for the class.
    fn is_type_of(obj: &Bound<'_>) -> PyResult<bool> {
        let py = obj.py();
        let class = Self::type_object(py)?;
        py.import("builtins")?
            .getattr("isinstance")?
            .call1((obj, class))?
            .extract()
    }

    /// The class's `__name__`, for messages.
    fn type_name_of(py: Python<'_>) -> String {
        Self::type_object(py)
            .and_then(|c| c.getattr("__name__")?.extract())
            .unwrap_or_else(|_| "?".to_string())
    }
}

#[macro_export]
#[doc(hidden)]
macro_rules! __builtin_types {
    ($($(#[$doc:meta])* $marker:ident = $name:literal;)*) => {$(
        $(#[$doc])*
        pub struct $marker(());

        impl $crate::PyTypeInfo for $marker {
            const NAME: &'static str = $name;
            fn type_object<'py>(py: $crate::Python<'py>) -> $crate::PyResult<$crate::Bound<'py>> {
                py.import("builtins")?.getattr($name)
            }
        }
    )*};
}

__builtin_types! {
    /// Any Python object: the type of an untyped handle (`Bound<'py>`, [`PyObject`](crate::PyObject)).
    PyAny = "object";
    /// `list` (and its subclasses).
    PyList = "list";
    /// `dict` (and its subclasses).
    PyDict = "dict";
    /// `str` (and its subclasses).
    PyStr = "str";
    /// `tuple` (and its subclasses).
    PyTuple = "tuple";
    /// `int` (`bool` included, as in Python).
    PyInt = "int";
    /// `float`.
    PyFloat = "float";
    /// `bytes`.
    PyBytes = "bytes";
}

impl<'py, T> Bound<'py, T> {
    /// `len(self)`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     assert_eq!(py.eval("'abc'").unwrap().len().unwrap(), 3);
    ///     assert_eq!(py.eval("1").unwrap().len().unwrap_err().type_name(), "TypeError");
    /// });
    /// ```
    pub fn len(&self) -> PyResult<usize> {
        let py = self.py();
        py.import("builtins")?
            .getattr("len")?
            .call1((self,))?
            .extract()
    }

    /// `len(self) == 0`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| assert!(gilvm::PyDict::new(py).is_empty().unwrap()));
    /// ```
    pub fn is_empty(&self) -> PyResult<bool> {
        Ok(self.len()? == 0)
    }
}

impl PyList {
    /// A new list of the converted `items`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let l = gilvm::PyList::new(py, ["a", "b"]).unwrap();
    ///     assert_eq!(l.repr().unwrap(), "['a', 'b']");
    /// });
    /// ```
    pub fn new<'py, I>(py: Python<'py>, items: I) -> PyResult<Bound<'py, PyList>>
    where
        I: IntoIterator,
        I::Item: IntoPy<'py>,
    {
        let items: Vec<_> = items.into_iter().collect();
        Ok(items.into_py(py)?.assume())
    }

    /// `[]`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| assert_eq!(gilvm::PyList::empty(py).len().unwrap(), 0));
    /// ```
    pub fn empty(py: Python<'_>) -> Bound<'_, PyList> {
        py.bound(gilvm_vm::embed::Object::list(Vec::new())).assume()
    }
}

impl<'py> Bound<'py, PyList> {
    /// `self.append(value)`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let l = gilvm::PyList::empty(py);
    ///     l.append(1).unwrap();
    ///     l.append("two").unwrap();
    ///     assert_eq!(l.repr().unwrap(), "[1, 'two']");
    /// });
    /// ```
    pub fn append(&self, value: impl IntoPy<'py>) -> PyResult<()> {
        self.call_method1("append", (value,)).map(drop)
    }

    /// `self[index]` (negative indexes count from the end).
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let l = gilvm::PyList::new(py, [1, 2, 3]).unwrap();
    ///     assert_eq!(l.get(-1).unwrap().extract::<i64>().unwrap(), 3);
    ///     assert_eq!(l.get(5).unwrap_err().to_string(), "IndexError: list index out of range");
    /// });
    /// ```
    pub fn get(&self, index: isize) -> PyResult<Bound<'py>> {
        self.get_item(index)
    }
}

impl PyDict {
    /// `{}`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let d = gilvm::PyDict::new(py);
    ///     d.set_item("k", 1).unwrap();
    ///     assert_eq!(d.repr().unwrap(), "{'k': 1}");
    /// });
    /// ```
    pub fn new(py: Python<'_>) -> Bound<'_, PyDict> {
        let empty: std::collections::HashMap<String, i64> = Default::default();
        empty
            .into_py(py)
            .expect("an empty dict has no keys to hash")
            .assume()
    }
}

impl<'py> Bound<'py, PyDict> {
    /// `self.get(key)`: `None` when the key is missing.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let d = py.eval("{'a': 1}").unwrap().downcast::<gilvm::PyDict>().unwrap();
    ///     assert_eq!(d.get("a").unwrap().unwrap().extract::<i64>().unwrap(), 1);
    ///     assert!(d.get("b").unwrap().is_none());
    /// });
    /// ```
    pub fn get(&self, key: impl IntoPy<'py>) -> PyResult<Option<Bound<'py>>> {
        match self.get_item(key) {
            Ok(value) => Ok(Some(value)),
            Err(e) if e.type_name() == "KeyError" => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `key in self`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let d = py.eval("{'a': 1}").unwrap().downcast::<gilvm::PyDict>().unwrap();
    ///     assert!(d.contains("a").unwrap() && !d.contains("z").unwrap());
    /// });
    /// ```
    pub fn contains(&self, key: impl IntoPy<'py>) -> PyResult<bool> {
        Ok(self.get(key)?.is_some())
    }

    /// The `(key, value)` pairs, in order.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let d = py.eval("{'a': 1, 'b': 2}").unwrap().downcast::<gilvm::PyDict>().unwrap();
    ///     let pairs: Vec<(String, i64)> = d.items().unwrap().iter()
    ///         .map(|(k, v)| (k.extract().unwrap(), v.extract().unwrap())).collect();
    ///     assert_eq!(pairs, [("a".to_string(), 1), ("b".to_string(), 2)]);
    /// });
    /// ```
    pub fn items(&self) -> PyResult<Vec<(Bound<'py>, Bound<'py>)>> {
        self.call_method0("items")?
            .iterate()?
            .iter()
            .map(|pair| pair.extract())
            .collect()
    }
}

impl PyStr {
    /// A new `str`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     assert_eq!(gilvm::PyStr::new(py, "hé").len().unwrap(), 2);
    /// });
    /// ```
    pub fn new<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyStr> {
        py.bound(gilvm_vm::embed::Object::str(text)).assume()
    }
}

impl Bound<'_, PyStr> {
    /// The text.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let s = py.eval("'ab' * 2").unwrap().downcast::<gilvm::PyStr>().unwrap();
    ///     assert_eq!(s.to_string_lossy(), "abab");
    /// });
    /// ```
    pub fn to_string_lossy(&self) -> String {
        match self.object().view() {
            gilvm_vm::embed::View::Str(s) => s.to_string(),
            // A subclass of `str`: its text is `str(self)`.
            _ => self.str().unwrap_or_default(),
        }
    }
}

impl PyTuple {
    /// A new tuple of the converted `items`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let t = gilvm::PyTuple::new(py, [1, 2]).unwrap();
    ///     assert_eq!(t.repr().unwrap(), "(1, 2)");
    ///     assert_eq!(t.get(0).unwrap().extract::<i64>().unwrap(), 1);
    /// });
    /// ```
    pub fn new<'py, I>(py: Python<'py>, items: I) -> PyResult<Bound<'py, PyTuple>>
    where
        I: IntoIterator,
        I::Item: IntoPy<'py>,
    {
        let items = items
            .into_iter()
            .map(|item| Ok(item.into_py(py)?.into_object()))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(py.bound(gilvm_vm::embed::Object::tuple(items)).assume())
    }
}

impl<'py> Bound<'py, PyTuple> {
    /// `self[index]`.
    pub fn get(&self, index: isize) -> PyResult<Bound<'py>> {
        self.get_item(index)
    }
}
