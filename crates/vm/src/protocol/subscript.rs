//! Subscription: `x[i]`, `x[a:b:c]`, item assignment and deletion.

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::names::Dunder;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::bytes::bytearray as bytearray_methods;
use crate::objects::str::PyStr;
use crate::protocol::class;
use crate::protocol::iter;
use crate::protocol::sequence::{
    plain_slice_indices, range_len, slice_indices, slice_items, slice_positions,
};

/// A normalized sequence index, or `IndexError` with `"{what} index out of range"`.
fn seq_index(ts: &ThreadState, index: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
    let i = match index {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => {
            return Err(ts.index_error("cannot fit 'int' into an index-sized integer"))
        }
        _ => return Ok(None),
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        let msg = format!("{what} index out of range");
        return Err(ts.index_error(msg.trim_start()));
    }
    Ok(Some(j as usize))
}

fn indices_error(ts: &ThreadState, what: &str, index: &Value) -> crate::object::value::ObjRef {
    ts.type_error(format!(
        "{what} indices must be integers or slices, not {}",
        type_name(ts, index)
    ))
}

fn as_slice(v: &Value) -> Option<&ObjRef> {
    v.obj().filter(|o| matches!(&***o, Obj::Slice { .. }))
}

/// Resolves `__index__` of an index (or of a slice's bounds) used on a built-in sequence.
fn resolve_index(ts: &mut ThreadState, container: &Value, index: &Value) -> PyResult<Value> {
    let is_builtin_sequence = matches!(
        container.obj().map(|o| &**o),
        Some(
            Obj::List(_)
                | Obj::Tuple(_)
                | Obj::Str(_)
                | Obj::Bytes(_)
                | Obj::ByteArray(_)
                | Obj::MemoryView(_)
                | Obj::Range { .. }
        )
    );
    if !is_builtin_sequence {
        return Ok(index.clone());
    }
    if let Some(Obj::Slice { start, stop, step }) = index.obj().map(|o| &**o) {
        let parts = [start, stop, step];
        if parts.iter().all(|p| p.as_instance().is_none()) {
            return Ok(index.clone());
        }
        let mut resolved = Vec::with_capacity(3);
        for p in parts {
            resolved.push(crate::protocol::ops::index_of(ts, p)?.unwrap_or_else(|| p.clone()));
        }
        let [start, stop, step]: [Value; 3] = resolved.try_into().unwrap_or_default();
        return Ok(Value::Obj(ObjRef::new(Obj::Slice { start, stop, step })));
    }
    if index.as_instance().is_none() {
        return Ok(index.clone());
    }
    Ok(crate::protocol::ops::index_of(ts, index)?.unwrap_or_else(|| index.clone()))
}

