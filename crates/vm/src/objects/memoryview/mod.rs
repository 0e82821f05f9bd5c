//! `memoryview`: a window onto the bytes of another object (the buffer protocol's one
//! consumer-side home). A view shares its exporter's memory: writes through a view of a
//! `bytearray` change the bytearray, and while any view exports a bytearray's bytes the
//! bytearray cannot be resized (`BufferError`). `bytes_data` reads any view, so every
//! function that takes a bytes-like object takes a `memoryview` too.

pub mod format;
pub mod methods;

use std::cell::Cell;

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};

/// Where a view's bytes live.
#[derive(Clone)]
enum Source {
    Bytes(ObjRef),
    ByteArray(ObjRef),
}

/// The shape of a view over its source: items of `format`, `shape[d]` of them along each
/// dimension, `strides[d]` bytes apart, the first at byte `offset`.
#[derive(Clone)]
pub struct Layout {
    pub format: String,
    pub itemsize: usize,
    pub offset: isize,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub readonly: bool,
}

pub struct MemoryView {
    /// The exporter, what `.obj` answers.
    pub obj: Value,
    source: Source,
    pub layout: Layout,
    released: Cell<bool>,
}

impl Drop for MemoryView {
    fn drop(&mut self) {
        self.end_export();
    }
}

impl MemoryView {
    fn export(obj: Value, source: Source, layout: Layout) -> Value {
        if let Source::ByteArray(o) = &source {
            if let Obj::ByteArray(b) = &**o {
                b.add_export();
            }
        }
        Value::Obj(ObjRef::new(Obj::MemoryView(Box::new(MemoryView {
            obj,
            source,
            layout,
            released: Cell::new(false),
        }))))
    }

    /// A view of the same memory with another layout.
    fn derive(&self, layout: Layout) -> Value {
        MemoryView::export(self.obj.clone(), self.source.clone(), layout)
    }

    fn end_export(&self) {
        if self.released.replace(true) {
            return;
        }
        if let Source::ByteArray(o) = &self.source {
            if let Obj::ByteArray(b) = &**o {
                b.remove_export();
            }
        }
    }

    pub fn is_released(&self) -> bool {
        self.released.get()
    }

    /// CPython's error for any use of a released view.
    pub fn check(&self, ts: &ThreadState) -> PyResult<()> {
        if self.released.get() {
            return Err(ts.value_error("operation forbidden on released memoryview object"));
        }
        Ok(())
    }

    fn with_source<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        match &self.source {
            Source::Bytes(o) | Source::ByteArray(o) => match &**o {
                Obj::Bytes(b) => f(b),
                Obj::ByteArray(b) => f(&b.borrow()),
                _ => f(&[]),
            },
        }
    }

    /// The byte offsets of the items, in C (row-major) order.
    pub fn positions(&self) -> Vec<isize> {
        let l = &self.layout;
        let mut out = vec![l.offset];
        for (&n, &stride) in l.shape.iter().zip(&l.strides) {
            out = out
                .iter()
                .flat_map(|&p| (0..n as isize).map(move |i| p + i * stride))
                .collect();
        }
        out
    }

    /// The bytes of the items in C order (`tobytes()`); `Err` once released.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ()> {
        if self.released.get() {
            return Err(());
        }
        let size = self.layout.itemsize;
        let positions = self.positions();
        Ok(self.with_source(|src| {
            let mut out = Vec::with_capacity(positions.len() * size);
            for p in positions {
                out.extend_from_slice(&src[p as usize..p as usize + size]);
            }
            out
        }))
    }

    /// The item at byte offset `at`.
    fn item_at(&self, at: isize) -> Value {
        let size = self.layout.itemsize;
        let code = format::code_of(&self.layout.format);
        self.with_source(|src| format::unpack(code, &src[at as usize..at as usize + size]))
    }

    /// The items in C order, as values.
    pub fn items(&self) -> Vec<Value> {
        self.positions()
            .into_iter()
            .map(|p| self.item_at(p))
            .collect()
    }

    /// Writes `bytes` (whole items, one per position) at `positions`.
    fn write(&self, ts: &ThreadState, positions: &[isize], bytes: &[u8]) -> PyResult<()> {
        self.check(ts)?;
        let Source::ByteArray(o) = &self.source else {
            return Err(ts.type_error("cannot modify read-only memory"));
        };
        let Obj::ByteArray(b) = &**o else {
            return Ok(());
        };
        let mut data = b.borrow_mut();
        let size = self.layout.itemsize;
        for (p, item) in positions.iter().zip(bytes.chunks(size)) {
            data[*p as usize..*p as usize + size].copy_from_slice(item);
        }
        Ok(())
    }

    pub fn nbytes(&self) -> usize {
        self.layout.shape.iter().product::<usize>() * self.layout.itemsize
    }

    /// Writes `data` over the view's first bytes in C order (what `recv_into` received).
    pub fn fill(&self, ts: &ThreadState, data: &[u8]) -> PyResult<()> {
        if self.layout.readonly {
            return Err(ts.type_error("cannot modify read-only memory"));
        }
        let size = self.layout.itemsize;
        let positions = self.positions();
        let data = &data[..data.len().min(positions.len() * size)];
        let items = data.len() / size;
        self.write(ts, &positions[..items], &data[..items * size])
    }

    pub fn len(&self) -> usize {
        self.layout.shape.first().copied().unwrap_or(1)
    }
}

