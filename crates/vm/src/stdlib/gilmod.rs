//! The `gil` module (gilvm only): the current thread's GIL priority, the policy, the switch
//! interval and the lock's counters.
//!
//! `stats()` returns `{'policy': str, 'switchinterval': float, 'waiting': int,
//! 'threads': [row, ...]}` with one dict per registered thread, in registration order:
//! `name, ident, priority, alive, acquisitions, switches, drop_requests, forced_switches,
//! total_wait, longest_wait, p50_wait, p99_wait` (waits in seconds, floats; the
//! percentiles come from a log-linear histogram, within 2 % of the recorded waits).
//!
//! `trace_start(path)` records every GIL event until `trace_stop()`, which writes them to
//! `path` as Chrome Trace Event JSON (see `gil_trace`).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use gilvm_gil::{Policy, ThreadRow, ThreadStats};

use crate::interp::gil_trace::GilTracer;
use crate::interp::thread_state::ThreadState;
use crate::object::args::{positional, str_arg};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{ObjRef, Value};
use crate::objects::dict::{new_dict_obj, store_dict};
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::_thread::priority_arg;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("setpriority", setpriority),
    ("getpriority", getpriority),
    ("policy", policy),
    ("switchinterval", switchinterval),
    ("stats", stats),
    ("trace_start", trace_start),
    ("trace_stop", trace_stop),
];

fn setpriority(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setpriority", args, 1, 1)?;
    let priority = priority_arg(ts, &a[0])?;
    ts.gil.set_priority(priority);
    Ok(Value::None)
}

fn getpriority(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "getpriority", args, 0, 0)?;
    Ok(Value::Int(ts.gil.priority() as i64))
}

pub fn policy_name(policy: Policy) -> &'static str {
    match policy {
        Policy::Tick => "tick",
        Policy::Timeout => "timeout",
        Policy::Priority => "priority",
    }
}

fn policy(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "policy", args, 0, 0)?;
    Ok(Value::new_str(policy_name(ts.gil.gil().config().policy)))
}

fn switchinterval(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "switchinterval", args, 0, 0)?;
    Ok(Value::Float(ts.gil.gil().switch_interval().as_secs_f64()))
}

fn stats(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "stats", args, 0, 0)?;
    let gil = ts.gil.gil();
    let snapshot = gil.stats();
    let out = new_dict_obj();
    put(&out, "policy", Value::new_str(policy_name(snapshot.policy)));
    put(&out, "switchinterval", seconds(gil.switch_interval()));
    put(&out, "waiting", Value::Int(snapshot.waiting as i64));
    let rows = snapshot.threads.iter().map(row_dict).collect();
    put(&out, "threads", Value::new_list(rows));
    // Finished threads beyond the last 100, folded together (docs/gil.md).
    let retired = new_dict_obj();
    put(&retired, "threads", count(snapshot.retired.threads));
    put_counters(&retired, &snapshot.retired.stats);
    put(&out, "retired", Value::Obj(retired));
    put(&out, "gc", gc_dict(ts));
    Ok(Value::Obj(out))
}

/// The cycle collector's pauses (the collecting thread holds the GIL throughout):
/// `collections` (all generations), `collected`, `pause_total` and `pause_max` in seconds.
fn gc_dict(ts: &ThreadState) -> Value {
    let g = crate::interp::gc::stats(ts);
    let d = new_dict_obj();
    put(
        &d,
        "collections",
        Value::Int(g.collections.iter().sum::<u64>() as i64),
    );
    put(
        &d,
        "collected",
        Value::Int(g.collected.iter().sum::<u64>() as i64),
    );
    put(&d, "pause_total", seconds(g.pause_total));
    put(&d, "pause_max", seconds(g.pause_max));
    Value::Obj(d)
}

fn row_dict(row: &ThreadRow) -> Value {
    let d = new_dict_obj();
    let s = &row.stats;
    let quantile = |q| s.wait_histogram.quantile(q).map_or(Value::None, seconds);
    put(&d, "name", Value::new_str(row.name.as_str()));
    put(&d, "ident", Value::Int(row.id.0 as i64 + 1));
    put(&d, "priority", Value::Int(row.priority as i64));
    put(&d, "alive", Value::Bool(row.registered));
    put_counters(&d, s);
    put(&d, "p50_wait", quantile(0.5));
    put(&d, "p99_wait", quantile(0.99));
    Value::Obj(d)
}

fn put_counters(d: &ObjRef, s: &ThreadStats) {
    put(d, "acquisitions", count(s.acquisitions));
    put(d, "switches", count(s.switches));
    put(d, "drop_requests", count(s.drop_requests));
    put(d, "forced_switches", count(s.forced_switches));
    put(d, "total_wait", seconds(s.total_wait));
    put(d, "longest_wait", seconds(s.longest_wait));
}

fn put(d: &ObjRef, key: &str, v: Value) {
    store_dict(d, &Value::new_str(key), v);
}

fn count(n: u64) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn seconds(d: Duration) -> Value {
    Value::Float(d.as_secs_f64())
}

fn tracer(ts: &ThreadState) -> PyResult<Arc<GilTracer>> {
    ts.rt
        .gil_tracer
        .clone()
        .ok_or_else(|| ts.new_exc(ExcKind::RuntimeError, "GIL tracing is not available"))
}

/// `trace_start(path)`: checks now that `path` can be written, so a typo fails here and not
/// after the run.
fn trace_start(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "trace_start", args, 1, 1)?;
    let path = str_arg(ts, &a[0], "path")?.to_string();
    let tracer = tracer(ts)?;
    if tracer.is_recording() {
        let err = tracer.start_for_script(Path::new(&path)).unwrap_err();
        return Err(ts.new_exc(ExcKind::RuntimeError, format!("trace_start(): {err}")));
    }
    if let Err(err) = std::fs::File::create(&path) {
        let msg = format!("cannot write the GIL trace to '{path}': {err}");
        return Err(ts.new_exc(ExcKind::OSError, msg));
    }
    tracer
        .start_for_script(Path::new(&path))
        .map_err(|err| ts.new_exc(ExcKind::RuntimeError, format!("trace_start(): {err}")))?;
    Ok(Value::None)
}

/// `trace_stop()`: writes the recording to the file given to `trace_start`.
fn trace_stop(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "trace_stop", args, 0, 0)?;
    let (trace, path) = tracer(ts)?.stop_for_script().map_err(|_| {
        ts.new_exc(
            ExcKind::RuntimeError,
            "trace_stop(): no trace started by gil.trace_start()",
        )
    })?;
    gilvm_trace::write_chrome_file(&trace, &path).map_err(|err| {
        let msg = format!("cannot write the GIL trace: {err}");
        ts.new_exc(ExcKind::OSError, msg)
    })?;
    Ok(Value::None)
}
