//! The `time` module.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("time", time),
    ("perf_counter", monotonic),
    ("monotonic", monotonic),
    ("sleep", sleep),
    ("time_ns", time_ns),
    ("perf_counter_ns", monotonic_ns),
    ("monotonic_ns", monotonic_ns),
];

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// Time since the runtime started (a monotonic clock: only differences are meaningful).
fn monotonic_now(ts: &ThreadState) -> Duration {
    ts.rt.started.elapsed()
}

fn time(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "time", args, 0, 0)?;
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_ns(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "time_ns", args, 0, 0)?;
    Ok(Value::Int(since_epoch().as_nanos() as i64))
}

fn monotonic(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "monotonic", args, 0, 0)?;
    Ok(Value::Float(monotonic_now(ts).as_secs_f64()))
}

fn monotonic_ns(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "monotonic_ns", args, 0, 0)?;
    Ok(Value::Int(monotonic_now(ts).as_nanos() as i64))
}

fn sleep(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "sleep", args, 1, 1)?;
    let secs = match &a[0] {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => *b as i64 as f64,
        v => {
            return Err(ts.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(ts, v)
            )))
        }
    };
    if secs < 0.0 || secs.is_nan() {
        return Err(ts.value_error("sleep length must be non-negative"));
    }
    let duration = Duration::from_secs_f64(secs.min(1e9));
    crate::interp::signals::interruptible_sleep(ts, duration)?;
    Ok(Value::None)
}
