//! One collection of a generation (CPython's `gc_collect_main`, without its legacy parts).
//!
//! 1. The younger generations are merged into the one collected.
//! 2. Each object's `gc_refs` starts at its count; each reference from an object of the
//!    generation to another one of it is subtracted (objects whose cells are borrowed are
//!    pinned and subtract nothing).
//! 3. Objects left with `gc_refs > 0`, the pinned ones, and everything they reach are
//!    reachable; the rest is garbage, held by a counted reference from here on.
//! 4. Weak references to the garbage are cleared, its finalizers run (the caller's hook: that
//!    is Python code), and if that resurrected any of it nothing is freed this time.
//! 5. The garbage's mutable cells are emptied, which breaks its cycles; dropping our counts
//!    then frees it by reference counting.
//!
//! No Python code runs during steps 1-3, so the borrowed `&GcBox`es of the list stay valid;
//! from step 4 on only counted references are used.

use crate::object::gc::heap::{Heap, GENERATIONS};
use crate::object::gc::{clear, traverse, Taken};
use crate::object::header::{flag, GcBox};
use crate::object::value::{Obj, ObjRef};

/// What one collection found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Collected {
    /// Unreachable objects found (what `gc.collect()` returns).
    pub unreachable: usize,
    /// Of those, the ones left alive because a finalizer resurrected the set.
    pub uncollectable: usize,
}

/// The hooks a collection calls out to: they run Python code, which `object/` cannot.
pub trait Finalize {
    /// Runs the `__del__` of each object (each not finalized before: marked so already).
    fn finalize(&mut self, objs: &[ObjRef]);
    /// Clears the weak references to the garbage, running the callbacks of the weakrefs
    /// that are not garbage themselves.
    fn clear_weakrefs(&mut self, garbage: &[ObjRef]);
}

/// Collects `generation` and the younger ones of `heap`.
/// The caller keeps collections from nesting (`Heap::collecting`): the hooks run Python code.
pub fn collect(heap: &Heap, generation: usize, hooks: &mut dyn Finalize) -> Collected {
    for g in 0..generation {
        heap.merge(g, generation);
    }
    let Some((garbage, examined)) = find_garbage(heap, generation) else {
        // No memory to examine the generation: it waits for the next collection, older.
        for g in 0..=generation {
            heap.counts[g].set(0);
        }
        return Collected {
            unreachable: 0,
            uncollectable: 0,
        };
    };
    let survivors = examined - garbage.len();
    if generation + 1 < GENERATIONS {
        heap.merge(generation, generation + 1);
        let next = &heap.counts[generation + 1];
        next.set(next.get() + 1);
    }
    for g in 0..=generation {
        heap.counts[g].set(0);
    }
    match generation {
        1 => heap
            .long_lived_pending
            .set(heap.long_lived_pending.get() + survivors),
        2 => {
            heap.long_lived_pending.set(0);
            heap.long_lived_total.set(survivors);
        }
        _ => {}
    }
    let found = garbage.len();
    let freed = finalize_and_clear(heap, garbage, hooks);
    Collected {
        unreachable: found,
        uncollectable: found - freed,
    }
}

/// Steps 2-3: counted references to the garbage of `generation`, and how many objects the
/// generation held (walking the list again just to count them cost a tenth of a collection).
/// `None` when the memory to examine it could not be had (nothing is then garbage).
fn find_garbage(heap: &Heap, generation: usize) -> Option<(Vec<ObjRef>, usize)> {
    let boxes = heap.try_boxes(generation)?;
    for b in &boxes {
        b.set(flag::COLLECTING);
        b.set_gc_refs(b.refcnt() - usize::from(b.has(flag::WEAK_HELD)));
    }
    let mut garbage = Vec::new();
    let marked = mark_reachable(&boxes).is_some() && garbage.try_reserve(boxes.len()).is_ok();
    if marked {
        let unreachable = boxes.iter().filter(|b| !b.has(flag::REACHABLE));
        garbage.extend(unreachable.map(|b| b.new_ref()));
    }
    for b in &boxes {
        b.unset(flag::COLLECTING | flag::REACHABLE | flag::PINNED);
    }
    marked.then_some((garbage, boxes.len()))
}

