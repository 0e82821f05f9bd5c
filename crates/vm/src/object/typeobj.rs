//! Classes (`type` objects, built-in and user-defined) and instances of user classes.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

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
    Str: "str" in builtins,
    Bytes: "bytes" in builtins,
    ByteArray: "bytearray" in builtins,
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
    Enumerate: "enumerate",
    Zip: "zip",
    Map: "map",
    Filter: "filter",
    CallableIterator: "callable_iterator",
    Super: "super" in builtins,
    Property: "property" in builtins,
    ClassMethod: "classmethod" in builtins,
    StaticMethod: "staticmethod" in builtins,
    DictKeys: "dict_keys",
    DictValues: "dict_values",
    DictItems: "dict_items",
    NotImplementedType: "NotImplementedType",
    Ellipsis: "ellipsis",
}

pub struct TypeObj {
    pub name: String,
    pub module: String,
    pub bases: Vec<ObjRef>,
    /// Method resolution order without the class itself.
    pub mro: Vec<ObjRef>,
    pub dict: RefCell<Dict>,
    /// The built-in type this is, or the nearest built-in base of a user class.
    pub builtin: TypeId,
    /// Whether this is `BaseException` or a subclass (instances carry exception data).
    pub is_exception: bool,
    /// Results of [`TypeObj::lookup`] (`LookupCache::default()` for a new type).
    pub lookup_cache: LookupCache,
}

impl TypeObj {
    /// Finds `name` in the class and its bases, in MRO order. Answered from the type's
    /// lookup cache while no class namespace has changed since the answer was found.
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        let epoch = type_epoch();
        if let Some(found) = self.lookup_cache.get(name, epoch) {
            return found;
        }
        let found = self.lookup_uncached(name);
        if self.watch_namespaces() {
            self.lookup_cache.put(name, epoch, &found);
        }
        found
    }

    fn lookup_uncached(&self, name: &Value) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        self.mro.iter().find_map(|base| match &**base {
            Obj::Type(t) => t.dict.borrow().get(name).cloned(),
            _ => None,
        })
    }

    /// Makes changes to this class's namespace and its bases' bump the type epoch, so that
    /// cached lookups see them. False when a namespace is being changed right now (then the
    /// result is not cached).
    fn watch_namespaces(&self) -> bool {
        if self.dict.try_borrow().is_ok_and(|d| d.is_watched()) {
            // Bases are watched with the class (their namespaces are never replaced).
            return true;
        }
        let bases = self.mro.iter().filter_map(|b| match &**b {
            Obj::Type(t) => Some(&t.dict),
            _ => None,
        });
        for dict in std::iter::once(&self.dict).chain(bases) {
            match dict.try_borrow_mut() {
                Ok(mut d) => d.watch(),
                Err(_) => return false,
            }
        }
        true
    }
}

/// Counts changes to watched class namespaces (see [`Dict::watch`]): a cached lookup is valid
/// while the epoch is the one it was found in. Process-wide, so a change to any class drops
/// every type's cached lookups: cheap to check, and class namespaces rarely change once
/// built. Code that changes what `lookup` finds other than through a namespace (an MRO
/// change) must call [`invalidate_lookup_caches`].
static TYPE_EPOCH: AtomicU64 = AtomicU64::new(1);

/// The current type epoch.
#[inline(always)]
pub fn type_epoch() -> u64 {
    // Relaxed: types are only read and changed under the GIL, which orders the accesses.
    TYPE_EPOCH.load(Ordering::Relaxed)
}

/// Drops every type's cached lookups (a watched namespace or an MRO changed).
pub fn invalidate_lookup_caches() {
    TYPE_EPOCH.fetch_add(1, Ordering::Relaxed);
}

/// Slots of a type's lookup cache (a power of two).
const LOOKUP_CACHE_SLOTS: usize = 32;

/// A direct-mapped cache from an attribute name's identity to what [`TypeObj::lookup`]
/// found (absence too). Each entry holds its name, so a name's address cannot be reused by
/// another string while the entry exists; str objects are immutable once shared, so equal
/// identity means equal text.
#[derive(Default)]
pub struct LookupCache {
    entries: RefCell<Vec<Option<CachedLookup>>>,
}

struct CachedLookup {
    name: ObjRef,
    epoch: u64,
    found: Option<Value>,
}

impl LookupCache {
    fn slot(name: &ObjRef) -> usize {
        // Fibonacci hashing of the address: the top bits index the table.
        let mixed = (name.id() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - LOOKUP_CACHE_SLOTS.trailing_zeros())) as usize
    }

    #[inline]
    fn get(&self, name: &Value, epoch: u64) -> Option<Option<Value>> {
        let Value::Obj(name) = name else {
            return None;
        };
        let entries = self.entries.borrow();
        let entry = entries.get(Self::slot(name))?.as_ref()?;
        (entry.epoch == epoch && ObjRef::ptr_eq(&entry.name, name)).then(|| entry.found.clone())
    }

    fn put(&self, name: &Value, epoch: u64, found: &Option<Value>) {
        let Some(name) = name.obj().filter(|n| matches!(&***n, Obj::Str(_))) else {
            return;
        };
        let Ok(mut entries) = self.entries.try_borrow_mut() else {
            return;
        };
        if entries.is_empty() {
            entries.resize_with(LOOKUP_CACHE_SLOTS, || None);
        }
        entries[Self::slot(name)] = Some(CachedLookup {
            name: name.clone(),
            epoch,
            found: found.clone(),
        });
    }
}

/// Extra state of exception instances.
#[derive(Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// (code, instruction index) per frame the exception passed, innermost first.
    pub traceback: Vec<(std::rc::Rc<crate::objects::code::CodeInfo>, usize)>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

pub struct Instance {
    pub class: ObjRef,
    /// The instance's `__dict__` (an `Obj::Dict`, shared with Python code that reads it).
    pub dict: ObjRef,
    pub exc: Option<RefCell<ExcData>>,
    /// The built-in value an instance of a subclass of `dict`, `list`, `tuple`, `set` or `str`
    /// wraps (`Null` for other instances): operations the class does not define act on it.
    pub base: RefCell<Value>,
}

impl Instance {
    pub fn new(class: ObjRef, attrs: Dict, exc: Option<RefCell<ExcData>>) -> Instance {
        Instance {
            class,
            dict: ObjRef::new(Obj::Dict(RefCell::new(attrs))),
            exc,
            base: RefCell::new(Value::Null),
        }
    }
    /// The attributes in `__dict__`.
    pub fn attrs(&self) -> &RefCell<Dict> {
        match &*self.dict {
            Obj::Dict(d) => d,
            _ => unreachable!("an instance dict is always a dict"),
        }
    }
}

/// Whether class `sub` is `sup` or derives from it.
pub fn is_subclass(sub: &ObjRef, sup: &ObjRef) -> bool {
    if ObjRef::ptr_eq(sub, sup) {
        return true;
    }
    match &**sub {
        Obj::Type(t) => t.mro.iter().any(|b| ObjRef::ptr_eq(b, sup)),
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
                seq.extend(t.mro.iter().cloned());
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
