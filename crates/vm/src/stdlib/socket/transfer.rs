//! `socket.socket` methods that connect and move data: accept, connect, recv*, send*,
//! shutdown. Each goes through `io::call`, which decides where the GIL is released.

use crate::object::alloc::{self, OrMemoryError};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use rustix::buffer::spare_capacity;
use rustix::io::Errno;
use rustix::net::{sockopt, RecvFlags, SendFlags, Shutdown, SocketFlags};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::{exc_data, ExcKind, PyResult};
use crate::object::typeobj::Instance;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::objects::function::Args;
use crate::stdlib::socket::handle::handle_of;
use crate::stdlib::socket::io::{self, Wait};
use crate::stdlib::socket::methods::{any_to_value, attach};
use crate::stdlib::socket::params::{bind, bytes_arg, int_or};
use crate::stdlib::socket::{addr, errors};

fn new_bytes(data: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(Obj::Bytes(data.into_boxed_slice())))
}

/// `accept()` → `(conn, address)`; `conn` is of the listening socket's class.
pub fn accept(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "accept", args, 0, 0)?;
    let handle = handle_of(ts, this)?;
    let fd = handle.fd(ts)?;
    let flags = SocketFlags::NONBLOCK | SocketFlags::CLOEXEC;
    let (conn_fd, peer) = io::call(ts, &fd, handle.timeout.get(), Wait::Readable, |fd| {
        rustix::net::acceptfrom_with(fd, flags)
    })?;
    let peer = any_to_value(ts, peer)?;
    let class = crate::object::class_of::class_of(ts, this);
    let conn = Value::Obj(ObjRef::new(Obj::Instance(Instance::new(
        class,
        Dict::new(),
        None,
    ))));
    attach(&conn, conn_fd, handle.family, handle.kind, 0);
    Ok(Value::new_tuple(vec![conn, peer]))
}

/// Connects, waiting (within the timeout) for the handshake of a non-blocking connect.
pub fn connect_to(ts: &mut ThreadState, this: &Value, address: &Value, method: &str) -> PyResult {
    let handle = handle_of(ts, this)?;
    let fd = handle.fd(ts)?;
    let address: SocketAddr = addr::parse(ts, handle.family, address, method)?;
    let timeout = handle.timeout.get();
    let mut started = false;
    io::call(ts, &fd, timeout, Wait::Writable, |fd| {
        if std::mem::replace(&mut started, true) {
            return sockopt::socket_error(fd)?;
        }
        match rustix::net::connect(fd, &address) {
            // In progress: wait until writable, then read the outcome (above).
            Err(Errno::INPROGRESS) if timeout != Some(Duration::ZERO) => Err(Errno::AGAIN),
            other => other,
        }
    })?;
    Ok(Value::None)
}

pub fn connect(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "connect", args, 1, 1)?;
    connect_to(ts, this, &a[0], "connect")
}

/// `connect_ex(address)`: the errno instead of an `OSError` (0 on success).
pub fn connect_ex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "connect_ex", args, 1, 1)?;
    match connect_to(ts, this, &a[0], "connect_ex") {
        Ok(_) => Ok(Value::Int(0)),
        Err(exc) if ts.exc_matches(&exc, ExcKind::OSError) => {
            let errno = exc_data(&exc).and_then(|d| match d.borrow().args.first() {
                Some(Value::Int(e)) => Some(*e),
                _ => None,
            });
            errno.map(Value::Int).ok_or(exc)
        }
        Err(exc) => Err(exc),
    }
}

/// The `bufsize` and `flags` arguments of `recv`/`recvfrom`.
fn recv_args(ts: &ThreadState, name: &str, args: &Args) -> PyResult<(usize, RecvFlags)> {
    let a = bind(ts, name, args, &["bufsize", "flags"], 1)?;
    let size = int_or(ts, a[0], 0)?;
    let size = usize::try_from(size)
        .map_err(|_| ts.value_error(format!("negative buffersize in {name}")))?;
    let flags = int_or(ts, a[1], 0)?;
    Ok((size, RecvFlags::from_bits_retain(flags as u32)))
}

pub fn recv(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (size, flags) = recv_args(ts, "recv", args)?;
    let handle = handle_of(ts, this)?;
    let fd = handle.fd(ts)?;
    let mut buf = alloc::vec_with_capacity(size).or_memory_error(ts)?;
    if size > 0 {
        io::call(ts, &fd, handle.timeout.get(), Wait::Readable, |fd| {
            rustix::net::recv(fd, spare_capacity(&mut buf), flags)
        })?;
    }
    Ok(new_bytes(buf))
}

/// `recv_into(buffer[, nbytes[, flags]])` → the count of bytes received into the start of
/// the `bytearray` `buffer` (`nbytes` 0: as many as it holds).
pub fn recv_into(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = bind(ts, "recv_into", args, &["buffer", "nbytes", "flags"], 1)?;
    // A view of the buffer exports it for the whole call: it cannot be resized meanwhile,
    // and nothing else about it is held while the receive waits.
    let target = a[0].unwrap_or(&Value::None);
    let view = crate::objects::memoryview::construct(ts, target).ok();
    let Some(Obj::MemoryView(view)) = view.as_ref().and_then(Value::obj).map(|o| &**o) else {
        return Err(not_writable(ts, target));
    };
    if view.layout.readonly {
        return Err(not_writable(ts, target));
    }
    let capacity = view.nbytes();
    let size = match int_or(ts, a[1], 0)? {
        0 => capacity,
        n => usize::try_from(n).map_err(|_| ts.value_error("negative buffersize in recv_into"))?,
    };
    if size > capacity {
        return Err(ts.value_error("buffer too small for requested bytes"));
    }
    let flags = RecvFlags::from_bits_retain(int_or(ts, a[2], 0)? as u32);
    let handle = handle_of(ts, this)?;
    let fd = handle.fd(ts)?;
    // The buffer cannot be lent to the GIL-free read: receive into one of our own.
    let mut buf = Vec::with_capacity(size);
    if size > 0 {
        io::call(ts, &fd, handle.timeout.get(), Wait::Readable, |fd| {
            rustix::net::recv(fd, spare_capacity(&mut buf), flags)
        })?;
    }
    view.fill(ts, &buf)?;
    Ok(Value::Int(buf.len() as i64))
}

