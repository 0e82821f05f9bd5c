//! The iteration protocol: `iter()` and `next()` for built-in and user types.

use crate::interp::generator;
use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::typeobj::TypeId;
use crate::object::value::{DictViewKind, Obj, Value};
use crate::objects::generator::GenKind;
use crate::objects::iterators::IterState;
use crate::objects::str::PyStr;
use crate::protocol::call::call_value;
use crate::protocol::class;
use crate::protocol::ops;
use gilvm_compiler::bytecode::BinaryOperator;

pub fn get_iter(ts: &mut ThreadState, v: &Value) -> PyResult {
    if let Value::Obj(o) = v {
        let state = match &**o {
            Obj::List(_) => IterState::List {
                list: o.clone(),
                index: 0,
            },
            Obj::Tuple(_) => IterState::Tuple {
                tuple: o.clone(),
                index: 0,
            },
            Obj::Str(_) => IterState::Str {
                text: o.clone(),
                byte_pos: 0,
            },
            Obj::Bytes(_) | Obj::ByteArray(_) => IterState::Bytes {
                bytes: o.clone(),
                index: 0,
            },
            Obj::Range { start, stop, step } => IterState::Range {
                next: *start,
                stop: *stop,
                step: *step,
            },
            Obj::Dict(d) => IterState::Dict {
                dict: o.clone(),
                index: 0,
                kind: DictViewKind::Keys,
                size: d.borrow().len(),
                removals: d.borrow().removals,
            },
            Obj::DictView { dict, kind } => {
                let (size, removals) = match &**dict {
                    Obj::Dict(d) => (d.borrow().len(), d.borrow().removals),
                    _ => (0, 0),
                };
                IterState::Dict {
                    dict: dict.clone(),
                    index: 0,
                    kind: *kind,
                    size,
                    removals,
                }
            }
            Obj::Set { items, .. } => IterState::Set {
                set: o.clone(),
                items: items.borrow().keys().cloned().collect(),
                index: 0,
            },
            Obj::MemoryView(m) => {
                m.check(ts)?;
                if m.layout.shape.len() != 1 {
                    return Err(ts.type_error("invalid indexing of 0-dim memory"));
                }
                IterState::Snapshot {
                    items: m.items(),
                    index: 0,
                    kind: TypeId::Iterator,
                }
            }
            Obj::Iter(_) => return Ok(v.clone()),
            Obj::Generator(g) if g.kind == GenKind::Generator => return Ok(v.clone()),
            Obj::Type(_) if class::meta_special(ts, v, Dunder::Iter).is_some() => {
                let m = class::meta_special(ts, v, Dunder::Iter).unwrap_or_default();
                let it = call_value(ts, &m, std::slice::from_ref(v), &[])?;
                return check_iterator(ts, it);
            }
            Obj::Instance(inst) => {
                if let Some(m) = class::lookup_special(ts, inst.class(), Dunder::Iter) {
                    let it = call_value(ts, &m, std::slice::from_ref(v), &[])?;
                    return check_iterator(ts, it);
                }
                if let Some(base) = class::builtin_base(v) {
                    return get_iter(ts, &base);
                }
                if class::lookup_special(ts, inst.class(), Dunder::GetItem).is_some() {
                    return Ok(Value::new_iter(IterState::Snapshot {
                        items: getitem_items(ts, v)?,
                        index: 0,
                        kind: TypeId::Iterator,
                    }));
                }
                return Err(not_iterable(ts, v));
            }
            _ => return Err(not_iterable(ts, v)),
        };
        return Ok(Value::new_iter(state));
    }
    Err(not_iterable(ts, v))
}

/// What `__iter__` returned must itself be an iterator.
fn check_iterator(ts: &ThreadState, it: Value) -> PyResult {
    let is_iterator = match it.obj().map(|o| &**o) {
        Some(Obj::Iter(_)) => true,
        Some(Obj::Generator(g)) => g.kind == GenKind::Generator,
        Some(Obj::Instance(inst)) => {
            class::lookup_special(ts, inst.class(), Dunder::Next).is_some()
        }
        _ => false,
    };
    if is_iterator {
        return Ok(it);
    }
    Err(ts.type_error(format!(
        "iter() returned non-iterator of type '{}'",
        type_name(ts, &it)
    )))
}

fn not_iterable(ts: &ThreadState, v: &Value) -> crate::object::value::ObjRef {
    ts.type_error(format!("'{}' object is not iterable", type_name(ts, v)))
}

/// The old sequence protocol: `obj[0]`, `obj[1]`, ... until `IndexError`.
fn getitem_items(ts: &mut ThreadState, v: &Value) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    loop {
        match crate::protocol::subscript::get_item(ts, v, &Value::Int(out.len() as i64)) {
            Ok(item) => out.push(item),
            Err(e)
                if ts.exc_matches(&e, ExcKind::IndexError)
                    || ts.exc_matches(&e, ExcKind::StopIteration) =>
            {
                return Ok(out)
            }
            Err(e) => return Err(e),
        }
    }
}

