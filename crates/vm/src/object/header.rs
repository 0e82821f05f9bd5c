//! The object header: every heap object lives in one [`GcBox`] — its reference count, the
//! collector's flags and `gc_refs`, the links of the generation list it is tracked in, then the
//! payload. [`ObjRef`] is a counted pointer to a box, with `Rc`'s API and cost (one plain
//! increment per clone, one decrement and test per drop).
//!
//! Invariants (what the `unsafe` blocks here rely on):
//! - A box is allocated by [`ObjRef::new`] with a count of 1 and freed by [`release`] exactly
//!   when its count goes to 0; every `ObjRef` owns one count, so the box outlives it.
//! - Counts, flags and links are only touched under the GIL of the interpreter the object
//!   belongs to (`ObjRef` is `!Send` and `!Sync`, see `interp::gil`).
//! - A tracked box is in exactly one list of its heap (`object::gc::heap`) and is unlinked
//!   before it is freed; so every link of a list points to a live box or a live sentinel.

use std::cell::Cell;
use std::ptr::NonNull;

use crate::object::gc;
use crate::object::value::Obj;

/// The links of a doubly linked, circular generation list (the first field of a box, so a
/// link's address is its box's address; a list's sentinel is a bare `Link`).
#[repr(C)]
pub(crate) struct Link {
    pub(crate) prev: Cell<*const Link>,
    pub(crate) next: Cell<*const Link>,
}

impl Link {
    pub(crate) const fn unlinked() -> Link {
        Link {
            prev: Cell::new(std::ptr::null()),
            next: Cell::new(std::ptr::null()),
        }
    }
}

/// Flags in the low bits of [`GcBox::gc`]; the collection's `gc_refs` lives above them.
pub(crate) mod flag {
    /// In a generation list of a heap.
    pub const TRACKED: usize = 1;
    /// `__del__` has run (PEP 442: at most once).
    pub const FINALIZED: usize = 2;
    /// Weak references to it are registered in its heap.
    pub const WEAKREFS: usize = 4;
    /// Part of the generation being collected (its `gc_refs` is valid).
    pub const COLLECTING: usize = 8;
    /// Found reachable from outside the generation in this collection.
    pub const REACHABLE: usize = 16;
    /// A `RefCell` of it was mutably borrowed: live, and its contents cannot be read.
    pub const PINNED: usize = 32;
    /// A weakref object held by its target's entry in the heap's weakref table: that count
    /// is not a reference from outside (the collector subtracts it).
    pub const WEAK_HELD: usize = 64;
    pub const SHIFT: u32 = 8;
}

/// One heap object: header, then payload.
#[repr(C)]
pub(crate) struct GcBox {
    /// Must stay first: a `*const Link` of a list is the box's address.
    pub(crate) link: Link,
    refcnt: Cell<usize>,
    /// [`flag`]s, and `gc_refs << flag::SHIFT` during a collection.
    gc: Cell<usize>,
    pub(crate) obj: Obj,
}

impl GcBox {
    pub(crate) fn refcnt(&self) -> usize {
        self.refcnt.get()
    }
    pub(crate) fn has(&self, f: usize) -> bool {
        self.gc.get() & f != 0
    }
    pub(crate) fn set(&self, f: usize) {
        self.gc.set(self.gc.get() | f);
    }
    pub(crate) fn unset(&self, f: usize) {
        self.gc.set(self.gc.get() & !f);
    }
    pub(crate) fn gc_refs(&self) -> usize {
        self.gc.get() >> flag::SHIFT
    }
    pub(crate) fn set_gc_refs(&self, n: usize) {
        let flags = self.gc.get() & ((1 << flag::SHIFT) - 1);
        self.gc.set(flags | (n << flag::SHIFT));
    }
    /// A new counted reference to this box.
    pub(crate) fn new_ref(&self) -> ObjRef {
        self.refcnt.set(self.refcnt.get() + 1);
        ObjRef(NonNull::from(self))
    }
}

/// A counted reference to a heap object (plain, non-atomic counts).
pub struct ObjRef(NonNull<GcBox>);

