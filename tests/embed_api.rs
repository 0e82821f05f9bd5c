//! The typed embedding API: typed handles, typed native functions with CPython's argument
//! messages, Rust classes, host-defined exceptions and error conversions.

use gilvm::{Interpreter, Methods, NativeModule, Py, PyClass, PyDict, PyErr, PyList, PyResult};

fn error(interp: &Interpreter, source: &str) -> String {
    interp.run(source).unwrap_err().to_string()
}

fn typed_module() -> NativeModule {
    NativeModule::new("typed")
        .add_function(gilvm::function!(
            fn add(a: i64, b: i64) -> i64 {
                a + b
            }
        ))
        .add_function(
            gilvm::function!(fn repeat(text: &str, times: usize = 2) -> PyResult<String> {
                Ok(text.repeat(times))
            }),
        )
        .add_function(
            gilvm::function!(fn total(xs: Vec<f64>, scale: Option<f64> = None) -> f64 {
                xs.iter().sum::<f64>() * scale.unwrap_or(1.0)
            }),
        )
        .add_function(gilvm::function!(
            fn keys(d: std::collections::HashMap<String, i64>) -> Vec<String> {
                let mut k: Vec<String> = d.into_keys().collect();
                k.sort();
                k
            }
        ))
        .add_function(
            gilvm::function!(fn pair(p: (i64, String), flag: bool = false) -> (String, i64, bool) {
                (p.1, p.0, flag)
            }),
        )
        .add_function(gilvm::function!(
            fn first(
                py: Python<'py>,
                items: gilvm::Bound<'py, PyList>,
            ) -> PyResult<gilvm::Bound<'py>> {
                let _ = py;
                items.get(0)
            }
        ))
        .add_function(gilvm::function!(fn nothing(flag: bool = false) {
            let _ = flag;
        }))
        .add_function(gilvm::function!(
            fn parse(text: &str) -> Result<i64, std::num::ParseIntError> {
                text.trim().parse::<i64>()
            }
        ))
}

#[test]
fn typed_functions_unpack_positional_keyword_and_default_arguments() {
    let interp = Interpreter::new();
    interp.add_module(typed_module()).unwrap();
    interp.run("import typed").unwrap();
    assert_eq!(interp.eval::<i64>("typed.add(2, 3)").unwrap(), 5);
    assert_eq!(interp.eval::<i64>("typed.add(b=2, a=30)").unwrap(), 32);
    assert_eq!(interp.eval::<String>("typed.repeat('ab')").unwrap(), "abab");
    assert_eq!(
        interp
            .eval::<String>("typed.repeat('ab', times=3)")
            .unwrap(),
        "ababab"
    );
    assert_eq!(interp.eval::<f64>("typed.total([1, 2.5])").unwrap(), 3.5);
    assert_eq!(
        interp.eval::<f64>("typed.total((1, 2), scale=2)").unwrap(),
        6.0
    );
    assert_eq!(
        interp
            .eval::<Vec<String>>("typed.keys({'b': 1, 'a': 2})")
            .unwrap(),
        ["a", "b"]
    );
    assert_eq!(
        interp
            .eval::<(String, i64, bool)>("typed.pair((1, 'x'), True)")
            .unwrap(),
        ("x".to_string(), 1, true)
    );
    assert_eq!(
        interp.eval::<String>("typed.first(['z', 'y'])").unwrap(),
        "z"
    );
    assert_eq!(interp.eval::<i64>("typed.parse(' 42 ')").unwrap(), 42);
    assert!(interp
        .eval::<bool>("typed.nothing(flag=True) is None")
        .unwrap());
}

