//! `getset_descriptor` and `member_descriptor`: the attribute descriptors of built-in
//! layouts (`BaseException.args`, `type.__dict__['__dict__']`, a `__slots__` entry). They are
//! properties underneath (`Obj::Property` carrying a [`NativeDescriptor`]), so attribute
//! access treats them as data descriptors; this gives them their names, owners and reprs,
//! and the check that an instance has the owner's layout before an accessor touches it.

use std::cell::RefCell;

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::class_of::{class_of, type_name};
use crate::object::error::PyResult;
use crate::object::typeobj::{is_subclass, TypeId};
use crate::object::value::{NativeDescriptor, Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::objects::function::{native_value, Args, NativeFn};

/// The accessors of a descriptor: `__get__`, `__set__`, `__delete__` (each called with the
/// instance, and the new value for `__set__`), bound to the `(name, owner)` pair.
pub type Accessors = [NativeFn; 3];

/// A new descriptor `name` of the instances of `owner`.
pub fn new(member: bool, name: &Value, owner: Value, accessors: Accessors) -> Value {
    let receiver = Value::new_tuple(vec![name.clone(), owner.clone()]);
    let [get, set, delete] = accessors.map(|f| native_value("__get__", f, receiver.clone()));
    Value::Obj(ObjRef::new(Obj::Property {
        getter: get,
        setter: set,
        deleter: delete,
        doc: RefCell::new(Value::None),
        native: Some(Box::new(NativeDescriptor {
            member,
            name: name.clone(),
            owner,
        })),
    }))
}

/// The `(name, owner)` an accessor is bound to (see [`new`]).
pub fn name_and_owner(receiver: &Value) -> (Value, Value) {
    match receiver.obj().map(|o| &**o) {
        Some(Obj::Tuple(items)) if items.len() == 2 => (items[0].clone(), items[1].clone()),
        _ => (Value::None, Value::None),
    }
}

/// The instance an accessor was called for, once it is known to have the owner's layout:
/// `TypeError: descriptor 's7' for 'Wide' objects doesn't apply to a 'Narrow' object`.
pub fn checked_instance<'a>(
    ts: &ThreadState,
    receiver: &Value,
    args: &'a Args,
    arity: usize,
) -> PyResult<&'a [Value]> {
    let a = positional(ts, "__get__", args, arity, arity)?;
    let (name, owner) = name_and_owner(receiver);
    let applies = match owner.obj() {
        Some(owner) => is_subclass(&class_of(ts, &a[0]), owner),
        None => true,
    };
    if applies {
        return Ok(a);
    }
    Err(ts.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        str_of(&name),
        owner_name(&owner),
        type_name(ts, &a[0])
    )))
}

fn str_of(v: &Value) -> &str {
    v.as_str().map_or("", |s| s.as_str())
}

fn owner_name(owner: &Value) -> String {
    match owner.obj().map(|o| &**o) {
        Some(Obj::Type(t)) => t.name.clone(),
        _ => "?".to_string(),
    }
}

/// `<attribute 'args' of 'BaseException' objects>`, `<member 'a' of 'C' objects>`.
pub fn repr(d: &NativeDescriptor) -> String {
    let kind = if d.member { "member" } else { "attribute" };
    format!(
        "<{kind} '{}' of '{}' objects>",
        str_of(&d.name),
        owner_name(&d.owner)
    )
}

/// `__name__`, `__qualname__` (`BaseException.args`) and `__objclass__`.
pub fn data_attr(d: &NativeDescriptor, name: &str) -> Option<Value> {
    match name {
        "__name__" => Some(d.name.clone()),
        "__objclass__" => Some(d.owner.clone()),
        "__qualname__" => Some(Value::new_str(format!(
            "{}.{}",
            match d.owner.obj().map(|o| &**o) {
                Some(Obj::Type(t)) => t.qualname(),
                _ => String::new(),
            },
            str_of(&d.name)
        ))),
        "__doc__" => Some(Value::None),
        _ => None,
    }
}

/// The descriptors built-in type `id` (the type object `owner`) has in its dict.
pub fn install(id: TypeId, owner: &ObjRef, dict: &mut Dict) {
    let owner_value = Value::Obj(owner.clone());
    let add = |dict: &mut Dict, member: bool, name: &str, accessors: Accessors| {
        let d = new(
            member,
            &Value::new_str(name),
            owner_value.clone(),
            accessors,
        );
        dict.set_str(name, d);
    };
    match id {
        TypeId::Type => add(
            dict,
            false,
            "__dict__",
            [type_dict_get, read_only, read_only],
        ),
        TypeId::GetSetDescriptor | TypeId::MemberDescriptor => {
            add(
                dict,
                true,
                "__objclass__",
                [objclass_get, read_only, read_only],
            );
        }
        _ => {}
    }
}

/// `type.__dict__['__dict__']`: a class's namespace (a copy, as a mapping proxy stands
/// for it).
fn type_dict_get(ts: &mut ThreadState, receiver: &Value, args: &Args) -> PyResult {
    let a = checked_instance(ts, receiver, args, 1)?;
    match a[0].obj().map(|o| &**o) {
        Some(Obj::Type(t)) => Ok(Value::new_dict(t.dict().clone())),
        _ => Ok(Value::None),
    }
}

/// `getset_descriptor.__objclass__`: the class a descriptor belongs to.
fn objclass_get(ts: &mut ThreadState, receiver: &Value, args: &Args) -> PyResult {
    let a = checked_instance(ts, receiver, args, 1)?;
    match a[0].obj().map(|o| &**o) {
        Some(Obj::Property {
            native: Some(d), ..
        }) => Ok(d.owner.clone()),
        _ => Ok(Value::None),
    }
}

/// The setter and deleter of a read-only descriptor:
/// `AttributeError: attribute '__dict__' of 'type' objects is not writable`.
pub fn read_only(ts: &mut ThreadState, receiver: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__set__", args, 1, 2)?;
    let (name, owner) = name_and_owner(receiver);
    let what = if a.len() == 2 {
        "writable"
    } else {
        "deletable"
    };
    Err(ts.new_exc(
        crate::object::error::ExcKind::AttributeError,
        format!(
            "attribute '{}' of '{}' objects is not {what}",
            str_of(&name),
            owner_name(&owner)
        ),
    ))
}
