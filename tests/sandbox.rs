//! Hostile scripts under the sandbox: each capability denied (with its message), each limit
//! hit — in loops, `finally`, generators, threads, native callbacks, blocking waits — and
//! `except BaseException: pass` cannot swallow a limit. Through the `gilvm` command (exit
//! status and the last stderr line) and the embedding API (`PyErr::limit`, the interrupt
//! handle, the next run in the same and in a fresh interpreter).

#[path = "support/cli.rs"]
mod support;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use gilvm::{Interpreter, LimitKind, Limits, NetAccess, Sandbox};
use support::{gilvm, text};

/// The memory limit sees every allocation of this test binary's interpreters.
#[global_allocator]
static ALLOCATOR: gilvm::CountingAllocator = gilvm::CountingAllocator::system();

/// Runs `gilvm OPTIONS -c CODE`; returns (status, stdout, stderr).
fn run(options: &[&str], code: &str) -> (i32, String, String) {
    let mut args = options.to_vec();
    args.extend(["-c", code]);
    let out = gilvm(&args);
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

fn last_line(stderr: &str) -> &str {
    stderr.trim_end().lines().last().unwrap_or_default()
}

/// A fresh directory under the system's temporary one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gilvm-sandbox-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

#[test]
fn reading_a_file_is_denied_with_the_capability_and_path() {
    let (status, _, err) = run(&["--sandbox"], "open('/etc/hostname')");
    assert_eq!(status, 1);
    assert_eq!(
        last_line(&err),
        "PermissionError: [sandbox] reading '/etc/hostname' is not allowed"
    );
}

#[test]
fn no_flags_mean_no_sandbox() {
    let dir = scratch("open");
    let file = dir.join("data.txt");
    std::fs::write(&file, "free").unwrap();
    let code = format!(
        "import os\nprint(open({file:?}).read(), os.getpid() > 0, len(os.environ) > 0)",
        file = file.to_str().unwrap()
    );
    let (status, out, err) = run(&[], &code);
    assert_eq!((status, out.as_str()), (0, "free True True\n"), "{err}");
}

#[test]
fn read_roots_hold_after_dots_and_symlinks() {
    let dir = scratch("read");
    std::fs::write(dir.join("ok.txt"), "ok").unwrap();
    std::os::unix::fs::symlink("/etc/hostname", dir.join("escape")).unwrap();
    let root = dir.to_str().unwrap();
    let code = format!(
        "import os\n\
         print(open('{root}/ok.txt').read(), sorted(os.listdir('{root}')), os.path.exists('{root}/ok.txt'))\n\
         for path in ['{root}/escape', '{root}/../x', '/etc/passwd']:\n\
         \x20   try:\n\
         \x20       open(path)\n\
         \x20   except PermissionError as e:\n\
         \x20       print(e)\n\
         try:\n\
         \x20   open('{root}/new.txt', 'w')\n\
         except PermissionError as e:\n\
         \x20   print(e)\n"
    );
    let (status, out, err) = run(&["--allow-read", root], &code);
    assert_eq!(status, 0, "{err}");
    let parent = dir.parent().unwrap().to_str().unwrap();
    assert_eq!(
        out,
        format!(
            "ok ['escape', 'ok.txt'] True\n\
             [sandbox] reading '{root}/escape' is not allowed\n\
             [sandbox] reading '{root}/../x' is not allowed\n\
             [sandbox] reading '/etc/passwd' is not allowed\n\
             [sandbox] writing '{root}/new.txt' is not allowed\n"
        )
    );
    assert!(!parent.is_empty());
}

#[test]
fn write_roots_allow_creating_renaming_and_removing_files_inside_only() {
    let dir = scratch("write");
    let root = dir.to_str().unwrap();
    let code = format!(
        "import os\n\
         with open('{root}/a.txt', 'w') as f:\n\
         \x20   f.write('x')\n\
         os.mkdir('{root}/sub')\n\
         os.rename('{root}/a.txt', '{root}/sub/b.txt')\n\
         print(open('{root}/sub/b.txt').read())\n\
         os.remove('{root}/sub/b.txt')\n\
         for op in [lambda: os.remove('/tmp/../etc/hostname'), lambda: os.rename('{root}/sub', '/tmp/stolen'), lambda: os.mkdir('/nonexistent/dir')]:\n\
         \x20   try:\n\
         \x20       op()\n\
         \x20   except PermissionError as e:\n\
         \x20       print(e)\n"
    );
    let (status, out, err) = run(&["--allow-write", root], &code);
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out,
        "x\n\
         [sandbox] writing '/tmp/../etc/hostname' is not allowed\n\
         [sandbox] writing '/tmp/stolen' is not allowed\n\
         [sandbox] writing '/nonexistent/dir' is not allowed\n"
    );
}

