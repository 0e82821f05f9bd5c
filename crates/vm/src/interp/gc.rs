//! The collector seen from the interpreter: collections at safe points (the eval breaker when
//! a generation's threshold is crossed, and `gc.collect()`), `__del__` finalizers — queued by
//! the release of their object's last reference, or run by a collection — and
//! `gc.callbacks`.
//!
//! A finalizer that raises is reported through `sys.unraisablehook` as CPython does
//! ("Exception ignored in: ..." and the traceback, on stderr, by default) and never
//! propagates.

use std::time::Instant;

use crate::interp::thread_state::ThreadState;
use crate::interp::unraisable::write_unraisable;
use crate::object::gc::collect::{self, Collected, Finalize};
use crate::object::gc::weak;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::{dict_get, new_dict_obj, store_dict};
use crate::protocol::call::call_value;

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

/// After an instruction that may have dropped a last reference (a `del`, a store to a global
/// or module name): queued finalizers run now, as CPython runs `__del__` right there. The
/// hottest ones (fast-local stores, popped expression values) leave it to the next call or
/// backward jump.
#[inline(always)]
pub fn after_release(ts: &mut ThreadState) {
    if ts.rt.heap.attention.get() {
        at_safe_point(ts);
    }
}

/// Runs the `__del__` of objects whose last reference went since the last safe point, and
/// the callbacks of weakrefs whose object died.
pub fn run_queued_finalizers(ts: &mut ThreadState) {
    loop {
        let queued = std::mem::take(&mut *ts.rt.heap.finalizers.borrow_mut());
        let callbacks = std::mem::take(&mut *ts.rt.heap.weak_callbacks.borrow_mut());
        if queued.is_empty() && callbacks.is_empty() {
            return;
        }
        for obj in queued {
            call_finalizer(ts, &obj);
        }
        for wref in callbacks {
            // Held only by the queue: the weakref itself is dead, its callback is not called.
            if wref.strong_count() > 1 {
                call_weak_callback(ts, &wref);
            }
        }
    }
}

/// Calls the callback `weakref.ref` stored as `wref._callback` (its read-only `__callback__`),
/// reporting an exception.
fn call_weak_callback(ts: &mut ThreadState, wref: &ObjRef) {
    let Obj::Instance(inst) = &**wref else {
        return;
    };
    let callback = inst.attr_str("_callback");
    let Some(callback) = callback.filter(|c| !c.is_none()) else {
        return;
    };
    if let Err(exc) = call_value(ts, &callback, &[Value::Obj(wref.clone())], &[]) {
        report_unraisable(ts, &callback, &exc);
    }
}

/// Collects `generation` (and the younger ones), with `gc.callbacks` around it and the pause
/// added to the statistics.
/// Nothing happens while a collection (its callbacks and finalizers included) is running.
pub fn collect(ts: &mut ThreadState, generation: usize) -> Collected {
    let rt = ts.rt.clone();
    if rt.heap.collecting.replace(true) {
        return Collected::default();
    }
    run_callbacks(ts, "start", generation, Collected::default());
    let thread = ts.gil.id();
    let recorder = rt.gil_tracer.as_deref().map(|tracer| tracer.recorder());
    if let Some(recorder) = recorder {
        recorder.collection_started(thread);
    }
    let started = Instant::now();
    let found = collect::collect(&rt.heap, generation, &mut Hooks { ts });
    let pause = started.elapsed();
    if let Some(recorder) = recorder {
        recorder.collection_ended(thread);
    }
    {
        let mut stats = rt.heap.stats.borrow_mut();
        stats.collections[generation] += 1;
        stats.collected[generation] += (found.unreachable - found.uncollectable) as u64;
        stats.uncollectable[generation] += found.uncollectable as u64;
        stats.pause_total += pause;
        stats.pause_max = stats.pause_max.max(pause);
    }
    run_callbacks(ts, "stop", generation, found);
    rt.heap.collecting.set(false);
    found
}

