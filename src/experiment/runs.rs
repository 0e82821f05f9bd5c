//! The five experiments.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use super::echo::{unloaded_and_loaded, EchoServer, RoundTrips, FIB_THREAD, SERVER_THREAD};
use super::lab::{
    contention, field, median, path_arg, show_contended_wait, show_ratio, show_secs, show_share,
    Contention, Lab, COUNT, SLEEPER_SCRIPT,
};

use super::{Report, Spec};

const POLICIES: [&str; 3] = ["tick", "timeout", "priority"];

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// `--gil-trace DIR/STEM.json` followed by `options`.
fn traced(lab: &Lab, stem: &str, options: &[&str]) -> Vec<String> {
    let mut all = vec![
        "--gil-trace".to_owned(),
        path_arg(&lab.file(&format!("{stem}.json"))),
    ];
    all.extend(strings(options));
    all
}

/// Below this share of the other thread's GIL requests finding the CPU-bound thread holding
/// the lock, the OS scheduler, not the GIL, decides what the totals show.
const HIDDEN_BELOW: f64 = 0.5;

/// A contended wait this long (against a 5 ms switch interval) is a wait for the interval.
const INTERVAL_WAIT: f64 = 4e-3;

/// A contended wait this short is a preemption at once (an I/O boost or a higher priority).
const AT_ONCE: f64 = 1e-3;

fn hidden_note(what: &str, contention: Option<Contention>) -> Option<String> {
    let share = contention?.share;
    (share < HIDDEN_BELOW).then(|| {
        format!(
            "{what}, only {:.0} % of the other thread's requests for the GIL found the CPU-bound \
             thread holding it: the rest of the time the OS scheduler had that thread off the \
             CPU (it was slow to run it again after a switch) and the GIL was free. So the OS \
             scheduler hid most of the effect from the totals and ratios; the contended \
             requests' wait (its own column) is what the GIL did.",
            share * 100.0
        )
    })
}

/// The contended wait's p50, if known.
fn contended_wait(contention: Option<Contention>) -> Option<f64> {
    contention.and_then(|c| c.wait_p50)
}

pub const THRASH: Spec = Spec {
    name: "thrash",
    source: "David Beazley, \"Inside the Python GIL\" (2009), the CPU-bound countdown \
             experiment (\"A performance experiment\": sequential vs threaded)",
    claim: "Two CPU-bound threads on a multicore machine take longer than doing the same work \
            twice sequentially under Python 2's GIL (Beazley measured the threaded run about \
            1.8x slower on two cores); a timeout-based GIL with forced switching (and gilvm's \
            priority policy) should bring the ratio back to about 1x.",
    run: thrash,
};

fn thrash(lab: &mut Lab) -> Result<Report, String> {
    let (n, rounds) = if lab.quick {
        (300_000, 1)
    } else {
        (8_000_000, 3)
    };
    let mut rows = Vec::new();
    let mut tick_ratio = f64::NAN;
    for policy in POLICIES {
        let options = strings(&["--gil", policy]);
        let (mut sequential, mut threaded) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let out = lab.run_script(&options, &COUNT, &[n.to_string(), "both".into()])?;
            sequential.push(field(&out, "sequential")?);
            threaded.push(field(&out, "threaded")?);
        }
        let (s, t) = (median(&mut sequential), median(&mut threaded));
        if policy == "tick" {
            tick_ratio = t / s;
        }
        rows.push(vec![
            policy.to_owned(),
            show_secs(s),
            show_secs(t),
            show_ratio(t / s),
        ]);
        // A shorter traced run of the threaded half, for the pictures (tracing Tick costs).
        let stem = format!("thrash-{policy}");
        let traced_n = if lab.quick { n } else { n / 8 };
        let options = traced(lab, &stem, &["--gil", policy]);
        lab.run_script(&options, &COUNT, &[traced_n.to_string(), "threaded".into()])?;
        lab.draw(
            &stem,
            &format!("thrash: two CPU-bound threads, --gil {policy}"),
        )?;
    }
    let reproduced = tick_ratio >= 1.15 && lab.machine.usable >= 2;
    let verdict = format!(
        "threaded / sequential under tick: {} ({}; Beazley: about 1.8x on two cores). \
         Median of {rounds} run(s) of count({n}) twice.",
        show_ratio(tick_ratio),
        if reproduced {
            "reproduced: the threads are slower together than one after the other"
        } else {
            "not reproduced here: the threaded run is not clearly slower"
        }
    );
    Ok(Report {
        header: vec!["policy", "sequential", "threaded", "threaded/sequential"],
        rows,
        verdict,
        look_for: "Under tick, the two threads release and re-take the GIL every 100 check \
                   points, yet the holder usually wins again: zoom into the HTML page (a few \
                   milliseconds) to see thousands of tiny waits (red) that end with the same \
                   thread holding, and real switches only when the OS deschedules the holder. \
                   Under timeout and priority the threads take turns every switch interval \
                   (5 ms), each turn starting with a drop request (orange) and a forced switch \
                   (black triangle).",
    })
}

