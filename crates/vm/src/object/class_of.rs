//! The class of any value and the type names error messages show: [`class_of`],
//! [`type_name`], [`class_name`].

use crate::interp::thread_state::ThreadState;
use crate::object::typeobj::TypeId;
use crate::object::value::{Obj, ObjRef, Value};

/// The class of any value.
pub fn class_of(ts: &ThreadState, v: &Value) -> ObjRef {
    match builtin_type_id(v) {
        Some(id) => ts.rt.type_obj(id).clone(),
        None => match v.obj().map(|o| &**o) {
            Some(Obj::Instance(inst)) => inst.class_ref(),
            Some(Obj::Type(t)) => t
                .metaclass
                .clone()
                .unwrap_or_else(|| ts.rt.type_obj(TypeId::Type).clone()),
            _ => ts.rt.type_obj(TypeId::Object).clone(),
        },
    }
}

/// The built-in type of a value, the one value → `TypeId` mapping; `None` for an instance of a
/// user class and a class with a metaclass (their class is an object, not a `TypeId`).
pub fn builtin_type_id(v: &Value) -> Option<TypeId> {
    Some(match v {
        Value::Null | Value::None => TypeId::NoneType,
        Value::Bool(_) => TypeId::Bool,
        Value::Int(_) => TypeId::Int,
        Value::Float(_) => TypeId::Float,
        Value::Obj(o) => match &**o {
            Obj::Instance(_) => return None,
            Obj::Str(_) => TypeId::Str,
            Obj::Bytes(_) => TypeId::Bytes,
            Obj::ByteArray(_) => TypeId::ByteArray,
            Obj::MemoryView(_) => TypeId::MemoryView,
            Obj::BigInt(_) => TypeId::Int,
            Obj::List(_) => TypeId::List,
            Obj::Tuple(_) => TypeId::Tuple,
            Obj::Dict(_) => TypeId::Dict,
            Obj::Set { frozen: false, .. } => TypeId::Set,
            Obj::Set { frozen: true, .. } => TypeId::FrozenSet,
            Obj::Range { .. } => TypeId::Range,
            Obj::Slice { .. } => TypeId::Slice,
            Obj::Function(_) => TypeId::Function,
            Obj::Native(_) => TypeId::BuiltinFunction,
            Obj::BoundMethod { .. } => TypeId::Method,
            Obj::Type(t) if t.metaclass.is_some() => return None,
            Obj::Type(_) => TypeId::Type,
            Obj::Cell(_) => TypeId::Cell,
            Obj::Code(_) => TypeId::Code,
            Obj::Module { .. } => TypeId::Module,
            Obj::Iter(state) => state.borrow().type_id(),
            Obj::Generator(g) => g.kind.type_id(),
            Obj::Super { .. } => TypeId::Super,
            Obj::Property {
                native: Some(d), ..
            } if d.member => TypeId::MemberDescriptor,
            Obj::Property {
                native: Some(_), ..
            } => TypeId::GetSetDescriptor,
            Obj::Property { .. } => TypeId::Property,
            Obj::ClassMethod(_) => TypeId::ClassMethod,
            Obj::StaticMethod(_) => TypeId::StaticMethod,
            Obj::DictView { kind, .. } => match kind {
                crate::object::value::DictViewKind::Keys => TypeId::DictKeys,
                crate::object::value::DictViewKind::Values => TypeId::DictValues,
                crate::object::value::DictViewKind::Items => TypeId::DictItems,
            },
            Obj::NotImplemented => TypeId::NotImplementedType,
            Obj::Ellipsis => TypeId::Ellipsis,
            Obj::Complex(_) => TypeId::Complex,
            Obj::Lock(_) => TypeId::ThreadLock,
            // Internal handles (a socket's, an embedder's): no type of their own.
            Obj::Socket(_) | Obj::Handle(_) => TypeId::Object,
        },
    })
}

/// The name of the type of `v`, as error messages show it.
pub fn type_name(ts: &ThreadState, v: &Value) -> String {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Instance(inst) => class_name(inst.class()),
            Obj::Iter(state) => state.borrow().type_name().to_string(),
            _ => class_name(&class_of(ts, v)),
        },
        _ => class_name(&class_of(ts, v)),
    }
}

/// The `__name__` of a class.
pub fn class_name(cls: &Obj) -> String {
    match cls {
        Obj::Type(t) => t.name.clone(),
        _ => "?".into(),
    }
}