#[test]
fn argument_errors_name_the_function_and_the_parameter() {
    let interp = Interpreter::new();
    interp.add_module(typed_module()).unwrap();
    interp.run("import typed").unwrap();
    let cases = [
        (
            "typed.add(1)",
            "TypeError: add() missing required argument 'b' (pos 2)",
        ),
        (
            "typed.add()",
            "TypeError: add() missing required argument 'a' (pos 1)",
        ),
        (
            "typed.add(1, 2, 3)",
            "TypeError: add() takes exactly 2 positional arguments (3 given)",
        ),
        (
            "typed.repeat('a', 1, 2)",
            "TypeError: repeat() takes at most 2 positional arguments (3 given)",
        ),
        (
            "typed.add('x', 1)",
            "TypeError: add() argument 'a' must be int, not str",
        ),
        (
            "typed.add(1, b=None)",
            "TypeError: add() argument 'b' must be int, not NoneType",
        ),
        (
            "typed.repeat(3)",
            "TypeError: repeat() argument 'text' must be str, not int",
        ),
        (
            "typed.add(1, c=2)",
            "TypeError: 'c' is an invalid keyword argument for add()",
        ),
        (
            "typed.add(1, a=2)",
            "TypeError: argument for add() given by name ('a') and position (1)",
        ),
        (
            "typed.first({})",
            "TypeError: 'dict' object cannot be converted to 'list'",
        ),
        (
            "typed.parse('x')",
            "ValueError: invalid digit found in string",
        ),
        (
            "typed.repeat('a', -1)",
            "OverflowError: int -1 out of range for usize",
        ),
    ];
    for (source, expected) in cases {
        assert_eq!(error(&interp, source), expected, "{source}");
    }
    // An element of the wrong type is not the argument's own type.
    let err = error(&interp, "typed.total([1, 'x'])");
    assert_eq!(err, "TypeError: expected float, got 'str' object");
}

#[test]
fn manual_args_errors_name_the_function() {
    let interp = Interpreter::new();
    let module = NativeModule::new("manual").function("scale", |_py, args| {
        let x: f64 = args.arg(0)?;
        let k: Option<f64> = args.kwarg("k")?;
        Ok(x * k.unwrap_or(1.0))
    });
    interp.add_module(module).unwrap();
    interp.run("import manual").unwrap();
    assert_eq!(
        error(&interp, "manual.scale()"),
        "TypeError: scale() missing required argument (pos 1)"
    );
    assert_eq!(
        error(&interp, "manual.scale('a')"),
        "TypeError: scale() argument 1 must be float, not str"
    );
    assert_eq!(
        error(&interp, "manual.scale(1, k='a')"),
        "TypeError: scale() argument 'k' must be float, not str"
    );
}

#[test]
fn typed_handles_cross_threads_and_downcast() {
    let interp = std::sync::Arc::new(Interpreter::new());
    let (list, dict): (Py<PyList>, Py<PyDict>) = interp.with_gil(|py| {
        let list = PyList::new(py, [1, 2]).unwrap();
        let dict = PyDict::new(py);
        dict.set_item("k", &list).unwrap();
        (list.unbind(), dict.unbind())
    });
    let other = std::sync::Arc::clone(&interp);
    let seen = std::thread::spawn(move || {
        other.with_gil(|py| {
            let list = list.bind(py);
            list.append(3).unwrap();
            let d = dict.bind(py);
            let inner = d.get("k").unwrap().unwrap().downcast::<PyList>().unwrap();
            (inner.len().unwrap(), d.get("missing").unwrap().is_none())
        })
    })
    .join()
    .unwrap();
    assert_eq!(seen, (3, true));
    interp.with_gil(|py| {
        let any = py.eval("'text'").unwrap().unbind();
        assert!(any.downcast::<gilvm::PyStr>(py).is_ok());
        let err = any.downcast::<PyList>(py).unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'str' object cannot be converted to 'list'"
        );
    });
}

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn owned_handles_are_send_and_sync() {
    assert_send_sync::<Py<PyList>>();
    assert_send_sync::<Py<Account>>();
    assert_send_sync::<gilvm::PyObject>();
}

/// A bank account: a constructor, `&self` and `&mut self` methods, properties, a dunder,
/// and a method that calls back into Python.
struct Account {
    owner: String,
    cents: i64,
}

impl PyClass for Account {
    const NAME: &'static str = "Account";
    const MODULE: &'static str = "bank";

    fn methods(m: &mut Methods<Self>) {
        m.constructor(
            gilvm::function!(fn new(owner: String, cents: i64 = 0) -> PyResult<Account> {
                if cents < 0 {
                    return Err(PyErr::value_error("negative opening balance"));
                }
                Ok(Account { owner, cents })
            }),
        );
        m.method(gilvm::method!(
            fn deposit(this: &mut Account, cents: i64) -> i64 {
                this.cents += cents;
                this.cents
            }
        ));
        m.method(gilvm::method!(
            fn balance(this: &Account) -> i64 {
                this.cents
            }
        ));
        m.method(gilvm::method!(
            fn __repr__(this: &Account) -> String {
                format!("Account({:?}, {})", this.owner, this.cents)
            }
        ));
        m.method(gilvm::method!(
            fn apply(py: Python<'py>, this: &mut Account, f: gilvm::Bound<'py>) -> PyResult<i64> {
                let _ = py;
                this.cents = f.call1((this.cents,))?.extract()?;
                Ok(this.cents)
            }
        ));
        m.getter("owner", |a: &Account| a.owner.clone());
        m.property(
            "cents",
            |a: &Account| a.cents,
            Some(|a: &mut Account, v: i64| -> PyResult<()> {
                a.cents = v;
                Ok(())
            }),
        );
    }
}