#[test]
fn sockets_need_the_network_capability() {
    let code = "import socket\n\
                for target in [('127.0.0.1', 9), ('example.com', 80)]:\n\
                \x20   try:\n\
                \x20       socket.create_connection(target)\n\
                \x20   except OSError as e:\n\
                \x20       print(type(e).__name__, e)\n\
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n\
                for op in [lambda: s.bind(('0.0.0.0', 0)), lambda: s.sendto(b'x', ('10.0.0.1', 53))]:\n\
                \x20   try:\n\
                \x20       op()\n\
                \x20   except PermissionError as e:\n\
                \x20       print(e)\n";
    let (status, out, err) = run(&["--sandbox"], code);
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out,
        "PermissionError [sandbox] connecting to '127.0.0.1:9' is not allowed\n\
         PermissionError [sandbox] connecting to 'example.com:80' is not allowed\n\
         [sandbox] binding '0.0.0.0:0' is not allowed\n\
         [sandbox] sending to '10.0.0.1:53' is not allowed\n"
    );
    // Loopback only: a refused connection is the network's answer, not the sandbox's.
    let (status, out, err) = run(&["--allow-net", "loopback"], code);
    assert_eq!(status, 0, "{err}");
    assert!(out.starts_with("ConnectionRefusedError"), "{out}");
    assert!(
        out.contains("PermissionError [sandbox] connecting to 'example.com:80' is not allowed\n"),
        "{out}"
    );
    // An allow-list names host and port exactly.
    let (_, out, _) = run(&["--allow-net", "example.com:443"], code);
    assert!(
        out.contains("[sandbox] connecting to 'example.com:80' is not allowed"),
        "{out}"
    );
}

#[test]
fn the_process_and_environment_are_hidden() {
    let code = "import os\n\
                print(dict(os.environ), os.getenv('HOME'))\n\
                for op in [os.getpid, os.getppid, lambda: os.chdir('/')]:\n\
                \x20   try:\n\
                \x20       op()\n\
                \x20   except PermissionError as e:\n\
                \x20       print(e)\n\
                import sys\n\
                sys.exit(3)\n";
    let (status, out, _) = run(&["--sandbox"], code);
    assert_eq!(status, 3, "sys.exit stays allowed");
    assert_eq!(
        out,
        "{} None\n\
         [sandbox] reading the process id is not allowed\n\
         [sandbox] reading the parent process id is not allowed\n\
         [sandbox] changing the working directory is not allowed\n"
    );
}

#[test]
fn unsafe_modules_and_modules_outside_the_search_path_are_refused() {
    let dir = scratch("import");
    std::fs::write(dir.join("outside.py"), "print('loaded')\n").unwrap();
    let code = format!(
        "try:\n\
         \x20   import gil\n\
         except ImportError as e:\n\
         \x20   print(e)\n\
         import sys\n\
         sys.path.insert(0, {dir:?})\n\
         try:\n\
         \x20   import outside\n\
         except PermissionError as e:\n\
         \x20   print(e)\n",
        dir = dir.to_str().unwrap()
    );
    let (status, out, err) = run(&["--sandbox"], &code);
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out,
        format!(
            "[sandbox] module 'gil' cannot be imported: it changes the process's thread scheduling and writes trace files\n\
             [sandbox] reading '{}/outside.py' is not allowed\n",
            dir.to_str().unwrap()
        )
    );
    let (_, out, _) = run(&["--allow-read", dir.to_str().unwrap()], &code);
    assert!(out.ends_with("loaded\n"), "{out}");
}

