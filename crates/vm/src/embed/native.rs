//! Rust closures as Python callables: a process-wide table of host functions, called through
//! one native trampoline that finds the closure by the index stored in the function object.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, RwLock};

use crate::embed::object::{runtime_error, ObjResult};
use crate::embed::Object;
use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::Args;
use crate::objects::function::{native_value, NativeFunction};

/// What a host function returns: the result, or the exception to raise.
pub type HostResult = ObjResult;

/// A host function: positional arguments, keyword arguments (in call order).
pub type HostFn =
    dyn Fn(&mut ThreadState, Vec<Object>, Vec<(String, Object)>) -> HostResult + Send + Sync;

struct Entry {
    name: &'static str,
    f: Arc<HostFn>,
}

/// Every host function registered in this process (entries are never removed: a function
/// object may live as long as its interpreter).
static HOST_FUNCTIONS: RwLock<Vec<Entry>> = RwLock::new(Vec::new());

/// A Python function object named `name` that calls `f`. A panic in `f` becomes a
/// `RuntimeError` carrying the panic message.
///
/// # Safety
/// `f` must not let an [`Object`] outlive its call (see [`crate::embed`]).
pub unsafe fn native_function(name: &str, f: Arc<HostFn>) -> Object {
    // One leaked name per registration: native function names are `&'static str`.
    let name: &'static str = Box::leak(name.to_string().into_boxed_str());
    let mut table = HOST_FUNCTIONS.write().unwrap_or_else(|e| e.into_inner());
    table.push(Entry { name, f });
    let index = table.len() as i64 - 1;
    Object(native_value(name, trampoline, Value::Int(index)))
}

/// [`native_function`] for a class's namespace: looked up on an instance, it binds as a
/// Python function does (a bound method whose first argument is the instance).
///
/// # Safety
/// As for [`native_function`].
pub unsafe fn native_method(name: &str, f: Arc<HostFn>) -> Object {
    // SAFETY: the caller's promise, passed on.
    let function = unsafe { native_function(name, f) };
    if let Some(Obj::Native(n)) = function.0.obj().map(|o| &**o) {
        return Object(Value::Obj(ObjRef::new(Obj::Native(NativeFunction {
            is_method: true,
            this: n.this.clone(),
            ..*n
        }))));
    }
    function
}

/// Whether `n` is a host method made by [`native_method`] (its receiver slot holds the
/// closure's index, so attribute lookup binds it as a bound method instead).
pub fn is_host_method(n: &NativeFunction) -> bool {
    let host: crate::objects::function::NativeFn = trampoline;
    n.is_method && n.f as usize == host as usize
}

fn lookup(index: &Value) -> Option<(&'static str, Arc<HostFn>)> {
    let Value::Int(i) = index else { return None };
    let table = HOST_FUNCTIONS.read().unwrap_or_else(|e| e.into_inner());
    let entry = table.get(usize::try_from(*i).ok()?)?;
    Some((entry.name, Arc::clone(&entry.f)))
}

fn trampoline(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let Some((name, f)) = lookup(this) else {
        return Err(ts.type_error("unknown host function"));
    };
    let pos = args.pos.iter().cloned().map(Object).collect();
    let kwargs = args
        .kwnames
        .iter()
        .zip(args.kwvals)
        .map(|(k, v)| {
            let key = k.as_str().map_or(String::new(), |s| s.as_str().to_string());
            (key, Object(v.clone()))
        })
        .collect();
    // Unwind safety: the state is only used by the VM between Python operations, which leave
    // it consistent; the closure's own state is its business (as with PyO3).
    let outcome = catch_unwind(AssertUnwindSafe(|| f(ts, pos, kwargs)));
    let result = outcome.unwrap_or_else(|panic| {
        let message = panic_message(panic.as_ref());
        Err(runtime_error(
            ts,
            &format!("Rust panic in native function {name}(): {message}"),
        ))
    });
    match result {
        Ok(value) => Ok(value.0),
        Err(exc) => Err(as_exception(ts, exc)),
    }
}

/// The exception to raise for an error object (a non-exception becomes a `SystemError`).
fn as_exception(ts: &ThreadState, exc: Object) -> crate::object::value::ObjRef {
    match exc.0 {
        Value::Obj(o) if crate::object::error::exc_data(&o).is_some() => o,
        _ => ts.new_exc(
            crate::object::error::ExcKind::SystemError,
            "native function failed without an exception",
        ),
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "(non-string panic payload)".to_string()
    }
}
