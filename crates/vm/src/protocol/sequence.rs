//! Sequence operators (`+`, `*`, `%` on str, set algebra, `dict | dict`), built-in ordering
//! comparisons, `len`, and index/slice arithmetic.

use std::cmp::Ordering;

use gilvm_compiler::bytecode::{BinaryOperator as B, Comparison};

use crate::interp::build_values as build;
use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::protocol::class;
use crate::protocol::ops;

/// The count of `seq * n`: an int, which must fit an index (CPython's `PyNumber_AsSsize_t`
/// with `OverflowError`); `None` when `v` is no int.
fn repeat_count(ts: &ThreadState, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => Err(ts.new_exc(
            ExcKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )),
        _ => Ok(None),
    }
}

fn is_big_int(v: &Value) -> bool {
    matches!(v.obj().map(|o| &**o), Some(Obj::BigInt(_)))
}

fn is_repeatable(v: &Value) -> bool {
    matches!(
        v.obj().map(|o| &**o),
        Some(Obj::Str(_) | Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_) | Obj::ByteArray(_))
    )
}

/// `text * n`: CPython's `OverflowError` when the length would pass `isize::MAX`, else
/// `MemoryError` when the machine cannot hold it.
fn repeat_text(ts: &ThreadState, s: &crate::objects::str::PyStr, n: i64) -> PyResult<Value> {
    let n = n.max(0) as usize;
    if s.char_len()
        .checked_mul(n)
        .is_none_or(|len| len > isize::MAX as usize)
    {
        return Err(ts.new_exc(ExcKind::OverflowError, "repeated string is too long"));
    }
    Ok(Value::from_pystr(s.repeat(n).or_memory_error(ts)?))
}

/// Whether `v` is a `keys()` or `items()` view, which take part in set operators.
fn is_set_view(v: &Value) -> bool {
    matches!(
        v.obj().map(|o| &**o),
        Some(Obj::DictView { kind, .. }) if *kind != crate::object::value::DictViewKind::Values
    )
}

/// `view & other` (and `|`, `-`, `^`, either side a view): computed on sets of the items.
fn view_set_op(ts: &mut ThreadState, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let as_set = |ts: &mut ThreadState, v: &Value| -> PyResult<Value> {
        let items = crate::protocol::iter::collect(ts, v)?;
        build::new_set(ts, items, false)
    };
    let (a, b) = (as_set(ts, a)?, as_set(ts, b)?);
    sequence_op(ts, op, &a, &b)
}