/// Advances an iterator: `Ok(None)` when exhausted.
pub fn next_value(ts: &mut ThreadState, it: &Value) -> PyResult<Option<Value>> {
    let Value::Obj(o) = it else {
        return Err(ts.type_error(format!("'{}' object is not an iterator", type_name(ts, it))));
    };
    match &**o {
        Obj::Iter(state) if state.borrow().is_awaitable() => {
            match crate::interp::coroutine::await_step(ts, o, Value::None, None)? {
                generator::Step::Yielded(v) => Ok(Some(v)),
                generator::Step::Done(_) => Ok(None),
            }
        }
        Obj::Iter(state) => {
            let simple = next_simple(&mut state.borrow_mut());
            match simple {
                Some(r) => Ok(r),
                None => next_composite(ts, state),
            }
        }
        Obj::Generator(g) if g.kind == GenKind::Generator => generator::next(ts, o),
        Obj::Instance(inst) => {
            let Some(m) = class::lookup_special(ts, inst.class(), Dunder::Next) else {
                return Err(
                    ts.type_error(format!("'{}' object is not an iterator", type_name(ts, it)))
                );
            };
            match call_value(ts, &m, std::slice::from_ref(it), &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if ts.exc_matches(&e, ExcKind::StopIteration) => Ok(None),
                Err(e) => Err(e),
            }
        }
        _ => Err(ts.type_error(format!("'{}' object is not an iterator", type_name(ts, it)))),
    }
}

/// Iterators that need no Python calls; `None` for the others.
fn next_simple(state: &mut IterState) -> Option<Option<Value>> {
    let r = match state {
        IterState::Range { next, stop, step } => {
            let more = if *step > 0 {
                *next < *stop
            } else {
                *next > *stop
            };
            more.then(|| {
                let v = *next;
                *next = next.saturating_add(*step);
                Value::Int(v)
            })
        }
        IterState::List { list, index } => match &**list {
            Obj::List(l) => l.borrow().get(*index).cloned().inspect(|_| *index += 1),
            _ => None,
        },
        IterState::Tuple { tuple, index } => match &**tuple {
            Obj::Tuple(t) => t.get(*index).cloned().inspect(|_| *index += 1),
            _ => None,
        },
        IterState::Str { text, byte_pos } => match &**text {
            Obj::Str(s) => s.code_point_at_byte(*byte_pos).map(|(point, len)| {
                *byte_pos += len;
                Value::from_pystr(PyStr::from_code_points([point]))
            }),
            _ => None,
        },
        IterState::Bytes { bytes, index } => match &**bytes {
            Obj::Bytes(b) => b.get(*index).map(|&x| {
                *index += 1;
                Value::Int(x as i64)
            }),
            Obj::ByteArray(b) => b.borrow().get(*index).map(|&x| {
                *index += 1;
                Value::Int(x as i64)
            }),
            _ => None,
        },
        IterState::Dict {
            dict,
            index,
            kind,
            size,
            removals,
        } => match &**dict {
            // A resized dict, or one whose keys changed, is left to `next_composite`, which
            // raises.
            Obj::Dict(d) if d.borrow().len() != *size || d.borrow().removals != *removals => {
                return None
            }
            Obj::Dict(d) => d.borrow().entry_at(*index).map(|(k, v)| {
                *index += 1;
                match kind {
                    DictViewKind::Keys => k.clone(),
                    DictViewKind::Values => v.clone(),
                    DictViewKind::Items => Value::new_tuple(vec![k.clone(), v.clone()]),
                }
            }),
            _ => None,
        },
        IterState::Set { set, items, index } => match &**set {
            // A resized set is left to `next_composite`, which raises.
            Obj::Set { items: now, .. } if now.borrow().len() != items.len() => return None,
            _ => items.get(*index).cloned().inspect(|_| *index += 1),
        },
        IterState::Snapshot { items, index, .. } => {
            items.get(*index).cloned().inspect(|_| *index += 1)
        }
        IterState::Combinatoric(walk) => walk.next(),
        IterState::Exhausted(_) => None,
        _ => return None,
    };
    if r.is_none() {
        *state = IterState::Exhausted(state.type_id());
    }
    Some(r)
}

