//! Methods of `dict` (and the helpers `set`'s methods share: a set's entries are a `Dict`).

use std::cell::RefCell;

use crate::interp::build_values::mapping_items;
use crate::interp::thread_state::ThreadState;
use crate::object::alloc::OrMemoryError;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::{DictViewKind, Obj, ObjRef, Value};
use crate::objects::dict::{Dict, Key};
use crate::objects::function::{Args, NativeFn};

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

pub(crate) fn dict_of(this: &Value) -> &RefCell<Dict> {
    match this.obj().map(|o| &**o) {
        Some(Obj::Dict(d)) => d,
        Some(Obj::Set { items, .. }) => items,
        _ => unreachable!("dict/set methods are only looked up on dicts and sets"),
    }
}

/// The key under which `v` is (or would be) stored in the dict or set `this`.
pub(crate) fn key(ts: &mut ThreadState, this: &Value, v: &Value) -> PyResult<Key> {
    crate::objects::dict::keys::key_in(ts, dict_of(this), v)
}

fn get(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "get", args, 1, 2)?;
    let found = match crate::objects::dict::keys::native_hash(&a[0]) {
        // A str or number key: looked up as it is, without counting it.
        Some(hash) => dict_of(this).borrow().get_with_hash(hash, &a[0]).cloned(),
        None => {
            let k = key(ts, this, &a[0])?;
            dict_of(this).borrow().get_hashed(&k).cloned()
        }
    };
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

/// Inserts a key a script chose, growing the dict or set fallibly (`MemoryError`).
pub(crate) fn insert_key(ts: &ThreadState, this: &Value, k: Key, v: Value) -> PyResult<()> {
    let mut d = dict_of(this).borrow_mut();
    d.make_room().or_memory_error(ts)?;
    d.insert_hashed(k, v);
    Ok(())
}

fn setdefault(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setdefault", args, 1, 2)?;
    let k = key(ts, this, &a[0])?;
    let existing = dict_of(this).borrow().get_hashed(&k).cloned();
    if let Some(v) = existing {
        return Ok(v);
    }
    let default = a.get(1).cloned().unwrap_or(Value::None);
    insert_key(ts, this, k, default.clone())?;
    Ok(default)
}

pub fn update(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    if args.pos.len() > 1 {
        return Err(ts.type_error(format!(
            "update expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    if let Some(src) = args.pos.first() {
        for (k, v) in mapping_items(ts, src)? {
            let k = key(ts, this, &k)?;
            insert_key(ts, this, k, v)?;
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

pub(crate) fn clear(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "clear", args, 0, 0)?;
    dict_of(this).borrow_mut().clear();
    Ok(Value::None)
}

/// The methods of `dict_keys` and `dict_items` (their set operators are `protocol/sequence`'s).
pub const VIEW_METHODS: &[(&str, NativeFn)] = &[("isdisjoint", view_isdisjoint)];

/// `view.isdisjoint(iterable)`: no item of `iterable` is in the view.
fn view_isdisjoint(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let name = match this.obj().map(|o| &**o) {
        Some(Obj::DictView {
            kind: DictViewKind::Items,
            ..
        }) => "dict_items.isdisjoint",
        _ => "dict_keys.isdisjoint",
    };
    let a = positional(ts, name, args, 1, 1)?;
    for item in crate::protocol::iter::collect(ts, &a[0])? {
        if crate::protocol::ops::contains(ts, this, &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
