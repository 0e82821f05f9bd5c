//! CPython's `_heapq` (`Modules/_heapqmodule.c`): the heap operations on a list, with its
//! comparisons (only `<`), its order of swaps and its errors. A comparison can run Python
//! code, so no borrow of the list is held across one, and a list whose size changed under
//! it raises RuntimeError, as in CPython.

use std::cell::RefCell;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{count, positional};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, Value};
use crate::objects::function::{Args, NativeFn};
use crate::protocol::class::builtin_base;
use crate::protocol::ops::less_than;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("heappush", heappush),
    ("heappop", heappop),
    ("heapify", heapify),
    ("heapreplace", heapreplace),
    ("heappushpop", heappushpop),
    ("_heappop_max", heappop_max),
    ("_heapreplace_max", heapreplace_max),
    ("_heapify_max", heapify_max),
];

/// Which heap: the smallest item on top, or the largest (`heapq`'s `_max` helpers).
#[derive(Clone, Copy)]
enum Order {
    Min,
    Max,
}

/// A heap argument: a list, or the list an instance of a list subclass wraps.
struct Heap(Value);

impl Heap {
    fn items(&self) -> &RefCell<Vec<Value>> {
        match self.0.obj().map(|o| &**o) {
            Some(Obj::List(items)) => items,
            _ => unreachable!("Heap holds a list"),
        }
    }
}

fn heap_arg(ts: &ThreadState, name: &str, which: &str, v: &Value) -> PyResult<Heap> {
    let list = match v.obj().map(|o| &**o) {
        Some(Obj::List(_)) => Some(v.clone()),
        _ => builtin_base(v).filter(|b| matches!(b.obj().map(|o| &**o), Some(Obj::List(_)))),
    };
    list.map(Heap).ok_or_else(|| {
        // Argument clinic's message, which names None itself.
        let got = if v.is_none() {
            "None".into()
        } else {
            type_name(ts, v)
        };
        ts.type_error(format!("{name}() argument{which} must be list, not {got}"))
    })
}

/// The one argument of `heappop`/`heapify` and their `_max` twins.
fn one_heap(ts: &ThreadState, name: &str, args: &Args) -> PyResult<Heap> {
    let a = positional(ts, &format!("_heapq.{name}"), args, 1, 1)?;
    heap_arg(ts, name, "", &a[0])
}

/// The heap and item of `heappush`/`heapreplace`/`heappushpop`.
fn heap_and_item<'a>(ts: &ThreadState, name: &str, args: &'a Args) -> PyResult<(Heap, &'a Value)> {
    if !args.kwnames.is_empty() {
        return Err(ts.type_error(format!("_heapq.{name}() takes no keyword arguments")));
    }
    count(ts, name, args.pos.len(), 2, 2)?;
    Ok((heap_arg(ts, name, " 1", &args.pos[0])?, &args.pos[1]))
}

fn index_out_of_range(ts: &ThreadState) -> crate::object::value::ObjRef {
    ts.index_error("index out of range")
}

fn changed_size(ts: &ThreadState) -> crate::object::value::ObjRef {
    ts.new_exc(ExcKind::RuntimeError, "list changed size during iteration")
}

/// Whether `items[i]` goes above `items[j]` in a heap of `order`.
fn before(
    ts: &mut ThreadState,
    items: &RefCell<Vec<Value>>,
    i: usize,
    j: usize,
    order: Order,
) -> PyResult<bool> {
    let (a, b) = {
        let v = items.borrow();
        match (&v[i], &v[j], order) {
            (Value::Int(x), Value::Int(y), Order::Min) => return Ok(x < y),
            (Value::Int(x), Value::Int(y), Order::Max) => return Ok(y < x),
            (Value::Float(x), Value::Float(y), Order::Min) => return Ok(x < y),
            (Value::Float(x), Value::Float(y), Order::Max) => return Ok(y < x),
            (a, b, _) => (a.clone(), b.clone()),
        }
    };
    match order {
        Order::Min => less_than(ts, &a, &b),
        Order::Max => less_than(ts, &b, &a),
    }
}

