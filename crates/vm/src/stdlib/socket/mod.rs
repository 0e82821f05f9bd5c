//! The `socket` module: BSD sockets over the OS (TCP/UDP, IPv4/IPv6) with CPython's API,
//! blocking semantics, timeouts and exceptions. `socket.socket` is a class whose instances
//! hold their OS socket in a [`SocketHandle`] (closed when the last reference goes); how
//! calls block and release the GIL is in [`io`].

mod addr;
pub mod errors;
mod handle;
mod io;
mod methods;
mod options;
mod params;
mod transfer;

pub use handle::SocketHandle;

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::{ExcKind, PyResult};
use crate::object::typeobj::{Instance, TypeId, TypeObj};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::dict::Dict;
use crate::objects::function::{Args, NativeFn, NativeFunction};

const CONSTANTS: &[(&str, i32)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC),
    ("AF_INET", libc::AF_INET),
    ("AF_UNIX", libc::AF_UNIX),
    ("AF_INET6", libc::AF_INET6),
    ("SOCK_STREAM", libc::SOCK_STREAM),
    ("SOCK_DGRAM", libc::SOCK_DGRAM),
    ("SOL_SOCKET", libc::SOL_SOCKET),
    ("SO_REUSEADDR", libc::SO_REUSEADDR),
    ("SO_REUSEPORT", libc::SO_REUSEPORT),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
    ("SO_BROADCAST", libc::SO_BROADCAST),
    ("SO_RCVBUF", libc::SO_RCVBUF),
    ("SO_SNDBUF", libc::SO_SNDBUF),
    ("SO_TYPE", libc::SO_TYPE),
    ("SO_ERROR", libc::SO_ERROR),
    ("IPPROTO_TCP", libc::IPPROTO_TCP),
    ("IPPROTO_UDP", libc::IPPROTO_UDP),
    ("TCP_NODELAY", libc::TCP_NODELAY),
    ("SHUT_RD", libc::SHUT_RD),
    ("SHUT_WR", libc::SHUT_WR),
    ("SHUT_RDWR", libc::SHUT_RDWR),
    ("SOMAXCONN", libc::SOMAXCONN),
    ("MSG_PEEK", libc::MSG_PEEK),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
    ("AI_PASSIVE", libc::AI_PASSIVE),
    ("AI_CANONNAME", libc::AI_CANONNAME),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC),
];

const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", methods::init),
    ("__enter__", methods::enter),
    ("__exit__", methods::exit),
    ("close", methods::close),
    ("detach", methods::detach),
    ("fileno", methods::fileno),
    ("bind", methods::bind_address),
    ("listen", methods::listen),
    ("getsockname", methods::getsockname),
    ("getpeername", methods::getpeername),
    ("settimeout", methods::settimeout),
    ("gettimeout", methods::gettimeout),
    ("setblocking", methods::setblocking),
    ("getblocking", methods::getblocking),
    ("setsockopt", options::setsockopt),
    ("getsockopt", options::getsockopt),
    ("accept", transfer::accept),
    ("connect", transfer::connect),
    ("connect_ex", transfer::connect_ex),
    ("recv", transfer::recv),
    ("recv_into", transfer::recv_into),
    ("recvfrom", transfer::recvfrom),
    ("send", transfer::send),
    ("sendall", transfer::sendall),
    ("sendto", transfer::sendto),
    ("shutdown", transfer::shutdown),
];

/// Functions of the module that receive the `socket` class as their bound receiver.
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("create_connection", create_connection),
    ("getaddrinfo", getaddrinfo),
    ("getdefaulttimeout", getdefaulttimeout),
    ("socketpair", socketpair),
];

pub fn fill(ts: &mut ThreadState, dict: &ObjRef) {
    let put = |name: &str, v: Value| store_dict(dict, &Value::new_str(name), v);
    for (name, value) in CONSTANTS {
        put(name, Value::Int(*value as i64));
    }
    let object = ts.rt.type_obj(TypeId::Object).clone();
    let class = new_class("socket", vec![object], false);
    if let Obj::Type(t) = &*class {
        let mut methods = t.dict_mut();
        for (name, f) in METHODS {
            methods.set_str(name, native(name, *f, Value::Null, true));
        }
    }
    put("socket", Value::Obj(class.clone()));
    put("SocketType", Value::Obj(class.clone()));
    for (name, f) in FUNCTIONS {
        put(name, native(name, *f, Value::Obj(class.clone()), false));
    }
    let os_error = ts.exc_class(ExcKind::OSError).clone();
    put("error", Value::Obj(os_error.clone()));
    put(
        "timeout",
        Value::Obj(ts.exc_class(ExcKind::TimeoutError).clone()),
    );
    put(
        "gaierror",
        Value::Obj(new_class("gaierror", vec![os_error.clone()], true)),
    );
    put(
        "herror",
        Value::Obj(new_class("herror", vec![os_error], true)),
    );
    put("has_ipv6", Value::Bool(true));
}