fn not_writable(ts: &ThreadState, target: &Value) -> crate::object::value::ObjRef {
    ts.type_error(format!(
        "recv_into() argument 1 must be read-write bytes-like object, not {}",
        crate::object::class_of::type_name(ts, target)
    ))
}

/// `recvfrom(bufsize[, flags])` → `(data, address)` (`None` for a connected stream).
pub fn recvfrom(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (size, flags) = recv_args(ts, "recvfrom", args)?;
    let handle = handle_of(ts, this)?;
    let fd = handle.fd(ts)?;
    let mut buf = alloc::vec_with_capacity(size.max(1)).or_memory_error(ts)?;
    let (_, _, from) = io::call(ts, &fd, handle.timeout.get(), Wait::Readable, |fd| {
        rustix::net::recvfrom(fd, spare_capacity(&mut buf), flags)
    })?;
    buf.truncate(size);
    let from = match from {
        Some(_) => any_to_value(ts, from)?,
        None => Value::None,
    };
    Ok(Value::new_tuple(vec![new_bytes(buf), from]))
}

/// Send flags from Python's, never raising SIGPIPE (a closed peer is `BrokenPipeError`).
fn send_flags(ts: &ThreadState, v: Option<&Value>) -> PyResult<SendFlags> {
    let flags = int_or(ts, v, 0)?;
    Ok(SendFlags::from_bits_retain(flags as u32) | SendFlags::NOSIGNAL)
}

/// The `(data[, flags])` arguments of `send` and `sendall`.
/// The `(data[, flags])` arguments of `send` and `sendall`, with the view that exports
/// `data` for the whole call (so a bytearray cannot be resized while it is sent).
fn send_args<'a>(
    ts: &mut ThreadState,
    func: &str,
    args: &'a Args,
) -> PyResult<(std::borrow::Cow<'a, [u8]>, SendFlags, Option<Value>)> {
    let a = bind(ts, func, args, &["data", "flags"], 1)?;
    let data = a[0]
        .map(|v| bytes_arg(ts, v))
        .transpose()?
        .unwrap_or_default();
    let export = match a[0] {
        Some(v) if matches!(v.obj().map(|o| &**o), Some(Obj::ByteArray(_))) => {
            Some(crate::objects::memoryview::construct(ts, v)?)
        }
        _ => None,
    };
    Ok((data, send_flags(ts, a[1])?, export))
}

pub fn send(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (data, flags, _export) = send_args(ts, "send", args)?;
    let handle = handle_of(ts, this)?;
    let fd = handle.fd(ts)?;
    let sent = io::call(ts, &fd, handle.timeout.get(), Wait::Writable, |fd| {
        rustix::net::send(fd, &data, flags)
    })?;
    Ok(Value::Int(sent as i64))
}

/// `sendall(data[, flags])`: sends everything; the timeout bounds the whole call.
pub fn sendall(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (data, flags, _export) = send_args(ts, "sendall", args)?;
    let handle = handle_of(ts, this)?;
    let fd = handle.fd(ts)?;
    let timeout = handle.timeout.get();
    let deadline = timeout.map(|t| Instant::now() + t);
    let mut sent = 0;
    while sent < data.len() {
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        if left == Some(Duration::ZERO) && timeout != Some(Duration::ZERO) {
            return Err(errors::timed_out(ts));
        }
        let rest = &data[sent..];
        sent += io::call(ts, &fd, left, Wait::Writable, |fd| {
            rustix::net::send(fd, rest, flags)
        })?;
    }
    Ok(Value::None)
}

/// `sendto(data[, flags], address)`.
pub fn sendto(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "sendto", args, 2, 3)?;
    let data = bytes_arg(ts, &a[0])?;
    let flags = send_flags(ts, (a.len() == 3).then(|| &a[1]))?;
    let handle = handle_of(ts, this)?;
    let fd = handle.fd(ts)?;
    let to = addr::parse(ts, handle.family, &a[a.len() - 1], "sendto")?;
    let sent = io::call(ts, &fd, handle.timeout.get(), Wait::Writable, |fd| {
        rustix::net::sendto(fd, &data, flags, &to)
    })?;
    Ok(Value::Int(sent as i64))
}

/// `shutdown(how)` with `SHUT_RD`, `SHUT_WR` or `SHUT_RDWR`.
pub fn shutdown(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "shutdown", args, 1, 1)?;
    let how = match int_arg(ts, &a[0])? as i32 {
        libc::SHUT_RD => Shutdown::Read,
        libc::SHUT_WR => Shutdown::Write,
        libc::SHUT_RDWR => Shutdown::Both,
        _ => return Err(errors::os_error(ts, libc::EINVAL)),
    };
    let fd = handle_of(ts, this)?.fd(ts)?;
    rustix::net::shutdown(&*fd, how).map_err(|e| errors::os_error(ts, e.raw_os_error()))?;
    Ok(Value::None)
}