/// The collector's figures, for the embedding API and `--gil-stats`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GcStats {
    /// Collections run, per generation.
    pub collections: [u64; 3],
    /// Objects freed by them, per generation.
    pub collected: [u64; 3],
    /// Objects found unreachable but left alive (a finalizer resurrected them).
    pub uncollectable: [u64; 3],
    /// Time spent collecting (the world stopped: the collecting thread holds the GIL).
    pub pause_total: std::time::Duration,
    /// The longest single collection.
    pub pause_max: std::time::Duration,
    /// `gc.get_count()`.
    pub counts: [usize; 3],
}

/// A full collection now, finalizers included (`gc.collect()`): the unreachable objects found.
pub fn collect_now(ts: &mut ThreadState) -> usize {
    run_queued_finalizers(ts);
    let found = collect(ts, crate::object::gc::heap::GENERATIONS - 1);
    run_queued_finalizers(ts);
    found.unreachable
}

/// The collector's figures so far.
pub fn stats(ts: &ThreadState) -> GcStats {
    let heap = &ts.rt.heap;
    let s = *heap.stats.borrow();
    GcStats {
        collections: s.collections,
        collected: s.collected,
        uncollectable: s.uncollectable,
        pause_total: s.pause_total,
        pause_max: s.pause_max,
        counts: [0, 1, 2].map(|g| heap.counts[g].get()),
    }
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
    fn clear_weakrefs(&mut self, garbage: &[ObjRef]) {
        let ids: std::collections::HashSet<usize> = garbage.iter().map(|o| o.id()).collect();
        let wrefs: Vec<ObjRef> = garbage.iter().flat_map(weak::detach_garbage).collect();
        for wref in wrefs {
            if !ids.contains(&wref.id()) && wref.strong_count() > 1 {
                call_weak_callback(self.ts, &wref);
            }
        }
    }
}

/// Calls `obj.__del__()`, or closes a suspended generator (its `finally` blocks run); an
/// exception goes to `sys.unraisablehook`, it is not raised.
fn call_finalizer(ts: &mut ThreadState, obj: &ObjRef) {
    if let Obj::Generator(_) = &**obj {
        if let Err(exc) = crate::interp::generator::close(ts, obj) {
            report_unraisable(ts, &Value::Obj(obj.clone()), &exc);
        }
        return;
    }
    let Some(del) = crate::object::gc::finalizer_of(obj, &ts.rt.heap.del_name) else {
        return;
    };
    if let Err(exc) = call_value(ts, &del, &[Value::Obj(obj.clone())], &[]) {
        report_unraisable(ts, &del, &exc);
    }
}

/// Sends an exception nothing can catch to `sys.unraisablehook` ("Exception ignored in:
/// <what>" by default).
pub fn report_unraisable(ts: &mut ThreadState, what: &Value, exc: &ObjRef) {
    write_unraisable(ts, None, what, exc);
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

/// At interpreter shutdown (no thread left running): `__main__`'s globals are set to `None`
/// as CPython's `_PyModule_ClearDict` does (names starting with `_` first), so the objects
/// they alone held are finalized, then the queued finalizers run.
pub fn at_exit(ts: &mut ThreadState) {
    run_queued_finalizers(ts);
    let Some(main) = dict_get(&ts.rt.sys_modules, &Value::new_str("__main__")) else {
        return;
    };
    let Some(Obj::Module { dict, .. }) = main.obj().map(|o| &**o) else {
        return;
    };
    let Obj::Dict(d) = &**dict else {
        return;
    };
    let keys: Vec<Value> = d.borrow().keys().cloned().collect();
    for underscored in [true, false] {
        for key in &keys {
            let name = key.as_str().map(|s| s.as_str()).unwrap_or("");
            if name == "__builtins__" || name.starts_with('_') != underscored {
                continue;
            }
            // Freeing the old value only queues finalizers: no code runs under the borrow.
            d.borrow_mut().insert(key.clone(), Value::None);
            run_queued_finalizers(ts);
        }
    }
}