/// A `StopIteration` raised by the function of a `map` or `filter` ends the iteration, as
/// in CPython (its `tp_iternext` returns with StopIteration set).
fn stop_is_end(ts: &ThreadState, r: PyResult) -> PyResult<Option<Value>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if ts.exc_matches(&e, ExcKind::StopIteration) => Ok(None),
        Err(e) => Err(e),
    }
}
fn next_composite(
    ts: &mut ThreadState,
    state: &std::cell::RefCell<IterState>,
) -> PyResult<Option<Value>> {
    // Clone what is needed out of the borrow: the callbacks may touch this iterator again.
    enum Plan {
        Enumerate(Value, Value),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        Callable(Value, Value),
    }
    let plan = match &*state.borrow() {
        IterState::Enumerate { inner, count } => Plan::Enumerate(inner.clone(), count.clone()),
        IterState::Zip { inners, strict } => Plan::Zip(inners.clone(), *strict),
        IterState::Map { func, inners } => Plan::Map(func.clone(), inners.clone()),
        IterState::Filter { func, inner } => Plan::Filter(func.clone(), inner.clone()),
        IterState::Callable { func, sentinel } => Plan::Callable(func.clone(), sentinel.clone()),
        IterState::Dict { dict, size, .. } => {
            let resized = matches!(&**dict, Obj::Dict(d) if d.borrow().len() != *size);
            return Err(ts.new_exc(
                ExcKind::RuntimeError,
                if resized {
                    "dictionary changed size during iteration"
                } else {
                    "dictionary keys changed during iteration"
                },
            ));
        }
        IterState::Set { .. } => {
            return Err(ts.new_exc(ExcKind::RuntimeError, "Set changed size during iteration"))
        }
        _ => return Ok(None),
    };
    let result = match plan {
        Plan::Enumerate(inner, count) => match next_value(ts, &inner)? {
            Some(v) => {
                let next = match &count {
                    Value::Int(n) => crate::objects::int::add(*n, 1),
                    _ => ops::binary_op(ts, BinaryOperator::Add, &count, &Value::Int(1))?,
                };
                if let IterState::Enumerate { count, .. } = &mut *state.borrow_mut() {
                    *count = next;
                }
                Some(Value::new_tuple(vec![count, v]))
            }
            None => None,
        },
        Plan::Zip(inners, _) if inners.is_empty() => None,
        Plan::Zip(inners, false) => next_all(ts, &inners)?.map(Value::new_tuple),
        Plan::Zip(inners, true) => next_strict(ts, &inners)?.map(Value::new_tuple),
        Plan::Map(func, inners) => match next_all(ts, &inners)? {
            Some(args) => {
                let r = call_value(ts, &func, &args, &[]);
                stop_is_end(ts, r)?
            }
            None => None,
        },
        Plan::Filter(func, inner) => loop {
            let Some(v) = next_value(ts, &inner)? else {
                break None;
            };
            let keep = if func.is_none() {
                ops::truthy(ts, &v)?
            } else {
                let r = call_value(ts, &func, std::slice::from_ref(&v), &[]);
                match stop_is_end(ts, r)? {
                    Some(r) => ops::truthy(ts, &r)?,
                    None => break None,
                }
            };
            if keep {
                break Some(v);
            }
        },
        Plan::Callable(func, sentinel) => {
            let v = call_value(ts, &func, &[], &[])?;
            (!ops::eq(ts, &v, &sentinel)?).then_some(v)
        }
    };
    if result.is_none() {
        let kind = state.borrow().type_id();
        *state.borrow_mut() = IterState::Exhausted(kind);
    }
    Ok(result)
}

fn next_all(ts: &mut ThreadState, inners: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let mut out = Vec::with_capacity(inners.len());
    for it in inners {
        match next_value(ts, it)? {
            Some(v) => out.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(out))
}

/// The next items of `zip(..., strict=True)`: all iterators must end together.
fn next_strict(ts: &mut ThreadState, inners: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let mut out = Vec::with_capacity(inners.len());
    for (i, it) in inners.iter().enumerate() {
        match next_value(ts, it)? {
            Some(v) => out.push(v),
            None if i > 0 => return Err(zip_length_error(ts, i, "shorter")),
            None => {
                for (j, rest) in inners.iter().enumerate().skip(1) {
                    if next_value(ts, rest)?.is_some() {
                        return Err(zip_length_error(ts, j, "longer"));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(out))
}

fn zip_length_error(ts: &ThreadState, i: usize, what: &str) -> crate::object::value::ObjRef {
    let others = if i == 1 {
        "argument 1".to_string()
    } else {
        format!("arguments 1-{i}")
    };
    ts.value_error(format!("zip() argument {} is {what} than {others}", i + 1))
}

/// All items of an iterable.
pub fn collect(ts: &mut ThreadState, v: &Value) -> PyResult<Vec<Value>> {
    if let Value::Obj(o) = v {
        match &**o {
            Obj::List(l) => return alloc::copy_of(&l.borrow()).or_memory_error(ts),
            Obj::Tuple(t) => return alloc::copy_of(t).or_memory_error(ts),
            _ => {}
        }
    }
    let it = get_iter(ts, v)?;
    // CPython preallocates from the length hint: `list(range(10**12))` fails at once.
    let hint = match v.obj() {
        Some(r) if matches!(&**r, Obj::Range { .. }) => crate::protocol::sequence::range_len(r),
        _ => 0,
    };
    let mut out = alloc::vec_with_capacity(hint as usize).or_memory_error(ts)?;
    while let Some(x) = next_value(ts, &it)? {
        alloc::push(&mut out, x).or_memory_error(ts)?;
    }
    Ok(out)
}
