//! The collector on hand-built object graphs: what it must free, and what it must not.

use std::cell::RefCell;
use std::rc::Rc;

use super::collect::{collect, is_tracked, Collected, Finalize};
use super::heap::Heap;
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};

struct NoHooks;
impl Finalize for NoHooks {
    fn finalize(&mut self, _objs: &[ObjRef]) {}
    fn clear_weakrefs(&mut self, _garbage: &[ObjRef]) {}
}

/// Notices when it is freed (held in a list, it tells whether the list's contents went).
struct Witness {
    _alive: Rc<()>,
}
impl NativeHandle for Witness {
    fn repr(&self) -> String {
        String::new()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn witness(alive: &Rc<()>) -> Value {
    Value::Obj(ObjRef::new(Obj::Handle(Box::new(Witness {
        _alive: alive.clone(),
    }))))
}

fn list_of(o: &ObjRef) -> &RefCell<Vec<Value>> {
    match &**o {
        Obj::List(l) => l,
        _ => panic!("a list"),
    }
}

/// A list holding itself and a witness; returns the list.
fn self_cycle(alive: &Rc<()>) -> ObjRef {
    let l = Value::new_list(vec![witness(alive)]);
    let o = l.obj().unwrap().clone();
    list_of(&o).borrow_mut().push(l);
    o
}

fn full(heap: &Heap) -> Collected {
    collect(heap, 2, &mut NoHooks)
}

#[test]
fn containers_are_tracked_only_under_a_heap() {
    let outside = Value::new_list(vec![]);
    assert!(!is_tracked(outside.obj().unwrap()));
    let heap = Heap::new();
    let _in = heap.enter_thread();
    let inside = Value::new_list(vec![]);
    assert!(is_tracked(inside.obj().unwrap()));
    assert!(!is_tracked(Value::new_str("s").obj().unwrap()));
    assert_eq!(heap.counts[0].get(), 1);
    drop(inside);
    assert_eq!(heap.counts[0].get(), 0);
}

#[test]
fn an_unreachable_cycle_is_freed() {
    let heap = Heap::new();
    let _in = heap.enter_thread();
    let alive = Rc::new(());
    drop(self_cycle(&alive));
    assert_eq!(
        Rc::strong_count(&alive),
        2,
        "refcounting alone cannot free it"
    );
    assert_eq!(full(&heap).unreachable, 1);
    assert_eq!(Rc::strong_count(&alive), 1);
    assert_eq!(heap.len(2), 0);
}

#[test]
fn a_cycle_held_from_outside_survives_every_generation() {
    let heap = Heap::new();
    let _in = heap.enter_thread();
    let alive = Rc::new(());
    let held = self_cycle(&alive);
    for generation in [0, 1, 2, 2] {
        assert_eq!(collect(&heap, generation, &mut NoHooks).unreachable, 0);
    }
    assert_eq!(Rc::strong_count(&alive), 2);
    assert_eq!(list_of(&held).borrow().len(), 2);
}

#[test]
fn what_a_live_object_reaches_through_a_cycle_survives() {
    let heap = Heap::new();
    let _in = heap.enter_thread();
    let alive = Rc::new(());
    // outer -> inner cycle; only `outer` is held.
    let inner = self_cycle(&alive);
    let outer = Value::new_tuple(vec![Value::Obj(inner)]);
    assert_eq!(full(&heap).unreachable, 0);
    assert_eq!(Rc::strong_count(&alive), 2);
    drop(outer);
    assert_eq!(full(&heap).unreachable, 1);
    assert_eq!(Rc::strong_count(&alive), 1);
}

#[test]
fn a_borrowed_object_and_what_it_holds_are_never_collected() {
    let heap = Heap::new();
    let _in = heap.enter_thread();
    let alive = Rc::new(());
    // a <-> b, and `a` is mutably borrowed (native code in the middle of an operation).
    let a = Value::new_list(vec![witness(&alive)]);
    let b = Value::new_list(vec![a.clone()]);
    let a_ref = a.obj().unwrap().clone();
    list_of(&a_ref).borrow_mut().push(b);
    drop(a);
    let raw: *const RefCell<Vec<Value>> = list_of(&a_ref);
    drop(a_ref);
    // SAFETY: the cycle keeps the list alive until the collection below, which must not
    // free it while it is borrowed (what this test checks).
    let guard = unsafe { &*raw }.borrow_mut();
    assert_eq!(full(&heap).unreachable, 0);
    assert_eq!(guard.len(), 2);
    drop(guard);
    assert_eq!(full(&heap).unreachable, 2);
    assert_eq!(Rc::strong_count(&alive), 1);
}

#[test]
fn a_generation_collection_leaves_older_objects_alone() {
    let heap = Heap::new();
    let _in = heap.enter_thread();
    let alive = Rc::new(());
    drop(self_cycle(&alive));
    heap.merge(0, 2);
    assert_eq!(collect(&heap, 0, &mut NoHooks).unreachable, 0);
    assert_eq!(Rc::strong_count(&alive), 2);
    assert_eq!(full(&heap).unreachable, 1);
}

#[test]
fn the_threshold_asks_for_attention() {
    let heap = Heap::new();
    let _in = heap.enter_thread();
    heap.thresholds[0].set(3);
    let keep: Vec<Value> = (0..3).map(|_| Value::new_list(vec![])).collect();
    assert!(!heap.attention.get() && heap.due().is_none());
    let one_more = Value::new_list(vec![]);
    assert!(heap.attention.get());
    assert_eq!(heap.due(), Some(0));
    drop((keep, one_more));
}

#[test]
fn objects_outliving_their_heap_are_untracked_and_free_safely() {
    let alive = Rc::new(());
    let survivor = {
        let heap = Heap::new();
        let _in = heap.enter_thread();
        Value::new_list(vec![witness(&alive)])
    };
    assert!(!is_tracked(survivor.obj().unwrap()));
    drop(survivor);
    assert_eq!(Rc::strong_count(&alive), 1);
}

#[test]
fn freeze_hides_objects_from_collections() {
    let heap = Heap::new();
    let _in = heap.enter_thread();
    let alive = Rc::new(());
    drop(self_cycle(&alive));
    heap.freeze();
    assert_eq!(heap.freeze_count(), 1);
    assert_eq!(full(&heap).unreachable, 0);
    heap.unfreeze();
    assert_eq!(full(&heap).unreachable, 1);
    assert_eq!(Rc::strong_count(&alive), 1);
}
