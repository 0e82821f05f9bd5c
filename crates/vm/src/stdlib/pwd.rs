//! The native part of `pwd`: the password database through the C library's reentrant
//! `getpwnam_r`/`getpwuid_r` (so NSS sources count, as in CPython) and `getpwent` for
//! `getpwall`.

use std::ffi::{CStr, CString};

use crate::interp::sandbox::check_process;
use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional, str_arg};
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_getpwnam", getpwnam),
    ("_getpwuid", getpwuid),
    ("_getpwall", getpwall),
];

/// The seven fields of an entry, as `struct_passwd` takes them.
fn entry(pw: &libc::passwd) -> Value {
    let text = |p: *const libc::c_char| {
        if p.is_null() {
            return Value::new_str("");
        }
        // SAFETY: the C library's entry holds NUL-terminated strings that live as long as
        // the buffer it was filled into, which outlives this call.
        let s = unsafe { CStr::from_ptr(p) };
        Value::new_str(s.to_string_lossy())
    };
    Value::new_tuple(vec![
        text(pw.pw_name),
        text(pw.pw_passwd),
        Value::Int(pw.pw_uid.into()),
        Value::Int(pw.pw_gid.into()),
        text(pw.pw_gecos),
        text(pw.pw_dir),
        text(pw.pw_shell),
    ])
}

/// Runs a reentrant lookup with a buffer that grows until the entry fits: the entry, or
/// `None` when there is none.
fn lookup(
    call: impl Fn(*mut libc::passwd, *mut libc::c_char, usize, *mut *mut libc::passwd) -> i32,
) -> Option<Value> {
    let mut size = 1024;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: plain data, written by the lookup.
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        let rc = call(&mut pw, buf.as_mut_ptr(), size, &mut found);
        if rc == libc::ERANGE && size < 1 << 20 {
            size *= 4;
            continue;
        }
        return (rc == 0 && !found.is_null()).then(|| entry(&pw));
    }
}

fn getpwnam(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getpwnam", args, 1, 1)?;
    let name = str_arg(ts, &a[0], "getpwnam() argument")?;
    check_process(ts, "reading the password database")?;
    let Ok(cname) = CString::new(name) else {
        return Err(ts.value_error("embedded null character"));
    };
    Ok(lookup(|pw, buf, size, found| {
        // SAFETY: every pointer is to storage this call owns, `size` is `buf`'s length.
        unsafe { libc::getpwnam_r(cname.as_ptr(), pw, buf, size, found) }
    })
    .unwrap_or(Value::None))
}

fn getpwuid(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getpwuid", args, 1, 1)?;
    let uid = int_arg(ts, &a[0])?;
    check_process(ts, "reading the password database")?;
    let Ok(uid) = libc::uid_t::try_from(uid) else {
        return Ok(Value::None);
    };
    Ok(lookup(|pw, buf, size, found| {
        // SAFETY: every pointer is to storage this call owns, `size` is `buf`'s length.
        unsafe { libc::getpwuid_r(uid, pw, buf, size, found) }
    })
    .unwrap_or(Value::None))
}

fn getpwall(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "getpwall", args, 0, 0)?;
    check_process(ts, "reading the password database")?;
    let mut entries = Vec::new();
    // SAFETY: the `getpwent` walk is not reentrant; the GIL is held throughout, so no other
    // thread of this interpreter walks it at the same time, and each entry is copied out
    // before the next call overwrites it.
    unsafe {
        libc::setpwent();
        loop {
            let pw = libc::getpwent();
            if pw.is_null() {
                break;
            }
            entries.push(entry(&*pw));
        }
        libc::endpwent();
    }
    Ok(Value::new_list(entries))
}
