//! The collector seen from the interpreter: collections at safe points (the eval breaker when
//! a generation's threshold is crossed, and `gc.collect()`), `__del__` finalizers — queued by
//! the release of their object's last reference, or run by a collection — and
//! `gc.callbacks`.
//!
//! A finalizer that raises is reported as CPython does ("Exception ignored in: ..." and the
//! traceback, on stderr) and never propagates.

use std::time::Instant;

use crate::interp::thread_state::ThreadState;
use crate::interp::traceback::format_exception;
use crate::object::gc::collect::{self, Collected, Finalize};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::{dict_get, new_dict_obj, store_dict};
use crate::protocol::call::call_value;
use crate::text::repr::repr;

/// The eval breaker's slow path when the heap asked for attention: queued finalizers run,
/// then a due collection.
#[cold]
pub fn at_safe_point(ts: &mut ThreadState) {
    ts.rt.heap.attention.set(false);
    run_queued_finalizers(ts);
    if let Some(generation) = ts.rt.heap.due() {
        collect(ts, generation);
    }
}

/// Runs the `__del__` of objects whose last reference went since the last safe point.
pub fn run_queued_finalizers(ts: &mut ThreadState) {
    loop {
        let queued = std::mem::take(&mut *ts.rt.heap.finalizers.borrow_mut());
        if queued.is_empty() {
            return;
        }
        for obj in queued {
            call_finalizer(ts, &obj);
        }
    }
}

/// Collects `generation` (and the younger ones), with `gc.callbacks` around it and the pause
/// added to the statistics.
pub fn collect(ts: &mut ThreadState, generation: usize) -> Collected {
    run_callbacks(ts, "start", generation, Collected::default());
    let started = Instant::now();
    let rt = ts.rt.clone();
    let found = collect::collect(&rt.heap, generation, &mut Hooks { ts });
    let pause = started.elapsed();
    {
        let mut stats = rt.heap.stats.borrow_mut();
        stats.collections[generation] += 1;
        stats.collected[generation] += (found.unreachable - found.uncollectable) as u64;
        stats.uncollectable[generation] += found.uncollectable as u64;
        stats.pause_total += pause;
        stats.pause_max = stats.pause_max.max(pause);
    }
    run_callbacks(ts, "stop", generation, found);
    found
}

struct Hooks<'a> {
    ts: &'a mut ThreadState,
}

impl Finalize for Hooks<'_> {
    fn finalize(&mut self, objs: &[ObjRef]) {
        for o in objs {
            call_finalizer(self.ts, o);
        }
    }
    fn clear_weakrefs(&mut self, _garbage: &[ObjRef]) {}
}

/// Calls `obj.__del__()`; an exception is printed, not raised.
fn call_finalizer(ts: &mut ThreadState, obj: &ObjRef) {
    let Some(del) = crate::object::gc::finalizer_of(obj, &ts.rt.heap.del_name) else {
        return;
    };
    if let Err(exc) = call_value(ts, &del, &[Value::Obj(obj.clone())], &[]) {
        report_unraisable(ts, &del, &exc);
    }
}

/// CPython's default `sys.unraisablehook`: "Exception ignored in: <what>" and the traceback.
pub fn report_unraisable(ts: &mut ThreadState, what: &Value, exc: &ObjRef) {
    let what = repr(ts, what).unwrap_or_else(|_| "<object repr() failed>".into());
    let text = format_exception(ts, exc);
    ts.rt
        .write_stderr(&format!("Exception ignored in: {what}\n{text}"));
}

/// Calls each of `gc.callbacks` with `(phase, info)`, as CPython does; errors are reported
/// as unraisable.
fn run_callbacks(ts: &mut ThreadState, phase: &str, generation: usize, found: Collected) {
    let callbacks = match gc_module_list(ts, "callbacks") {
        Some(list) => list,
        None => return,
    };
    if callbacks.is_empty() {
        return;
    }
    let info = new_dict_obj();
    store_dict(
        &info,
        &Value::new_str("generation"),
        Value::Int(generation as i64),
    );
    let collected = (found.unreachable - found.uncollectable) as i64;
    store_dict(&info, &Value::new_str("collected"), Value::Int(collected));
    let uncollectable = found.uncollectable as i64;
    store_dict(
        &info,
        &Value::new_str("uncollectable"),
        Value::Int(uncollectable),
    );
    let args = [Value::new_str(phase), Value::Obj(info)];
    for cb in callbacks {
        if let Err(exc) = call_value(ts, &cb, &args, &[]) {
            report_unraisable(ts, &cb, &exc);
        }
    }
}

/// A snapshot of the list `gc.NAME` (`callbacks`, `garbage`), if `gc` was imported.
fn gc_module_list(ts: &ThreadState, name: &str) -> Option<Vec<Value>> {
    let module = dict_get(&ts.rt.sys_modules, &Value::new_str("gc"))?;
    let Obj::Module { dict, .. } = &**module.obj()? else {
        return None;
    };
    let list = dict_get(dict, &Value::new_str(name))?;
    match &**list.obj()? {
        Obj::List(items) => Some(items.borrow().clone()),
        _ => None,
    }
}
