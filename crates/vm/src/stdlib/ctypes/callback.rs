//! Callbacks: a Python function as a C function pointer (`CFUNCTYPE(...)(func)`), through
//! libffi closures. C calls such a pointer on the thread of the foreign call that handed it
//! over (qsort's comparison): that call waits in C without the GIL and lends its thread
//! state (`LENT`), so the closure takes the GIL back, runs `_ctypes._call_callback` and
//! gives the GIL up again before returning to C.

use std::cell::Cell;
use std::ffi::c_void;
use std::sync::Mutex;

use libffi::middle::Cif;
use libffi::raw::{ffi_cif, ffi_closure, ffi_prep_closure_loc, ffi_status_FFI_OK};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{positional, str_arg};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::Value;
use crate::objects::bytes::methods::{bytes_data, new_bytes};
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::ctypes::call::{parse_all, CType};
use crate::stdlib::ctypes::memory::{address_arg, address_value};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_make_callback", make_callback),
    ("_free_callback", free_callback),
    ("_report_callback_error", report_callback_error),
];

thread_local! {
    /// The thread state of the foreign call waiting in C on this thread (null outside one).
    static LENT: Cell<*mut ThreadState> = const { Cell::new(std::ptr::null_mut()) };
}

/// Runs `call` (a foreign call) without the GIL, lending `ts` to the callbacks C makes
/// meanwhile on this thread.
pub fn lend_while<R>(ts: &mut ThreadState, call: impl FnOnce() -> R) -> R {
    ts.rt.stdout.borrow_mut().flush();
    let ts: *mut ThreadState = ts;
    let previous = LENT.with(|lent| lent.replace(ts));
    // SAFETY: `ts` comes from the caller's `&mut`, which is not used again until this
    // returns: meanwhile the thread state is reached only through `LENT`, by callbacks on
    // this thread, one at a time, each holding the GIL it takes back.
    unsafe { (*ts).gil.release_for_blocking() };
    let result = call();
    // SAFETY: as above; no callback runs any more.
    unsafe { (*ts).gil.reacquire_after_blocking() };
    LENT.with(|lent| lent.set(previous));
    result
}

/// What a closure knows: its C signature, and its code address (the key of `_ctypes.py`'s
/// table of Python functions).
struct CallbackData {
    cif: Cif,
    arg_sizes: Vec<usize>,
    result_size: usize,
    address: usize,
}

/// A live closure and the data its code reads, freed together by `_free_callback`.
struct Closure {
    closure: *mut ffi_closure,
    data: Box<CallbackData>,
}

// SAFETY: a `Closure` owns what its pointers point to; the table below only moves it
// between threads under its mutex, and nothing reads it but the closure's own code.
unsafe impl Send for Closure {}

static CLOSURES: Mutex<Vec<Closure>> = Mutex::new(Vec::new());

fn closures() -> std::sync::MutexGuard<'static, Vec<Closure>> {
    // The table stays consistent if a holder panicked: entries are pushed or removed whole.
    CLOSURES.lock().unwrap_or_else(|e| e.into_inner())
}

/// `_make_callback(argspecs, restype_spec)`: the code address of a new closure.
fn make_callback(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_make_callback", args, 2, 2)?;
    let arg_types = parse_all(ts, str_arg(ts, &a[0], "argspecs")?)?;
    let result_type = parse_all(ts, str_arg(ts, &a[1], "restype")?)?.pop();
    let closure = new_closure(arg_types, result_type).map_err(|why| match why {
        ClosureError::NoMemory => {
            ts.new_exc(ExcKind::MemoryError, "cannot allocate a ctypes callback")
        }
        ClosureError::Refused => ts.value_error("libffi cannot make this callback"),
    })?;
    let address = closure.data.address;
    closures().push(closure);
    Ok(address_value(address))
}

enum ClosureError {
    NoMemory,
    Refused,
}

/// A closure running `trampoline` for a C function of these types.
fn new_closure(arg_types: Vec<CType>, result_type: Option<CType>) -> Result<Closure, ClosureError> {
    let arg_sizes = arg_types.iter().map(|t| t.size).collect();
    let result_size = result_type.as_ref().map_or(0, |t| t.size);
    let cif = Cif::new(
        arg_types.into_iter().map(|t| t.ffi),
        result_type.map_or_else(libffi::middle::Type::void, |t| t.ffi),
    );
    let (closure, code) = libffi::low::try_closure_alloc().ok_or(ClosureError::NoMemory)?;
    let data = Box::new(CallbackData {
        cif,
        arg_sizes,
        result_size,
        address: code.as_ptr() as usize,
    });
    // SAFETY: `closure` and `code` are a fresh pair from `closure_alloc`; the cif and the
    // data live in the box that the returned `Closure` keeps with the closure.
    let status = unsafe {
        ffi_prep_closure_loc(
            closure,
            data.cif.as_raw_ptr(),
            Some(trampoline),
            &*data as *const CallbackData as *mut c_void,
            code.as_mut_ptr(),
        )
    };
    if status != ffi_status_FFI_OK {
        // SAFETY: the closure was never handed out.
        unsafe { libffi::low::closure_free(closure) };
        return Err(ClosureError::Refused);
    }
    Ok(Closure { closure, data })
}