#[test]
fn ctypes_cannot_be_imported() {
    let code = "for name in ('ctypes', '_ctypes'):\n    try:\n        __import__(name)\n    except ImportError as e:\n        print(e)\n";
    let (status, out, err) = run(&["--sandbox"], code);
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out,
        "[sandbox] module 'ctypes' cannot be imported: it reads and writes raw memory and calls foreign code\n\
         [sandbox] module '_ctypes' cannot be imported: it reads and writes raw memory and calls foreign code\n"
    );
}

const SWALLOWING_LOOP: &str = "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n";

#[test]
fn a_time_limit_cannot_be_swallowed() {
    let (status, _, err) = run(&["--timeout", "200ms"], SWALLOWING_LOOP);
    assert_eq!(status, 1);
    assert!(
        err.contains("LimitExceeded: time limit of 200ms reached\n"),
        "{err}"
    );
    assert_eq!(last_line(&err), "gilvm: time limit of 200ms reached");
}

#[test]
fn an_instruction_limit_fires_in_finally_generators_finalizers_and_native_callbacks() {
    let cases = [
        SWALLOWING_LOOP,
        "try:\n    while True: pass\nfinally:\n    while True: pass\n",
        "def gen():\n    while True:\n        yield 1\nfor x in gen():\n    pass\n",
        "sorted(range(10**7), key=lambda x: -x)\n",
        "list(map(lambda x: x, range(10**7)))\n",
        "def f(): f()\ntry:\n    f()\nexcept RecursionError:\n    while True: pass\n",
        // A finalizer's exception is only printed ("Exception ignored in"): the run fails
        // all the same.
        "class C:\n    def __del__(self):\n        while True: pass\nc = C()\ndel c\nprint('after')\n",
    ];
    for code in cases {
        let (status, _, err) = run(&["--max-instructions", "100000"], code);
        assert_eq!(status, 1, "{code}");
        assert_eq!(
            last_line(&err),
            "gilvm: instruction limit of 100000 reached",
            "{code}\n{err}"
        );
    }
}

#[test]
fn blocking_waits_wake_when_the_limit_fires() {
    let cases = [
        "import time\ntime.sleep(60)\n",
        "import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()\n",
        "import queue\nqueue.Queue().get()\n",
        "import threading, time\nt = threading.Thread(target=time.sleep, args=(60,))\nt.start()\nt.join()\n",
        "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()\ns.accept()\n",
        "import selectors, socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()\nsel = selectors.DefaultSelector()\nsel.register(s, selectors.EVENT_READ)\nsel.select()\n",
    ];
    for code in cases {
        let started = std::time::Instant::now();
        let (status, _, err) = run(&["--timeout", "300ms", "--allow-net", "loopback"], code);
        assert_eq!(status, 1, "{code}\n{err}");
        assert_eq!(
            last_line(&err),
            "gilvm: time limit of 300ms reached",
            "{code}\n{err}"
        );
        assert!(started.elapsed() < Duration::from_secs(30), "{code}");
    }
}

#[test]
fn threads_are_limited_and_stopped_with_the_script() {
    let bomb = "import threading\nimport time\nn = 0\ntry:\n    while True:\n        threading.Thread(target=time.sleep, args=(5,), daemon=True).start()\n        n += 1\nexcept RuntimeError as e:\n    print(n, e)\n";
    let (status, out, err) = run(&["--max-threads", "8"], bomb);
    assert_eq!(
        (status, out.as_str()),
        (0, "8 can't start new thread\n"),
        "{err}"
    );
    let spinners = "import threading\ndef spin():\n    while True:\n        try:\n            pass\n        except BaseException:\n            pass\nfor _ in range(4):\n    threading.Thread(target=spin).start()\nspin()\n";
    let (status, _, err) = run(&["--timeout", "300ms"], spinners);
    assert_eq!(status, 1);
    assert_eq!(
        last_line(&err),
        "gilvm: time limit of 300ms reached",
        "{err}"
    );
}