fn native(name: &'static str, f: NativeFn, this: Value, is_method: bool) -> Value {
    Value::Obj(ObjRef::new(Obj::Native(NativeFunction {
        name,
        f,
        this,
        is_method,
        reads_frame: None,
        caller_scope: false,
        of_builtin_type: None,
    })))
}

/// A class of the `socket` module with single inheritance from `bases`.
fn new_class(name: &str, bases: Vec<ObjRef>, is_exception: bool) -> ObjRef {
    let mut mro = bases.clone();
    for base in &bases {
        if let Obj::Type(t) = &**base {
            mro.extend(t.mro().iter().cloned());
        }
    }
    TypeObj::plain(
        name.to_string(),
        "socket".into(),
        bases,
        mro,
        Dict::new(),
        TypeId::Object,
        is_exception,
    )
    .into_class()
}

/// `getdefaulttimeout()`: gilvm has no default timeout, so always `None`.
fn getdefaulttimeout(ts: &mut ThreadState, _class: &Value, args: &Args) -> PyResult {
    positional(ts, "getdefaulttimeout", args, 0, 0)?;
    Ok(Value::None)
}

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`: two connected sockets.
fn socketpair(ts: &mut ThreadState, class: &Value, args: &Args) -> PyResult {
    let names = ["family", "type", "proto"];
    let a = params::bind(ts, "socketpair", args, &names, 0)?;
    let family = params::int_or(ts, a[0], libc::AF_UNIX as i64)?;
    let kind = params::int_or(ts, a[1], libc::SOCK_STREAM as i64)?;
    let proto = params::int_or(ts, a[2], 0)?;
    let (Ok(family), Ok(kind), Ok(proto_raw)) = (
        u16::try_from(family),
        u32::try_from(kind),
        u32::try_from(proto),
    ) else {
        return Err(errors::os_error(ts, libc::EINVAL));
    };
    let pair = rustix::net::socketpair(
        rustix::net::AddressFamily::from_raw(family),
        rustix::net::SocketType::from_raw(kind),
        rustix::net::SocketFlags::NONBLOCK | rustix::net::SocketFlags::CLOEXEC,
        std::num::NonZeroU32::new(proto_raw).map(rustix::net::Protocol::from_raw),
    );
    let (first, second) = pair.map_err(|e| errors::os_error(ts, e.raw_os_error()))?;
    let Value::Obj(class) = class else {
        return Err(ts.type_error("socketpair() needs the socket class"));
    };
    let wrap = |fd| {
        let sock = Value::Obj(ObjRef::new(Obj::Instance(Instance::new(
            class.clone(),
            Dict::new(),
            None,
        ))));
        methods::attach(&sock, fd, family.into(), kind as i32, proto);
        sock
    };
    Ok(Value::new_tuple(vec![wrap(first), wrap(second)]))
}

/// `create_connection(address, timeout=None, source_address=None)`: tries each address of
/// the host in turn and returns the first connected socket (else raises the last error).
fn create_connection(ts: &mut ThreadState, class: &Value, args: &Args) -> PyResult {
    let names = ["address", "timeout", "source_address"];
    let a = params::bind(ts, "create_connection", args, &names, 1)?;
    let (host, port) = host_and_port(ts, a[0].unwrap_or(&Value::None))?;
    let timeout = match a[1] {
        Some(t) => params::timeout_arg(ts, t)?,
        None => None,
    };
    crate::interp::sandbox::check_address(ts, "connecting to", &host, port)?;
    let mut last_error = None;
    for target in addr::resolve(ts, &host, port, libc::AF_UNSPEC)? {
        match connect_one(ts, class, target, timeout, a[2]) {
            Ok(sock) => return Ok(sock),
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error
        .unwrap_or_else(|| ts.new_exc(ExcKind::OSError, "getaddrinfo returns an empty list")))
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: `(family, type, proto,
/// canonname, sockaddr)` for each address of `host` (`None`: the wildcard address), one per
/// socket type (stream and datagram when `type` is 0).
fn getaddrinfo(ts: &mut ThreadState, _class: &Value, args: &Args) -> PyResult {
    let names = ["host", "port", "family", "type", "proto", "flags"];
    let a = params::bind(ts, "getaddrinfo", args, &names, 2)?;
    let host = match a[0] {
        None | Some(Value::None) => String::new(),
        Some(h) => params::host_arg(ts, h)?,
    };
    let port = match a[1] {
        None | Some(Value::None) => 0,
        Some(Value::Int(p)) => *p,
        Some(p) => match p.as_str() {
            Some(s) => s.as_str().parse::<i64>().map_err(|_| {
                ts.new_exc(ExcKind::OSError, "Servname not supported for ai_socktype")
            })?,
            None => return Err(ts.type_error("getaddrinfo() argument 2 must be integer or string")),
        },
    };
    let port = u16::try_from(port).map_err(|_| {
        ts.new_exc(
            ExcKind::OverflowError,
            "getaddrinfo(): port must be 0-65535.",
        )
    })?;
    let int_at = |ts: &mut ThreadState, i: usize| match a[i] {
        Some(v) => crate::object::args::int_arg(ts, v),
        None => Ok(0),
    };
    let (family, socktype, proto) = (int_at(ts, 2)?, int_at(ts, 3)?, int_at(ts, 4)?);
    let socktypes: Vec<i64> = match socktype {
        0 => vec![libc::SOCK_STREAM as i64, libc::SOCK_DGRAM as i64],
        t => vec![t],
    };
    let mut out = Vec::new();
    for target in addr::resolve(ts, &host, port, family as i32)? {
        let family = if target.is_ipv4() {
            libc::AF_INET
        } else {
            libc::AF_INET6
        };
        for &t in &socktypes {
            let proto = match (proto, t as i32) {
                (0, libc::SOCK_STREAM) => libc::IPPROTO_TCP as i64,
                (0, libc::SOCK_DGRAM) => libc::IPPROTO_UDP as i64,
                (p, _) => p,
            };
            out.push(Value::new_tuple(vec![
                Value::Int(family as i64),
                Value::Int(t),
                Value::Int(proto),
                Value::new_str(""),
                addr::to_value(target),
            ]));
        }
    }
    Ok(Value::new_list(out))
}

fn host_and_port(ts: &ThreadState, v: &Value) -> PyResult<(String, u16)> {
    let pair = match v.obj().map(|o| &**o) {
        Some(Obj::Tuple(items)) if items.len() == 2 => items,
        _ => return Err(ts.type_error("create_connection(): address must be (host, port)")),
    };
    let host = params::host_arg(ts, &pair[0])?;
    let port = crate::object::args::int_arg(ts, &pair[1])?;
    let port = u16::try_from(port).map_err(|_| {
        ts.new_exc(
            ExcKind::OverflowError,
            "getsockaddrarg: port must be 0-65535.",
        )
    })?;
    Ok((host, port))
}

fn connect_one(
    ts: &mut ThreadState,
    class: &Value,
    target: std::net::SocketAddr,
    timeout: Option<std::time::Duration>,
    source: Option<&Value>,
) -> PyResult {
    let family = if target.is_ipv4() {
        libc::AF_INET
    } else {
        libc::AF_INET6
    };
    let fd = methods::new_fd(ts, family, libc::SOCK_STREAM, 0)?;
    let Value::Obj(class) = class else {
        return Err(ts.type_error("create_connection() needs the socket class"));
    };
    let sock = Value::Obj(ObjRef::new(Obj::Instance(Instance::new(
        class.clone(),
        Dict::new(),
        None,
    ))));
    methods::attach(&sock, fd, family, libc::SOCK_STREAM, 0);
    handle::handle_of(ts, &sock)?.timeout.set(timeout);
    if let Some(source) = source.filter(|s| !s.is_none()) {
        let args = [source.clone()];
        methods::bind_address(ts, &sock, &Args::new(&args, &[]))?;
    }
    transfer::connect_to(ts, &sock, &addr::to_value(target), "connect")?;
    Ok(sock)
}