pub fn sequence_op(ts: &mut ThreadState, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if matches!(op, B::And | B::Or | B::Subtract | B::Xor) && (is_set_view(a) || is_set_view(b)) {
        let iterable = |v: &Value| {
            is_set_view(v)
                || matches!(
                    v.obj().map(|o| &**o),
                    Some(Obj::Set { .. } | Obj::List(_) | Obj::Tuple(_))
                )
        };
        if iterable(a) && iterable(b) {
            return view_set_op(ts, op, a, b);
        }
    }
    if op == B::Multiply && is_big_int(a) && is_repeatable(b) {
        return sequence_op(ts, op, b, a);
    }
    let (Value::Obj(x), _) = (a, b) else {
        if let (Some(n), Value::Obj(_), B::Multiply) = (repeat_count(ts, a)?, b, op) {
            return sequence_op(ts, op, b, &Value::Int(n));
        }
        return Ok(None);
    };
    if op == B::Multiply {
        reserve_repeat(ts, x, b)?;
    }
    Ok(match (op, &**x) {
        (B::Add, Obj::Str(s)) => match b.as_str() {
            Some(t) => Some(Value::from_pystr(
                crate::objects::str::PyStr::concat(s, t).or_memory_error(ts)?,
            )),
            None => None,
        },
        (B::Multiply, Obj::Str(s)) => match repeat_count(ts, b)? {
            Some(n) => Some(repeat_text(ts, s, n)?),
            None => None,
        },
        (B::Remainder, Obj::Str(s)) => Some(Value::new_str(crate::text::percent::percent_format(
            ts,
            s.as_str(),
            b,
        )?)),
        (B::Add, Obj::List(l)) => match b.obj().map(|o| &**o) {
            Some(Obj::List(m)) => Some(Value::new_list(
                alloc::concat_slices(&l.borrow(), &m.borrow()).or_memory_error(ts)?,
            )),
            _ => None,
        },
        (B::Add, Obj::Tuple(t)) => match b.obj().map(|o| &**o) {
            Some(Obj::Tuple(u)) => Some(Value::new_tuple(
                alloc::concat_slices(t, u).or_memory_error(ts)?,
            )),
            _ => None,
        },
        (B::Add | B::Multiply, Obj::Bytes(_) | Obj::ByteArray(_)) => {
            crate::objects::bytes::ops::binary(ts, op, a, b)?
        }
        (B::Multiply, Obj::List(l)) => match repeat_count(ts, b)? {
            Some(n) => Some(Value::new_list(repeat_items(ts, &l.borrow(), n)?)),
            None => None,
        },
        (B::Multiply, Obj::Tuple(t)) => match repeat_count(ts, b)? {
            Some(n) => Some(Value::new_tuple(repeat_items(ts, t, n)?)),
            None => None,
        },
        (B::And | B::Or | B::Subtract | B::Xor, Obj::Set { items, frozen }) => {
            match b.obj().map(|o| &**o) {
                Some(Obj::Set { items: other, .. }) => {
                    let r = set_algebra(op, &items.borrow(), &other.borrow());
                    Some(build::set_value(r, *frozen))
                }
                _ => None,
            }
        }
        (B::Or, Obj::Dict(d)) => match b.obj().map(|o| &**o) {
            Some(Obj::Dict(e)) => {
                let mut r = d.borrow().clone();
                for (k, v) in e.borrow().iter() {
                    r.insert(k.clone(), v.clone());
                }
                Some(Value::new_dict(r))
            }
            _ => None,
        },
        _ => None,
    })
}

/// The memory limit's check before `sequence * n` allocates its result
/// (`interp::sandbox::memory::reserve`).
fn reserve_repeat(ts: &ThreadState, sequence: &Obj, n: &Value) -> PyResult<()> {
    let value = std::mem::size_of::<Value>();
    let item_bytes = match sequence {
        Obj::Str(s) => s.as_str().len(),
        Obj::Bytes(b) => b.len(),
        Obj::ByteArray(b) => b.borrow().len(),
        Obj::List(l) => l.borrow().len() * value,
        Obj::Tuple(t) => t.len() * value,
        _ => return Ok(()),
    };
    let times = match n {
        Value::Int(i) => (*i).max(0) as usize,
        _ => return Ok(()),
    };
    crate::interp::sandbox::memory::reserve(ts, item_bytes.saturating_mul(times))
}