impl ObjRef {
    #[inline]
    pub fn new(obj: Obj) -> ObjRef {
        let container = gc::is_container(&obj);
        let boxed = Box::new(GcBox {
            link: Link::unlinked(),
            refcnt: Cell::new(1),
            gc: Cell::new(0),
            obj,
        });
        let r = ObjRef(NonNull::from(Box::leak(boxed)));
        if container {
            gc::heap::track_new(r.header());
        }
        r
    }
    #[inline(always)]
    pub(crate) fn header(&self) -> &GcBox {
        // SAFETY: this reference owns a count, so the box is alive (module invariant 1).
        unsafe { self.0.as_ref() }
    }
    pub fn ptr_eq(a: &ObjRef, b: &ObjRef) -> bool {
        a.0 == b.0
    }
    /// The object itself, mutably, while this is its only reference: nothing else can observe
    /// a change (used to append to a str in place).
    pub fn get_mut(&mut self) -> Option<&mut Obj> {
        if self.header().refcnt() != 1 {
            return None;
        }
        // SAFETY: the count is 1 and this reference owns it, so no other `ObjRef` (hence no
        // other `&Obj`) to the box exists while `&mut self` is borrowed. Weak references do
        // not hand out `&Obj` without first taking a count.
        Some(unsafe { &mut (*self.0.as_ptr()).obj })
    }
    /// How many references to the object exist (CPython's `sys.getrefcount`, minus its own).
    pub fn strong_count(&self) -> usize {
        self.header().refcnt()
    }
    /// The object's identity (what `id()` returns).
    pub fn id(&self) -> usize {
        self.0.as_ptr() as usize
    }
}

impl std::ops::Deref for ObjRef {
    type Target = Obj;
    #[inline(always)]
    fn deref(&self) -> &Obj {
        &self.header().obj
    }
}

impl Clone for ObjRef {
    #[inline(always)]
    fn clone(&self) -> ObjRef {
        self.header().new_ref()
    }
}

impl Drop for ObjRef {
    #[inline(always)]
    fn drop(&mut self) {
        let h = self.header();
        let n = h.refcnt.get() - 1;
        h.refcnt.set(n);
        if n == 0 {
            // SAFETY: that was the last count: nothing else refers to the box.
            unsafe { release(self.0) }
        }
    }
}

impl std::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<obj {:p}>", self.0.as_ptr())
    }
}

/// Frees a box whose count just went to 0 — unless it has a finalizer to run first, in which
/// case the heap's finalizer queue takes a new count (resurrecting it until `__del__` ran).
///
/// # Safety
/// `ptr`'s count is 0 and no reference to it is left.
#[cold]
#[inline(never)]
unsafe fn release(ptr: NonNull<GcBox>) {
    // SAFETY: the box is still allocated (freed only below).
    let h = unsafe { ptr.as_ref() };
    if gc::heap::queue_finalizer(h) {
        return;
    }
    if h.has(flag::WEAKREFS) {
        gc::weak::on_release(h);
    }
    if h.has(flag::TRACKED) {
        gc::heap::untrack(h);
    }
    // SAFETY: allocated by `Box::new` in `ObjRef::new`; unlinked from every list; no reference
    // is left (the caller's contract), so this is the only access.
    drop(unsafe { Box::from_raw(ptr.as_ptr()) });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::value::Value;

    #[test]
    fn counts_follow_clones_and_drops() {
        let a = ObjRef::new(Obj::Ellipsis);
        assert_eq!(a.strong_count(), 1);
        let b = a.clone();
        assert_eq!(a.strong_count(), 2);
        assert!(ObjRef::ptr_eq(&a, &b));
        assert_eq!(a.id(), b.id());
        drop(b);
        assert_eq!(a.strong_count(), 1);
    }

    #[test]
    fn get_mut_only_while_unique() {
        let mut a = ObjRef::new(Obj::Bytes(Box::new([1, 2])));
        let b = a.clone();
        assert!(a.get_mut().is_none());
        drop(b);
        match a.get_mut() {
            Some(Obj::Bytes(bytes)) => bytes[0] = 9,
            _ => panic!("unique"),
        }
        assert!(matches!(&*a, Obj::Bytes(b) if b[0] == 9));
    }

    #[test]
    fn the_payload_is_dropped_exactly_once() {
        use std::rc::Rc;
        // A payload that notices its drop: a list holding the only other count of a str.
        let marker = Rc::new(());
        struct Noisy {
            _marker: Rc<()>,
        }
        impl crate::object::value::NativeHandle for Noisy {
            fn repr(&self) -> String {
                String::new()
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
        }
        let obj = ObjRef::new(Obj::Handle(Box::new(Noisy {
            _marker: marker.clone(),
        })));
        let list = Value::new_list(vec![Value::Obj(obj.clone())]);
        assert_eq!(Rc::strong_count(&marker), 2);
        drop(obj);
        assert_eq!(Rc::strong_count(&marker), 2);
        drop(list);
        assert_eq!(Rc::strong_count(&marker), 1);
    }

    #[test]
    fn flags_and_gc_refs_share_a_word_without_clobbering() {
        let a = ObjRef::new(Obj::Ellipsis);
        let h = a.header();
        h.set(flag::FINALIZED | flag::REACHABLE);
        h.set_gc_refs(12345);
        assert!(h.has(flag::FINALIZED) && h.has(flag::REACHABLE) && !h.has(flag::PINNED));
        assert_eq!(h.gc_refs(), 12345);
        h.unset(flag::REACHABLE);
        assert_eq!(h.gc_refs(), 12345);
        assert!(!h.has(flag::REACHABLE) && h.has(flag::FINALIZED));
    }
}
