//! More of `os`'s native part: `stat`/`lstat` (the fields of `os.stat_result`, which
//! `os_extra.py` builds), `chdir`, `getppid`, `strerror`.

use std::os::unix::fs::MetadataExt;

use crate::interp::sandbox::{check_path, check_process, Access};
use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::os::os_error;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_stat", stat),
    ("chdir", chdir),
    ("getppid", getppid),
    ("strerror", strerror),
];

fn path_of(ts: &ThreadState, name: &str, v: &Value) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(ts.type_error(format!(
            "{name}: path should be string, bytes, os.PathLike or integer, not {}",
            type_name(ts, v)
        ))),
    }
}

/// `_stat(path, follow_symlinks)`: the 16 fields of a stat_result, in CPython's order.
fn stat(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "stat", args, 2, 2)?;
    let path = path_of(ts, "stat", &a[0])?;
    let follow = !matches!(a[1], Value::Bool(false));
    check_path(ts, Access::Read, &path)?;
    let meta = if follow {
        std::fs::metadata(&path)
    } else {
        std::fs::symlink_metadata(&path)
    }
    .map_err(|e| os_error(ts, &e, &path))?;
    let secs = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
    let nanos = |s: i64, ns: i64| Value::Int(s * 1_000_000_000 + ns);
    Ok(Value::new_tuple(vec![
        Value::Int(meta.mode() as i64),
        Value::Int(meta.ino() as i64),
        Value::Int(meta.dev() as i64),
        Value::Int(meta.nlink() as i64),
        Value::Int(meta.uid() as i64),
        Value::Int(meta.gid() as i64),
        Value::Int(meta.size() as i64),
        Value::Int(meta.atime()),
        Value::Int(meta.mtime()),
        Value::Int(meta.ctime()),
        secs(meta.atime(), meta.atime_nsec()),
        secs(meta.mtime(), meta.mtime_nsec()),
        secs(meta.ctime(), meta.ctime_nsec()),
        nanos(meta.atime(), meta.atime_nsec()),
        nanos(meta.mtime(), meta.mtime_nsec()),
        nanos(meta.ctime(), meta.ctime_nsec()),
    ]))
}

fn chdir(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "chdir", args, 1, 1)?;
    let path = path_of(ts, "chdir", &a[0])?;
    check_process(ts, "changing the working directory")?;
    std::env::set_current_dir(&path).map_err(|e| os_error(ts, &e, &path))?;
    Ok(Value::None)
}

fn getppid(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "getppid", args, 0, 0)?;
    check_process(ts, "reading the parent process id")?;
    // SAFETY: getppid has no preconditions.
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

fn strerror(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "strerror", args, 1, 1)?;
    let code = int_arg(ts, &a[0])?;
    let text = std::io::Error::from_raw_os_error(code as i32).to_string();
    let text = match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    Ok(Value::new_str(text))
}
