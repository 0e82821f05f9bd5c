//! Coroutines and async generators: `await` (`GetAwaitable`), `async for` (`GetAiter`,
//! `GetAnext`, `EndAsyncFor`), `async with` (`BeforeAsyncWith`), and the awaitables that
//! drive them one step per `send`: `coro.__await__()`, `agen.asend()`/`__anext__()`,
//! `agen.athrow()`/`aclose()` (CPython's `genobject.c`).

use std::cell::RefCell;

use crate::interp::generator::{self, Resumed, Step};
use crate::interp::thread_state::ThreadState;
use crate::object::class_of::type_name;
use crate::object::error::{new_exception, ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::generator::{AwaitKind, AwaitOp, AwaitState, GenKind, Generator};
use crate::objects::iterators::IterState;
use crate::protocol::attr::get_attr;
use crate::protocol::call::call_value;

pub fn new_await_op(target: ObjRef, kind: AwaitKind) -> Value {
    Value::new_iter(IterState::Await(Box::new(AwaitOp {
        target,
        kind,
        state: AwaitState::Init,
    })))
}

fn generator_of(o: &ObjRef) -> Option<&Generator> {
    match &**o {
        Obj::Generator(g) => Some(g),
        _ => None,
    }
}

fn no_arg_exc(ts: &ThreadState, kind: ExcKind) -> ObjRef {
    new_exception(ts.exc_class(kind), vec![])
}

/// `obj.name` looked up on the type (a special method), bound; `None` when missing.
fn special_method(ts: &mut ThreadState, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match get_attr(ts, obj, &Value::new_str(name)) {
        Ok(m) => Ok(Some(m)),
        Err(e) if ts.exc_matches(&e, ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether `v` can be stepped by `yield from` (`__next__`).
fn is_iterator(ts: &mut ThreadState, v: &Value) -> PyResult<bool> {
    Ok(match v.obj().map(|o| &**o) {
        Some(Obj::Iter(_)) => true,
        Some(Obj::Generator(g)) => g.kind == GenKind::Generator,
        Some(Obj::Instance(_)) => special_method(ts, v, "__next__")?.is_some(),
        _ => false,
    })
}

/// `GetAwaitable`: the iterator `await v` delegates to. `context` is the instruction's
/// operand (0 `await`, 1 `__aenter__`'s result, 2 `__aexit__`'s).
#[inline(never)]
pub fn get_awaitable(ts: &mut ThreadState, v: &Value, context: u32) -> PyResult {
    if let Some(o) = v.obj() {
        match &**o {
            Obj::Generator(g) if g.kind == GenKind::Coroutine => {
                if g.in_yield_from() {
                    let msg = "coroutine is being awaited already";
                    return Err(ts.new_exc(ExcKind::RuntimeError, msg));
                }
                return Ok(v.clone());
            }
            Obj::Generator(g) if g.iterable_coroutine.get() => return Ok(v.clone()),
            Obj::Iter(state) if state.borrow().is_awaitable() => return Ok(v.clone()),
            _ => {}
        }
    }
    let await_method = match v.obj().map(|o| &**o) {
        Some(Obj::Instance(_) | Obj::Generator(_)) => special_method(ts, v, "__await__")?,
        _ => None,
    };
    let Some(await_method) = await_method else {
        let tn = type_name(ts, v);
        let msg = match context {
            1 => format!(
                "'async with' received an object from __aenter__ that does not implement __await__: {tn}"
            ),
            2 => format!(
                "'async with' received an object from __aexit__ that does not implement __await__: {tn}"
            ),
            _ => format!("object {tn} can't be used in 'await' expression"),
        };
        return Err(ts.type_error(msg));
    };
    let it = call_value(ts, &await_method, &[], &[])?;
    if let Some(Obj::Generator(g)) = it.obj().map(|o| &**o) {
        if g.kind == GenKind::Coroutine {
            return Err(ts.type_error("__await__() returned a coroutine"));
        }
    }
    if !is_iterator(ts, &it)? {
        let msg = format!(
            "__await__() returned non-iterator of type '{}'",
            type_name(ts, &it)
        );
        return Err(ts.type_error(msg));
    }
    Ok(it)
}

/// `GetAiter`: `v.__aiter__()`, which must have `__anext__`.
#[inline(never)]
pub fn get_aiter(ts: &mut ThreadState, v: &Value) -> PyResult {
    if let Some(Obj::Generator(g)) = v.obj().map(|o| &**o) {
        if g.kind == GenKind::AsyncGenerator {
            return Ok(v.clone());
        }
    }
    let Some(aiter) = special_method(ts, v, "__aiter__")? else {
        let msg = format!(
            "'async for' requires an object with __aiter__ method, got {}",
            type_name(ts, v)
        );
        return Err(ts.type_error(msg));
    };
    let it = call_value(ts, &aiter, &[], &[])?;
    if special_method(ts, &it, "__anext__")?.is_none() {
        let msg = format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            type_name(ts, &it)
        );
        return Err(ts.type_error(msg));
    }
    Ok(it)
}

/// `GetAnext`: the awaitable of `aiter.__anext__()`.
#[inline(never)]
pub fn get_anext(ts: &mut ThreadState, aiter: &Value) -> PyResult {
    if let Some(o) = aiter.obj() {
        if let Some(g) = generator_of(o) {
            if g.kind == GenKind::AsyncGenerator {
                return Ok(new_await_op(o.clone(), AwaitKind::ASend(Value::None)));
            }
        }
    }
    let Some(anext) = special_method(ts, aiter, "__anext__")? else {
        let msg = format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            type_name(ts, aiter)
        );
        return Err(ts.type_error(msg));
    };
    let awaitable = call_value(ts, &anext, &[], &[])?;
    get_awaitable(ts, &awaitable, 0).map_err(|e| {
        if !ts.exc_matches(&e, ExcKind::TypeError) {
            return e;
        }
        ts.type_error(format!(
            "'async for' received an invalid object from __anext__: {}",
            type_name(ts, &awaitable)
        ))
    })
}

/// `BeforeAsyncWith`: (bound `__aexit__`, the result of `__aenter__()`).
#[inline(never)]
pub fn before_async_with(ts: &mut ThreadState, mgr: &Value) -> PyResult<(Value, Value)> {
    let protocol = "object does not support the asynchronous context manager protocol";
    let Some(enter) = special_method(ts, mgr, "__aenter__")? else {
        return Err(ts.type_error(format!("'{}' {protocol}", type_name(ts, mgr))));
    };
    let Some(exit) = special_method(ts, mgr, "__aexit__")? else {
        let tn = type_name(ts, mgr);
        return Err(ts.type_error(format!("'{tn}' {protocol} (missed __aexit__ method)")));
    };
    let entered = call_value(ts, &enter, &[], &[])?;
    Ok((exit, entered))
}

fn set_state(cell: &RefCell<IterState>, state: AwaitState) {
    if let IterState::Await(op) = &mut *cell.borrow_mut() {
        op.state = state;
    }
}

/// One step of the awaitable `op`: `sent` sent into it, or `throw` thrown into it.
/// `Step::Done(v)` is its `StopIteration(v)`: the value of the `await`.
pub fn await_step(
    ts: &mut ThreadState,
    op: &ObjRef,
    sent: Value,
    throw: Option<ObjRef>,
) -> PyResult<Step> {
    let Obj::Iter(cell) = &**op else {
        return Err(ts.type_error("not an awaitable"));
    };
    let (target, kind, state) = match &*cell.borrow() {
        IterState::Await(a) => {
            let kind = match &a.kind {
                AwaitKind::Wrapper => AwaitKind::Wrapper,
                AwaitKind::ASend(v) => AwaitKind::ASend(v.clone()),
                AwaitKind::AThrow(e) => AwaitKind::AThrow(e.clone()),
            };
            (a.target.clone(), kind, a.state)
        }
        _ => return Err(ts.type_error("not an awaitable")),
    };
    let Some(g) = generator_of(&target) else {
        return Err(ts.type_error("not an awaitable"));
    };
    match kind {
        AwaitKind::Wrapper => Ok(match generator::resume(ts, &target, sent, throw)? {
            Resumed::Yielded(v) => Step::Yielded(v),
            Resumed::Returned(v) => Step::Done(v),
        }),
        AwaitKind::ASend(first) => {
            if state == AwaitState::Closed {
                let msg = "cannot reuse already awaited __anext__()/asend()";
                return Err(ts.new_exc(ExcKind::RuntimeError, msg));
            }
            let mut sent = sent;
            if state == AwaitState::Init && throw.is_none() {
                if g.running_async.get() {
                    let msg = "anext(): asynchronous generator is already running";
                    return Err(ts.new_exc(ExcKind::RuntimeError, msg));
                }
                if sent.is_none() {
                    sent = first;
                }
                set_state(cell, AwaitState::Iter);
            }
            g.running_async.set(true);
            let resumed = generator::resume(ts, &target, sent, throw);
            let step = unwrap_value(ts, g, resumed);
            if !matches!(step, Ok(Step::Yielded(_))) {
                set_state(cell, AwaitState::Closed);
            }
            step
        }
        AwaitKind::AThrow(exc) => athrow_step(ts, cell, &target, g, exc, state, sent, throw),
    }
}

/// What an async generator's step means to the `asend`/`athrow` awaitable: a plain `yield`
/// (not one inside an `await`) finishes the awaitable with the value; the frame's end is
/// `StopAsyncIteration`.
fn unwrap_value(ts: &ThreadState, g: &Generator, resumed: PyResult<Resumed>) -> PyResult<Step> {
    match resumed {
        Ok(Resumed::Yielded(v)) if g.in_yield_from() => Ok(Step::Yielded(v)),
        Ok(Resumed::Yielded(v)) => {
            g.running_async.set(false);
            Ok(Step::Done(v))
        }
        Ok(Resumed::Returned(_)) => {
            g.closed.set(true);
            g.running_async.set(false);
            Err(no_arg_exc(ts, ExcKind::StopAsyncIteration))
        }
        Err(e) => {
            if ts.exc_matches(&e, ExcKind::StopAsyncIteration)
                || ts.exc_matches(&e, ExcKind::GeneratorExit)
            {
                g.closed.set(true);
            }
            g.running_async.set(false);
            Err(e)
        }
    }
}

/// One step of `athrow(exc)` (or of `aclose()` when `exc` is `None`).
#[allow(clippy::too_many_arguments)]
fn athrow_step(
    ts: &mut ThreadState,
    cell: &RefCell<IterState>,
    target: &ObjRef,
    g: &Generator,
    exc: Option<Value>,
    state: AwaitState,
    sent: Value,
    throw: Option<ObjRef>,
) -> PyResult<Step> {
    let closing = exc.is_none();
    if state == AwaitState::Closed {
        let msg = "cannot reuse already awaited aclose()/athrow()";
        return Err(ts.new_exc(ExcKind::RuntimeError, msg));
    }
    if g.frame.borrow().is_none() {
        set_state(cell, AwaitState::Closed);
        return Ok(Step::Done(Value::None));
    }
    let resumed = if state == AwaitState::Init {
        if g.running_async.get() {
            set_state(cell, AwaitState::Closed);
            let what = if closing { "aclose" } else { "athrow" };
            let msg = format!("{what}(): asynchronous generator is already running");
            return Err(ts.new_exc(ExcKind::RuntimeError, msg));
        }
        if g.closed.get() {
            set_state(cell, AwaitState::Closed);
            return Err(no_arg_exc(ts, ExcKind::StopAsyncIteration));
        }
        if !sent.is_none() {
            let msg = "can't send non-None value to a just-started coroutine";
            return Err(ts.new_exc(ExcKind::RuntimeError, msg));
        }
        set_state(cell, AwaitState::Iter);
        g.running_async.set(true);
        let thrown = match (&exc, throw) {
            (_, Some(t)) => t,
            (Some(Value::Obj(e)), None) => e.clone(),
            _ => {
                g.closed.set(true);
                no_arg_exc(ts, ExcKind::GeneratorExit)
            }
        };
        generator::resume(ts, target, Value::None, Some(thrown))
    } else {
        generator::resume(ts, target, sent, throw)
    };
    let step = if closing {
        match resumed {
            Ok(Resumed::Yielded(_)) if !g.in_yield_from() => {
                g.running_async.set(false);
                set_state(cell, AwaitState::Closed);
                let msg = "async generator ignored GeneratorExit";
                return Err(ts.new_exc(ExcKind::RuntimeError, msg));
            }
            Ok(Resumed::Yielded(v)) => return Ok(Step::Yielded(v)),
            Ok(Resumed::Returned(_)) => Ok(Step::Done(Value::None)),
            Err(e) => Err(e),
        }
    } else {
        unwrap_value(ts, g, resumed)
    };
    if matches!(step, Ok(Step::Yielded(_))) {
        return step;
    }
    g.running_async.set(false);
    set_state(cell, AwaitState::Closed);
    match step {
        Err(e)
            if closing
                && (ts.exc_matches(&e, ExcKind::StopAsyncIteration)
                    || ts.exc_matches(&e, ExcKind::GeneratorExit)) =>
        {
            Ok(Step::Done(Value::None))
        }
        other => other,
    }
}

/// `op.close()` of an awaitable.
pub fn close_await(ts: &mut ThreadState, op: &ObjRef) -> PyResult {
    let Obj::Iter(cell) = &**op else {
        return Ok(Value::None);
    };
    let wrapped = match &*cell.borrow() {
        IterState::Await(a) if matches!(a.kind, AwaitKind::Wrapper) => Some(a.target.clone()),
        _ => None,
    };
    match wrapped {
        Some(coro) => generator::close(ts, &coro),
        None => {
            set_state(cell, AwaitState::Closed);
            Ok(Value::None)
        }
    }
}

/// `send`/`__next__`/`throw` of an awaitable: the value it yields, or `StopIteration`.
pub fn await_send(
    ts: &mut ThreadState,
    op: &ObjRef,
    sent: Value,
    throw: Option<ObjRef>,
) -> PyResult {
    match await_step(ts, op, sent, throw)? {
        Step::Yielded(v) => Ok(v),
        Step::Done(v) => Err(ts.stop_iteration(v)),
    }
}

/// `EndAsyncFor`'s test: whether `exc` ends the loop.
pub fn ends_async_for(ts: &ThreadState, exc: &Value) -> bool {
    matches!(exc, Value::Obj(e) if ts.exc_matches(e, ExcKind::StopAsyncIteration))
}
