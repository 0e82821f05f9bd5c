//! End-to-end: compile small programs, run them with captured output, compare with what
//! CPython 3.11 prints.

use std::sync::{Arc, Mutex};

use gilvm_vm::embed::Session;
use gilvm_vm::{Config, RunError};

fn run(source: &str) -> (String, Result<(), RunError>) {
    let code = gilvm_compiler::compile_source(source, "t.py").expect("test program compiles");
    let buffer = Arc::new(Mutex::new(Vec::new()));
    let config = Config {
        capture_output: Some(buffer.clone()),
        ..Config::default()
    };
    let session = Session::new(config);
    let result = session.run_main(code, source);
    let out = String::from_utf8(buffer.lock().expect("buffer lock").clone()).expect("utf-8 output");
    (out, result)
}

fn output(source: &str) -> String {
    let (out, result) = run(source);
    assert_eq!(result, Ok(()), "program failed; output so far: {out}");
    out
}

fn traceback(source: &str) -> String {
    match run(source).1 {
        Err(RunError::Exception { traceback, .. }) => traceback,
        other => panic!("expected an exception, got {other:?}"),
    }
}

#[test]
fn integers_promote_and_floor() {
    assert_eq!(
        output(
            "print(2**64, -7 // 2, -7 % 2, 7 % -2, 2**-1, (2**70) // 2**68, 10**20 - 10**20 + 5)\n"
        ),
        "18446744073709551616 -4 1 -1 0.5 4 5\n"
    );
    assert_eq!(
        output("print(1 << 70 >> 69, ~5, 6 & 3, 6 | 3, 6 ^ 3, 7 / 2, int('-0x1f', 16))\n"),
        "2 -6 2 7 5 3.5 -31\n"
    );
}

#[test]
fn floats_print_like_cpython() {
    assert_eq!(
        output("print(0.1, 1e16, 1.0, 1/3, -0.0, 2.5e-5, float('inf'))\n"),
        "0.1 1e+16 1.0 0.3333333333333333 -0.0 2.5e-05 inf\n"
    );
}

#[test]
fn argument_binding_errors() {
    let src = "def f(a, b=1, *, k):\n    pass\nfor call in (lambda: f(), lambda: f(1, 2, 3), lambda: f(1, z=2), lambda: f(1)):\n    try:\n        call()\n    except TypeError as e:\n        print(e)\n";
    assert_eq!(
        output(src),
        "f() missing 1 required positional argument: 'a'\nf() takes from 1 to 2 positional arguments but 3 were given\nf() got an unexpected keyword argument 'z'\nf() missing 1 required keyword-only argument: 'k'\n"
    );
}

#[test]
fn uncaught_exception_traceback() {
    let src = "def f(d):\n    return d['k'] * 2\n\nf({})\n";
    assert_eq!(
        traceback(src),
        "Traceback (most recent call last):\n  File \"t.py\", line 4, in <module>\n    f({})\n  File \"t.py\", line 2, in f\n    return d['k'] * 2\n           ~^^^^^\nKeyError: 'k'\n"
    );
}

#[test]
fn chained_exceptions() {
    let src = "try:\n    1/0\nexcept ZeroDivisionError as e:\n    raise ValueError('bad') from e\n";
    let tb = traceback(src);
    assert!(
        tb.starts_with(
            "Traceback (most recent call last):\n  File \"t.py\", line 2, in <module>\n"
        ),
        "{tb}"
    );
    assert!(tb.contains("ZeroDivisionError: division by zero\n\nThe above exception was the direct cause of the following exception:\n\n"), "{tb}");
    assert!(tb.ends_with("ValueError: bad\n"), "{tb}");
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let tb = traceback("def f(n):\n    return f(n + 1)\n\nf(0)\n");
    assert!(
        tb.contains("  [Previous line repeated 996 more times]\n"),
        "{tb}"
    );
    assert!(
        tb.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{tb}"
    );
}

#[test]
fn sys_exit_status() {
    assert_eq!(
        run("import sys\nprint('a')\nsys.exit(3)\n"),
        ("a\n".to_string(), Err(RunError::Exit(3)))
    );
    assert_eq!(
        run("import sys\nsys.exit('bye')\n"),
        ("bye\n".to_string(), Err(RunError::Exit(1)))
    );
}

#[test]
fn classes_generators_and_with() {
    let src = "class A:\n    def __init__(self, v):\n        self.v = v\n    def __repr__(self):\n        return f'A({self.v})'\n    def __lt__(self, o):\n        return self.v < o.v\nclass B(A):\n    def __init__(self, v):\n        super().__init__(v * 10)\nprint(sorted([B(3), A(5), B(1)]))\ndef g():\n    x = yield 1\n    yield from range(x, x + 2)\n    return 'done'\nit = g()\nprint(next(it), it.send(7), next(it))\ntry:\n    next(it)\nexcept StopIteration as e:\n    print('stop', e.value)\nclass CM:\n    def __enter__(self):\n        return 'in'\n    def __exit__(self, t, v, tb):\n        print('exit', t.__name__)\n        return True\nwith CM() as x:\n    print(x)\n    raise KeyError(1)\nprint('after')\n";
    assert_eq!(
        output(src),
        "[A(5), A(10), A(30)]\n1 7 8\nstop done\nin\nexit KeyError\nafter\n"
    );
}
