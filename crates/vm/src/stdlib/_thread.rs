//! The `_thread` module: OS threads serialized by the GIL, and the lock type. Its Python
//! part (`_thread.py`: `error`, `TIMEOUT_MAX`, `LockType`) runs in the same namespace; `threading` is written
//! in Python on top of it (`threading.py`), as in CPython.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use gilvm_gil::ThreadId;

use crate::interp::eval::run_frame;
use crate::interp::gil::{ident_of, GilSend, RawLock};
use crate::interp::native_stack;
use crate::interp::runtime::Runtime;
use crate::interp::thread_state::ThreadState;
use crate::interp::traceback::format_exception;
use crate::object::args::{int_arg, optional_params, positional, str_arg};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::{Args, NativeFn};
use crate::protocol::call::{call_ex, call_ex_frame, call_value};

/// Native stack of each interpreter thread (reserved lazily by the OS; less under `ulimit -v`).
const THREAD_STACK_BYTES: usize = 256 << 20;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("start_new_thread", start_new_thread),
    ("get_ident", get_ident),
    ("_start", start),
    ("_main_ident", main_ident),
    ("_set_priority", set_priority),
    ("_report_exception", report_exception),
    ("allocate_lock", allocate_lock),
];

/// The methods of `_thread.lock` (`_thread.LockType`; `lock_` for CPython's old names).
pub const LOCK_METHODS: &[(&str, NativeFn)] = &[
    ("acquire", lock_acquire),
    ("acquire_lock", lock_acquire),
    ("release", lock_release),
    ("release_lock", lock_release),
    ("locked", lock_locked),
    ("locked_lock", lock_locked),
    ("_at_fork_reinit", lock_at_fork_reinit),
    ("__enter__", lock_enter),
    ("__exit__", lock_exit),
];

/// What a new thread runs: `func(*args, **kwargs)`; `report` says how an uncaught
/// exception is printed (threading's threads catch their own).
struct ThreadStart {
    rt: Rc<Runtime>,
    func: Value,
    args: Value,
    kwargs: Option<Value>,
}

fn spawn(ts: &mut ThreadState, name: &str, priority: i32, start: ThreadStart) -> PyResult {
    if ts
        .guard
        .limits
        .threads
        .is_some_and(|max| ts.rt.threads.running.get() >= max)
    {
        return Err(ts.new_exc(ExcKind::RuntimeError, "can't start new thread"));
    }
    let handle = ts.gil.gil().register_thread(name);
    handle.set_priority(priority);
    let ident = ident_of(&handle);
    let payload = GilSend::new(start, ts);
    let threads = &ts.rt.threads;
    threads.running.set(threads.running.get() + 1);
    let spawned = std::thread::Builder::new()
        .name(name.chars().take(15).collect())
        .stack_size(native_stack::stack_bytes(THREAD_STACK_BYTES, 64))
        .spawn(move || {
            handle.acquire();
            let start = payload.into_inner(&handle);
            let mut ts = boxed_thread_state(start.rt.clone(), handle);
            run_thread(&mut ts, start);
        });
    match spawned {
        Ok(_) => Ok(Value::Int(ident)),
        Err(e) => {
            threads.running.set(threads.running.get() - 1);
            Err(ts.new_exc(
                ExcKind::RuntimeError,
                format!("can't start new thread: {e}"),
            ))
        }
    }
}

/// A new thread's state, on the heap and built in a frame of its own: each page of native
/// stack a thread has touched stays resident while it lives (thousands of idle threads), so
/// the bytes below the bottom frame are the dearest ones.
#[inline(never)]
fn boxed_thread_state(rt: Rc<Runtime>, handle: gilvm_gil::ThreadHandle) -> Box<ThreadState> {
    Box::new(ThreadState::new(rt, handle))
}

/// The body of a new thread, which holds the GIL; everything it owns is dropped before its
/// `ThreadState` (and with it the lock) goes.
fn run_thread(ts: &mut ThreadState, start: ThreadStart) {
    // Arguments read twice (frame first, else the general call) must be a tuple and a dict,
    // which reading runs no code for.
    let plain = |v: &Value| matches!(v.obj().map(|o| &**o), Some(Obj::Tuple(_) | Obj::Dict(_)));
    let frame = if plain(&start.args) && start.kwargs.as_ref().is_none_or(plain) {
        call_ex_frame(ts, &start.func, &start.args, start.kwargs.as_ref())
    } else {
        Ok(None)
    };
    let result = match frame {
        Ok(Some(frame)) => run_frame(ts, frame, None).map(|_| ()),
        Ok(None) => call_ex(ts, &start.func, &start.args, start.kwargs.as_ref()).map(|_| ()),
        Err(exc) => Err(exc),
    };
    if let Err(exc) = result {
        if !ts.exc_matches(&exc, ExcKind::SystemExit) {
            let context = Some("in thread started by");
            crate::interp::unraisable::write_unraisable(ts, context, &start.func, &exc);
        }
    }
    ts.rt.stdout.borrow_mut().flush();
    let threads = &ts.rt.threads;
    threads.running.set(threads.running.get() - 1);
}