fn one_dim(format: &str, len: usize, readonly: bool) -> Layout {
    let itemsize = format::item_size(format).unwrap_or(1);
    Layout {
        format: format.to_string(),
        itemsize,
        offset: 0,
        shape: vec![len / itemsize],
        strides: vec![itemsize as isize],
        readonly,
    }
}

/// Whether `v` is an `array.array` (a class written in Python, in module `array`, whose
/// items live in the bytearray `_buf`).
fn is_array(v: &Value) -> bool {
    let Some(inst) = v.as_instance() else {
        return false;
    };
    let Obj::Type(t) = inst.class() else {
        return false;
    };
    let mro = t.mro();
    std::iter::once(inst.class())
        .chain(mro.iter().map(|c| &**c))
        .any(|c| matches!(c, Obj::Type(c) if c.name == "array" && c.module == "array"))
}

/// `memoryview(obj)`.
pub fn construct(ts: &mut ThreadState, obj: &Value) -> PyResult {
    let target = crate::protocol::class::builtin_base(obj).unwrap_or_else(|| obj.clone());
    if let Value::Obj(o) = &target {
        match &**o {
            Obj::Bytes(b) => {
                let layout = one_dim("B", b.len(), true);
                return Ok(MemoryView::export(
                    obj.clone(),
                    Source::Bytes(o.clone()),
                    layout,
                ));
            }
            Obj::ByteArray(b) => {
                let layout = one_dim("B", b.borrow().len(), false);
                return Ok(MemoryView::export(
                    obj.clone(),
                    Source::ByteArray(o.clone()),
                    layout,
                ));
            }
            Obj::MemoryView(m) => {
                m.check(ts)?;
                return Ok(m.derive(m.layout.clone()));
            }
            _ => {}
        }
    }
    if is_array(obj) {
        // An array keeps its items in a bytearray (`_buf`): the view shares it, writable.
        let code = crate::protocol::attr::get_attr(ts, obj, &Value::new_str("typecode"))?;
        let buf = crate::protocol::attr::get_attr(ts, obj, &Value::new_str("_buf"))?;
        let format = code
            .as_str()
            .map(|s| s.as_str().replace('u', "w"))
            .unwrap_or_default();
        if let Some(o) = buf.obj().filter(|o| matches!(&***o, Obj::ByteArray(_))) {
            let len = match &**o {
                Obj::ByteArray(b) => b.borrow().len(),
                _ => 0,
            };
            let layout = one_dim(&format, len, false);
            return Ok(MemoryView::export(
                obj.clone(),
                Source::ByteArray(o.clone()),
                layout,
            ));
        }
    }
    Err(ts.type_error(format!(
        "memoryview: a bytes-like object is required, not '{}'",
        type_name(ts, obj)
    )))
}
