//! Classes (`type` objects, built-in and user-defined) and instances of user classes.

use std::cell::RefCell;

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
    /// The class's metaclass when it is not `type` (a subclass of `type`).
    pub metaclass: Option<ObjRef>,
    /// Whether instances have a `__dict__` and a `__weakref__` slot: both false only for a
    /// class whose own and user bases' `__slots__` leave them out.
    pub slots: SlotLayout,
    /// Whether the class or a base defines `__getattribute__` (looked up on every attribute
    /// read when set).
    pub getattribute_hook: bool,
    /// The `__qualname__` the class statement gave (`Outer.Inner`), when not `name`.
    pub qualname: Option<String>,
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
            name,
            module,
            bases,
            mro,
            dict: RefCell::new(dict),
            builtin,
            is_exception,
            metaclass: None,
            slots: SlotLayout::OPEN,
            getattribute_hook: false,
            qualname: None,
        }
    }

    /// Whether instances of this class can be weakly referenced (no `__slots__` that leave
    /// `__weakref__` out).
    pub fn instances_weakrefable(&self) -> bool {
        self.slots.has_weakref
    }

    /// Finds `name` in the class and its bases, in MRO order.
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        self.mro.iter().find_map(|base| match &**base {
            Obj::Type(t) => t.dict.borrow().get(name).cloned(),
            _ => None,
        })
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
