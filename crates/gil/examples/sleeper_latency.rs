//! How late does a thread that sleeps 1 ms in a loop wake up and get the lock, beside a
//! CPU-bound thread? Measured in one run, so the numbers share the machine's load:
//!
//! * `alone`: the sleeper with no other thread (the OS's own sleep lateness);
//! * `spinner`: beside a spinning thread, no GIL (the OS under CPU load);
//! * `gil <policy>`: the GIL's shape of priority_preempt.py — a priority -1 thread calling
//!   `tick()` in a loop, a priority 1 thread sleeping through `blocking()`.
//!
//! `cargo run --release -p gilvm-gil --example sleeper_latency [rounds]`

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use gilvm_gil::{Gil, GilConfig, Policy};

const SLEEP: Duration = Duration::from_millis(1);

fn main() {
    let rounds = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(500);
    report("alone", sleep_loop(rounds, |sleep| sleep()));
    report("spinner", beside_spinner(rounds));
    for policy in [Policy::Priority, Policy::Timeout, Policy::Tick] {
        let (lateness, stats) = beside_gil_holder(rounds, policy);
        report(&format!("gil {policy:?}"), lateness);
        if let Some(row) = stats.threads.iter().find(|r| r.name == "high") {
            println!(
                "    high: acquired {} max-wait {:?} p99-wait {:?}",
                row.stats.acquisitions,
                row.stats.longest_wait,
                row.stats.wait_histogram.quantile(0.99).unwrap_or_default()
            );
        }
    }
}

/// Sleeps `rounds` times through `sleep_via` and returns each round's lateness.
fn sleep_loop(rounds: usize, sleep_via: impl Fn(&dyn Fn())) -> Vec<Duration> {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            sleep_via(&|| thread::sleep(SLEEP));
            start.elapsed().saturating_sub(SLEEP)
        })
        .collect()
}

fn beside_spinner(rounds: usize) -> Vec<Duration> {
    let stop = Arc::new(AtomicBool::new(false));
    let spin_stop = Arc::clone(&stop);
    let spinner = thread::spawn(move || {
        while !spin_stop.load(Ordering::Relaxed) {
            std::hint::spin_loop();
        }
    });
    let lateness = sleep_loop(rounds, |sleep| sleep());
    stop.store(true, Ordering::Relaxed);
    spinner.join().unwrap();
    lateness
}

fn beside_gil_holder(rounds: usize, policy: Policy) -> (Vec<Duration>, gilvm_gil::GilStats) {
    let gil = Gil::new(GilConfig::with_policy(policy));
    let stop = Arc::new(AtomicBool::new(false));
    let low = gil.register_thread("low");
    low.set_priority(-1);
    let spin_stop = Arc::clone(&stop);
    let spinner = thread::spawn(move || {
        low.acquire();
        while !spin_stop.load(Ordering::Relaxed) {
            low.tick();
        }
    });
    let high = gil.register_thread("high");
    high.set_priority(1);
    high.acquire();
    let lateness = sleep_loop(rounds, |sleep| high.blocking(sleep));
    stop.store(true, Ordering::Relaxed);
    drop(high);
    spinner.join().unwrap();
    (lateness, gil.stats())
}

fn report(label: &str, mut lateness: Vec<Duration>) {
    lateness.sort();
    let at = |q: f64| lateness[((lateness.len() - 1) as f64 * q) as usize];
    println!(
        "{label:>14}: lateness p50 {:.3} ms  p99 {:.3} ms  max {:.3} ms",
        ms(at(0.5)),
        ms(at(0.99)),
        ms(at(1.0))
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
