//! The iteration protocol: `iter()` and `next()` for built-in and user types.

use crate::interp::generator;
use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::typeobj::TypeId;
use crate::object::value::{DictViewKind, Obj, ObjRef, Value};
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
            Obj::Dict(_) | Obj::DictView { .. } => {
                dict_iter_state(o).unwrap_or(IterState::Exhausted(TypeId::DictKeyIterator))
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
                    return Ok(Value::new_iter(IterState::Sequence {
                        seq: v.clone(),
                        index: 0,
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

/// A new iterator over a dict or one of its views; `None` for other objects.
pub fn dict_iter_state(o: &ObjRef) -> Option<IterState> {
    let (dict, kind) = match &**o {
        Obj::Dict(_) => (o, DictViewKind::Keys),
        Obj::DictView { dict, kind } => (dict, *kind),
        _ => return None,
    };
    let Obj::Dict(d) = &**dict else {
        return None;
    };
    let d = d.borrow();
    Some(IterState::Dict {
        dict: dict.clone(),
        index: 0,
        kind,
        size: d.len(),
        removals: d.removals,
        reversed: false,
    })
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

/// The next item of `enumerate` (counting in small ints) or of a two-way `zip`, over
/// iterators that need no Python calls, as the two values a following `UnpackSequence(2)`
/// takes (no tuple made); `Some(None)` at the end, the iterator then spent as `next_value`
/// leaves it. `None`, with nothing consumed, for any other iterator.
pub fn next_pair(it: &Value) -> Option<Option<(Value, Value)>> {
    let Obj::Iter(state) = &**it.obj()? else {
        return None;
    };
    let mut state = state.try_borrow_mut().ok()?;
    let pair = match &mut *state {
        IterState::Enumerate {
            inner,
            count: count @ Value::Int(_),
        } => {
            let Value::Int(n) = *count else {
                return None;
            };
            next_simple_of(inner, |_| true)?.map(|v| {
                *count = crate::objects::int::add(n, 1);
                (Value::Int(n), v)
            })
        }
        IterState::Zip {
            inners,
            strict: false,
        } if inners.len() == 2 => {
            // The second must answer whatever the first did: an item taken from the first
            // is not given back.
            let (first, second) = (&inners[0], &inners[1]);
            if !is_iter_where(second, never_declines) {
                return None;
            }
            match next_simple_of(first, |_| true)? {
                Some(a) => next_simple_of(second, never_declines)?.map(|b| (a, b)),
                None => None,
            }
        }
        _ => return None,
    };
    if pair.is_none() {
        let kind = state.type_id();
        *state = IterState::Exhausted(kind);
    }
    Some(pair)
}

/// `next_simple` of iterator `it`, when its state passes `accept`.
fn next_simple_of(it: &Value, accept: fn(&IterState) -> bool) -> Option<Option<Value>> {
    let Obj::Iter(state) = &**it.obj()? else {
        return None;
    };
    let mut state = state.try_borrow_mut().ok()?;
    if !accept(&state) {
        return None;
    }
    next_simple(&mut state)
}

/// Whether `it` is a built-in iterator whose state passes `accept`.
fn is_iter_where(it: &Value, accept: fn(&IterState) -> bool) -> bool {
    match it.obj().map(|o| &**o) {
        Some(Obj::Iter(state)) => state.try_borrow().is_ok_and(|state| accept(&state)),
        _ => false,
    }
}

/// Iterators that `next_simple` always answers (a dict's or set's may decline, to raise).
fn never_declines(state: &IterState) -> bool {
    matches!(
        state,
        IterState::Range { .. }
            | IterState::List { .. }
            | IterState::Tuple { .. }
            | IterState::Str { .. }
            | IterState::Bytes { .. }
            | IterState::Snapshot { .. }
            | IterState::Exhausted(_)
    )
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
            reversed,
        } => match &**dict {
            // A resized dict, or one whose keys changed, is left to `next_composite`, which
            // raises.
            Obj::Dict(d) if d.borrow().len() != *size || d.borrow().removals != *removals => {
                return None
            }
            Obj::Dict(d) => {
                let at = match reversed {
                    true => size.checked_sub(*index + 1),
                    false => Some(*index),
                };
                at.and_then(|at| d.borrow().entry_at(at).map(|(k, v)| (k.clone(), v.clone())))
            }
            .map(|(k, v)| {
                *index += 1;
                match kind {
                    DictViewKind::Keys => k,
                    DictViewKind::Values => v,
                    DictViewKind::Items => Value::new_tuple(vec![k, v]),
                }
            }),
            _ => None,
        },
        IterState::Set { set, items, index } => match &**set {
            // A resized set, or one that was (`index` is then `usize::MAX`), is left to
            // `next_composite`, which raises.
            Obj::Set { items: now, .. }
                if *index == usize::MAX || now.borrow().len() != items.len() =>
            {
                return None
            }
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
        Sequence(Value, usize),
        Moved,
        Tool,
    }
    let plan = match &*state.borrow() {
        IterState::Enumerate { inner, count } => Plan::Enumerate(inner.clone(), count.clone()),
        IterState::Zip { inners, strict } => Plan::Zip(inners.clone(), *strict),
        IterState::Map { func, inners } => Plan::Map(func.clone(), inners.clone()),
        IterState::Filter { func, inner } => Plan::Filter(func.clone(), inner.clone()),
        IterState::Callable { func, sentinel } => Plan::Callable(func.clone(), sentinel.clone()),
        IterState::Sequence { seq, index } => Plan::Sequence(seq.clone(), *index),
        IterState::Dict { .. } | IterState::Set { .. } => Plan::Moved,
        IterState::Tool(_) => Plan::Tool,
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
        Plan::Sequence(seq, index) => next_of_sequence(ts, state, &seq, index)?,
        Plan::Moved => return Err(moved_error(ts, state)),
        Plan::Tool => crate::protocol::iter_tools::next(ts, state)?,
    };
    if result.is_none() {
        let kind = state.borrow().type_id();
        *state.borrow_mut() = IterState::Exhausted(kind);
    }
    Ok(result)
}

/// `seq[index]`, the next step of the old sequence protocol: `IndexError` and
/// `StopIteration` end the walk; any other error is the element's, and leaves the iterator
/// where it was, as CPython's `iter_iternext`.
fn next_of_sequence(
    ts: &mut ThreadState,
    state: &std::cell::RefCell<IterState>,
    seq: &Value,
    index: usize,
) -> PyResult<Option<Value>> {
    let Ok(at) = i64::try_from(index) else {
        return Err(ts.new_exc(ExcKind::OverflowError, "iter index too large"));
    };
    match crate::protocol::subscript::get_item(ts, seq, &Value::Int(at)) {
        Ok(item) => {
            if let IterState::Sequence { index, .. } = &mut *state.borrow_mut() {
                *index += 1;
            }
            Ok(Some(item))
        }
        Err(e)
            if ts.exc_matches(&e, ExcKind::IndexError)
                || ts.exc_matches(&e, ExcKind::StopIteration) =>
        {
            // Spent for good, as CPython drops `it_seq`: a sequence that grows later is not
            // read again.
            *state.borrow_mut() = IterState::Exhausted(TypeId::Iterator);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The error of a dict or set iterator whose collection moved under it. A change of size is
/// sticky: the iterator raises again even once the size is back, as CPython's (`di_used =
/// -1`); after keys that changed it is spent.
fn moved_error(
    ts: &ThreadState,
    state: &std::cell::RefCell<IterState>,
) -> crate::object::value::ObjRef {
    let mut state = state.borrow_mut();
    let message = match &mut *state {
        IterState::Set { index, .. } => {
            *index = usize::MAX;
            "Set changed size during iteration"
        }
        IterState::Dict { dict, size, .. } if !matches!(&**dict, Obj::Dict(d) if d.borrow().len() == *size) =>
        {
            *size = usize::MAX;
            "dictionary changed size during iteration"
        }
        _ => {
            *state = IterState::Exhausted(state.type_id());
            "dictionary keys changed during iteration"
        }
    };
    ts.new_exc(ExcKind::RuntimeError, message)
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
    if let Some(items) = copy_of_list_or_tuple(ts, v)? {
        return Ok(items);
    }
    let it = get_iter(ts, v)?;
    // CPython preallocates from the length hint: `list(range(10**12))` fails at once.
    let hint = match v.obj() {
        Some(r) if matches!(&**r, Obj::Range { .. }) => crate::protocol::sequence::range_len(r),
        _ => 0,
    };
    drain(ts, &it, hint as usize)
}

/// All items of an iterable as CPython's `PySequence_Fast` (what `str.join` reads): a list
/// or tuple as it is; any other iterable through its iterator, which is first asked its
/// length (`__len__`, else `__length_hint__`), and whatever asking raises is the answer.
pub fn collect_fast(ts: &mut ThreadState, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(items) = copy_of_list_or_tuple(ts, v)? {
        return Ok(items);
    }
    let it = get_iter(ts, v)?;
    let hint = user_length_hint(ts, &it)?;
    // The hint only sizes the first allocation: a lying one must not reserve gigabytes.
    drain(ts, &it, hint.min(1 << 16))
}

fn copy_of_list_or_tuple(ts: &mut ThreadState, v: &Value) -> PyResult<Option<Vec<Value>>> {
    let copy = match v.obj().map(|o| &**o) {
        Some(Obj::List(l)) => alloc::copy_of(&l.borrow()),
        Some(Obj::Tuple(t)) => alloc::copy_of(t),
        _ => return Ok(None),
    };
    copy.or_memory_error(ts).map(Some)
}

/// `operator.length_hint(it, 0)` of an instance of a user class, as CPython's
/// `PyObject_LengthHint`: its `__len__`, else its `__length_hint__`; 0 for other values.
fn user_length_hint(ts: &mut ThreadState, it: &Value) -> PyResult<usize> {
    let Some(Obj::Instance(inst)) = it.obj().map(|o| &**o) else {
        return Ok(0);
    };
    if class::lookup_special(ts, inst.class(), Dunder::Len).is_some() {
        return crate::protocol::sequence::len_of(ts, it);
    }
    let Some(m) = class::lookup_special(ts, inst.class(), Dunder::LengthHint) else {
        return Ok(0);
    };
    let hint = call_value(ts, &m, std::slice::from_ref(it), &[])?;
    if matches!(hint.obj().map(|o| &**o), Some(Obj::NotImplemented)) {
        return Ok(0);
    }
    match hint {
        Value::Int(n) if n >= 0 => Ok(n as usize),
        Value::Int(_) => Err(ts.value_error("__length_hint__() should return >= 0")),
        Value::Bool(b) => Ok(b as usize),
        _ => Err(ts.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            type_name(ts, &hint)
        ))),
    }
}

fn drain(ts: &mut ThreadState, it: &Value, capacity: usize) -> PyResult<Vec<Value>> {
    let mut out = alloc::vec_with_capacity(capacity).or_memory_error(ts)?;
    while let Some(x) = next_value(ts, it)? {
        alloc::push(&mut out, x).or_memory_error(ts)?;
    }
    Ok(out)
}
