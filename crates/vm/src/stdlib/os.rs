//! The native part of the `os` module (process, working directory, file system queries) and
//! the `OSError` values file operations raise.

use std::path::Path;

use crate::interp::sandbox::capabilities::environment_visible;
use crate::interp::sandbox::{check_path, check_process, Access};
use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::{new_exception, ExcKind, PyResult};
use crate::object::value::{ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::dict::Dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::module::new_module;
use crate::stdlib::{add_functions, run_embedded};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getcwd", getcwd),
    ("getpid", getpid),
    ("kill", kill),
    ("listdir", listdir),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("remove", remove),
    ("unlink", remove),
    ("rename", rename),
    ("_kind", kind),
    ("_getsize", getsize),
];

/// Adds the native functions, `environ`, `sep`, `linesep` and `name` to the module `dict`.
/// The module's native part: [`fill`], and `os.path` (the module `posixpath`, also registered
/// as `os.path`); `os.py` runs after it.
pub fn init(ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    fill(dict, environment_visible(ts));
    let (path_module, path_dict) = new_module("posixpath");
    add_functions(&path_dict, FUNCTIONS);
    run_embedded(ts, "posixpath", include_str!("posixpath.py"), &path_dict)?;
    store_dict(dict, &Value::new_str("path"), path_module.clone());
    store_dict(&ts.rt.sys_modules, &Value::new_str("os.path"), path_module);
    Ok(())
}

/// `environment`: whether `os.environ` shows the process's environment (a sandbox without the
/// process capability shows an empty one).
pub fn fill(dict: &ObjRef, environment: bool) {
    add_functions(dict, FUNCTIONS);
    let mut environ = Dict::new();
    for (k, v) in std::env::vars().filter(|_| environment) {
        environ.set_str(&k, Value::new_str(v));
    }
    let put = |name: &str, v: Value| store_dict(dict, &Value::new_str(name), v);
    put("environ", Value::new_dict(environ));
    put("sep", Value::new_str("/"));
    put("linesep", Value::new_str("\n"));
    put("name", Value::new_str("posix"));
    for &(name, flag) in OPEN_FLAGS {
        put(name, Value::Int(flag.into()));
    }
}

/// The `open(2)` flags, with the C library's values (`_posixshmem.shm_open` takes them).
const OPEN_FLAGS: &[(&str, libc::c_int)] = &[
    ("O_RDONLY", libc::O_RDONLY),
    ("O_WRONLY", libc::O_WRONLY),
    ("O_RDWR", libc::O_RDWR),
    ("O_ACCMODE", libc::O_ACCMODE),
    ("O_APPEND", libc::O_APPEND),
    ("O_CREAT", libc::O_CREAT),
    ("O_EXCL", libc::O_EXCL),
    ("O_TRUNC", libc::O_TRUNC),
    ("O_NONBLOCK", libc::O_NONBLOCK),
    ("O_NDELAY", libc::O_NDELAY),
    ("O_NOCTTY", libc::O_NOCTTY),
    ("O_CLOEXEC", libc::O_CLOEXEC),
    ("O_DIRECTORY", libc::O_DIRECTORY),
    ("O_NOFOLLOW", libc::O_NOFOLLOW),
    ("O_SYNC", libc::O_SYNC),
    ("O_DSYNC", libc::O_DSYNC),
];

/// The `OSError` subclass CPython raises for `err`, as `Class(errno, strerror)` with
/// `filename` set.
pub fn os_error(ts: &ThreadState, err: &std::io::Error, filename: &str) -> ObjRef {
    use std::io::ErrorKind as K;
    let kind = match err.kind() {
        K::NotFound => ExcKind::FileNotFoundError,
        K::AlreadyExists => ExcKind::FileExistsError,
        K::PermissionDenied => ExcKind::PermissionError,
        _ => match err.raw_os_error() {
            Some(21) => ExcKind::IsADirectoryError,
            Some(20) => ExcKind::NotADirectoryError,
            _ => ExcKind::OSError,
        },
    };
    let errno = err.raw_os_error().unwrap_or(0);
    let strerror = strerror(err);
    let exc = new_exception(
        ts.exc_class(kind),
        vec![Value::Int(errno.into()), Value::new_str(&strerror)],
    );
    if let Some(inst) = Value::Obj(exc.clone()).as_instance() {
        inst.set_attr_str("errno", Value::Int(errno.into()));
        inst.set_attr_str("strerror", Value::new_str(strerror));
        inst.set_attr_str("filename", Value::new_str(filename));
    }
    exc
}

/// The C library's message for `err` (Rust's `Display` appends " (os error N)").
fn strerror(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn path_arg(ts: &ThreadState, name: &str, args: &Args, index: usize) -> PyResult<String> {
    match args.pos.get(index).and_then(|v| v.as_str()) {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(ts.type_error(format!(
            "{name}: path should be string, bytes or os.PathLike"
        ))),
    }
}

fn getcwd(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "getcwd", args, 0, 0)?;
    let cwd = std::env::current_dir().map_err(|e| os_error(ts, &e, "."))?;
    Ok(Value::new_str(cwd.to_string_lossy()))
}

