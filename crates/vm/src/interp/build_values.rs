//! Building values: functions, containers, f-string pieces, unpacking.

use std::cell::RefCell;

use gilvm_compiler::bytecode::{FormatFlags, Instruction, MakeFunctionFlags};

use crate::interp::frame::Frame;
use crate::interp::thread_state::ThreadState;
use crate::object::alloc::OrMemoryError;
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::keys as dict_keys;
use crate::objects::dict::{Dict, Key};
use crate::objects::function::Function;
use crate::objects::str::{concat, PyStr};
use crate::protocol::iter;
use crate::protocol::ops;
use crate::protocol::subscript;
use crate::text::repr;

#[inline(never)]
pub fn make_function(ts: &mut ThreadState, f: &mut Frame, flags: u32) -> PyResult {
    let qualname = f.pop();
    let code = f.pop();
    let closure = if flags & MakeFunctionFlags::CLOSURE != 0 {
        f.pop()
    } else {
        Value::None
    };
    let mut attrs = Dict::new();
    if flags & MakeFunctionFlags::ANNOTATIONS != 0 {
        attrs.set_str("__annotations__", f.pop());
    }
    let kwdefaults = if flags & MakeFunctionFlags::KW_DEFAULTS != 0 {
        f.pop().obj().cloned()
    } else {
        None
    };
    let defaults = if flags & MakeFunctionFlags::DEFAULTS != 0 {
        iter::collect(ts, &f.pop())?
    } else {
        Vec::new()
    };
    let (Some(code_object), Some(Obj::Code(code))) = (code.obj(), code.obj().map(|o| &**o)) else {
        return Err(ts.type_error("MakeFunction: expected a code object"));
    };
    let closure = match closure.obj().map(|o| &**o) {
        Some(Obj::Tuple(cells)) => cells.iter().filter_map(|c| c.obj().cloned()).collect(),
        _ => Vec::new(),
    };
    let qualname = match qualname.as_str() {
        Some(_) => qualname,
        None => Value::new_str(&*code.code.qualname),
    };
    Ok(Value::Obj(ObjRef::new(Obj::Function(Box::new(Function {
        code: code.clone(),
        code_object: code_object.clone(),
        attrs: RefCell::new(attrs),
        globals: f.globals.clone(),
        qualname,
        defaults,
        kwdefaults,
        closure,
    })))))
}

/// A set (or frozenset) over `items`; CPython's table is built by adding them in their
/// insertion order (unless `items` already is a set's storage).
pub fn set_value(items: Dict, frozen: bool) -> Value {
    Value::Obj(ObjRef::new(Obj::Set {
        items: Box::new(RefCell::new(items.into_set_storage())),
        frozen,
    }))
}

#[inline(never)]
pub fn new_set(ts: &mut ThreadState, items: Vec<Value>, frozen: bool) -> PyResult {
    let mut d = Dict::new();
    for v in items {
        dict_keys::insert_new(ts, &mut d, v, Value::None)?;
    }
    Ok(set_value(d, frozen))
}

#[inline(never)]
pub fn build_map(ts: &mut ThreadState, items: Vec<Value>) -> PyResult {
    let mut d = Dict::new();
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        dict_keys::insert_new(ts, &mut d, k, v)?;
    }
    Ok(Value::new_dict(d))
}

#[inline(never)]
/// `BuildString(n)`: the top `n` strs (an f-string's pieces) joined in place of them, in
/// one allocation of the exact length when none holds a lone surrogate.
pub fn build_string(ts: &ThreadState, f: &mut Frame, n: usize) -> PyResult<()> {
    let start = f.slots.len() - n;
    let pieces = &f.slots[start..];
    let joined = match concat::join_plain(&PyStr::new(String::new()), pieces) {
        Some(joined) => Value::from_pystr(joined.or_memory_error(ts)?),
        None => {
            let pieces = pieces.iter().filter_map(Value::as_str);
            Value::from_pystr(PyStr::from_code_points(pieces.flat_map(PyStr::code_points)))
        }
    };
    f.slots.truncate(start);
    f.push(joined);
    Ok(())
}

