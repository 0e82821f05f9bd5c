//! Dict keys with Python-level equality. `Dict` compares keys natively (so a lookup never runs
//! Python code while the dict is borrowed); a key whose class defines `__eq__` is first
//! *resolved* here: the stored key with the same hash that compares equal through `__eq__`
//! replaces it, after which the native identity comparison finds the right entry.

use std::cell::RefCell;

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::OrMemoryError;
use crate::object::error::PyResult;
use crate::object::names::Dunder;
use crate::object::value::{Obj, Value};
use crate::objects::dict::{hash_value, Dict, Key};
use crate::protocol::class::lookup_special;
use crate::protocol::ops;

/// The hash of a number or str (most keys and set members): they hash and compare natively,
/// so they are looked up as they are. `None` for every other value.
#[inline]
pub fn native_hash(v: &Value) -> Option<u64> {
    let native = match v {
        Value::Obj(o) => matches!(&**o, Obj::Str(_)),
        _ => true,
    };
    if native {
        hash_value(v)
    } else {
        None
    }
}

fn has_user_eq(ts: &ThreadState, v: &Value) -> bool {
    v.as_instance().is_some_and(|inst| {
        lookup_special(ts, inst.class(), Dunder::Eq).is_some() || inst.with_base(|b| !b.is_null())
    })
}

/// Hashes `v` and, when its equality is user-defined, picks the equal key among `existing`
/// (the stored keys with the same hash).
fn resolve(
    ts: &mut ThreadState,
    v: &Value,
    existing: impl FnOnce(u64) -> Vec<Value>,
) -> PyResult<Key> {
    if let Some(hash) = native_hash(v) {
        return Ok(Key {
            hash,
            value: v.clone(),
        });
    }
    let hash = ops::hash(ts, v)?;
    if has_user_eq(ts, v) {
        for stored in existing(hash) {
            if stored.is(v) || ops::eq(ts, &stored, v)? {
                return Ok(Key {
                    hash,
                    value: stored,
                });
            }
        }
    }
    Ok(Key {
        hash,
        value: v.clone(),
    })
}

/// The key under which `v` is (or would be) stored in the dict or set `d`.
pub fn key_in(ts: &mut ThreadState, d: &RefCell<Dict>, v: &Value) -> PyResult<Key> {
    resolve(ts, v, |hash| d.borrow().keys_with_hash(hash))
}

/// [`key_in`] for a dict that Python code cannot reach yet (one being built).
pub fn key_in_new(ts: &mut ThreadState, d: &Dict, v: &Value) -> PyResult<Key> {
    resolve(ts, v, |hash| d.keys_with_hash(hash))
}

/// `k` as a key: a str or number (most keys) moves in as it is, uncounted.
#[inline]
fn native_key(k: Value) -> Result<Key, Value> {
    match native_hash(&k) {
        Some(hash) => Ok(Key { hash, value: k }),
        None => Err(k),
    }
}

/// Inserts `k: v` into `d`, keeping the stored key when an equal one exists (as CPython).
pub fn insert(ts: &mut ThreadState, d: &RefCell<Dict>, k: Value, v: Value) -> PyResult<()> {
    let key = match native_key(k) {
        Ok(key) => key,
        Err(k) => key_in(ts, d, &k)?,
    };
    let mut d = d.borrow_mut();
    d.make_room().or_memory_error(ts)?;
    d.insert_hashed(key, v);
    Ok(())
}

/// [`insert`] into a dict being built.
pub fn insert_new(ts: &mut ThreadState, d: &mut Dict, k: Value, v: Value) -> PyResult<()> {
    let key = match native_key(k) {
        Ok(key) => key,
        Err(k) => key_in_new(ts, d, &k)?,
    };
    d.make_room().or_memory_error(ts)?;
    d.insert_hashed(key, v);
    Ok(())
}
