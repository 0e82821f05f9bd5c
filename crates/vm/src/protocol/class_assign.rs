//! `obj.__class__ = C` and `C.__bases__ = (...)`: CPython's checks that the instances keep a
//! layout their new class describes (`compatible_for_assignment` in `typeobject.c`, in
//! gilvm's terms: the built-in value an instance wraps, its exception state, its `__slots__`,
//! `__dict__` and `__weakref__`), and the MRO of the class and its subclasses recomputed.

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::{class_name, type_name};
use crate::object::error::PyResult;
use crate::object::typeobj::{compute_mro, is_subclass, Instance, TypeId, TypeObj};
use crate::object::value::{Obj, ObjRef, Value};
use crate::protocol::class::is_user_class;

/// The built-in exception classes whose instances CPython lays out in a struct of their own
/// (the others share their base's).
const EXCEPTION_LAYOUTS: &[&str] = &[
    "BaseException",
    "SystemExit",
    "ImportError",
    "OSError",
    "NameError",
    "AttributeError",
    "SyntaxError",
    "StopIteration",
    "UnicodeError",
    "BaseExceptionGroup",
];

fn type_of(cls: &Obj) -> Option<&TypeObj> {
    match cls {
        Obj::Type(t) => Some(t),
        _ => None,
    }
}

/// Whether instances of `t` have a `__dict__` / `__weakref__` in CPython's layout.
pub fn dict_and_weakref(t: &TypeObj) -> (bool, bool) {
    if is_user_class(t) {
        return (t.slots.has_dict, t.slots.has_weakref);
    }
    match t.builtin {
        TypeId::Type | TypeId::Function | TypeId::Module => (true, true),
        TypeId::Set | TypeId::FrozenSet | TypeId::Method | TypeId::Code => (false, true),
        _ => (t.is_exception, false),
    }
}

/// The slot names `t`'s own `__slots__` adds (sorted, as CPython keeps them), or `None`
/// without `__slots__`.
fn own_slots(t: &TypeObj) -> Option<Vec<String>> {
    let slots = t.dict().get_str("__slots__").cloned()?;
    let items = match slots.obj().map(|o| &**o) {
        Some(Obj::Tuple(items)) => items.to_vec(),
        Some(Obj::List(items)) => items.borrow().clone(),
        _ => vec![slots.clone()],
    };
    let mut names: Vec<String> = items
        .iter()
        .filter_map(|n| n.as_str().map(|s| s.as_str().to_string()))
        .filter(|n| n != "__dict__" && n != "__weakref__")
        .collect();
    names.sort();
    Some(names)
}

/// CPython's `tp_base`: the base whose layout the others' derive from (`best_base`), or
/// `None` for `object`.
fn layout_base(t: &TypeObj) -> Option<ObjRef> {
    layout_base_of(&t.bases())
}

/// [`layout_base`] of a class with `bases`.
fn layout_base_of(bases: &[ObjRef]) -> Option<ObjRef> {
    let solid: Vec<ObjRef> = bases.iter().map(solid_base).collect();
    let best = (0..bases.len()).find(|&i| solid.iter().all(|s| is_subclass(&solid[i], s)));
    bases.get(best.unwrap_or(0)).cloned()
}

/// Whether `t`'s instances are laid out as its base's, with nothing added.
fn same_as_base(t: &TypeObj, base: &TypeObj) -> bool {
    if !is_user_class(t) {
        return t.is_exception && !EXCEPTION_LAYOUTS.contains(&t.name.as_str());
    }
    let (dict, weakref) = dict_and_weakref(t);
    let (base_dict, base_weakref) = dict_and_weakref(base);
    own_slots(t).is_none_or(|s| s.is_empty()) && dict == base_dict && weakref == base_weakref
}

/// CPython's `solid_base`: the nearest class (`cls` or a base) that adds to the layout.
fn solid_base(cls: &ObjRef) -> ObjRef {
    let mut cls = cls.clone();
    loop {
        let Some(t) = type_of(&cls) else {
            return cls;
        };
        let Some(base) = layout_base(t) else {
            return cls;
        };
        match type_of(&base) {
            Some(b) if same_as_base(t, b) => cls = base,
            _ => return cls,
        }
    }
}

/// Whether instances of a variable-sized built-in type (int, tuple, bytes) are laid out so
/// that no two of its subclasses adding the same agree (CPython's `same_slots_added`).
fn var_sized(t: &TypeObj) -> bool {
    matches!(
        t.builtin,
        TypeId::Int | TypeId::Bool | TypeId::Tuple | TypeId::Bytes
    )
}

/// Whether the two layout roots add the same to the same base (`same_slots_added`).
fn same_additions(a: &TypeObj, b: &TypeObj) -> bool {
    let (Some(base_a), Some(base_b)) = (layout_base(a), layout_base(b)) else {
        return false;
    };
    is_user_class(a)
        && is_user_class(b)
        && ObjRef::ptr_eq(&base_a, &base_b)
        && !var_sized(a)
        && dict_and_weakref(a) == dict_and_weakref(b)
        && own_slots(a).unwrap_or_default() == own_slots(b).unwrap_or_default()
}

