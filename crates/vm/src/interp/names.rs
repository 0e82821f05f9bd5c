//! Name resolution: fast locals' errors, cells, globals (with the per-instruction cache),
//! namespace dicts and builtins.

use crate::interp::frame::Frame;
use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::code::{CodeInfo, GlobalCacheEntry};
use crate::objects::dict::{dict_get, store_dict};

pub fn unbound_local(ts: &ThreadState, code: &CodeInfo, i: u32) -> ObjRef {
    let name = code.code.varnames.get(i as usize).map_or("?", |n| &**n);
    ts.new_exc(
        ExcKind::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

fn cell_name(f: &Frame, i: u32) -> (String, bool) {
    let code = &f.code.code;
    let i = i as usize;
    if i < code.cellvars.len() {
        (code.cellvars[i].to_string(), false)
    } else {
        let free = code.freevars.get(i - code.cellvars.len());
        (free.map_or("?".to_string(), |n| n.to_string()), true)
    }
}

fn cell_contents(cell: &ObjRef) -> Value {
    match &**cell {
        Obj::Cell(c) => c.borrow().clone(),
        _ => Value::Null,
    }
}

pub fn load_deref(ts: &ThreadState, f: &Frame, i: u32) -> PyResult {
    let v = cell_contents(&f.cells[i as usize]);
    if !v.is_null() {
        return Ok(v);
    }
    let (name, is_free) = cell_name(f, i);
    Err(if is_free {
        ts.new_exc(
            ExcKind::NameError,
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        )
    } else {
        ts.new_exc(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    })
}

pub fn store_deref(f: &Frame, i: u32, v: Value) {
    if let Obj::Cell(c) = &*f.cells[i as usize] {
        *c.borrow_mut() = v;
    }
}

pub fn load_class_deref(ts: &mut ThreadState, f: &Frame, i: u32) -> PyResult {
    let (name, _) = cell_name(f, i);
    if let Some(ns) = &f.namespace {
        if let Some(v) = namespace_get(ts, ns, &Value::new_str(name))? {
            return Ok(v);
        }
    }
    load_deref(ts, f, i)
}

/// `name` in a class body's namespace: a dict, or the mapping `__prepare__` returned.
fn namespace_get(ts: &mut ThreadState, ns: &ObjRef, name: &Value) -> PyResult<Option<Value>> {
    if matches!(&**ns, Obj::Dict(_)) {
        return Ok(dict_get(ns, name));
    }
    match crate::protocol::subscript::get_item(ts, &Value::Obj(ns.clone()), name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if ts.exc_matches(&e, crate::object::error::ExcKind::KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `name = v` in a module or class body (a namespace that is not a dict gets `__setitem__`).
pub fn store_name(ts: &mut ThreadState, f: &Frame, name: &Value, v: Value) -> PyResult<()> {
    let ns = f.namespace.as_ref().unwrap_or(&f.globals);
    if matches!(&**ns, Obj::Dict(_)) {
        crate::objects::dict::store_dict(ns, name, v);
        return Ok(());
    }
    crate::protocol::subscript::set_item(ts, &Value::Obj(ns.clone()), name.clone(), v)
}

fn name_error(ts: &ThreadState, name: &Value) -> ObjRef {
    let name = name.as_str().map_or("?", |s| s.as_str());
    ts.new_exc(ExcKind::NameError, format!("name '{name}' is not defined"))
}

/// `LoadGlobal`: pushes the value, read at the position cached per instruction while the
/// globals and builtins dicts are the same and have the same keys. A code object runs with one
/// globals dict today (each module run compiles its own `CodeInfo`), but nothing in the cache
/// relies on that. Inlined into the eval loop: the hit path is a few loads and compares.
#[inline(always)]
pub fn push_global(ts: &ThreadState, f: &mut Frame, code: &CodeInfo, i: usize) -> PyResult<()> {
    if let Some(entry) = &code.global_cache.borrow()[i] {
        if let Some(v) = cached_global(entry, &f.globals, &ts.rt.builtins) {
            f.push(v);
            return Ok(());
        }
    }
    push_global_uncached(ts, f, code, i)
}

#[cold]
#[inline(never)]
fn push_global_uncached(
    ts: &ThreadState,
    f: &mut Frame,
    code: &CodeInfo,
    i: usize,
) -> PyResult<()> {
    let v = load_global_uncached(ts, f, code, i)?;
    f.push(v);
    Ok(())
}

/// The value at the cached position, if the entry still holds for these dicts.
#[inline(always)]
fn cached_global(entry: &GlobalCacheEntry, globals: &ObjRef, builtins: &ObjRef) -> Option<Value> {
    if !ObjRef::ptr_eq(&entry.globals, globals) {
        return None;
    }
    let (Obj::Dict(g), Obj::Dict(b)) = (&**globals, &**builtins) else {
        return None;
    };
    let g = g.borrow();
    if g.keys_version != entry.globals_keys {
        return None;
    }
    match &entry.builtin {
        None => g.value_at(entry.index).cloned(),
        Some((cached, keys)) => {
            let b = b.borrow();
            let valid = ObjRef::ptr_eq(cached, builtins) && b.keys_version == *keys;
            valid.then(|| b.value_at(entry.index).cloned()).flatten()
        }
    }
}

/// `StoreGlobal`: a global that a `LoadGlobal` of the same name in this code found in these
/// globals (its cache entry still valid) is rebound at the cached position, without hashing
/// the name or probing the table; any other store is an ordinary dict store.
#[inline(always)]
pub fn store_global(f: &Frame, code: &CodeInfo, i: usize, v: Value) {
    match rebind_cached_global(f, code, i, v) {
        // Released after the dict's borrow ended.
        Ok(old) => drop(old),
        Err(v) => store_dict(&f.globals, &code.names[i], v),
    }
}

/// Stores `v` at the position cached for name `i` and gives the old value back; `Err(v)`
/// when no entry holds for these globals and their keys.
#[inline(always)]
fn rebind_cached_global(f: &Frame, code: &CodeInfo, i: usize, v: Value) -> Result<Value, Value> {
    let cache = code.global_cache.borrow();
    let (Some(entry), Obj::Dict(g)) = (&cache[i], &*f.globals) else {
        return Err(v);
    };
    if entry.builtin.is_some() || !ObjRef::ptr_eq(&entry.globals, &f.globals) {
        return Err(v);
    }
    let mut g = g.borrow_mut();
    if g.keys_version != entry.globals_keys {
        return Err(v);
    }
    match g.value_at_mut(entry.index) {
        Some(slot) => Ok(std::mem::replace(slot, v)),
        None => Err(v),
    }
}

fn load_global_uncached(ts: &ThreadState, f: &Frame, code: &CodeInfo, i: usize) -> PyResult {
    let name = &code.names[i];
    let (Obj::Dict(g), Obj::Dict(b)) = (&*f.globals, &*ts.rt.builtins) else {
        let found = dict_get(&f.globals, name).or_else(|| dict_get(&ts.rt.builtins, name));
        return found.ok_or_else(|| name_error(ts, name));
    };
    let (g, b) = (g.borrow(), b.borrow());
    let (index, value, builtin) = match g.get_with_index(name) {
        Some((index, v)) => (index, v.clone(), None),
        None => {
            let (index, v) = b.get_with_index(name).ok_or_else(|| name_error(ts, name))?;
            let builtin = Some((ts.rt.builtins.clone(), b.keys_version));
            (index, v.clone(), builtin)
        }
    };
    code.global_cache.borrow_mut()[i] = Some(GlobalCacheEntry {
        globals: f.globals.clone(),
        globals_keys: g.keys_version,
        index,
        builtin,
    });
    Ok(value)
}

pub fn load_name(ts: &mut ThreadState, f: &Frame, name: &Value) -> PyResult {
    if let Some(ns) = &f.namespace {
        if let Some(v) = namespace_get(ts, ns, name)? {
            return Ok(v);
        }
    }
    dict_get(&f.globals, name)
        .or_else(|| dict_get(&ts.rt.builtins, name))
        .ok_or_else(|| name_error(ts, name))
}

pub fn load_builtin(ts: &ThreadState, name: &str) -> PyResult {
    let key = Value::new_str(name);
    dict_get(&ts.rt.builtins, &key).ok_or_else(|| name_error(ts, &key))
}

fn delete_from(ts: &ThreadState, d: &ObjRef, name: &Value) -> PyResult<()> {
    let removed = match &**d {
        Obj::Dict(d) => d.borrow_mut().remove(name),
        _ => None,
    };
    removed.map(|_| ()).ok_or_else(|| name_error(ts, name))
}

pub fn delete_global(ts: &ThreadState, f: &Frame, name: &Value) -> PyResult<()> {
    delete_from(ts, &f.globals, name)
}

pub fn delete_name(ts: &mut ThreadState, f: &Frame, name: &Value) -> PyResult<()> {
    let ns = f.namespace.as_ref().unwrap_or(&f.globals);
    if !matches!(&**ns, Obj::Dict(_)) {
        return crate::protocol::subscript::del_item(ts, &Value::Obj(ns.clone()), name);
    }
    delete_from(ts, ns, name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::dict::{store_dict, Dict};

    fn dict_with(name: &str, v: i64) -> ObjRef {
        let mut d = Dict::new();
        d.set_str(name, Value::Int(v));
        ObjRef::new(Obj::Dict(Box::new(std::cell::RefCell::new(d))))
    }

    fn keys_version(d: &ObjRef) -> u64 {
        match &**d {
            Obj::Dict(d) => d.borrow().keys_version,
            _ => unreachable!("a dict"),
        }
    }

    #[test]
    fn cache_entry_is_tied_to_its_dicts_and_their_keys() {
        let builtins = dict_with("len", 0);
        let (first, second) = (dict_with("x", 1), dict_with("x", 2));
        // Same history, so same keys version: only identity tells the two globals apart.
        assert_eq!(keys_version(&first), keys_version(&second));
        let in_globals = GlobalCacheEntry {
            globals: first.clone(),
            globals_keys: keys_version(&first),
            index: 0,
            builtin: None,
        };
        assert!(matches!(
            cached_global(&in_globals, &first, &builtins),
            Some(Value::Int(1))
        ));
        assert!(cached_global(&in_globals, &second, &builtins).is_none());
        // Rebinding keeps the position: the entry reads the new value.
        store_dict(&first, &Value::new_str("x"), Value::Int(3));
        assert!(matches!(
            cached_global(&in_globals, &first, &builtins),
            Some(Value::Int(3))
        ));
        let in_builtins = GlobalCacheEntry {
            globals: first.clone(),
            globals_keys: keys_version(&first),
            index: 0,
            builtin: Some((builtins.clone(), keys_version(&builtins))),
        };
        assert!(matches!(
            cached_global(&in_builtins, &first, &builtins),
            Some(Value::Int(0))
        ));
        assert!(cached_global(&in_builtins, &first, &dict_with("len", 0)).is_none());
        // A new global (here shadowing the builtin) moves the keys: both entries are stale.
        store_dict(&first, &Value::new_str("len"), Value::Int(4));
        assert!(cached_global(&in_globals, &first, &builtins).is_none());
        assert!(cached_global(&in_builtins, &first, &builtins).is_none());
    }
}
