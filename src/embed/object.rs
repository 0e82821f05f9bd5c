//! [`PyObject`]: an owned handle that outlives GIL scopes and crosses threads.

use gilvm_vm::embed::{Detached, Object};

use crate::{Bound, Python};

/// A Python object kept by the host: `Send + Sync`, storable in host structures, used
/// through [`bind`](PyObject::bind) with a token of the same interpreter.
///
/// Dropping it on a thread that does not hold the GIL does not touch the object: the release
/// is queued and done by the next thread that takes the GIL through
/// [`Interpreter::with_gil`](crate::Interpreter::with_gil).
///
/// ```
/// use std::sync::Arc;
/// let interp = Arc::new(gilvm::Interpreter::new());
/// let list = interp.with_gil(|py| py.eval("[1, 2, 3]").unwrap().unbind());
/// let other = Arc::clone(&interp);
/// let len = std::thread::spawn(move || {
///     other.with_gil(|py| list.bind(py).iterate().unwrap().len())
/// });
/// assert_eq!(len.join().unwrap(), 3);
/// ```
pub struct PyObject(Detached);

impl PyObject {
    pub(crate) fn detach(py: Python<'_>, obj: Object) -> PyObject {
        let detached = py.with_state(|ts| Detached::new(py.session(), ts, obj));
        PyObject(detached.expect("a token's thread belongs to its own session"))
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
    pub fn bind<'py>(&self, py: Python<'py>) -> Bound<'py> {
        let obj = py.with_state(|ts| self.0.bind(ts));
        py.bound(obj.expect("PyObject bound with a token of another interpreter"))
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
    pub fn clone_ref(&self, py: Python<'_>) -> PyObject {
        self.bind(py).unbind()
    }
}

impl std::fmt::Debug for PyObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PyObject(..)")
    }
}