/// `start_new_thread(function, args[, kwargs])`.
fn start_new_thread(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "start_new_thread", args, 2, 3)?;
    let name = format!("Dummy-{}", ts.gil.gil().threads_registered());
    let start = ThreadStart {
        rt: ts.rt.clone(),
        func: a[0].clone(),
        args: a[1].clone(),
        kwargs: a.get(2).cloned(),
    };
    spawn(ts, &name, 0, start)
}

/// `_start(bootstrap, name, priority)`: threading's threads run `bootstrap()`.
fn start(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_start", args, 3, 3)?;
    let name = str_arg(ts, &a[1], "name")?.to_string();
    let priority = priority_arg(ts, &a[2])?;
    let start = ThreadStart {
        rt: ts.rt.clone(),
        func: a[0].clone(),
        args: Value::new_tuple(Vec::new()),
        kwargs: None,
    };
    spawn(ts, &name, priority, start)
}

pub fn priority_arg(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    i32::try_from(int_arg(ts, v)?)
        .map_err(|_| ts.new_exc(ExcKind::OverflowError, "priority out of range"))
}

fn get_ident(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "get_ident", args, 0, 0)?;
    Ok(Value::Int(ts.ident()))
}

fn main_ident(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "_main_ident", args, 0, 0)?;
    Ok(Value::Int(ts.rt.threads.main_ident.get()))
}

/// `_set_priority(ident, priority)`: the GIL priority of any thread.
fn set_priority(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_set_priority", args, 2, 2)?;
    let ident = int_arg(ts, &a[0])?;
    let priority = priority_arg(ts, &a[1])?;
    if let Ok(index) = usize::try_from(ident - 1) {
        ts.gil.gil().set_thread_priority(ThreadId(index), priority);
    }
    Ok(Value::None)
}

/// `_report_exception(thread_name, exc)`: CPython's `threading.excepthook` output.
fn report_exception(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_report_exception", args, 2, 2)?;
    let name = str_arg(ts, &a[0], "name")?.to_string();
    let Value::Obj(exc) = &a[1] else {
        return Err(ts.type_error("_report_exception() needs an exception"));
    };
    let text = format_exception(ts, exc);
    ts.rt
        .write_stderr(&format!("Exception in thread {name}:\n{text}"));
    Ok(Value::None)
}

/// `allocate_lock()` (`threading.Lock()`): a new unlocked `_thread.lock`.
fn allocate_lock(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "allocate_lock", args, 0, 0)?;
    Ok(Value::Obj(ObjRef::new(Obj::Lock(Default::default()))))
}

/// The native lock of `this`, a `_thread.lock`.
fn lock_of(ts: &ThreadState, this: &Value) -> PyResult<Arc<RawLock>> {
    lock_cell(ts, this).map(|lock| Arc::clone(&lock.borrow()))
}

/// Where `this`, a `_thread.lock`, keeps its native lock (a method called unbound on another
/// value is refused before it runs, but the check is cheap).
fn lock_cell<'a>(ts: &ThreadState, this: &'a Value) -> PyResult<&'a RefCell<Arc<RawLock>>> {
    match this.obj().map(|o| &**o) {
        Some(Obj::Lock(lock)) => Ok(lock),
        _ => Err(ts.type_error("descriptor requires a '_thread.lock' object")),
    }
}

/// `acquire(blocking=True, timeout=-1)`'s arguments, by position or by name.
fn acquire_args(ts: &mut ThreadState, args: &Args) -> PyResult<(bool, Value)> {
    let [blocking, timeout] = optional_params(ts, "acquire", args, ["blocking", "timeout"])?;
    let blocking = match blocking {
        Some(v) => crate::protocol::ops::truthy(ts, v)?,
        None => true,
    };
    Ok((blocking, timeout.cloned().unwrap_or(Value::Int(-1))))
}

/// `lock.acquire(blocking=True, timeout=-1)`: tries without blocking first, under the GIL;
/// only a wait that would block releases it.
fn lock_acquire(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (blocking, timeout) = acquire_args(ts, args)?;
    let lock = lock_of(ts, this)?;
    let timeout = timeout_arg(ts, &timeout, blocking)?;
    acquire(ts, lock, blocking, timeout).map(Value::Bool)
}

/// `with lock:` waits for it as long as it takes.
fn lock_enter(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "lock.__enter__", args, 0, 0)?;
    let lock = lock_of(ts, this)?;
    acquire(ts, lock, true, None).map(Value::Bool)
}