/// `list * n`, `tuple * n`: `MemoryError` when too big, as CPython.
fn repeat_items(ts: &ThreadState, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    alloc::repeat_slice(items, n.max(0) as usize).or_memory_error(ts)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on two sets, as CPython's `set_or`, `set_intersection`,
/// `set_difference` and `set_symmetric_difference` build them (the result's table order).
fn set_algebra(op: B, a: &Dict, b: &Dict) -> Dict {
    match op {
        B::Or => {
            let mut out = a.set_copy();
            out.set_merge(b);
            out
        }
        B::And if std::ptr::eq(a, b) => a.set_copy(),
        B::And => a.set_intersection(b),
        B::Subtract => a.set_difference(b),
        _ => {
            let mut out = b.set_copy();
            out.set_symmetric_difference_update(a);
            out
        }
    }
}

/// `a |= b` and the others in place (CPython's `set_ior`, `set_iand`, `set_isub`, `set_ixor`).
fn set_algebra_inplace(op: B, a: &mut Dict, b: &Dict) {
    match op {
        B::Or => a.set_merge(b),
        B::And => *a = a.set_intersection(b),
        B::Subtract => a.set_difference_update(b),
        _ => a.set_symmetric_difference_update(b),
    }
}

/// `list += iterable`, `set |= ...`, `dict |= ...`: mutate in place.
#[inline(never)]
pub fn inplace_sequence_op(
    ts: &mut ThreadState,
    op: B,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    let Value::Obj(x) = a else { return Ok(None) };
    match (op, &**x) {
        (B::Add | B::Multiply, Obj::ByteArray(_)) => {
            crate::objects::bytes::ops::inplace(ts, op, a, b)
        }
        (B::Add, Obj::List(_)) => {
            if !matches!(b.obj().map(|o| &**o), Some(Obj::List(_)))
                && crate::protocol::iter::get_iter(ts, b).is_err()
            {
                return Err(ts.type_error(format!("'{}' object is not iterable", type_name(ts, b))));
            }
            build::list_extend(ts, a, b)?;
            Ok(Some(a.clone()))
        }
        (B::Multiply, Obj::List(l)) => match repeat_count(ts, b)? {
            Some(n) => {
                let items = repeat_items(ts, &l.borrow(), n)?;
                *l.borrow_mut() = items;
                Ok(Some(a.clone()))
            }
            None => Ok(None),
        },
        (
            B::Or | B::And | B::Subtract | B::Xor,
            Obj::Set {
                items,
                frozen: false,
            },
        ) => match b.obj().map(|o| &**o) {
            Some(Obj::Set { items: other, .. }) => {
                if a.is(b) {
                    match op {
                        B::Or => {}
                        B::And => {
                            let copy = items.borrow().set_copy();
                            *items.borrow_mut() = copy;
                        }
                        _ => items.borrow_mut().clear(),
                    }
                } else {
                    set_algebra_inplace(op, &mut items.borrow_mut(), &other.borrow());
                }
                Ok(Some(a.clone()))
            }
            _ => Ok(None),
        },
        (B::Or, Obj::Dict(_)) => {
            build::dict_update(ts, a, b, false)?;
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

/// Ordering of built-in sequences, strings and sets; `None` when not applicable.
pub fn builtin_compare(
    ts: &mut ThreadState,
    a: &Value,
    b: &Value,
    op: Comparison,
) -> PyResult<Option<Option<Ordering>>> {
    let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
        return Ok(None);
    };
    match (&**x, &**y) {
        (Obj::Str(s), Obj::Str(t)) => Ok(Some(Some(s.cmp(t)))),
        (Obj::Bytes(_) | Obj::ByteArray(_), Obj::Bytes(_) | Obj::ByteArray(_)) => {
            Ok(Some(crate::objects::bytes::ops::compare(a, b)))
        }
        (Obj::Set { items: s, .. }, Obj::Set { items: t, .. }) => {
            let (s, t) = (s.borrow(), t.borrow());
            let sub = s.keys().all(|k| t.contains(k));
            let sup = t.keys().all(|k| s.contains(k));
            Ok(Some(match (sub, sup) {
                (true, true) => Some(Ordering::Equal),
                (true, false) => Some(Ordering::Less),
                (false, true) => Some(Ordering::Greater),
                (false, false) => None,
            }))
        }
        (Obj::Dict(d), Obj::Dict(e)) if matches!(op, Comparison::Equal | Comparison::NotEqual) => {
            let (d, e) = (d.borrow().clone(), e.borrow().clone());
            if d.len() != e.len() {
                return Ok(Some(Some(Ordering::Less)));
            }
            for (k, v) in d.iter() {
                match e.get(k) {
                    Some(w) if ops::eq(ts, v, w)? => {}
                    _ => return Ok(Some(Some(Ordering::Less))),
                }
            }
            Ok(Some(Some(Ordering::Equal)))
        }
        (Obj::Range { .. }, Obj::Range { .. })
            if matches!(op, Comparison::Equal | Comparison::NotEqual) =>
        {
            let same = range_len(x) == range_len(y) && {
                let (
                    Obj::Range {
                        start: a, step: s, ..
                    },
                    Obj::Range {
                        start: b, step: t, ..
                    },
                ) = (&**x, &**y)
                else {
                    unreachable!("matched above")
                };
                range_len(x) == 0 || (a == b && (range_len(x) == 1 || s == t))
            };
            Ok(Some(Some(if same {
                Ordering::Equal
            } else {
                Ordering::Less
            })))
        }
        _ => Ok(None),
    }
}

/// `a <op> b` for two lists or two tuples (CPython's `list_richcompare`/`tuplerichcompare`):
/// the first items that are not equal (identity first) decide, by `op` itself, so
/// `(nan,) <= (nan,)` is `nan <= nan`; else the lengths. `None` for other operands.
pub fn sequence_compare(
    ts: &mut ThreadState,
    a: &Value,
    b: &Value,
    op: Comparison,
) -> PyResult<Option<Value>> {
    let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
        return Ok(None);
    };
    if !matches!(
        (&**x, &**y),
        (Obj::List(_), Obj::List(_)) | (Obj::Tuple(_), Obj::Tuple(_))
    ) {
        return Ok(None);
    }
    // Items are read one pair at a time, by index (no copy of either sequence): an `__eq__`
    // may change a list under the loop, as in CPython's `list_richcompare`.
    let len = |o: &ObjRef| match &**o {
        Obj::List(l) => l.borrow().len(),
        Obj::Tuple(t) => t.len(),
        _ => 0,
    };
    let item = |o: &ObjRef, i: usize| match &**o {
        Obj::List(l) => l.borrow().get(i).cloned(),
        Obj::Tuple(t) => t.get(i).cloned(),
        _ => None,
    };
    let equality = matches!(op, Comparison::Equal | Comparison::NotEqual);
    if equality && len(x) != len(y) {
        return Ok(Some(Value::Bool(op == Comparison::NotEqual)));
    }
    let mut i = 0;
    while let (Some(p), Some(q)) = (item(x, i), item(y, i)) {
        if !ops::eq(ts, &p, &q)? {
            return Ok(Some(match op {
                Comparison::Equal => Value::Bool(false),
                Comparison::NotEqual => Value::Bool(true),
                _ => ops::compare(ts, op, &p, &q)?,
            }));
        }
        i += 1;
    }
    let o = len(x).cmp(&len(y));
    Ok(Some(Value::Bool(match op {
        Comparison::Less => o.is_lt(),
        Comparison::LessEqual => o.is_le(),
        Comparison::Equal => o.is_eq(),
        Comparison::NotEqual => o.is_ne(),
        Comparison::Greater => o.is_gt(),
        Comparison::GreaterEqual => o.is_ge(),
    })))
}

pub fn range_len(r: &ObjRef) -> i64 {
    match &**r {
        Obj::Range { start, stop, step } => {
            let (start, stop, step) = (*start as i128, *stop as i128, *step as i128);
            let n = if step > 0 {
                (stop - start + step - 1) / step
            } else {
                (start - stop - step - 1) / -step
            };
            n.max(0) as i64
        }
        _ => 0,
    }
}

pub fn len_of(ts: &mut ThreadState, v: &Value) -> PyResult<usize> {
    if let Value::Obj(o) = v {
        match &**o {
            Obj::Str(s) => return Ok(s.char_len()),
            Obj::Bytes(b) => return Ok(b.len()),
            Obj::ByteArray(b) => return Ok(b.borrow().len()),
            Obj::MemoryView(m) => {
                m.check(ts)?;
                if m.layout.shape.is_empty() {
                    return Err(ts.type_error("0-dim memory has no length"));
                }
                return Ok(m.len());
            }
            Obj::List(l) => return Ok(l.borrow().len()),
            Obj::Tuple(t) => return Ok(t.len()),
            Obj::Dict(d) => return Ok(d.borrow().len()),
            Obj::Set { items, .. } => return Ok(items.borrow().len()),
            Obj::Range { .. } => return Ok(range_len(o) as usize),
            Obj::DictView { dict, .. } => return len_of(ts, &Value::Obj(dict.clone())),
            Obj::Type(_) if class::meta_special(ts, v, Dunder::Len).is_some() => {
                let m = class::meta_special(ts, v, Dunder::Len).unwrap_or_default();
                let r = crate::protocol::call::call_value(ts, &m, std::slice::from_ref(v), &[])?;
                return crate::object::args::int_arg(ts, &r).map(|n| n.max(0) as usize);
            }
            Obj::Instance(inst) => {
                if let Some(m) = class::lookup_special(ts, inst.class(), Dunder::Len) {
                    let r =
                        crate::protocol::call::call_value(ts, &m, std::slice::from_ref(v), &[])?;
                    return match r {
                        Value::Int(i) if i >= 0 => Ok(i as usize),
                        Value::Int(_) => Err(ts.value_error("__len__() should return >= 0")),
                        _ => Err(ts.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(ts, &r)
                        ))),
                    };
                }
                if let Some(base) = class::builtin_base(v) {
                    return len_of(ts, &base);
                }
            }
            _ => {}
        }
    }
    Err(ts.type_error(format!(
        "object of type '{}' has no len()",
        type_name(ts, v)
    )))
}

