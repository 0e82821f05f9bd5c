//! The cycle collector (CPython's `gcmodule.c`): reference counting frees everything but
//! cycles; this finds the cycles nothing outside them keeps alive, and breaks them.
//!
//! - [`heap`]: the generation lists each container is tracked in, per interpreter.
//! - [`traverse`] visits the counted references a payload holds; [`clear`] moves out the ones
//!   held in its mutable cells (every cycle has one such edge: the other fields are set when
//!   the object is built, before anything can refer to it).
//! - [`collect`]: `gc_refs` = count − references from inside the generation; what keeps a
//!   positive `gc_refs` (held from outside: a frame, native code, a host's handle, another
//!   generation) is reachable, and so is everything it reaches; the rest is garbage.
//!
//! Collections run only at safe points (the eval breaker, `gc.collect()`), when no native code
//! is in the middle of an operation. Even so, an object whose `RefCell` is mutably borrowed
//! there is *pinned*: counted as reachable, never cleared.

pub mod collect;
pub mod heap;
pub mod weak;

use crate::object::value::{Obj, ObjRef, Value};

/// Whether objects of this payload can hold references to others (they are tracked).
#[inline(always)]
pub fn is_container(obj: &Obj) -> bool {
    matches!(
        obj,
        Obj::List(_)
            | Obj::Tuple(_)
            | Obj::Dict(_)
            | Obj::Set { .. }
            | Obj::Slice { .. }
            | Obj::Function(_)
            | Obj::Native(_)
            | Obj::BoundMethod { .. }
            | Obj::Type(_)
            | Obj::Instance(_)
            | Obj::Cell(_)
            | Obj::Module { .. }
            | Obj::Iter(_)
            | Obj::Generator(_)
            | Obj::Super { .. }
            | Obj::Property { .. }
            | Obj::ClassMethod(_)
            | Obj::StaticMethod(_)
            | Obj::DictView { .. }
    ) || matches!(obj, Obj::Handle(h) if h.holds_values())
}

/// The `__del__` of an instance's class, if it has one (read without running any code; a
/// class whose namespace is being changed right now counts as having none).
pub fn finalizer_of(obj: &Obj, del_name: &Value) -> Option<Value> {
    let Obj::Instance(inst) = obj else {
        return None;
    };
    let Obj::Type(class) = inst.class() else {
        return None;
    };
    let mro = class.mro();
    std::iter::once(inst.class())
        .chain(mro.iter().map(|c| &**c))
        .find_map(|t| match t {
            Obj::Type(t) => t.try_dict().ok()?.get(del_name).cloned(),
            _ => None,
        })
}

/// Whether `obj` has a finalizer to run before it is freed: an instance's `__del__`, or a
/// suspended generator's `close()` (PEP 442, as CPython's `_PyGen_Finalize`).
pub fn has_finalizer(obj: &Obj, del_name: &Value) -> bool {
    match obj {
        Obj::Instance(inst) => matches!(inst.class(), Obj::Type(t) if t.has_finalizer(del_name)),
        Obj::Generator(g) => needs_close(g),
        _ => false,
    }
}

/// Whether closing the generator could run code: it stopped at a `yield` inside a `try` or
/// `with` block (or a handler). Without one, `GeneratorExit` would leave its frame at once,
/// so dropping the frame is the same.
pub fn needs_close(g: &crate::objects::generator::Generator) -> bool {
    let Ok(frame) = g.frame.try_borrow() else {
        return false;
    };
    frame
        .as_ref()
        .is_some_and(|f| f.ip > 0 && !f.blocks.is_empty())
}

fn value(v: &Value, visit: &mut impl FnMut(&ObjRef)) {
    if let Value::Obj(o) = v {
        visit(o);
    }
}

fn values<'a>(vs: impl IntoIterator<Item = &'a Value>, visit: &mut impl FnMut(&ObjRef)) {
    for v in vs {
        value(v, visit);
    }
}

fn dict(d: &crate::objects::dict::Dict, visit: &mut impl FnMut(&ObjRef)) {
    for (k, v) in d.iter() {
        value(k, visit);
        value(v, visit);
    }
}