#[inline(never)]
pub fn format_value(ts: &mut ThreadState, f: &mut Frame, flags: u32) -> PyResult<()> {
    let spec = if flags & FormatFlags::HAS_SPEC != 0 {
        f.pop()
    } else {
        Value::Null
    };
    let v = f.pop();
    let v = match flags & FormatFlags::CONVERSION_MASK {
        FormatFlags::CONVERSION_STR if v.as_str().is_some() => v,
        FormatFlags::CONVERSION_STR => Value::new_str(repr::str_of(ts, &v)?),
        FormatFlags::CONVERSION_REPR => Value::new_str(repr::repr(ts, &v)?),
        FormatFlags::CONVERSION_ASCII => Value::new_str(repr::ascii(&repr::repr(ts, &v)?)),
        _ => v,
    };
    let spec = spec.as_str().map_or("", PyStr::as_str);
    if spec.is_empty() {
        // `f'{s}'` is `s` itself, and `f'{i}'` the int's text (neither type's `__format__`
        // can be replaced; their subclasses' instances are not `Str`/`Int` values).
        if v.as_str().is_some() {
            f.push(v);
            return Ok(());
        }
        if let Value::Int(i) = v {
            f.push(crate::objects::int::small_int_str(i));
            return Ok(());
        }
    }
    let s = crate::text::format_spec::format_with_spec(ts, &v, spec)?;
    f.push(Value::new_str(s));
    Ok(())
}

/// A comprehension's append: grows the list fallibly (`MemoryError`, not an abort).
#[inline]
pub fn list_append(ts: &ThreadState, list: &Value, v: Value) -> PyResult<()> {
    if let Some(Obj::List(l)) = list.obj().map(|o| &**o) {
        crate::object::alloc::push(&mut l.borrow_mut(), v).or_memory_error(ts)?;
    }
    Ok(())
}

pub fn set_add(ts: &mut ThreadState, set: &Value, v: Value) -> PyResult<()> {
    if let Some(Obj::Set { items, .. }) = set.obj().map(|o| &**o) {
        dict_keys::insert(ts, items, v, Value::None)?;
    }
    Ok(())
}

pub fn map_add(ts: &mut ThreadState, dict: &Value, k: Value, v: Value) -> PyResult<()> {
    if let Some(Obj::Dict(d)) = dict.obj().map(|o| &**o) {
        dict_keys::insert(ts, d, k, v)?;
    }
    Ok(())
}

pub fn list_extend(ts: &mut ThreadState, list: &Value, iterable: &Value) -> PyResult<()> {
    let items = iter::collect(ts, iterable)?;
    if let Some(Obj::List(l)) = list.obj().map(|o| &**o) {
        let mut l = l.borrow_mut();
        crate::object::alloc::reserve(&mut l, items.len()).or_memory_error(ts)?;
        l.extend(items);
    }
    Ok(())
}

/// `set.update(iterable)` (CPython's `set_update_internal`): another set is merged table to
/// table, a dict's keys are added after one resize, anything else item by item.
#[inline(never)]
pub fn set_update(ts: &mut ThreadState, set: &Value, iterable: &Value) -> PyResult<()> {
    if let (Some(Obj::Set { items, .. }), Some(Obj::Set { items: other, .. })) =
        (set.obj().map(|o| &**o), iterable.obj().map(|o| &**o))
    {
        if !set.is(iterable) {
            let theirs = other.borrow();
            items.borrow_mut().set_merge(&theirs);
        }
        return Ok(());
    }
    if let (Some(Obj::Set { items, .. }), Some(Obj::Dict(d))) =
        (set.obj().map(|o| &**o), iterable.obj().map(|o| &**o))
    {
        let keys: Vec<Value> = d.borrow().keys().cloned().collect();
        items.borrow_mut().set_reserve(keys.len());
        for v in keys {
            set_add(ts, set, v)?;
        }
        return Ok(());
    }
    // Item by item as the iterator gives them (no `Vec` of them all first).
    let it = iter::get_iter(ts, iterable)?;
    while let Some(v) = iter::next_value(ts, &it)? {
        set_add(ts, set, v)?;
    }
    Ok(())
}

