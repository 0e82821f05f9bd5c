//! The native core of `collections.deque`, CPython's `_collections` (`Modules/_collectionsmodule.c`):
//! the items live in a ring buffer (`VecDeque`) behind a handle on the instance, so both ends
//! are O(1) and no operation runs bytecode. `_collections.py` makes these functions the methods
//! of `deque` and of its iterator classes (the pattern of `_random`).
//!
//! As in CPython, every change of size or order (not `reverse` or item assignment) bumps the
//! deque's `state`, which iterators and the searching methods compare to see a mutation; an
//! item comparison can run Python code, so no borrow of the items is held across one.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{count, int_arg, optional_params, positional};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{method_value, Args, NativeFn};
use crate::protocol::iter::{get_iter, next_value};
use crate::protocol::ops::{eq, index_of};

/// The methods of `deque` and its iterators, stored in the module under these names for
/// `_collections.py`.
const METHODS: &[(&str, NativeFn)] = &[
    ("_deque_new", deque_new),
    ("_deque_init", deque_init),
    ("_deque_maxlen", maxlen),
    ("_deque_append", append),
    ("_deque_appendleft", appendleft),
    ("_deque_pop", pop),
    ("_deque_popleft", popleft),
    ("_deque_extend", extend),
    ("_deque_extendleft", extendleft),
    ("_deque_rotate", rotate),
    ("_deque_clear", clear),
    ("_deque_reverse", reverse),
    ("_deque_count", count_of),
    ("_deque_index", index),
    ("_deque_insert", insert),
    ("_deque_remove", remove),
    ("_deque_len", len),
    ("_deque_contains", contains),
    ("_deque_getitem", getitem),
    ("_deque_setitem", setitem),
    ("_deque_delitem", delitem),
    ("_deque_imul", imul),
    ("_deque_repr", repr),
    ("_deque_copy_items", copy_items),
    ("_deque_iter_new", iter_new),
    ("_deque_iter_next", iter_next),
    ("_deque_iter_length_hint", iter_length_hint),
];

pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    for (name, f) in METHODS {
        store_dict(dict, &Value::new_str(*name), method_value(name, *f));
    }
    Ok(())
}

/// A deque's state: its items, its bound (`None`: unbounded) and its mutation counter.
#[derive(Default)]
struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    state: Cell<u64>,
}

impl NativeHandle for Deque {
    fn repr(&self) -> String {
        "<deque state>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn holds_values(&self) -> bool {
        true
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) -> bool {
        match self.items.try_borrow() {
            Ok(items) => {
                items.iter().for_each(visit);
                true
            }
            Err(_) => false,
        }
    }
    fn take_values(&self) -> Vec<Value> {
        match self.items.try_borrow_mut() {
            Ok(mut items) => std::mem::take(&mut *items).into(),
            Err(_) => Vec::new(),
        }
    }
}

impl Deque {
    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// CPython's `deque_append_internal`: the item goes on the right, and one falls off the
    /// left when the deque is over its bound (returned, to be dropped outside the borrow).
    fn push_back(&self, v: Value) -> Option<Value> {
        let mut items = self.items.borrow_mut();
        items.push_back(v);
        self.bump();
        match self.maxlen.get() {
            Some(max) if items.len() > max => items.pop_front(),
            _ => None,
        }
    }

    fn push_front(&self, v: Value) -> Option<Value> {
        let mut items = self.items.borrow_mut();
        items.push_front(v);
        self.bump();
        match self.maxlen.get() {
            Some(max) if items.len() > max => items.pop_back(),
            _ => None,
        }
    }

