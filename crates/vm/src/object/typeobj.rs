//! Classes (`type` objects, built-in and user-defined) and instances of user classes.

use std::cell::{BorrowError, Cell, Ref, RefCell, RefMut, UnsafeCell};
use std::ptr::NonNull;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::object::header::GcBox;

use crate::object::layout::{InstanceAttrs, SharedKeys};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;

/// The built-in types, in one table: for each, its `TypeId` variant, its `__name__`, and
/// `in builtins` when the `builtins` namespace names it (`builtins::install` puts those there).
macro_rules! type_ids {
    ($($id:ident : $name:literal $(in $ns:ident)?),* $(,)?) => {
        /// Which built-in type a `type` object stands for.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum TypeId { $($id),* }

        impl TypeId {
            /// Every built-in type, in declaration order (`id as usize` indexes this).
            pub const ALL: [TypeId; [$(TypeId::$id),*].len()] = [$(TypeId::$id),*];

            /// The type's `__name__`.
            pub fn name(self) -> &'static str {
                match self {
                    $(TypeId::$id => $name),*
                }
            }

            /// Whether the `builtins` namespace names this type (`int`, `list`, `property`...).
            pub fn in_builtins(self) -> bool {
                match self {
                    $(TypeId::$id => type_ids!(@in $($ns)?)),*
                }
            }
        }
    };
    (@in builtins) => { true };
    (@in) => { false };
}

type_ids! {
    Object: "object" in builtins,
    Type: "type" in builtins,
    Int: "int" in builtins,
    Bool: "bool" in builtins,
    Float: "float" in builtins,
    Complex: "complex" in builtins,
    Str: "str" in builtins,
    Bytes: "bytes" in builtins,
    ByteArray: "bytearray" in builtins,
    MemoryView: "memoryview" in builtins,
    List: "list" in builtins,
    Tuple: "tuple" in builtins,
    Dict: "dict" in builtins,
    Set: "set" in builtins,
    FrozenSet: "frozenset" in builtins,
    Range: "range" in builtins,
    Slice: "slice" in builtins,
    NoneType: "NoneType",
    Function: "function",
    BuiltinFunction: "builtin_function_or_method",
    Method: "method",
    Generator: "generator",
    Coroutine: "coroutine",
    AsyncGenerator: "async_generator",
    CoroutineWrapper: "coroutine_wrapper",
    AsyncGenASend: "async_generator_asend",
    AsyncGenAThrow: "async_generator_athrow",
    Module: "module",
    Cell: "cell",
    Code: "code",
    Iterator: "iterator",
    ListIterator: "list_iterator",
    TupleIterator: "tuple_iterator",
    StrIterator: "str_ascii_iterator",
    BytesIterator: "bytes_iterator",
    RangeIterator: "range_iterator",
    DictKeyIterator: "dict_keyiterator",
    DictValueIterator: "dict_valueiterator",
    DictItemIterator: "dict_itemiterator",
    SetIterator: "set_iterator",
    ListReverseIterator: "list_reverseiterator",
    Reversed: "reversed",
    Enumerate: "enumerate" in builtins,
    Zip: "zip" in builtins,
    Map: "map" in builtins,
    Filter: "filter" in builtins,
    CallableIterator: "callable_iterator",
    Permutations: "permutations",
    Combinations: "combinations",
    Count: "count",
    Repeat: "repeat",
    Chain: "chain",
    Islice: "islice",
    Starmap: "starmap",
    TakeWhile: "takewhile",
    DropWhile: "dropwhile",
    Super: "super" in builtins,
    Property: "property" in builtins,
    GetSetDescriptor: "getset_descriptor",
    MemberDescriptor: "member_descriptor",
    ClassMethod: "classmethod" in builtins,
    StaticMethod: "staticmethod" in builtins,
    DictKeys: "dict_keys",
    DictValues: "dict_values",
    DictItems: "dict_items",
    NotImplementedType: "NotImplementedType",
    Ellipsis: "ellipsis",
    ThreadLock: "lock",
}