/// Resolves a slice against a sequence length: (start, stop, step) as Python's
/// `slice.indices`.
pub fn slice_indices(ts: &ThreadState, slice: &Obj, len: i64) -> PyResult<(i64, i64, i64)> {
    let Obj::Slice { start, stop, step } = slice else {
        return Ok((0, 0, 1));
    };
    let as_int = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => {
                let big = crate::objects::int::to_big(v).unwrap_or_default();
                Ok(Some(if big.sign() == num_bigint::Sign::Minus {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }))
            }
            _ => Err(
                ts.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        }
    };
    let step = as_int(step)?.unwrap_or(1);
    if step == 0 {
        return Err(ts.value_error("slice step cannot be zero"));
    }
    Ok(clamp_slice(as_int(start)?, as_int(stop)?, step, len))
}

/// The bounds of a slice of a sequence of `len` items whose parts (the 2 or 3 values below a
/// `BuildSlice`) are ints or `None`, as [`slice_indices`] resolves them; `None` for any other
/// part and for a zero step, which take the general path (and its errors).
#[inline]
pub fn plain_slice_indices(parts: &[Value], len: i64) -> Option<(i64, i64, i64)> {
    let as_int = |v: Option<&Value>| match v {
        None | Some(Value::None) => Some(None),
        Some(Value::Int(i)) => Some(Some(*i)),
        _ => None,
    };
    let step = as_int(parts.get(2))?.unwrap_or(1);
    if step == 0 {
        return None;
    }
    Some(clamp_slice(
        as_int(parts.first())?,
        as_int(parts.get(1))?,
        step,
        len,
    ))
}

