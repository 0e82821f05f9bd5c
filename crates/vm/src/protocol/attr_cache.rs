//! Inline caches of the attribute instructions (`LoadAttr`, `LoadMethod`, `StoreAttr`) on
//! instances of user classes, CPython 3.11's specialisation (PEP 659) in small: the first
//! execution on an instance of a class looks at the class and records in the code object's
//! [`AttrSite`] for that name which fast path is safe for it (a site keeps a few classes, for
//! code that sees several subclasses); later executions on an instance of a class it knows,
//! in the same state (its version tag, CPython's `tp_version_tag`), take that path. Anything
//! else — another class, a changed class, a miss in the instance's dict — goes the generic
//! way (`protocol::attr`), which stays the one definition of the semantics: a fast path only
//! answers where the generic path would give the same answer.
//!
//! Which class a site saw is remembered by its version tag, not a reference: a code object's
//! caches are invisible to the cycle collector, so they must not keep objects alive. What the
//! class gave for the name is kept the same way (`object::class_attr`, valid under the tag),
//! so a hit on a method or a class attribute probes no lookup table.

use crate::interp::thread_state::ThreadState;
use crate::object::class_attr::ClassAttr;
use crate::object::error::PyResult;
use crate::object::layout::{AttrHint, HintedAttr};
use crate::object::names::Dunder;
use crate::object::typeobj::{Instance, TypeObj};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::code::{AttrEntry, AttrSite, AttrSiteKind as Kind};
use crate::protocol::{attr, class};

/// The instance and its class, when `obj` is an instance of a user class.
#[inline(always)]
fn instance_of(obj: &Value) -> Option<(&Instance, &TypeObj)> {
    let inst = obj.as_instance()?;
    match inst.class() {
        Obj::Type(t) => Some((inst, t)),
        _ => None,
    }
}

/// The entry `site` keeps for instances of `t` in its present state (its version tag).
#[inline(always)]
fn cached_entry<'a>(site: &'a AttrSite, t: &TypeObj) -> Option<&'a AttrEntry> {
    let version = t.version();
    if version == 0 {
        return None;
    }
    site.iter().find(|e| e.version() == version)
}

/// Records what the site does for instances of `t` as it is now: the newest entry, the
/// oldest dropped when all are in use.
fn specialise(site: &AttrSite, class: ClassAttr, kind: Kind) {
    let (mut class, mut kind, mut hint) = (class, kind, 0);
    for e in site {
        class = e.class.replace(class);
        kind = e.kind.replace(kind);
        hint = e.hint.replace(hint);
        if class.version() == 0 {
            break;
        }
    }
}

/// `name` in the instance's own attributes, as the hint remembered in `entry` tells it first.
#[inline(always)]
fn own_value(entry: &AttrEntry, inst: &Instance, name: &Value) -> Option<Value> {
    if let Value::Obj(key) = name {
        match inst.attr_at_hint(AttrHint::from_bits(entry.hint.get()), key) {
            HintedAttr::Found(v) => return Some(v),
            HintedAttr::Absent => return None,
            HintedAttr::Unknown => {}
        }
    }
    let (hint, v) = inst.attr_with_hint(name);
    if let Some(hint) = hint {
        entry.hint.set(hint.to_bits());
    }
    v
}

/// Whether a class attribute lets the instance's dict decide a read (it is not a data
/// descriptor), and whether it is a plain value read as it is when the dict lacks the name.
fn class_attr_shape(attr: Option<&Value>) -> Option<Kind> {
    let Some(attr) = attr else {
        return Some(Kind::InstanceDict);
    };
    let Value::Obj(o) = attr else {
        return Some(Kind::InstanceDictOrClassValue);
    };
    match &**o {
        // Instances may be descriptors of any kind; properties are data descriptors.
        Obj::Instance(_) | Obj::Property { .. } => None,
        Obj::Str(_)
        | Obj::Bytes(_)
        | Obj::BigInt(_)
        | Obj::Tuple(_)
        | Obj::Complex(_)
        | Obj::List(_)
        | Obj::Dict(_)
        | Obj::Set { .. } => Some(Kind::InstanceDictOrClassValue),
        Obj::Function(_) => Some(Kind::InstanceDictOrMethod),
        // Other things that bind: the generic path makes the bound object.
        _ => Some(Kind::InstanceDict),
    }
}

/// `LoadAttr`: `obj.name`, through the cache `site`.
#[inline]
pub fn load_attr(ts: &mut ThreadState, site: &AttrSite, obj: &Value, name: &Value) -> PyResult {
    let Some((inst, t)) = instance_of(obj) else {
        return attr::get_attr(ts, obj, name);
    };
    let Some(entry) = cached_entry(site, t) else {
        specialise_load(ts, site, t, name);
        return attr::get_attr(ts, obj, name);
    };
    let kind = entry.kind.get();
    match kind {
        Kind::InstanceDict | Kind::InstanceDictOrClassValue | Kind::InstanceDictOrMethod => {
            if let Some(v) = own_value(entry, inst, name) {
                return Ok(v);
            }
            // Exceptions answer some names (`args`) before their class does.
            if kind != Kind::InstanceDict && inst.exc.is_none() {
                if let Some(v) = entry.class.get().get(t) {
                    return Ok(match kind {
                        Kind::InstanceDictOrMethod => bound_method(v, obj),
                        _ => v,
                    });
                }
            }
        }
        _ => {}
    }
    attr::get_attr(ts, obj, name)
}

