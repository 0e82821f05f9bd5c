//! The methods of `BaseException` that instances of every exception class inherit. An
//! exception's payload (`ExcData`: args, cause, context, traceback) and the table of built-in
//! exception classes are `object/error.rs`'s; raising and catching are `interp/exceptions.rs`'s.

use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::typeobj::TypeObj;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::descriptors;
use crate::objects::function::{method_value, Args};

/// `BaseException.__init__(self, *args)`.
fn exception_init(_ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    if let Some(Obj::Instance(inst)) = this.obj().map(|o| &**o) {
        if let Some(data) = &inst.exc {
            data.borrow_mut().args = args.pos.to_vec();
        }
    }
    Ok(Value::None)
}

/// Whether `init` is `BaseException.__init__` itself, which only stores the positional
/// arguments as `args`: a call of an exception class whose instance already holds them
/// (see `class::new_instance`) need not run it.
pub fn is_base_init(ts: &ThreadState, init: &Value) -> bool {
    let Obj::Type(base) = &**ts.exc_class(ExcKind::BaseException) else {
        return false;
    };
    let found = base.lookup(ts.rt.names.get(Dunder::Init));
    matches!((init, found), (Value::Obj(a), Some(Value::Obj(b))) if ObjRef::ptr_eq(a, &b))
}

/// `BaseException.with_traceback(tb)`: sets `__traceback__`, returns self.
fn exception_with_traceback(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let tb = crate::object::args::positional(ts, "with_traceback", args, 1, 1)?[0].clone();
    if let Some(exc) = this
        .obj()
        .filter(|o| crate::object::error::exc_data(o).is_some())
    {
        crate::interp::frame_objects::set_traceback(ts, exc, tb)?;
    }
    Ok(this.clone())
}

/// `BaseException.__reduce__()`: `(type(self), self.args)`, plus the instance's `__dict__`
/// when it has attributes (how exceptions pickle, e.g. from a `multiprocessing` worker).
fn exception_reduce(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    crate::object::args::positional(ts, "__reduce__", args, 0, 0)?;
    let class = Value::Obj(crate::object::class_of::class_of(ts, this));
    let exc_args = this
        .obj()
        .and_then(crate::object::error::exc_data)
        .map(|data| data.borrow().args.clone())
        .unwrap_or_default();
    let mut reduced = vec![class, Value::new_tuple(exc_args)];
    let dict = crate::protocol::attr::get_attr(ts, this, &Value::new_str("__dict__"));
    if let Ok(dict) = dict {
        if crate::protocol::sequence::len_of(ts, &dict)? > 0 {
            reduced.push(dict);
        }
    }
    Ok(Value::new_tuple(reduced))
}

/// Puts the methods into `BaseException`'s namespace.
pub fn install_methods(base_exception: &ObjRef) {
    if let Obj::Type(t) = &**base_exception {
        let mut d = t.dict_mut();
        d.set_str("__init__", method_value("__init__", exception_init));
        d.set_str("__reduce__", method_value("__reduce__", exception_reduce));
        d.set_str(
            "with_traceback",
            method_value("with_traceback", exception_with_traceback),
        );
    }
}

/// The attributes built-in exception classes give their instances, as CPython's getset
/// (`false`) or member (`true`) descriptors: which class owns each.
const FIELDS: &[(&str, bool, &[&str])] = &[
    (
        "BaseException",
        false,
        &["args", "__cause__", "__context__", "__traceback__"],
    ),
    (
        "SyntaxError",
        true,
        &[
            "msg",
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
            "print_file_and_line",
        ],
    ),
    (
        "OSError",
        true,
        &["errno", "strerror", "filename", "filename2"],
    ),
    ("ImportError", true, &["msg", "name", "path"]),
    ("StopIteration", true, &["value"]),
    ("SystemExit", true, &["code"]),
];

/// `Exception.args`: the descriptor of the field `name` of the first built-in exception
/// class of `cls`'s MRO that defines it (instances keep the values in their exception
/// data, so the class's namespace does not hold these).
pub fn field_descriptor(cls: &ObjRef, t: &TypeObj, name: &Value) -> Option<Value> {
    let key = name.as_str()?.as_str();
    let mro = t.mro();
    std::iter::once(cls).chain(mro.iter()).find_map(|c| {
        let Obj::Type(ct) = &**c else { return None };
        if crate::protocol::class::is_user_class(ct) {
            return None;
        }
        let (_, member, _) = FIELDS
            .iter()
            .find(|(owner, _, fields)| *owner == ct.name && fields.contains(&key))?;
        let accessors = [field_get, field_set, field_delete];
        Some(descriptors::new(
            *member,
            name,
            Value::Obj(c.clone()),
            accessors,
        ))
    })
}

fn field_get(ts: &mut ThreadState, receiver: &Value, args: &Args) -> PyResult {
    let a = descriptors::checked_instance(ts, receiver, args, 1)?;
    let (name, _) = descriptors::name_and_owner(receiver);
    crate::protocol::attr::generic_get_attr(ts, &a[0], &name)
}

fn field_set(ts: &mut ThreadState, receiver: &Value, args: &Args) -> PyResult {
    let a = descriptors::checked_instance(ts, receiver, args, 2)?;
    let (name, _) = descriptors::name_and_owner(receiver);
    crate::protocol::attr::generic_set_attr(ts, &a[0], &name, a[1].clone())?;
    Ok(Value::None)
}

fn field_delete(ts: &mut ThreadState, receiver: &Value, args: &Args) -> PyResult {
    let a = descriptors::checked_instance(ts, receiver, args, 1)?;
    let (name, _) = descriptors::name_and_owner(receiver);
    crate::protocol::attr::generic_del_attr(ts, &a[0], &name)?;
    Ok(Value::None)
}
