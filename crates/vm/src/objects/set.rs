//! Methods of `set` and `frozenset`. A set's entries are a [`Dict`] whose values are `None`
//! (with CPython's set hash table beside them for the iteration order, `dict/set_table.rs`).

use crate::interp::build_values::{new_set, set_value};
use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::dict::methods::{clear, dict_of, insert_key, key};
use crate::objects::dict::{Dict, Key};
use crate::objects::function::{Args, NativeFn};
use crate::protocol::iter;

pub const SET_METHODS: &[(&str, NativeFn)] = &[
    ("add", add),
    ("remove", remove),
    ("discard", discard),
    ("pop", set_pop),
    ("clear", clear),
    ("copy", set_copy),
    ("update", set_update),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("intersection_update", intersection_update),
    ("difference_update", difference_update),
    ("symmetric_difference_update", symmetric_difference_update),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
];

fn is_frozen(this: &Value) -> bool {
    matches!(
        this.obj().map(|o| &**o),
        Some(Obj::Set { frozen: true, .. })
    )
}

fn mutable_set(ts: &ThreadState, this: &Value, name: &str) -> PyResult<()> {
    if is_frozen(this) {
        return Err(ts.new_exc(
            crate::object::error::ExcKind::AttributeError,
            format!("'frozenset' object has no attribute '{name}'"),
        ));
    }
    Ok(())
}

fn add(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    mutable_set(ts, this, "add")?;
    let a = positional(ts, "set.add", args, 1, 1)?;
    let k = key(ts, this, &a[0])?;
    insert_key(ts, this, k, Value::None)?;
    Ok(Value::None)
}

fn remove(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    mutable_set(ts, this, "remove")?;
    let a = positional(ts, "set.remove", args, 1, 1)?;
    let k = key(ts, this, &a[0])?;
    let removed = dict_of(this).borrow_mut().remove_hashed(&k);
    removed
        .map(|_| Value::None)
        .ok_or_else(|| ts.key_error(a[0].clone()))
}

fn discard(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    mutable_set(ts, this, "discard")?;
    let a = positional(ts, "set.discard", args, 1, 1)?;
    let k = key(ts, this, &a[0])?;
    dict_of(this).borrow_mut().remove_hashed(&k);
    Ok(Value::None)
}

fn set_pop(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    mutable_set(ts, this, "pop")?;
    positional(ts, "set.pop", args, 0, 0)?;
    let popped = dict_of(this).borrow_mut().set_pop();
    popped.ok_or_else(|| ts.key_error(Value::new_str("pop from an empty set")))
}

fn set_copy(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "copy", args, 0, 0)?;
    if is_frozen(this) {
        return Ok(this.clone());
    }
    Ok(set_value(dict_of(this).borrow().set_copy(), false))
}

fn set_update(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    mutable_set(ts, this, "update")?;
    for src in args.pos {
        crate::interp::build_values::set_update(ts, this, src)?;
    }
    Ok(Value::None)
}

/// A set's storage, for `src` that is a set, else a new one built from iterating `src`.
fn as_set_storage(ts: &mut ThreadState, src: &Value) -> PyResult<Dict> {
    if let Some(Obj::Set { items, .. }) = src.obj().map(|o| &**o) {
        return Ok(items.borrow().clone());
    }
    let set = new_set(ts, Vec::new(), false)?;
    crate::interp::build_values::set_update(ts, &set, src)?;
    let d = dict_of(&set).borrow().clone();
    Ok(d)
}

/// The keys of `src` (a set in table order, else iterated) resolved against `this`.
fn keys_against(ts: &mut ThreadState, this: &Value, src: &Value) -> PyResult<Vec<Key>> {
    let items = match src.obj().map(|o| &**o) {
        Some(Obj::Set { items, .. }) => items.borrow().keys().cloned().collect(),
        _ => iter::collect(ts, src)?,
    };
    items.iter().map(|v| key(ts, this, v)).collect()
}

/// `set_intersection(so, other)` for any iterable `other`.
fn intersect(ts: &mut ThreadState, this: &Value, src: &Value) -> PyResult<Dict> {
    if this.is(src) {
        return Ok(dict_of(this).borrow().set_copy());
    }
    if let Some(Obj::Set { items, .. }) = src.obj().map(|o| &**o) {
        return Ok(dict_of(this).borrow().set_intersection(&items.borrow()));
    }
    let mut out = Dict::new_set_storage();
    for k in keys_against(ts, this, src)? {
        let found = dict_of(this).borrow().get_hashed(&k).is_some();
        if found {
            out.insert_hashed(k, Value::None);
        }
    }
    Ok(out)
}

