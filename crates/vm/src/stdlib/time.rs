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
    crate::interp::interruptible::sleep(ts, duration)?;
    Ok(Value::None)
}

/// The calendar functions over libc (`time.py` wraps `_mktime`'s and `_strftime`'s tuples).
/// `gmtime` and `localtime` are native, so that as in CPython they do not bind as methods when
/// stored in a class (`logging.Formatter.converter = time.gmtime`).
pub const CALENDAR: &[(&str, NativeFn)] = &[
    ("gmtime", gmtime),
    ("localtime", localtime),
    ("_localtime", localtime_tuple),
    ("_mktime", mktime),
    ("_strftime", strftime),
    ("process_time", process_time),
    ("process_time_ns", process_time_ns),
    ("thread_time", thread_time),
];

fn secs_arg(ts: &ThreadState, v: &Value) -> PyResult<libc::time_t> {
    match v {
        Value::Int(i) => Ok(*i as libc::time_t),
        Value::Bool(b) => Ok(*b as libc::time_t),
        Value::Float(f) if f.is_finite() => Ok(f.floor() as libc::time_t),
        Value::Float(f) if f.is_nan() => Err(ts.value_error("Invalid value NaN (not a number)")),
        Value::Float(_) => Err(ts.new_exc(
            crate::object::error::ExcKind::OverflowError,
            "timestamp out of range for platform time_t",
        )),
        Value::None => Ok(since_epoch().as_secs() as libc::time_t),
        v => Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(ts, v)
        ))),
    }
}

fn tm_tuple(tm: &libc::tm) -> Value {
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: libc sets tm_zone to a NUL-terminated static string.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    Value::new_tuple(vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
        Value::new_str(zone),
        Value::Int(tm.tm_gmtoff),
    ])
}

/// The converted time as an 11-tuple.
fn convert_tuple(ts: &mut ThreadState, args: &Args, name: &str, local: bool) -> PyResult {
    let a = positional(ts, name, args, 0, 1)?;
    let secs = secs_arg(ts, a.first().unwrap_or(&Value::None))?;
    // SAFETY: `tm` is plain data written by the reentrant libc conversion.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: the reentrant conversions only read `secs` and write the `tm` we own.
    let ok = unsafe {
        if local {
            !libc::localtime_r(&secs, &mut tm).is_null()
        } else {
            !libc::gmtime_r(&secs, &mut tm).is_null()
        }
    };
    if !ok {
        return Err(ts.new_exc(
            crate::object::error::ExcKind::OverflowError,
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(tm_tuple(&tm))
}

/// The converted time as a `time.struct_time` (defined by `time.py`; the module is imported
/// by the time a script calls this).
fn convert(ts: &mut ThreadState, args: &Args, name: &str, local: bool) -> PyResult {
    let tuple = convert_tuple(ts, args, name, local)?;
    let module = crate::interp::import::import_module(ts, "time")?;
    let class = crate::protocol::attr::get_attr(ts, &module, &Value::new_str("struct_time"))?;
    crate::protocol::call::call_value(ts, &class, &[tuple], &[])
}

/// `_localtime(secs)`: the plain tuple, for `time.py` while the module is being created.
fn localtime_tuple(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    convert_tuple(ts, args, "localtime", true)
}

fn gmtime(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    convert(ts, args, "gmtime", false)
}

fn localtime(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    convert(ts, args, "localtime", true)
}

/// A 9-tuple of ints to a `libc::tm` (the Python side checked the shape).
fn tm_of(ts: &ThreadState, v: &Value) -> PyResult<libc::tm> {
    let items: Vec<Value> = match v.obj().map(|o| &**o) {
        Some(crate::object::value::Obj::Tuple(t)) => t.to_vec(),
        _ => return Err(ts.type_error("Tuple or struct_time argument required")),
    };
    if items.len() < 9 {
        return Err(ts.type_error("function takes exactly 9 arguments"));
    }
    let mut n = [0i64; 9];
    for (k, item) in items.iter().take(9).enumerate() {
        n[k] = crate::object::args::int_arg(ts, item)?;
    }
    // SAFETY: plain data.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (n[0] - 1900) as i32;
    tm.tm_mon = (n[1] - 1) as i32;
    tm.tm_mday = n[2] as i32;
    tm.tm_hour = n[3] as i32;
    tm.tm_min = n[4] as i32;
    tm.tm_sec = n[5] as i32;
    tm.tm_wday = ((n[6] + 1) % 7) as i32;
    tm.tm_yday = (n[7] - 1) as i32;
    tm.tm_isdst = n[8] as i32;
    Ok(tm)
}

fn mktime(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "mktime", args, 1, 1)?;
    let mut tm = tm_of(ts, &a[0])?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid struct; mktime normalises it in place.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(ts.new_exc(
            crate::object::error::ExcKind::OverflowError,
            "mktime argument out of range",
        ));
    }
    Ok(Value::Float(t as f64))
}

fn strftime(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "strftime", args, 2, 2)?;
    let Some(fmt) = a[0].as_str() else {
        return Err(ts.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            type_name(ts, &a[0])
        )));
    };
    let tm = tm_of(ts, &a[1])?;
    let fmt = fmt.as_str();
    if fmt.is_empty() {
        return Ok(Value::new_str(""));
    }
    let Ok(cfmt) = std::ffi::CString::new(fmt) else {
        return Err(ts.value_error("embedded null character"));
    };
    let mut size = 256 + fmt.len() * 8;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` bytes; strftime writes at most that many.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cfmt.as_ptr(),
                &tm,
            )
        };
        if n > 0 || size > 1 << 16 {
            buf.truncate(n);
            return Ok(Value::new_str(String::from_utf8_lossy(&buf).into_owned()));
        }
        size *= 4;
    }
}

fn clock(id: libc::clockid_t) -> Duration {
    // SAFETY: plain data written by clock_gettime.
    let mut t: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: clock_gettime writes only the `timespec` we own.
    unsafe { libc::clock_gettime(id, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn process_time(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "process_time", args, 0, 0)?;
    Ok(Value::Float(
        clock(libc::CLOCK_PROCESS_CPUTIME_ID).as_secs_f64(),
    ))
}

fn process_time_ns(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "process_time_ns", args, 0, 0)?;
    Ok(Value::Int(
        clock(libc::CLOCK_PROCESS_CPUTIME_ID).as_nanos() as i64
    ))
}

fn thread_time(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "thread_time", args, 0, 0)?;
    Ok(Value::Float(
        clock(libc::CLOCK_THREAD_CPUTIME_ID).as_secs_f64(),
    ))
}