    fn item(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    /// Rotates `n` steps to the right (left when negative); a change of order for iterators
    /// unless there is at most one item, as CPython's `_deque_rotate`.
    fn rotate(&self, n: i64) {
        let mut items = self.items.borrow_mut();
        let len = items.len();
        if len <= 1 {
            return;
        }
        self.bump();
        let n = n.rem_euclid(len as i64) as usize;
        items.rotate_right(n);
    }

    fn clear(&self) -> VecDeque<Value> {
        let mut items = self.items.borrow_mut();
        if !items.is_empty() {
            self.bump();
        }
        std::mem::take(&mut *items)
    }

    /// Removes the item at `i` (in range), as CPython's rotate/popleft/rotate.
    fn remove_at(&self, i: usize) -> Option<Value> {
        self.bump();
        self.items.borrow_mut().remove(i)
    }
}

/// The handle of the deque `v` (a `deque` instance or one of a subclass), if it has one.
fn deque_handle(ts: &ThreadState, v: &Value) -> Option<ObjRef> {
    let handle = v.as_instance()?.attr(ts.rt.names.get(Dunder::DequeState))?;
    let Value::Obj(o) = handle else {
        return None;
    };
    o.handle::<Deque>()?;
    Some(o)
}

fn state_of(o: &ObjRef) -> &Deque {
    o.handle::<Deque>()
        .expect("deque_handle checked the handle")
}

/// The deque behind the receiver `this`, or the TypeError of a descriptor used on another
/// object.
fn receiver(ts: &ThreadState, name: &str, this: &Value) -> PyResult<ObjRef> {
    deque_handle(ts, this).ok_or_else(|| {
        ts.type_error(format!(
            "descriptor '{name}' for 'collections.deque' objects doesn't apply to a '{}' object",
            type_name(ts, this)
        ))
    })
}

/// The receiver's deque and the arguments, checked for count and for keywords.
fn method<'a>(
    ts: &ThreadState,
    name: &str,
    this: &Value,
    args: &'a Args,
    min: usize,
    max: usize,
) -> PyResult<(ObjRef, &'a [Value])> {
    let d = receiver(ts, name, this)?;
    if !args.kwnames.is_empty() {
        return Err(ts.type_error(format!("deque.{name}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    if n < min || n > max {
        count(ts, &format!("deque.{name}"), n, min, max)?;
    }
    Ok((d, args.pos))
}

fn mutated(ts: &ThreadState) -> ObjRef {
    ts.new_exc(ExcKind::RuntimeError, "deque mutated during iteration")
}

/// An index argument as CPython's `Py_ssize_t` conversion reads it (`__index__` included).
fn ssize_arg(ts: &mut ThreadState, v: &Value) -> PyResult<i64> {
    match index_of(ts, v)? {
        Some(i) => int_arg(ts, &i),
        None => int_arg(ts, v),
    }
}

/// `__new__`'s half: an empty deque, until `__init__` fills it.
fn deque_new(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "_deque_new", args, 0, 0)?;
    let Some(inst) = this.as_instance() else {
        return Err(ts.type_error("_deque_new() needs a 'collections.deque' instance"));
    };
    let name = ts.rt.names.get(Dunder::DequeState).clone();
    let state = Obj::Handle(Box::<Deque>::default());
    inst.set_attr(name, Value::Obj(ObjRef::new(state)));
    Ok(Value::None)
}

/// `deque(iterable=(), maxlen=None)`: empties the deque, sets its bound, and extends it.
fn deque_init(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let d = receiver(ts, "__init__", this)?;
    let [iterable, maxlen] = optional_params(ts, "deque", args, ["iterable", "maxlen"])?;
    let bound = match maxlen {
        None | Some(Value::None) => None,
        Some(v @ (Value::Int(_) | Value::Bool(_))) => Some(int_arg(ts, v)?),
        Some(v) if crate::objects::int::to_big(v).is_some() => Some(int_arg(ts, v)?),
        Some(_) => return Err(ts.type_error("an integer is required")),
    };
    if bound.is_some_and(|b| b < 0) {
        return Err(ts.value_error("maxlen must be non-negative"));
    }
    let state = state_of(&d);
    state.maxlen.set(bound.map(|b| b as usize));
    drop(state.clear());
    match iterable {
        Some(it) => extend_with(ts, &d, this, it, Deque::push_back),
        None => Ok(()),
    }
    .map(|()| Value::None)
}

/// `maxlen`: the bound, or None.
fn maxlen(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, _) = method(ts, "maxlen", this, args, 0, 0)?;
    let max = state_of(&d).maxlen.get();
    Ok(max.map_or(Value::None, |m| Value::Int(m as i64)))
}

fn append(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "append", this, args, 1, 1)?;
    drop(state_of(&d).push_back(a[0].clone()));
    Ok(Value::None)
}

fn appendleft(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "appendleft", this, args, 1, 1)?;
    drop(state_of(&d).push_front(a[0].clone()));
    Ok(Value::None)
}

fn pop(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, _) = method(ts, "pop", this, args, 0, 0)?;
    let state = state_of(&d);
    let item = state.items.borrow_mut().pop_back();
    state.bump();
    item.ok_or_else(|| ts.index_error("pop from an empty deque"))
}

fn popleft(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, _) = method(ts, "popleft", this, args, 0, 0)?;
    let state = state_of(&d);
    let item = state.items.borrow_mut().pop_front();
    state.bump();
    item.ok_or_else(|| ts.index_error("pop from an empty deque"))
}

