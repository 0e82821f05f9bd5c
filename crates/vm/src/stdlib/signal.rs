//! The `signal` module's native part. The handlers live in `Runtime::signal_handlers` and run
//! in the main thread at its next check point (`interp::signals`); `signal.py` adds the
//! callable check and `valid_signals`' set.

use std::time::{Duration, Instant};

use crate::interp::interruptible;
use crate::interp::signals::{
    handle_pending, is_main_thread, pending, set_os_handler, NSIG, SIG_DFL, SIG_IGN,
};
use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::PyResult;
use crate::object::value::{ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::socket::errors::os_error;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_signal", signal),
    ("getsignal", getsignal),
    ("raise_signal", raise_signal),
    ("strsignal", strsignal),
    ("_valid_signals", valid_signals),
    ("alarm", alarm),
    ("pause", pause),
    ("setitimer", setitimer),
    ("getitimer", getitimer),
    ("_pthread_sigmask", pthread_sigmask),
];

/// The `SIG*` constants: the common signals of Linux.
const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

/// Fills the constants and `default_int_handler` (the very object SIGINT's handler is).
pub fn init(ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    let set = |name: &str, value: Value| store_dict(dict, &Value::new_str(name), value);
    for (name, signum) in SIGNALS {
        set(name, Value::Int(*signum as i64));
    }
    set("SIGRTMIN", Value::Int(libc::SIGRTMIN() as i64));
    set("SIGRTMAX", Value::Int(libc::SIGRTMAX() as i64));
    set("NSIG", Value::Int(NSIG as i64));
    set("SIG_DFL", Value::Int(SIG_DFL));
    set("SIG_IGN", Value::Int(SIG_IGN));
    set("SIG_BLOCK", Value::Int(libc::SIG_BLOCK as i64));
    set("SIG_UNBLOCK", Value::Int(libc::SIG_UNBLOCK as i64));
    set("SIG_SETMASK", Value::Int(libc::SIG_SETMASK as i64));
    set("ITIMER_REAL", Value::Int(libc::ITIMER_REAL as i64));
    set("ITIMER_VIRTUAL", Value::Int(libc::ITIMER_VIRTUAL as i64));
    set("ITIMER_PROF", Value::Int(libc::ITIMER_PROF as i64));
    set(
        "default_int_handler",
        ts.rt.signal_handlers.default_int_handler.clone(),
    );
    Ok(())
}

/// A signal number argument: an int in `1..NSIG`.
fn signum_arg(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    let n = int_arg(ts, v)?;
    match usize::try_from(n) {
        Ok(n) if (1..NSIG).contains(&n) => Ok(n),
        _ => Err(ts.value_error("signal number out of range")),
    }
}

/// `OSError` (no file name) for the last failed system call.
fn errno_error(ts: &ThreadState) -> ObjRef {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    os_error(ts, errno)
}

/// `_signal(signalnum, handler, is_callable)`: `signal.signal` once `signal.py` has asked
/// `callable(handler)`.
fn signal(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "signal", args, 3, 3)?;
    let n = int_arg(ts, &a[0])?;
    if !is_main_thread(ts) {
        return Err(ts.value_error("signal only works in main thread of the main interpreter"));
    }
    let signum = signum_arg(ts, &Value::Int(n))?;
    let disposition = match (&a[1], &a[2]) {
        (_, Value::Bool(true)) => None,
        (Value::Int(d @ (SIG_DFL | SIG_IGN)), _) => Some(*d),
        _ => {
            return Err(ts.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    let old = ts.rt.signal_handlers.get(signum);
    if set_os_handler(signum as i32, disposition).is_err() {
        return Err(errno_error(ts));
    }
    ts.rt.signal_handlers.set(signum, a[1].clone());
    Ok(old)
}

fn getsignal(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getsignal", args, 1, 1)?;
    let signum = signum_arg(ts, &a[0])?;
    Ok(ts.rt.signal_handlers.get(signum))
}

/// `raise_signal(signalnum)`: sends the signal to this thread; its handler has run (in the
/// main thread) when this returns.
fn raise_signal(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "raise_signal", args, 1, 1)?;
    let signum = int_arg(ts, &a[0])?;
    let signum = i32::try_from(signum).unwrap_or(-1);
    // SAFETY: `raise` accepts any number (an invalid one fails with EINVAL); a signal with a
    // Python handler only trips an atomic flag here.
    if unsafe { libc::raise(signum) } != 0 {
        return Err(errno_error(ts));
    }
    handle_pending(ts)?;
    Ok(Value::None)
}

/// `strsignal(signalnum)`: the system's description, `None` for an unknown signal.
fn strsignal(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "strsignal", args, 1, 1)?;
    let signum = signum_arg(ts, &a[0])?;
    // SAFETY: `strsignal` returns a NUL-terminated string (or null), read before any other
    // call to it (callers hold the GIL).
    let text = unsafe {
        let p = libc::strsignal(signum as i32);
        if p.is_null() {
            return Ok(Value::None);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    Ok(match text.contains("Unknown signal") {
        true => Value::None,
        false => Value::new_str(text),
    })
}

/// `_valid_signals()`: the numbers this system accepts (`signal.py` makes it a set).
fn valid_signals(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "valid_signals", args, 0, 0)?;
    // SAFETY: `set` is a plain bit set filled by `sigfillset` before it is read.
    let valid = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        (1..NSIG as i32)
            .filter(|&n| libc::sigismember(&set, n) == 1)
            .map(|n| Value::Int(n as i64))
            .collect()
    };
    Ok(Value::new_list(valid))
}