impl TypeId {
    /// `__module__` of the built-in type.
    pub fn module(self) -> &'static str {
        match self {
            TypeId::ThreadLock => "_thread",
            _ => "builtins",
        }
    }

    /// The name error messages give the type: `__name__`, after its module unless that
    /// is `builtins` (`'int'`, `'_thread.lock'`).
    pub fn qualified_name(self) -> String {
        match self.module() {
            "builtins" => self.name().to_string(),
            module => format!("{module}.{}", self.name()),
        }
    }

    /// Whether a class may name the type as a base: CPython's `Py_TPFLAGS_BASETYPE`, which
    /// these types lack (a class statement naming one raises `TypeError`).
    pub fn is_base_type(self) -> bool {
        use TypeId::*;
        !matches!(
            self,
            Bool | NoneType
                | NotImplementedType
                | Ellipsis
                | Range
                | Slice
                | MemoryView
                | Function
                | BuiltinFunction
                | Method
                | Cell
                | Code
                | Generator
                | Coroutine
                | AsyncGenerator
                | CoroutineWrapper
                | AsyncGenASend
                | AsyncGenAThrow
                | Iterator
                | ListIterator
                | TupleIterator
                | StrIterator
                | BytesIterator
                | RangeIterator
                | DictKeyIterator
                | DictValueIterator
                | DictItemIterator
                | SetIterator
                | ListReverseIterator
                | CallableIterator
                | GetSetDescriptor
                | MemberDescriptor
                | DictKeys
                | DictValues
                | DictItems
                | ThreadLock
        )
    }
}

pub struct TypeObj {
    pub name: String,
    pub module: String,
    /// `__bases__`: replaced by assignment (readers take the shared list, see [`TypeObj::bases`]).
    bases: RefCell<Rc<[ObjRef]>>,
    /// Method resolution order without the class itself (replaced with `__bases__`).
    mro: RefCell<Rc<[ObjRef]>>,
    /// The classes that name this one among their bases (`__subclasses__()`), not owned.
    subclasses: RefCell<Vec<Subclass>>,
    /// The namespace: read through [`TypeObj::dict`], changed through [`TypeObj::dict_mut`]
    /// (which invalidates the version tags that depend on it).
    dict: RefCell<Dict>,
    /// The built-in type this is, or the nearest built-in base of a user class.
    pub builtin: TypeId,
    /// Whether this is `BaseException` or a subclass (instances carry exception data).
    pub is_exception: bool,
    /// The class's metaclass when it is not `type` (a subclass of `type`).
    pub metaclass: Option<ObjRef>,
    /// Whether instances have a `__dict__` and a `__weakref__` slot: both false only for a
    /// class whose own and user bases' `__slots__` leave them out.
    pub slots: SlotLayout,
    /// The `__qualname__` the class statement gave (`Outer.Inner`) or one assigned, when
    /// not `name` (see [`TypeObj::qualname`]).
    qualname: RefCell<Option<String>>,
    /// Results of [`TypeObj::lookup`] (`LookupCache::default()` for a new type).
    pub lookup_cache: LookupCache,
    /// CPython's `tp_version_tag`: while not 0, neither this class's namespace nor those of
    /// its MRO nor the MRO itself changed since it was given. Tags come from one counter
    /// and are never given twice, so a cache that remembers one names this class in this
    /// state. A class with a tag has bases with tags, so a change to a class without a tag
    /// has no subclass tag to drop (CPython's invariant).
    version: Cell<u64>,
    /// A number no other type object of the process ever has (never 0): attribute caches
    /// name the class by it, since a freed class's address can be reused by a new one.
    pub serial: u64,
    /// The names its instances' attributes are stored under (see `object::layout`).
    pub instance_keys: SharedKeys,
    /// Whether a class statement or `type(name, bases, namespace)` made the class, or it is
    /// of another module than `builtins` (see `protocol::class::is_user_class`).
    pub user_class: bool,
    /// Whether the class or a base defines `__del__`, with the version tag that answer was
    /// found under (see [`TypeObj::has_finalizer`]).
    finalizer: Cell<(u64, bool)>,
    /// The `__init__` a call of the class runs in place (see `protocol::class::init_frame`).
    pub init_cache: InitCache,
}

/// What `__slots__` gave a class's instances.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotLayout {
    pub has_dict: bool,
    pub has_weakref: bool,
    /// Whether the class or a base defines `__slots__`.
    pub has_slots: bool,
}

impl SlotLayout {
    /// Instances of a class without `__slots__` (and of built-in types).
    pub const OPEN: SlotLayout = SlotLayout {
        has_dict: true,
        has_weakref: true,
        has_slots: false,
    };
}

