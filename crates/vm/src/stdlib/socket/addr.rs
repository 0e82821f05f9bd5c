//! Socket addresses as Python sees them: `(host, port)` tuples for AF_INET,
//! `(host, port, flowinfo, scope_id)` for AF_INET6; host names are resolved.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6, ToSocketAddrs};

use crate::interp::thread_state::ThreadState;
use crate::object::args::int_arg;
use crate::object::class_of::type_name;
use crate::object::error::{new_exception, ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::dict_get;

/// Parses the address argument of `method` for a socket of `family`.
pub fn parse(ts: &mut ThreadState, family: i32, v: &Value, method: &str) -> PyResult<SocketAddr> {
    let family_name = if family == libc::AF_INET6 {
        "AF_INET6"
    } else {
        "AF_INET"
    };
    let items = match v.obj().map(|o| &**o) {
        Some(Obj::Tuple(items)) => items.clone(),
        _ => {
            return Err(ts.type_error(format!(
                "{method}(): {family_name} address must be tuple, not {}",
                type_name(ts, v)
            )))
        }
    };
    let arity_ok = match family {
        libc::AF_INET6 => (2..=4).contains(&items.len()),
        _ => items.len() == 2,
    };
    if !arity_ok {
        return Err(ts.type_error(format!("{family_name} address must be a pair (host, port)")));
    }
    let host = items[0]
        .as_str()
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| {
            ts.type_error(format!(
                "str, bytes or bytearray expected, not {}",
                type_name(ts, &items[0])
            ))
        })?;
    let port = int_arg(ts, &items[1])?;
    let port = u16::try_from(port).map_err(|_| {
        ts.new_exc(
            ExcKind::OverflowError,
            format!("{method}(): port must be 0-65535."),
        )
    })?;
    let action = match method {
        "bind" => "binding",
        "sendto" => "sending to",
        _ => "connecting to",
    };
    crate::interp::sandbox::check_address(ts, action, &host, port)?;
    let mut addr = resolve(ts, &host, port, family)?
        .into_iter()
        .next()
        .ok_or_else(|| gaierror(ts, -9, "Address family for hostname not supported"))?;
    if let (SocketAddr::V6(v6), Some(flow)) = (&mut addr, items.get(2)) {
        v6.set_flowinfo(int_arg(ts, flow)? as u32);
        if let Some(scope) = items.get(3) {
            v6.set_scope_id(int_arg(ts, scope)? as u32);
        }
    }
    Ok(addr)
}

/// The addresses of `host` for `family` (`AF_UNSPEC`: both), `''` meaning "any".
pub fn resolve(
    ts: &mut ThreadState,
    host: &str,
    port: u16,
    family: i32,
) -> PyResult<Vec<SocketAddr>> {
    let any = match family {
        libc::AF_INET6 => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        _ => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
    };
    let found: Vec<SocketAddr> = match host {
        "" => vec![SocketAddr::new(any, port)],
        "<broadcast>" => vec![SocketAddr::new(IpAddr::V4(Ipv4Addr::BROADCAST), port)],
        _ => match host.parse::<IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, port)],
            Err(_) => {
                let query = (host.to_string(), port);
                ts.allow_threads(move || query.to_socket_addrs().map(Vec::from_iter))
                    .map_err(|_| gaierror(ts, -2, "Name or service not known"))?
            }
        },
    };
    Ok(found
        .into_iter()
        .filter(|a| match family {
            libc::AF_INET => a.is_ipv4(),
            libc::AF_INET6 => a.is_ipv6(),
            _ => true,
        })
        .collect())
}

/// `socket.gaierror(code, message)` (an `OSError` if the module is not imported).
fn gaierror(ts: &ThreadState, code: i64, message: &str) -> ObjRef {
    let module = dict_get(&ts.rt.sys_modules, &Value::new_str("socket"));
    let class = module.and_then(|m| match m.obj().map(|o| &**o) {
        Some(Obj::Module { dict, .. }) => dict_get(dict, &Value::new_str("gaierror")),
        _ => None,
    });
    let class = match class {
        Some(Value::Obj(c)) => c,
        _ => ts.exc_class(ExcKind::OSError).clone(),
    };
    new_exception(&class, vec![Value::Int(code), Value::new_str(message)])
}

/// The Python form of `addr`.
pub fn to_value(addr: SocketAddr) -> Value {
    match addr {
        SocketAddr::V4(v4) => Value::new_tuple(vec![
            Value::new_str(v4.ip().to_string()),
            Value::Int(v4.port() as i64),
        ]),
        SocketAddr::V6(v6) => v6_value(&v6),
    }
}

fn v6_value(v6: &SocketAddrV6) -> Value {
    Value::new_tuple(vec![
        Value::new_str(v6.ip().to_string()),
        Value::Int(v6.port() as i64),
        Value::Int(v6.flowinfo() as i64),
        Value::Int(v6.scope_id() as i64),
    ])
}
