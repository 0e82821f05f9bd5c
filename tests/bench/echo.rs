//! `cargo bench --bench echo [-- ROUND_TRIPS]`: Beazley's convoy effect. Runs
//! `programs/echo_server.py` under each GIL policy, with the socket I/O fast path on and off,
//! with and without its CPU-bound fib thread, and drives it from a native client over
//! loopback (ROUND_TRIPS round trips of 64 bytes, default 2000, TCP_NODELAY). Prints total
//! time, p50/p99 latency and the loaded/unloaded ratio; plus `python3` rows when installed.
//!
//! `cargo bench --bench echo -- scale [CLIENTS]`: opens CLIENTS connections at once (default
//! 1400; one interpreter thread each), echoes on every one, and reports the server's RSS and
//! thread count from `/proc/PID/status`.

#[path = "../support/echo.rs"]
mod support;

use std::time::Duration;

use support::{connect, echo, round_trips, EchoServer};

const GILVM: &str = env!("CARGO_BIN_EXE_gilvm");
const MESSAGE_BYTES: usize = 64;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.first().map(String::as_str) == Some("scale") {
        let clients = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1400);
        return scale(clients);
    }
    let count = args.first().and_then(|n| n.parse().ok()).unwrap_or(2000);
    convoy_table(count);
}

/// One measured run: total time and latency quantiles.
struct Measure {
    total: Duration,
    p50: Duration,
    p99: Duration,
}

fn measure(
    interpreter: &str,
    options: &[&str],
    fib: bool,
    count: usize,
) -> Result<Measure, String> {
    let server_args: &[&str] = if fib { &["--fib"] } else { &[] };
    let server = EchoServer::start(interpreter, options, server_args)?;
    let mut stream = connect(server.port).map_err(|e| e.to_string())?;
    round_trips(&mut stream, 20, MESSAGE_BYTES)?;
    let mut latencies = round_trips(&mut stream, count, MESSAGE_BYTES)?;
    let total = latencies.iter().sum();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    Ok(Measure {
        total,
        p50: at(0.5),
        p99: at(0.99),
    })
}

fn convoy_table(count: usize) {
    println!("echo round trips: {count} x {MESSAGE_BYTES} bytes, loopback, TCP_NODELAY");
    println!(
        "{:<10} {:<9} {:<5} {:>7} {:>10} {:>10} {:>10} {:>8}",
        "server", "fast-path", "load", "trips", "total", "p50", "p99", "ratio"
    );
    for policy in ["tick", "timeout", "priority"] {
        for fast in ["on", "off"] {
            let options = ["--gil", policy, "--io-fast-path", fast];
            row(&format!("{policy:<10} {fast:<9}"), GILVM, &options, count);
        }
    }
    if python_installed() {
        row(
            &format!("{:<10} {:<9}", "python3", "-"),
            "python3",
            &[],
            count,
        );
    }
}

/// Prints the unloaded and loaded rows of one configuration.
fn row(label: &str, interpreter: &str, options: &[&str], count: usize) {
    let unloaded = measure(interpreter, options, false, count);
    let loaded = measure(interpreter, options, true, count);
    let base = unloaded.as_ref().ok().map(|m| m.total);
    for (load, result) in [("none", unloaded.as_ref()), ("fib", loaded.as_ref())] {
        match result {
            Ok(m) => {
                let ratio = base.map_or(f64::NAN, |b| m.total.as_secs_f64() / b.as_secs_f64());
                println!(
                    "{label} {load:<5} {count:>7} {:>10} {:>10} {:>10} {:>7.1}x",
                    show(m.total),
                    show(m.p50),
                    show(m.p99),
                    ratio
                );
            }
            Err(e) => println!("{label} {load:<5} failed: {e}"),
        }
    }
}

fn scale(clients: usize) {
    let mut server = match EchoServer::start(GILVM, &[], &[]) {
        Ok(s) => s,
        Err(e) => return println!("server failed: {e}"),
    };
    let rss_idle = server.status_field("VmRSS").unwrap_or(0);
    let mut streams = Vec::new();
    for i in 0..clients {
        match connect(server.port)
            .map_err(|e| e.to_string())
            .and_then(|mut s| echo(&mut s, &[i as u8; MESSAGE_BYTES]).map(|()| s))
        {
            Ok(s) => streams.push(s),
            Err(e) => {
                println!("client {i} failed: {e}");
                break;
            }
        }
    }
    let mut served = 0;
    for (i, stream) in streams.iter_mut().enumerate() {
        if echo(stream, &[!(i as u8); 4096]).is_ok() {
            served += 1;
        }
    }
    let rss = server.status_field("VmRSS").unwrap_or(0);
    let threads = server.status_field("Threads").unwrap_or(0);
    println!(
        "connections open: {}, served twice: {served}, server alive: {}",
        streams.len(),
        server.is_running()
    );
    println!("server threads: {threads}, RSS idle {rss_idle} kB, with clients {rss} kB");
    if !streams.is_empty() {
        let per_thread = rss.saturating_sub(rss_idle) as f64 / streams.len() as f64;
        println!("memory per client thread: {per_thread:.0} kB");
    }
}

fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.0}us")
    } else if us < 1e6 {
        format!("{:.2}ms", us / 1e3)
    } else {
        format!("{:.2}s", us / 1e6)
    }
}

fn python_installed() -> bool {
    std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}
