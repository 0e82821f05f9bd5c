//! `setsockopt` / `getsockopt` for the options gilvm knows (boolean and buffer-size ones).

use std::os::fd::OwnedFd;

use rustix::net::sockopt;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::function::Args;
use crate::stdlib::socket::errors;
use crate::stdlib::socket::handle::handle_of;

type Io<T> = rustix::io::Result<T>;

/// Sets option `(level, name)` to `value`; `None` if gilvm does not know the option.
fn set(fd: &OwnedFd, level: i32, name: i32, value: i64) -> Option<Io<()>> {
    let on = value != 0;
    let size = usize::try_from(value).unwrap_or(0);
    Some(match (level, name) {
        (libc::SOL_SOCKET, libc::SO_REUSEADDR) => sockopt::set_socket_reuseaddr(fd, on),
        (libc::SOL_SOCKET, libc::SO_REUSEPORT) => sockopt::set_socket_reuseport(fd, on),
        (libc::SOL_SOCKET, libc::SO_KEEPALIVE) => sockopt::set_socket_keepalive(fd, on),
        (libc::SOL_SOCKET, libc::SO_BROADCAST) => sockopt::set_socket_broadcast(fd, on),
        (libc::SOL_SOCKET, libc::SO_RCVBUF) => sockopt::set_socket_recv_buffer_size(fd, size),
        (libc::SOL_SOCKET, libc::SO_SNDBUF) => sockopt::set_socket_send_buffer_size(fd, size),
        (libc::IPPROTO_TCP, libc::TCP_NODELAY) => sockopt::set_tcp_nodelay(fd, on),
        _ => return None,
    })
}

/// Reads option `(level, name)`; `None` if gilvm does not know the option.
fn get(fd: &OwnedFd, level: i32, name: i32) -> Option<Io<i64>> {
    let flag = |r: Io<bool>| r.map(i64::from);
    let size = |r: Io<usize>| r.map(|n| n as i64);
    Some(match (level, name) {
        (libc::SOL_SOCKET, libc::SO_REUSEADDR) => flag(sockopt::socket_reuseaddr(fd)),
        (libc::SOL_SOCKET, libc::SO_REUSEPORT) => flag(sockopt::socket_reuseport(fd)),
        (libc::SOL_SOCKET, libc::SO_KEEPALIVE) => flag(sockopt::socket_keepalive(fd)),
        (libc::SOL_SOCKET, libc::SO_BROADCAST) => flag(sockopt::socket_broadcast(fd)),
        (libc::SOL_SOCKET, libc::SO_RCVBUF) => size(sockopt::socket_recv_buffer_size(fd)),
        (libc::SOL_SOCKET, libc::SO_SNDBUF) => size(sockopt::socket_send_buffer_size(fd)),
        (libc::SOL_SOCKET, libc::SO_TYPE) => sockopt::socket_type(fd).map(|t| t.as_raw() as i64),
        (libc::SOL_SOCKET, libc::SO_ERROR) => {
            sockopt::socket_error(fd).map(|r| r.err().map_or(0, |e| e.raw_os_error() as i64))
        }
        (libc::IPPROTO_TCP, libc::TCP_NODELAY) => flag(sockopt::tcp_nodelay(fd)),
        _ => return None,
    })
}

fn option_value(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    match v.obj().map(|o| &**o) {
        // CPython passes a bytes value as the raw option buffer; an int-sized one is an int.
        Some(Obj::Bytes(b)) if b.len() == 4 => {
            Ok(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64)
        }
        _ => int_arg(ts, v),
    }
}

fn int32(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    i32::try_from(int_arg(ts, v)?).map_err(|_| errors::os_error(ts, libc::EINVAL))
}

pub fn setsockopt(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setsockopt", args, 3, 3)?;
    let (level, name) = (int32(ts, &a[0])?, int32(ts, &a[1])?);
    let value = option_value(ts, &a[2])?;
    let fd = handle_of(ts, this)?.fd(ts)?;
    match set(&fd, level, name, value) {
        Some(Ok(())) => Ok(Value::None),
        Some(Err(e)) => Err(errors::os_error(ts, e.raw_os_error())),
        None => Err(errors::os_error(ts, libc::ENOPROTOOPT)),
    }
}

pub fn getsockopt(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getsockopt", args, 2, 2)?;
    let (level, name) = (int32(ts, &a[0])?, int32(ts, &a[1])?);
    let fd = handle_of(ts, this)?.fd(ts)?;
    match get(&fd, level, name) {
        Some(Ok(v)) => Ok(Value::Int(v)),
        Some(Err(e)) => Err(errors::os_error(ts, e.raw_os_error())),
        None => Err(errors::os_error(ts, libc::ENOPROTOOPT)),
    }
}