/// `i` as a position in a sequence of `len` items (negative counts from the end).
#[inline(always)]
fn position(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// Whether `key` is a dict key whose equality and hash are native: a str or an int.
#[inline(always)]
fn is_plain_key(key: &Value) -> bool {
    matches!(key, Value::Int(_)) || key.as_str().is_some()
}

/// The eval loop's `container[index]` for the common cases that cannot raise or run Python
/// code: a list or tuple at an int within range, a dict at a str or int key it holds.
/// `None` means "take [`get_item`]".
#[inline(always)]
pub fn get_item_fast(container: &Value, index: &Value) -> Option<Value> {
    let Value::Obj(o) = container else {
        return None;
    };
    match (&**o, index) {
        (Obj::List(l), Value::Int(i)) => {
            let items = l.borrow();
            items.get(position(*i, items.len())?).cloned()
        }
        (Obj::Tuple(t), Value::Int(i)) => t.get(position(*i, t.len())?).cloned(),
        (Obj::Dict(d), key) if is_plain_key(key) => d.borrow().get(key).cloned(),
        _ => None,
    }
}

/// The eval loop's `container[index] = v` for a list at an int within range or a dict at a
/// str or int key; gives `v` back (`Err`) for [`set_item`] otherwise.
#[inline(always)]
pub fn set_item_fast(container: &Value, index: &Value, v: Value) -> Result<(), Value> {
    let Value::Obj(o) = container else {
        return Err(v);
    };
    match (&**o, index) {
        (Obj::List(l), Value::Int(i)) => {
            let mut items = l.borrow_mut();
            match position(*i, items.len()) {
                Some(at) => {
                    items[at] = v;
                    Ok(())
                }
                None => Err(v),
            }
        }
        (Obj::Dict(d), key) if is_plain_key(key) => {
            let mut d = d.borrow_mut();
            if d.is_full() {
                // Growing may fail: `set_item` grows fallibly.
                return Err(v);
            }
            d.store(key, v);
            Ok(())
        }
        _ => Err(v),
    }
}

/// `container[start:stop:step]` for a list or tuple and `parts` (the slice's 2 or 3 values)
/// that are ints or `None`: the eval loop's `BuildSlice` fused with `BinarySubscr`, no slice
/// object made. `None` means "build the slice and take [`get_item`]".
pub fn get_slice_fast(container: &Value, parts: &[Value]) -> Option<Value> {
    match &**container.obj()? {
        Obj::List(l) => {
            let items = l.borrow();
            let (a, b, c) = plain_slice_indices(parts, items.len() as i64)?;
            Some(Value::new_list(slice_items(&items, a, b, c)))
        }
        Obj::Tuple(t) => {
            let (a, b, c) = plain_slice_indices(parts, t.len() as i64)?;
            Some(Value::new_tuple(slice_items(t, a, b, c)))
        }
        _ => None,
    }
}

/// `container[start:stop:step] = v` for a list, `parts` as in [`get_slice_fast`] and `v` a
/// list or tuple (whose items are read without running Python code): `BuildSlice` fused with
/// `StoreSubscr`. `Err(v)` means "build the slice and take [`set_item`]".
pub fn set_slice_fast(
    ts: &ThreadState,
    container: &Value,
    parts: &[Value],
    v: Value,
) -> Result<PyResult<()>, Value> {
    let Some(Obj::List(l)) = container.obj().map(|o| &**o) else {
        return Err(v);
    };
    let Some(bounds) = plain_slice_indices(parts, l.borrow().len() as i64) else {
        return Err(v);
    };
    let new_items = match v {
        Value::Obj(mut o) => match o.get_mut() {
            // A temporary such as `p[i::-1]`: its items are taken as they are.
            Some(Obj::List(items)) => std::mem::take(items.get_mut()),
            _ => match &*o {
                // A copy first: `v` may be the list assigned into.
                Obj::List(items) => items.borrow().clone(),
                Obj::Tuple(items) => items.to_vec(),
                _ => return Err(Value::Obj(o)),
            },
        },
        v => return Err(v),
    };
    Ok(assign_resolved_slice(
        ts,
        &mut l.borrow_mut(),
        bounds,
        new_items,
    ))
}

pub fn get_item(ts: &mut ThreadState, container: &Value, index: &Value) -> PyResult {
    let index = &resolve_index(ts, container, index)?;
    let Value::Obj(o) = container else {
        return Err(ts.type_error(format!(
            "'{}' object is not subscriptable",
            type_name(ts, container)
        )));
    };
    match &**o {
        Obj::List(l) => {
            let items = l.borrow();
            if let Some(s) = as_slice(index) {
                let (a, b, c) = slice_indices(ts, s, items.len() as i64)?;
                return Ok(Value::new_list(slice_items(&items, a, b, c)));
            }
            let i = seq_index(ts, index, items.len(), "list")?
                .ok_or_else(|| indices_error(ts, "list", index))?;
            Ok(items[i].clone())
        }
        Obj::Tuple(t) => {
            if let Some(s) = as_slice(index) {
                let (a, b, c) = slice_indices(ts, s, t.len() as i64)?;
                return Ok(Value::new_tuple(slice_items(t, a, b, c)));
            }
            let i = seq_index(ts, index, t.len(), "tuple")?
                .ok_or_else(|| indices_error(ts, "tuple", index))?;
            Ok(t[i].clone())
        }
        Obj::Str(s) => {
            if let Some(sl) = as_slice(index) {
                let (a, b, c) = slice_indices(ts, sl, s.char_len() as i64)?;
                if c == 1 {
                    return Ok(Value::from_pystr(
                        s.substring(a as usize, b.max(a) as usize),
                    ));
                }
                let points: Vec<u32> = s.code_points().collect();
                return Ok(Value::from_pystr(PyStr::from_code_points(
                    slice_positions(a, b, c).map(|i| points[i]),
                )));
            }
            let i = seq_index(ts, index, s.char_len(), "string")?.ok_or_else(|| {
                ts.type_error(format!(
                    "string indices must be integers, not '{}'",
                    type_name(ts, index)
                ))
            })?;
            Ok(match char::from_u32(s.code_point_at(i)) {
                Some(c) => ts.rt.char_str(c),
                None => Value::from_pystr(s.substring(i, i + 1)),
            })
        }
        Obj::Bytes(b) => {
            if let Some(sl) = as_slice(index) {
                let (x, y, z) = slice_indices(ts, sl, b.len() as i64)?;
                let out: Vec<u8> = slice_positions(x, y, z).map(|i| b[i]).collect();
                return Ok(Value::Obj(ObjRef::new(Obj::Bytes(out.into_boxed_slice()))));
            }
            let i = seq_index(ts, index, b.len(), "")?
                .ok_or_else(|| indices_error(ts, "byte", index))?;
            Ok(Value::Int(b[i] as i64))
        }
        Obj::ByteArray(b) => {
            let b = b.borrow().clone();
            if let Some(sl) = as_slice(index) {
                let (x, y, z) = slice_indices(ts, sl, b.len() as i64)?;
                let out: Vec<u8> = slice_positions(x, y, z).map(|i| b[i]).collect();
                return Ok(crate::objects::bytes::methods::new_bytearray(out));
            }
            let i = seq_index(ts, index, b.len(), "bytearray")?
                .ok_or_else(|| indices_error(ts, "bytearray", index))?;
            Ok(Value::Int(b[i] as i64))
        }
        Obj::Range { start, step, .. } => {
            let len = range_len(o);
            if let Some(sl) = as_slice(index) {
                let (a, b, c) = slice_indices(ts, sl, len)?;
                return Ok(Value::Obj(ObjRef::new(Obj::Range {
                    start: start + a * step,
                    stop: start + b * step,
                    step: step * c,
                })));
            }
            let i = seq_index(ts, index, len as usize, "range object")?
                .ok_or_else(|| indices_error(ts, "range", index))?;
            Ok(Value::Int(start + i as i64 * step))
        }
        Obj::Dict(d) => {
            let key = crate::objects::dict::keys::key_in(ts, d, index)?;
            let found = d.borrow().get_hashed(&key).cloned();
            found.ok_or_else(|| ts.key_error(index.clone()))
        }
        Obj::Instance(inst) => match class::lookup_special(ts, inst.class(), Dunder::GetItem) {
            Some(m) => {
                crate::protocol::call::call_value(ts, &m, &[container.clone(), index.clone()], &[])
            }
            None if class::builtin_base(container).is_some() => {
                base_get_item(ts, container, inst.class(), index)
            }
            None => Err(ts.type_error(format!(
                "'{}' object is not subscriptable",
                type_name(ts, container)
            ))),
        },
        Obj::Type(_) => class::class_subscript(ts, container, index),
        Obj::MemoryView(_) => crate::objects::memoryview::methods::get_item(ts, container, index),
        _ => Err(ts.type_error(format!(
            "'{}' object is not subscriptable",
            type_name(ts, container)
        ))),
    }
}

/// `container[index]` on the built-in value a subclass instance wraps, with `__missing__`
/// called for a key a dict subclass lacks.
fn base_get_item(ts: &mut ThreadState, container: &Value, class: &Obj, index: &Value) -> PyResult {
    let base = class::builtin_base(container).unwrap_or_default();
    let missing = class::lookup_special(ts, class, Dunder::Missing);
    match (get_item(ts, &base, index), missing) {
        (Err(e), Some(m)) if ts.exc_matches(&e, crate::object::error::ExcKind::KeyError) => {
            crate::protocol::call::call_value(ts, &m, &[container.clone(), index.clone()], &[])
        }
        (r, _) => r,
    }
}

pub fn set_item(ts: &mut ThreadState, container: &Value, index: Value, v: Value) -> PyResult<()> {
    let index = resolve_index(ts, container, &index)?;
    if let Value::Obj(o) = container {
        match &**o {
            Obj::List(l) => {
                if let Some(s) = as_slice(&index) {
                    let new_items = items_to_assign(ts, v)?;
                    return assign_slice(ts, &mut l.borrow_mut(), s, new_items);
                }
                let len = l.borrow().len();
                let i = seq_index(ts, &index, len, "list assignment")?
                    .ok_or_else(|| indices_error(ts, "list", &index))?;
                l.borrow_mut()[i] = v;
                return Ok(());
            }
            Obj::Dict(d) => {
                return crate::objects::dict::keys::insert(ts, d, index, v);
            }
            Obj::MemoryView(_) => {
                return crate::objects::memoryview::methods::set_item(ts, container, &index, &v);
            }
            Obj::ByteArray(b) if matches!(index, Value::Int(_)) => {
                // One byte: written in place (not through the list of ints below).
                let byte = bytearray_methods::byte_of(ts, &v)?;
                let len = b.borrow().len();
                let i = seq_index(ts, &index, len, "bytearray")?
                    .ok_or_else(|| indices_error(ts, "bytearray", &index))?;
                b.borrow_mut()[i] = byte;
                return Ok(());
            }
            Obj::ByteArray(b) => {
                let v = match as_slice(&index) {
                    Some(_) => {
                        let bytes = bytearray_methods::bytes_from_iterable(ts, &v)?;
                        Value::new_list(bytes.into_iter().map(|x| Value::Int(x.into())).collect())
                    }
                    None => v,
                };
                return bytearray_methods::with_int_items(ts, b, |ts, list| {
                    set_item(ts, list, index, v)
                });
            }
            Obj::Instance(inst) => {
                if let Some(m) = class::lookup_special(ts, inst.class(), Dunder::SetItem) {
                    crate::protocol::call::call_value(ts, &m, &[container.clone(), index, v], &[])?;
                    return Ok(());
                }
                if let Some(base) = class::builtin_base(container) {
                    return set_item(ts, &base, index, v);
                }
            }
            _ => {}
        }
    }
    Err(ts.type_error(format!(
        "'{}' object does not support item assignment",
        type_name(ts, container)
    )))
}

/// The items of `v` to store into a list's slice: those of a list nothing else holds (a
/// temporary such as `p[i::-1]`) taken as they are, else a copy of `v`'s items.
fn items_to_assign(ts: &mut ThreadState, v: Value) -> PyResult<Vec<Value>> {
    if let Value::Obj(mut o) = v {
        if let Some(Obj::List(l)) = o.get_mut() {
            return Ok(std::mem::take(l.get_mut()));
        }
        return iter::collect(ts, &Value::Obj(o));
    }
    iter::collect(ts, &v)
}

fn assign_slice(
    ts: &ThreadState,
    items: &mut Vec<Value>,
    s: &ObjRef,
    new_items: Vec<Value>,
) -> PyResult<()> {
    let bounds = slice_indices(ts, s, items.len() as i64)?;
    assign_resolved_slice(ts, items, bounds, new_items)
}

/// `items[a:b:c] = new_items` for bounds resolved against `items`' length.
fn assign_resolved_slice(
    ts: &ThreadState,
    items: &mut Vec<Value>,
    (a, b, c): (i64, i64, i64),
    new_items: Vec<Value>,
) -> PyResult<()> {
    if c == 1 {
        let (a, b) = (a as usize, (b.max(a)) as usize);
        if b - a == new_items.len() {
            // As many items as it replaces (a rotation, a reversal): stored in place, the
            // old items released last to first, as CPython's `list_ass_slice`.
            for (slot, v) in items[a..b].iter_mut().zip(new_items).rev() {
                *slot = v;
            }
        } else {
            items.splice(a..b, new_items);
        }
        return Ok(());
    }
    let positions: Vec<usize> = slice_positions(a, b, c).collect();
    if positions.len() != new_items.len() {
        return Err(ts.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            positions.len()
        )));
    }
    for (p, v) in positions.into_iter().zip(new_items) {
        items[p] = v;
    }
    Ok(())
}