/// Visits every counted reference `obj` holds. Returns false (having visited only part) when
/// one of its cells is mutably borrowed: the caller must then treat it as pinned.
pub fn traverse(obj: &Obj, visit: &mut impl FnMut(&ObjRef)) -> bool {
    macro_rules! read {
        ($cell:expr) => {
            match $cell.try_borrow() {
                Ok(r) => r,
                Err(_) => return false,
            }
        };
    }
    match obj {
        Obj::List(items) => values(read!(items).iter(), visit),
        Obj::Tuple(items) => values(items.iter(), visit),
        Obj::Dict(d) | Obj::Set { items: d, .. } => dict(&*read!(d), visit),
        Obj::Slice { start, stop, step } => values([start, stop, step], visit),
        Obj::Function(f) => {
            visit(&f.globals);
            values(&f.defaults, visit);
            f.kwdefaults.iter().for_each(&mut *visit);
            f.closure.iter().for_each(&mut *visit);
            dict(&*read!(f.attrs), visit);
        }
        Obj::Native(n) => value(&n.this, visit),
        Obj::BoundMethod { func, this } => values([func, this], visit),
        Obj::Type(t) => {
            t.bases().iter().for_each(&mut *visit);
            t.mro().iter().for_each(&mut *visit);
            t.metaclass.iter().for_each(&mut *visit);
            dict(&*read!(t.dict_cell()), visit);
            if !t.lookup_cache.traverse(visit) || !t.init_cache.traverse(visit) {
                return false;
            }
        }
        Obj::Instance(inst) => {
            inst.traverse_classes(visit);
            read!(inst.attrs).traverse(visit);
            inst.with_base(|base| value(base, visit));
            if let Some(exc) = &inst.exc {
                let exc = read!(exc);
                values(&exc.args, visit);
                values([&exc.cause, &exc.context, &exc.traceback_object], visit);
                exc.traceback
                    .iter()
                    .for_each(|(_, _, globals)| visit(globals));
            }
        }
        Obj::Cell(v) => value(&*read!(v), visit),
        Obj::Module { dict, .. } => visit(dict),
        Obj::Iter(state) => iter_state(&*read!(state), visit),
        Obj::Generator(g) => {
            if let Some(frame) = &*read!(g.frame) {
                values(&frame.slots, visit);
                frame.cells.iter().for_each(&mut *visit);
                visit(&frame.globals);
                frame.namespace.iter().for_each(&mut *visit);
            }
        }
        Obj::Super { class, this } => {
            visit(class);
            value(this, visit);
        }
        Obj::Property {
            getter,
            setter,
            deleter,
            doc,
            native,
        } => {
            values([getter, setter, deleter], visit);
            value(&*read!(doc), visit);
            if let Some(d) = native {
                value(&d.name, visit);
                value(&d.owner, visit);
            }
        }
        Obj::ClassMethod(v) | Obj::StaticMethod(v) => value(v, visit),
        Obj::DictView { dict, .. } => visit(dict),
        Obj::Handle(h) => return h.traverse(&mut |v| value(v, visit)),
        _ => {}
    }
    true
}

fn iter_state(state: &crate::objects::iterators::IterState, visit: &mut impl FnMut(&ObjRef)) {
    use crate::objects::iterators::IterState as I;
    match state {
        I::List { list: o, .. }
        | I::Tuple { tuple: o, .. }
        | I::Str { text: o, .. }
        | I::Bytes { bytes: o, .. }
        | I::Dict { dict: o, .. } => visit(o),
        I::Snapshot { items, .. } => values(items, visit),
        I::Combinatoric(walk) => values(&walk.pool, visit),
        I::Tool(tool) => values(tool.values(), visit),
        I::Set { set, items, .. } => {
            visit(set);
            values(items, visit);
        }
        I::Enumerate { inner, .. } | I::Sequence { seq: inner, .. } => value(inner, visit),
        I::Zip { inners, .. } => values(inners, visit),
        I::Map { func, inners } => {
            value(func, visit);
            values(inners, visit);
        }
        I::Filter { func, inner } => values([func, inner], visit),
        I::Callable { func, sentinel } => values([func, sentinel], visit),
        I::Range { .. } | I::Exhausted(_) => {}
        I::Await(op) => {
            visit(&op.target);
            match &op.kind {
                crate::objects::generator::AwaitKind::ASend(v)
                | crate::objects::generator::AwaitKind::AThrow(Some(v)) => value(v, visit),
                _ => {}
            }
        }
    }
}

/// What [`clear`] took out of an object: dropped by the collector once every object of the
/// garbage has been emptied.
#[derive(Default)]
pub struct Taken {
    values: Vec<Value>,
    dicts: Vec<crate::objects::dict::Dict>,
    #[allow(clippy::vec_box)]
    frames: Vec<Box<crate::interp::frame::Frame>>,
}

impl Taken {
    fn value(&mut self, v: Value) {
        if let Value::Obj(_) = v {
            self.values.push(v);
        }
    }
}

/// Empties the mutable cells of `obj` (CPython's `tp_clear`) into `out`, so that the cycles
/// through it break. A cell that is borrowed is left alone.
pub fn clear(obj: &Obj, out: &mut Taken) {
    macro_rules! take {
        ($cell:expr) => {
            match $cell.try_borrow_mut() {
                Ok(mut r) => std::mem::take(&mut *r),
                Err(_) => return,
            }
        };
    }
    match obj {
        Obj::List(items) => out.values.extend(take!(items)),
        Obj::Dict(d) | Obj::Set { items: d, .. } => out.dicts.push(take!(d)),
        Obj::Function(f) => out.dicts.push(take!(f.attrs)),
        Obj::Type(t) => {
            // Inline caches keep class attributes without a count, valid under the tags.
            t.modified();
            out.values.extend(t.lookup_cache.take());
            out.values.extend(t.init_cache.take());
            out.dicts.push(take!(t.dict_cell()));
        }
        Obj::Instance(inst) => {
            match inst.attrs.try_borrow_mut() {
                Ok(mut attrs) => out.values.extend(attrs.take_values()),
                Err(_) => return,
            }
            out.value(inst.take_base());
            if let Some(exc) = &inst.exc {
                let mut exc = match exc.try_borrow_mut() {
                    Ok(e) => e,
                    Err(_) => return,
                };
                out.values.append(&mut exc.args);
                out.value(std::mem::take(&mut exc.cause));
                out.value(std::mem::take(&mut exc.context));
                out.value(std::mem::take(&mut exc.traceback_object));
                let entries = std::mem::take(&mut exc.traceback);
                out.values.extend(
                    entries
                        .into_iter()
                        .map(|(_, _, globals)| Value::Obj(globals)),
                );
            }
        }
        Obj::Cell(v) => out.value(take!(v)),
        Obj::Generator(g) => {
            if let Some(frame) = take!(g.frame) {
                out.frames.push(frame);
            }
        }
        Obj::Handle(h) => out.values.extend(h.take_values()),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
