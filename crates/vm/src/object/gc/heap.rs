//! The collector's per-interpreter state: the generation lists (intrusive, through each
//! tracked box's [`Link`]), their counts and thresholds, and the queue of objects whose
//! `__del__` waits for the next safe point.
//!
//! A new container is linked into the young generation of the heap of the interpreter whose
//! thread allocates it: the thread's *current heap*, a thread-local pointer set while the
//! thread has a `ThreadState` (see [`Entered`]). An object made with no current heap (the
//! built-in types at boot, unit tests) is simply never tracked, so never collected.
//!
//! Invariants: every link in a list points to a live box or to the list's own sentinel
//! (boxes unlink before they are freed, [`Heap`]'s drop unlinks every box still tracked);
//! lists are only touched under the heap's GIL; the current-heap pointer of a thread is
//! non-null only while a `ThreadState` of that heap's runtime is alive on the thread.

use std::cell::{Cell, RefCell};

use crate::object::header::{flag, GcBox, Link};
use crate::object::value::ObjRef;

/// The generations (0 youngest), then the permanent one of `gc.freeze()`.
pub const GENERATIONS: usize = 3;
const PERMANENT: usize = GENERATIONS;

thread_local! {
    static CURRENT: Cell<*const Heap> = const { Cell::new(std::ptr::null()) };
}

pub struct Heap {
    /// List sentinels, boxed so their addresses stay put when the heap moves.
    lists: Box<[Link; GENERATIONS + 1]>,
    /// Gen 0: containers allocated minus freed since its last collection; gen 1 and 2: the
    /// collections of the generation below since their own last one (CPython's counts).
    pub counts: [Cell<usize>; GENERATIONS],
    pub thresholds: [Cell<usize>; GENERATIONS],
    pub enabled: Cell<bool>,
    /// A collection is running (no nested one starts).
    pub collecting: Cell<bool>,
    /// Set when a collection is due or finalizers are queued: the eval breaker's question.
    pub attention: Cell<bool>,
    /// Objects whose last reference went while they had a `__del__` to run.
    pub finalizers: RefCell<Vec<ObjRef>>,
    /// Long-lived objects not yet seen by a full collection, and the total after the last
    /// one (CPython only runs a full collection once the former is 25% of the latter).
    pub long_lived_pending: Cell<usize>,
    pub long_lived_total: Cell<usize>,
    pub stats: RefCell<Stats>,
    /// `'__del__'`, the name finalizers are looked up by.
    pub del_name: crate::object::value::Value,
    /// Per object with weak references (by id), the weakrefs to it (`object::gc::weak`).
    pub weakrefs: RefCell<std::collections::HashMap<usize, Vec<super::weak::Entry>>>,
    /// Weakrefs whose object died since the last safe point: their callbacks run there.
    pub weak_callbacks: RefCell<Vec<ObjRef>>,
}

/// What `gc.get_stats()` and `--gil-stats` report.
#[derive(Clone, Copy, Default, Debug)]
pub struct Stats {
    pub collections: [u64; GENERATIONS],
    pub collected: [u64; GENERATIONS],
    pub uncollectable: [u64; GENERATIONS],
    pub pause_total: std::time::Duration,
    pub pause_max: std::time::Duration,
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        let lists = Box::new([
            Link::unlinked(),
            Link::unlinked(),
            Link::unlinked(),
            Link::unlinked(),
        ]);
        for s in lists.iter() {
            s.prev.set(s);
            s.next.set(s);
        }
        Heap {
            lists,
            counts: Default::default(),
            thresholds: [Cell::new(700), Cell::new(10), Cell::new(10)],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            attention: Cell::new(false),
            finalizers: RefCell::new(Vec::new()),
            long_lived_pending: Cell::new(0),
            long_lived_total: Cell::new(0),
            stats: RefCell::new(Stats::default()),
            del_name: crate::object::value::Value::new_str("__del__"),
            weakrefs: RefCell::default(),
            weak_callbacks: RefCell::default(),
        }
    }

    pub(crate) fn list(&self, generation: usize) -> &Link {
        &self.lists[generation]
    }

    /// Every box in `generation`'s list, in order.
    pub(crate) fn boxes(&self, generation: usize) -> Vec<&GcBox> {
        self.try_boxes(generation)
            .unwrap_or_else(|| std::alloc::handle_alloc_error(std::alloc::Layout::new::<usize>()))
    }

    /// [`Heap::boxes`], or `None` when there is no memory for the list: a collection near an
    /// address-space limit is put off rather than aborting the process.
    pub(crate) fn try_boxes(&self, generation: usize) -> Option<Vec<&GcBox>> {
        let head: *const Link = self.list(generation);
        let mut out = Vec::new();
        let mut at = self.list(generation).next.get();
        while at != head {
            // SAFETY: a list's links point to live boxes (module invariant); a `Link` is the
            // first field of its `repr(C)` box, so the address is the box's.
            let b = unsafe { &*(at as *const GcBox) };
            out.try_reserve(1).ok()?;
            out.push(b);
            at = b.link.next.get();
        }
        Some(out)
    }

    /// How many objects `generation` holds (`PERMANENT` too).
    pub fn len(&self, generation: usize) -> usize {
        self.boxes(generation).len()
    }

    /// Appends every box of list `from` to list `to`.
    pub(crate) fn merge(&self, from: usize, to: usize) {
        let (f, t) = (self.list(from), self.list(to));
        let first = f.next.get();
        if std::ptr::eq(first, f) {
            return;
        }
        let last = f.prev.get();
        let tail = t.prev.get();
        // SAFETY: `first`, `last` and `tail` are live links of these lists (module
        // invariant); after the splice both lists are circular again.
        unsafe {
            (*tail).next.set(first);
            (*first).prev.set(tail);
            (*last).next.set(t);
        }
        t.prev.set(last);
        f.next.set(f);
        f.prev.set(f);
    }

    /// Moves every tracked object into the permanent generation (`gc.freeze()`).
    pub fn freeze(&self) {
        for g in 0..GENERATIONS {
            self.merge(g, PERMANENT);
            self.counts[g].set(0);
        }
    }

    /// Moves the permanent generation back into the oldest (`gc.unfreeze()`).
    pub fn unfreeze(&self) {
        self.merge(PERMANENT, GENERATIONS - 1);
    }

    pub fn freeze_count(&self) -> usize {
        self.len(PERMANENT)
    }

    /// The oldest generation whose threshold is exceeded, if a collection is due.
    pub fn due(&self) -> Option<usize> {
        if !self.enabled.get() || self.collecting.get() {
            return None;
        }
        (0..GENERATIONS).rev().find(|&g| {
            let over =
                self.thresholds[g].get() > 0 && self.counts[g].get() > self.thresholds[g].get();
            // A full collection waits until the survivors it would look at again are a
            // quarter of the long-lived total (CPython's rule, keeping it linear overall).
            over && (g + 1 < GENERATIONS
                || self.long_lived_pending.get() >= self.long_lived_total.get() / 4)
        })
    }

    fn enter(&self) -> Entered {
        let prev = CURRENT.with(|c| c.replace(self));
        Entered { prev }
    }

    /// Makes this the calling thread's current heap until the guard drops (the previous one
    /// is restored). The runtime must outlive the guard: `ThreadState` holds both.
    pub fn enter_thread(&self) -> Entered {
        self.enter()
    }
}