/// A Python function read as an attribute of an instance: bound to it.
#[inline]
fn bound_method(func: Value, this: &Value) -> Value {
    Value::Obj(ObjRef::new(Obj::BoundMethod {
        func,
        this: this.clone(),
    }))
}

#[cold]
fn specialise_load(ts: &ThreadState, site: &AttrSite, t: &TypeObj, name: &Value) {
    let (class, found) = ClassAttr::find(t, name);
    let kind = match attr::getattribute_hook(ts, t) {
        Some(_) => None,
        None => class_attr_shape(found.as_ref()),
    };
    specialise(site, class, kind.unwrap_or(Kind::Generic));
}

/// `LoadMethod`: `(function, self)` for a Python function found on the class, else
/// `(attribute, Null)`.
#[inline]
pub fn load_method(
    ts: &mut ThreadState,
    site: &AttrSite,
    obj: Value,
    name: &Value,
) -> PyResult<(Value, Value)> {
    let Some((inst, t)) = instance_of(&obj) else {
        return load_value_method(ts, site, obj, name);
    };
    match cached_entry(site, t) {
        Some(entry) if entry.kind.get() == Kind::Method => {
            // `hint`: how many of the class's shared names are known not to be this one.
            let hint = entry.hint.get();
            let mut checked = hint;
            let shadowed = inst.has_attr_past(name, &mut checked);
            if checked != hint {
                entry.hint.set(checked);
            }
            if !shadowed {
                if let Some(func) = entry.class.get().get(t) {
                    return Ok((func, obj));
                }
            }
        }
        Some(_) => {}
        None => specialise_method(ts, site, t, name),
    }
    attr::load_method(ts, obj, name)
}

/// `LoadMethod` on a value that is not an instance of a user class: a built-in data type's
/// method comes from the site (by the type's version tag), the receiver riding along.
#[inline]
fn load_value_method(
    ts: &mut ThreadState,
    site: &AttrSite,
    obj: Value,
    name: &Value,
) -> PyResult<(Value, Value)> {
    if let Some(t) = attr::value_type(ts, &obj) {
        match cached_entry(site, t) {
            Some(entry) if entry.kind.get() == Kind::BuiltinMethod => {
                if let Some(method) = entry.class.get().get(t) {
                    return Ok((method, obj));
                }
            }
            Some(_) => {}
            None => specialise_value_method(site, t, name),
        }
    }
    attr::load_method(ts, obj, name)
}

#[cold]
fn specialise_value_method(site: &AttrSite, t: &TypeObj, name: &Value) {
    let (class, found) = ClassAttr::find(t, name);
    let kind = if found.as_ref().is_some_and(attr::is_builtin_method) {
        Kind::BuiltinMethod
    } else {
        Kind::Generic
    };
    specialise(site, class, kind);
}

#[cold]
fn specialise_method(ts: &ThreadState, site: &AttrSite, t: &TypeObj, name: &Value) {
    let (class, found) = ClassAttr::find(t, name);
    let is_function = attr::getattribute_hook(ts, t).is_none()
        && found.as_ref().is_some_and(attr::binds_to_receiver);
    let kind = if is_function {
        Kind::Method
    } else {
        Kind::Generic
    };
    specialise(site, class, kind);
}

/// `StoreAttr`: `obj.name = v`.
#[inline]
pub fn store_attr(
    ts: &mut ThreadState,
    site: &AttrSite,
    obj: &Value,
    name: &Value,
    v: Value,
) -> PyResult<()> {
    let Some((inst, t)) = instance_of(obj) else {
        return attr::set_attr(ts, obj, name, v);
    };
    match cached_entry(site, t) {
        Some(entry) if entry.kind.get() == Kind::StoreInstanceDict && inst.exc.is_none() => {
            store_in_dict(entry, inst, name, v);
            return Ok(());
        }
        Some(_) => {}
        None => specialise_store(ts, site, t, name),
    }
    attr::set_attr(ts, obj, name, v)
}

fn store_in_dict(entry: &AttrEntry, inst: &Instance, name: &Value, v: Value) {
    let v = match name {
        Value::Obj(key) => {
            match inst.set_attr_at_hint(AttrHint::from_bits(entry.hint.get()), key, v) {
                Ok(old) => {
                    drop(old);
                    return;
                }
                Err(v) => v,
            }
        }
        _ => v,
    };
    let (hint, old) = inst.set_attr_with_index(name.clone(), v);
    drop(old);
    if let Some(hint) = hint {
        entry.hint.set(hint.to_bits());
    }
}

/// `__dict__` and `__class__`: stored by the generic path, never as attributes.
fn is_special_attr(name: &Value) -> bool {
    name.as_str()
        .is_some_and(|s| matches!(s.as_str(), "__dict__" | "__class__"))
}

#[cold]
fn specialise_store(ts: &ThreadState, site: &AttrSite, t: &TypeObj, name: &Value) {
    // `object.__setattr__` in the MRO is no hook (as for `class::lookup_special`).
    let setattr_hook = t
        .lookup(ts.rt.names.get(Dunder::SetAttr))
        .filter(|m| !class::is_builtin_method_named(m, Dunder::SetAttr));
    let plain = t.slots.has_dict
        && !is_special_attr(name)
        && setattr_hook.is_none()
        && !matches!(
            t.lookup(name).as_ref().and_then(Value::obj).map(|o| &**o),
            Some(Obj::Instance(_) | Obj::Property { .. })
        );
    let kind = if plain {
        Kind::StoreInstanceDict
    } else {
        Kind::Generic
    };
    specialise(site, ClassAttr::unlooked_for(t), kind);
}