fn acquire(
    ts: &mut ThreadState,
    lock: Arc<RawLock>,
    blocking: bool,
    timeout: Option<Duration>,
) -> PyResult<bool> {
    if lock.try_acquire() {
        return Ok(true);
    }
    if !blocking {
        return Ok(false);
    }
    // A signal in the main thread runs its handler and the wait goes on (PEP 475).
    // A deadline past what the clock can name is no deadline.
    let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
    let acquired = crate::interp::interruptible::wait(ts, deadline, move |until| {
        let left = until.map(|u| u.saturating_duration_since(Instant::now()));
        lock.acquire_blocking(left).then_some(())
    })?;
    Ok(acquired.is_some())
}

/// The longest wait a lock takes, in seconds: CPython's `PY_TIMEOUT_MAX` (`i64::MAX`
/// nanoseconds, in whole microseconds); `_thread.TIMEOUT_MAX` (`_thread.py`) is its whole
/// seconds.
const LONGEST_WAIT_S: f64 = 9_223_372_036.854_775;

/// `timeout=-1` (wait forever) or a non-negative number of seconds.
fn timeout_arg(ts: &ThreadState, v: &Value, blocking: bool) -> PyResult<Option<Duration>> {
    let Some((seconds, is_float)) = timeout_seconds(v) else {
        let type_name = crate::object::class_of::type_name(ts, v);
        let message = format!("'{type_name}' object cannot be interpreted as an integer");
        return Err(ts.type_error(message));
    };
    // CPython converts to its nanosecond `_PyTime_t` before any other check.
    if seconds.is_nan() {
        return Err(ts.value_error("Invalid value NaN (not a number)"));
    }
    if (seconds * 1e9).abs() >= i64::MAX as f64 {
        let message = match is_float {
            true => "timestamp out of range for platform time_t",
            false => "timestamp too large to convert to C _PyTime_t",
        };
        return Err(ts.new_exc(ExcKind::OverflowError, message));
    }
    if seconds == -1.0 {
        return Ok(None);
    }
    if !blocking {
        return Err(ts.value_error("can't specify a timeout for a non-blocking call"));
    }
    if seconds < 0.0 {
        return Err(ts.value_error("timeout value must be positive"));
    }
    if seconds > LONGEST_WAIT_S {
        return Err(ts.new_exc(ExcKind::OverflowError, "timeout value is too large"));
    }
    Ok(Some(Duration::from_secs_f64(seconds)))
}

/// A timeout in seconds and whether it was a float: an int or float (subclasses too), `None`
/// for any other type. (CPython 3.11 words the overflow of each differently.)
fn timeout_seconds(v: &Value) -> Option<(f64, bool)> {
    use num_traits::ToPrimitive;
    match v {
        Value::Int(i) => Some((*i as f64, false)),
        Value::Float(f) => Some((*f, true)),
        Value::Bool(b) => Some((f64::from(u8::from(*b)), false)),
        Value::Obj(o) => match &**o {
            Obj::BigInt(b) => Some((b.to_f64().unwrap_or(f64::INFINITY), false)),
            _ => crate::protocol::class::builtin_base(v).and_then(|base| timeout_seconds(&base)),
        },
        _ => None,
    }
}

fn lock_release(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "lock.release", args, 0, 0)?;
    release(ts, this)
}

/// `__exit__(*exc_info)`: releases, whatever the exception.
fn lock_exit(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    release(ts, this)
}

fn release(ts: &ThreadState, this: &Value) -> PyResult {
    if !lock_of(ts, this)?.release() {
        return Err(ts.new_exc(ExcKind::RuntimeError, "release unlocked lock"));
    }
    Ok(Value::None)
}

fn lock_locked(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "lock.locked", args, 0, 0)?;
    Ok(Value::Bool(lock_of(ts, this)?.is_locked()))
}

/// `_at_fork_reinit()`, in the child of a fork: unlocked, whichever thread (now gone) held
/// it; a new native lock, as the old one's inner mutex may be held by a thread that is gone.
fn lock_at_fork_reinit(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "lock._at_fork_reinit", args, 0, 0)?;
    *lock_cell(ts, this)?.borrow_mut() = Arc::default();
    Ok(Value::None)
}

/// At exit (CPython's `threading._shutdown`): waits for non-daemon threads if `threading`
/// was imported. Errors are printed, as CPython does.
pub fn shutdown(ts: &mut ThreadState) {
    let key = Value::new_str("threading");
    let Some(module) = crate::objects::dict::dict_get(&ts.rt.sys_modules, &key) else {
        return;
    };
    let result = crate::protocol::attr::get_attr(ts, &module, &Value::new_str("_shutdown"))
        .and_then(|f| call_value(ts, &f, &[], &[]));
    if let Err(exc) = result {
        let text = format_exception(ts, &exc);
        ts.rt.write_stderr(&format!(
            "Exception ignored in: threading._shutdown\n{text}"
        ));
    }
}
