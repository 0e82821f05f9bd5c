//! Classes (`type` objects, built-in and user-defined) and instances of user classes.

use std::cell::RefCell;

use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;

/// Which built-in type a `type` object stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeId {
    Object,
    Type,
    Int,
    Bool,
    Float,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    NoneType,
    Function,
    BuiltinFunction,
    Method,
    Generator,
    Module,
    Cell,
    Code,
    Iterator,
    ListIterator,
    TupleIterator,
    StrIterator,
    BytesIterator,
    RangeIterator,
    DictKeyIterator,
    DictValueIterator,
    DictItemIterator,
    SetIterator,
    ListReverseIterator,
    Reversed,
    Enumerate,
    Zip,
    Map,
    Filter,
    CallableIterator,
    Super,
    Property,
    ClassMethod,
    StaticMethod,
    DictKeys,
    DictValues,
    DictItems,
    NotImplementedType,
    Ellipsis,
}

impl TypeId {
    pub const ALL: [TypeId; 49] = [
        TypeId::Object,
        TypeId::Type,
        TypeId::Int,
        TypeId::Bool,
        TypeId::Float,
        TypeId::Str,
        TypeId::Bytes,
        TypeId::ByteArray,
        TypeId::List,
        TypeId::Tuple,
        TypeId::Dict,
        TypeId::Set,
        TypeId::FrozenSet,
        TypeId::Range,
        TypeId::Slice,
        TypeId::NoneType,
        TypeId::Function,
        TypeId::BuiltinFunction,
        TypeId::Method,
        TypeId::Generator,
        TypeId::Module,
        TypeId::Cell,
        TypeId::Code,
        TypeId::Iterator,
        TypeId::ListIterator,
        TypeId::TupleIterator,
        TypeId::StrIterator,
        TypeId::BytesIterator,
        TypeId::RangeIterator,
        TypeId::DictKeyIterator,
        TypeId::DictValueIterator,
        TypeId::DictItemIterator,
        TypeId::SetIterator,
        TypeId::ListReverseIterator,
        TypeId::Reversed,
        TypeId::Enumerate,
        TypeId::Zip,
        TypeId::Map,
        TypeId::Filter,
        TypeId::CallableIterator,
        TypeId::Super,
        TypeId::Property,
        TypeId::ClassMethod,
        TypeId::StaticMethod,
        TypeId::DictKeys,
        TypeId::DictValues,
        TypeId::DictItems,
        TypeId::NotImplementedType,
        TypeId::Ellipsis,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TypeId::Object => "object",
            TypeId::Type => "type",
            TypeId::Int => "int",
            TypeId::Bool => "bool",
            TypeId::Float => "float",
            TypeId::Str => "str",
            TypeId::Bytes => "bytes",
            TypeId::ByteArray => "bytearray",
            TypeId::List => "list",
            TypeId::Tuple => "tuple",
            TypeId::Dict => "dict",
            TypeId::Set => "set",
            TypeId::FrozenSet => "frozenset",
            TypeId::Range => "range",
            TypeId::Slice => "slice",
            TypeId::NoneType => "NoneType",
            TypeId::Function => "function",
            TypeId::BuiltinFunction => "builtin_function_or_method",
            TypeId::Method => "method",
            TypeId::Generator => "generator",
            TypeId::Module => "module",
            TypeId::Cell => "cell",
            TypeId::Code => "code",
            TypeId::Iterator => "iterator",
            TypeId::ListIterator => "list_iterator",
            TypeId::TupleIterator => "tuple_iterator",
            TypeId::StrIterator => "str_ascii_iterator",
            TypeId::BytesIterator => "bytes_iterator",
            TypeId::RangeIterator => "range_iterator",
            TypeId::DictKeyIterator => "dict_keyiterator",
            TypeId::DictValueIterator => "dict_valueiterator",
            TypeId::DictItemIterator => "dict_itemiterator",
            TypeId::SetIterator => "set_iterator",
            TypeId::ListReverseIterator => "list_reverseiterator",
            TypeId::Reversed => "reversed",
            TypeId::Enumerate => "enumerate",
            TypeId::Zip => "zip",
            TypeId::Map => "map",
            TypeId::Filter => "filter",
            TypeId::CallableIterator => "callable_iterator",
            TypeId::Super => "super",
            TypeId::Property => "property",
            TypeId::ClassMethod => "classmethod",
            TypeId::StaticMethod => "staticmethod",
            TypeId::DictKeys => "dict_keys",
            TypeId::DictValues => "dict_values",
            TypeId::DictItems => "dict_items",
            TypeId::NotImplementedType => "NotImplementedType",
            TypeId::Ellipsis => "ellipsis",
        }
    }
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
}

impl TypeObj {
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
    pub traceback: Vec<(std::rc::Rc<crate::interp::code::CodeInfo>, usize)>,
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
