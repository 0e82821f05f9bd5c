//! Embed gilvm — a Python-like bytecode VM with a real GIL — in Rust programs.
//!
//! ```
//! let interp = gilvm::Interpreter::new();
//! interp.run("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)").unwrap();
//! let n: i64 = interp.eval("fib(20)").unwrap();
//! assert_eq!(n, 6765);
//! ```
//!
//! * [`Interpreter`]: `Send + Sync`, built with [`Interpreter::builder`]; runs source, files
//!   and expressions.
//! * [`Interpreter::with_gil`] hands a [`Python<'py>`] token: proof that the GIL is held.
//!   Object handles ([`Bound<'py>`]) carry its lifetime, so they cannot escape the closure
//!   nor reach another thread: GIL mistakes are compile errors. [`PyObject`] keeps an object
//!   across scopes and threads.
//! * [`IntoPy`] / [`FromPy`] convert values; [`NativeModule`] and [`Python::add_function`]
//!   expose Rust functions to scripts; [`PyErr`] carries Python exceptions both ways.
//!
//! The guide is [`guide`] (`docs/embedding.md`); runnable examples are in `docs/examples/`.

mod embed;

pub use embed::bound::{Bound, IntoPyArgs};
pub use embed::convert::{Bytes, FromPy, IntoPy};
pub use embed::error::{Error, PyErr, PyResult};
pub use embed::interpreter::{Builder, Interpreter};
pub use embed::native::{Args, NativeModule};
pub use embed::object::PyObject;
pub use embed::python::Python;
pub use gilvm_vm::{GilStats, Policy};

#[doc = include_str!("../docs/embedding.md")]
pub mod guide {}
