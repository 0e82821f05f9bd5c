//! The value representation: small immediates passed by value, heap objects behind a
//! reference-counted [`ObjRef`] (its header is in `object::header`). The counts are plain:
//! objects are shared between OS threads only under the GIL, by the discipline of `interp::gil`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::object::typeobj::{Instance, TypeObj};
use crate::objects::code::CodeInfo;
use crate::objects::dict::Dict;
use crate::objects::function::{Function, NativeFunction};
use crate::objects::generator::Generator;
use crate::objects::iterators::IterState;
use crate::objects::str::PyStr;

/// A Python value. `Null` is internal only: an unbound local, an empty cell, the "no self"
/// marker of `LoadMethod`; it never reaches Python code.
///
/// `repr(u64)` keeps every payload at offset 8, so moving a value is two plain word copies
/// (the default layout puts `Bool` at offset 1, which makes copies byte-wise and stalls store
/// forwarding on the hot stack paths).
#[derive(Debug, Default)]
#[repr(u64)]
pub enum Value {
    Null,
    #[default]
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

pub use crate::object::header::ObjRef;

/// A bitwise copy plus one count for `Obj`. The derived clone matched every variant through
/// a jump table: an indirect branch on each `LoadFast`/`LoadConst` and argument copy.
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            std::mem::forget(o.clone());
        }
        // SAFETY: every payload but `Obj`'s is plain `Copy` data, so a bitwise copy of those
        // is an independent value; for `Obj` the count taken (and forgotten) just above is
        // the one the copy owns and gives back when it drops.
        unsafe { std::ptr::read(self) }
    }
}

/// Heap object payloads.
pub enum Obj {
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(crate::objects::bytes::bytearray::ByteArrayData),
    /// A `memoryview`: a window onto the bytes of another object.
    MemoryView(Box<crate::objects::memoryview::MemoryView>),
    BigInt(BigInt),
    List(RefCell<Vec<Value>>),
    Tuple(Box<[Value]>),
    /// Boxed, as a set's table: a `Dict` inline would make every heap object 16 bytes bigger.
    Dict(Box<RefCell<Dict>>),
    Set {
        items: Box<RefCell<Dict>>,
        frozen: bool,
    },
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Function(Box<Function>),
    Native(NativeFunction),
    BoundMethod {
        func: Value,
        this: Value,
    },
    Type(Box<TypeObj>),
    Instance(Instance),
    Cell(RefCell<Value>),
    Code(Rc<CodeInfo>),
    Module {
        name: String,
        dict: ObjRef,
    },
    Iter(RefCell<IterState>),
    Generator(Generator),
    Super {
        class: ObjRef,
        this: Value,
    },
    Property {
        getter: Value,
        setter: Value,
        deleter: Value,
        /// Writable (`p.__doc__ = ...`), as CPython's.
        doc: RefCell<Value>,
        /// Set for the descriptors of built-in layouts (`getset_descriptor`,
        /// `member_descriptor`); `None` for a `property`.
        native: Option<Box<NativeDescriptor>>,
    },
    ClassMethod(Value),
    StaticMethod(Value),
    DictView {
        dict: ObjRef,
        kind: DictViewKind,
    },
    Complex(crate::objects::complex::Complex),
    NotImplemented,
    Ellipsis,
    /// The OS socket behind a `socket.socket` instance (closed when the last reference goes).
    Socket(Rc<crate::stdlib::socket::SocketHandle>),
    /// A `_thread.lock` (`_thread.allocate_lock()`, `threading.Lock()`), whose methods are
    /// native (`stdlib::_thread::LOCK_METHODS`). Other threads wait on it without the GIL,
    /// hence the `Arc`; `_at_fork_reinit` swaps in a fresh one (a waiter in the parent may
    /// have left the old one's inner mutex taken). The lock is freed with the last reference.
    Lock(RefCell<std::sync::Arc<crate::interp::gil::RawLock>>),
    /// Native state of a standard-library object (a compiled regex, a hash state, a
    /// `StringIO` buffer...): the module's Python class holds it as an attribute, as
    /// `socket.socket` holds its `_handle`. Modules downcast it with [`NativeHandle::as_any`].
    Handle(Box<dyn NativeHandle>),
}

