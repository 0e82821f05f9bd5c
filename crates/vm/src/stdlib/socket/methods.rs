//! `socket.socket` methods that create, configure, name and close sockets.

use std::os::fd::OwnedFd;
use std::rc::Rc;

use rustix::net::{AddressFamily, Protocol, SocketFlags, SocketType};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::Args;
use crate::stdlib::socket::handle::{handle_of, SocketHandle, HANDLE_ATTR};
use crate::stdlib::socket::params::{bind, int_or, timeout_arg, timeout_value};
use crate::stdlib::socket::{addr, errors};

/// Creates an OS socket, non-blocking (blocking is emulated, see `io`) and close-on-exec.
pub fn new_fd(ts: &ThreadState, family: i32, kind: i32, proto: i64) -> PyResult<OwnedFd> {
    let os_error = |e: rustix::io::Errno| errors::os_error(ts, e.raw_os_error());
    let family_raw = u16::try_from(family).map_err(|_| errors::os_error(ts, libc::EAFNOSUPPORT))?;
    let kind_raw = u32::try_from(kind).map_err(|_| errors::os_error(ts, libc::EINVAL))?;
    let proto = u32::try_from(proto)
        .ok()
        .and_then(std::num::NonZeroU32::new)
        .map(Protocol::from_raw);
    rustix::net::socket_with(
        AddressFamily::from_raw(family_raw),
        SocketType::from_raw(kind_raw),
        SocketFlags::NONBLOCK | SocketFlags::CLOEXEC,
        proto,
    )
    .map_err(os_error)
}

/// Makes `instance` the Python side of the OS socket `fd`.
pub fn attach(instance: &Value, fd: OwnedFd, family: i32, kind: i32, proto: i64) {
    let Some(inst) = instance.as_instance() else {
        return;
    };
    let handle = Rc::new(SocketHandle::new(fd, family, kind));
    inst.set_attr_str(HANDLE_ATTR, Value::Obj(ObjRef::new(Obj::Socket(handle))));
    inst.set_attr_str("family", Value::Int(family as i64));
    inst.set_attr_str("type", Value::Int(kind as i64));
    inst.set_attr_str("proto", Value::Int(proto));
}

/// `socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)`.
pub fn init(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let names = ["family", "type", "proto", "fileno"];
    let a = bind(ts, "socket", args, &names, 0)?;
    if a[3].is_some_and(|f| !f.is_none()) {
        return Err(ts.value_error("socket(): fileno is not supported by gilvm"));
    }
    let family = match int_or(ts, a[0], libc::AF_INET as i64)? {
        -1 => libc::AF_INET,
        f => i32::try_from(f).map_err(|_| errors::os_error(ts, libc::EAFNOSUPPORT))?,
    };
    let kind = match int_or(ts, a[1], libc::SOCK_STREAM as i64)? {
        -1 => libc::SOCK_STREAM,
        k => i32::try_from(k).map_err(|_| errors::os_error(ts, libc::EINVAL))?,
    };
    let proto = int_or(ts, a[2], 0)?.max(0);
    let fd = new_fd(ts, family, kind, proto)?;
    attach(this, fd, family, kind, proto);
    Ok(Value::None)
}

pub fn close(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "close", args, 0, 0)?;
    handle_of(ts, this)?.close();
    Ok(Value::None)
}

pub fn detach(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "detach", args, 0, 0)?;
    Ok(Value::Int(handle_of(ts, this)?.detach()))
}

pub fn enter(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__enter__", args, 0, 0)?;
    Ok(this.clone())
}

pub fn exit(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    handle_of(ts, this)?.close();
    let _ = args;
    Ok(Value::None)
}

pub fn fileno(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "fileno", args, 0, 0)?;
    Ok(Value::Int(handle_of(ts, this)?.fileno()))
}

pub fn bind_address(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "bind", args, 1, 1)?;
    let handle = handle_of(ts, this)?;
    let fd = handle.fd(ts)?;
    let address = addr::parse(ts, handle.family, &a[0], "bind")?;
    rustix::net::bind(&*fd, &address).map_err(|e| errors::os_error(ts, e.raw_os_error()))?;
    Ok(Value::None)
}

pub fn listen(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "listen", args, 0, 1)?;
    let backlog = match a.first() {
        Some(v) => int_arg(ts, v)?.clamp(0, i32::MAX as i64) as i32,
        None => libc::SOMAXCONN.min(128),
    };
    let fd = handle_of(ts, this)?.fd(ts)?;
    rustix::net::listen(&*fd, backlog).map_err(|e| errors::os_error(ts, e.raw_os_error()))?;
    Ok(Value::None)
}

pub fn getsockname(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "getsockname", args, 0, 0)?;
    let fd = handle_of(ts, this)?.fd(ts)?;
    let name = rustix::net::getsockname(&*fd).map_err(|e| errors::os_error(ts, e.raw_os_error()));
    any_to_value(ts, Some(name?))
}

pub fn getpeername(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "getpeername", args, 0, 0)?;
    let fd = handle_of(ts, this)?.fd(ts)?;
    let name = rustix::net::getpeername(&*fd).map_err(|e| errors::os_error(ts, e.raw_os_error()));
    any_to_value(ts, name?)
}

/// The Python form of an address the OS returned (`ENOTCONN` if there is none).
pub fn any_to_value(ts: &ThreadState, name: Option<rustix::net::SocketAddrAny>) -> PyResult {
    let name = name.ok_or_else(|| errors::os_error(ts, libc::ENOTCONN))?;
    match std::net::SocketAddr::try_from(name) {
        Ok(a) => Ok(addr::to_value(a)),
        Err(_) => Err(errors::os_error(ts, libc::EAFNOSUPPORT)),
    }
}

pub fn settimeout(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "settimeout", args, 1, 1)?;
    let timeout = timeout_arg(ts, &a[0])?;
    handle_of(ts, this)?.timeout.set(timeout);
    Ok(Value::None)
}

pub fn gettimeout(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "gettimeout", args, 0, 0)?;
    Ok(timeout_value(handle_of(ts, this)?.timeout.get()))
}

pub fn setblocking(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setblocking", args, 1, 1)?;
    let blocking = crate::protocol::ops::truthy(ts, &a[0])?;
    let timeout = (!blocking).then_some(std::time::Duration::ZERO);
    handle_of(ts, this)?.timeout.set(timeout);
    Ok(Value::None)
}

pub fn getblocking(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "getblocking", args, 0, 0)?;
    let timeout = handle_of(ts, this)?.timeout.get();
    Ok(Value::Bool(timeout != Some(std::time::Duration::ZERO)))
}
