//! The native part of `select`: one `poll(2)` call with the GIL released (`select.py`
//! builds `select.select`, `select.poll` and `selectors` over it).

use crate::interp::sandbox::limits::{check_tripped, wait_until};
use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("_poll", poll)];

fn int_list(ts: &ThreadState, v: &Value) -> PyResult<Vec<i64>> {
    let items: Vec<Value> = match v.obj().map(|o| &**o) {
        Some(Obj::List(l)) => l.borrow().clone(),
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => return Err(ts.type_error("_poll: expected a list")),
    };
    items.iter().map(|i| int_arg(ts, i)).collect()
}

/// `_poll(fds, events, timeout_ms)`: the `(fd, revents)` pairs that are ready; a negative
/// timeout waits for ever. The wait runs with the GIL released.
fn poll(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_poll", args, 3, 3)?;
    let fds = int_list(ts, &a[0])?;
    let events = int_list(ts, &a[1])?;
    let timeout = int_arg(ts, &a[2])?.clamp(-1, i32::MAX as i64) as i32;
    if fds.len() != events.len() {
        return Err(ts.value_error("_poll: fds and events differ in length"));
    }
    let mut set: Vec<libc::pollfd> = fds
        .iter()
        .zip(&events)
        .map(|(fd, ev)| libc::pollfd {
            fd: *fd as i32,
            events: *ev as i16,
            revents: 0,
        })
        .collect();
    let guard = std::sync::Arc::clone(&ts.guard);
    let result = ts.allow_threads(move || {
        let deadline = (timeout >= 0)
            .then(|| std::time::Instant::now() + std::time::Duration::from_millis(timeout as u64));
        let mut failure = None;
        // In slices while a sandbox limit may fire (`wait_until`).
        wait_until(&guard, deadline, |slice| {
            let wait = slice.map_or(-1, |s| s.as_millis().min(i32::MAX as u128) as i32);
            loop {
                // SAFETY: `set` is a valid array of `set.len()` pollfd structs.
                let n = unsafe { libc::poll(set.as_mut_ptr(), set.len() as libc::nfds_t, wait) };
                if n >= 0 {
                    return n > 0;
                }
                let err = std::io::Error::last_os_error();
                if err.raw_os_error() != Some(libc::EINTR) {
                    failure = Some(err);
                    return true;
                }
            }
        });
        failure.map_or(Ok(set), Err)
    });
    let set = result.map_err(|e| crate::stdlib::os::os_error(ts, &e, ""))?;
    if set.iter().all(|p| p.revents == 0) {
        check_tripped(ts)?;
    }
    Ok(Value::new_list(
        set.iter()
            .filter(|p| p.revents != 0)
            .map(|p| {
                Value::new_tuple(vec![
                    Value::Int(p.fd as i64),
                    Value::Int(p.revents as u16 as i64),
                ])
            })
            .collect(),
    ))
}
