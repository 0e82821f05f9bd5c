//! The run-time side of the `match` statement: what `MATCH_SEQUENCE`, `MATCH_MAPPING`,
//! `MATCH_KEYS`, `MATCH_CLASS` and `COPY_DICT_WITHOUT_KEYS` decide, as CPython 3.11's
//! ceval does.

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::{class_name, class_of, type_name};
use crate::object::error::{ExcKind, PyResult};
use crate::object::typeobj::{TypeId, TypeObj};
use crate::object::value::{Obj, ObjRef, Value};
use crate::protocol::attr::get_attr;
use crate::protocol::call::call_value;
use crate::protocol::subscript::del_item;

/// CPython's `Py_TPFLAGS_SEQUENCE` and `Py_TPFLAGS_MAPPING`: what `collections.abc`'s
/// `Sequence` and `Mapping` declare as `__abc_tpflags__`, which `register` passes on.
const SEQUENCE_FLAG: i64 = 1 << 5;
const MAPPING_FLAG: i64 = 1 << 6;

fn collection_flags(ts: &ThreadState, v: &Value) -> (TypeId, i64) {
    let cls = class_of(ts, v);
    let Obj::Type(t) = &*cls else {
        return (TypeId::Object, 0);
    };
    let flags = match t.lookup(ts.rt.names.get(crate::object::names::Dunder::AbcTpflags)) {
        Some(Value::Int(flags)) => flags,
        _ => 0,
    };
    (t.builtin, flags)
}

/// Whether a sequence pattern may take `subject` apart.
pub fn is_sequence(ts: &ThreadState, subject: &Value) -> bool {
    match collection_flags(ts, subject) {
        (TypeId::Str | TypeId::Bytes | TypeId::ByteArray, _) => false,
        (TypeId::List | TypeId::Tuple | TypeId::Range, _) => true,
        (_, flags) => flags & SEQUENCE_FLAG != 0,
    }
}

/// Whether a mapping pattern may look into `subject`.
pub fn is_mapping(ts: &ThreadState, subject: &Value) -> bool {
    match collection_flags(ts, subject) {
        (TypeId::Dict, _) => true,
        (_, flags) => flags & MAPPING_FLAG != 0,
    }
}

/// The tuple of `subject.get(key)` for each of `keys`, or `None` if one is missing.
#[inline(never)]
pub fn match_keys(ts: &mut ThreadState, subject: &Value, keys: &Value) -> PyResult {
    let keys = tuple_items(keys);
    if keys.is_empty() {
        return Ok(Value::new_tuple(Vec::new()));
    }
    let get = get_attr(ts, subject, &Value::new_str("get"))?;
    // A fresh object no mapping can hold: the default that says "missing".
    let missing = Value::new_list(Vec::new());
    let mut values = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        for earlier in &keys[..i] {
            if crate::protocol::ops::eq(ts, earlier, key)? {
                let repr = crate::text::repr::repr(ts, key)?;
                let message = format!("mapping pattern checks duplicate key ({repr})");
                return Err(ts.new_exc(ExcKind::ValueError, message));
            }
        }
        let value = call_value(ts, &get, &[key.clone(), missing.clone()], &[])?;
        if value.is(&missing) {
            return Ok(Value::None);
        }
        values.push(value);
    }
    Ok(Value::new_tuple(values))
}

/// `dict(subject)` without `keys`: what `**rest` captures.
pub fn dict_without_keys(ts: &mut ThreadState, subject: &Value, keys: &Value) -> PyResult {
    let dict_type = Value::Obj(ts.rt.type_obj(TypeId::Dict).clone());
    let rest = call_value(ts, &dict_type, std::slice::from_ref(subject), &[])?;
    for key in tuple_items(keys) {
        del_item(ts, &rest, &key)?;
    }
    Ok(rest)
}