pub const CONVOY: Spec = Spec {
    name: "convoy",
    source: "David Beazley, \"Understanding the new GIL\" (2010), the I/O convoy effect \
             (\"An I/O experiment\", \"The convoy effect\")",
    claim: "Under Python 3.2's timeout GIL, an I/O-bound thread beside a CPU-bound thread waits \
            up to a whole switch interval (5 ms) to get the GIL back after each blocking call, \
            so each echo round trip costs about 5 ms and the I/O work slows down many times \
            (loaded / unloaded).",
    run: convoy,
};

/// The columns of the echo experiments' tables.
fn echo_header(first: &'static str) -> Vec<&'static str> {
    vec![
        first,
        "unloaded",
        "with fib thread",
        "p50 (loaded)",
        "p99 (loaded)",
        "requests finding fib holding",
        "their wait p50",
        "loaded/unloaded",
    ]
}

/// One row of the echo experiments' tables (see [`echo_header`]).
fn echo_row(
    label: &str,
    unloaded: &RoundTrips,
    loaded: &RoundTrips,
    on_cpu: Option<Contention>,
) -> Vec<String> {
    vec![
        label.to_owned(),
        show_secs(unloaded.total),
        show_secs(loaded.total),
        show_secs(loaded.p50),
        show_secs(loaded.p99),
        show_share(on_cpu),
        show_contended_wait(on_cpu),
        show_ratio(loaded.total / unloaded.total),
    ]
}

fn trips(lab: &Lab) -> u32 {
    if lab.quick {
        40
    } else {
        500
    }
}

fn convoy(lab: &mut Lab) -> Result<Report, String> {
    let trips = trips(lab);
    let mut rows = Vec::new();
    let mut ratios = Vec::new();
    for policy in ["timeout", "priority", "tick"] {
        let options = strings(&["--gil", policy, "--io-fast-path", "off"]);
        let stem = format!("convoy-{policy}");
        let (unloaded, loaded) = unloaded_and_loaded(lab, &options, &[], trips, &stem)?;
        let ratio = loaded.total / unloaded.total;
        let trace = lab.draw(
            &stem,
            &format!("convoy: echo server + CPU-bound thread, --gil {policy} --io-fast-path off"),
        )?;
        let on_cpu = contention(&trace, SERVER_THREAD, FIB_THREAD);
        ratios.push((policy, ratio, loaded.p50, on_cpu));
        rows.push(echo_row(policy, &unloaded, &loaded, on_cpu));
    }
    let (_, timeout_ratio, _, on_cpu) = ratios[0];
    let interval_wait = contended_wait(on_cpu);
    let reproduced = interval_wait.is_some_and(|w| w >= INTERVAL_WAIT);
    let hidden = hidden_note("Under timeout", on_cpu);
    let verdict = format!(
        "under timeout, the server's requests that found the fib thread holding the GIL waited \
         {} (p50), and the round trips took {} as long as without it: {}. {trips} round trips \
         of 64 bytes each run.{}",
        interval_wait.map_or("-".into(), show_secs),
        show_ratio(timeout_ratio),
        if reproduced {
            "reproduced, a contended round trip waits for the switch interval"
        } else {
            "not reproduced here"
        },
        hidden.map(|note| format!("\n{note}")).unwrap_or_default()
    );
    Ok(Report {
        header: echo_header("policy"),
        rows,
        verdict,
        look_for: "In convoy-timeout, each time a request arrives `serve_client` turns red \
                   (waiting) for about 5 ms: its drop request (orange) comes only after a whole \
                   switch interval, then the CPU-bound `spin` thread is forced off (black \
                   triangle), the server answers in microseconds, blocks on its socket again \
                   (blue), and `spin` takes the GIL straight back. In convoy-priority the red \
                   spans are too short to see at 100 ms: zoom in the HTML page.",
    })
}

pub const PRIORITY: Spec = Spec {
    name: "priority",
    source: "David Beazley, \"Embracing the GIL\" (2011), slides \"Thread Switching\", \"How \
             to Fix\" and \"Experiment\" (thread priorities)",
    claim: "With thread priorities, an I/O-bound thread preempts a CPU-bound one at once: \
            performance comparable to the version without a CPU-bound thread (the talk's \
            blocking-socket server went from about 13 s unloaded to 142 s loaded under the \
            timeout GIL).",
    run: priority,
};

fn priority(lab: &mut Lab) -> Result<Report, String> {
    let trips = trips(lab);
    let configs: [(&str, &str, &[&str]); 4] = [
        ("timeout, fast path off (the convoy)", "off", &[]),
        ("priority, fast path on", "on", &[]),
        ("priority, fast path off", "off", &[]),
        (
            "priority, fast path off, gil.setpriority(1)",
            "off",
            &["--priority", "1"],
        ),
    ];
    let mut rows = Vec::new();
    let mut ratios = Vec::new();
    let mut baseline_hidden = None;
    for (index, (label, fast, server_args)) in configs.into_iter().enumerate() {
        let policy = if index == 0 { "timeout" } else { "priority" };
        let options = strings(&["--gil", policy, "--io-fast-path", fast]);
        let stem = match index {
            0 => "priority-baseline-timeout".to_owned(),
            1 => "priority-fastpath-on".to_owned(),
            2 => "priority-fastpath-off".to_owned(),
            _ => "priority-setpriority".to_owned(),
        };
        let (unloaded, loaded) =
            unloaded_and_loaded(lab, &options, &strings(server_args), trips, &stem)?;
        let trace = lab.draw(
            &stem,
            &format!("priority: echo server + fib thread, {label}"),
        )?;
        let on_cpu = contention(&trace, SERVER_THREAD, FIB_THREAD);
        ratios.push((loaded.total / unloaded.total, contended_wait(on_cpu)));
        if index == 0 {
            baseline_hidden = hidden_note("In the timeout baseline", on_cpu);
        }
        rows.push(echo_row(label, &unloaded, &loaded, on_cpu));
    }
    let worst = ratios[1..].iter().map(|r| r.0).fold(0.0, f64::max);
    let worst_wait = ratios[1..].iter().filter_map(|r| r.1).fold(0.0, f64::max);
    let baseline_wait = ratios[0].1;
    let reproduced = worst_wait < AT_ONCE && baseline_wait.is_some_and(|w| w >= INTERVAL_WAIT);
    let verdict = format!(
        "under priority, a server request that found the fib thread holding the GIL waited at \
         most {} (p50 of each configuration; timeout: {}), and round trips took at most {} as \
         long as without the fib thread (timeout: {}): {}. {trips} round trips each run.{}",
        show_secs(worst_wait),
        baseline_wait.map_or("-".into(), show_secs),
        show_ratio(worst),
        show_ratio(ratios[0].0),
        if reproduced {
            "reproduced, priorities remove the convoy"
        } else {
            "not reproduced here"
        },
        baseline_hidden
            .map(|note| format!("\n{note}"))
            .unwrap_or_default()
    );
    Ok(Report {
        header: echo_header("configuration"),
        rows,
        verdict,
        look_for: "Under priority, `serve_client` is blocked on its socket (blue) almost all \
                   the time and its waits (red) last microseconds: coming back from I/O with a \
                   priority boost, it asks for the GIL at once and `spin` is forced off at its \
                   next check point (black triangles at each request). With the fast path on, \
                   socket calls that would not block keep the GIL: fewer releases. With \
                   gil.setpriority(1), a purple dot marks each server thread's priority change.",
    })
}

pub const SLEEPER: Spec = Spec {
    name: "sleeper",
    source: "David Beazley, \"Embracing the GIL\" (2011), slide \"Thread Switching\" (a thread \
             that wants the GIL must wait 5 ms)",
    claim: "A thread waking from a 1 ms sleep beside a CPU-bound thread must wait for the \
            switch interval under the timeout GIL: its lateness is about 5 ms (CPython 3.11: \
            5.5 ms at p99); with priorities it should be as late as with no CPU-bound thread.",
    run: sleeper,
};

/// `lateness p50 0.080 ms, p99 7.004 ms` → (p50, p99) in seconds.
fn lateness(line: &str) -> Option<(f64, f64)> {
    let rest = line.split("lateness p50 ").nth(1)?;
    let p50: f64 = rest.split_whitespace().next()?.parse().ok()?;
    let p99: f64 = rest
        .split("p99 ")
        .nth(1)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some((p50 * 1e-3, p99 * 1e-3))
}

fn sleeper(lab: &mut Lab) -> Result<Report, String> {
    let rounds = if lab.quick { 40 } else { 300 };
    let mut rows = Vec::new();
    let mut p50s = Vec::new();
    for policy in POLICIES {
        let stem = format!("sleeper-{policy}");
        let options = traced(lab, &stem, &["--gil", policy]);
        let out = lab.run_script(&options, &SLEEPER_SCRIPT, &[rounds.to_string()])?;
        let mut lines = out.lines().filter(|l| l.contains("lateness p50"));
        let bad = || format!("unexpected output of priority_preempt.py: {out:?}");
        let (p50, p99) = lines.next().and_then(lateness).ok_or_else(bad)?;
        let (alone50, alone99) = lines.next().and_then(lateness).ok_or_else(bad)?;
        let trace = lab.draw(
            &stem,
            &format!("sleeper: a thread sleeping 1 ms beside a CPU-bound thread, --gil {policy}"),
        )?;
        let on_cpu = contention(&trace, "high", "low");
        p50s.push((policy, p50, on_cpu));
        rows.push(vec![
            policy.to_owned(),
            show_secs(p50),
            show_secs(p99),
            show_secs(alone50),
            show_secs(alone99),
            show_share(on_cpu),
            show_contended_wait(on_cpu),
            show_ratio(p50 / alone50),
        ]);
    }
    let timeout = p50s[1].1;
    let priority = p50s[2].1;
    let hidden = hidden_note("Under timeout", p50s[1].2);
    let (timeout_wait, priority_wait) = (contended_wait(p50s[1].2), contended_wait(p50s[2].2));
    let verdict = format!(
        "lateness p50 under timeout {} vs priority {}; the sleeper's GIL wait when `low` held \
         it, p50: {} vs {} ({}). {rounds} sleeps of 1 ms per run; 'alone' is the same sleeper \
         with no CPU-bound thread, in the same process.{}",
        show_secs(timeout),
        show_secs(priority),
        timeout_wait.map_or("-".into(), show_secs),
        priority_wait.map_or("-".into(), show_secs),
        if timeout_wait.is_some_and(|w| w >= INTERVAL_WAIT)
            && priority_wait.is_some_and(|w| w < AT_ONCE)
        {
            "reproduced: timeout makes the sleeper wait for the switch interval, priority does not"
        } else if hidden.is_some() {
            "not reproduced here: hidden by the OS scheduler, see below"
        } else {
            "not reproduced here"
        },
        hidden.map(|note| format!("\n{note}")).unwrap_or_default()
    );
    Ok(Report {
        header: vec![
            "policy",
            "lateness p50",
            "lateness p99",
            "alone p50",
            "alone p99",
            "wake-ups finding low holding",
            "their GIL wait p50",
            "p50 / alone",
        ],
        rows,
        verdict,
        look_for: "The `high` thread wakes every millisecond (end of a blue span). Under \
                   timeout its wait (red) lasts until its drop request (orange) after a whole \
                   switch interval; under priority it is short: `high` has priority 1 and \
                   preempts `low` (priority -1, purple dot at its start) at once. p99s of \
                   several milliseconds with tiny GIL waits are the OS, not the lock.",
    })
}

pub const SCALE: Spec = Spec {
    name: "scale",
    source: "David Beazley, \"Embracing the GIL\" (2011), slide \"Experiment\" (\"Tried with \
             1.4k threads\")",
    claim: "The priority GIL still works with 1,400 threads: a threaded echo server with one \
            thread per client serves them all.",
    run: scale,
};

fn scale(lab: &mut Lab) -> Result<Report, String> {
    let clients = lab.threads.unwrap_or(if lab.quick { 50 } else { 1400 }) as usize;
    let mut rows = Vec::new();
    let mut all_served = true;
    for policy in ["priority", "timeout"] {
        let stem = format!("scale-{policy}");
        let options = traced(lab, &stem, &["--gil", policy]);
        let server = EchoServer::start(lab, &options, &[])?;
        let rss_idle = server.status_field("VmRSS").unwrap_or(0);
        let started = Instant::now();
        let mut streams = Vec::with_capacity(clients);
        let mut failure = None;
        for i in 0..clients {
            match connect_and_echo(server.port, &[i as u8; 64]) {
                Ok(stream) => streams.push(stream),
                Err(err) => {
                    failure = Some(format!("client {i}: {err}"));
                    break;
                }
            }
        }
        let connect_time = started.elapsed();
        let threads = server.status_field("Threads").unwrap_or(0);
        let rss = server.status_field("VmRSS").unwrap_or(0);
        let second = Instant::now();
        let mut served = 0;
        for (i, stream) in streams.iter_mut().enumerate() {
            match echo(stream, &[!(i as u8); 4096]) {
                Ok(()) => served += 1,
                Err(err) => {
                    failure.get_or_insert(format!("second round, client {i}: {err}"));
                }
            }
        }
        let second_time = second.elapsed();
        drop(streams);
        server.stop()?;
        all_served &= served == clients;
        let per_thread = rss.saturating_sub(rss_idle) as f64 / clients.max(1) as f64;
        rows.push(vec![
            policy.to_owned(),
            clients.to_string(),
            format!("{served}"),
            threads.to_string(),
            show_secs(connect_time.as_secs_f64()),
            show_secs(second_time.as_secs_f64()),
            format!("{:.1} MB", rss_idle as f64 / 1024.0),
            format!("{:.1} MB", rss as f64 / 1024.0),
            format!("{per_thread:.0} kB"),
        ]);
        if let Some(failure) = failure {
            eprintln!("scale (--gil {policy}): {failure}");
        }
        lab.draw(
            &stem,
            &format!("scale: {clients} echo clients, one thread each, --gil {policy}"),
        )?;
    }
    let verdict = format!(
        "{clients} concurrent clients, one interpreter thread each: {}.",
        if all_served {
            "all served twice under both policies (reproduced)"
        } else {
            "some were not served (not reproduced; see the errors above)"
        }
    );
    Ok(Report {
        header: vec![
            "policy",
            "clients",
            "served twice",
            "server threads",
            "connect + 64 B echo, all",
            "4 KB echo, all",
            "RSS idle",
            "RSS with clients",
            "RSS per client thread",
        ],
        rows,
        verdict,
        look_for: "One row per server thread: each client's thread starts, answers its two \
                   echoes (short green spans) and spends the rest of its life blocked on its \
                   socket (blue). The HTML page squeezes the rows; hover for thread names.",
    })
}

/// A client: connect (TCP_NODELAY, 30 s timeouts) and check one echo.
fn connect_and_echo(port: u16, message: &[u8]) -> Result<TcpStream, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    let limit = Some(Duration::from_secs(30));
    stream.set_read_timeout(limit).map_err(|e| e.to_string())?;
    stream.set_write_timeout(limit).map_err(|e| e.to_string())?;
    echo(&mut stream, message)?;
    Ok(stream)
}

/// Sends `message` (small enough for the socket buffers) and reads it back.
fn echo(stream: &mut TcpStream, message: &[u8]) -> Result<(), String> {
    stream
        .write_all(message)
        .map_err(|e| format!("send: {e}"))?;
    let mut back = vec![0; message.len()];
    stream
        .read_exact(&mut back)
        .map_err(|e| format!("receive: {e}"))?;
    if back != message {
        return Err("the echoed bytes differ".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lateness_lines_parse() {
        assert_eq!(
            lateness("lateness p50 0.080 ms, p99 7.004 ms"),
            Some((0.080e-3, 7.004e-3))
        );
        assert_eq!(
            lateness("no CPU thread: lateness p50 1.000 ms, p99 2.000 ms"),
            Some((1e-3, 2e-3))
        );
        assert_eq!(lateness("rounds 200"), None);
    }
}