/// The payload of [`Obj::Handle`]: any native state a module keeps behind a Python object.
/// Mutable state goes in a `RefCell` inside it (objects are only touched under the GIL).
pub trait NativeHandle: 'static {
    /// What `repr()` shows for the bare handle (normally hidden behind a Python class).
    fn repr(&self) -> String;
    /// For downcasting to the module's concrete type.
    fn as_any(&self) -> &dyn std::any::Any;
    /// Whether this state can hold values (a deque's items): then the cycle collector tracks
    /// it and frees its items through [`NativeHandle::traverse`]/[`NativeHandle::take_values`].
    fn holds_values(&self) -> bool {
        false
    }
    /// Visits every value held (CPython's `tp_traverse`). Returns false, having visited only
    /// part, when the state is borrowed right now: the collector then counts it as pinned.
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) -> bool {
        true
    }
    /// Moves every value held out (CPython's `tp_clear`, and the trashcan's emptying before a
    /// free); nothing when the state is borrowed right now.
    fn take_values(&self) -> Vec<Value> {
        Vec::new()
    }
}

impl Obj {
    /// The native state of an [`Obj::Handle`] of type `T`, if this is one.
    pub fn handle<T: 'static>(&self) -> Option<&T> {
        match self {
            Obj::Handle(h) => h.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

impl Value {
    pub fn obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    pub fn as_str(&self) -> Option<&PyStr> {
        match self {
            Value::Obj(o) => match &**o {
                Obj::Str(s) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }
    pub fn as_instance(&self) -> Option<&Instance> {
        match self {
            Value::Obj(o) => match &**o {
                Obj::Instance(i) => Some(i),
                _ => None,
            },
            _ => None,
        }
    }
    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are "cached" as in CPython; larger ones compare by value here too,
            // which only makes `is` more permissive for equal ints.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            // Each code object's `...` constant is its own object: they are all `Ellipsis`;
            // likewise every `NotImplemented` a native method returns.
            (Value::Obj(a), Value::Obj(b)) => {
                ObjRef::ptr_eq(a, b)
                    || matches!(
                        (&**a, &**b),
                        (Obj::Ellipsis, Obj::Ellipsis) | (Obj::NotImplemented, Obj::NotImplemented)
                    )
            }
            _ => false,
        }
    }
    /// A str value of `s`: a short text is copied into the box, so a `&str` costs no `String`.
    pub fn new_str<S: AsRef<str> + Into<String>>(s: S) -> Value {
        let text = s.as_ref();
        let payload = if text.len() <= crate::object::text::INLINE {
            PyStr::from_str(text)
        } else {
            PyStr::new(s.into())
        };
        Value::from_pystr(payload)
    }
    /// A str value of this payload (one that may hold lone surrogates).
    pub fn from_pystr(s: PyStr) -> Value {
        Value::Obj(ObjRef::new(Obj::Str(s)))
    }
    pub fn new_list(items: Vec<Value>) -> Value {
        Value::Obj(ObjRef::new(Obj::List(RefCell::new(items))))
    }
    pub fn new_tuple(items: Vec<Value>) -> Value {
        Value::Obj(ObjRef::new(Obj::Tuple(items.into_boxed_slice())))
    }
    pub fn new_dict(d: Dict) -> Value {
        Value::Obj(ObjRef::new(Obj::Dict(Box::new(RefCell::new(d)))))
    }
    pub fn new_cell(v: Value) -> ObjRef {
        ObjRef::new(Obj::Cell(RefCell::new(v)))
    }
    pub fn new_iter(state: IterState) -> Value {
        Value::Obj(ObjRef::new(Obj::Iter(RefCell::new(state))))
    }
}

/// A lazily computed cached hash (0 means "not computed yet").
#[derive(Debug, Default)]
pub struct HashCache(Cell<u64>);

impl HashCache {
    pub fn get_or(&self, compute: impl FnOnce() -> u64) -> u64 {
        let h = self.0.get();
        if h != 0 {
            return h;
        }
        let h = compute().max(1);
        self.0.set(h);
        h
    }
}

#[cfg(test)]
mod clone_tests {
    use super::*;

    #[test]
    fn clones_copy_immediates_and_count_objects() {
        for v in [
            Value::Null,
            Value::None,
            Value::Bool(true),
            Value::Int(-7),
            Value::Float(2.5),
        ] {
            assert_eq!(format!("{:?}", v.clone()), format!("{v:?}"));
        }
        let obj = ObjRef::new(Obj::Ellipsis);
        let v = Value::Obj(obj.clone());
        assert_eq!(obj.strong_count(), 2);
        let copies: Vec<Value> = (0..3).map(|_| v.clone()).collect();
        assert_eq!(obj.strong_count(), 5);
        assert!(copies.iter().all(|c| c.is(&v)));
        drop(copies);
        drop(v);
        assert_eq!(obj.strong_count(), 1);
    }
}

#[cfg(test)]
mod handle_tests {
    use super::*;

    struct Counter(Cell<u32>);
    impl NativeHandle for Counter {
        fn repr(&self) -> String {
            format!("<counter {}>", self.0.get())
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    }

    #[test]
    fn a_handle_downcasts_to_its_own_type_only() {
        let obj = Obj::Handle(Box::new(Counter(Cell::new(1))));
        obj.handle::<Counter>().unwrap().0.set(7);
        assert_eq!(obj.handle::<Counter>().unwrap().0.get(), 7);
        assert!(obj.handle::<String>().is_none());
        assert!(Obj::Ellipsis.handle::<Counter>().is_none());
    }
}

/// What a property-shaped descriptor of a built-in layout shows: a computed attribute of a
/// built-in type (`getset_descriptor`, `BaseException.args`) or a `__slots__` entry
/// (`member_descriptor`), with its name and the class whose instances it applies to.
pub struct NativeDescriptor {
    pub member: bool,
    pub name: Value,
    /// The class whose instances it applies to (`__objclass__`).
    pub owner: Value,
}

/// Every heap object is as large as `Obj`'s largest payload (plus the header), so a payload
/// that grows past the others makes every str, tuple, lock and instance bigger. These are the
/// sizes now; a change that grows one fails here (box the new field or the payload instead),
/// and one that shrinks the largest should lower the bounds (docs/benchmarks.md, "Bytes per
/// small object", says which allocation size class each step buys).
#[cfg(test)]
mod size_tests {
    use super::*;
    use std::mem::size_of;

    #[test]
    fn obj_and_its_largest_payloads_do_not_grow() {
        assert_eq!(size_of::<Value>(), 16);
        // 88 bytes + the 16-byte header: 104, malloc's 112-byte chunk (120 would take 128);
        // `Dict` and `Set` keep their table boxed to stay under it.
        assert!(size_of::<Obj>() <= 88, "Obj is {} bytes", size_of::<Obj>());
        let payloads = [
            ("Instance", size_of::<Instance>(), 80),
            // Up to the largest (`Instance`): the room is its text's inline bytes.
            ("Str (PyStr)", size_of::<PyStr>(), 80),
            ("Native", size_of::<NativeFunction>(), 56),
            ("Iter", size_of::<RefCell<IterState>>(), 56),
            ("Generator", size_of::<Generator>(), 48),
            ("List", size_of::<RefCell<Vec<Value>>>(), 32),
            ("Tuple", size_of::<Box<[Value]>>(), 16),
        ];
        for (name, size, bound) in payloads {
            assert!(size <= bound, "{name} is {size} bytes, was {bound}");
        }
    }
}