fn bank() -> Interpreter {
    let interp = Interpreter::new();
    interp
        .add_module(NativeModule::new("bank").add_class::<Account>())
        .unwrap();
    interp.run("from bank import Account").unwrap();
    interp
}

#[test]
fn a_rust_struct_is_a_python_class_with_methods_and_properties() {
    let interp = bank();
    interp
        .run("a = Account('ann', 100)\na.deposit(50)\na.cents += 1")
        .unwrap();
    assert_eq!(interp.eval::<i64>("a.balance()").unwrap(), 151);
    assert_eq!(interp.eval::<String>("a.owner").unwrap(), "ann");
    assert_eq!(
        interp.eval::<String>("repr(a)").unwrap(),
        "Account(\"ann\", 151)"
    );
    assert!(interp.eval::<bool>("isinstance(a, Account)").unwrap());
    assert_eq!(interp.eval::<String>("Account.__module__").unwrap(), "bank");
    assert_eq!(interp.eval::<i64>("Account.balance(a)").unwrap(), 151);
    assert_eq!(interp.eval::<i64>("a.apply(lambda c: c * 2)").unwrap(), 302);
    assert_eq!(
        error(&interp, "Account('bob', -1)"),
        "ValueError: negative opening balance"
    );
    assert_eq!(
        error(&interp, "Account()"),
        "TypeError: new() missing required argument 'owner' (pos 1)"
    );
    assert_eq!(
        error(&interp, "Account.balance(3)"),
        "TypeError: descriptor 'balance' requires a 'Account' object but received a 'int'"
    );
    assert_eq!(
        error(&interp, "a.owner = 'x'").split(':').next(),
        Some("AttributeError")
    );
    // The host reads and changes the value of a Python-made instance.
    interp.with_gil(|py| {
        let a = py.eval("a").unwrap().downcast::<Account>().unwrap();
        assert_eq!(a.with_borrow(|a| a.cents).unwrap(), 302);
        a.with_borrow_mut(|a| a.cents = 7).unwrap();
        assert_eq!(py.eval("a.balance()").unwrap().extract::<i64>().unwrap(), 7);
    });
}

#[test]
fn a_conflicting_borrow_raises_instead_of_aliasing() {
    let interp = bank();
    interp.run("a = Account('ann', 1)").unwrap();
    assert_eq!(
        error(&interp, "a.apply(lambda c: a.balance())"),
        "RuntimeError: Already mutably borrowed"
    );
    assert_eq!(
        error(&interp, "a.apply(lambda c: a.deposit(1))"),
        "RuntimeError: Already borrowed"
    );
    // The object is usable again afterwards.
    assert_eq!(interp.eval::<i64>("a.deposit(1)").unwrap(), 2);
}

#[test]
fn a_rust_class_can_be_subclassed_in_python() {
    let interp = bank();
    interp
        .run(
            "class Savings(Account):\n    def __init__(self, owner, cents=0):\n        super().__init__(owner, cents)\n        self.rate = 2\n    def grow(self):\n        return self.deposit(self.balance() * self.rate)\ns = Savings('cy', 10)\n",
        )
        .unwrap();
    assert_eq!(interp.eval::<i64>("s.grow()").unwrap(), 30);
    assert!(interp
        .eval::<bool>("isinstance(s, Account) and type(s) is Savings")
        .unwrap());
    assert_eq!(
        interp.eval::<String>("repr(s)").unwrap(),
        "Account(\"cy\", 30)"
    );
}

#[test]
fn rust_values_become_instances_of_their_class() {
    let interp = bank();
    interp.with_gil(|py| {
        let a = Py::new(
            py,
            Account {
                owner: "dee".into(),
                cents: 5,
            },
        )
        .unwrap();
        py.import("builtins").unwrap().setattr("made", &a).unwrap();
        assert_eq!(
            py.eval("made.deposit(5)")
                .unwrap()
                .extract::<i64>()
                .unwrap(),
            10
        );
        assert!(py
            .eval("isinstance(made, Account)")
            .unwrap()
            .extract::<bool>()
            .unwrap());
    });
}

gilvm::create_exception!(inventory, OutOfStock, "LookupError");

