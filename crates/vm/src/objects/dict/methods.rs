//! Methods of `dict`, `set` and `frozenset`.

use std::cell::RefCell;

use gilvm_compiler::bytecode::BinaryOperator as B;

use crate::interp::build_values::{mapping_items, new_set, set_value};
use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::{DictViewKind, Obj, ObjRef, Value};
use crate::objects::dict::{Dict, Key};
use crate::objects::function::{Args, NativeFn};
use crate::protocol::iter;
use crate::protocol::ops;

pub const DICT_METHODS: &[(&str, NativeFn)] = &[
    ("fromkeys", fromkeys),
    ("get", get),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("pop", pop),
    ("popitem", popitem),
    ("setdefault", setdefault),
    ("update", update),
    ("copy", dict_copy),
    ("clear", clear),
];

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
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
];

fn dict_of(this: &Value) -> &RefCell<Dict> {
    match this.obj().map(|o| &**o) {
        Some(Obj::Dict(d)) => d,
        Some(Obj::Set { items, .. }) => items,
        _ => unreachable!("dict/set methods are only looked up on dicts and sets"),
    }
}

/// The key under which `v` is (or would be) stored in the dict or set `this`.
fn key(ts: &mut ThreadState, this: &Value, v: &Value) -> PyResult<Key> {
    crate::objects::dict::keys::key_in(ts, dict_of(this), v)
}

fn get(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "get", args, 1, 2)?;
    let k = key(ts, this, &a[0])?;
    let found = dict_of(this).borrow().get_hashed(&k).cloned();
    Ok(found.unwrap_or_else(|| a.get(1).cloned().unwrap_or(Value::None)))
}

fn view(this: &Value, kind: DictViewKind) -> PyResult {
    let dict = this.obj().cloned().expect("dict methods get a dict");
    Ok(Value::Obj(ObjRef::new(Obj::DictView { dict, kind })))
}

fn keys(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "keys", args, 0, 0)?;
    view(this, DictViewKind::Keys)
}

fn values(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "values", args, 0, 0)?;
    view(this, DictViewKind::Values)
}

fn items(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "items", args, 0, 0)?;
    view(this, DictViewKind::Items)
}

fn pop(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "pop", args, 1, 2)?;
    let k = key(ts, this, &a[0])?;
    let removed = dict_of(this).borrow_mut().remove_hashed(&k);
    match (removed, a.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(ts.key_error(a[0].clone())),
    }
}

fn popitem(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "popitem", args, 0, 0)?;
    let last = dict_of(this).borrow_mut().pop_last();
    match last {
        Some((k, v)) => Ok(Value::new_tuple(vec![k, v])),
        None => Err(ts.key_error(Value::new_str("popitem(): dictionary is empty"))),
    }
}

fn setdefault(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setdefault", args, 1, 2)?;
    let k = key(ts, this, &a[0])?;
    let existing = dict_of(this).borrow().get_hashed(&k).cloned();
    if let Some(v) = existing {
        return Ok(v);
    }
    let default = a.get(1).cloned().unwrap_or(Value::None);
    dict_of(this).borrow_mut().insert_hashed(k, default.clone());
    Ok(default)
}

fn update(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    if args.pos.len() > 1 {
        return Err(ts.type_error(format!(
            "update expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    if let Some(src) = args.pos.first() {
        for (k, v) in mapping_items(ts, src)? {
            let k = key(ts, this, &k)?;
            dict_of(this).borrow_mut().insert_hashed(k, v);
        }
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        dict_of(this).borrow_mut().insert(k.clone(), v.clone());
    }
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`: reached unbound, so the iterable arrives as `this`.
fn fromkeys(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "fromkeys", args, 0, 1)?;
    let value = a.first().cloned().unwrap_or(Value::None);
    let mut d = Dict::new();
    for k in crate::protocol::iter::collect(ts, this)? {
        crate::objects::dict::keys::insert_new(ts, &mut d, k, value.clone())?;
    }
    Ok(Value::new_dict(d))
}

fn dict_copy(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "copy", args, 0, 0)?;
    Ok(Value::new_dict(dict_of(this).borrow().clone()))
}

fn clear(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "clear", args, 0, 0)?;
    dict_of(this).borrow_mut().clear();
    Ok(Value::None)
}

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
    dict_of(this).borrow_mut().insert_hashed(k, Value::None);
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
    let first = dict_of(this).borrow().keys().next().cloned();
    match first {
        Some(k) => {
            dict_of(this).borrow_mut().remove(&k);
            Ok(k)
        }
        None => Err(ts.key_error(Value::new_str("pop from an empty set"))),
    }
}

fn set_copy(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "copy", args, 0, 0)?;
    Ok(set_value(dict_of(this).borrow().clone(), is_frozen(this)))
}

fn set_update(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    mutable_set(ts, this, "update")?;
    for src in args.pos {
        crate::interp::build_values::set_update(ts, this, src)?;
    }
    Ok(Value::None)
}

/// Applies a set operator between `this` and each argument (converted to sets).
fn combine(ts: &mut ThreadState, this: &Value, args: &Args, op: B) -> PyResult {
    let mut acc = set_value(dict_of(this).borrow().clone(), is_frozen(this));
    for src in args.pos {
        let items = iter::collect(ts, src)?;
        let other = new_set(ts, items, false)?;
        acc = ops::binary_op(ts, op, &acc, &other)?;
    }
    Ok(acc)
}

fn union(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    combine(ts, this, args, B::Or)
}

fn intersection(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    combine(ts, this, args, B::And)
}

fn difference(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    combine(ts, this, args, B::Subtract)
}

fn symmetric_difference(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    combine(ts, this, args, B::Xor)
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
