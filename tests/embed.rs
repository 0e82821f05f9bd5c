//! The embedding API end to end: host threads and script threads sharing one interpreter,
//! handles dropped on other threads, errors and panics across the boundary, conversions.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use gilvm::{Bytes, Interpreter, IntoPy, NativeModule, PyErr, PyObject};
use num_bigint::BigInt;
use proptest::prelude::*;

#[test]
fn host_threads_and_script_threads_share_the_interpreter() {
    let interp = Arc::new(Interpreter::new());
    interp
        .run(concat!(
            "import threading\n",
            "total = 0\n",
            "lock = threading.Lock()\n",
            "def work(n):\n",
            "    global total\n",
            "    for i in range(n):\n",
            "        with lock:\n",
            "            total += 1\n",
            "workers = [threading.Thread(target=work, args=(2000,)) for _ in range(4)]\n",
            "for w in workers:\n",
            "    w.start()\n",
            "host_calls = []\n",
        ))
        .unwrap();
    let hosts: Vec<_> = (0..8)
        .map(|h| {
            let interp = Arc::clone(&interp);
            std::thread::spawn(move || {
                for i in 0..50i64 {
                    let got: i64 = interp.with_gil(|py| {
                        py.set_priority((h % 3) as i32);
                        let calls = py.eval("host_calls").unwrap();
                        calls.call_method1("append", ((h, i),)).unwrap();
                        py.eval(&format!("{i} * {h}")).unwrap().extract().unwrap()
                    });
                    assert_eq!(got, i * h);
                }
            })
        })
        .collect();
    for h in hosts {
        h.join().unwrap();
    }
    interp.run("for w in workers:\n    w.join()").unwrap();
    assert_eq!(interp.eval::<i64>("total").unwrap(), 8000);
    assert_eq!(interp.eval::<i64>("len(host_calls)").unwrap(), 400);
    assert_eq!(interp.eval::<i64>("len(set(host_calls))").unwrap(), 400);
}

#[test]
fn objects_dropped_on_other_threads_are_released_later() {
    let interp = Arc::new(Interpreter::new());
    interp.run("shared = [1, 2, 3]").unwrap();
    let refs = |interp: &Interpreter| interp.with_gil(|py| py.eval("shared").unwrap().ref_count());
    let base = refs(&interp);
    let handles: Vec<PyObject> = interp.with_gil(|py| {
        (0..10)
            .map(|_| py.eval("shared").unwrap().unbind())
            .collect()
    });
    assert_eq!(refs(&interp), base + 10);
    let droppers: Vec<_> = handles
        .into_iter()
        .map(|h| std::thread::spawn(move || drop(h)))
        .collect();
    for d in droppers {
        d.join().unwrap();
    }
    // The next GIL holder drains the deferred releases before running anything.
    assert_eq!(refs(&interp), base);
}

#[test]
fn handles_dropped_under_the_gil_are_released_at_once() {
    let interp = Interpreter::new();
    interp.run("x = []").unwrap();
    interp.with_gil(|py| {
        let x = py.eval("x").unwrap();
        let base = x.ref_count();
        let kept = x.clone().unbind();
        assert_eq!(x.ref_count(), base + 1);
        drop(kept);
        assert_eq!(x.ref_count(), base);
    });
}

#[test]
fn python_exceptions_reach_rust_with_type_message_and_traceback() {
    let interp = Interpreter::new();
    let err = interp
        .run("def f(d):\n    return d['missing']\nf({})\n")
        .unwrap_err();
    assert_eq!(err.type_name(), "KeyError");
    assert_eq!(err.message(), "'missing'");
    assert_eq!(
        err.traceback(),
        concat!(
            "Traceback (most recent call last):\n",
            "  File \"<string>\", line 3, in <module>\n",
            "    f({})\n",
            "  File \"<string>\", line 2, in f\n",
            "    return d['missing']\n",
            "           ~^^^^^^^^^^^\n",
            "KeyError: 'missing'\n",
        )
    );
    let syntax = interp.run("x = (").unwrap_err();
    assert_eq!(syntax.type_name(), "SyntaxError");
}

