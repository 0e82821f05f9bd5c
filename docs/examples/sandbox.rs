//! Running hostile scripts: each is stopped by the sandbox or a limit, and the host goes on.
//! `cargo run --example sandbox`

use std::sync::{Arc, Mutex};
use std::time::Duration;

use gilvm::{Interpreter, Limits, Sandbox};

/// Charges every allocation to the memory limit of the interpreter that made it.
#[global_allocator]
static ALLOCATOR: gilvm::CountingAllocator = gilvm::CountingAllocator::system();

const HOSTILE: &[(&str, &str)] = &[
    ("file read", "print(open('/etc/passwd').read())"),
    (
        "socket",
        "import socket\nsocket.create_connection(('example.com', 80))",
    ),
    (
        "environment",
        "import os\nsecret = os.environ['HOME']",
    ),
    (
        "infinite loop",
        "while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass",
    ),
    ("memory bomb", "hoard = []\nwhile True:\n    hoard.append('x' * 10_000)"),
    (
        "thread bomb",
        "import threading, time\nwhile True:\n    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()",
    ),
    ("recursion bomb", "def down(n):\n    return down(n + 1)\ndown(0)"),
    ("sleeper", "import time\ntime.sleep(3600)"),
];

fn main() {
    let limits = Limits {
        time: Some(Duration::from_secs(5)),
        instructions: Some(10_000_000),
        memory: Some(64 << 20),
        threads: Some(16),
    };
    for (name, script) in HOSTILE {
        // A fresh interpreter per script: nothing one leaves behind reaches the next.
        let output = Arc::new(Mutex::new(Vec::new()));
        let interp = Interpreter::builder()
            .sandbox(Sandbox::default())
            .limits(limits.clone())
            .capture_output(output)
            .build();
        let outcome = match interp.run(script) {
            Ok(()) => "ran to its end".to_string(),
            Err(err) => match err.limit() {
                Some(kind) => format!("stopped by the {kind:?} limit: {err}"),
                None => format!("refused: {err}"),
            },
        };
        println!("{name:>15}: {outcome}");
    }

    // The host's own deadline: another thread interrupts a script that waits for ever.
    let interp = Interpreter::builder().sandbox(Sandbox::default()).build();
    let handle = interp.interrupt_handle();
    let deadline = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        handle.interrupt();
    });
    let err = interp
        .run("import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()")
        .expect_err("the lock is never released");
    deadline.join().expect("the deadline thread ends");
    println!("{:>15}: stopped by the host: {err}", "deadlock");
    let answer: i64 = interp.eval("6 * 7").expect("the interpreter still runs");
    println!(
        "{:>15}: the same interpreter then says {answer}",
        "next script"
    );
}
