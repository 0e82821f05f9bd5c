//! The class of any value and the type names error messages show: [`class_of`],
//! [`type_name`], [`class_name`].

use crate::interp::thread_state::ThreadState;
use crate::object::typeobj::TypeId;
use crate::object::value::{Obj, ObjRef, Value};

/// The class of any value.
pub fn class_of(ts: &ThreadState, v: &Value) -> ObjRef {
    let id = match v {
        Value::Null | Value::None => TypeId::NoneType,
        Value::Bool(_) => TypeId::Bool,
        Value::Int(_) => TypeId::Int,
        Value::Float(_) => TypeId::Float,
        Value::Obj(o) => match &**o {
            Obj::Instance(inst) => return inst.class.clone(),
            Obj::Str(_) => TypeId::Str,
            Obj::Bytes(_) => TypeId::Bytes,
            Obj::ByteArray(_) => TypeId::ByteArray,
            Obj::BigInt(_) => TypeId::Int,
            Obj::List(_) => TypeId::List,
            Obj::Tuple(_) => TypeId::Tuple,
            Obj::Dict(_) => TypeId::Dict,
            Obj::Set { frozen: false, .. } => TypeId::Set,
            Obj::Set { frozen: true, .. } => TypeId::FrozenSet,
            Obj::Range { .. } => TypeId::Range,
            Obj::Slice { .. } => TypeId::Slice,
            Obj::Function(_) => TypeId::Function,
            Obj::Native(n) if n.this.is_null() => TypeId::BuiltinFunction,
            Obj::Native(_) => TypeId::BuiltinFunction,
            Obj::BoundMethod { .. } => TypeId::Method,
            Obj::Type(t) => match &t.metaclass {
                Some(meta) => return meta.clone(),
                None => TypeId::Type,
            },
            Obj::Cell(_) => TypeId::Cell,
            Obj::Code(_) => TypeId::Code,
            Obj::Module { .. } => TypeId::Module,
            Obj::Iter(state) => state.borrow().type_id(),
            Obj::Generator(_) => TypeId::Generator,
            Obj::Super { .. } => TypeId::Super,
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
            Obj::Socket(_) => TypeId::Object,
            // An internal handle, only reachable as `lock._handle`: it has no type of its own.
            Obj::Lock(_) => TypeId::Object,
            Obj::Handle(_) => TypeId::Object,
        },
    };
    ts.rt.type_obj(id).clone()
}

/// The class name of a value, for messages.
/// The name of the type of `v`, as error messages show it.
pub fn type_name(ts: &ThreadState, v: &Value) -> String {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Instance(inst) => class_name(&inst.class),
            Obj::Iter(state) => state.borrow().type_name().to_string(),
            _ => class_name(&class_of(ts, v)),
        },
        _ => class_name(&class_of(ts, v)),
    }
}

/// The `__name__` of a class.
pub fn class_name(cls: &ObjRef) -> String {
    match &**cls {
        Obj::Type(t) => t.name.clone(),
        _ => "?".into(),
    }
}