/// The (key, value) pairs of a mapping or an iterable of pairs.
pub fn mapping_items(ts: &mut ThreadState, v: &Value) -> PyResult<Vec<(Value, Value)>> {
    if let Some(Obj::Dict(d)) = v.obj().map(|o| &**o) {
        return Ok(d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect());
    }
    if let Some(inst) = v.as_instance() {
        if crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Keys).is_some() {
            let keys_fn = crate::protocol::attr::get_attr(ts, v, &Value::new_str("keys"))?;
            let keys = crate::protocol::call::call_value(ts, &keys_fn, &[], &[])?;
            let mut out = Vec::new();
            for k in iter::collect(ts, &keys)? {
                let item = crate::protocol::subscript::get_item(ts, v, &k)?;
                out.push((k, item));
            }
            return Ok(out);
        }
        if let Some(base) = crate::protocol::class::builtin_base(v) {
            return mapping_items(ts, &base);
        }
    }
    let mut out = Vec::new();
    for (i, item) in iter::collect(ts, v)?.into_iter().enumerate() {
        let pair = iter::collect(ts, &item).map_err(|_| {
            ts.type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return Err(ts.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut pair = pair.into_iter();
        if let (Some(k), Some(v)) = (pair.next(), pair.next()) {
            out.push((k, v));
        }
    }
    Ok(out)
}

/// `{**mapping}` in a dict display (`DICT_UPDATE`): as [`dict_update`], but only a mapping
/// (something with `keys()`) is taken, as CPython's `PyDict_Update`.
pub fn dict_display_update(ts: &mut ThreadState, dict: &Value, mapping: &Value) -> PyResult<()> {
    if !matches!(mapping.obj().map(|o| &**o), Some(Obj::Dict(_))) {
        if let Err(e) = crate::protocol::attr::get_attr(ts, mapping, &Value::new_str("keys")) {
            if ts.exc_matches(&e, ExcKind::AttributeError) {
                return Err(ts.type_error(format!(
                    "'{}' object is not a mapping",
                    type_name(ts, mapping)
                )));
            }
            return Err(e);
        }
    }
    dict_update(ts, dict, mapping, false)
}

#[inline(never)]
pub fn dict_update(
    ts: &mut ThreadState,
    dict: &Value,
    mapping: &Value,
    merge: bool,
) -> PyResult<()> {
    if merge
        && !matches!(mapping.obj().map(|o| &**o), Some(Obj::Dict(_)))
        && mapping.as_instance().is_none()
    {
        return Err(ts.type_error(format!(
            "argument after ** must be a mapping, not {}",
            type_name(ts, mapping)
        )));
    }
    for (k, v) in mapping_items(ts, mapping)? {
        let hash = ops::hash(ts, &k)?;
        if let Some(Obj::Dict(d)) = dict.obj().map(|o| &**o) {
            let key = Key { hash, value: k };
            if merge && d.borrow().get_hashed(&key).is_some() {
                let name = repr::repr(ts, &key.value)?;
                return Err(
                    ts.type_error(format!("got multiple values for keyword argument {name}"))
                );
            }
            d.borrow_mut().insert_hashed(key, v);
        }
    }
    Ok(())
}

#[inline(never)]
pub fn list_to_tuple(v: &Value) -> Value {
    match v.obj().map(|o| &**o) {
        Some(Obj::List(l)) => Value::new_tuple(l.borrow().clone()),
        _ => v.clone(),
    }
}

fn unpack_items(ts: &mut ThreadState, v: &Value) -> PyResult<Vec<Value>> {
    iter::collect(ts, v).map_err(|e| {
        if ts.exc_matches(&e, crate::object::error::ExcKind::TypeError)
            && iter::get_iter(ts, v).is_err()
        {
            ts.type_error(format!(
                "cannot unpack non-iterable {} object",
                type_name(ts, v)
            ))
        } else {
            e
        }
    })
}

/// `UnpackSequence(n)`: the `n` items of `v` onto the stack, first item on top. `next` is the
/// code after the instruction: when it starts with `StoreFast`s (`a, b = t` into locals),
/// the items go straight into those locals, and the result says how many of those
/// instructions were done that way (the caller skips them).
pub fn unpack_sequence(
    ts: &mut ThreadState,
    f: &mut Frame,
    v: &Value,
    n: usize,
    next: &[Instruction],
) -> PyResult<usize> {
    // A tuple or list of the right length: its items are read in place (no `Vec`).
    if let Some(o) = v.obj() {
        match &**o {
            Obj::Tuple(t) if t.len() == n => return Ok(unpack_items_into(f, t, next)),
            Obj::List(l) if l.borrow().len() == n => {
                return Ok(unpack_items_into(f, &l.borrow(), next))
            }
            _ => {}
        }
    }
    let items = unpack_items(ts, v)?;
    if items.len() < n {
        return Err(ts.value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            items.len()
        )));
    }
    if items.len() > n {
        return Err(ts.value_error(format!("too many values to unpack (expected {n})")));
    }
    f.slots.extend(items.into_iter().rev());
    Ok(0)
}

