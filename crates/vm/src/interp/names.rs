//! Name resolution: fast locals' errors, cells, globals (with the per-instruction cache),
//! namespace dicts and builtins.

use crate::interp::frame::Frame;
use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::code::{CodeInfo, GlobalCacheEntry};
use crate::objects::dict::dict_get;

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

#[inline(always)]
fn dict_version(d: &ObjRef) -> u64 {
    match &**d {
        Obj::Dict(d) => d.borrow().version,
        _ => 0,
    }
}

fn name_error(ts: &ThreadState, name: &Value) -> ObjRef {
    let name = name.as_str().map_or("?", |s| s.as_str());
    ts.new_exc(ExcKind::NameError, format!("name '{name}' is not defined"))
}

/// `LoadGlobal`: pushes the value, cached per instruction while the globals and builtins
/// dicts are the same and unchanged. A code object runs with one globals dict today (each
/// module run compiles its own `CodeInfo`), but nothing in the cache relies on that.
/// Inlined into the eval loop: the hit path is a few loads and compares.
#[inline(always)]
pub fn push_global(ts: &ThreadState, f: &mut Frame, code: &CodeInfo, i: usize) -> PyResult<()> {
    if let Some(entry) = &code.global_cache.borrow()[i] {
        if cache_is_valid(entry, &f.globals, &ts.rt.builtins) {
            // Cloned straight into the stack (see `LoadFast`).
            f.slots
                .extend_from_slice(std::slice::from_ref(&entry.value));
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

#[inline(always)]
fn cache_is_valid(entry: &GlobalCacheEntry, globals: &ObjRef, builtins: &ObjRef) -> bool {
    ObjRef::ptr_eq(&entry.globals, globals)
        && ObjRef::ptr_eq(&entry.builtins, builtins)
        && entry.globals_version == dict_version(globals)
        && entry.builtins_version == dict_version(builtins)
}

fn load_global_uncached(ts: &ThreadState, f: &Frame, code: &CodeInfo, i: usize) -> PyResult {
    let name = &code.names[i];
    let value = dict_get(&f.globals, name)
        .or_else(|| dict_get(&ts.rt.builtins, name))
        .ok_or_else(|| name_error(ts, name))?;
    code.global_cache.borrow_mut()[i] = Some(cache_entry(&f.globals, &ts.rt.builtins, &value));
    Ok(value)
}

fn cache_entry(globals: &ObjRef, builtins: &ObjRef, value: &Value) -> GlobalCacheEntry {
    GlobalCacheEntry {
        globals: globals.clone(),
        builtins: builtins.clone(),
        globals_version: dict_version(globals),
        builtins_version: dict_version(builtins),
        value: value.clone(),
    }
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
        ObjRef::new(Obj::Dict(std::cell::RefCell::new(d)))
    }

    #[test]
    fn cache_entry_is_tied_to_its_dicts() {
        let builtins = dict_with("len", 0);
        let (first, second) = (dict_with("x", 1), dict_with("x", 2));
        // Same history, so same version: only identity tells the two globals apart.
        assert_eq!(dict_version(&first), dict_version(&second));
        let entry = cache_entry(&first, &builtins, &Value::Int(1));
        assert!(cache_is_valid(&entry, &first, &builtins));
        assert!(!cache_is_valid(&entry, &second, &builtins));
        assert!(!cache_is_valid(&entry, &first, &dict_with("len", 0)));
        store_dict(&first, &Value::new_str("x"), Value::Int(3));
        assert!(!cache_is_valid(&entry, &first, &builtins));
    }
}
