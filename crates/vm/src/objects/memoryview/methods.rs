//! `memoryview`'s methods, attributes and operations: item access, comparison, hashing.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::bytes::bytearray;
use crate::objects::function::{Args, NativeFn};
use crate::objects::memoryview::format::{code_of, item_size, pack};
use crate::objects::memoryview::{Layout, MemoryView};
use crate::protocol::sequence::slice_indices;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("tobytes", tobytes),
    ("tolist", tolist),
    ("hex", hex),
    ("cast", cast),
    ("release", release),
    ("toreadonly", toreadonly),
    ("__enter__", enter),
    ("__exit__", exit),
    ("__getitem__", dunder_getitem),
    ("__setitem__", bytearray::dunder_setitem),
    ("__delitem__", bytearray::dunder_delitem),
    ("__len__", dunder_len),
];

fn dunder_getitem(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__getitem__", args, 1, 1)?;
    crate::protocol::subscript::get_item(ts, this, &a[0])
}

fn dunder_len(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__len__", args, 0, 0)?;
    Ok(Value::Int(
        crate::protocol::sequence::len_of(ts, this)? as i64
    ))
}

/// The view `this` is (methods are only looked up on views).
pub fn view(this: &Value) -> &MemoryView {
    match this.obj().map(|o| &**o) {
        Some(Obj::MemoryView(m)) => m,
        _ => unreachable!("memoryview methods are only looked up on views"),
    }
}

fn live<'a>(ts: &ThreadState, this: &'a Value) -> PyResult<&'a MemoryView> {
    let m = view(this);
    m.check(ts)?;
    Ok(m)
}

fn tobytes(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "tobytes", args, 0, 1)?;
    let m = live(ts, this)?;
    Ok(crate::objects::bytes::methods::new_bytes(
        m.to_bytes().unwrap_or_default(),
    ))
}

/// The items nested by the shape (`tolist()`); a 0-dim view's one item.
fn nest(items: &mut std::vec::IntoIter<Value>, shape: &[usize]) -> Value {
    match shape.split_first() {
        None => items.next().unwrap_or(Value::None),
        Some((&n, rest)) => Value::new_list((0..n).map(|_| nest(items, rest)).collect()),
    }
}

fn tolist(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "tolist", args, 0, 0)?;
    let m = live(ts, this)?;
    Ok(nest(&mut m.items().into_iter(), &m.layout.shape))
}

fn hex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let m = live(ts, this)?;
    let bytes = crate::objects::bytes::methods::new_bytes(m.to_bytes().unwrap_or_default());
    crate::objects::bytes::methods::hex(ts, &bytes, args)
}

fn release(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "release", args, 0, 0)?;
    view(this).end_export();
    Ok(Value::None)
}

fn toreadonly(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "toreadonly", args, 0, 0)?;
    let m = live(ts, this)?;
    let mut layout = m.layout.clone();
    layout.readonly = true;
    Ok(m.derive(layout))
}

fn enter(ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    live(ts, this)?;
    Ok(this.clone())
}

fn exit(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    view(this).end_export();
    Ok(Value::None)
}

fn is_c_contiguous(l: &Layout) -> bool {
    let mut expected = l.itemsize as isize;
    for (&n, &stride) in l.shape.iter().zip(&l.strides).rev() {
        if n > 1 && stride != expected {
            return false;
        }
        expected *= n as isize;
    }
    true
}

/// The dimensions of `cast`'s `shape` argument, with CPython's checks.
fn shape_arg(ts: &ThreadState, v: &Value) -> PyResult<Vec<usize>> {
    let items: Vec<Value> = match v.obj().map(|o| &**o) {
        Some(Obj::List(l)) => l.borrow().clone(),
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => return Err(ts.type_error("shape must be a list or a tuple")),
    };
    if items.len() > 64 {
        return Err(ts.value_error("memoryview: number of dimensions must not exceed 64"));
    }
    let mut dims = Vec::with_capacity(items.len());
    for item in &items {
        let n = match item {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            _ => return Err(ts.type_error("memoryview.cast(): elements of shape must be integers")),
        };
        if n <= 0 {
            return Err(ts.value_error("memoryview.cast(): elements of shape must be integers > 0"));
        }
        dims.push(n as usize);
    }
    Ok(dims)
}