fn extend(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "extend", this, args, 1, 1)?;
    extend_with(ts, &d, this, &a[0], Deque::push_back).map(|()| Value::None)
}

fn extendleft(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "extendleft", this, args, 1, 1)?;
    extend_with(ts, &d, this, &a[0], Deque::push_front).map(|()| Value::None)
}

/// Adds the items of `iterable` one by one at one end (those added before an error stay).
/// The deque itself is copied first, and another deque's items are read directly.
fn extend_with(
    ts: &mut ThreadState,
    d: &ObjRef,
    this: &Value,
    iterable: &Value,
    push: fn(&Deque, Value) -> Option<Value>,
) -> PyResult<()> {
    let state = state_of(d);
    let snapshot = match deque_handle(ts, iterable) {
        Some(other) => Some(state_of(&other).items.borrow().clone()),
        None if iterable.is(this) => Some(state.items.borrow().clone()),
        None => None,
    };
    if let Some(items) = snapshot {
        for v in items {
            drop(push(state, v));
        }
        return Ok(());
    }
    let it = get_iter(ts, iterable)?;
    while let Some(v) = next_value(ts, &it)? {
        drop(push(state, v));
    }
    Ok(())
}

/// `rotate(n=1)`: `n` steps to the right (left when negative).
fn rotate(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "rotate", this, args, 0, 1)?;
    let n = match a.first() {
        Some(v) => ssize_arg(ts, v)?,
        None => 1,
    };
    state_of(&d).rotate(n);
    Ok(Value::None)
}

fn clear(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, _) = method(ts, "clear", this, args, 0, 0)?;
    drop(state_of(&d).clear());
    Ok(Value::None)
}

/// `reverse()`: in place; not a mutation for iterators, as in CPython.
fn reverse(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, _) = method(ts, "reverse", this, args, 0, 0)?;
    state_of(&d).items.borrow_mut().make_contiguous().reverse();
    Ok(Value::None)
}

/// The position of the first item equal to `x` in `start..stop` (`None`: not there),
/// comparing with `==` (identity first); a change to the deque meanwhile is `mutated`.
fn find(
    ts: &mut ThreadState,
    d: &Deque,
    x: &Value,
    range: std::ops::Range<usize>,
    mutated: fn(&ThreadState) -> ObjRef,
) -> PyResult<Option<usize>> {
    let start_state = d.state.get();
    for i in range {
        let Some(item) = d.item(i) else { break };
        let found = eq(ts, &item, x)?;
        if d.state.get() != start_state {
            return Err(mutated(ts));
        }
        if found {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn count_of(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "count", this, args, 1, 1)?;
    let state = state_of(&d);
    let start_state = state.state.get();
    let mut n = 0;
    for i in 0..state.len() {
        let Some(item) = state.item(i) else { break };
        let found = eq(ts, &item, &a[0])?;
        if state.state.get() != start_state {
            return Err(mutated(ts));
        }
        n += found as i64;
    }
    Ok(Value::Int(n))
}

fn contains(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "__contains__", this, args, 1, 1)?;
    let state = state_of(&d);
    let len = state.len();
    Ok(Value::Bool(
        find(ts, state, &a[0], 0..len, mutated)?.is_some(),
    ))
}

/// A start/stop bound of `index`, clamped into `0..=len` as list's are.
fn bound(ts: &mut ThreadState, v: &Value, len: usize) -> PyResult<usize> {
    let i = match index_of(ts, v)? {
        Some(i) => i,
        None => {
            return Err(ts.type_error("slice indices must be integers or have an __index__ method"))
        }
    };
    let len = len as i64;
    let i = match i {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        big => match crate::objects::int::to_big(&big) {
            Some(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
            _ => i64::MAX,
        },
    };
    Ok(if i < 0 {
        (i.saturating_add(len)).max(0)
    } else {
        i.min(len)
    } as usize)
}

fn index(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "index", this, args, 1, 3)?;
    let state = state_of(&d);
    let len = state.len();
    let start = match a.get(1) {
        Some(v) => bound(ts, v, len)?,
        None => 0,
    };
    let stop = match a.get(2) {
        Some(v) => bound(ts, v, len)?,
        None => len,
    };
    match find(ts, state, &a[0], start..stop.max(start), mutated)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(not_in_deque(ts, &a[0])?),
    }
}

fn not_in_deque(ts: &mut ThreadState, x: &Value) -> PyResult<ObjRef> {
    let text = crate::text::repr::repr(ts, x)?;
    Ok(ts.value_error(format!("{text} is not in deque")))
}