#[test]
fn rust_errors_and_panics_become_python_exceptions() {
    let interp = Interpreter::new();
    let module = NativeModule::new("host")
        .function("check", |_py, args| {
            let n: i64 = args.arg(0)?;
            match n {
                0 => Err(PyErr::value_error("zero")),
                1 => Err(PyErr::new("KeyError", "one")),
                2 => panic!("two is right out"),
                _ => Ok(n),
            }
        })
        .function("relay", |_py, args| {
            // A Python exception passing through Rust keeps its class.
            args.positional()[0].call0()?;
            Ok(())
        });
    interp.add_module(module).unwrap();
    interp
        .run(concat!(
            "import host\n",
            "def outcome(n):\n",
            "    try:\n",
            "        return host.check(n)\n",
            "    except Exception as e:\n",
            "        return type(e).__name__ + ': ' + str(e)\n",
            "class Custom(Exception):\n",
            "    pass\n",
            "def raiser():\n",
            "    raise Custom('deep')\n",
        ))
        .unwrap();
    assert_eq!(
        interp.eval::<String>("outcome(0)").unwrap(),
        "ValueError: zero"
    );
    assert_eq!(
        interp.eval::<String>("outcome(1)").unwrap(),
        "KeyError: 'one'"
    );
    assert_eq!(
        interp.eval::<String>("outcome(2)").unwrap(),
        "RuntimeError: Rust panic in native function check(): two is right out"
    );
    assert_eq!(interp.eval::<i64>("outcome(5)").unwrap(), 5);
    assert_eq!(
        interp.eval::<String>("outcome('x')").unwrap(),
        "TypeError: check() argument 1 must be int, not str"
    );
    let err = interp.run("host.relay(raiser)").unwrap_err();
    assert_eq!(err.type_name(), "Custom");
    assert!(interp
        .run("try:\n    host.relay(raiser)\nexcept Custom:\n    pass")
        .is_ok());
}

#[test]
fn conversions_of_containers_round_trip() {
    let interp = Interpreter::new();
    interp.with_gil(|py| {
        let mut map = HashMap::new();
        map.insert("a".to_string(), vec![(1i64, Some(2.5f64))]);
        map.insert("b".to_string(), vec![(3, None)]);
        let obj = map.clone().into_py(py).unwrap();
        assert_eq!(obj.type_name(), "dict");
        let back: HashMap<String, Vec<(i64, Option<f64>)>> = obj.extract().unwrap();
        assert_eq!(back, map);
        let bytes = Bytes(vec![0, 255, 10]).into_py(py).unwrap();
        assert_eq!(bytes.repr().unwrap(), "b'\\x00\\xff\\n'");
        let big: BigInt = BigInt::from(u64::MAX) * 7u32;
        let obj = big.clone().into_py(py).unwrap();
        assert_eq!(obj.str().unwrap(), big.to_string());
        assert_eq!(obj.extract::<BigInt>().unwrap(), big);
        assert_eq!(
            obj.extract::<i64>().unwrap_err().type_name(),
            "OverflowError"
        );
    });
}

/// What a captured interpreter printed.
fn captured(out: &Arc<Mutex<Vec<u8>>>) -> String {
    String::from_utf8(out.lock().unwrap().clone()).unwrap()
}

#[test]
fn a_program_prints_its_traceback_before_waiting_for_its_threads() {
    let out = Arc::new(Mutex::new(Vec::new()));
    let interp = Interpreter::builder()
        .capture_output(Arc::clone(&out))
        .print_traceback(true)
        .argv(vec!["prog.py".into()])
        .build();
    let source = concat!(
        "import threading, time\n",
        "def late():\n",
        "    time.sleep(0.1)\n",
        "    print('thread done')\n",
        "threading.Thread(target=late).start()\n",
        "raise ValueError('main failed')\n",
    );
    let err = interp.run_source(source, "prog.py").unwrap_err();
    assert_eq!(err.type_name(), "ValueError");
    assert_eq!(err.message(), "main failed");
    assert_eq!(err.exit_status(), None);
    let text = captured(&out);
    let traceback = text
        .find("ValueError: main failed")
        .expect("traceback printed");
    let thread = text
        .find("thread done")
        .expect("non-daemon thread waited for");
    assert!(traceback < thread, "{text}");
    // The program's globals went with the run; the interpreter starts afresh.
    assert_eq!(
        interp.eval::<String>("late").unwrap_err().type_name(),
        "NameError"
    );
    assert_eq!(interp.eval::<i64>("1 + 1").unwrap(), 2);
}

#[test]
fn finalizing_with_daemon_threads_freezes_them_and_later_use_panics() {
    let out = Arc::new(Mutex::new(Vec::new()));
    let interp = Interpreter::builder()
        .capture_output(Arc::clone(&out))
        .build();
    let source = concat!(
        "import threading, time\n",
        "def spin():\n",
        "    while True:\n",
        "        print('tick')\n",
        "        time.sleep(0.01)\n",
        "threading.Thread(target=spin, daemon=True).start()\n",
        "time.sleep(0.03)\n",
        "print('main done')\n",
    );
    interp.run_source(source, "daemon.py").unwrap();
    let at_exit = captured(&out);
    assert!(at_exit.contains("main done\n"), "{at_exit}");
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert_eq!(
        captured(&out),
        at_exit,
        "a daemon thread ran after the exit"
    );
    let later = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| interp.run("pass")));
    let message = later.unwrap_err();
    let message = match message.downcast_ref::<String>() {
        Some(text) => text.as_str(),
        None => message.downcast_ref::<&str>().copied().unwrap_or_default(),
    };
    assert!(
        message.contains("finalized while daemon threads"),
        "{message}"
    );
}

