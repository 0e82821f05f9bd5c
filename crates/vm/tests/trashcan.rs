//! Deep nests reached from Python code are freed without deep native recursion: each program
//! builds a chain 200,000 levels deep and deletes it, on a thread whose 4 MiB stack a recursive
//! drop of that chain would overflow (several native frames per level).

use std::sync::{Arc, Mutex};

use gilvm_vm::{Interpreter, InterpreterConfig};

fn run_on_small_stack(source: &'static str) -> String {
    std::thread::Builder::new()
        .stack_size(4 << 20)
        .spawn(move || {
            let code = gilvm_compiler::compile_source(source, "t.py").expect("compiles");
            let buffer = Arc::new(Mutex::new(Vec::new()));
            let config = InterpreterConfig {
                capture_output: Some(buffer.clone()),
                ..InterpreterConfig::default()
            };
            let result = Interpreter::new(config).run_main(code, source);
            let out = String::from_utf8(buffer.lock().expect("lock").clone()).expect("utf-8");
            assert_eq!(result, Ok(()), "program failed; output: {out}");
            out
        })
        .expect("spawn")
        .join()
        .expect("no stack overflow")
}

#[test]
fn deep_generator_chain() {
    let src = "def g(prev):\n    yield prev\nx = None\nfor i in range(200000):\n    x = g(x)\ndel x\nprint('ok')\n";
    assert_eq!(run_on_small_stack(src), "ok\n");
}

#[test]
fn deep_closure_chain() {
    let src = "def make(prev):\n    return lambda: prev\nf = None\nfor i in range(200000):\n    f = make(f)\nprint(f()()() is not None)\ndel f\nprint('ok')\n";
    assert_eq!(run_on_small_stack(src), "True\nok\n");
}

#[test]
fn deep_instances_and_lists() {
    let src = "class Node:\n    def __init__(self, nxt):\n        self.nxt = nxt\nx = None\nfor i in range(200000):\n    x = Node([x, i])\nprint(x.nxt[1])\nx = None\nprint('ok')\n";
    assert_eq!(run_on_small_stack(src), "199999\nok\n");
}

#[test]
fn deep_bound_methods() {
    let src = "class C:\n    def __init__(self, m):\n        self.m = m\n    def f(self):\n        return self.m\nx = None\nfor i in range(200000):\n    x = C(x).f\nprint(x() is not None)\ndel x\nprint('ok')\n";
    assert_eq!(run_on_small_stack(src), "True\nok\n");
}
