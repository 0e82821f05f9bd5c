//! Freeing deep nests without deep native recursion (CPython's "trashcan").
//!
//! Dropping the last reference to a list that holds the last reference to a list that holds…
//! would recurse once per level on the native stack: `x = [x]` twenty million times, then
//! `del x`, overflowed it. So when a container (a list, tuple, dict, set, instance, cell,
//! bound method, function, generator or native state holding values) is freed, its `Drop` moves its children out first: each child that is itself the last reference to
//! a container goes on a local work list instead of being dropped inside its parent's drop, and
//! the work list is emptied in a loop. Every level is then freed at the same native depth.
//!
//! The common cases stay cheap: dropping a reference that is not the last one is `Rc`'s own
//! inlined decrement, unchanged (this `Drop` is on `Obj`, reached only from `Rc`'s release
//! path), and freeing an object that cannot hold others (str, int, float...) adds one tag check.

use crate::object::layout::InstanceAttrs;
use crate::object::value::{Obj, ObjRef, Value};

impl Drop for Obj {
    /// Runs when the last reference goes (inside `Rc`'s out-of-line release path), so the drop
    /// of a reference that is not the last costs nothing more than `Rc`'s own.
    fn drop(&mut self) {
        if may_nest(self) {
            dismantle(self);
        }
    }
}

/// Whether the object can hold the last reference to another container.
#[inline(always)]
fn may_nest(obj: &Obj) -> bool {
    matches!(
        obj,
        Obj::List(_)
            | Obj::Tuple(_)
            | Obj::Dict(_)
            | Obj::Set { .. }
            | Obj::Instance(_)
            | Obj::Cell(_)
            | Obj::BoundMethod { .. }
            | Obj::Function(_)
            | Obj::Generator(_)
    ) || matches!(obj, Obj::Handle(h) if h.holds_values())
}

/// Empties `top` (a container being freed) and, iteratively, every container it alone
/// holds, before they are freed. An object already emptied costs nothing more here.
fn dismantle(top: &mut Obj) {
    let mut pending: Vec<ObjRef> = Vec::new();
    take_children(top, &mut pending);
    while let Some(mut next) = pending.pop() {
        if let Some(obj) = next.get_mut() {
            take_children(obj, &mut pending);
        }
        // `next` is freed here, emptied: its own drop finds nothing left to move.
    }
}

/// Drops `v` now unless it is the last reference to a container, which goes on `pending`.
/// One with a finalizer still to run is dropped as it is: the finalizer queue takes it, and
/// its `__del__` must find its attributes. When the work list cannot grow (no memory left,
/// as after a `MemoryError`), the container is dropped here, nested: freeing must not abort.
#[inline(always)]
fn defer(v: Value, pending: &mut Vec<ObjRef>) {
    if let Value::Obj(o) = v {
        if o.strong_count() == 1
            && may_nest(&o)
            && !crate::object::gc::heap::awaits_finalizer(o.header())
            && pending.try_reserve(1).is_ok()
        {
            pending.push(o);
        }
    }
}

fn defer_ref(o: ObjRef, pending: &mut Vec<ObjRef>) {
    defer(Value::Obj(o), pending);
}

/// Moves the children of `obj` (whose only reference is being dropped) out: the ones that are
/// the last reference to a container onto `pending`; the rest are dropped here.
fn take_children(obj: &mut Obj, pending: &mut Vec<ObjRef>) {
    match obj {
        Obj::List(items) => {
            for v in std::mem::take(items.get_mut()) {
                defer(v, pending);
            }
        }
        Obj::Tuple(items) => {
            for v in std::mem::take(items).into_vec() {
                defer(v, pending);
            }
        }
        Obj::Dict(d) | Obj::Set { items: d, .. } => take_dict(d.get_mut(), pending),
        Obj::Instance(inst) => {
            match inst.attrs.get_mut() {
                InstanceAttrs::Split(values) => {
                    for v in std::mem::take(values) {
                        defer(v, pending);
                    }
                }
                InstanceAttrs::Dict(d) => {
                    if let Some(Obj::Dict(d)) = d.get_mut() {
                        take_dict(d.get_mut(), pending);
                    }
                }
            }
            defer(inst.take_base(), pending);
            if let Some(exc) = &mut inst.exc {
                let exc = exc.get_mut();
                for v in std::mem::take(&mut exc.args) {
                    defer(v, pending);
                }
                defer(std::mem::take(&mut exc.cause), pending);
                defer(std::mem::take(&mut exc.context), pending);
            }
        }
        Obj::Cell(v) => defer(std::mem::take(v.get_mut()), pending),
        Obj::BoundMethod { func, this } => {
            defer(std::mem::take(func), pending);
            defer(std::mem::take(this), pending);
        }
        Obj::Function(f) => {
            for v in std::mem::take(&mut f.defaults) {
                defer(v, pending);
            }
            for cell in std::mem::take(&mut f.closure) {
                defer_ref(cell, pending);
            }
            if let Some(kw) = f.kwdefaults.take() {
                defer_ref(kw, pending);
            }
        }
        Obj::Generator(g) => {
            if let Some(mut frame) = g.frame.get_mut().take() {
                for v in std::mem::take(&mut frame.slots) {
                    defer(v, pending);
                }
                for cell in std::mem::take(&mut frame.cells) {
                    defer_ref(cell, pending);
                }
                if let Some(ns) = frame.namespace.take() {
                    defer_ref(ns, pending);
                }
            }
        }
        Obj::Handle(h) => {
            for v in h.take_values() {
                defer(v, pending);
            }
        }
        _ => {}
    }
}

