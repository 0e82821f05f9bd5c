//! Host threads and script threads sharing one interpreter's GIL, with priorities.
//! `cargo run --example host_threads`

use std::sync::Arc;
use std::time::{Duration, Instant};

use gilvm::{Interpreter, Policy, PyResult};

const SCRIPT: &str = r#"
import threading
counts = {"script": 0}
stop = False
def spin():
    while not stop:
        counts["script"] += 1
workers = [threading.Thread(target=spin) for _ in range(2)]
for w in workers:
    w.start()
"#;

fn main() -> PyResult<()> {
    let interp = Arc::new(
        Interpreter::builder()
            .policy(Policy::Priority)
            .switch_interval(Duration::from_millis(2))
            .build(),
    );
    interp.run(SCRIPT)?;

    // Two host threads call into Python while the script threads spin: the urgent one
    // (priority 10) preempts the spinning threads as soon as it asks for the GIL.
    let hosts: Vec<_> = [("urgent", 10), ("relaxed", 0)]
        .into_iter()
        .map(|(name, priority)| {
            let interp = Arc::clone(&interp);
            std::thread::spawn(move || {
                let mut worst = Duration::ZERO;
                for i in 0..20 {
                    let asked = Instant::now();
                    interp.with_gil(|py| {
                        worst = worst.max(asked.elapsed());
                        py.set_priority(priority);
                        let counts = py.eval("counts").unwrap();
                        counts.set_item(name, i + 1).unwrap();
                    });
                    std::thread::sleep(Duration::from_millis(3));
                }
                (name, worst)
            })
        })
        .collect();
    for host in hosts {
        let (name, worst) = host.join().expect("host thread");
        println!("{name}: longest wait for the GIL {worst:?}");
    }
    interp.run("stop = True\nfor w in workers:\n    w.join()")?;
    let (script, urgent): (i64, i64) = interp.eval("(counts['script'], counts['urgent'])")?;
    println!("script threads ran: {}, urgent calls: {urgent}", script > 0);
    Ok(())
}