/// `BuildSlice` of `n` parts fused with the `BinarySubscr` or `StoreSubscr` after it, for a
/// list or tuple sliced by ints or `None`s: the result replaces the operands on the stack and
/// no slice object is made. False (touching nothing) when the general path must run.
#[inline(never)]
pub fn fused_slice(
    ts: &ThreadState,
    f: &mut Frame,
    n: usize,
    next: Option<&Instruction>,
) -> PyResult<bool> {
    let parts_at = f.slots.len() - n;
    match next {
        Some(Instruction::BinarySubscr) => {
            let Some(v) = subscript::get_slice_fast(f.peek(n), &f.slots[parts_at..]) else {
                return Ok(false);
            };
            f.slots.truncate(parts_at - 1);
            f.push(v);
        }
        Some(Instruction::StoreSubscr) => {
            let v = std::mem::take(&mut f.slots[parts_at - 2]);
            match subscript::set_slice_fast(ts, f.peek(n), &f.slots[parts_at..], v) {
                Ok(stored) => {
                    f.slots.truncate(parts_at - 2);
                    if stored.is_err() {
                        // The error is the `StoreSubscr`'s (its location in the traceback).
                        f.ip += 1;
                    }
                    stored?;
                }
                Err(v) => {
                    f.slots[parts_at - 2] = v;
                    return Ok(false);
                }
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// Stores the leading items into the locals of the `StoreFast`s that start `next` and pushes
/// the rest (last item deepest); returns how many stores were done.
pub fn unpack_items_into(f: &mut Frame, items: &[Value], next: &[Instruction]) -> usize {
    let stores = next
        .iter()
        .take(items.len())
        .take_while(|i| matches!(i, Instruction::StoreFast(_)))
        .count();
    f.slots.extend(items[stores..].iter().rev().cloned());
    for (item, store) in items.iter().zip(&next[..stores]) {
        if let Instruction::StoreFast(local) = *store {
            f.slots[local as usize] = item.clone();
        }
    }
    stores
}

#[inline(never)]
pub fn unpack_ex(
    ts: &mut ThreadState,
    f: &mut Frame,
    v: &Value,
    before: usize,
    after: usize,
) -> PyResult<()> {
    // A tuple's or list's items are read in place; anything else is collected first.
    let collected;
    let list;
    let items: &[Value] = match v.obj().map(|o| &**o) {
        Some(Obj::Tuple(t)) => t,
        Some(Obj::List(l)) => {
            list = l.borrow();
            &list
        }
        _ => {
            collected = unpack_items(ts, v)?;
            &collected
        }
    };
    let n = items.len();
    if n < before + after {
        return Err(ts.value_error(format!(
            "not enough values to unpack (expected at least {}, got {n})",
            before + after,
        )));
    }
    f.slots.extend(items[n - after..].iter().rev().cloned());
    f.push(Value::new_list(items[before..n - after].to_vec()));
    f.slots.extend(items[..before].iter().rev().cloned());
    Ok(())
}