/// Whether instances are freed the same way (CPython's `tp_free`: with or without the
/// collector): every class defined in Python is collected, of the built-in types only some.
fn collected(t: &TypeObj) -> bool {
    is_user_class(t)
        || t.is_exception
        || !matches!(
            t.builtin,
            TypeId::Object
                | TypeId::Int
                | TypeId::Bool
                | TypeId::Float
                | TypeId::Complex
                | TypeId::Str
                | TypeId::Bytes
                | TypeId::ByteArray
        )
}

/// CPython's `compatible_for_assignment`: instances of `old` can become instances of `new`.
fn check_compatible(ts: &ThreadState, old: &ObjRef, new: &ObjRef, attr: &str) -> PyResult<()> {
    let (Some(old_t), Some(new_t)) = (type_of(old), type_of(new)) else {
        return Err(ts.type_error("not a type"));
    };
    let (new_name, old_name) = (&new_t.name, &old_t.name);
    if collected(old_t) != collected(new_t) {
        return Err(ts.type_error(format!(
            "{attr} assignment: '{new_name}' deallocator differs from '{old_name}'"
        )));
    }
    let (new_solid, old_solid) = (solid_base(new), solid_base(old));
    let same = ObjRef::ptr_eq(&new_solid, &old_solid)
        || matches!((type_of(&new_solid), type_of(&old_solid)), (Some(a), Some(b)) if same_additions(a, b));
    if same {
        return Ok(());
    }
    Err(ts.type_error(format!(
        "{attr} assignment: '{new_name}' object layout differs from '{old_name}'"
    )))
}

/// `inst.__class__ = value`.
pub fn set_class(ts: &ThreadState, inst: &Instance, value: &Value) -> PyResult<()> {
    let new = match value.obj() {
        Some(o) if matches!(&**o, Obj::Type(_)) => o.clone(),
        _ => {
            return Err(ts.type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                type_name(ts, value)
            )))
        }
    };
    let old = inst.class_ref();
    let mutable = |c: &ObjRef| type_of(c).is_some_and(is_user_class);
    if !mutable(&old) || !mutable(&new) {
        return Err(immutable_class(ts));
    }
    check_compatible(ts, &old, &new, "__class__")?;
    inst.set_class(new);
    Ok(())
}

/// `x.__class__ = value` for a value that is no instance of a class defined in Python.
pub fn set_builtin_class(ts: &ThreadState, value: &Value) -> PyResult<()> {
    match value.obj().map(|o| &**o) {
        Some(Obj::Type(_)) => Err(immutable_class(ts)),
        _ => Err(ts.type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            type_name(ts, value)
        ))),
    }
}

fn immutable_class(ts: &ThreadState) -> ObjRef {
    ts.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses")
}

/// `cls.__bases__ = value` for a class defined in Python (`t`): checked as CPython's
/// `type_set_bases`, then the MRO of the class and of every subclass recomputed (all or
/// nothing: an inconsistent MRO anywhere leaves every class as it was).
pub fn set_bases(ts: &ThreadState, cls: &ObjRef, t: &TypeObj, value: &Value) -> PyResult<()> {
    let name = &t.name;
    let Some(Obj::Tuple(items)) = value.obj().map(|o| &**o) else {
        return Err(ts.type_error(format!(
            "can only assign tuple to {name}.__bases__, not {}",
            type_name(ts, value)
        )));
    };
    if items.is_empty() {
        return Err(ts.type_error(format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    let mut bases = Vec::with_capacity(items.len());
    for item in items.iter() {
        match item.obj() {
            Some(b) if matches!(&**b, Obj::Type(_)) => {
                if is_subclass(b, cls) {
                    return Err(ts.type_error("a __bases__ item causes an inheritance cycle"));
                }
                bases.push(b.clone());
            }
            _ => {
                return Err(ts.type_error(format!(
                    "{name}.__bases__ must be tuple of classes, not '{}'",
                    type_name(ts, item)
                )))
            }
        }
    }
    let (Some(old_base), Some(new_base)) = (layout_base(t), layout_base_of(&bases)) else {
        return Err(ts.type_error("bases must be types"));
    };
    check_compatible(ts, &old_base, &new_base, "__bases__")?;
    let old_bases = t.bases().to_vec();
    let old_mro = t.mro().to_vec();
    let mro = compute_mro(&bases).map_err(|stuck| mro_conflict(ts, &stuck))?;
    t.replace_bases(cls, bases, mro);
    if let Err(stuck) = recompute_subclass_mros(t) {
        t.replace_bases(cls, old_bases, old_mro);
        recompute_subclass_mros(t).ok();
        return Err(mro_conflict(ts, &stuck));
    }
    Ok(())
}

fn mro_conflict(ts: &ThreadState, stuck: &[ObjRef]) -> ObjRef {
    let names: Vec<String> = stuck.iter().map(|c| class_name(c)).collect();
    ts.type_error(format!(
        "Cannot create a consistent method resolution\norder (MRO) for bases {}",
        names.join(", ")
    ))
}

/// Recomputes the MRO of every class below `t` (whose own MRO changed), parents first.
fn recompute_subclass_mros(t: &TypeObj) -> Result<(), Vec<ObjRef>> {
    for sub in t.subclasses() {
        let Some(st) = type_of(&sub) else { continue };
        st.replace_mro(compute_mro(&st.bases())?);
        recompute_subclass_mros(st)?;
    }
    Ok(())
}