impl TypeObj {
    /// A class with the given parts, `type` as its metaclass and no `__slots__`.
    pub fn plain(
        name: String,
        module: String,
        bases: Vec<ObjRef>,
        mro: Vec<ObjRef>,
        dict: Dict,
        builtin: TypeId,
        is_exception: bool,
    ) -> TypeObj {
        TypeObj {
            user_class: module != "builtins",
            name,
            module,
            bases: RefCell::new(bases.into()),
            mro: RefCell::new(mro.into()),
            subclasses: RefCell::default(),
            dict: RefCell::new(dict),
            builtin,
            is_exception,
            metaclass: None,
            slots: SlotLayout::OPEN,
            qualname: RefCell::new(None),
            lookup_cache: LookupCache::default(),
            version: Cell::new(0),
            serial: TYPE_SERIALS.fetch_add(1, Ordering::Relaxed),
            instance_keys: SharedKeys::default(),
            finalizer: Cell::new((0, false)),
            init_cache: InitCache::default(),
        }
    }

    /// The class object, registered with its bases as their subclass.
    pub fn into_class(self) -> ObjRef {
        let cls = ObjRef::new(Obj::Type(Box::new(self)));
        if let Obj::Type(t) = &*cls {
            t.register_with_bases(&cls);
        }
        cls
    }

    fn register_with_bases(&self, cls: &ObjRef) {
        for base in self.bases().iter() {
            if let Obj::Type(b) = &**base {
                b.subclasses.borrow_mut().push(Subclass {
                    serial: self.serial,
                    class: NonNull::from(cls.header()),
                });
            }
        }
    }

    fn unregister_from_bases(&self) {
        for base in self.bases().iter() {
            if let Obj::Type(b) = &**base {
                b.subclasses
                    .borrow_mut()
                    .retain(|s| s.serial != self.serial);
            }
        }
    }

    /// `__bases__`.
    pub fn bases(&self) -> Rc<[ObjRef]> {
        self.bases.borrow().clone()
    }

    /// The method resolution order without the class itself.
    pub fn mro(&self) -> Rc<[ObjRef]> {
        self.mro.borrow().clone()
    }

    /// Whether `cls` is in the MRO (the class itself aside).
    pub fn mro_contains(&self, cls: &Obj) -> bool {
        self.mro.borrow().iter().any(|b| std::ptr::eq(&**b, cls))
    }

    /// The live classes that name this one among their bases, oldest first.
    pub fn subclasses(&self) -> Vec<ObjRef> {
        self.subclasses
            .borrow()
            .iter()
            // SAFETY: an entry is removed by its class's `Drop` (below), which runs before
            // the class's box is freed and after its count went to 0 with no code run in
            // between: an entry's box is alive and still counted when it is read here.
            .map(|s| unsafe { s.class.as_ref() }.new_ref())
            .collect()
    }

    /// Gives the class new `bases` (already checked) and `mro` (this class's, from them),
    /// moving its entry from the old bases' subclass lists to the new ones'. `cls` is the
    /// class object of `self`.
    pub fn replace_bases(&self, cls: &ObjRef, bases: Vec<ObjRef>, mro: Vec<ObjRef>) {
        self.unregister_from_bases();
        let old_bases = self.bases.replace(bases.into());
        let old_mro = self.mro.replace(mro.into());
        self.register_with_bases(cls);
        self.modified();
        drop((old_bases, old_mro));
    }

    /// Gives the class a recomputed `mro` (a base's `__bases__` changed).
    pub fn replace_mro(&self, mro: Vec<ObjRef>) {
        let old = self.mro.replace(mro.into());
        self.modified();
        drop(old);
    }