/// `insert(i, x)`: at position `i` as list's insert clamps it; IndexError when full.
fn insert(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let d = receiver(ts, "insert", this)?;
    if !args.kwnames.is_empty() {
        return Err(ts.type_error("insert() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(ts.type_error(format!(
            "insert() takes exactly 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let i = ssize_arg(ts, &args.pos[0])?;
    let state = state_of(&d);
    let len = state.len();
    if state.maxlen.get() == Some(len) {
        return Err(ts.index_error("deque already at its maximum size"));
    }
    let at = if i < 0 {
        (i.saturating_add(len as i64)).max(0) as usize
    } else {
        (i as usize).min(len)
    };
    state.bump();
    state.items.borrow_mut().insert(at, args.pos[1].clone());
    Ok(Value::None)
}

/// `remove(x)`: the first item equal to `x`; a change meanwhile is an IndexError, as in
/// CPython 3.11.
fn remove(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "remove", this, args, 1, 1)?;
    let state = state_of(&d);
    let len = state.len();
    let changed = |ts: &ThreadState| ts.index_error("deque mutated during iteration");
    match find(ts, state, &a[0], 0..len, changed)? {
        Some(i) => {
            drop(state.remove_at(i));
            Ok(Value::None)
        }
        None => Err(not_in_deque(ts, &a[0])?),
    }
}

fn len(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, _) = method(ts, "__len__", this, args, 0, 0)?;
    Ok(Value::Int(state_of(&d).len() as i64))
}

/// The position a subscript names, as CPython's `sq_item` reads it: an integer (negative
/// from the end) within the deque.
fn position(ts: &mut ThreadState, d: &Deque, key: &Value) -> PyResult<usize> {
    let Some(i) = index_of(ts, key)? else {
        return Err(ts.type_error(format!(
            "sequence index must be integer, not '{}'",
            type_name(ts, key)
        )));
    };
    let i = match i {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => {
            return Err(ts.new_exc(
                ExcKind::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ))
        }
    };
    let len = d.len() as i64;
    let i = if i < 0 { i + len } else { i };
    if (0..len).contains(&i) {
        Ok(i as usize)
    } else {
        Err(ts.index_error("deque index out of range"))
    }
}

fn getitem(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "__getitem__", this, args, 1, 1)?;
    let state = state_of(&d);
    let i = position(ts, state, &a[0])?;
    state
        .item(i)
        .ok_or_else(|| ts.index_error("deque index out of range"))
}

/// `d[i] = x`: not a mutation for iterators, as in CPython.
fn setitem(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "__setitem__", this, args, 2, 2)?;
    let state = state_of(&d);
    let i = position(ts, state, &a[0])?;
    let old = state
        .items
        .borrow_mut()
        .get_mut(i)
        .map(|slot| std::mem::replace(slot, a[1].clone()));
    drop(old);
    Ok(Value::None)
}

fn delitem(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "__delitem__", this, args, 1, 1)?;
    let state = state_of(&d);
    let i = position(ts, state, &a[0])?;
    drop(state.remove_at(i));
    Ok(Value::None)
}

/// `d *= n`: the items repeated `n` times, of which a bounded deque keeps the last `maxlen`.
fn imul(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, a) = method(ts, "__imul__", this, args, 1, 1)?;
    let n = ssize_arg(ts, &a[0])?;
    let state = state_of(&d);
    let size = state.len();
    if n <= 0 {
        drop(state.clear());
        return Ok(this.clone());
    }
    if n == 1 || size == 0 {
        return Ok(this.clone());
    }
    let Some(total) = size.checked_mul(n as usize) else {
        return Err(ts.memory_error());
    };
    let keep = state.maxlen.get().map_or(total, |max| total.min(max));
    let mut items = state.items.borrow_mut();
    if crate::object::alloc::check_items::<Value>(keep).is_err()
        || items.try_reserve(keep - size.min(keep)).is_err()
    {
        return Err(ts.memory_error());
    }
    let first = (total - keep) % size;
    let repeated: VecDeque<Value> = (0..keep)
        .map(|k| items[(first + k) % size].clone())
        .collect();
    state.bump();
    let old = std::mem::replace(&mut *items, repeated);
    drop(items);
    drop(old);
    Ok(this.clone())
}

