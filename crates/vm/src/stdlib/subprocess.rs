//! The native part of `subprocess`: starting a child (`std::process::Command`, which forks and
//! execs safely in a threaded process) with its standard streams wired to pipes, `/dev/null`,
//! the parent's or given descriptors; and waiting for it without the GIL.

use std::os::fd::{FromRawFd, IntoRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

use crate::interp::sandbox::check_process;
use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional, str_arg};
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};
use crate::protocol::iter::collect as collect_values;
use crate::stdlib::socket::errors::os_error;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("_spawn", spawn), ("_waitpid", waitpid)];

/// How a child's stream is wired (the `subprocess` constants, as `subprocess.py` passes them).
const INHERIT: i64 = -100;
const PIPE: i64 = -1;
const STDOUT: i64 = -2;
const DEVNULL: i64 = -3;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// A close-on-exec pipe: `(read end, write end)`.
fn new_pipe(ts: &ThreadState) -> PyResult<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(os_error(ts, errno()));
    }
    // SAFETY: pipe2 just opened both; each is owned once.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// A duplicate of `fd` that the child's stream can own.
fn dup(ts: &ThreadState, fd: libc::c_int) -> PyResult<OwnedFd> {
    // SAFETY: dup takes any number; a bad one fails with EBADF.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if new < 0 {
        return Err(os_error(ts, errno()));
    }
    // SAFETY: `new` was just opened and is owned once.
    Ok(unsafe { OwnedFd::from_raw_fd(new) })
}

/// The child's end of one of its streams.
enum ChildEnd {
    Inherit,
    Null,
    Fd(OwnedFd),
}

impl ChildEnd {
    fn stdio(self) -> Stdio {
        match self {
            ChildEnd::Inherit => Stdio::inherit(),
            ChildEnd::Null => Stdio::null(),
            ChildEnd::Fd(fd) => Stdio::from(fd),
        }
    }
}

/// The child's end of one stream, and the parent's end of a pipe (`-1` when there is none).
fn wire(ts: &ThreadState, mode: i64, child_reads: bool) -> PyResult<(ChildEnd, i64)> {
    Ok(match mode {
        INHERIT => (ChildEnd::Inherit, -1),
        DEVNULL => (ChildEnd::Null, -1),
        PIPE => {
            let (read, write) = new_pipe(ts)?;
            let (child, parent) = if child_reads {
                (read, write)
            } else {
                (write, read)
            };
            (ChildEnd::Fd(child), parent.into_raw_fd() as i64)
        }
        fd => {
            let fd = libc::c_int::try_from(fd).map_err(|_| os_error(ts, libc::EBADF))?;
            (ChildEnd::Fd(dup(ts, fd)?), -1)
        }
    })
}

/// stderr sent where stdout goes (`stderr=STDOUT`).
fn same_as(ts: &ThreadState, stdout: &ChildEnd) -> PyResult<ChildEnd> {
    Ok(match stdout {
        ChildEnd::Inherit => ChildEnd::Fd(dup(ts, 1)?),
        ChildEnd::Null => ChildEnd::Null,
        ChildEnd::Fd(fd) => ChildEnd::Fd(
            fd.try_clone()
                .map_err(|e| os_error(ts, e.raw_os_error().unwrap_or(libc::EBADF)))?,
        ),
    })
}

/// `_spawn(args, executable, cwd, env, stdin, stdout, stderr)`: `(pid, stdin_fd, stdout_fd,
/// stderr_fd)`, the parent's ends of the pipes asked for (`-1` for the others). `env` is a list
/// of `(name, value)` pairs or `None`; stderr may be `STDOUT`.
fn spawn(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_spawn", args, 7, 7)?;
    check_process(ts, "starting a subprocess")?;
    let argv: Vec<String> = collect_values(ts, &a[0])?
        .iter()
        .map(|v| str_arg(ts, v, "args item").map(str::to_string))
        .collect::<PyResult<_>>()?;
    let Some(arg0) = argv.first() else {
        return Err(ts.value_error("args must not be empty"));
    };
    let program = match &a[1] {
        Value::None => arg0.clone(),
        v => str_arg(ts, v, "executable")?.to_string(),
    };
    let mut command = Command::new(&program);
    command.arg0(arg0).args(&argv[1..]);
    if !a[2].is_none() {
        command.current_dir(str_arg(ts, &a[2], "cwd")?);
    }
    if !a[3].is_none() {
        command.env_clear();
        for pair in collect_values(ts, &a[3])? {
            let kv = collect_values(ts, &pair)?;
            let (Some(k), Some(v)) = (kv.first(), kv.get(1)) else {
                continue;
            };
            command.env(str_arg(ts, k, "env key")?, str_arg(ts, v, "env value")?);
        }
    }
    let (stdin, stdin_fd) = wire(ts, int_arg(ts, &a[4])?, true)?;
    let (stdout, stdout_fd) = wire(ts, int_arg(ts, &a[5])?, false)?;
    let (stderr, stderr_fd) = match int_arg(ts, &a[6])? {
        STDOUT => (same_as(ts, &stdout)?, -1),
        mode => wire(ts, mode, false)?,
    };
    command
        .stdin(stdin.stdio())
        .stdout(stdout.stdio())
        .stderr(stderr.stdio());
    let child = command.spawn();
    let child = child.map_err(|e| crate::stdlib::os::os_error(ts, &e, &program))?;
    Ok(Value::new_tuple(vec![
        Value::Int(child.id().into()),
        Value::Int(stdin_fd),
        Value::Int(stdout_fd),
        Value::Int(stderr_fd),
    ]))
}

/// `_waitpid(pid, block)`: the child's return code (`-signal` if a signal ended it), or
/// `None` if it is still running and `block` is false. A child already reaped elsewhere
/// counts as 0, as in CPython.
fn waitpid(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_waitpid", args, 2, 2)?;
    let pid = libc::pid_t::try_from(int_arg(ts, &a[0])?).map_err(|_| os_error(ts, libc::ECHILD))?;
    let flags = if crate::protocol::ops::truthy(ts, &a[1])? {
        0
    } else {
        libc::WNOHANG
    };
    loop {
        let (r, status, err) = ts.allow_threads(move || {
            let mut status = 0;
            // SAFETY: `status` is a valid out-parameter; waitpid takes any pid.
            let r = unsafe { libc::waitpid(pid, &mut status, flags) };
            (r, status, errno())
        });
        match r {
            0 => return Ok(Value::None),
            r if r > 0 => {
                let code = if libc::WIFSIGNALED(status) {
                    -libc::WTERMSIG(status)
                } else {
                    libc::WEXITSTATUS(status)
                };
                return Ok(Value::Int(code.into()));
            }
            _ if err == libc::EINTR => crate::interp::signals::handle_pending(ts)?,
            _ if err == libc::ECHILD => return Ok(Value::Int(0)),
            _ => return Err(os_error(ts, err)),
        }
    }
}
