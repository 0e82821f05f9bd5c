//! The GIL options of the command line, the `--gil-stats` table and `--gil-trace`.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use gilvm::trace::Trace;
use gilvm::{GilStats, Interpreter, Policy, ThreadStats};

pub fn parse_policy(text: &str) -> Result<Policy, String> {
    match text {
        "tick" => Ok(Policy::Tick),
        "timeout" => Ok(Policy::Timeout),
        "priority" => Ok(Policy::Priority),
        _ => Err(format!("expected tick, timeout or priority, got '{text}'")),
    }
}

/// `5ms`, `500us`, `0.01s`: a positive number with a unit.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let split = text
        .find(|c: char| c.is_ascii_alphabetic())
        .ok_or_else(|| format!("'{text}' has no unit (use us, ms or s)"))?;
    let (number, unit) = text.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("'{number}' is not a number"))?;
    let seconds = match unit {
        "us" => value / 1e6,
        "ms" => value / 1e3,
        "s" => value,
        _ => return Err(format!("unknown unit '{unit}' (use us, ms or s)")),
    };
    if !(seconds > 0.0 && seconds <= 3600.0) {
        return Err(format!("'{text}' must be positive and at most 1 hour"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// One row per thread: name, priority, acquisitions, switches, drop requests, forced
/// switches, total / longest wait, and the p50 / p99 wait from the histogram, with a note
/// on the percentiles' precision (`with_note`).
pub fn stats_table(stats: &GilStats, with_note: bool) -> String {
    let policy = match stats.policy {
        Policy::Tick => "tick",
        Policy::Timeout => "timeout",
        Policy::Priority => "priority",
    };
    let mut out = format!("GIL statistics (policy: {policy})\n");
    let _ = writeln!(
        out,
        "{:<24} {:>4} {:>9} {:>8} {:>8} {:>7} {:>10} {:>10} {:>10} {:>10}",
        "thread",
        "prio",
        "acquired",
        "switches",
        "drop-req",
        "forced",
        "total-wait",
        "max-wait",
        "p50-wait",
        "p99-wait"
    );
    for row in &stats.threads {
        let name = truncate(&row.name, 24);
        write_row(&mut out, &name, &row.priority.to_string(), &row.stats);
    }
    let retired = &stats.retired;
    if retired.threads > 0 {
        let name = format!("({} earlier threads)", retired.threads);
        write_row(&mut out, &name, "", &retired.stats);
    }
    if with_note {
        out.push_str(PERCENTILE_NOTE);
    }
    out
}

/// The cycle collector's line under the GIL table: its pauses stop the world, since the
/// collecting thread holds the GIL throughout.
pub fn gc_line(gc: &gilvm::GcStats) -> String {
    let collected: u64 = gc.collected.iter().sum();
    format!(
        "gc: {} collections (gen0 {}, gen1 {}, gen2 {}), {collected} objects freed, pauses {} total, {} max\n",
        gc.collections.iter().sum::<u64>(),
        gc.collections[0],
        gc.collections[1],
        gc.collections[2],
        show(gc.pause_total),
        show(gc.pause_max),
    )
}

/// One line of the table: a thread's (or the folded earlier threads') counters.
fn write_row(out: &mut String, name: &str, priority: &str, s: &ThreadStats) {
    let quantile = |q| s.wait_histogram.quantile(q).map_or("-".into(), show);
    let _ = writeln!(
        out,
        "{:<24} {:>4} {:>9} {:>8} {:>8} {:>7} {:>10} {:>10} {:>10} {:>10}",
        name,
        priority,
        s.acquisitions,
        s.switches,
        s.drop_requests,
        s.forced_switches,
        show(s.total_wait),
        show(s.longest_wait),
        quantile(0.5),
        quantile(0.99),
    );
}

/// The histogram is log-linear (HdrHistogram's layout, 32 buckets per power of two).
const PERCENTILE_NOTE: &str =
    "p50/p99-wait: from a log-linear histogram, within 2 % of the recorded waits\n";

/// When `--gil-stats` prints its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatsMode {
    /// Once, at exit (`--gil-stats`).
    AtExit,
    /// Every interval while the program runs, and at exit (`--gil-stats=1s`).
    Every(Duration),
}

/// `--gil-stats` alone means at exit; `--gil-stats=DURATION` also prints periodically.
pub fn parse_stats_mode(text: &str) -> Result<StatsMode, String> {
    match text {
        "" | "exit" => Ok(StatsMode::AtExit),
        _ => parse_duration(text).map(StatsMode::Every),
    }
}

/// Live mode: a thread printing the table to stderr every `interval` until the returned
/// guard is dropped (when the program has ended).
pub fn print_stats_every(program: Arc<Interpreter>, interval: Duration) -> LiveStats {
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    let started = std::time::Instant::now();
    let thread = std::thread::spawn(move || {
        // Each turn waits one interval or until the program ends, whichever comes first.
        while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(interval) {
            let elapsed = started.elapsed().as_secs_f64();
            eprint!(
                "[{elapsed:.1} s] {}",
                stats_table(&program.gil_stats(), false)
            );
        }
    });
    LiveStats {
        stop: Some(stop),
        thread: Some(thread),
    }
}

/// Stops the live `--gil-stats` printer when dropped.
pub struct LiveStats {
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for LiveStats {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Starts `--gil-trace`, after checking that `path` can be written (so a typo fails before
/// the program runs, not after).
pub fn start_trace(interpreter: &Interpreter, path: &Path) -> Result<(), String> {
    std::fs::File::create(path)
        .map_err(|err| format!("cannot write the GIL trace to '{}': {err}", path.display()))?;
    interpreter
        .trace_start()
        .map_err(|err| err.message().to_string())
}

/// Stops `--gil-trace` and writes the trace to `path`.
pub fn finish_trace(interpreter: &Interpreter, path: &Path) -> Result<(), String> {
    let trace = interpreter
        .trace_stop()
        .map_err(|err| err.message().to_string())?;
    write_trace(&trace, path)
}

fn write_trace(trace: &Trace, path: &Path) -> Result<(), String> {
    gilvm::trace::write_chrome_file(trace, path)
        .map_err(|err| format!("cannot write the GIL trace: {err}"))
}

/// Makes a SIGTERM that kills the program (a server stopped at the end of an experiment)
/// write the trace first. Ctrl-C needs nothing: it raises `KeyboardInterrupt` as without
/// tracing, and the run's end writes the trace.
pub fn finish_trace_on_sigterm(interpreter: Arc<Interpreter>, path: PathBuf) {
    gilvm::before_dying_by_signal(move || {
        // Already stopped: the program is ending and writing the trace itself.
        let Ok(trace) = interpreter.trace_stop() else {
            return;
        };
        if let Err(msg) = write_trace(&trace, &path) {
            eprintln!("gilvm: {msg}");
        }
    });
}

fn truncate(name: &str, width: usize) -> String {
    name.chars().take(width).collect()
}

fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.1}us")
    } else if us < 1e6 {
        format!("{:.2}ms", us / 1e3)
    } else {
        format!("{:.3}s", us / 1e6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_need_a_known_unit_and_a_positive_value() {
        assert_eq!(parse_duration("5ms"), Ok(Duration::from_millis(5)));
        assert_eq!(parse_duration("250us"), Ok(Duration::from_micros(250)));
        assert_eq!(parse_duration("0.5s"), Ok(Duration::from_millis(500)));
        for bad in ["5", "ms", "5min", "-1ms", "0s", "nanms", "1e9s"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
