//! Weak references, as CPython keeps them: the object does not own them; its heap keeps, per
//! object with weak references, the Python weakref objects to it, and each weakref's native
//! [`WeakSlot`] points at the object until it dies. When it dies (refcount or collector) every
//! slot is emptied first, then the callbacks of the weakrefs still alive are queued.
//!
//! Invariant: a slot's pointer is non-null only while its object is alive: the object's
//! release empties its slots before the box is freed (and a heap that is dropped empties all
//! of its slots).

use std::cell::Cell;
use std::ptr::NonNull;
use std::rc::Rc;

use crate::object::gc::heap::{with_current, Heap};
use crate::object::header::{flag, GcBox};
use crate::object::value::{NativeHandle, ObjRef, Value};

/// Where a weakref points: its object while alive.
pub struct WeakSlot {
    target: Cell<Option<NonNull<GcBox>>>,
}

impl WeakSlot {
    /// A counted reference to the object, if it is still alive.
    pub fn get(&self) -> Option<ObjRef> {
        let ptr = self.target.get()?;
        // SAFETY: the slot is non-null only while its object is alive (module invariant).
        Some(unsafe { ptr.as_ref() }.new_ref())
    }
    fn clear(&self) {
        self.target.set(None);
    }
}

/// The native part of a Python weakref object (its `_h` attribute).
pub struct WeakHandle(pub Rc<WeakSlot>);

impl NativeHandle for WeakHandle {
    fn repr(&self) -> String {
        "<weak slot>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// One weakref to an object: the Python weakref (held by the heap's table, a reference the
/// collector counts as internal) and its slot.
pub struct Entry {
    pub wref: ObjRef,
    slot: Rc<WeakSlot>,
}

/// Registers `wref` as a weak reference to `target` in the current heap; the handle to store
/// in it. `None` without a current heap.
pub fn register(target: &ObjRef, wref: &ObjRef) -> Option<Value> {
    with_current(|heap| {
        let slot = Rc::new(WeakSlot {
            target: Cell::new(Some(NonNull::from(target.header()))),
        });
        target.header().set(flag::WEAKREFS);
        wref.header().set(flag::WEAK_HELD);
        heap.weakrefs
            .borrow_mut()
            .entry(target.id())
            .or_default()
            .push(Entry {
                wref: wref.clone(),
                slot: slot.clone(),
            });
        Value::Obj(ObjRef::new(crate::object::value::Obj::Handle(Box::new(
            WeakHandle(slot),
        ))))
    })
}

/// The live weakrefs to `target` (held by someone besides the table), oldest first.
pub fn weakrefs_of(target: &ObjRef) -> Vec<ObjRef> {
    with_current(|heap| {
        heap.weakrefs
            .borrow()
            .get(&target.id())
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| e.wref.strong_count() > 1)
                    .map(|e| e.wref.clone())
                    .collect()
            })
            .unwrap_or_default()
    })
    .unwrap_or_default()
}

/// Empties the slots of the weakrefs to `h` (which is being freed, or is garbage) and returns
/// the weakrefs, newest first (the order CPython runs their callbacks in).
pub(crate) fn detach(heap: &Heap, h: &GcBox) -> Vec<ObjRef> {
    h.unset(flag::WEAKREFS);
    let id = h as *const GcBox as usize;
    let entries = heap.weakrefs.borrow_mut().remove(&id).unwrap_or_default();
    entries
        .into_iter()
        .rev()
        .map(|e| {
            e.slot.clear();
            e.wref.header().unset(flag::WEAK_HELD);
            e.wref
        })
        .collect()
}

/// The release of an object with weakrefs: slots emptied, callbacks queued for the next
/// safe point.
pub(crate) fn on_release(h: &GcBox) {
    with_current(|heap| {
        let wrefs = detach(heap, h);
        heap.weak_callbacks.borrow_mut().extend(wrefs);
        heap.attention.set(true);
    });
}

/// Empties every slot of a heap that is going away.
pub(crate) fn clear_all(heap: &Heap) {
    let all: Vec<Vec<Entry>> = heap.weakrefs.borrow_mut().drain().map(|(_, e)| e).collect();
    for e in all.iter().flatten() {
        e.slot.clear();
    }
    // The weakrefs are dropped after the borrow: one may be weakly referenced itself.
    drop(all);
}

/// Empties the slots of the weakrefs to `obj`, one of the garbage of a collection; the
/// weakrefs, newest first.
pub fn detach_garbage(obj: &ObjRef) -> Vec<ObjRef> {
    if !obj.header().has(flag::WEAKREFS) {
        return Vec::new();
    }
    with_current(|heap| detach(heap, obj.header())).unwrap_or_default()
}