#[test]
fn host_exception_classes_are_raised_caught_and_matched() {
    let interp = Interpreter::new();
    interp.add_module(NativeModule::new("app")).unwrap();
    interp.with_gil(|py| {
        py.new_exception_class("app.AppError", None).unwrap();
        py.add_builtin(gilvm::function!(
            fn fail(kind: &str) -> PyResult<()> {
                Err(match kind {
                    "named" => PyErr::new("app.AppError", "boom"),
                    "typed" => PyErr::of::<OutOfStock>("no apples"),
                    _ => PyErr::new("NoSuchError", "boom"),
                })
            }
        ))
        .unwrap();
        py.run(
            "import app\ntry:\n    fail('named')\nexcept app.AppError as e:\n    caught = repr(e)",
        )
        .unwrap();
        assert_eq!(
            py.eval("caught").unwrap().extract::<String>().unwrap(),
            "AppError('boom')"
        );
        let err = py.run("fail('typed')").unwrap_err();
        assert!(err.matches::<OutOfStock>(py));
        assert!(err.matches::<gilvm::exceptions::LookupError>(py));
        assert!(!err.matches::<gilvm::exceptions::ValueError>(py));
        assert!(
            err.traceback().ends_with("OutOfStock: no apples\n"),
            "{}",
            err.traceback()
        );
        assert_eq!(
            err.value(py)
                .unwrap()
                .getattr("args")
                .unwrap()
                .repr()
                .unwrap(),
            "('no apples',)"
        );
        // An unknown class name is reported, not replaced by a stand-in.
        let err = py.run("fail('unknown')").unwrap_err();
        assert_eq!(
            err.to_string(),
            "SystemError: no exception class named 'NoSuchError' (raising: boom)"
        );
    });
}

#[test]
fn io_errors_become_the_matching_os_error_subclass() {
    let interp = Interpreter::new();
    interp.with_gil(|py| {
        py.add_builtin(gilvm::function!(fn read(path: &str) -> Result<String, std::io::Error> {
            std::fs::read_to_string(path)
        }))
        .unwrap();
        let dir = std::env::temp_dir();
        let dir = dir.to_str().unwrap();
        let report = |source: String| {
            py.run(&format!(
                "try:\n    {source}\nexcept OSError as e:\n    seen = (type(e).__name__, e.errno, e.strerror)"
            ))
            .unwrap();
            py.eval("seen").unwrap().extract::<(String, i64, String)>().unwrap()
        };
        let missing = report("read('/no/such/file')".to_string());
        assert_eq!(missing, ("FileNotFoundError".into(), 2, "No such file or directory".into()));
        let is_dir = report(format!("read({dir:?})"));
        assert_eq!(is_dir, ("IsADirectoryError".into(), 21, "Is a directory".into()));
    });
    let as_box: Box<dyn std::error::Error + Send + Sync> = Box::new(PyErr::from(
        std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    ));
    assert_eq!(as_box.to_string(), "PermissionError: permission denied");
    let utf8: PyErr = String::from_utf8(vec![b'a', 0xe9, b'b'])
        .unwrap_err()
        .into();
    assert_eq!(
        utf8.to_string(),
        "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 1: invalid continuation byte"
    );
}

#[test]
fn unicode_decode_errors_are_raised_in_python() {
    let interp = Interpreter::new();
    interp.with_gil(|py| {
        py.add_builtin(gilvm::function!(
            fn decode(data: gilvm::Bytes) -> Result<String, std::string::FromUtf8Error> {
                String::from_utf8(data.0)
            }
        ))
        .unwrap();
        let err = py.run("decode(b'\\xff')").unwrap_err();
        assert_eq!(err.type_name(), "UnicodeDecodeError");
        assert!(err.matches::<gilvm::exceptions::ValueError>(py));
    });
}

#[test]
fn a_rust_class_instance_is_used_from_another_host_thread() {
    let interp = std::sync::Arc::new(bank());
    let account: Py<Account> = interp.with_gil(|py| {
        Py::new(
            py,
            Account {
                owner: "eve".into(),
                cents: 1,
            },
        )
        .unwrap()
    });
    let other = std::sync::Arc::clone(&interp);
    let cents = std::thread::spawn(move || {
        other.with_gil(|py| {
            let a = account.bind(py);
            a.call_method1("deposit", (9,)).unwrap();
            a.with_borrow(|a| a.cents).unwrap()
        })
    })
    .join()
    .unwrap();
    assert_eq!(cents, 10);
}