fn tuple_items(v: &Value) -> Vec<Value> {
    match v.obj().map(|o| &**o) {
        Some(Obj::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    }
}

/// Built-in types whose class pattern's one positional sub-pattern matches the subject
/// itself (CPython's `_Py_TPFLAGS_MATCH_SELF`, inherited by subclasses).
fn matches_self(t: &TypeObj) -> bool {
    matches!(
        t.builtin,
        TypeId::Bool
            | TypeId::ByteArray
            | TypeId::Bytes
            | TypeId::Dict
            | TypeId::Float
            | TypeId::FrozenSet
            | TypeId::Int
            | TypeId::List
            | TypeId::Set
            | TypeId::Str
            | TypeId::Tuple
    )
}

/// `case cls(p1, .., pn, name=q, ..)`: the tuple of values the sub-patterns match
/// against, or `None` when `subject` is no instance of `cls` or lacks an attribute.
#[inline(never)]
pub fn match_class(
    ts: &mut ThreadState,
    subject: &Value,
    cls: &Value,
    names: &Value,
    nargs: usize,
) -> PyResult {
    let Some(cls_ref) = cls.obj().filter(|o| matches!(&***o, Obj::Type(_))).cloned() else {
        return Err(ts.type_error("called match pattern must be a type"));
    };
    if !crate::protocol::isinstance::is_instance(ts, subject, cls)? {
        return Ok(Value::None);
    }
    let mut matcher = ClassMatch {
        cls: cls_ref,
        seen: Vec::new(),
        values: Vec::new(),
    };
    if nargs > 0 && !matcher.positional(ts, subject, nargs)? {
        return Ok(Value::None);
    }
    for name in tuple_items(names) {
        if !matcher.attribute(ts, subject, name)? {
            return Ok(Value::None);
        }
    }
    Ok(Value::new_tuple(matcher.values))
}

struct ClassMatch {
    cls: ObjRef,
    /// Attribute names already matched (each may be matched once).
    seen: Vec<Value>,
    values: Vec<Value>,
}

impl ClassMatch {
    /// The positional sub-patterns' values, by `__match_args__`; false if one is missing.
    fn positional(
        &mut self,
        ts: &mut ThreadState,
        subject: &Value,
        nargs: usize,
    ) -> PyResult<bool> {
        let cls = Value::Obj(self.cls.clone());
        let name = class_name(&self.cls);
        let match_args = match get_attr(ts, &cls, &Value::new_str("__match_args__")) {
            Ok(args) => Some(args),
            Err(e) if ts.exc_matches(&e, ExcKind::AttributeError) => None,
            Err(e) => return Err(e),
        };
        let (match_args, match_self) = match match_args {
            Some(args) => {
                if !matches!(args.obj().map(|o| &**o), Some(Obj::Tuple(_))) {
                    let got = type_name(ts, &args);
                    let message = format!("{name}.__match_args__ must be a tuple (got {got})");
                    return Err(ts.type_error(message));
                }
                (tuple_items(&args), false)
            }
            None => {
                let Obj::Type(t) = &*self.cls else {
                    return Ok(false);
                };
                (Vec::new(), matches_self(t))
            }
        };
        let allowed = if match_self { 1 } else { match_args.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            let message = format!(
                "{name}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
            );
            return Err(ts.type_error(message));
        }
        if match_self {
            self.values.push(subject.clone());
            return Ok(true);
        }
        for attr in match_args.into_iter().take(nargs) {
            if attr.as_str().is_none() {
                let got = type_name(ts, &attr);
                let message = format!("__match_args__ elements must be strings (got {got})");
                return Err(ts.type_error(message));
            }
            if !self.attribute(ts, subject, attr)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `subject.<name>` for a sub-pattern; false when it has no such attribute.
    fn attribute(&mut self, ts: &mut ThreadState, subject: &Value, name: Value) -> PyResult<bool> {
        for earlier in &self.seen {
            if crate::protocol::ops::eq(ts, earlier, &name)? {
                let repr = crate::text::repr::repr(ts, &name)?;
                let cls = class_name(&self.cls);
                let message = format!("{cls}() got multiple sub-patterns for attribute {repr}");
                return Err(ts.type_error(message));
            }
        }
        self.seen.push(name.clone());
        match get_attr(ts, subject, &name) {
            Ok(value) => {
                self.values.push(value);
                Ok(true)
            }
            Err(e) if ts.exc_matches(&e, ExcKind::AttributeError) => Ok(false),
            Err(e) => Err(e),
        }
    }
}
