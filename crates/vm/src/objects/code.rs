//! Runtime view of a compiled code object: constants and names converted to values once,
//! plus the per-instruction `LoadGlobal` cache and attribute caches.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use gilvm_compiler::bytecode::{CodeFlags, CodeObject, Constant, Instruction};

use crate::object::class_attr::ClassAttr;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::int::from_big;

/// A cached global lookup: where the name's value sits, valid while the frame runs with these
/// same globals (and, for a builtin, builtins) dicts and their keys versions are unchanged, so
/// that rebinding a global does not invalidate it (as CPython 3.11's `LOAD_GLOBAL_MODULE`, which
/// checks the dict's keys version). Versions count per dict from 0, so they only mean something
/// together with the dict's identity; holding the dicts keeps their addresses from being reused
/// by another dict while the entry exists.
#[derive(Clone)]
pub struct GlobalCacheEntry {
    pub globals: ObjRef,
    pub globals_keys: u64,
    /// The entry's position in the globals, or in the builtins when the globals lack the name
    /// (their unchanged keys version says they still do).
    pub index: usize,
    pub builtin: Option<(ObjRef, u64)>,
}

/// Most classes an attribute cache remembers at once: a site that sees instances of several
/// classes (a base class's method called on each subclass's instances) keeps one entry per
/// class instead of specialising again at every change of class.
pub const ATTR_SITE_WAYS: usize = 4;

/// What the attribute instructions of one code object on one name (`LoadAttr`, `StoreAttr`
/// and `LoadMethod` each have their own) learnt about the classes of the instances they saw
/// (`protocol::attr_cache` fills and reads it): newest first, unused entries at version 0.
pub type AttrSite = [AttrEntry; ATTR_SITE_WAYS];

/// One class an [`AttrSite`] saw, in one state: by its version tag
/// ([`crate::object::typeobj::TypeObj::version`]), which any change to the class, its bases
/// or its MRO drops, with what the class gave for the name then (for the kinds that use it).
/// One cell per field: a hit reads only what it needs, and moving the hint writes only it.
#[derive(Default)]
pub struct AttrEntry {
    /// The class's version tag (0 for an unused entry) and its attribute of that name.
    pub class: Cell<ClassAttr>,
    pub kind: Cell<AttrSiteKind>,
    /// Where the instance's attributes held the name last time (the bits of an
    /// [`crate::object::layout::AttrHint`]); for `Method`, how many of the class's shared
    /// names are known not to be it.
    pub hint: Cell<u32>,
}

impl AttrEntry {
    /// The version tag of the class the entry is for (0: unused).
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.class.get().version()
    }
}

/// The fast path an attribute instruction takes for instances of the cached class.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub enum AttrSiteKind {
    /// Never seen a user-class instance, or nothing to speed up: the generic path.
    #[default]
    Generic,
    /// Read: the instance's `__dict__` decides (the class has no data descriptor of that
    /// name); when it lacks the name, the generic path.
    InstanceDict,
    /// Read: as `InstanceDict`, but when the dict lacks the name the class attribute is a
    /// plain value (no descriptor, nothing to bind): it is the result.
    InstanceDictOrClassValue,
    /// Read: as `InstanceDict`, but when the dict lacks the name the class attribute is a
    /// Python function: the result is it bound to the instance.
    InstanceDictOrMethod,
    /// `LoadMethod`: a Python function found on the class, unless the instance's dict
    /// shadows it.
    Method,
    /// `LoadMethod` on a value of a built-in data type (`list`, `dict`, ...): a method of
    /// the type's own, called with the value as its first argument.
    BuiltinMethod,
    /// Write: straight into the instance's `__dict__` (no `__setattr__`, no descriptor).
    StoreInstanceDict,
}

pub struct CodeInfo {
    pub code: Arc<CodeObject>,
    /// A copy of `code.instructions`, one indirection closer for the eval loop.
    pub instructions: Box<[Instruction]>,
    pub consts: Vec<Value>,
    /// `names` as interned str values (their hashes are computed once).
    pub names: Vec<Value>,
    pub nlocals: usize,
    /// Plain positional parameters only (no `*args`, `**kwargs`, keyword-only):
    /// calls with exactly `arg_count` positional arguments take the fast path.
    pub simple_args: bool,
    /// `Some(arg_count)` when a call with exactly that many positional arguments only has to
    /// move them into a fresh frame (and give it its cells, see `call::add_cells`):
    /// `simple_args`, not a generator (the eval loop's inlined call path).
    pub plain_arity: Option<usize>,
    /// `code.cellvars` is not empty: each call gives the frame fresh cells (a copy of the
    /// test next to `plain_arity`, one indirection less on every call).
    pub makes_cells: bool,
    pub is_generator: bool,
    pub global_cache: RefCell<Vec<Option<GlobalCacheEntry>>>,
    /// The attribute caches of `LoadAttr`, `StoreAttr` and `LoadMethod`, one per name each
    /// (indexed like `names`): the sites of one name in one code object share what they
    /// learn about each class.
    pub load_sites: Box<[AttrSite]>,
    pub store_sites: Box<[AttrSite]>,
    pub method_sites: Box<[AttrSite]>,
}

