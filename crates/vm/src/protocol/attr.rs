//! Attribute access: instances (dict, then class with method binding and properties),
//! classes, modules, `super()` objects, and methods of built-in types.

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::{class_of, type_name};
use crate::object::error::{exc_data, ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::typeobj::{TypeId, TypeObj};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::native_value;
use crate::objects::function::NativeFunction;
use crate::objects::method_tables;
use crate::objects::slot_wrappers;
use crate::protocol::call::call_value;
use crate::protocol::class;

fn no_attribute(ts: &ThreadState, obj: &Value, name: &str) -> ObjRef {
    let msg = match obj.obj().map(|o| &**o) {
        // CPython names the module by its `__name__` when that is a str.
        Some(Obj::Module { dict, .. }) => {
            let module_name = crate::objects::dict::dict_get(dict, &Value::new_str("__name__"));
            match module_name.as_ref().and_then(|m| m.as_str()) {
                Some(m) => format!("module '{}' has no attribute '{name}'", m.as_str()),
                None => format!("module has no attribute '{name}'"),
            }
        }
        Some(Obj::Type(t)) => format!("type object '{}' has no attribute '{name}'", t.name),
        _ => format!("'{}' object has no attribute '{name}'", type_name(ts, obj)),
    };
    ts.new_exc(ExcKind::AttributeError, msg)
}

/// Binds a class attribute found for `instance` (functions become bound methods). A plain
/// built-in function (`time.gmtime` stored in a class) does not bind, as in CPython; the
/// methods of built-in types (`is_method`) do.
fn bind(attr: Value, instance: &Value, owner: impl FnOnce() -> ObjRef) -> Value {
    match &attr {
        Value::Obj(o) => match &**o {
            Obj::Function(_) => Value::Obj(ObjRef::new(Obj::BoundMethod {
                func: attr.clone(),
                this: instance.clone(),
            })),
            // A method of a class defined by an embedder (`embed::native_method`).
            Obj::Native(n) if crate::embed::is_host_method(n) && !instance.is_null() => {
                Value::Obj(ObjRef::new(Obj::BoundMethod {
                    func: attr.clone(),
                    this: instance.clone(),
                }))
            }
            Obj::Native(n) if n.is_method && n.this.is_null() && !instance.is_null() => {
                // A built-in type's method reaches the value an instance of a subclass wraps.
                // (Pickling's defaults act on the instance itself: its class, its __dict__.)
                let this = match n.of_builtin_type {
                    Some(_) if crate::objects::object::instance_method(n.name).is_none() => {
                        class::builtin_base(instance).unwrap_or_else(|| instance.clone())
                    }
                    _ => instance.clone(),
                };
                Value::Obj(ObjRef::new(Obj::Native(NativeFunction {
                    name: n.name,
                    f: n.f,
                    this,
                    is_method: n.is_method,
                    reads_frame: None,
                    caller_scope: false,
                    of_builtin_type: n.of_builtin_type,
                })))
            }
            Obj::ClassMethod(f) => Value::Obj(ObjRef::new(Obj::BoundMethod {
                func: f.clone(),
                this: Value::Obj(owner()),
            })),
            Obj::StaticMethod(f) => f.clone(),
            _ => attr,
        },
        _ => attr,
    }
}

/// `attr`, found on `instance`'s class, bound as `instance.attr` binds it: through `__get__`
/// when it is an instance of a descriptor class, else as [`bind`] binds built-in kinds.
pub fn bind_to_instance(ts: &mut ThreadState, attr: &Value, instance: &Value) -> PyResult {
    let owner = class_of(ts, instance);
    if let Some((get, _)) = descriptor_get(ts, attr) {
        let args = [attr.clone(), instance.clone(), Value::Obj(owner)];
        return call_value(ts, &get, &args, &[]);
    }
    Ok(bind(attr.clone(), instance, || owner))
}

fn exception_attr(ts: &ThreadState, exc: &ObjRef, name: &str) -> Option<Value> {
    let data = exc_data(exc)?.borrow();
    Some(match name {
        "args" => Value::new_tuple(data.args.clone()),
        "__cause__" => data.cause.clone(),
        "__context__" => data.context.clone(),
        "__suppress_context__" => Value::Bool(data.suppress_context),
        "value" if ts.exc_matches(exc, ExcKind::StopIteration) => {
            data.args.first().cloned().unwrap_or(Value::None)
        }
        // CPython fills `errno`/`strerror` only from two to five arguments.
        "errno" | "strerror" if ts.exc_matches(exc, ExcKind::OSError) => {
            let index = usize::from(name == "strerror");
            match data.args.len() {
                2..=5 => data.args[index].clone(),
                _ => Value::None,
            }
        }
        "name" | "path" if ts.exc_matches(exc, ExcKind::ImportError) => Value::None,
        // CPython keeps the message when there is exactly one argument.
        "msg" if ts.exc_matches(exc, ExcKind::ImportError) => match data.args.as_slice() {
            [message] => message.clone(),
            _ => Value::None,
        },
        "code" if ts.exc_matches(exc, ExcKind::SystemExit) => {
            data.args.first().cloned().unwrap_or(Value::None)
        }
        _ => return None,
    })
}

fn type_attr(t: &TypeObj, cls: &ObjRef, name: &Value) -> Option<Value> {
    let key = name.as_str()?.as_str();
    match key {
        "__name__" => {
            // An assigned `__name__` (typing renames its `io`/`re` namespaces).
            let assigned = t.dict().get_str("__name__").cloned();
            return Some(assigned.unwrap_or_else(|| Value::new_str(&t.name)));
        }
        "__qualname__" => return Some(Value::new_str(t.qualname())),
        "__dict__" => return Some(Value::new_dict(t.dict().clone())),
        "__base__" => return Some(t.bases().first().cloned().map_or(Value::None, Value::Obj)),
        "__doc__" => return Some(t.dict().get_str("__doc__").cloned().unwrap_or_default()),
        "mro" => {
            return Some(native_value(
                "mro",
                class::type_mro,
                Value::Obj(cls.clone()),
            ))
        }
        "__subclasses__" => {
            return Some(native_value(
                "__subclasses__",
                class::type_subclasses,
                Value::Obj(cls.clone()),
            ))
        }
        "__module__" if !class::is_user_class(t) => return Some(Value::new_str(&t.module)),
        "__new__" if !class::is_user_class(t) && !t.is_exception => {
            return Some(native_value(
                "__new__",
                class::builtin_type_new,
                Value::Obj(cls.clone()),
            ))
        }
        "__bases__" => {
            return Some(Value::new_tuple(
                t.bases().iter().cloned().map(Value::Obj).collect(),
            ))
        }
        "__mro__" => {
            let mut mro = vec![Value::Obj(cls.clone())];
            mro.extend(t.mro().iter().cloned().map(Value::Obj));
            return Some(Value::new_tuple(mro));
        }
        _ => {}
    }
    let Some(attr) = t.lookup(name) else {
        return inherited_new(t, key);
    };
    if let Some(bound) = class::alternate_constructor(cls, t, &attr) {
        return Some(bound);
    }
    if let Some(bound) = bound_class_method(&attr, cls) {
        return Some(bound);
    }
    Some(match &attr {
        Value::Obj(o) => match &**o {
            Obj::ClassMethod(f) => Value::Obj(ObjRef::new(Obj::BoundMethod {
                func: f.clone(),
                this: Value::Obj(cls.clone()),
            })),
            Obj::StaticMethod(f) => f.clone(),
            _ => attr,
        },
        _ => attr,
    })
}

/// `type.__prepare__` and `object.__subclasshook__` reached through a class: bound to it, as
/// CPython's class methods are, so that they need no class argument (`type.__prepare__()`)
/// and are named by it (`type.__subclasshook__.__qualname__`).
fn bound_class_method(attr: &Value, cls: &ObjRef) -> Option<Value> {
    match attr.obj().map(|o| &**o) {
        Some(Obj::Native(n))
            if matches!(n.name, "__prepare__" | "__subclasshook__")
                && n.of_builtin_type.is_some()
                && n.this.is_null() =>
        {
            Some(bind(attr.clone(), &Value::Obj(cls.clone()), || cls.clone()))
        }
        _ => None,
    }
}

/// The `__get__` of a class attribute that is an instance of a descriptor class, and whether
/// it is a data descriptor (its class also defines `__set__` or `__delete__`), which takes
/// precedence over the instance's own attributes.
fn descriptor_get(ts: &ThreadState, attr: &Value) -> Option<(Value, bool)> {
    let inst = attr.as_instance()?;
    let Obj::Type(t) = inst.class() else {
        return None;
    };
    let names = &ts.rt.names;
    let get = t.lookup(names.get(Dunder::Get))?;
    let data =
        t.lookup(names.get(Dunder::Set)).is_some() || t.lookup(names.get(Dunder::Delete)).is_some();
    Some((get, data))
}

pub fn get_attr(ts: &mut ThreadState, obj: &Value, name: &Value) -> PyResult {
    let Some(inst) = obj.as_instance() else {
        return generic_get_attr(ts, obj, name);
    };
    let Obj::Type(t) = inst.class() else {
        return generic_get_attr(ts, obj, name);
    };
    let result = match getattribute_hook(ts, t) {
        Some(hook) => call_value(ts, &hook, &[obj.clone(), name.clone()], &[]),
        None => generic_get_attr(ts, obj, name),
    };
    match result {
        Err(e) if ts.exc_matches(&e, ExcKind::AttributeError) => {
            match t.lookup(ts.rt.names.get(Dunder::GetAttr)) {
                Some(getattr) => call_value(ts, &getattr, &[obj.clone(), name.clone()], &[]),
                None => Err(e),
            }
        }
        other => other,
    }
}

/// A class's own `__getattribute__` (a Python function somewhere in its MRO, defined with
/// the class or assigned later).
pub fn getattribute_hook(ts: &ThreadState, t: &TypeObj) -> Option<Value> {
    let hook = t.lookup(ts.rt.names.get(Dunder::GetAttribute))?;
    matches!(hook.obj().map(|o| &**o), Some(Obj::Function(_))).then_some(hook)
}

/// The attribute of a class's metaclass named `name`, if the class has a metaclass.
fn meta_attr(t: &TypeObj, name: &Value) -> Option<(ObjRef, Value)> {
    let meta = t.metaclass.as_ref()?;
    match &**meta {
        Obj::Type(mt) => mt.lookup(name).map(|v| (meta.clone(), v)),
        _ => None,
    }
}

/// `type.__getattribute__`: the metaclass's data descriptors, the class's MRO (descriptors
/// called with no instance), built-in methods, then the metaclass's other attributes.
fn class_get_attr(
    ts: &mut ThreadState,
    cls: &ObjRef,
    t: &TypeObj,
    name: &Value,
) -> PyResult<Option<Value>> {
    let key = name.as_str().map_or("", |s| s.as_str());
    let from_meta = meta_attr(t, name);
    if let Some((meta, attr)) = &from_meta {
        let this = Value::Obj(cls.clone());
        if let Some(Obj::Property { getter, .. }) = attr.obj().map(|o| &**o) {
            return call_value(ts, getter, &[this], &[]).map(Some);
        }
        if let Some((get, true)) = descriptor_get(ts, attr) {
            let args = [attr.clone(), this, Value::Obj(meta.clone())];
            return call_value(ts, &get, &args, &[]).map(Some);
        }
    }
    if let Some(v) = type_attr(t, cls, name) {
        if let Some((get, _)) = descriptor_get(ts, &v) {
            let args = [v.clone(), Value::None, Value::Obj(cls.clone())];
            return call_value(ts, &get, &args, &[]).map(Some);
        }
        return Ok(Some(bound_class_method(&v, cls).unwrap_or(v)));
    }
    if t.is_exception {
        if let Some(d) = crate::objects::exception::field_descriptor(cls, t, name) {
            return Ok(Some(d));
        }
    }
    // `type`'s own methods (`int.__call__`, `C.__prepare__`), but `__init__`: the class's.
    if let Obj::Type(type_t) = &**ts.rt.type_obj(TypeId::Type) {
        if let Some(m) = type_t.dict().get(name).filter(|_| key != "__init__") {
            return Ok(Some(
                bound_class_method(m, cls).unwrap_or_else(|| m.clone()),
            ));
        }
    }
    Ok(from_meta.map(|(meta, attr)| bind(attr, &Value::Obj(cls.clone()), || meta.clone())))
}

/// An instance's `__dict__`: the dict itself, or, when classes in its MRO define
/// `__slots__` (whose values share the instance's storage), a copy without the slots.
fn instance_dict(inst: &crate::object::typeobj::Instance, t: &TypeObj) -> Value {
    if !t.slots.has_slots {
        return Value::Obj(inst.dict_obj());
    }
    let mut attrs = inst.attrs_copy();
    let mro = t.mro();
    for cls in std::iter::once(inst.class()).chain(mro.iter().map(|c| &**c)) {
        let Obj::Type(ct) = cls else { continue };
        let Some(slots) = ct.dict().get_str("__slots__").cloned() else {
            continue;
        };
        let names = match slots.obj().map(|o| &**o) {
            Some(Obj::Tuple(items)) => items.to_vec(),
            Some(Obj::List(items)) => items.borrow().clone(),
            _ => vec![slots.clone()],
        };
        for n in names {
            attrs.remove(&n);
        }
    }
    Value::new_dict(attrs)
}

/// Whether `attr`, found on an instance's class, binds by taking the instance as its first
/// argument and nothing else: a Python function, or a native method stored in a Python class
/// (`_random`'s, `_collections`' deque): `LoadMethod` leaves the receiver on the stack.
pub fn binds_to_receiver(attr: &Value) -> bool {
    match attr.obj().map(|o| &**o) {
        Some(Obj::Function(_)) => true,
        Some(Obj::Native(n)) => {
            n.is_method
                && n.this.is_null()
                && n.of_builtin_type.is_none()
                && !crate::embed::is_host_method(n)
        }
        _ => false,
    }
}

/// Whether a class attribute is a method of a built-in type (installed in the type's dict
/// at start-up): the native operation stands for it, so the dunder dispatch of user
/// classes passes it by, and on an instance wrapping a built-in value it binds to that value.
pub fn is_builtin_method(attr: &Value) -> bool {
    match attr.obj().map(|o| &**o) {
        Some(Obj::Native(n)) => n.of_builtin_type.is_some(),
        _ => false,
    }
}

/// `C.__new__` of a class that defines none: its first built-in base's (`object.__new__`),
/// as pickle's `__newobj__` and `copyreg` look it up.
fn inherited_new(t: &TypeObj, key: &str) -> Option<Value> {
    if key != "__new__" {
        return None;
    }
    let mro = t.mro();
    let base = mro
        .iter()
        .find(|c| matches!(&***c, Obj::Type(b) if !class::is_user_class(b)))?;
    match &**base {
        Obj::Type(b) if !b.is_exception => Some(native_value(
            "__new__",
            class::builtin_type_new,
            Value::Obj(base.clone()),
        )),
        _ => None,
    }
}

/// `object.__getattribute__`: attribute lookup without the class's `__getattribute__`.
pub fn generic_get_attr(ts: &mut ThreadState, obj: &Value, name: &Value) -> PyResult {
    let key = name.as_str().map_or("", |s| s.as_str());
    if let Value::Obj(o) = obj {
        match &**o {
            Obj::Instance(inst) => {
                let Obj::Type(t) = inst.class() else {
                    return Err(no_attribute(ts, obj, key));
                };
                let class_attr = t.lookup(name);
                if let Some(Value::Obj(p)) = &class_attr {
                    if let Obj::Property { getter, .. } = &**p {
                        return call_value(ts, getter, std::slice::from_ref(obj), &[]);
                    }
                }
                let getter = class_attr.as_ref().and_then(|a| descriptor_get(ts, a));
                if let (Some((get, true)), Some(attr)) = (&getter, &class_attr) {
                    let owner = Value::Obj(inst.class_ref());
                    return call_value(ts, get, &[attr.clone(), obj.clone(), owner], &[]);
                }
                if let Some(v) = inst.attr(name) {
                    return Ok(v);
                }
                if let Some(v) = exception_attr(ts, o, key) {
                    return Ok(v);
                }
                if key == "__traceback__" && inst.exc.is_some() {
                    return crate::interp::frame_objects::get_traceback(ts, o);
                }
                if let (Some((get, _)), Some(attr)) = (&getter, &class_attr) {
                    let owner = Value::Obj(inst.class_ref());
                    return call_value(ts, get, &[attr.clone(), obj.clone(), owner], &[]);
                }
                if let Some(attr) = class_attr {
                    // Pickling's defaults (`__reduce_ex__`, ...) act on the instance (its
                    // class, its __dict__), not on the built-in value it wraps.
                    let wrapped_value_method = is_builtin_method(&attr)
                        && crate::objects::object::instance_method(key).is_none();
                    if let Some(base) = class::builtin_base(obj).filter(|_| wrapped_value_method) {
                        return get_attr(ts, &base, name);
                    }
                    return Ok(bind(attr, obj, || inst.class_ref()));
                }
                if key == "__class__" {
                    return Ok(Value::Obj(inst.class_ref()));
                }
                if key == "__dict__" && class_gives_dict(t) {
                    return Ok(instance_dict(inst, t));
                }
                if let Some(base) = class::builtin_base(obj) {
                    return get_attr(ts, &base, name);
                }
            }
            Obj::Type(t) => {
                if let Some(v) = class_get_attr(ts, o, t, name)? {
                    return Ok(v);
                }
            }
            Obj::Module { dict, name: m } => {
                if let Some(v) = crate::objects::dict::dict_get(dict, name) {
                    return Ok(v);
                }
                if key == "__name__" {
                    return Ok(Value::new_str(m));
                }
                if key == "__dict__" {
                    return Ok(Value::Obj(dict.clone()));
                }
                // PEP 562: a module-level `__getattr__` answers for missing names.
                let hook = Value::new_str("__getattr__");
                if let Some(getattr) = crate::objects::dict::dict_get(dict, &hook) {
                    return call_value(ts, &getattr, std::slice::from_ref(name), &[]);
                }
            }
            // An unbound `super(C)` has only its own attributes: the rest are the object's.
            Obj::Super { class, this }
                if !this.is_null()
                    || matches!(key, "__thisclass__" | "__self__" | "__self_class__") =>
            {
                return super_attr(ts, class, this, name)
            }
            Obj::Function(f) if f.attrs.borrow().contains(name) => {
                return Ok(f.attrs.borrow().get(name).cloned().unwrap_or(Value::None))
            }
            Obj::Function(f) => match key {
                "__dict__" => {
                    // `__annotations__` lives beside the attributes but is not one of them.
                    let mut attrs = f.attrs.borrow().clone();
                    attrs.remove(&Value::new_str("__annotations__"));
                    return Ok(Value::new_dict(attrs));
                }
                "__name__" => return Ok(Value::new_str(f.name())),
                "__qualname__" => return Ok(f.qualname.clone()),
                "__doc__" => return Ok(function_doc(f)),
                "__defaults__" if f.defaults.is_empty() => return Ok(Value::None),
                "__defaults__" => return Ok(Value::new_tuple(f.defaults.clone())),
                "__kwdefaults__" => {
                    return Ok(f.kwdefaults.clone().map_or(Value::None, Value::Obj))
                }
                "__code__" => return Ok(Value::Obj(f.code_object.clone())),
                "__annotations__" => {
                    let annotations = Value::new_dict(crate::objects::dict::Dict::new());
                    f.attrs
                        .borrow_mut()
                        .insert(name.clone(), annotations.clone());
                    return Ok(annotations);
                }
                "__globals__" => return Ok(Value::Obj(f.globals.clone())),
                // Names are looked up in the runtime's builtins: its namespace dict.
                "__builtins__" => return Ok(Value::Obj(ts.rt.builtins.clone())),
                "__module__" => {
                    return Ok(crate::objects::dict::dict_get(
                        &f.globals,
                        &Value::new_str("__name__"),
                    )
                    .unwrap_or(Value::None))
                }
                _ => {}
            },
            Obj::Native(n) if key == "__name__" => return Ok(Value::new_str(n.name)),
            Obj::Native(n) if key == "__qualname__" => {
                return Ok(Value::new_str(match (n.of_builtin_type, n.this.obj()) {
                    // `object`'s class methods, bound to the class they were looked up on.
                    (_, Some(cls))
                        if matches!(n.name, "__subclasshook__" | "__init_subclass__") =>
                    {
                        match &**cls {
                            Obj::Type(t) => format!("{}.{}", t.qualname(), n.name),
                            _ => n.name.to_string(),
                        }
                    }
                    (Some(owner), _) if n.is_method => format!("{}.{}", owner.name(), n.name),
                    // A built-in type's `__new__`, bound to the type (`object.__new__`).
                    (_, Some(cls)) if n.name == "__new__" => match &**cls {
                        Obj::Type(t) => format!("{}.__new__", t.name),
                        _ => n.name.to_string(),
                    },
                    _ => n.name.to_string(),
                }));
            }
            Obj::BoundMethod { func, this } => match key {
                "__self__" => return Ok(this.clone()),
                "__func__" => return Ok(func.clone()),
                _ => return get_attr(ts, func, name),
            },
            _ => {}
        }
    }
    if key == "__class__" {
        return Ok(Value::Obj(class_of(ts, obj)));
    }
    if let Some(v) = method_tables::data_attr(obj, key) {
        return Ok(v);
    }
    if let Some(Obj::MemoryView(m)) = obj.obj().map(|o| &**o) {
        if let Some(v) = crate::objects::memoryview::methods::data_attr(ts, m, key) {
            return v;
        }
    }
    // The methods in the type's dict (and its bases'), bound to the value.
    let found = match crate::object::class_of::builtin_type_id(obj) {
        Some(id) => type_lookup(ts.rt.type_obj(id), name, obj),
        None => type_lookup(&class_of(ts, obj), name, obj),
    };
    if let Some(attr) = found {
        return Ok(attr);
    }
    Err(no_attribute(ts, obj, key))
}

/// Attribute `name` of class `cls`, bound to `obj`.
#[inline]
fn type_lookup(cls: &ObjRef, name: &Value, obj: &Value) -> Option<Value> {
    match &**cls {
        Obj::Type(t) => Some(bind(t.lookup(name)?, obj, || cls.clone())),
        _ => None,
    }
}

/// A function's docstring: the first constant of its code, when it is a string.
fn function_doc(f: &crate::objects::function::Function) -> Value {
    match f.code.code.constants.first() {
        Some(gilvm_compiler::bytecode::Constant::Str(s)) => Value::new_str(&**s),
        _ => Value::None,
    }
}

/// A built-in type other than an exception class (whose dict holds its methods).
fn is_builtin_type(t: &TypeObj) -> bool {
    !class::is_user_class(t) && !t.is_exception
}

fn super_attr(ts: &mut ThreadState, class: &ObjRef, this: &Value, name: &Value) -> PyResult {
    // The super object's own attributes; an unbound one (`super(C)`) has no `this`.
    match name.as_str().map_or("", |s| s.as_str()) {
        "__thisclass__" => return Ok(Value::Obj(class.clone())),
        "__self__" if this.is_null() => return Ok(Value::None),
        "__self__" => return Ok(this.clone()),
        "__self_class__" if this.is_null() => return Ok(Value::None),
        "__self_class__" => {
            return Ok(match this.obj() {
                Some(o) if matches!(&**o, Obj::Type(_)) => this.clone(),
                _ => Value::Obj(class_of(ts, this)),
            })
        }
        _ => {}
    }
    // `super(C, cls)` in a class method walks `cls`'s MRO; in a metaclass's method, `this`
    // is an instance of the metaclass and its class's MRO is walked.
    let start = match this {
        Value::Obj(o)
            if matches!(&**o, Obj::Type(_)) && crate::object::typeobj::is_subclass(o, class) =>
        {
            o.clone()
        }
        _ => class_of(ts, this),
    };
    let mut mro = vec![start.clone()];
    if let Obj::Type(t) = &*start {
        mro.extend(t.mro().iter().cloned());
    }
    let after = mro
        .iter()
        .position(|c| ObjRef::ptr_eq(c, class))
        .map_or(mro.len(), |i| i + 1);
    for cls in &mro[after..] {
        if let Obj::Type(t) = &**cls {
            if is_builtin_type(t) {
                continue;
            }
            if let Some(v) = t.dict().get(name) {
                return Ok(bind(v.clone(), this, || start.clone()));
            }
        }
    }
    let key = name.as_str().map_or("", |s| s.as_str());
    if key == "__new__" {
        return Ok(native_value("__new__", class::builtin_new, Value::Null));
    }
    if key == "__init_subclass__" {
        return Ok(native_value(
            "__init_subclass__",
            slot_wrappers::object_init_subclass,
            this.clone(),
        ));
    }
    if key == "__init__" && class::builtin_base(this).is_some() {
        return Ok(native_value("__init__", class::base_init, this.clone()));
    }
    if key == "__init__" || key == "__init_subclass__" {
        return Ok(native_value(
            "__init__",
            crate::objects::object::object_init,
            this.clone(),
        ));
    }
    // The methods of the built-in types after `class` in the MRO (`type.__call__` for a
    // metaclass, `object.__setattr__`, `dict.__setitem__`...).
    for cls in &mro[after..] {
        if let Obj::Type(t) = &**cls {
            if !is_builtin_type(t) {
                continue;
            }
            if let Some(m) = t.dict().get(name) {
                return Ok(bind(m.clone(), this, || start.clone()));
            }
        }
    }
    Err(ts.new_exc(
        ExcKind::AttributeError,
        format!("'super' object has no attribute '{key}'"),
    ))
}

/// A user class's `__setattr__`/`__delattr__` hook for `obj`, if it defines one.
fn user_hook(ts: &ThreadState, obj: &Value, hook: Dunder) -> Option<Value> {
    match obj.obj().map(|o| &**o)? {
        Obj::Instance(inst) => class::lookup_special(ts, inst.class(), hook),
        Obj::Type(t) => class::lookup_special(ts, t.metaclass.as_ref()?, hook),
        _ => None,
    }
}

pub fn set_attr(ts: &mut ThreadState, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
    if let Some(hook) = user_hook(ts, obj, Dunder::SetAttr) {
        call_value(ts, &hook, &[obj.clone(), name.clone(), v], &[])?;
        return Ok(());
    }
    generic_set_attr(ts, obj, name, v)
}

/// `object.__setattr__`: attribute assignment without the class's hook.
pub fn generic_set_attr(ts: &mut ThreadState, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
    let key = name.as_str().map_or("", |s| s.as_str());
    if let Value::Obj(o) = obj {
        match &**o {
            Obj::Instance(inst) => {
                if key == "__dict__" && instance_has_dict(inst) {
                    return set_instance_dict(ts, inst, v);
                }
                if let Some(Obj::Property { setter, .. }) = class_property(inst, name).as_deref() {
                    let setter = accessor(ts, setter, obj, key, "setter")?;
                    call_value(ts, &setter, &[obj.clone(), v], &[])?;
                    return Ok(());
                }
                if let Some((set, attr)) = data_descriptor_hook(ts, inst, name, Dunder::Set) {
                    call_value(ts, &set, &[attr, obj.clone(), v], &[])?;
                    return Ok(());
                }
                if key == "__class__" {
                    return crate::protocol::class_assign::set_class(ts, inst, &v);
                }
                if let Some(data) = &inst.exc {
                    let mut data = data.borrow_mut();
                    match key {
                        "__cause__" => {
                            data.cause = v;
                            data.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            data.context = v;
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            data.suppress_context = matches!(v, Value::Bool(true));
                            return Ok(());
                        }
                        "__traceback__" => {
                            drop(data);
                            return crate::interp::frame_objects::set_traceback(ts, o, v);
                        }
                        "args" => {
                            drop(data);
                            let args = crate::protocol::iter::collect(ts, &v)?;
                            if let Some(d) = &inst.exc {
                                d.borrow_mut().args = args;
                            }
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                if !instance_has_dict(inst) {
                    return Err(no_attribute(ts, obj, key));
                }
                inst.set_attr(name.clone(), v);
                return Ok(());
            }
            Obj::Type(t) if key == "__bases__" && class::is_user_class(t) => {
                return crate::protocol::class_assign::set_bases(ts, o, t, &v);
            }
            Obj::Type(t) if class::is_user_class(t) || t.is_exception => {
                if matches!(key, "__name__" | "__qualname__") && v.as_str().is_none() {
                    return Err(ts.type_error(format!(
                        "can only assign string to {}.{key}, not '{}'",
                        t.name,
                        type_name(ts, &v)
                    )));
                }
                if let (Some(s), "__qualname__") = (v.as_str(), key) {
                    t.set_qualname(s.as_str().to_string());
                    return Ok(());
                }
                t.dict_mut().insert(name.clone(), v);
                return Ok(());
            }
            Obj::Module { dict, .. } => {
                crate::objects::dict::store_dict(dict, name, v);
                return Ok(());
            }
            Obj::Function(f) => {
                f.attrs.borrow_mut().insert(name.clone(), v);
                return Ok(());
            }
            Obj::Property { doc, .. } if key == "__doc__" => {
                // The old doc is dropped after the borrow ends: its finaliser may read this one.
                let old = doc.replace(v);
                drop(old);
                return Ok(());
            }
            _ => {}
        }
    }
    if let Some(Obj::Type(t)) = obj.obj().map(|o| &**o) {
        return Err(ts.type_error(format!(
            "cannot set '{key}' attribute of immutable type '{}'",
            t.name
        )));
    }
    if key == "__class__" {
        return crate::protocol::class_assign::set_builtin_class(ts, &v);
    }
    Err(no_attribute(ts, obj, key))
}

/// `obj.__dict__ = v`: a dict (or the dict a `dict` subclass instance wraps) becomes the
/// instance's attributes.
fn set_instance_dict(
    ts: &ThreadState,
    inst: &crate::object::typeobj::Instance,
    v: Value,
) -> PyResult<()> {
    let Some(dict) = class::dict_storage(&v) else {
        return Err(ts.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            type_name(ts, &v)
        )));
    };
    inst.replace_dict(dict);
    Ok(())
}

/// The `__dict__` descriptor a class puts in its namespace when its instances get a dict
/// no base gives them (CPython's getset descriptor; here a property over the instance's
/// storage, which attribute syntax reaches before it: see `generic_get_attr`).
pub fn instance_dict_descriptor() -> Value {
    accessor_property(
        "__dict__",
        [instance_dict_get, instance_dict_set, instance_dict_delete],
        "dictionary for instance variables (if defined)",
    )
}

/// The `__weakref__` descriptor, as [`instance_dict_descriptor`] for weak references.
pub fn instance_weakref_descriptor() -> Value {
    accessor_property(
        "__weakref__",
        [instance_weakref_get, read_only, read_only],
        "list of weak references to the object (if defined)",
    )
}

fn accessor_property(
    name: &'static str,
    [get, set, delete]: [crate::objects::function::NativeFn; 3],
    doc: &str,
) -> Value {
    Value::Obj(ObjRef::new(Obj::Property {
        getter: native_value(name, get, Value::Null),
        setter: native_value(name, set, Value::Null),
        deleter: native_value(name, delete, Value::Null),
        doc: std::cell::RefCell::new(Value::new_str(doc)),
        native: None,
    }))
}

/// The instance a descriptor's accessor was called for, if one of a class defined in Python.
fn accessor_instance<'a>(
    ts: &ThreadState,
    args: &'a crate::objects::function::Args,
    arity: usize,
) -> PyResult<(&'a Value, &'a crate::object::typeobj::Instance)> {
    let a = crate::object::args::positional(ts, "__get__", args, arity, arity)?;
    match a[0].as_instance() {
        Some(inst) => Ok((&a[0], inst)),
        None => Err(ts.type_error(format!(
            "descriptor applied to a '{}' object",
            type_name(ts, &a[0])
        ))),
    }
}

fn instance_dict_get(
    ts: &mut ThreadState,
    _this: &Value,
    args: &crate::objects::function::Args,
) -> PyResult {
    // A metaclass with a plain mixin base (`class M(Mixin, type)`) finds the mixin's
    // descriptor first: for its classes, the namespace, as CPython's `subtype_dict` defers
    // to the built-in base's.
    if let Some(Obj::Type(t)) = args.pos.first().and_then(|v| v.obj()).map(|o| &**o) {
        return Ok(Value::new_dict(t.dict().clone()));
    }
    let (_, inst) = accessor_instance(ts, args, 1)?;
    match inst.class() {
        Obj::Type(t) => Ok(instance_dict(inst, t)),
        _ => Ok(Value::None),
    }
}

fn instance_dict_set(
    ts: &mut ThreadState,
    _this: &Value,
    args: &crate::objects::function::Args,
) -> PyResult {
    let (_, inst) = accessor_instance(ts, args, 2)?;
    set_instance_dict(ts, inst, args.pos[1].clone())?;
    Ok(Value::None)
}

fn instance_dict_delete(
    ts: &mut ThreadState,
    _this: &Value,
    args: &crate::objects::function::Args,
) -> PyResult {
    let (_, inst) = accessor_instance(ts, args, 1)?;
    inst.replace_dict(crate::objects::dict::new_dict_obj());
    Ok(Value::None)
}

/// `__weakref__`: the oldest live weak reference to the instance, or None.
fn instance_weakref_get(
    ts: &mut ThreadState,
    _this: &Value,
    args: &crate::objects::function::Args,
) -> PyResult {
    let (obj, _) = accessor_instance(ts, args, 1)?;
    let first = obj
        .obj()
        .and_then(|o| crate::object::gc::weak::weakrefs_of(o).into_iter().next());
    Ok(first.map_or(Value::None, Value::Obj))
}

fn read_only(
    ts: &mut ThreadState,
    _this: &Value,
    _args: &crate::objects::function::Args,
) -> PyResult {
    Err(ts.new_exc(
        ExcKind::AttributeError,
        "attribute '__weakref__' of objects is not writable",
    ))
}

/// Whether instances of `inst`'s class have a `__dict__` (no `__slots__` leaving it out).
fn instance_has_dict(inst: &crate::object::typeobj::Instance) -> bool {
    match inst.class() {
        Obj::Type(t) => class_gives_dict(t),
        _ => true,
    }
}

/// Whether a class's instances have a `__dict__`: `object()`'s do not, as in CPython.
fn class_gives_dict(t: &TypeObj) -> bool {
    t.slots.has_dict && (class::is_user_class(t) || t.is_exception)
}

/// The `__set__`/`__delete__` method (`hook`) of the descriptor found as class attribute
/// `name` of `inst`'s class, with that descriptor.
fn data_descriptor_hook(
    ts: &ThreadState,
    inst: &crate::object::typeobj::Instance,
    name: &Value,
    hook: Dunder,
) -> Option<(Value, Value)> {
    let Obj::Type(t) = inst.class() else {
        return None;
    };
    let attr = t.lookup(name)?;
    let Obj::Type(dt) = attr.as_instance()?.class() else {
        return None;
    };
    Some((dt.lookup(ts.rt.names.get(hook))?, attr))
}

/// The property named `name` on the class of `inst`, if there is one.
fn class_property(inst: &crate::object::typeobj::Instance, name: &Value) -> Option<ObjRef> {
    let Obj::Type(t) = inst.class() else {
        return None;
    };
    match t.lookup(name) {
        Some(Value::Obj(p)) if matches!(&*p, Obj::Property { .. }) => Some(p),
        _ => None,
    }
}

/// A property's setter or deleter, or the AttributeError for a missing one.
fn accessor(ts: &ThreadState, f: &Value, obj: &Value, key: &str, what: &str) -> PyResult {
    if f.is_none() {
        return Err(ts.new_exc(
            ExcKind::AttributeError,
            format!(
                "property '{key}' of '{}' object has no {what}",
                type_name(ts, obj)
            ),
        ));
    }
    Ok(f.clone())
}

pub fn del_attr(ts: &mut ThreadState, obj: &Value, name: &Value) -> PyResult<()> {
    if let Some(hook) = user_hook(ts, obj, Dunder::DelAttr) {
        call_value(ts, &hook, &[obj.clone(), name.clone()], &[])?;
        return Ok(());
    }
    generic_del_attr(ts, obj, name)
}

/// `object.__delattr__`: attribute deletion without the class's hook.
pub fn generic_del_attr(ts: &mut ThreadState, obj: &Value, name: &Value) -> PyResult<()> {
    let key = name.as_str().map_or("", |s| s.as_str());
    if key == "__class__" {
        return Err(ts.type_error("can't delete __class__ attribute"));
    }
    if let Some(inst) = obj.as_instance() {
        if key == "__dict__" && instance_has_dict(inst) {
            inst.replace_dict(crate::objects::dict::new_dict_obj());
            return Ok(());
        }
        if let Some(Obj::Property { deleter, .. }) = class_property(inst, name).as_deref() {
            let deleter = accessor(ts, deleter, obj, key, "deleter")?;
            call_value(ts, &deleter, std::slice::from_ref(obj), &[])?;
            return Ok(());
        }
        if let Some((delete, attr)) = data_descriptor_hook(ts, inst, name, Dunder::Delete) {
            call_value(ts, &delete, &[attr, obj.clone()], &[])?;
            return Ok(());
        }
    }
    let removed = match obj.obj().map(|o| &**o) {
        Some(Obj::Instance(inst)) => inst.remove_attr(name),
        Some(Obj::Type(t)) if !class::is_user_class(t) && !t.is_exception => {
            return Err(ts.type_error(format!(
                "cannot set '{key}' attribute of immutable type '{}'",
                t.name
            )));
        }
        Some(Obj::Type(t))
            if matches!(
                key,
                "__name__" | "__qualname__" | "__module__" | "__bases__" | "__doc__"
            ) =>
        {
            return Err(ts.type_error(format!(
                "cannot delete '{key}' attribute of immutable type '{}'",
                t.name
            )));
        }
        Some(Obj::Type(t)) => t.dict_mut().remove(name),
        Some(Obj::Module { dict, .. }) => match &**dict {
            Obj::Dict(d) => d.borrow_mut().remove(name),
            _ => None,
        },
        _ => None,
    };
    removed
        .map(|_| ())
        .ok_or_else(|| no_attribute(ts, obj, key))
}

/// The type of a value of a built-in data type (`list`, `dict`, `str`, ...): these types
/// have no per-value attributes, so the type's dict answers for their methods. (Modules,
/// classes and other values, whose own namespace comes first, go the general way.)
#[inline]
pub fn value_type<'a>(ts: &'a ThreadState, obj: &Value) -> Option<&'a TypeObj> {
    let id = crate::object::class_of::builtin_type_id(obj)?;
    if !matches!(
        id,
        TypeId::Str
            | TypeId::List
            | TypeId::Tuple
            | TypeId::Dict
            | TypeId::Set
            | TypeId::FrozenSet
            | TypeId::Bytes
            | TypeId::ByteArray
            | TypeId::Int
            | TypeId::Bool
            | TypeId::Float
            | TypeId::Complex
    ) {
        return None;
    }
    match &**ts.rt.type_obj(id) {
        Obj::Type(t) => Some(t),
        _ => None,
    }
}