impl Drop for Heap {
    /// Objects that outlive their interpreter (leaked cycles, a host's handles) are untracked,
    /// so their own release never touches a freed sentinel.
    fn drop(&mut self) {
        CURRENT.with(|c| {
            if std::ptr::eq(c.get(), self) {
                c.set(std::ptr::null());
            }
        });
        super::weak::clear_all(self);
        self.weak_callbacks.take();
        self.finalizers.take();
        for g in 0..=PERMANENT {
            for b in self.boxes(g) {
                b.link.prev.set(std::ptr::null());
                b.link.next.set(std::ptr::null());
                b.unset(flag::TRACKED);
            }
            let s = self.list(g);
            s.prev.set(s);
            s.next.set(s);
        }
    }
}

/// The calling thread's current heap while it exists; restores the previous one on drop.
pub struct Entered {
    prev: *const Heap,
}

impl Drop for Entered {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.prev));
    }
}

/// Runs `f` on the calling thread's current heap, if it has one.
#[inline]
pub(crate) fn with_current<R>(f: impl FnOnce(&Heap) -> R) -> Option<R> {
    let p = CURRENT.with(|c| c.get());
    if p.is_null() {
        return None;
    }
    // SAFETY: non-null only while a `ThreadState` holding the heap's runtime is alive on this
    // thread (module invariant), and the thread holds that runtime's GIL.
    Some(f(unsafe { &*p }))
}

/// Links `h` (a new container) into the young generation of the current heap.
#[inline]
pub(crate) fn track_new(h: &GcBox) {
    with_current(|heap| {
        link_last(heap.list(0), &h.link);
        h.set(flag::TRACKED);
        let n = heap.counts[0].get() + 1;
        heap.counts[0].set(n);
        if n > heap.thresholds[0].get() && heap.enabled.get() && heap.thresholds[0].get() > 0 {
            heap.attention.set(true);
        }
    });
}

fn link_last(head: &Link, node: &Link) {
    let last = head.prev.get();
    node.prev.set(last);
    node.next.set(head);
    // SAFETY: `last` is a live link of `head`'s list (module invariant).
    unsafe { (*last).next.set(node) };
    head.prev.set(node);
}

/// Unlinks a tracked box (it is being freed, or moved to another list).
pub(crate) fn untrack(h: &GcBox) {
    let (p, n) = (h.link.prev.get(), h.link.next.get());
    // SAFETY: a tracked box is in a list (module invariant), so its neighbours are live.
    unsafe {
        (*p).next.set(n);
        (*n).prev.set(p);
    }
    h.link.prev.set(std::ptr::null());
    h.link.next.set(std::ptr::null());
    h.unset(flag::TRACKED);
    with_current(|heap| {
        let c = heap.counts[0].get();
        heap.counts[0].set(c.saturating_sub(1));
    });
}

/// Whether releasing `h` now would queue its finalizer (`queue_finalizer` would take it):
/// the trashcan must then leave its contents alone for `__del__` to see.
pub(crate) fn awaits_finalizer(h: &GcBox) -> bool {
    use crate::object::value::Obj;
    if h.has(flag::FINALIZED) || !matches!(h.obj, Obj::Instance(_) | Obj::Generator(_)) {
        return false;
    }
    with_current(|heap| super::has_finalizer(&h.obj, &heap.del_name)).unwrap_or(false)
}

/// Called by the release of a box whose count went to 0: if it has a finalizer not yet run
/// (`__del__`, or a suspended generator's `close`), the heap's queue takes a count (the
/// object lives on until the finalizer ran) and this returns true.
pub(crate) fn queue_finalizer(h: &GcBox) -> bool {
    use crate::object::value::Obj;
    if h.has(flag::FINALIZED) || !matches!(h.obj, Obj::Instance(_) | Obj::Generator(_)) {
        return false;
    }
    with_current(|heap| {
        if !super::has_finalizer(&h.obj, &heap.del_name) {
            return false;
        }
        h.set(flag::FINALIZED);
        heap.finalizers.borrow_mut().push(h.new_ref());
        heap.attention.set(true);
        true
    })
    .unwrap_or(false)
}