/// Subtracts internal references, then marks what is reachable from outside `boxes`.
/// Every box must have `COLLECTING` set and `gc_refs` = its count (less what the caller
/// itself holds). `None` when its work lists could not get memory.
fn mark_reachable(boxes: &[&GcBox]) -> Option<()> {
    let mut children: Vec<*const GcBox> = Vec::new();
    for b in boxes {
        children.clear();
        let mut out_of_memory = false;
        let complete = traverse(&b.obj, &mut |child| {
            out_of_memory |= children.try_reserve(1).is_err();
            if !out_of_memory {
                children.push(child.header());
            }
        });
        if out_of_memory {
            return None;
        }
        if !complete {
            b.set(flag::PINNED);
            continue;
        }
        for &c in &children {
            // SAFETY: each child is held by a counted reference inside `b`, which is alive
            // and unchanged since `traverse` (no code ran in between).
            let c = unsafe { &*c };
            if c.has(flag::COLLECTING) {
                c.set_gc_refs(c.gc_refs().saturating_sub(1));
            }
        }
    }
    // Each box is pushed once at most (when it is first marked).
    let mut work: Vec<&GcBox> = Vec::new();
    work.try_reserve(boxes.len()).ok()?;
    for b in boxes {
        if b.gc_refs() > 0 || b.has(flag::PINNED) {
            b.set(flag::REACHABLE);
            work.push(b);
        }
    }
    while let Some(b) = work.pop() {
        traverse(&b.obj, &mut |child| {
            let c = child.header();
            if c.has(flag::COLLECTING) && !c.has(flag::REACHABLE) {
                c.set(flag::REACHABLE);
                // SAFETY: `c` is held by a counted reference inside `b`, which is held (by
                // `boxes`' list) and not modified until the marking ends: no code runs.
                work.push(unsafe { &*(c as *const GcBox) });
            }
        });
    }
    Some(())
}

/// Steps 4-5; returns how many of `garbage` were freed (0 if a finalizer resurrected any).
fn finalize_and_clear(heap: &Heap, garbage: Vec<ObjRef>, hooks: &mut dyn Finalize) -> usize {
    if garbage.is_empty() {
        return 0;
    }
    hooks.clear_weakrefs(&garbage);
    let to_finalize: Vec<ObjRef> = garbage
        .iter()
        .filter(|o| !o.header().has(flag::FINALIZED) && super::has_finalizer(o, &heap.del_name))
        .cloned()
        .collect();
    if !to_finalize.is_empty() {
        for o in &to_finalize {
            o.header().set(flag::FINALIZED);
        }
        hooks.finalize(&to_finalize);
        drop(to_finalize);
        if resurrected(&garbage) {
            return 0;
        }
    }
    let n = garbage.len();
    let mut taken = Taken::default();
    for o in &garbage {
        clear(o, &mut taken);
    }
    drop(taken);
    drop(garbage);
    n
}

/// Whether anything outside `garbage` (which this caller holds one count of each of) refers
/// to one of its objects now.
fn resurrected(garbage: &[ObjRef]) -> bool {
    let boxes: Vec<&GcBox> = garbage.iter().map(|o| o.header()).collect();
    for b in &boxes {
        b.set(flag::COLLECTING);
        b.set_gc_refs(b.refcnt() - 1 - usize::from(b.has(flag::WEAK_HELD)));
    }
    mark_reachable(&boxes);
    let any = boxes.iter().any(|b| b.has(flag::REACHABLE));
    for b in &boxes {
        b.unset(flag::COLLECTING | flag::REACHABLE | flag::PINNED);
    }
    any
}

/// Whether `obj` is tracked by the collector (`gc.is_tracked`).
pub fn is_tracked(obj: &ObjRef) -> bool {
    obj.header().has(flag::TRACKED)
}

/// Whether `obj`'s `__del__` has run (`gc.is_finalized`).
pub fn is_finalized(obj: &ObjRef) -> bool {
    obj.header().has(flag::FINALIZED)
}

/// Every tracked object of `generation` (all generations if `None`), for `gc.get_objects`.
pub fn objects(heap: &Heap, generation: Option<usize>) -> Vec<ObjRef> {
    let gens = match generation {
        Some(g) => g..g + 1,
        None => 0..GENERATIONS,
    };
    gens.flat_map(|g| heap.boxes(g))
        .map(|b| b.new_ref())
        .collect()
}

/// The objects `obj` refers to directly (`gc.get_referents`).
pub fn referents(obj: &Obj) -> Vec<ObjRef> {
    let mut out = Vec::new();
    traverse(obj, &mut |c| out.push(c.clone()));
    out
}