    /// The class's namespace.
    pub fn dict(&self) -> Ref<'_, Dict> {
        self.dict.borrow()
    }

    /// The class's namespace, unless it is being changed right now.
    pub fn try_dict(&self) -> Result<Ref<'_, Dict>, BorrowError> {
        self.dict.try_borrow()
    }

    /// The class's namespace to change: the version tags of the class and its subclasses
    /// are dropped first (no lookup can be cached while the namespace is borrowed).
    pub fn dict_mut(&self) -> RefMut<'_, Dict> {
        self.modified();
        self.dict.borrow_mut()
    }

    /// The namespace's cell, for the cycle collector, which empties the namespace of a
    /// class that is garbage through it: no version tag needs dropping then, since every
    /// class and instance whose caches name this class (by its tag) is garbage too.
    pub(crate) fn dict_cell(&self) -> &RefCell<Dict> {
        &self.dict
    }

    /// The class's version tag (0: none, see `version`).
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// The class's version tag, given now (with its bases') if it has none.
    pub fn valid_version(&self) -> u64 {
        let v = self.version.get();
        if v != 0 {
            return v;
        }
        for base in self.mro().iter() {
            if let Obj::Type(b) = &**base {
                b.valid_version();
            }
        }
        let v = NEXT_VERSION.fetch_add(1, Ordering::Relaxed);
        self.version.set(v);
        v
    }

    /// CPython's `PyType_Modified`: the namespace or the MRO of this class changed (or is
    /// about to): drops its version tag and those of its subclasses, at any depth.
    pub fn modified(&self) {
        if self.version.get() == 0 {
            return;
        }
        self.version.set(0);
        let mut pending = self.subclasses();
        while let Some(sub) = pending.pop() {
            if let Obj::Type(t) = &*sub {
                if t.version.get() != 0 {
                    t.version.set(0);
                    pending.extend(t.subclasses());
                }
            }
        }
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> String {
        self.qualname
            .borrow()
            .clone()
            .unwrap_or_else(|| self.name.clone())
    }

    /// `cls.__qualname__ = name`.
    pub fn set_qualname(&self, qualname: String) {
        *self.qualname.borrow_mut() = Some(qualname);
    }

    /// Whether instances of this class can be weakly referenced (no `__slots__` that leave
    /// `__weakref__` out).
    pub fn instances_weakrefable(&self) -> bool {
        self.slots.has_weakref
    }

    /// Finds `name` in the class and its bases, in MRO order. Answered from the type's
    /// lookup cache while the class keeps the version tag the answer was found under.
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        let version = self.version.get();
        if version != 0 {
            if let Some(found) = self.lookup_cache.get(name, version) {
                return found;
            }
        }
        let found = self.lookup_uncached(name);
        self.lookup_cache.put(name, self.valid_version(), &found);
        found
    }

    /// Whether the class or a base defines `__del__` (`del_name`), asked at every release of
    /// an instance: answered from what was found under the class's current version tag, so
    /// a release walks no MRO and hashes nothing. A namespace being changed right now counts
    /// as holding none (read without running code), and the answer is then not kept.
    #[inline]
    pub fn has_finalizer(&self, del_name: &Value) -> bool {
        let (version, found) = self.finalizer.get();
        if version != 0 && version == self.version.get() {
            return found;
        }
        self.find_finalizer(del_name)
    }

    #[cold]
    #[inline(never)]
    fn find_finalizer(&self, del_name: &Value) -> bool {
        let mro = self.mro();
        let classes = || {
            std::iter::once(self).chain(mro.iter().filter_map(|c| match &**c {
                Obj::Type(t) => Some(&**t),
                _ => None,
            }))
        };
        let found = classes().any(|t| t.try_dict().is_ok_and(|d| d.get(del_name).is_some()));
        // A tag given while a namespace of the MRO is borrowed would outlive its change.
        if classes().all(|t| t.try_dict().is_ok()) {
            self.finalizer.set((self.valid_version(), found));
        }
        found
    }

    fn lookup_uncached(&self, name: &Value) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        self.mro.borrow().iter().find_map(|base| match &**base {
            Obj::Type(t) => t.dict.borrow().get(name).cloned(),
            _ => None,
        })
    }
}

impl Drop for TypeObj {
    fn drop(&mut self) {
        // The bases are still held here (they outlive the class).
        self.unregister_from_bases();
    }
}

/// A class's entry in a base's list of subclasses: a pointer that owns no count, valid while
/// the entry exists (the class removes it when it is freed, see `TypeObj::subclasses`).
struct Subclass {
    serial: u64,
    class: NonNull<GcBox>,
}

/// The next version tag (see `TypeObj::version`): counted up, never reused.
static NEXT_VERSION: AtomicU64 = AtomicU64::new(1);

/// The next [`TypeObj::serial`].
static TYPE_SERIALS: AtomicU64 = AtomicU64::new(1);

/// Most names a type's lookup cache holds before it starts over.
const LOOKUP_CACHE_MAX: usize = 1024;

/// What [`TypeObj::lookup`] found (absence too) per attribute name, by the name's identity:
/// an open-addressing table that holds each of its names, so a name's address cannot be
/// reused by another string while the entry exists (and str objects are immutable once
/// shared: equal identity means equal text). Emptied when the type's version tag changes.
#[derive(Default)]
pub struct LookupCache {
    table: RefCell<LookupTable>,
}

#[derive(Default)]
struct LookupTable {
    /// The type's version tag the entries were found under.
    version: u64,
    len: usize,
    /// A power-of-two number of slots (none until the first entry), at most half full.
    slots: Vec<Option<(ObjRef, Option<Value>)>>,
}