/// `_pthread_sigmask(how, signums)`: changes this thread's blocked signals (`signal.py`
/// turns the mask into a list of ints and the old mask into a set).
fn pthread_sigmask(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "pthread_sigmask", args, 2, 2)?;
    let how = i32::try_from(int_arg(ts, &a[0])?).unwrap_or(-1);
    let signums = match a[1].obj().map(|o| &**o) {
        Some(crate::object::value::Obj::List(items)) => items.borrow().clone(),
        _ => return Err(ts.type_error("pthread_sigmask: the mask must be a list")),
    };
    // SAFETY: `mask` and `old` are plain bit sets, emptied before use; the signal numbers
    // are checked to be in range before `sigaddset`.
    let old = unsafe {
        let mut mask: libc::sigset_t = std::mem::zeroed();
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut mask);
        libc::sigemptyset(&mut old);
        for signum in &signums {
            libc::sigaddset(&mut mask, signum_arg(ts, signum)? as i32);
        }
        let err = libc::pthread_sigmask(how, &mask, &mut old);
        if err != 0 {
            return Err(os_error(ts, err));
        }
        old
    };
    // SAFETY: `old` was filled by `pthread_sigmask`.
    let blocked = (1..NSIG as i32)
        .filter(|&n| unsafe { libc::sigismember(&old, n) } == 1)
        .map(|n| Value::Int(n as i64))
        .collect();
    Ok(Value::new_list(blocked))
}

/// `alarm(seconds)`: SIGALRM after `seconds` (0 cancels); the seconds left of the old alarm.
fn alarm(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "alarm", args, 1, 1)?;
    let seconds = int_arg(ts, &a[0])? as libc::c_uint;
    // SAFETY: `alarm` takes any value and cannot fail.
    Ok(Value::Int(unsafe { libc::alarm(seconds) } as i64))
}

/// `pause()`: waits for a signal, whose handler has run when it returns.
fn pause(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "pause", args, 0, 0)?;
    interruptible::wait(ts, None, |until| {
        let until = until.unwrap_or_else(|| Instant::now() + interruptible::SLICE);
        while !pending() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(1).min(until - Instant::now()));
        }
        pending().then_some(())
    })?;
    handle_pending(ts)?;
    Ok(Value::None)
}

fn seconds_arg(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        other => int_arg(ts, other).map(|i| i as f64),
    }
}

fn timeval(seconds: f64) -> libc::timeval {
    let seconds = seconds.max(0.0);
    libc::timeval {
        tv_sec: seconds.trunc() as libc::time_t,
        tv_usec: (seconds.fract() * 1e6) as libc::suseconds_t,
    }
}

fn itimer_tuple(value: &libc::itimerval) -> Value {
    let secs = |t: &libc::timeval| Value::Float(t.tv_sec as f64 + t.tv_usec as f64 / 1e6);
    Value::new_tuple(vec![secs(&value.it_value), secs(&value.it_interval)])
}

/// `setitimer(which, seconds, interval=0.0)`: the old `(delay, interval)`.
fn setitimer(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setitimer", args, 2, 3)?;
    let which = int_arg(ts, &a[0])? as libc::c_int;
    let interval = a.get(2).map_or(Ok(0.0), |v| seconds_arg(ts, v))?;
    let new = libc::itimerval {
        it_value: timeval(seconds_arg(ts, &a[1])?),
        it_interval: timeval(interval),
    };
    // SAFETY: both pointers are to valid `itimerval`s; an invalid `which` fails with EINVAL.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::setitimer(which, &new, &mut old) } != 0 {
        return Err(errno_error(ts));
    }
    Ok(itimer_tuple(&old))
}

/// `getitimer(which)`: the timer's `(delay, interval)`.
fn getitimer(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getitimer", args, 1, 1)?;
    let which = int_arg(ts, &a[0])? as libc::c_int;
    // SAFETY: a zeroed `itimerval` is a valid output buffer; an invalid `which` fails.
    let mut value: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::getitimer(which, &mut value) } != 0 {
        return Err(errno_error(ts));
    }
    Ok(itimer_tuple(&value))
}