/// `set_difference_update_internal(so, other)` for any iterable `other`.
fn subtract(ts: &mut ThreadState, this: &Value, src: &Value) -> PyResult<()> {
    if this.is(src) {
        dict_of(this).borrow_mut().clear();
        return Ok(());
    }
    if let Some(Obj::Set { items, .. }) = src.obj().map(|o| &**o) {
        let theirs = items.borrow();
        dict_of(this).borrow_mut().set_difference_update(&theirs);
        return Ok(());
    }
    for k in keys_against(ts, this, src)? {
        dict_of(this).borrow_mut().remove_hashed(&k);
    }
    dict_of(this).borrow_mut().set_shrink_dummies();
    Ok(())
}

fn union(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let acc = set_value(dict_of(this).borrow().set_copy(), is_frozen(this));
    for src in args.pos {
        crate::interp::build_values::set_update(ts, &acc, src)?;
    }
    Ok(acc)
}

fn intersection(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let mut acc = set_value(dict_of(this).borrow().set_copy(), is_frozen(this));
    for (i, src) in args.pos.iter().enumerate() {
        let base = if i == 0 { this } else { &acc };
        let r = intersect(ts, base, src)?;
        acc = set_value(r, is_frozen(this));
    }
    Ok(acc)
}

fn difference(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let Some(first) = args.pos.first() else {
        return Ok(set_value(
            dict_of(this).borrow().set_copy(),
            is_frozen(this),
        ));
    };
    let acc = match first.obj().map(|o| &**o) {
        Some(Obj::Set { items, .. }) if !this.is(first) => {
            let r = dict_of(this).borrow().set_difference(&items.borrow());
            set_value(r, is_frozen(this))
        }
        _ => {
            let acc = set_value(dict_of(this).borrow().set_copy(), is_frozen(this));
            subtract(ts, &acc, first)?;
            acc
        }
    };
    for src in &args.pos[1..] {
        subtract(ts, &acc, src)?;
    }
    Ok(acc)
}

fn symmetric_difference(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "symmetric_difference", args, 1, 1)?;
    let mut other = as_set_storage(ts, &a[0])?;
    if matches!(a[0].obj().map(|o| &**o), Some(Obj::Set { .. })) {
        other = other.set_copy();
    }
    other.set_symmetric_difference_update(&dict_of(this).borrow());
    Ok(set_value(other, is_frozen(this)))
}

fn intersection_update(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    mutable_set(ts, this, "intersection_update")?;
    let r = intersection(ts, this, args)?;
    let d = dict_of(&r).borrow().clone();
    *dict_of(this).borrow_mut() = d;
    Ok(Value::None)
}

fn difference_update(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    mutable_set(ts, this, "difference_update")?;
    for src in args.pos {
        subtract(ts, this, src)?;
    }
    Ok(Value::None)
}

fn symmetric_difference_update(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    mutable_set(ts, this, "symmetric_difference_update")?;
    let a = positional(ts, "symmetric_difference_update", args, 1, 1)?;
    if this.is(&a[0]) {
        dict_of(this).borrow_mut().clear();
        return Ok(Value::None);
    }
    let other = as_set_storage(ts, &a[0])?;
    dict_of(this)
        .borrow_mut()
        .set_symmetric_difference_update(&other);
    Ok(Value::None)
}

fn relation(ts: &mut ThreadState, this: &Value, args: &Args, name: &str) -> PyResult<(Dict, Dict)> {
    let a = positional(ts, name, args, 1, 1)?;
    let items = iter::collect(ts, &a[0])?;
    let other = new_set(ts, items, false)?;
    let mine = dict_of(this).borrow().clone();
    let theirs = dict_of(&other).borrow().clone();
    Ok((mine, theirs))
}

fn issubset(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (s, o) = relation(ts, this, args, "issubset")?;
    let r = s.keys().all(|k| o.contains(k));
    Ok(Value::Bool(r))
}

fn issuperset(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (s, o) = relation(ts, this, args, "issuperset")?;
    let r = o.keys().all(|k| s.contains(k));
    Ok(Value::Bool(r))
}

fn isdisjoint(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (s, o) = relation(ts, this, args, "isdisjoint")?;
    let r = !s.keys().any(|k| o.contains(k));
    Ok(Value::Bool(r))
}