impl LookupTable {
    /// The slot holding `name`, or the empty one where it would go.
    fn position(&self, name: &ObjRef) -> usize {
        let mask = self.slots.len() - 1;
        // Fibonacci hashing of the address: its top bits pick the first slot.
        let mut i = ((name.id() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        while let Some((held, _)) = &self.slots[i] {
            if ObjRef::ptr_eq(held, name) {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }

    fn reset(&mut self, version: u64, slots: usize) -> Vec<Option<(ObjRef, Option<Value>)>> {
        self.version = version;
        self.len = 0;
        std::mem::replace(&mut self.slots, (0..slots).map(|_| None).collect())
    }

    fn insert(&mut self, name: ObjRef, found: Option<Value>) {
        let i = self.position(&name);
        self.slots[i] = Some((name, found));
        self.len += 1;
    }
}

impl LookupCache {
    /// Visits every object the cache holds (its names and what was found), for the cycle
    /// collector; false when the table is borrowed (the type then counts as pinned).
    pub fn traverse(&self, visit: &mut impl FnMut(&ObjRef)) -> bool {
        let Ok(table) = self.table.try_borrow() else {
            return false;
        };
        for (name, found) in table.slots.iter().flatten() {
            visit(name);
            if let Some(Value::Obj(o)) = found {
                visit(o);
            }
        }
        true
    }

    /// Empties the cache (the collector breaking a cycle through a type): what it held.
    pub fn take(&self) -> Vec<Value> {
        let Ok(mut table) = self.table.try_borrow_mut() else {
            return Vec::new();
        };
        let version = table.version;
        let held = table.reset(version, 0).into_iter().flatten();
        held.flat_map(|(name, found)| [Some(Value::Obj(name)), found])
            .flatten()
            .collect()
    }

    #[inline]
    fn get(&self, name: &Value, version: u64) -> Option<Option<Value>> {
        let Value::Obj(name) = name else {
            return None;
        };
        let table = self.table.borrow();
        if table.version != version || table.slots.is_empty() {
            return None;
        }
        let (_, found) = table.slots[table.position(name)].as_ref()?;
        Some(found.clone())
    }

    fn put(&self, name: &Value, version: u64, found: &Option<Value>) {
        let Some(name) = name.obj().filter(|n| matches!(&***n, Obj::Str(_))) else {
            return;
        };
        let Ok(mut table) = self.table.try_borrow_mut() else {
            return;
        };
        if table.version != version || table.slots.is_empty() || table.len >= LOOKUP_CACHE_MAX {
            table.reset(version, 16);
        } else if 2 * (table.len + 1) > table.slots.len() {
            let size = 2 * table.slots.len();
            for (held, value) in table.reset(version, size).into_iter().flatten() {
                table.insert(held, value);
            }
        }
        table.insert(name.clone(), found.clone());
    }
}

/// A value found for a class under one of its version tags: what a call of the class needs
/// (its `__init__`), remembered so that each call does not look it up again (as CPython
/// 3.11's `CALL` specialised for a class checks the type's version only).
#[derive(Default)]
pub struct InitCache {
    entry: RefCell<Option<(u64, Value)>>,
}

impl InitCache {
    /// The value found under `version` (never under 0: no tag).
    #[inline]
    pub fn get(&self, version: u64) -> Option<Value> {
        match &*self.entry.try_borrow().ok()? {
            Some((v, found)) if *v == version && version != 0 => Some(found.clone()),
            _ => None,
        }
    }

    pub fn put(&self, version: u64, found: Value) {
        if let Ok(mut entry) = self.entry.try_borrow_mut() {
            let old = entry.replace((version, found));
            drop(entry);
            drop(old);
        }
    }

    /// Visits the object held, for the cycle collector; false when the entry is borrowed.
    pub fn traverse(&self, visit: &mut impl FnMut(&ObjRef)) -> bool {
        let Ok(entry) = self.entry.try_borrow() else {
            return false;
        };
        if let Some((_, Value::Obj(o))) = &*entry {
            visit(o);
        }
        true
    }

    /// Empties the cache (the collector breaking a cycle through a type): what it held.
    pub fn take(&self) -> Option<Value> {
        Some(self.entry.try_borrow_mut().ok()?.take()?.1)
    }
}

/// One frame an exception passed: its code, the instruction, the frame's globals.
pub type TbEntry = (std::rc::Rc<crate::objects::code::CodeInfo>, usize, ObjRef);

/// Extra state of exception instances.
#[derive(Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// (code, instruction index, globals) per frame the exception passed, innermost first.
    pub traceback: Vec<TbEntry>,
    /// `__traceback__` as an object: `Null` until read (then built from `traceback`, see
    /// `interp::frame_objects`) and again whenever `traceback` grows.
    pub traceback_object: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

/// An instance's class, which `__class__` assignment replaces. A reader borrows the class
/// for as long as it borrows the instance (`&Obj`, as when the class could not change): a
/// replaced class is kept in `former` until the instance is freed, so a class read before
/// an assignment — by code that then ran the Python code that assigned — stays alive.
pub struct ClassCell {
    current: UnsafeCell<ObjRef>,
    /// The classes the instance had before (each once), boxed: most instances have none (a
    /// thin box: this cell is part of every instance).
    #[allow(clippy::box_collection)]
    former: RefCell<Option<Box<Vec<ObjRef>>>>,
}

impl ClassCell {
    fn new(class: ObjRef) -> ClassCell {
        ClassCell {
            current: UnsafeCell::new(class),
            former: RefCell::new(None),
        }
    }

    #[inline(always)]
    fn get(&self) -> &Obj {
        // SAFETY: the `&ObjRef` made here lives only for this call; `set` is the only writer
        // and runs no code while it writes (objects are touched under the GIL only, and the
        // cell is `!Sync`). The box the returned `&Obj` points into stays alive while `self`
        // is borrowed: `set` moves the reference it replaces into `former`, dropped only with
        // `self`.
        unsafe { &*self.current.get() }
    }

    fn get_ref(&self) -> ObjRef {
        // SAFETY: as in `get`: a short-lived read, no writer meanwhile.
        unsafe { (*self.current.get()).clone() }
    }

    fn set(&self, class: ObjRef) {
        // SAFETY: no reference into `current` outlives `get`/`get_ref`, and no code runs
        // between the read and the write.
        let old = unsafe { std::ptr::replace(self.current.get(), class) };
        let mut former = self.former.borrow_mut();
        let kept = former.get_or_insert_with(Default::default);
        if !kept.iter().any(|c| ObjRef::ptr_eq(c, &old)) {
            kept.push(old);
        }
    }

    /// Visits the classes held (current and former), for the cycle collector.
    fn traverse(&self, visit: &mut impl FnMut(&ObjRef)) {
        // SAFETY: as in `get`.
        visit(unsafe { &*self.current.get() });
        if let Ok(former) = self.former.try_borrow() {
            former.iter().flat_map(|f| f.iter()).for_each(visit);
        }
    }
}

pub struct Instance {
    class: ClassCell,
    /// The instance's attributes: values of its class's shared names, or its own `__dict__`.
    pub(crate) attrs: RefCell<InstanceAttrs>,
    /// Exception state, boxed: most instances are not exceptions, and every heap object is
    /// as large as the largest payload.
    pub exc: Option<Box<RefCell<ExcData>>>,
    /// The built-in value an instance of a subclass of `dict`, `list`, `tuple`, `set` or `str`
    /// wraps (`Null` for other instances): operations the class does not define act on it.
    /// A `Cell` (16 bytes, no borrow flag: every instance carries it), read through
    /// [`Instance::base`] and [`Instance::with_base`].
    base: Cell<Value>,
}

impl Instance {
    pub fn new(class: ObjRef, attrs: Dict, exc: Option<RefCell<ExcData>>) -> Instance {
        Instance {
            attrs: RefCell::new(InstanceAttrs::new(&class, attrs)),
            class: ClassCell::new(class),
            exc: exc.map(Box::new),
            base: Cell::new(Value::Null),
        }
    }

    /// The built-in value the instance wraps (`Null` for none).
    pub fn base(&self) -> Value {
        self.with_base(Value::clone)
    }

    /// `f` of the wrapped value, which reads `Null` meanwhile (`f` runs no Python code).
    pub fn with_base<R>(&self, f: impl FnOnce(&Value) -> R) -> R {
        let base = self.base.take();
        let r = f(&base);
        self.base.set(base);
        r
    }

    pub fn set_base(&self, base: Value) {
        self.base.set(base);
    }

    /// Takes the wrapped value out (teardown, the collector's clearing).
    pub fn take_base(&self) -> Value {
        self.base.take()
    }

    /// A new instance of `class` without attributes, wrapping `base` (a built-in value, or
    /// `Null`): a user class's call makes one before `__init__` runs.
    #[inline]
    pub fn bare(class: ObjRef, exc: Option<RefCell<ExcData>>, base: Value) -> Instance {
        Instance {
            attrs: RefCell::new(InstanceAttrs::empty(&class)),
            class: ClassCell::new(class),
            exc: exc.map(Box::new),
            base: Cell::new(base),
        }
    }

    /// The instance's class.
    #[inline(always)]
    pub fn class(&self) -> &Obj {
        self.class.get()
    }

    /// A counted reference to the instance's class.
    pub fn class_ref(&self) -> ObjRef {
        self.class.get_ref()
    }

    /// `obj.__class__ = cls` (checked by the caller: layouts agree). The attributes move to
    /// a dict of the instance's own first: the split layout indexes the old class's names.
    pub fn set_class(&self, cls: ObjRef) {
        self.dict_obj();
        self.class.set(cls);
    }

    /// Visits the instance's classes (current and former), for the cycle collector.
    pub fn traverse_classes(&self, visit: &mut impl FnMut(&ObjRef)) {
        self.class.traverse(visit);
    }
}

/// Whether class `sub` is `sup` or derives from it.
pub fn is_subclass(sub: &Obj, sup: &Obj) -> bool {
    if std::ptr::eq(sub, sup) {
        return true;
    }
    match sub {
        Obj::Type(t) => t.mro_contains(sup),
        _ => false,
    }
}

/// C3 linearization of `bases` (the MRO of a new class, without the class itself); on
/// failure, the classes that could not be ordered.
pub fn compute_mro(bases: &[ObjRef]) -> Result<Vec<ObjRef>, Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|b| {
            let mut seq = vec![b.clone()];
            if let Obj::Type(t) = &**b {
                seq.extend(t.mro().iter().cloned());
            }
            seq
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().map(|s| s[0].clone()).find(|c| {
            !seqs
                .iter()
                .any(|s| s[1..].iter().any(|x| ObjRef::ptr_eq(x, c)))
        });
        let Some(candidate) = candidate else {
            let mut stuck: Vec<ObjRef> = Vec::new();
            for s in &seqs {
                if !stuck.iter().any(|c| ObjRef::ptr_eq(c, &s[0])) {
                    stuck.push(s[0].clone());
                }
            }
            return Err(stuck);
        };
        for s in seqs.iter_mut() {
            if ObjRef::ptr_eq(&s[0], &candidate) {
                s.remove(0);
            }
        }
        out.push(candidate);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn class(bases: Vec<ObjRef>) -> ObjRef {
        named("C", bases)
    }

    pub(crate) fn namespace(cls: &ObjRef) -> RefMut<'_, Dict> {
        match &**cls {
            Obj::Type(t) => t.dict_mut(),
            _ => unreachable!("a class"),
        }
    }

    fn version(cls: &ObjRef) -> u64 {
        match &**cls {
            Obj::Type(t) => t.version(),
            _ => unreachable!("a class"),
        }
    }

    fn lookup(cls: &ObjRef, name: &Value) -> Option<i64> {
        match &**cls {
            Obj::Type(t) => t.lookup(name).map(|v| match v {
                Value::Int(i) => i,
                _ => -1,
            }),
            _ => None,
        }
    }

    #[test]
    fn a_cached_lookup_sees_later_changes_to_the_class_and_its_bases() {
        let base = class(vec![]);
        let sub = class(vec![base.clone()]);
        let name = Value::new_str("m");
        assert_eq!(lookup(&sub, &name), None);
        assert_eq!(lookup(&sub, &name), None, "the absence is cached");
        namespace(&base).insert(name.clone(), Value::Int(1));
        assert_eq!(lookup(&sub, &name), Some(1));
        namespace(&sub).insert(name.clone(), Value::Int(2));
        assert_eq!(lookup(&sub, &name), Some(2));
        assert_eq!(lookup(&base, &name), Some(1));
        namespace(&sub).remove(&name);
        assert_eq!(lookup(&sub, &name), Some(1));
    }

    #[test]
    fn a_change_drops_the_version_tags_of_the_class_and_its_subclasses_only() {
        let base = class(vec![]);
        let sub = class(vec![base.clone()]);
        let subsub = class(vec![sub.clone()]);
        let other = class(vec![base.clone()]);
        let name = Value::new_str("m");
        for c in [&subsub, &other] {
            assert_eq!(lookup(c, &name), None);
        }
        let tags: Vec<u64> = [&base, &sub, &subsub, &other].map(version).to_vec();
        assert!(tags.iter().all(|&v| v != 0), "a lookup gives the MRO tags");
        namespace(&sub).insert(name.clone(), Value::Int(1));
        assert_eq!([&sub, &subsub].map(version), [0, 0]);
        assert_eq!([&base, &other].map(version), [tags[0], tags[3]]);
        assert_eq!(lookup(&subsub, &name), Some(1));
        let retagged = version(&subsub);
        assert!(
            retagged != 0 && !tags.contains(&retagged),
            "tags are never reused"
        );
        // A new MRO is a change too.
        if let Obj::Type(t) = &*sub {
            t.replace_mro(vec![base.clone()]);
        }
        assert_eq!(version(&subsub), 0);
    }

    fn name_of(cls: &Obj) -> String {
        match cls {
            Obj::Type(t) => t.name.clone(),
            _ => String::new(),
        }
    }

    pub(crate) fn named(name: &str, bases: Vec<ObjRef>) -> ObjRef {
        let mro = compute_mro(&bases).expect("consistent bases");
        TypeObj::plain(
            name.into(),
            "t".into(),
            bases,
            mro,
            Dict::new(),
            TypeId::Object,
            false,
        )
        .into_class()
    }

    #[test]
    fn a_class_read_before_it_was_replaced_stays_alive_with_the_instance() {
        let inst = Instance::new(named("Old", vec![]), Dict::new(), None);
        let old: &Obj = inst.class();
        let new = named("New", vec![]);
        // The instance held the only reference to `Old`: it must not be freed while `old`
        // is borrowed from the instance.
        inst.set_class(new.clone());
        assert_eq!(name_of(old), "Old");
        assert_eq!(name_of(inst.class()), "New");
        assert_eq!(new.strong_count(), 2);
        // Swapping back and forth keeps each former class once (each a counted reference
        // the collector visits, the current one's besides).
        let back = inst.class_ref();
        inst.set_class(named("Third", vec![]));
        inst.set_class(back.clone());
        inst.set_class(named("Fourth", vec![]));
        inst.set_class(back);
        let mut held = Vec::new();
        inst.traverse_classes(&mut |c| held.push(name_of(c)));
        assert_eq!(held, ["New", "Old", "New", "Third", "Fourth"]);
    }

    #[test]
    fn a_subclass_is_listed_while_alive_and_leaves_when_freed() {
        let base = named("Base", vec![]);
        let subclasses = |c: &ObjRef| match &**c {
            Obj::Type(t) => t
                .subclasses()
                .iter()
                .map(|s| name_of(s))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        };
        let a = named("A", vec![base.clone()]);
        let b = named("B", vec![base.clone()]);
        assert_eq!(subclasses(&base), ["A", "B"]);
        let listed = match &*base {
            Obj::Type(t) => t.subclasses(),
            _ => Vec::new(),
        };
        assert_eq!(
            a.strong_count(),
            2,
            "a listed subclass is a counted reference"
        );
        drop(listed);
        drop(a);
        assert_eq!(subclasses(&base), ["B"]);
        // Moved to other bases: listed there, not here.
        let other = named("Other", vec![]);
        if let Obj::Type(t) = &*b {
            t.replace_bases(&b, vec![other.clone()], vec![other.clone()]);
        }
        assert!(subclasses(&base).is_empty());
        assert_eq!(subclasses(&other), ["B"]);
        drop(b);
        assert!(subclasses(&other).is_empty());
    }

    #[test]
    fn every_type_has_its_own_nonzero_serial() {
        let serial = |c: &ObjRef| match &**c {
            Obj::Type(t) => t.serial,
            _ => 0,
        };
        let first = class(vec![]);
        let first_serial = serial(&first);
        drop(first);
        // A class made after another is freed (perhaps at the same address) differs.
        let second = class(vec![]);
        assert_ne!(first_serial, 0);
        assert_ne!(first_serial, serial(&second));
    }

    #[test]
    fn a_name_is_found_by_identity_among_many() {
        let cls = class(vec![]);
        let names: Vec<Value> = (0..300).map(|i| Value::new_str(format!("n{i}"))).collect();
        for (i, name) in names.iter().enumerate().step_by(2) {
            namespace(&cls).insert(name.clone(), Value::Int(i as i64));
        }
        for _ in 0..2 {
            for (i, name) in names.iter().enumerate() {
                let expected = (i % 2 == 0).then_some(i as i64);
                assert_eq!(lookup(&cls, name), expected);
                // An equal string that is another object is found too (not from the cache).
                assert_eq!(lookup(&cls, &Value::new_str(format!("n{i}"))), expected);
            }
        }
    }
}