/// Start and stop (`None`: the default for the step's direction) clamped into a sequence of
/// `len` items, as CPython's `PySlice_AdjustIndices`.
#[inline]
fn clamp_slice(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> (i64, i64, i64) {
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(i) if i < 0 => (i + len).max(lower),
        Some(i) => i.min(upper),
    };
    let start = clamp(start, if step < 0 { upper } else { lower });
    let stop = clamp(stop, if step < 0 { lower } else { upper });
    (start, stop, step)
}

/// Copies of the items a resolved slice selects: a run (forwards or backwards) copied as
/// one block, without stepping through positions.
pub fn slice_items<T: Clone>(items: &[T], start: i64, stop: i64, step: i64) -> Vec<T> {
    match step {
        1 => items[start as usize..stop.max(start) as usize].to_vec(),
        -1 if start <= stop => Vec::new(),
        -1 => items[(stop + 1) as usize..=start as usize]
            .iter()
            .rev()
            .cloned()
            .collect(),
        _ => slice_positions(start, stop, step)
            .map(|i| items[i].clone())
            .collect(),
    }
}

/// The indices a resolved slice selects.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        let more = if step > 0 { i < stop } else { i > stop };
        more.then(|| {
            let r = i as usize;
            i += step;
            r
        })
    })
}