/// `repr(d)`: `name([items])`, with `, maxlen=n` when bounded; `[...]` inside itself.
fn repr(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, _) = method(ts, "__repr__", this, args, 0, 0)?;
    let Value::Obj(o) = this else {
        unreachable!("a deque is an instance")
    };
    let state = state_of(&d);
    let items: Vec<Value> = state.items.borrow().iter().cloned().collect();
    let max = state.maxlen.get();
    let name = type_name(ts, this);
    let text = crate::text::repr::guarded(ts, o, |ts| {
        let list = crate::text::repr::repr(ts, &Value::new_list(items))?;
        Ok(match max {
            Some(m) => format!("{name}({list}, maxlen={m})"),
            None => format!("{name}({list})"),
        })
    })?;
    Ok(Value::new_str(text.unwrap_or_else(|| "[...]".into())))
}

/// The items as a list (for comparisons, pickling and `copy`).
fn copy_items(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (d, _) = method(ts, "_copy_items", this, args, 0, 0)?;
    let items: Vec<Value> = state_of(&d).items.borrow().iter().cloned().collect();
    Ok(Value::new_list(items))
}

/// An iterator's state: the deque's handle, the next position, how many items are left,
/// the deque's `state` when it started, and the direction.
struct DequeIter {
    deque: Value,
    index: Cell<usize>,
    left: Cell<usize>,
    state: u64,
    reverse: bool,
}

impl NativeHandle for DequeIter {
    fn repr(&self) -> String {
        "<deque iterator state>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn holds_values(&self) -> bool {
        true
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) -> bool {
        visit(&self.deque);
        true
    }
}

impl DequeIter {
    fn deque(&self) -> &Deque {
        match &self.deque {
            Value::Obj(o) => state_of(o),
            _ => unreachable!("an iterator holds a deque's handle"),
        }
    }

    /// CPython's `dequeiter_next` (the reverse one looks at its count first: once spent, the
    /// deque is never looked at again).
    fn next(&self, ts: &ThreadState) -> PyResult<Option<Value>> {
        let d = self.deque();
        if self.reverse && self.left.get() == 0 {
            return Ok(None);
        }
        if d.state.get() != self.state {
            self.left.set(0);
            return Err(mutated(ts));
        }
        if self.left.get() == 0 {
            return Ok(None);
        }
        let i = self.index.get();
        let item = d.item(i);
        self.left.set(self.left.get() - 1);
        self.index.set(if self.reverse {
            i.wrapping_sub(1)
        } else {
            i + 1
        });
        Ok(item)
    }
}

/// The iterator handle on the receiver `this`.
fn iter_handle(ts: &ThreadState, this: &Value) -> PyResult<ObjRef> {
    let handle = this
        .as_instance()
        .and_then(|i| i.attr(ts.rt.names.get(Dunder::DequeState)))
        .and_then(|h| h.obj().cloned())
        .filter(|o| o.handle::<DequeIter>().is_some());
    handle.ok_or_else(|| ts.type_error("expected a deque iterator"))
}

/// `_deque_iter_new(it, deque, index, reverse)`: starts `it` on `deque`, having skipped
/// `index` items, as CPython's `dequeiter_new`.
fn iter_new(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_deque_iter_new", args, 3, 3)?;
    let Some(d) = deque_handle(ts, &a[0]) else {
        return Err(ts.type_error(format!(
            "argument 1 must be collections.deque, not {}",
            type_name(ts, &a[0])
        )));
    };
    let skip = ssize_arg(ts, &a[1])?;
    let Some(inst) = this.as_instance() else {
        return Err(ts.type_error("_deque_iter_new() needs an iterator instance"));
    };
    let state = state_of(&d);
    let len = state.len();
    let reverse = matches!(a[2], Value::Bool(true));
    let it = DequeIter {
        index: Cell::new(if reverse { len.wrapping_sub(1) } else { 0 }),
        left: Cell::new(len),
        state: state.state.get(),
        reverse,
        deque: Value::Obj(d),
    };
    for _ in 0..skip.max(0) {
        if it.next(ts)?.is_none() {
            break;
        }
    }
    let name = ts.rt.names.get(Dunder::DequeState).clone();
    inst.set_attr(name, Value::Obj(ObjRef::new(Obj::Handle(Box::new(it)))));
    Ok(Value::None)
}

fn iter_next(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__next__", args, 0, 0)?;
    let h = iter_handle(ts, this)?;
    let it = h.handle::<DequeIter>().expect("iter_handle checked it");
    match it.next(ts)? {
        Some(v) => Ok(v),
        None => Err(ts.stop_iteration(Value::None)),
    }
}

fn iter_length_hint(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__length_hint__", args, 0, 0)?;
    let h = iter_handle(ts, this)?;
    let it = h.handle::<DequeIter>().expect("iter_handle checked it");
    Ok(Value::Int(it.left.get() as i64))
}
