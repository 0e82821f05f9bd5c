//! The methods and data attributes of generators, coroutines, async generators and the
//! awaitables that drive the last two (`coroutine_wrapper`, `async_generator_asend`,
//! `async_generator_athrow`); their protocol is in `interp::generator` and
//! `interp::coroutine`.

use crate::interp::coroutine::{await_send, close_await, new_await_op};
use crate::interp::generator;
use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::{Args, NativeFn};
use crate::objects::generator::{AwaitKind, GenKind, Generator};

pub const COROUTINE_METHODS: &[(&str, NativeFn)] = &[
    ("send", gen_send),
    ("throw", gen_throw),
    ("close", gen_close),
    ("__await__", coro_await),
];
pub const ASYNC_GENERATOR_METHODS: &[(&str, NativeFn)] = &[
    ("__aiter__", identity),
    ("__anext__", agen_anext),
    ("asend", agen_asend),
    ("athrow", agen_athrow),
    ("aclose", agen_aclose),
];
pub const AWAIT_METHODS: &[(&str, NativeFn)] = &[
    ("send", await_op_send),
    ("throw", await_op_throw),
    ("close", await_op_close),
    ("__next__", await_op_next),
    ("__iter__", identity),
    ("__await__", identity),
];

/// Native helpers of the `types` module.
pub const TYPES_FUNCTIONS: &[(&str, NativeFn)] = &[("_iterable_coroutine", iterable_coroutine)];

/// `types._iterable_coroutine(gen)`: marks a generator as awaitable (what CPython's
/// `types.coroutine` does with the `CO_ITERABLE_COROUTINE` code flag) and returns it.
fn iterable_coroutine(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_iterable_coroutine", args, 1, 1)?;
    if let Some(Obj::Generator(g)) = a[0].obj().map(|o| &**o) {
        g.iterable_coroutine.set(true);
    }
    Ok(a[0].clone())
}

/// `__name__`, `gi_running`, `cr_await`, `ag_code`, ... of a generator of any kind.
pub fn data_attr(g: &Generator, name: &str) -> Option<Value> {
    let prefix = match g.kind {
        GenKind::Generator => "gi_",
        GenKind::Coroutine => "cr_",
        GenKind::AsyncGenerator => "ag_",
    };
    if name == "__name__" {
        return Some(Value::new_str(&*g.code.code.name));
    }
    if name == "__qualname__" {
        return Some(g.qualname.clone());
    }
    let field = name.strip_prefix(prefix)?;
    Some(match (field, g.kind) {
        ("running", GenKind::AsyncGenerator) => Value::Bool(g.running_async.get()),
        ("running", _) => Value::Bool(g.running.get()),
        ("yieldfrom", GenKind::Generator)
        | ("await", GenKind::Coroutine)
        | ("await", GenKind::AsyncGenerator) => g.yield_from(),
        ("code", _) => Value::Obj(ObjRef::new(Obj::Code(g.code.clone()))),
        ("frame", _) if g.frame.borrow().is_none() => Value::None,
        ("origin", GenKind::Coroutine) => Value::None,
        _ => return None,
    })
}

fn identity(_ts: &mut ThreadState, this: &Value, _args: &Args) -> PyResult {
    Ok(this.clone())
}

fn this_obj(ts: &ThreadState, this: &Value) -> PyResult<ObjRef> {
    this.obj()
        .cloned()
        .ok_or_else(|| ts.type_error("expected a generator"))
}

pub(crate) fn gen_send(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "send", args, 1, 1)?;
    let g = this_obj(ts, this)?;
    generator::send(ts, &g, a[0].clone(), None)
}

/// The exception `throw(type[, value[, traceback]])` raises.
fn thrown_exception(ts: &mut ThreadState, a: &[Value]) -> PyResult<ObjRef> {
    let exc = match &a[0] {
        Value::Obj(o) if matches!(&**o, Obj::Type(_)) => match a.get(1) {
            // `throw(type, instance)`: the instance itself, as CPython does.
            Some(v @ Value::Obj(e))
                if crate::object::error::exc_data(e).is_some()
                    && crate::object::typeobj::is_subclass(
                        &crate::object::class_of::class_of(ts, v),
                        o,
                    ) =>
            {
                v.clone()
            }
            Some(Value::None) | None => crate::protocol::call::call_value(ts, &a[0], &[], &[])?,
            Some(v) => crate::protocol::call::call_value(ts, &a[0], std::slice::from_ref(v), &[])?,
        },
        v => v.clone(),
    };
    match exc {
        Value::Obj(e) if crate::object::error::exc_data(&e).is_some() => Ok(e),
        _ => Err(ts.type_error(
            "exceptions must be classes or instances deriving from BaseException, not str",
        )),
    }
}

pub(crate) fn gen_throw(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "throw", args, 1, 3)?;
    let g = this_obj(ts, this)?;
    let exc = thrown_exception(ts, a)?;
    generator::send(ts, &g, Value::None, Some(exc))
}

pub(crate) fn gen_close(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "close", args, 0, 0)?;
    let g = this_obj(ts, this)?;
    generator::close(ts, &g)
}

fn coro_await(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__await__", args, 0, 0)?;
    Ok(new_await_op(this_obj(ts, this)?, AwaitKind::Wrapper))
}

fn agen_anext(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__anext__", args, 0, 0)?;
    Ok(new_await_op(
        this_obj(ts, this)?,
        AwaitKind::ASend(Value::None),
    ))
}

fn agen_asend(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "asend", args, 1, 1)?;
    Ok(new_await_op(
        this_obj(ts, this)?,
        AwaitKind::ASend(a[0].clone()),
    ))
}

fn agen_athrow(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "athrow", args, 1, 3)?;
    let exc = thrown_exception(ts, a)?;
    let kind = AwaitKind::AThrow(Some(Value::Obj(exc)));
    Ok(new_await_op(this_obj(ts, this)?, kind))
}

fn agen_aclose(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "aclose", args, 0, 0)?;
    Ok(new_await_op(this_obj(ts, this)?, AwaitKind::AThrow(None)))
}

fn await_op_send(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "send", args, 1, 1)?;
    await_send(ts, &this_obj(ts, this)?, a[0].clone(), None)
}

fn await_op_next(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__next__", args, 0, 0)?;
    await_send(ts, &this_obj(ts, this)?, Value::None, None)
}

fn await_op_throw(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "throw", args, 1, 3)?;
    let exc = thrown_exception(ts, a)?;
    await_send(ts, &this_obj(ts, this)?, Value::None, Some(exc))
}

fn await_op_close(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "close", args, 0, 0)?;
    close_await(ts, &this_obj(ts, this)?)
}