impl CodeInfo {
    pub fn new(code: Arc<CodeObject>) -> Rc<CodeInfo> {
        CodeInfo::with_names(code, &mut NameTable::new())
    }

    /// Builds the view of `code` and its nested code objects, taking each name's `str` from
    /// `table`: the same name in two functions of one module is one object, so an attribute
    /// stored by one method and loaded by another compares equal by identity in the dict.
    fn with_names(code: Arc<CodeObject>, table: &mut NameTable) -> Rc<CodeInfo> {
        let consts = code
            .constants
            .iter()
            .map(|c| constant_in(c, table))
            .collect();
        let names: Vec<Value> = code
            .names
            .iter()
            .map(|n| {
                table
                    .entry(n.clone())
                    .or_insert_with(|| Value::new_str(&**n))
                    .clone()
            })
            .collect();
        let flags = code.flags;
        let simple_args = !flags.has(CodeFlags::VARARGS)
            && !flags.has(CodeFlags::VARKEYWORDS)
            && code.kwonly_arg_count == 0;
        let is_generator =
            flags.has(CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR);
        let plain = simple_args && !is_generator;
        Rc::new(CodeInfo {
            plain_arity: plain.then_some(code.arg_count as usize),
            makes_cells: !code.cellvars.is_empty(),
            instructions: code.instructions.clone().into_boxed_slice(),
            nlocals: code.varnames.len(),
            simple_args,
            is_generator,
            global_cache: RefCell::new(vec![None; names.len()]),
            load_sites: attr_sites(names.len()),
            store_sites: attr_sites(names.len()),
            method_sites: attr_sites(names.len()),
            consts,
            names,
            code,
        })
    }

    /// Value slots a frame running this code needs: its locals, then its deepest stack.
    #[inline(always)]
    pub fn frame_size(&self) -> usize {
        self.nlocals + self.code.max_stack as usize
    }

    pub fn ncells(&self) -> usize {
        self.code.cellvars.len() + self.code.freevars.len()
    }

    /// Source line of instruction `ip`.
    pub fn line_of(&self, ip: usize) -> u32 {
        self.code
            .locations
            .get(ip)
            .map_or(self.code.first_line, |l| l.line)
    }
}

fn attr_sites(n: usize) -> Box<[AttrSite]> {
    (0..n).map(|_| AttrSite::default()).collect()
}

/// Interned names of the code objects of one compilation unit.
type NameTable = std::collections::HashMap<Arc<str>, Value>;

fn constant_in(c: &Constant, table: &mut NameTable) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Ellipsis => Value::Obj(ObjRef::new(Obj::Ellipsis)),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => from_big(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => crate::objects::complex::new_complex(
            crate::objects::complex::Complex::new(*real, *imag),
        ),
        Constant::Str(s) => Value::new_str(&**s),
        Constant::SurrogateStr(p) => Value::from_pystr(
            crate::objects::str::PyStr::from_code_points(p.iter().copied()),
        ),
        Constant::Bytes(b) => Value::Obj(ObjRef::new(Obj::Bytes(b.to_vec().into_boxed_slice()))),
        Constant::Tuple(items) => {
            Value::new_tuple(items.iter().map(|c| constant_in(c, table)).collect())
        }
        Constant::FrozenSet(items) => {
            // As CPython: the frozenset of the display's items, then rebuilt from its own
            // iteration order when the compiler merges constants (`merge_consts_recursive`).
            let mut d = crate::objects::dict::Dict::new();
            for item in items.iter() {
                d.insert(constant_in(item, table), Value::None);
            }
            let d = d.into_set_storage();
            let mut merged = crate::objects::dict::Dict::new();
            for k in d.keys() {
                merged.insert(k.clone(), Value::None);
            }
            Value::Obj(ObjRef::new(Obj::Set {
                items: Box::new(std::cell::RefCell::new(merged.into_set_storage())),
                frozen: true,
            }))
        }
        Constant::Code(code) => Value::Obj(ObjRef::new(Obj::Code(CodeInfo::with_names(
            code.clone(),
            table,
        )))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_one_object_across_the_functions_of_a_module() {
        let source = "def f(o):\n    o.attr = 1\ndef g(o):\n    return o.attr\n";
        let code = gilvm_compiler::compile_source(source, "t.py").expect("compiles");
        let module = CodeInfo::new(code);
        let attr_of = |c: &Value| match c.obj().map(|o| &**o) {
            Some(Obj::Code(info)) => info
                .names
                .iter()
                .find(|n| n.as_str().is_some_and(|s| s.as_str() == "attr"))
                .cloned(),
            _ => None,
        };
        let found: Vec<Value> = module.consts.iter().filter_map(attr_of).collect();
        assert_eq!(found.len(), 2, "both functions name `attr`");
        assert!(found[0].is(&found[1]));
    }
}
