//! Methods of `list` and `tuple`.

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError};
use crate::object::args::{int_arg, positional};
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::function::{Args, NativeFn};
use crate::objects::list::sort::sort_values;
use crate::protocol::iter;
use crate::protocol::ops;
use crate::text::repr::repr;

pub const LIST_METHODS: &[(&str, NativeFn)] = &[
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("remove", remove),
    ("index", index),
    ("count", count),
    ("reverse", reverse),
    ("sort", sort),
    ("copy", copy),
    ("clear", clear),
];

pub const TUPLE_METHODS: &[(&str, NativeFn)] = &[("index", index), ("count", count)];

fn list_of(this: &Value) -> &std::cell::RefCell<Vec<Value>> {
    match this.obj().map(|o| &**o) {
        Some(Obj::List(l)) => l,
        _ => unreachable!("list methods are only looked up on lists"),
    }
}

/// A snapshot of the items of a list or tuple.
fn items_of(this: &Value) -> Vec<Value> {
    match this.obj().map(|o| &**o) {
        Some(Obj::List(l)) => l.borrow().clone(),
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn append(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "list.append", args, 1, 1)?;
    alloc::push(&mut list_of(this).borrow_mut(), a[0].clone()).or_memory_error(ts)?;
    Ok(Value::None)
}

fn extend(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "list.extend", args, 1, 1)?;
    let items = iter::collect(ts, &a[0])?;
    let mut list = list_of(this).borrow_mut();
    alloc::reserve(&mut list, items.len()).or_memory_error(ts)?;
    list.extend(items);
    Ok(Value::None)
}

fn pop(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "pop", args, 0, 1)?;
    let mut l = list_of(this).borrow_mut();
    if l.is_empty() {
        return Err(ts.index_error("pop from empty list"));
    }
    let len = l.len() as i64;
    let i = match a.first() {
        Some(v) => int_arg(ts, v)?,
        None => len - 1,
    };
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(ts.index_error("pop index out of range"));
    }
    Ok(l.remove(i as usize))
}

fn insert(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "insert", args, 2, 2)?;
    let i = int_arg(ts, &a[0])?;
    let mut l = list_of(this).borrow_mut();
    let len = l.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.insert(at as usize, a[1].clone());
    Ok(Value::None)
}

fn position(ts: &mut ThreadState, items: &[Value], x: &Value) -> PyResult<Option<usize>> {
    for (i, v) in items.iter().enumerate() {
        if ops::eq(ts, v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "list.remove", args, 1, 1)?;
    let items = items_of(this);
    match position(ts, &items, &a[0])? {
        Some(i) => {
            list_of(this).borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(ts.value_error("list.remove(x): x not in list")),
    }
}

fn index(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "index", args, 1, 3)?;
    let items = items_of(this);
    let len = items.len() as i64;
    let bound = |v: Option<&Value>, default: i64| -> PyResult<usize> {
        Ok(match v {
            Some(v) => {
                // A bound beyond 64 bits clamps, as CPython's slice indices do.
                let i = match crate::objects::int::to_big(v) {
                    Some(big) if i64::try_from(&big).is_err() => {
                        if big.sign() == num_bigint::Sign::Minus {
                            i64::MIN / 2
                        } else {
                            i64::MAX / 2
                        }
                    }
                    _ => int_arg(ts, v)?,
                };
                (if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize
            }
            None => default as usize,
        })
    };
    let (start, end) = (bound(a.get(1), 0)?, bound(a.get(2), len)?);
    if start < end {
        if let Some(i) = position(ts, &items[start..end], &a[0])? {
            return Ok(Value::Int((start + i) as i64));
        }
    }
    let is_list = matches!(this.obj().map(|o| &**o), Some(Obj::List(_)));
    if is_list {
        let r = repr(ts, &a[0])?;
        Err(ts.value_error(format!("{r} is not in list")))
    } else {
        Err(ts.value_error("tuple.index(x): x not in tuple"))
    }
}

fn count(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "count", args, 1, 1)?;
    let mut n = 0;
    for v in items_of(this) {
        if ops::eq(ts, &v, &a[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "reverse", args, 0, 0)?;
    list_of(this).borrow_mut().reverse();
    Ok(Value::None)
}

fn sort(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    if !args.pos.is_empty() {
        return Err(ts.type_error("sort() takes no positional arguments"));
    }
    let key = args.kw("key").cloned().unwrap_or(Value::None);
    let reverse = match args.kw("reverse") {
        Some(v) => ops::truthy(ts, v)?,
        None => false,
    };
    // As in CPython, the list is empty while it sorts; whatever the key function or a
    // comparison put in it meanwhile (it then has room allocated) is dropped, and the sort
    // fails.
    let mut items = std::mem::take(&mut *list_of(this).borrow_mut());
    let r = sort_values(ts, &mut items, &key, reverse);
    let meanwhile = std::mem::replace(&mut *list_of(this).borrow_mut(), items);
    r?;
    if meanwhile.capacity() != 0 {
        return Err(ts.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn copy(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "copy", args, 0, 0)?;
    Ok(Value::new_list(items_of(this)))
}

fn clear(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "clear", args, 0, 0)?;
    list_of(this).borrow_mut().clear();
    Ok(Value::None)
}
