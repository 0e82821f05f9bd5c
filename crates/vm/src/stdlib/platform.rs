//! The native part of `platform`: the kernel's `uname(2)`.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("_uname", uname)];

/// `(sysname, nodename, release, version, machine)` from `uname(2)`.
fn uname(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "_uname", args, 0, 0)?;
    // SAFETY: `utsname` is plain bytes, valid when zeroed; `uname` fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid, writable `utsname`.
    let ok = unsafe { libc::uname(&mut u) } == 0;
    let field = |chars: &[libc::c_char]| -> Value {
        if !ok {
            return Value::new_str("");
        }
        let bytes: Vec<u8> = chars
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| c as u8)
            .collect();
        Value::new_str(String::from_utf8_lossy(&bytes))
    };
    Ok(Value::new_tuple(vec![
        field(&u.sysname),
        field(&u.nodename),
        field(&u.release),
        field(&u.version),
        field(&u.machine),
    ]))
}