/// Moves the item at `pos` up towards `start` while it goes above its parent.
fn sift_down(
    ts: &mut ThreadState,
    heap: &Heap,
    start: usize,
    mut pos: usize,
    order: Order,
) -> PyResult<()> {
    let items = heap.items();
    let size = items.borrow().len();
    if pos >= size {
        return Err(index_out_of_range(ts));
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let above = before(ts, items, pos, parent, order)?;
        let mut v = items.borrow_mut();
        if v.len() != size {
            return Err(changed_size(ts));
        }
        if !above {
            break;
        }
        v.swap(parent, pos);
        pos = parent;
    }
    Ok(())
}

/// Moves the smaller child up from `pos` to a leaf, then the item left there back up.
fn sift_up(ts: &mut ThreadState, heap: &Heap, mut pos: usize, order: Order) -> PyResult<()> {
    let items = heap.items();
    let end = items.borrow().len();
    let start = pos;
    if pos >= end {
        return Err(index_out_of_range(ts));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let left_first = before(ts, items, child, child + 1, order)?;
            if !left_first {
                child += 1;
            }
            if items.borrow().len() != end {
                return Err(changed_size(ts));
            }
        }
        items.borrow_mut().swap(child, pos);
        pos = child;
    }
    sift_down(ts, heap, start, pos, order)
}

fn heappush(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let (heap, item) = heap_and_item(ts, "heappush", args)?;
    let last = {
        let mut v = heap.items().borrow_mut();
        v.push(item.clone());
        v.len() - 1
    };
    sift_down(ts, &heap, 0, last, Order::Min)?;
    Ok(Value::None)
}

fn pop(ts: &mut ThreadState, heap: &Heap, order: Order) -> PyResult {
    let top = {
        let mut v = heap.items().borrow_mut();
        let Some(last) = v.pop() else {
            return Err(index_out_of_range(ts));
        };
        if v.is_empty() {
            return Ok(last);
        }
        std::mem::replace(&mut v[0], last)
    };
    sift_up(ts, heap, 0, order)?;
    Ok(top)
}

fn heappop(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let heap = one_heap(ts, "heappop", args)?;
    pop(ts, &heap, Order::Min)
}

fn heappop_max(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let heap = one_heap(ts, "_heappop_max", args)?;
    pop(ts, &heap, Order::Max)
}

fn replace(ts: &mut ThreadState, heap: &Heap, item: &Value, order: Order) -> PyResult {
    let top = {
        let mut v = heap.items().borrow_mut();
        match v.first_mut() {
            Some(top) => std::mem::replace(top, item.clone()),
            None => return Err(index_out_of_range(ts)),
        }
    };
    sift_up(ts, heap, 0, order)?;
    Ok(top)
}

fn heapreplace(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let (heap, item) = heap_and_item(ts, "heapreplace", args)?;
    replace(ts, &heap, item, Order::Min)
}

fn heapreplace_max(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let (heap, item) = heap_and_item(ts, "_heapreplace_max", args)?;
    replace(ts, &heap, item, Order::Max)
}

/// `heappushpop(heap, item)`: `item` itself when it would be the top, else the old top.
fn heappushpop(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let (heap, item) = heap_and_item(ts, "heappushpop", args)?;
    let top = match heap.items().borrow().first() {
        Some(top) => top.clone(),
        None => return Ok(item.clone()),
    };
    if !less_than(ts, &top, item)? {
        return Ok(item.clone());
    }
    if heap.items().borrow().is_empty() {
        return Err(index_out_of_range(ts));
    }
    replace(ts, &heap, item, Order::Min)
}

fn heapify_in(ts: &mut ThreadState, heap: &Heap, order: Order) -> PyResult {
    let n = heap.items().borrow().len();
    for i in (0..n / 2).rev() {
        sift_up(ts, heap, i, order)?;
    }
    Ok(Value::None)
}

fn heapify(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let heap = one_heap(ts, "heapify", args)?;
    heapify_in(ts, &heap, Order::Min)
}

fn heapify_max(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let heap = one_heap(ts, "_heapify_max", args)?;
    heapify_in(ts, &heap, Order::Max)
}
