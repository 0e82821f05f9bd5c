//! What only the mutable `bytearray` has: its mutating methods and item assignment.

use std::cell::{Cell, RefCell};
use std::ops::Deref;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::bytes::methods::{bytes_data, new_bytearray};
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::to_big;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("remove", remove),
    ("clear", clear),
    ("reverse", reverse),
    ("copy", copy),
    ("__setitem__", dunder_setitem),
    ("__delitem__", dunder_delitem),
];

/// `x[i] = v` as a method (bytearray's and memoryview's).
pub fn dunder_setitem(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__setitem__", args, 2, 2)?;
    crate::protocol::subscript::set_item(ts, this, a[0].clone(), a[1].clone())?;
    Ok(Value::None)
}

/// `del x[i]` as a method (bytearray's and memoryview's).
pub fn dunder_delitem(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__delitem__", args, 1, 1)?;
    crate::protocol::subscript::del_item(ts, this, &a[0])?;
    Ok(Value::None)
}

/// A bytearray's payload: its bytes, and how many `memoryview`s export them (while any do,
/// the bytes may change but not move, so nothing may resize them).
pub struct ByteArrayData {
    data: RefCell<Vec<u8>>,
    exports: Cell<usize>,
}

impl ByteArrayData {
    pub fn new(data: Vec<u8>) -> Self {
        ByteArrayData {
            data: RefCell::new(data),
            exports: Cell::new(0),
        }
    }

    pub fn add_export(&self) {
        self.exports.set(self.exports.get() + 1);
    }

    /// Whether a view exports the bytes (so they cannot move).
    pub fn is_exported(&self) -> bool {
        self.exports.get() > 0
    }

    pub fn remove_export(&self) {
        self.exports.set(self.exports.get().saturating_sub(1));
    }

    /// CPython's `BufferError` when a view exports the bytes.
    pub fn check_resizable(&self, ts: &ThreadState) -> PyResult<()> {
        if self.exports.get() == 0 {
            return Ok(());
        }
        Err(ts.new_exc(
            crate::object::error::ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ))
    }
}

impl Deref for ByteArrayData {
    type Target = RefCell<Vec<u8>>;
    fn deref(&self) -> &RefCell<Vec<u8>> {
        &self.data
    }
}

fn cell(this: &Value) -> &ByteArrayData {
    match this.obj().map(|o| &**o) {
        Some(Obj::ByteArray(b)) => b,
        _ => unreachable!("bytearray methods are only looked up on bytearrays"),
    }
}

/// One byte from an int, or CPython's errors.
pub fn byte_of(ts: &ThreadState, v: &Value) -> PyResult<u8> {
    let Some(n) = to_big(v) else {
        return Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(ts, v)
        )));
    };
    u8::try_from(n).map_err(|_| ts.value_error("byte must be in range(0, 256)"))
}

/// The bytes of an iterable of ints or of a bytes-like value.
pub fn bytes_from_iterable(ts: &mut ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_data(v) {
        return Ok(b);
    }
    if v.as_str().is_some() {
        return Err(
            ts.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        );
    }
    let mut out = Vec::new();
    for item in crate::protocol::iter::collect(ts, v)? {
        out.push(byte_of(ts, &item)?);
    }
    Ok(out)
}

fn append(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "append", args, 1, 1)?;
    let b = byte_of(ts, &a[0])?;
    cell(this).check_resizable(ts)?;
    cell(this).borrow_mut().push(b);
    Ok(Value::None)
}

fn extend(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "extend", args, 1, 1)?;
    let more = bytes_from_iterable(ts, &a[0])?;
    cell(this).check_resizable(ts)?;
    cell(this).borrow_mut().extend(more);
    Ok(Value::None)
}

fn pop(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "pop", args, 0, 1)?;
    cell(this).check_resizable(ts)?;
    let mut d = cell(this).borrow_mut();
    if d.is_empty() {
        return Err(ts.index_error("pop from empty bytearray"));
    }
    let len = d.len() as i64;
    let i = match a.first() {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(ts.index_error("pop index out of range"));
    }
    Ok(Value::Int(i64::from(d.remove(i as usize))))
}

fn insert(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "insert", args, 2, 2)?;
    let i = int_arg(ts, &a[0])?;
    let b = byte_of(ts, &a[1])?;
    cell(this).check_resizable(ts)?;
    let mut d = cell(this).borrow_mut();
    let len = d.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    d.insert(i as usize, b);
    Ok(Value::None)
}

fn remove(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "remove", args, 1, 1)?;
    let b = byte_of(ts, &a[0])?;
    cell(this).check_resizable(ts)?;
    let mut d = cell(this).borrow_mut();
    match d.iter().position(|&x| x == b) {
        Some(p) => {
            d.remove(p);
            Ok(Value::None)
        }
        None => Err(ts.value_error("value not found in bytearray")),
    }
}

fn clear(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "clear", args, 0, 0)?;
    cell(this).check_resizable(ts)?;
    cell(this).borrow_mut().clear();
    Ok(Value::None)
}

fn reverse(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "reverse", args, 0, 0)?;
    cell(this).borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "copy", args, 0, 0)?;
    Ok(new_bytearray(cell(this).borrow().clone()))
}

/// Runs a list-style item operation on the bytearray's bytes viewed as ints, then stores the
/// result back (so slice assignment and deletion share the list's index rules).
pub fn with_int_items<R>(
    ts: &mut ThreadState,
    data: &ByteArrayData,
    op: impl FnOnce(&mut ThreadState, &Value) -> PyResult<R>,
) -> PyResult<R> {
    let items: Vec<Value> = data
        .borrow()
        .iter()
        .map(|&b| Value::Int(b.into()))
        .collect();
    let list = Value::new_list(items);
    let r = op(ts, &list)?;
    let mut out = Vec::new();
    for item in crate::protocol::iter::collect(ts, &list)? {
        out.push(byte_of(ts, &item)?);
    }
    if out.len() != data.borrow().len() {
        data.check_resizable(ts)?;
    }
    *data.borrow_mut() = out;
    Ok(r)
}