/// The method `name` of a built-in data type, for a value of exactly that type.
#[inline]
fn value_type_method(ts: &ThreadState, obj: &Value, name: &Value) -> Option<Value> {
    let method = value_type(ts, obj)?.lookup(name)?;
    is_builtin_method(&method).then_some(method)
}

/// `LoadMethod`: `(function, self)` for a plain method found on the class, else
/// `(attribute, Null)`.
pub fn load_method(ts: &mut ThreadState, obj: Value, name: &Value) -> PyResult<(Value, Value)> {
    if let Some(method) = value_type_method(ts, &obj, name) {
        // The receiver rides on the stack: no bound method is made per call (`d.get(k)`).
        return Ok((method, obj));
    }
    if let Some(inst) = obj.as_instance() {
        if let Obj::Type(t) = inst.class() {
            if getattribute_hook(ts, t).is_some() {
                let attr = get_attr(ts, &obj, name)?;
                return Ok((attr, Value::Null));
            }
            if let Some(attr @ Value::Obj(_)) = t.lookup(name) {
                if binds_to_receiver(&attr) && !inst.has_attr(name) {
                    return Ok((attr, obj));
                }
            }
        }
    }
    let attr = get_attr(ts, &obj, name)?;
    Ok((attr, Value::Null))
}