#[test]
fn memory_errors_are_catchable_and_the_script_goes_on() {
    let code = "try:\n    s = 'x' * 10**12\nexcept MemoryError as e:\n    print('big:', e)\n\
                xs = []\ntry:\n    while True:\n        xs.append([0] * 100)\nexcept MemoryError:\n    xs = None\n    print('grown')\n\
                print(len([0] * 1000))\n";
    let (status, out, err) = run(&["--max-memory", "32M"], code);
    assert_eq!(status, 0, "{err}");
    assert_eq!(out, "big: memory limit of 32M reached\ngrown\n1000\n");
    let (status, _, err) = run(
        &["--max-memory", "32M"],
        "xs = []\nwhile True:\n    xs.append(b'x' * 4096)\n",
    );
    assert_eq!(status, 1);
    assert_eq!(
        last_line(&err),
        "gilvm: memory limit of 32M reached",
        "{err}"
    );
}

#[test]
fn recursion_bombs_raise_recursion_error() {
    let (status, _, err) = run(
        &["--sandbox", "--max-instructions", "10000000"],
        "def f(): return f()\nf()\n",
    );
    assert_eq!(status, 1);
    assert_eq!(
        last_line(&err),
        "RecursionError: maximum recursion depth exceeded"
    );
}

#[test]
fn limit_options_need_valid_values() {
    for (option, value) in [
        ("--timeout", "soon"),
        ("--max-memory", "lots"),
        ("--allow-net", "nowhere"),
    ] {
        let out = gilvm(&[option, value, "-c", "pass"]);
        assert_eq!(out.status.code(), Some(2), "{option} {value}");
    }
}

fn captured(builder: gilvm::Builder) -> (Interpreter, Arc<Mutex<Vec<u8>>>) {
    let out = Arc::new(Mutex::new(Vec::new()));
    (builder.capture_output(out.clone()).build(), out)
}

#[test]
fn the_host_learns_which_limit_fired_and_runs_the_next_script() {
    let limits = Limits {
        time: Some(Duration::from_millis(100)),
        ..Limits::default()
    };
    let err = Interpreter::builder()
        .limits(limits)
        .build()
        .run(SWALLOWING_LOOP)
        .unwrap_err();
    assert_eq!(err.limit(), Some(LimitKind::Time));
    // No clock here: the memory limit must fire whatever the machine's speed.
    let limits = Limits {
        instructions: Some(5_000_000),
        memory: Some(16 << 20),
        threads: Some(2),
        ..Limits::default()
    };
    let (interp, _) = captured(
        Interpreter::builder()
            .limits(limits)
            .sandbox(Sandbox::default()),
    );
    let err = interp.run(SWALLOWING_LOOP).unwrap_err();
    assert_eq!(err.limit(), Some(LimitKind::Instructions));
    // In a function: its list goes with its frame, so the next run starts under the limit.
    let bomb = "def bomb():\n    x = []\n    while True:\n        x.append('y' * 100)\nbomb()\n";
    let err = interp.run(bomb).unwrap_err();
    assert_eq!(err.limit(), Some(LimitKind::Memory));
    assert_eq!(err.to_string(), "MemoryError: memory limit of 16M reached");
    let err = interp.run("open('/etc/hostname')").unwrap_err();
    assert_eq!((err.type_name(), err.limit()), ("PermissionError", None));
    // The same interpreter runs on: its budgets start afresh with each run.
    interp.run("total = sum(range(1000))").unwrap();
    assert_eq!(interp.eval::<i64>("total").unwrap(), 499500);
    // So does a fresh one.
    assert_eq!(Interpreter::new().eval::<i64>("6 * 7").unwrap(), 42);
}