/// `_free_callback(address)`: frees a closure (C must not call it any more).
fn free_callback(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_free_callback", args, 1, 1)?;
    let address = address_arg(ts, &a[0])?;
    let mut table = closures();
    if let Some(i) = table.iter().position(|c| c.data.address == address) {
        let gone = table.swap_remove(i);
        // SAFETY: the closure came from `closure_alloc` and is freed once, here.
        unsafe { libffi::low::closure_free(gone.closure) };
    }
    Ok(Value::None)
}

/// `_report_callback_error(func, exc)`: CPython's "Exception ignored on calling ctypes
/// callback function" report of an exception a callback raised.
fn report_callback_error(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_report_callback_error", args, 2, 2)?;
    if let Value::Obj(exc) = &a[1] {
        crate::interp::unraisable::write_unraisable(
            ts,
            Some("on calling ctypes callback function"),
            &a[0],
            exc,
        );
    }
    Ok(Value::None)
}

/// The code of every closure: the arguments' bytes to `_ctypes._call_callback`, its bytes
/// to the result. It must not unwind into C, so nothing here panics.
unsafe extern "C" fn trampoline(
    _cif: *mut ffi_cif,
    result: *mut c_void,
    args: *mut *mut c_void,
    data: *mut c_void,
) {
    // SAFETY: `data` is the `CallbackData` the closure was prepared with, alive with it.
    let data = unsafe { &*(data as *const CallbackData) };
    let values: Vec<Vec<u8>> = data
        .arg_sizes
        .iter()
        .enumerate()
        .map(|(i, &size)| {
            // SAFETY: libffi passes one pointer per argument, each to a value of its type's
            // size.
            unsafe { std::slice::from_raw_parts(*args.add(i) as *const u8, size) }.to_vec()
        })
        .collect();
    let ts = LENT.with(Cell::get);
    let bytes = if ts.is_null() {
        // Called outside a foreign call of this thread (a thread C started): no thread
        // state to run Python on; the result stays zero.
        Vec::new()
    } else {
        // SAFETY: see `lend_while`: the lending call waits in C for this to return.
        let ts = unsafe { &mut *ts };
        ts.gil.reacquire_after_blocking();
        let bytes = run_python(ts, data.address, values);
        ts.gil.release_for_blocking();
        bytes
    };
    if data.result_size > 0 {
        let room = data.result_size.max(std::mem::size_of::<u64>());
        let mut out = vec![0u8; room];
        let n = bytes.len().min(room);
        out[..n].copy_from_slice(&bytes[..n]);
        // SAFETY: libffi's result buffer holds the result type, and at least a machine word.
        unsafe { std::ptr::copy_nonoverlapping(out.as_ptr(), result as *mut u8, room) };
    }
}

/// Calls `_ctypes._call_callback(address, args)`, giving the result's bytes (none if it
/// failed: the error is reported as CPython reports it).
fn run_python(ts: &mut ThreadState, address: usize, values: Vec<Vec<u8>>) -> Vec<u8> {
    let args = Value::new_list(values.into_iter().map(new_bytes).collect());
    let called = crate::interp::import::import_module(ts, "_ctypes")
        .and_then(|m| crate::protocol::attr::get_attr(ts, &m, &Value::new_str("_call_callback")))
        .and_then(|f| {
            crate::protocol::call::call_value(ts, &f, &[address_value(address), args], &[])
        });
    match called {
        Ok(v) => bytes_data(&v).unwrap_or_default(),
        Err(exc) => {
            crate::interp::unraisable::write_unraisable(
                ts,
                Some("on calling ctypes callback function"),
                &Value::None,
                &exc,
            );
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// C calling a callback on a thread with no foreign call lending it a thread state (a
    /// thread C started) gets a zero result: nothing runs Python without a thread state.
    #[test]
    fn a_callback_without_a_lent_thread_state_returns_zero() {
        let int = || crate::stdlib::ctypes::call::parse_spec("i").expect("a valid spec");
        let closure = new_closure(vec![int(), int()], Some(int()))
            .ok()
            .expect("libffi makes a closure");
        // SAFETY: the closure's code is a C function of two ints returning an int, alive
        // until `closure` drops below.
        let f: extern "C" fn(i32, i32) -> i32 =
            unsafe { std::mem::transmute(closure.data.address as *const c_void) };
        assert_eq!(f(3, 4), 0);
        // SAFETY: made by `closure_alloc`, freed once.
        unsafe { libffi::low::closure_free(closure.closure) };
    }
}