fn getpid(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "getpid", args, 0, 0)?;
    check_process(ts, "reading the process id")?;
    Ok(Value::Int(std::process::id().into()))
}

/// `kill(pid, sig)`: sends a signal; one sent to this process has had its Python handler run
/// (in the main thread) when this returns, as in CPython.
fn kill(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "kill", args, 2, 2)?;
    let pid = crate::object::args::int_arg(ts, &a[0])?;
    let signal = crate::object::args::int_arg(ts, &a[1])?;
    let (Ok(pid), Ok(signal)) = (libc::pid_t::try_from(pid), libc::c_int::try_from(signal)) else {
        return Err(ts.new_exc(
            ExcKind::OverflowError,
            "signed integer is greater than maximum",
        ));
    };
    // To this process: sent to this thread, so that it lands before `kill` returns (the
    // kernel would pick the process's first thread, which under `gilvm` is not this one).
    let own = pid == std::process::id() as libc::pid_t;
    // SAFETY: `kill` and `raise` take any pid and signal number (bad ones fail with an errno).
    let failed = unsafe {
        match own {
            true => libc::raise(signal),
            false => libc::kill(pid, signal),
        }
    };
    if failed != 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(crate::stdlib::socket::errors::os_error(ts, errno));
    }
    crate::interp::signals::handle_pending(ts)?;
    Ok(Value::None)
}

fn listdir(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "listdir", args, 0, 1)?;
    let path = if args.pos.is_empty() {
        ".".to_string()
    } else {
        path_arg(ts, "listdir", args, 0)?
    };
    check_path(ts, Access::Read, &path)?;
    let entries = std::fs::read_dir(&path).map_err(|e| os_error(ts, &e, &path))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| os_error(ts, &e, &path))?;
        names.push(Value::new_str(entry.file_name().to_string_lossy()));
    }
    Ok(Value::new_list(names))
}

/// Runs a one-path file system operation, turning its failure into an `OSError`.
fn path_op(
    ts: &mut ThreadState,
    name: &str,
    args: &Args,
    op: fn(&str) -> std::io::Result<()>,
) -> PyResult {
    positional(ts, name, args, 1, 1)?;
    let path = path_arg(ts, name, args, 0)?;
    check_path(ts, Access::Write, &path)?;
    op(&path).map_err(|e| os_error(ts, &e, &path))?;
    Ok(Value::None)
}

/// `mkdir(path, mode=0o777)` (the mode less the umask, as `mkdir(2)` does).
fn mkdir(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    use std::os::unix::fs::DirBuilderExt;
    positional(ts, "mkdir", args, 1, 2)?;
    let path = path_arg(ts, "mkdir", args, 0)?;
    let mode = match args.pos.get(1) {
        Some(mode) => crate::object::args::int_arg(ts, mode)? as u32,
        None => 0o777,
    };
    check_path(ts, Access::Write, &path)?;
    let created = std::fs::DirBuilder::new().mode(mode).create(&path);
    created.map_err(|e| os_error(ts, &e, &path))?;
    Ok(Value::None)
}

fn rmdir(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    path_op(ts, "rmdir", args, |p| std::fs::remove_dir(p))
}

fn remove(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    path_op(ts, "remove", args, |p| std::fs::remove_file(p))
}

fn rename(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "rename", args, 2, 2)?;
    let from = path_arg(ts, "rename", args, 0)?;
    let to = path_arg(ts, "rename", args, 1)?;
    check_path(ts, Access::Write, &from)?;
    check_path(ts, Access::Write, &to)?;
    std::fs::rename(&from, &to).map_err(|e| os_error(ts, &e, &from))?;
    Ok(Value::None)
}

/// `_kind(path)`: `"file"`, `"dir"`, `"other"`, or `None` when nothing is there.
fn kind(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "_kind", args, 1, 1)?;
    let path = path_arg(ts, "_kind", args, 0)?;
    check_path(ts, Access::Read, &path)?;
    Ok(match Path::new(&path).metadata() {
        Ok(m) if m.is_file() => Value::new_str("file"),
        Ok(m) if m.is_dir() => Value::new_str("dir"),
        Ok(_) => Value::new_str("other"),
        Err(_) => Value::None,
    })
}

fn getsize(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "getsize", args, 1, 1)?;
    let path = path_arg(ts, "getsize", args, 0)?;
    check_path(ts, Access::Read, &path)?;
    let meta = Path::new(&path)
        .metadata()
        .map_err(|e| os_error(ts, &e, &path))?;
    Ok(Value::Int(meta.len() as i64))
}