#[test]
fn a_swallowed_limit_still_fails_the_run() {
    let limits = Limits {
        instructions: Some(1000),
        ..Limits::default()
    };
    let interp = Interpreter::builder().limits(limits).build();
    let err = interp
        .run("try:\n    while True: pass\nexcept BaseException:\n    pass\nx = 1\n")
        .unwrap_err();
    assert_eq!(err.limit(), Some(LimitKind::Instructions));
    assert_eq!(
        err.to_string(),
        "LimitExceeded: instruction limit of 1000 reached"
    );
}

#[test]
fn an_interrupt_handle_stops_a_script_from_another_thread() {
    let (interp, _) = captured(Interpreter::builder());
    let handle = interp.interrupt_handle();
    fn assert_send_sync_clone<T: Send + Sync + Clone>(_: &T) {}
    assert_send_sync_clone(&handle);
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        handle.interrupt();
    });
    let err = interp
        .run("import threading\nlock = threading.Lock()\nlock.acquire()\ntry:\n    lock.acquire()\nfinally:\n    while True: pass\n")
        .unwrap_err();
    stopper.join().unwrap();
    assert_eq!(err.limit(), Some(LimitKind::Interrupt));
    assert_eq!(err.to_string(), "LimitExceeded: interrupted by the host");
    assert_eq!(interp.eval::<i64>("1 + 1").unwrap(), 2);
}

#[test]
fn an_allow_list_grants_exact_hosts() {
    let sandbox = Sandbox {
        net: NetAccess::Hosts(vec![("127.0.0.1".into(), 1)]),
        ..Sandbox::default()
    };
    let interp = Interpreter::builder().sandbox(sandbox).build();
    let err = interp
        .run("import socket\nsocket.create_connection(('127.0.0.1', 2))")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "PermissionError: [sandbox] connecting to '127.0.0.1:2' is not allowed"
    );
    let err = interp
        .run("import socket\nsocket.create_connection(('127.0.0.1', 1))")
        .unwrap_err();
    assert_eq!(err.type_name(), "ConnectionRefusedError");
}

#[test]
fn sqlite3_opens_only_files_the_sandbox_allows_and_cannot_attach() {
    let dir = scratch("sqlite");
    let root = dir.to_str().unwrap();
    let code = format!(
        "import sqlite3\n\
         mem = sqlite3.connect(':memory:')\n\
         print(mem.execute('select 1 + 1').fetchone())\n\
         ok = sqlite3.connect('{root}/ok.db')\n\
         ok.execute('create table t(x)')\n\
         print('file', ok.execute('select count(*) from t').fetchone())\n\
         for sql in [\"attach '/tmp/elsewhere.db' as other\", \"vacuum into '/tmp/copy.db'\"]:\n\
         \x20   try:\n\
         \x20       mem.execute(sql)\n\
         \x20   except sqlite3.OperationalError as e:\n\
         \x20       print('refused:', e)\n\
         for args in [('/tmp/gilvm-sandbox-denied.db',), ('file:{root}/ok.db', 5.0, 0, '', True, sqlite3.Connection, 128, True)]:\n\
         \x20   try:\n\
         \x20       sqlite3.connect(*args)\n\
         \x20   except PermissionError as e:\n\
         \x20       print(e)\n"
    );
    let (status, out, err) = run(&["--allow-write", root], &code);
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out,
        "(2,)\nfile (0,)\n\
         refused: too many attached databases - max 0\n\
         refused: too many attached databases - max 0\n\
         [sandbox] writing '/tmp/gilvm-sandbox-denied.db' is not allowed\n\
         [sandbox] opening a database by URI is not allowed\n"
    );
    assert!(!std::path::Path::new("/tmp/gilvm-sandbox-denied.db").exists());
}
