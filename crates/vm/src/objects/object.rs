//! Methods of `object` reached explicitly (`object.__setattr__(self, name, value)`): the
//! default behaviour, bypassing a class's own hooks.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};
use crate::protocol::attr;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__setattr__", object_setattr),
    ("__delattr__", object_delattr),
    ("__getattribute__", object_getattribute),
    ("__init__", object_init),
    ("__repr__", object_repr),
    ("__str__", object_str),
    ("__reduce_ex__", object_reduce_ex),
    ("__reduce__", object_reduce),
    ("__getstate__", object_getstate),
];

/// The `object` methods that a subclass of a built-in type binds to the instance itself
/// rather than to the built-in value it wraps.
pub fn instance_method(name: &str) -> Option<(&'static str, NativeFn)> {
    let found = METHODS.iter().find(|(n, _)| *n == name).copied();
    found.filter(|(n, _)| matches!(*n, "__reduce_ex__" | "__reduce__" | "__getstate__"))
}

/// Calls `copyreg.name(this, *args)`: pickling's defaults are written in Python there.
fn copyreg_call(ts: &mut ThreadState, name: &str, this: &Value, args: &[Value]) -> PyResult {
    let copyreg = crate::interp::import::import_module(ts, "copyreg")?;
    let f = attr::get_attr(ts, &copyreg, &Value::new_str(name))?;
    let mut all = vec![this.clone()];
    all.extend_from_slice(args);
    crate::protocol::call::call_value(ts, &f, &all, &[])
}

fn object_reduce_ex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__reduce_ex__", args, 1, 1)?;
    let protocol = crate::object::args::int_arg(ts, &a[0])?;
    copyreg_call(ts, "_object_reduce_ex", this, &[Value::Int(protocol)])
}

fn object_reduce(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__reduce__", args, 0, 0)?;
    copyreg_call(ts, "_object_reduce", this, &[])
}

fn object_getstate(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__getstate__", args, 0, 0)?;
    copyreg_call(ts, "_object_getstate", this, &[])
}

fn attr_name(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if v.as_str().is_none() {
        return Err(ts.type_error(format!(
            "attribute name must be string, not '{}'",
            crate::object::class_of::type_name(ts, v)
        )));
    }
    Ok(v.clone())
}

fn object_setattr(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__setattr__", args, 2, 2)?;
    let name = attr_name(ts, &a[0])?;
    attr::generic_set_attr(ts, this, &name, a[1].clone())?;
    Ok(Value::None)
}

fn object_delattr(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__delattr__", args, 1, 1)?;
    let name = attr_name(ts, &a[0])?;
    attr::generic_del_attr(ts, this, &name)?;
    Ok(Value::None)
}

fn object_getattribute(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__getattribute__", args, 1, 1)?;
    let name = attr_name(ts, &a[0])?;
    attr::generic_get_attr(ts, this, &name)
}

/// `object.__repr__`: `<module.Class object at 0x...>`, whatever the class overrides.
fn object_repr(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__repr__", args, 0, 0)?;
    Ok(Value::new_str(crate::text::repr::default_repr(ts, this)))
}

fn object_str(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__str__", args, 0, 0)?;
    Ok(Value::new_str(crate::text::repr::repr(ts, this)?))
}

/// `object.__init__`: accepts and ignores its arguments when reached through `super()`.
pub fn object_init(_ts: &mut ThreadState, _this: &Value, _args: &Args) -> PyResult {
    Ok(Value::None)
}