/// Empties a dict whose only reference is being dropped, when one of its keys or values is
/// the last reference to a container (otherwise its own drop is shallow).
fn take_dict(d: &mut crate::objects::dict::Dict, pending: &mut Vec<ObjRef>) {
    let unique_container =
        |v: &Value| matches!(v, Value::Obj(o) if o.strong_count() == 1 && may_nest(o));
    if !d
        .iter_any_order()
        .any(|(k, v)| unique_container(k) || unique_container(v))
    {
        return;
    }
    while let Some((k, v)) = d.pop_last() {
        defer(k, pending);
        defer(v, pending);
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::object::typeobj::{ExcData, Instance};
    use crate::objects::dict::{Dict, Key};

    /// Levels enough to overflow the test thread's stack if each level recursed.
    const DEPTH: usize = 200_000;

    /// Builds a nest `DEPTH` deep with `wrap` and frees it on a thread with a 256 KiB stack.
    fn free_deep(wrap: fn(Value) -> Value) {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                let mut x = Value::None;
                for _ in 0..DEPTH {
                    x = wrap(x);
                }
                drop(x);
            })
            .expect("spawn")
            .join()
            .expect("the drop did not overflow");
    }

    #[test]
    fn deep_lists_tuples_dicts_and_sets_free_iteratively() {
        free_deep(|x| Value::new_list(vec![Value::Int(1), x]));
        free_deep(|x| Value::new_tuple(vec![x, Value::new_str("s")]));
        free_deep(|x| {
            let mut d = Dict::new();
            d.insert(Value::Int(0), x);
            Value::new_dict(d)
        });
        free_deep(|x| {
            // A frozenset holding a tuple holding the previous level (the hash is given:
            // hashing the nest would recurse).
            let mut d = Dict::new();
            let key = Value::new_tuple(vec![x]);
            d.insert_hashed(
                Key {
                    hash: 1,
                    value: key,
                },
                Value::None,
            );
            Value::Obj(ObjRef::new(Obj::Set {
                items: Box::new(RefCell::new(d)),
                frozen: true,
            }))
        });
    }

    #[test]
    fn deep_instances_cells_bound_methods_and_exceptions_free_iteratively() {
        free_deep(|x| {
            let class = ObjRef::new(Obj::Ellipsis);
            let mut attrs = Dict::new();
            attrs.insert(Value::new_str("next"), x);
            Value::Obj(ObjRef::new(Obj::Instance(Instance::new(
                class, attrs, None,
            ))))
        });
        free_deep(|x| Value::Obj(Value::new_cell(x)));
        free_deep(|x| {
            Value::Obj(ObjRef::new(Obj::BoundMethod {
                func: Value::None,
                this: x,
            }))
        });
        free_deep(|x| {
            let exc = ExcData {
                context: x,
                cause: Value::None,
                ..ExcData::default()
            };
            let class = ObjRef::new(Obj::Ellipsis);
            let inst = Instance::new(class, Dict::new(), Some(RefCell::new(exc)));
            Value::Obj(ObjRef::new(Obj::Instance(inst)))
        });
    }

    #[test]
    fn shared_children_survive_intact() {
        let shared = Value::new_list(vec![Value::Int(7), Value::new_list(vec![Value::Int(8)])]);
        let mut x = shared.clone();
        for _ in 0..1000 {
            x = Value::new_list(vec![x]);
        }
        let held = Value::new_tuple(vec![x.clone()]);
        drop(x); // shared with `held`: nothing is emptied
        let Some(Obj::Tuple(t)) = held.obj().map(|o| &**o) else {
            panic!("a tuple");
        };
        assert!(matches!(t[0].obj().map(|o| &**o), Some(Obj::List(l)) if l.borrow().len() == 1));
        drop(held);
        let Some(Obj::List(items)) = shared.obj().map(|o| &**o) else {
            panic!("a list");
        };
        let items = items.borrow();
        assert_eq!(items.len(), 2);
        assert!(matches!(items[0], Value::Int(7)));
        let Some(Obj::List(inner)) = items[1].obj().map(|o| &**o) else {
            panic!("the inner list");
        };
        assert!(matches!(inner.borrow()[..], [Value::Int(8)]));
        assert_eq!(shared.obj().map(|o| o.strong_count()), Some(1));
    }
}
