//! CPython's `_bisect` (`Modules/_bisectmodule.c`): binary search in a sorted sequence
//! (`bisect_left`/`bisect_right`) and insertion keeping it sorted (`insort_left`/
//! `insort_right`), with `lo`, `hi` and `key`, comparing only with `<`, as CPython does.

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, int_subclass_value};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::is_int;
use crate::protocol::call::call_value;
use crate::protocol::ops::less_than;
use crate::protocol::sequence::len_of;
use crate::protocol::subscript::get_item;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("bisect_left", bisect_left),
    ("bisect_right", bisect_right),
    ("insort_left", insort_left),
    ("insort_right", insort_right),
];

/// Which end of a run of equal items a search lands on.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

/// The arguments `(a, x, lo=0, hi=None, *, key=None)`, parsed as CPython's clinic does.
struct Search {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Value,
}

const NAMES: [&str; 4] = ["a", "x", "lo", "hi"];

fn parse(ts: &ThreadState, name: &str, args: &Args) -> PyResult<Search> {
    if args.pos.len() > 4 {
        return Err(ts.type_error(format!(
            "{name}() takes at most 4 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let mut slots: [Option<&Value>; 4] = [None; 4];
    for (slot, v) in slots.iter_mut().zip(args.pos) {
        *slot = Some(v);
    }
    let mut key = Value::None;
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        let k = k.as_str().map_or("", |s| s.as_str());
        if k == "key" {
            key = v.clone();
            continue;
        }
        let Some(at) = NAMES.iter().position(|n| *n == k) else {
            return Err(ts.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
        };
        if slots[at].is_some() {
            return Err(ts.type_error(format!(
                "argument for {name}() given by name ('{k}') and position ({})",
                at + 1
            )));
        }
        slots[at] = Some(v);
    }
    let required = |at: usize| {
        slots[at].cloned().ok_or_else(|| {
            ts.type_error(format!(
                "{name}() missing required argument '{}' (pos {})",
                NAMES[at],
                at + 1
            ))
        })
    };
    let (a, x) = (required(0)?, required(1)?);
    let lo = slots[2].map_or(Ok(0), |v| int_arg(ts, v))?;
    let hi = match slots[3] {
        None | Some(Value::None) => None,
        Some(v) if is_int(v) || v.obj().is_some_and(|o| int_subclass_value(o).is_some()) => {
            Some(int_arg(ts, v)?)
        }
        Some(v) => {
            return Err(ts.type_error(format!(
                "argument should be integer or None, not '{}'",
                type_name(ts, v)
            )))
        }
    };
    Ok(Search { a, x, lo, hi, key })
}

/// The item at `i` of the sequence, through `key` when there is one.
fn probe(ts: &mut ThreadState, s: &Search, i: i64) -> PyResult {
    let item = match s.a.obj().map(|o| &**o) {
        Some(Obj::List(items)) => items.borrow().get(i as usize).cloned(),
        _ => None,
    };
    let item = match item {
        Some(item) => item,
        None => get_item(ts, &s.a, &Value::Int(i))?,
    };
    if s.key.is_none() {
        return Ok(item);
    }
    call_value(ts, &s.key, &[item], &[])
}

/// Where `x` (already through `key`) goes in `a[lo:hi]`.
fn search(ts: &mut ThreadState, s: &Search, x: &Value, side: Side) -> PyResult<i64> {
    if s.lo < 0 {
        return Err(ts.value_error("lo must be non-negative"));
    }
    let mut lo = s.lo;
    let mut hi = match s.hi.filter(|h| *h != -1) {
        Some(h) => h,
        None => len_of(ts, &s.a)? as i64,
    };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let item = probe(ts, s, mid)?;
        let goes_left = match side {
            Side::Right => less_than(ts, x, &item)?,
            Side::Left => !less_than(ts, &item, x)?,
        };
        if goes_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect(ts: &mut ThreadState, name: &str, args: &Args, side: Side) -> PyResult {
    let s = parse(ts, name, args)?;
    search(ts, &s, &s.x, side).map(Value::Int)
}

fn insort(ts: &mut ThreadState, name: &str, args: &Args, side: Side) -> PyResult {
    let s = parse(ts, name, args)?;
    let x = if s.key.is_none() {
        s.x.clone()
    } else {
        call_value(ts, &s.key, std::slice::from_ref(&s.x), &[])?
    };
    let at = search(ts, &s, &x, side)?;
    if let Some(Obj::List(items)) = s.a.obj().map(|o| &**o) {
        let mut items = items.borrow_mut();
        let at = (at as usize).min(items.len());
        items.insert(at, s.x);
        return Ok(Value::None);
    }
    let insert = crate::protocol::attr::get_attr(ts, &s.a, &Value::new_str("insert"))?;
    call_value(ts, &insert, &[Value::Int(at), s.x.clone()], &[])?;
    Ok(Value::None)
}

fn bisect_left(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    bisect(ts, "bisect_left", args, Side::Left)
}

fn bisect_right(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    bisect(ts, "bisect_right", args, Side::Right)
}

fn insort_left(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    insort(ts, "insort_left", args, Side::Left)
}

fn insort_right(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    insort(ts, "insort_right", args, Side::Right)
}