#[test]
fn traces_and_stats_include_host_threads() {
    let interp = Arc::new(Interpreter::new());
    interp.trace_start().unwrap();
    let host = {
        let interp = Arc::clone(&interp);
        std::thread::Builder::new()
            .name("worker".into())
            .spawn(move || interp.eval::<i64>("2 + 2").unwrap())
            .unwrap()
    };
    assert_eq!(host.join().unwrap(), 4);
    let trace = interp.trace_stop().unwrap();
    assert!(
        trace.threads.iter().any(|t| t.name == "host:worker"),
        "{:?}",
        trace.threads
    );
    assert!(interp
        .gil_stats()
        .threads
        .iter()
        .any(|row| row.name == "host:worker"));
    assert_eq!(interp.trace_stop().unwrap_err().type_name(), "RuntimeError");
}

#[test]
fn script_output_can_be_captured() {
    let out = Arc::new(Mutex::new(Vec::new()));
    let interp = Interpreter::builder()
        .capture_output(Arc::clone(&out))
        .build();
    interp.run("print('a', 1)").unwrap();
    assert_eq!(out.lock().unwrap().as_slice(), b"a 1\n");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn ints_strings_and_lists_round_trip(
        n in any::<i64>(),
        big in any::<i128>(),
        s in ".*",
        list in proptest::collection::vec(any::<i32>(), 0..20),
    ) {
        let interp = Interpreter::new();
        interp.with_gil(|py| {
            prop_assert_eq!(n.into_py(py).unwrap().extract::<i64>().unwrap(), n);
            prop_assert_eq!(big.into_py(py).unwrap().extract::<i128>().unwrap(), big);
            let text = s.as_str().into_py(py).unwrap();
            prop_assert_eq!(text.extract::<String>().unwrap(), s.clone());
            prop_assert_eq!(
                py.eval("len").unwrap().call1((&text,)).unwrap().extract::<usize>().unwrap(),
                s.chars().count()
            );
            let l = list.clone().into_py(py).unwrap();
            prop_assert_eq!(l.extract::<Vec<i32>>().unwrap(), list.clone());
            let sum: i64 = py.eval("sum").unwrap().call1((&l,)).unwrap().extract().unwrap();
            prop_assert_eq!(sum, list.iter().map(|&x| x as i64).sum::<i64>());
            Ok(())
        })?;
    }
}

/// A script left a non-daemon thread spinning (for 20 s; forever would keep a core busy for
/// the rest of this test binary): dropping the interpreter must not block the host thread
/// beyond the builder's shutdown timeout.
#[test]
fn dropping_an_interpreter_with_a_spinning_thread_is_bounded() {
    let interp = gilvm::Interpreter::builder()
        .shutdown_timeout(std::time::Duration::from_millis(300))
        .build();
    interp
        .run(
            "import threading, time\n\
             def spin():\n    end = time.monotonic() + 20\n    while time.monotonic() < end:\n        pass\n\
             threading.Thread(target=spin).start()",
        )
        .unwrap();
    assert_eq!(
        interp.shutdown(std::time::Duration::from_millis(100)),
        Err(vec!["Thread-1 (spin)".to_string()])
    );
    assert_eq!(interp.eval::<i64>("1 + 1").unwrap(), 2, "still usable");
    let start = std::time::Instant::now();
    let host = std::thread::spawn(move || drop(interp));
    host.join().unwrap();
    assert!(
        start.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}

/// The cycle collector never frees what a host handle keeps: a self-containing list held
/// only by a `PyObject` (the script dropped its names) survives collections, and goes with
/// the next collection once the handle is dropped.
#[test]
fn a_host_handle_keeps_a_cycle_alive_through_collections() {
    let interp = Interpreter::new();
    let held: PyObject = interp.with_gil(|py| {
        py.run("import gc\ncycle = [1, 2]\ncycle.append(cycle)\ncycle.append({'me': cycle})")
            .unwrap();
        let held = py.eval("cycle").unwrap().unbind();
        py.run("del cycle").unwrap();
        held
    });
    assert_eq!(interp.gc_collect(), 0);
    interp.with_gil(|py| {
        let list = held.bind(py);
        assert_eq!(list.get_item(0).unwrap().extract::<i64>().unwrap(), 1);
        assert!(list.get_item(2).unwrap().is(&list));
        assert_eq!(list.repr().unwrap(), "[1, 2, [...], {'me': [...]}]");
    });
    drop(held);
    assert_eq!(interp.gc_collect(), 2);
    let stats = interp.gc_stats();
    assert!(stats.collections[2] >= 2 && stats.collected[2] >= 2);
}