fn cast(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    crate::object::args::count(ts, "cast", args.pos.len() + args.kwvals.len(), 1, 2)?;
    let a = [
        args.pos.first().or_else(|| args.kw("format")),
        args.pos.get(1).or_else(|| args.kw("shape")),
    ];
    let m = live(ts, this)?;
    let format = crate::object::args::str_arg(ts, a[0].unwrap_or(&Value::None), "format")?;
    let Some(itemsize) = item_size(format) else {
        return Err(ts.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let layout = &m.layout;
    if !is_c_contiguous(layout) {
        return Err(ts.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let byte_format = |f: &str| matches!(code_of(f), 'B' | 'b' | 'c');
    if !byte_format(format) && !byte_format(&layout.format) {
        return Err(ts.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = layout.shape.iter().product::<usize>() * layout.itemsize;
    let shape = match a[1] {
        Some(v) => shape_arg(ts, v)?,
        None => {
            if layout.shape.len() > 1 {
                return Err(ts.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            if nbytes % itemsize != 0 {
                return Err(ts.type_error("memoryview: length is not a multiple of itemsize"));
            }
            vec![nbytes / itemsize]
        }
    };
    if a[1].is_some() {
        if layout.shape.len() != 1 && !shape.is_empty() && shape.len() != 1 {
            return Err(ts.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
        if shape.iter().product::<usize>() * itemsize != nbytes {
            return Err(ts.type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
    }
    let mut strides = vec![itemsize as isize; shape.len()];
    for d in (0..shape.len().saturating_sub(1)).rev() {
        strides[d] = strides[d + 1] * shape[d + 1] as isize;
    }
    Ok(m.derive(Layout {
        format: format.trim_start_matches('@').to_string(),
        itemsize,
        offset: layout.offset,
        shape,
        strides,
        readonly: layout.readonly,
    }))
}

fn tuple_of(xs: impl Iterator<Item = i64>) -> Value {
    Value::new_tuple(xs.map(Value::Int).collect())
}

/// `m.obj`, `m.nbytes`, `m.shape`...
pub fn data_attr(ts: &ThreadState, m: &MemoryView, name: &str) -> Option<PyResult> {
    let l = &m.layout;
    let value = match name {
        "obj" => m.obj.clone(),
        "nbytes" => Value::Int(m.nbytes() as i64),
        "readonly" => Value::Bool(l.readonly),
        "itemsize" => Value::Int(l.itemsize as i64),
        "format" => Value::new_str(&l.format),
        "ndim" => Value::Int(l.shape.len() as i64),
        "shape" => tuple_of(l.shape.iter().map(|&n| n as i64)),
        "strides" => tuple_of(l.strides.iter().map(|&n| n as i64)),
        "suboffsets" => Value::new_tuple(Vec::new()),
        "c_contiguous" | "contiguous" => Value::Bool(is_c_contiguous(l)),
        "f_contiguous" => {
            Value::Bool(l.shape.iter().filter(|&&n| n > 1).count() <= 1 && is_c_contiguous(l))
        }
        "released" => return Some(Ok(Value::Bool(m.is_released()))),
        _ => return None,
    };
    if let Err(e) = m.check(ts) {
        return Some(Err(e));
    }
    Some(Ok(value))
}

/// The byte offset of the item at `index` along the first dimension.
fn position(ts: &ThreadState, m: &MemoryView, index: i64) -> PyResult<isize> {
    let l = &m.layout;
    if l.shape.len() != 1 {
        return Err(match l.shape.len() {
            0 => ts.type_error("invalid indexing of 0-dim memory"),
            _ => ts.new_exc(
                crate::object::error::ExcKind::NotImplementedError,
                "multi-dimensional sub-views are not implemented",
            ),
        });
    }
    let len = l.shape[0] as i64;
    let i = if index < 0 { index + len } else { index };
    if !(0..len).contains(&i) {
        return Err(ts.index_error("index out of bounds on dimension 1"));
    }
    Ok(l.offset + i as isize * l.strides[0])
}

enum Key {
    Item(isize),
    Slice(Layout),
}

fn key(ts: &mut ThreadState, m: &MemoryView, index: &Value) -> PyResult<Key> {
    if let Some(o) = index.obj() {
        match &**o {
            Obj::Slice { .. } => {
                let l = &m.layout;
                if l.shape.is_empty() {
                    return Err(ts.type_error("invalid indexing of 0-dim memory"));
                }
                let (start, stop, step) = slice_indices(ts, o, l.shape[0] as i64)?;
                let count = crate::protocol::sequence::slice_positions(start, stop, step).count();
                let mut layout = l.clone();
                layout.offset += start as isize * l.strides[0];
                layout.shape[0] = count;
                layout.strides[0] *= step as isize;
                return Ok(Key::Slice(layout));
            }
            Obj::Tuple(t) => return tuple_key(ts, m, t).map(Key::Item),
            _ => {}
        }
    }
    match crate::protocol::ops::index_of(ts, index)? {
        Some(i) => {
            let i = crate::objects::int::to_big(&i)
                .and_then(|b| i64::try_from(b).ok())
                .ok_or_else(|| ts.index_error("cannot fit 'int' into an index-sized integer"))?;
            m.check(ts)?;
            Ok(Key::Item(position(ts, m, i)?))
        }
        None => Err(ts.type_error("memoryview: invalid slice key")),
    }
}

/// The byte offset of the item at the tuple of indices `t`, one per dimension.
fn tuple_key(ts: &mut ThreadState, m: &MemoryView, t: &[Value]) -> PyResult<isize> {
    let l = &m.layout;
    if t.iter()
        .any(|v| matches!(v.obj().map(|o| &**o), Some(Obj::Slice { .. })))
    {
        return Err(ts.new_exc(
            crate::object::error::ExcKind::NotImplementedError,
            "multi-dimensional slicing is not implemented",
        ));
    }
    if t.len() != l.shape.len() {
        return Err(ts.type_error(format!(
            "cannot index {}-dimension view with {}-element tuple",
            l.shape.len(),
            t.len()
        )));
    }
    let mut at = l.offset;
    for (d, v) in t.iter().enumerate() {
        let Some(i) = crate::protocol::ops::index_of(ts, v)? else {
            return Err(ts.type_error("memoryview: invalid slice key"));
        };
        let i = crate::objects::int::to_big(&i)
            .and_then(|b| i64::try_from(b).ok())
            .unwrap_or(i64::MAX);
        let n = l.shape[d] as i64;
        let i = if i < 0 { i + n } else { i };
        if !(0..n).contains(&i) {
            return Err(ts.index_error(format!("index out of bounds on dimension {}", d + 1)));
        }
        at += i as isize * l.strides[d];
    }
    m.check(ts)?;
    Ok(at)
}

/// `m[index]`.
pub fn get_item(ts: &mut ThreadState, this: &Value, index: &Value) -> PyResult {
    let m = live(ts, this)?;
    match key(ts, m, index)? {
        Key::Item(at) => {
            m.check(ts)?;
            Ok(m.item_at(at))
        }
        Key::Slice(layout) => Ok(m.derive(layout)),
    }
}

/// The items of a buffer `v` with their format and shape: another view or a bytes-like.
fn source_items(ts: &mut ThreadState, v: &Value) -> PyResult<(String, Vec<usize>, Vec<u8>)> {
    let view = match v.obj().map(|o| &**o) {
        Some(Obj::MemoryView(_)) => v.clone(),
        _ => super::construct(ts, v).map_err(|_| {
            ts.type_error(format!(
                "a bytes-like object is required, not '{}'",
                type_name(ts, v)
            ))
        })?,
    };
    let m = live(ts, &view)?;
    let bytes = m.to_bytes().unwrap_or_default();
    Ok((
        code_of(&m.layout.format).to_string(),
        m.layout.shape.clone(),
        bytes,
    ))
}

/// `m[index] = v`.
pub fn set_item(ts: &mut ThreadState, this: &Value, index: &Value, v: &Value) -> PyResult<()> {
    let m = live(ts, this)?;
    if m.layout.readonly {
        return Err(ts.type_error("cannot modify read-only memory"));
    }
    match key(ts, m, index)? {
        Key::Item(at) => {
            let code = code_of(&m.layout.format);
            let bytes = pack(ts, code, m.layout.itemsize, v)?;
            m.write(ts, &[at], &bytes)
        }
        Key::Slice(layout) => {
            let (format, shape, bytes) = source_items(ts, v)?;
            if format != code_of(&layout.format).to_string() || shape != layout.shape {
                return Err(ts.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            let target = MemoryView {
                obj: Value::None,
                source: m.source.clone(),
                layout,
                released: std::cell::Cell::new(true),
            };
            m.write(ts, &target.positions(), &bytes)
        }
    }
}

/// `del m[index]`.
pub fn del_item(ts: &mut ThreadState, this: &Value) -> PyResult<()> {
    let m = live(ts, this)?;
    if m.layout.readonly {
        return Err(ts.type_error("cannot modify read-only memory"));
    }
    Err(ts.type_error("cannot delete memory"))
}

/// `a == b` where either is a view: equal formats' items compared one by one.
pub fn equal(ts: &mut ThreadState, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let is_view = |v: &Value| matches!(v.obj().map(|o| &**o), Some(Obj::MemoryView(_)));
    if !is_view(a) && !is_view(b) {
        return Ok(None);
    }
    if a.is(b) {
        return Ok(Some(true));
    }
    let released =
        |v: &Value| matches!(v.obj().map(|o| &**o), Some(Obj::MemoryView(m)) if m.is_released());
    if released(a) || released(b) {
        return Ok(Some(false));
    }
    let (Ok(x), Ok(y)) = (as_view(ts, a), as_view(ts, b)) else {
        return Ok(Some(false));
    };
    let (x, y) = (view(&x), view(&y));
    if x.layout.shape != y.layout.shape {
        return Ok(Some(false));
    }
    for (p, q) in x.items().iter().zip(y.items().iter()) {
        if !crate::protocol::ops::eq(ts, p, q)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

fn as_view(ts: &mut ThreadState, v: &Value) -> PyResult {
    match v.obj().map(|o| &**o) {
        Some(Obj::MemoryView(_)) => Ok(v.clone()),
        _ => super::construct(ts, v),
    }
}

/// `hash(m)`: a read-only view of bytes hashes as its bytes do.
pub fn hash(ts: &mut ThreadState, m: &MemoryView) -> PyResult<u64> {
    m.check(ts)?;
    if !m.layout.readonly {
        return Err(ts.value_error("cannot hash writable memoryview object"));
    }
    if !matches!(code_of(&m.layout.format), 'B' | 'b' | 'c') {
        return Err(ts.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let bytes = Value::Obj(ObjRef::new(Obj::Bytes(
        m.to_bytes().unwrap_or_default().into_boxed_slice(),
    )));
    crate::protocol::ops::hash(ts, &bytes)
}

/// `repr(m)`.
pub fn repr(o: &ObjRef, m: &MemoryView) -> String {
    let released = if m.is_released() { "released " } else { "" };
    format!("<{released}memory at {:#x}>", o.id())
}
