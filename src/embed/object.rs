//! [`Py<T>`] (and [`PyObject`], its untyped form): an owned handle that outlives GIL scopes
//! and crosses threads.

use std::marker::PhantomData;

use gilvm_vm::embed::{Detached, Object};

use crate::{Bound, PyAny, PyResult, PyTypeInfo, Python};

/// A Python object kept by the host: storable in host structures, used through
/// [`bind`](Py::bind) with a token of the same interpreter. `T` is what the object is known
/// to be, as for [`Bound`]: `Py<PyList>`, `Py<PyDict>`, `Py<MyClass>`, or [`PyObject`]
/// (`Py<PyAny>`) for anything.
///
/// `Py<T>` is `Send + Sync` for every `T`, and that is sound: the handle gives access to the
/// object only through `bind(py)`, which needs the GIL token of this thread, so the object
/// (and a Rust class's payload inside it) is only ever touched by the one thread holding the
/// GIL, which hands it on with a happens-before edge: the GIL is the mutex around it. That is
/// also why a [`PyClass`](crate::PyClass) must be `Send` (the GIL may be taken by another
/// thread next) but need not be `Sync`.
///
/// Dropping it on a thread that does not hold the GIL does not touch the object: the release
/// is queued and done by the next thread that takes the GIL through
/// [`Interpreter::with_gil`](crate::Interpreter::with_gil).
///
/// ```
/// use std::sync::Arc;
/// use gilvm::{Py, PyList};
/// let interp = Arc::new(gilvm::Interpreter::new());
/// let list: Py<PyList> = interp.with_gil(|py| PyList::new(py, [1, 2, 3]).unwrap().unbind());
/// let other = Arc::clone(&interp);
/// let len = std::thread::spawn(move || {
///     other.with_gil(|py| list.bind(py).len().unwrap())
/// });
/// assert_eq!(len.join().unwrap(), 3);
/// ```
pub struct Py<T = PyAny> {
    detached: Detached,
    // `fn() -> T`: the handle owns no `T` of its own, so its auto traits do not depend on T.
    kind: PhantomData<fn() -> T>,
}

/// An owned handle to any Python object (`Py<PyAny>`).
pub type PyObject = Py<PyAny>;

impl<T> Py<T> {
    pub(crate) fn detach(py: Python<'_>, obj: Object) -> Py<T> {
        let detached = py.with_state(|ts| Detached::new(py.session(), ts, obj));
        Py {
            detached: detached.expect("a token's thread belongs to its own session"),
            kind: PhantomData,
        }
    }

    /// A handle for this GIL scope.
    ///
    /// Panics if `py` belongs to another interpreter (objects never move between
    /// interpreters).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// let s = interp.with_gil(|py| py.eval("'kept'").unwrap().unbind());
    /// let text: String = interp.with_gil(|py| s.bind(py).extract().unwrap());
    /// assert_eq!(text, "kept");
    /// ```
    pub fn bind<'py>(&self, py: Python<'py>) -> Bound<'py, T> {
        let obj = py.with_state(|ts| self.detached.bind(ts));
        py.bound(obj.expect("Py bound with a token of another interpreter"))
            .assume()
    }

    /// Another owned reference to the same object.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let a = py.eval("[]").unwrap().unbind();
    ///     let b = a.clone_ref(py);
    ///     assert!(a.bind(py).is(&b.bind(py)));
    /// });
    /// ```
    pub fn clone_ref(&self, py: Python<'_>) -> Py<T> {
        self.bind(py).unbind()
    }

    /// The same object, typed as anything.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let d: gilvm::Py<gilvm::PyDict> = gilvm::PyDict::new(py).unbind();
    ///     let any: gilvm::PyObject = d.into_any();
    ///     assert_eq!(any.bind(py).type_name(), "dict");
    /// });
    /// ```
    pub fn into_any(self) -> PyObject {
        Py {
            detached: self.detached,
            kind: PhantomData,
        }
    }

    /// The same object as a `U`, if it is one (see [`Bound::downcast`]).
    ///
    /// ```
    /// use gilvm::{PyList, PyStr};
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let obj = py.eval("['a']").unwrap().unbind();
    ///     assert!(obj.downcast::<PyList>(py).is_ok());
    ///     assert_eq!(obj.downcast::<PyStr>(py).unwrap_err().type_name(), "TypeError");
    /// });
    /// ```
    pub fn downcast<U: PyTypeInfo>(&self, py: Python<'_>) -> PyResult<Py<U>> {
        Ok(self.bind(py).downcast::<U>()?.unbind())
    }
}

impl<T> std::fmt::Debug for Py<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Py(..)")
    }
}
