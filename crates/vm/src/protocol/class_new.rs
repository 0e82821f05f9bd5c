//! Making classes: `__build_class__` (the metaclass, `__prepare__`, `__mro_entries__`), and
//! `type.__new__` (`__slots__`, `__set_name__`, `__init_subclass__`, the `__class__` cell).

use crate::interp::eval::{run_frame, FrameExit};
use crate::interp::thread_state::ThreadState;
use crate::object::class_of::{class_name, class_of, type_name};
use crate::object::error::PyResult;
use crate::object::names::Dunder;
use crate::object::typeobj::{compute_mro, is_subclass, SlotLayout, TypeId, TypeObj};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::objects::function::Args;
use crate::protocol::attr::{self, get_attr};
use crate::protocol::call::{bind_frame, call_value};

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`.
pub fn build_class(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let (Some(body), Some(name)) = (
        args.pos.first(),
        args.pos.get(1).filter(|n| n.as_str().is_some()),
    ) else {
        return Err(ts.type_error("__build_class__: not enough arguments"));
    };
    let Some(Obj::Function(func)) = body.obj().map(|o| &**o) else {
        return Err(ts.type_error("__build_class__: func must be a function"));
    };
    let orig_bases = &args.pos[2..];
    let bases = resolve_mro_entries(ts, orig_bases)?;
    let bases_tuple = Value::new_tuple(bases.clone());
    let (explicit, kwnames, kwvals) = split_metaclass(args);
    let meta = match explicit {
        Some(Value::Obj(m)) if !matches!(&*m, Obj::Type(_)) => Value::Obj(m),
        Some(m @ Value::Obj(_)) => Value::Obj(calculate_meta(ts, m.obj().cloned(), &bases)?),
        Some(m) => m,
        None => Value::Obj(calculate_meta(ts, None, &bases)?),
    };
    let mut call_args = vec![name.clone(), bases_tuple.clone()];
    call_args.extend(kwvals.iter().cloned());
    let namespace = prepare(ts, &meta, &call_args, &kwnames)?;
    let module = crate::objects::dict::dict_get(&func.globals, &Value::new_str("__name__"))
        .unwrap_or_else(|| Value::new_str("__main__"));
    let ns_value = Value::Obj(namespace.clone());
    let store = |ts: &mut ThreadState, k: &str, v: Value| {
        crate::protocol::subscript::set_item(ts, &ns_value, Value::new_str(k), v)
    };
    store(ts, "__module__", module)?;
    let qualname = func.qualname().trim_end_matches(".<locals>").to_string();
    store(ts, "__qualname__", Value::new_str(qualname))?;
    let frame = bind_frame(ts, func, &[], &[], Some(namespace.clone()))?;
    let class_cell = match run_frame(ts, frame, None)? {
        FrameExit::Return(v) | FrameExit::Yield(v, _) => v,
    };
    if matches!(class_cell.obj().map(|o| &**o), Some(Obj::Cell(_))) {
        store(ts, "__classcell__", class_cell)?;
    }
    if orig_bases.len() != bases.len() || orig_bases.iter().zip(&bases).any(|(a, b)| !a.is(b)) {
        store(ts, "__orig_bases__", Value::new_tuple(orig_bases.to_vec()))?;
    }
    let mut full = vec![name.clone(), bases_tuple, Value::Obj(namespace)];
    full.extend(kwvals);
    call_value(ts, &meta, &full, &kwnames)
}

/// The class keywords without `metaclass`, and the `metaclass` given, if any.
fn split_metaclass(args: &Args) -> (Option<Value>, Vec<Value>, Vec<Value>) {
    let mut meta = None;
    let (mut names, mut vals) = (Vec::new(), Vec::new());
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        if k.as_str().is_some_and(|s| s.as_str() == "metaclass") {
            meta = Some(v.clone());
        } else {
            names.push(k.clone());
            vals.push(v.clone());
        }
    }
    (meta, names, vals)
}

/// Bases that are not classes replaced by what their `__mro_entries__(bases)` returns.
fn resolve_mro_entries(ts: &mut ThreadState, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(bases.len());
    for b in bases {
        if matches!(b.obj().map(|o| &**o), Some(Obj::Type(_))) {
            out.push(b.clone());
            continue;
        }
        let entries = get_attr(ts, b, &Value::new_str("__mro_entries__")).ok();
        match entries {
            Some(f) => {
                let r = call_value(ts, &f, &[Value::new_tuple(bases.to_vec())], &[])?;
                match r.obj().map(|o| &**o) {
                    Some(Obj::Tuple(items)) => out.extend(items.iter().cloned()),
                    _ => return Err(ts.type_error("__mro_entries__ must return a tuple")),
                }
            }
            None => out.push(b.clone()),
        }
    }
    Ok(out)
}

/// The most derived metaclass among `explicit` (or `type`) and the bases' metaclasses.
fn calculate_meta(ts: &ThreadState, explicit: Option<ObjRef>, bases: &[Value]) -> PyResult<ObjRef> {
    let mut winner = explicit.unwrap_or_else(|| ts.rt.type_obj(TypeId::Type).clone());
    for b in bases {
        let bm = class_of(ts, b);
        if is_subclass(&winner, &bm) {
            continue;
        }
        if is_subclass(&bm, &winner) {
            winner = bm;
            continue;
        }
        return Err(ts.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// The class body's namespace: `meta.__prepare__(name, bases, **kwds)`, or a new dict.
fn prepare(
    ts: &mut ThreadState,
    meta: &Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<ObjRef> {
    let hook = match meta.obj().map(|o| &**o) {
        Some(Obj::Type(t)) => t.lookup(ts.rt.names.get(Dunder::Prepare)),
        _ => None,
    };
    let Some(hook) = hook else {
        return Ok(crate::objects::dict::new_dict_obj());
    };
    let hook = match hook.obj().map(|o| &**o) {
        Some(Obj::ClassMethod(f)) => {
            let mut full = vec![meta.clone()];
            full.extend_from_slice(args);
            let ns = call_value(ts, f, &full, kwnames)?;
            return namespace_of(ts, ns);
        }
        Some(Obj::StaticMethod(f)) => f.clone(),
        _ => hook,
    };
    let ns = call_value(ts, &hook, args, kwnames)?;
    namespace_of(ts, ns)
}

/// The mapping a class body runs in: a dict, or an instance of a `dict` subclass (whose
/// `__setitem__` sees the body's assignments).
fn namespace_of(ts: &ThreadState, ns: Value) -> PyResult<ObjRef> {
    let is_dict = |v: &Value| matches!(v.obj().map(|o| &**o), Some(Obj::Dict(_)));
    match ns {
        Value::Obj(o) if is_dict(&Value::Obj(o.clone())) => Ok(o),
        Value::Obj(o)
            if crate::protocol::class::builtin_base(&Value::Obj(o.clone()))
                .is_some_and(|b| is_dict(&b)) =>
        {
            Ok(o)
        }
        other => Err(ts.type_error(format!(
            "__prepare__() must return a mapping, not {}",
            type_name(ts, &other)
        ))),
    }
}

/// CPython's "not an acceptable base type": a built-in type without `Py_TPFLAGS_BASETYPE`.
fn refuse_final_base(ts: &mut ThreadState, base: &ObjRef) -> PyResult<()> {
    let Obj::Type(t) = &**base else {
        return Ok(());
    };
    let id = t.builtin;
    if id.is_base_type() || !ObjRef::ptr_eq(base, ts.rt.type_obj(id)) {
        return Ok(());
    }
    let name = id.qualified_name();
    Err(ts.type_error(format!("type '{name}' is not an acceptable base type")))
}

/// `type.__new__(mcls, name, bases, namespace, **kwds)`, also `type(name, bases, namespace)`.
pub fn type_new(ts: &mut ThreadState, mcls: &ObjRef, args: &Args) -> PyResult {
    let [name, bases, namespace] = args.pos else {
        return Err(ts.type_error("type() takes 1 or 3 arguments"));
    };
    let namespace = crate::protocol::class::builtin_base(namespace).unwrap_or(namespace.clone());
    let (Some(name), Some(Obj::Tuple(bases)), Some(Obj::Dict(namespace))) = (
        name.as_str(),
        bases.obj().map(|o| &**o),
        namespace.obj().map(|o| &**o),
    ) else {
        return Err(ts.type_error("type.__new__() argument types must be (str, tuple, dict)"));
    };
    let mut base_types = Vec::new();
    for b in bases.iter() {
        match b {
            Value::Obj(o) if matches!(&**o, Obj::Type(_)) => {
                refuse_final_base(ts, o)?;
                base_types.push(o.clone());
            }
            _ => return Err(ts.type_error("bases must be types")),
        }
    }
    if base_types.is_empty() {
        base_types.push(ts.rt.type_obj(TypeId::Object).clone());
    }
    let mut namespace = namespace.borrow().clone();
    let class_cell = namespace.remove(&Value::new_str("__classcell__"));
    // As in CPython, `__qualname__` leaves the namespace for the class's own slot.
    let qualname = namespace.remove(&Value::new_str("__qualname__"));
    let module = match namespace.get_str("__module__").and_then(|m| m.as_str()) {
        Some(m) => m.as_str().to_string(),
        // The caller's frame is not reachable from a native function.
        None => {
            namespace.set_str("__module__", Value::new_str("__main__"));
            "__main__".to_string()
        }
    };
    let is_type = ObjRef::ptr_eq(mcls, ts.rt.type_obj(TypeId::Type));
    let metaclass = (!is_type).then(|| mcls.clone());
    let name = name.as_str().to_string();
    let qualname = match qualname {
        Some(q) => match q.as_str() {
            Some(s) => Some(s.as_str().to_string()),
            None => {
                return Err(ts.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    type_name(ts, &q)
                )))
            }
        },
        None => None,
    };
    let cls = new_class(ts, name, base_types, namespace, module, metaclass, qualname)?;
    if let Some(Value::Obj(cell)) = &class_cell {
        if let Obj::Cell(c) = &**cell {
            *c.borrow_mut() = Value::Obj(cls.clone());
        }
    }
    set_names(ts, &cls)?;
    init_subclass(ts, &cls, args)?;
    Ok(Value::Obj(cls))
}

/// A new class named `name` with `bases` (at least one) and the class body's `namespace`.
fn new_class(
    ts: &mut ThreadState,
    name: String,
    bases: Vec<ObjRef>,
    namespace: Dict,
    module: String,
    metaclass: Option<ObjRef>,
    qualname: Option<String>,
) -> PyResult<ObjRef> {
    let mro = compute_mro(&bases).map_err(|stuck| {
        let names: Vec<String> = stuck.iter().map(|c| class_name(c)).collect();
        ts.type_error(format!(
            "Cannot create a consistent method resolution\norder (MRO) for bases {}",
            names.join(", ")
        ))
    })?;
    // The built-in type whose instances the class's are: the first base that derives from
    // one (a mixin may come first, `class M(Mixin, type)`), as CPython's "best base".
    let first = bases
        .iter()
        .find_map(|b| match &**b {
            Obj::Type(b) if b.builtin != TypeId::Object => Some(b.builtin),
            _ => None,
        })
        .unwrap_or(TypeId::Object);
    let is_exception = bases
        .iter()
        .any(|b| matches!(&**b, Obj::Type(t) if t.is_exception));
    let mut dict = namespace;
    // `__init_subclass__` and `__class_getitem__` are implicitly class methods, `__new__` a
    // static method.
    for name in ["__init_subclass__", "__class_getitem__", "__new__"] {
        if let Some(f) = dict.get_str(name).cloned() {
            if matches!(f.obj().map(|o| &**o), Some(Obj::Function(_))) {
                let wrapped = match name {
                    "__new__" => Obj::StaticMethod(f),
                    _ => Obj::ClassMethod(f),
                };
                dict.set_str(name, Value::Obj(ObjRef::new(wrapped)));
            }
        }
    }
    // A class that defines `__eq__` without `__hash__` is unhashable (as in CPython).
    if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
        dict.set_str("__hash__", Value::None);
    }
    let slots = slot_layout(ts, &bases, &mut dict)?;
    add_instance_descriptors(&bases, slots, &mut dict);
    // As in CPython, every class has its own `__doc__` (None without a docstring; a
    // `__slots__` entry of that name is its own), so an instance never reads a base's,
    // `object`'s included.
    if dict.get_str("__doc__").is_none() {
        dict.set_str("__doc__", Value::None);
    }
    let mut t = TypeObj::plain(name, module, bases, mro, dict, first, is_exception);
    t.user_class = true;
    t.metaclass = metaclass;
    t.slots = slots;
    if let Some(qualname) = qualname {
        t.set_qualname(qualname);
    }
    let cls = t.into_class();
    own_slot_descriptors(&cls);
    Ok(cls)
}

/// Gives the new class's `__slots__` descriptors their owner, which did not exist when
/// [`slot_layout`] made them: from now on they apply only to its instances.
fn own_slot_descriptors(cls: &ObjRef) {
    let Obj::Type(t) = &**cls else { return };
    let unowned: Vec<Value> = t
        .dict()
        .iter()
        .filter(|(_, v)| {
            matches!(v.obj().map(|o| &**o), Some(Obj::Property { native: Some(d), .. })
                if d.member && d.owner.is_none())
        })
        .map(|(k, _)| k.clone())
        .collect();
    for name in unowned {
        let owned = crate::objects::property::slot_descriptor(&name, Value::Obj(cls.clone()));
        t.dict_mut().insert(name, owned);
    }
}

/// Puts the `__dict__` and `__weakref__` descriptors in a new class's namespace when its
/// instances have what no base gives them (as CPython's `type_new` does).
fn add_instance_descriptors(bases: &[ObjRef], slots: SlotLayout, dict: &mut Dict) {
    let (mut dict_given, mut weakref_given) = (false, false);
    for b in bases {
        if let Obj::Type(t) = &**b {
            let (has_dict, has_weakref) = crate::protocol::class_assign::dict_and_weakref(t);
            dict_given |= has_dict;
            weakref_given |= has_weakref;
        }
    }
    if slots.has_dict && !dict_given && dict.get_str("__dict__").is_none() {
        dict.set_str("__dict__", attr::instance_dict_descriptor());
    }
    if slots.has_weakref && !weakref_given && dict.get_str("__weakref__").is_none() {
        dict.set_str("__weakref__", attr::instance_weakref_descriptor());
    }
}

/// What `__slots__` (if any) leaves instances, with a member descriptor put in `dict` for
/// each slot name.
fn slot_layout(ts: &mut ThreadState, bases: &[ObjRef], dict: &mut Dict) -> PyResult<SlotLayout> {
    let mut inherited = SlotLayout {
        has_dict: false,
        has_weakref: false,
        has_slots: false,
    };
    for b in bases {
        if let Obj::Type(t) = &**b {
            if crate::protocol::class::is_user_class(t) || t.is_exception {
                inherited.has_dict |= t.slots.has_dict;
                inherited.has_weakref |= t.slots.has_weakref;
                inherited.has_slots |= t.slots.has_slots;
            }
        }
    }
    let Some(slots) = dict.get_str("__slots__").cloned() else {
        return Ok(SlotLayout {
            has_slots: inherited.has_slots,
            ..SlotLayout::OPEN
        });
    };
    let names = match slots.as_str() {
        Some(_) => vec![slots.clone()],
        None => crate::protocol::iter::collect(ts, &slots)?,
    };
    let mut layout = SlotLayout {
        has_slots: true,
        ..inherited
    };
    // CPython accepts a name twice (`datetime`'s `date.__slots__ + time.__slots__`).
    let mut added: Vec<String> = Vec::new();
    for n in names {
        let Some(s) = n.as_str() else {
            return Err(ts.type_error(format!(
                "__slots__ items must be strings, not '{}'",
                type_name(ts, &n)
            )));
        };
        match s.as_str() {
            "__dict__" => layout.has_dict = true,
            "__weakref__" => layout.has_weakref = true,
            name if added.iter().any(|a| a == name) => {}
            _ if dict.contains(&n) => {
                return Err(ts.value_error(format!(
                    "'{}' in __slots__ conflicts with class variable",
                    s.as_str()
                )))
            }
            name => {
                added.push(name.to_string());
                let unowned = crate::objects::property::slot_descriptor(&n, Value::None);
                dict.insert(n.clone(), unowned);
            }
        }
    }
    Ok(layout)
}

/// Calls `__set_name__(cls, name)` on each attribute of the new class that defines it.
fn set_names(ts: &mut ThreadState, cls: &ObjRef) -> PyResult<()> {
    let Obj::Type(t) = &**cls else {
        return Ok(());
    };
    let items: Vec<(Value, Value)> = t
        .dict()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let hook = ts.rt.names.get(Dunder::SetName).clone();
    for (name, value) in items {
        let Some(inst) = value.as_instance() else {
            continue;
        };
        let Some(f) = (match inst.class() {
            Obj::Type(vt) => vt.lookup(&hook),
            _ => None,
        }) else {
            continue;
        };
        call_value(ts, &f, &[value.clone(), Value::Obj(cls.clone()), name], &[])?;
    }
    Ok(())
}

/// Calls the nearest base's `__init_subclass__` for the new class `cls`.
fn init_subclass(ts: &mut ThreadState, cls: &ObjRef, class_args: &Args) -> PyResult<()> {
    let Obj::Type(t) = &**cls else {
        return Ok(());
    };
    let name = ts.rt.names.get(Dunder::InitSubclass).clone();
    let hook = t.mro().iter().find_map(|base| match &**base {
        Obj::Type(b) => b.dict().get(&name).cloned(),
        _ => None,
    });
    let hook = match hook.as_ref().and_then(|h| h.obj()).map(|o| &**o) {
        Some(Obj::ClassMethod(f)) => f.clone(),
        _ if class_args.kwnames.is_empty() => return Ok(()),
        _ => {
            return Err(ts.type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                class_name(cls)
            )))
        }
    };
    let mut call_args = vec![Value::Obj(cls.clone())];
    call_args.extend_from_slice(class_args.kwvals);
    call_value(ts, &hook, &call_args, class_args.kwnames)?;
    Ok(())
}

/// `type.__prepare__(name, bases, **kwds)`: a new dict.
pub fn type_prepare(_ts: &mut ThreadState, _this: &Value, _args: &Args) -> PyResult {
    Ok(Value::Obj(crate::objects::dict::new_dict_obj()))
}

/// `type.__call__(cls, *args, **kwds)`: `__new__` then `__init__`, bypassing a metaclass's
/// own `__call__`.
pub fn type_call(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let (cls, rest) = match (this, args.pos.split_first()) {
        (Value::Obj(c), _) if matches!(&**c, Obj::Type(_)) => (c.clone(), args.pos),
        (_, Some((Value::Obj(c), rest))) if matches!(&**c, Obj::Type(_)) => (c.clone(), rest),
        _ => return Err(ts.type_error("descriptor '__call__' requires a 'type' object")),
    };
    let mut all = rest.to_vec();
    all.extend_from_slice(args.kwvals);
    crate::protocol::class::call_type(ts, &cls, &all, args.kwnames)
}