#[inline(never)]
pub fn del_item(ts: &mut ThreadState, container: &Value, index: &Value) -> PyResult<()> {
    let index = &resolve_index(ts, container, index)?;
    if let Value::Obj(o) = container {
        match &**o {
            Obj::List(l) => {
                let mut items = l.borrow_mut();
                if let Some(s) = as_slice(index) {
                    let (a, b, c) = slice_indices(ts, s, items.len() as i64)?;
                    let mut doomed: Vec<usize> = slice_positions(a, b, c).collect();
                    doomed.sort_unstable();
                    // One pass over the list: removing one by one moved the tail each time.
                    let mut doomed = doomed.into_iter().peekable();
                    let mut at = 0;
                    items.retain(|_| {
                        let kept = doomed.peek() != Some(&at);
                        if !kept {
                            doomed.next();
                        }
                        at += 1;
                        kept
                    });
                    return Ok(());
                }
                let i = seq_index(ts, index, items.len(), "list assignment")?
                    .ok_or_else(|| indices_error(ts, "list", index))?;
                items.remove(i);
                return Ok(());
            }
            Obj::Dict(d) => {
                let key = crate::objects::dict::keys::key_in(ts, d, index)?;
                let removed = d.borrow_mut().remove_hashed(&key);
                return removed
                    .map(|_| ())
                    .ok_or_else(|| ts.key_error(index.clone()));
            }
            Obj::MemoryView(_) => {
                return crate::objects::memoryview::methods::del_item(ts, container);
            }
            Obj::ByteArray(b) => {
                return bytearray_methods::with_int_items(ts, b, |ts, list| {
                    del_item(ts, list, index)
                });
            }
            Obj::Instance(inst) => {
                if let Some(m) = class::lookup_special(ts, inst.class(), Dunder::DelItem) {
                    crate::protocol::call::call_value(
                        ts,
                        &m,
                        &[container.clone(), index.clone()],
                        &[],
                    )?;
                    return Ok(());
                }
                if let Some(base) = class::builtin_base(container) {
                    return del_item(ts, &base, index);
                }
            }
            _ => {}
        }
    }
    Err(ts.type_error(format!(
        "'{}' object doesn't support item deletion",
        type_name(ts, container)
    )))
}
