//! The native part of `resource`: `getrlimit(2)`, `setrlimit(2)`, `getrusage(2)` and the
//! platform's constants.

use crate::interp::sandbox::check_process;
use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::PyResult;
use crate::object::value::{ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_getrlimit", getrlimit),
    ("_setrlimit", setrlimit),
    ("_getrusage", getrusage),
    ("getpagesize", getpagesize),
];

const LIMITS: &[(&str, libc::__rlimit_resource_t)] = &[
    ("RLIMIT_CPU", libc::RLIMIT_CPU),
    ("RLIMIT_FSIZE", libc::RLIMIT_FSIZE),
    ("RLIMIT_DATA", libc::RLIMIT_DATA),
    ("RLIMIT_STACK", libc::RLIMIT_STACK),
    ("RLIMIT_CORE", libc::RLIMIT_CORE),
    ("RLIMIT_RSS", libc::RLIMIT_RSS),
    ("RLIMIT_NPROC", libc::RLIMIT_NPROC),
    ("RLIMIT_NOFILE", libc::RLIMIT_NOFILE),
    ("RLIMIT_OFILE", libc::RLIMIT_NOFILE),
    ("RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK),
    ("RLIMIT_AS", libc::RLIMIT_AS),
    ("RLIMIT_SIGPENDING", libc::RLIMIT_SIGPENDING),
    ("RLIMIT_MSGQUEUE", libc::RLIMIT_MSGQUEUE),
    ("RLIMIT_NICE", libc::RLIMIT_NICE),
    ("RLIMIT_RTPRIO", libc::RLIMIT_RTPRIO),
    ("RLIMIT_RTTIME", libc::RLIMIT_RTTIME),
];

/// The constants: the limits, `RLIM_INFINITY` (as CPython shows it, a C `long long`), the
/// `RUSAGE_*` selectors and how many limits there are.
pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    let set = |name: &str, value: i64| store_dict(dict, &Value::new_str(name), Value::Int(value));
    for (name, resource) in LIMITS {
        set(name, *resource as i64);
    }
    set("RLIM_INFINITY", libc::RLIM_INFINITY as i64);
    // How many limits there are (libc's RLIM_NLIMITS, deprecated there: the kernel's grows).
    let count = LIMITS.iter().map(|(_, r)| *r as i64 + 1).max().unwrap_or(0);
    set("_RLIM_NLIMITS", count);
    set("RUSAGE_SELF", libc::RUSAGE_SELF as i64);
    set("RUSAGE_CHILDREN", libc::RUSAGE_CHILDREN as i64);
    set("RUSAGE_THREAD", libc::RUSAGE_THREAD as i64);
    Ok(())
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `_getrlimit(resource)`: `(soft, hard)`; the resource number is checked by `resource.py`.
fn getrlimit(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getrlimit", args, 1, 1)?;
    let resource = int_arg(ts, &a[0])?;
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `limit` is a valid, writable `rlimit`; a bad resource fails with EINVAL.
    if unsafe { libc::getrlimit(resource as libc::__rlimit_resource_t, &mut limit) } != 0 {
        return Err(crate::stdlib::socket::errors::os_error(ts, errno()));
    }
    Ok(Value::new_tuple(vec![
        Value::Int(limit.rlim_cur as i64),
        Value::Int(limit.rlim_max as i64),
    ]))
}

/// `_setrlimit(resource, soft, hard)`: `None`, or the errno of a refusal CPython words as a
/// `ValueError` (EINVAL, EPERM: `resource.py` words them); other failures raise `OSError`.
fn setrlimit(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setrlimit", args, 3, 3)?;
    let resource = int_arg(ts, &a[0])?;
    let soft = int_arg(ts, &a[1])?;
    let hard = int_arg(ts, &a[2])?;
    check_process(ts, "setting resource limits")?;
    let limit = libc::rlimit {
        rlim_cur: soft as libc::rlim_t,
        rlim_max: hard as libc::rlim_t,
    };
    // SAFETY: `limit` is a valid `rlimit`; bad values fail with an errno.
    if unsafe { libc::setrlimit(resource as libc::__rlimit_resource_t, &limit) } != 0 {
        return match errno() {
            e @ (libc::EINVAL | libc::EPERM) => Ok(Value::Int(e.into())),
            e => Err(crate::stdlib::socket::errors::os_error(ts, e)),
        };
    }
    Ok(Value::None)
}

fn seconds(t: libc::timeval) -> Value {
    Value::Float(t.tv_sec as f64 + t.tv_usec as f64 * 1e-6)
}

/// `_getrusage(who)`: the 16 fields of `struct_rusage`, or `None` for a bad `who`.
fn getrusage(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getrusage", args, 1, 1)?;
    let who = int_arg(ts, &a[0])?;
    let Ok(who) = libc::c_int::try_from(who) else {
        return Ok(Value::None);
    };
    // SAFETY: plain data, written by getrusage.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid, writable `rusage`; a bad `who` fails with EINVAL.
    if unsafe { libc::getrusage(who, &mut u) } != 0 {
        return Ok(Value::None);
    }
    let counts = [
        u.ru_maxrss,
        u.ru_ixrss,
        u.ru_idrss,
        u.ru_isrss,
        u.ru_minflt,
        u.ru_majflt,
        u.ru_nswap,
        u.ru_inblock,
        u.ru_oublock,
        u.ru_msgsnd,
        u.ru_msgrcv,
        u.ru_nsignals,
        u.ru_nvcsw,
        u.ru_nivcsw,
    ];
    let mut fields = vec![seconds(u.ru_utime), seconds(u.ru_stime)];
    fields.extend(counts.iter().map(|&n| Value::Int(n)));
    Ok(Value::new_tuple(fields))
}

fn getpagesize(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "getpagesize", args, 0, 0)?;
    // SAFETY: sysconf reads a constant of the system.
    Ok(Value::Int(
        unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64
    ))
}
