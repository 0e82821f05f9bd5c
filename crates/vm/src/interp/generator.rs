//! Generator protocol: resuming the suspended frame in a nested eval loop (`next`, `send`,
//! `throw`, `close`) or in place (a `for` loop's `ForIter`), and `yield from` delegation.

use std::cell::{Cell, RefCell};

use crate::interp::eval::{run_frame, FrameExit};
use crate::interp::frame::Frame;
use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::Function;
use crate::objects::generator::{GenKind, Generator};
use crate::protocol::attr::get_attr;
use crate::protocol::call::call_value;
use gilvm_compiler::bytecode::{CodeFlags, Instruction};

pub fn new_generator(frame: Box<Frame>, func: &Function) -> Value {
    let flags = func.code.code.flags;
    let kind = if flags.has(CodeFlags::ASYNC_GENERATOR) {
        GenKind::AsyncGenerator
    } else if flags.has(CodeFlags::COROUTINE) {
        GenKind::Coroutine
    } else {
        GenKind::Generator
    };
    Value::Obj(ObjRef::new(Obj::Generator(Generator {
        frame: RefCell::new(Some(frame)),
        running: Cell::new(false),
        qualname: func.qualname.clone(),
        kind,
        code: func.code.clone(),
        iterable_coroutine: Cell::new(false),
        running_async: Cell::new(false),
        closed: Cell::new(false),
    })))
}

pub enum Resumed {
    Yielded(Value),
    Returned(Value),
}

/// Resumes `gen` with `sent` (or by raising `throw` inside it).
pub fn resume(
    ts: &mut ThreadState,
    gen: &ObjRef,
    sent: Value,
    throw: Option<ObjRef>,
) -> PyResult<Resumed> {
    let Obj::Generator(g) = &**gen else {
        return Err(ts.type_error("not a generator"));
    };
    let noun = g.kind.noun();
    if g.running.get() {
        return Err(ts.value_error(format!("{noun} already executing")));
    }
    let Some(mut frame) = g.frame.borrow_mut().take() else {
        return match throw {
            Some(exc) => Err(exc),
            None if g.kind == GenKind::Coroutine => Err(ts.new_exc(
                ExcKind::RuntimeError,
                "cannot reuse already awaited coroutine",
            )),
            None => Ok(Resumed::Returned(Value::None)),
        };
    };
    if frame.ip == 0 && !sent.is_none() && throw.is_none() {
        *g.frame.borrow_mut() = Some(frame);
        let msg = format!("can't send non-None value to a just-started {noun}");
        return Err(ts.type_error(msg));
    }
    g.running.set(true);
    let result = match throw {
        Some(exc) if frame.in_yield_from() => throw_into_delegate(ts, frame, exc),
        None => match delegate_generator(&frame) {
            Some(sub) => send_into_delegate(ts, frame, &sub, sent),
            None => {
                if frame.ip > 0 {
                    frame.push(sent);
                }
                run_frame(ts, frame, None)
            }
        },
        throw => run_frame(ts, frame, throw),
    };
    g.running.set(false);
    match result.map_err(|e| stop_iteration_to_runtime_error(ts, e, g.kind))? {
        FrameExit::Yield(v, frame) => {
            *g.frame.borrow_mut() = Some(frame);
            Ok(Resumed::Yielded(v))
        }
        FrameExit::Return(v) => Ok(Resumed::Returned(v)),
    }
}

/// `ForIter` over a generator: its frame, taken out of it (now running) to be switched to in
/// place by the eval loop, as CPython 3.12's `FOR_ITER_GEN` does, instead of a nested run of
/// the loop per item. `None` (touching nothing) where `resume` must do it: not a plain
/// generator, running or finished, or suspended in a `yield from` (which `resume` passes down
/// the chain of delegates without running the frames in between). The loop's frame goes below
/// it on the frame stack and keeps the generator on its stack top until the loop ends, so
/// [`yield_in_place`], [`return_in_place`] and [`raise_in_place`] find it there.
#[inline(always)]
pub fn resume_in_place(ts: &mut ThreadState, iter: &Value) -> PyResult<Option<Box<Frame>>> {
    let Value::Obj(o) = iter else { return Ok(None) };
    let Obj::Generator(g) = &**o else {
        return Ok(None);
    };
    if g.kind != GenKind::Generator || g.running.get() {
        return Ok(None);
    }
    let Some(mut frame) = g.frame.borrow_mut().take_if(|f| !f.in_yield_from()) else {
        return Ok(None);
    };
    // As `run_frame` would: past the recursion limit the generator is lost, unrun.
    if let Err(e) = ts.enter() {
        ts.recycle_frame(frame);
        return Err(e);
    }
    if frame.ip > 0 {
        // What the paused `yield` evaluates to: `next` sends `None`.
        frame.push(Value::None);
    }
    frame.resumed_by_for = true;
    g.running.set(true);
    Ok(Some(frame))
}

/// The generator a `for` loop's frame (just switched back to) is iterating over: its top.
fn looping_generator(consumer: &Frame) -> &Generator {
    match consumer.top() {
        Value::Obj(o) => match &**o {
            Obj::Generator(g) => g,
            _ => unreachable!("a frame resumed by `for` below a non-generator"),
        },
        _ => unreachable!("a frame resumed by `for` below a non-generator"),
    }
}

/// The in-place generator frame `gen_frame` yielded `v`: the frame goes back into its
/// generator and `v` to the loop (`current`, already switched back to), as its `ForIter`'s
/// next item.
pub fn yield_in_place(current: &mut Frame, mut gen_frame: Box<Frame>, v: Value) {
    gen_frame.resumed_by_for = false;
    let g = looping_generator(current);
    *g.frame.borrow_mut() = Some(gen_frame);
    g.running.set(false);
    current.push(v);
}

/// The in-place generator frame returned (its value is dropped, as `for` drops it): the
/// generator is finished and the loop (`current`) ends, at its `ForIter`'s target.
#[cold]
pub fn return_in_place(current: &mut Frame) {
    looping_generator(current).running.set(false);
    current.pop();
    let Some(&Instruction::ForIter(target)) = current.code.instructions.get(current.current_ip())
    else {
        unreachable!("a frame resumed by `for` returns to its ForIter");
    };
    current.ip = target as usize;
}

/// An exception `exc` escaped the in-place generator frame: the generator is finished, and
/// what the loop's `ForIter` raises is `exc` (a `StopIteration` turned into `RuntimeError`).
#[cold]
pub fn raise_in_place(ts: &ThreadState, current: &Frame, exc: ObjRef) -> ObjRef {
    looping_generator(current).running.set(false);
    stop_iteration_to_runtime_error(ts, exc, GenKind::Generator)
}

/// The generator a frame suspended in `yield from` delegates to, if it is one.
fn delegate_generator(frame: &Frame) -> Option<ObjRef> {
    if !frame.in_yield_from() {
        return None;
    }
    let sub = frame.top().obj()?;
    matches!(&**sub, Obj::Generator(_)).then(|| sub.clone())
}

/// A frame suspended in `yield from` a generator passes `sent` straight down to it, as its
/// `YieldFrom` would: its own instructions only run again once the delegate returns or
/// raises, so a value yielded from deep in a chain of `yield from`s (a recursive tree walk)
/// costs one eval loop, not one per level. Each level still counts as a Python and a native
/// recursion level, as when its frame ran.
fn send_into_delegate(
    ts: &mut ThreadState,
    mut frame: Box<Frame>,
    sub: &ObjRef,
    sent: Value,
) -> PyResult<FrameExit> {
    ts.enter_native()?;
    if let Err(e) = ts.enter() {
        ts.leave_native();
        return Err(e);
    }
    let step = resume(ts, sub, sent, None);
    ts.leave();
    ts.leave_native();
    // When the delegate is done the frame goes on past its `YieldFrom`, where the eval loop
    // would be when `yield_from_step` returned or raised.
    match step {
        Ok(Resumed::Yielded(v)) => Ok(FrameExit::Yield(v, frame)),
        Ok(Resumed::Returned(v)) => {
            frame.pop();
            frame.push(v);
            frame.ip += 1;
            run_frame(ts, frame, None)
        }
        Err(e) => {
            frame.ip += 1;
            run_frame(ts, frame, Some(e))
        }
    }
}

/// PEP 380: `throw` (and `close`) on a generator suspended in `yield from` goes to the
/// sub-iterator first; only what it raises (or a missing `throw`) reaches this frame.
fn throw_into_delegate(
    ts: &mut ThreadState,
    mut frame: Box<Frame>,
    exc: ObjRef,
) -> PyResult<FrameExit> {
    let sub = frame.top().clone();
    if ts.exc_matches(&exc, ExcKind::GeneratorExit) {
        let raised = close_subiterator(ts, &sub).err();
        return run_frame(ts, frame, Some(raised.unwrap_or(exc)));
    }
    match throw_into(ts, &sub, exc.clone()) {
        Ok(Some(Step::Yielded(v))) => Ok(FrameExit::Yield(v, frame)),
        Ok(Some(Step::Done(v))) => {
            // The `yield from` is over: its value replaces the sub-iterator.
            frame.pop();
            frame.push(v);
            frame.ip += 1;
            run_frame(ts, frame, None)
        }
        Ok(None) => run_frame(ts, frame, Some(exc)),
        Err(e) => run_frame(ts, frame, Some(e)),
    }
}

/// `sub.throw(exc)`: `None` when `sub` has no `throw` method.
fn throw_into(ts: &mut ThreadState, sub: &Value, exc: ObjRef) -> PyResult<Option<Step>> {
    if let Some(gen) = sub.obj().filter(|o| matches!(&***o, Obj::Generator(_))) {
        return Ok(Some(match resume(ts, gen, Value::None, Some(exc))? {
            Resumed::Yielded(v) => Step::Yielded(v),
            Resumed::Returned(v) => Step::Done(v),
        }));
    }
    let Some(throw) = optional_method(ts, sub, "throw")? else {
        return Ok(None);
    };
    match call_value(ts, &throw, &[Value::Obj(exc)], &[]) {
        Ok(v) => Ok(Some(Step::Yielded(v))),
        Err(e) if ts.exc_matches(&e, ExcKind::StopIteration) => {
            let value = get_attr(ts, &Value::Obj(e), &Value::new_str("value"))?;
            Ok(Some(Step::Done(value)))
        }
        Err(e) => Err(e),
    }
}

fn close_subiterator(ts: &mut ThreadState, sub: &Value) -> PyResult<()> {
    if let Some(gen) = sub.obj().filter(|o| matches!(&***o, Obj::Generator(_))) {
        return close(ts, gen).map(drop);
    }
    if let Some(close) = optional_method(ts, sub, "close")? {
        call_value(ts, &close, &[], &[])?;
    }
    Ok(())
}

/// `obj.name`, or `None` when there is no such attribute.
fn optional_method(ts: &mut ThreadState, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match get_attr(ts, obj, &Value::new_str(name)) {
        Ok(method) => Ok(Some(method)),
        Err(e) if ts.exc_matches(&e, ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// PEP 479: a `StopIteration` escaping a generator's frame (or a `StopAsyncIteration` an
/// async generator's) becomes a `RuntimeError`.
fn stop_iteration_to_runtime_error(ts: &ThreadState, e: ObjRef, kind: GenKind) -> ObjRef {
    let escaped = if ts.exc_matches(&e, ExcKind::StopIteration) {
        "StopIteration"
    } else if kind == GenKind::AsyncGenerator && ts.exc_matches(&e, ExcKind::StopAsyncIteration) {
        "StopAsyncIteration"
    } else {
        return e;
    };
    let msg = format!("{} raised {escaped}", kind.noun());
    let err = ts.new_exc(ExcKind::RuntimeError, msg);
    if let Some(data) = crate::object::error::exc_data(&err) {
        let mut data = data.borrow_mut();
        data.cause = Value::Obj(e.clone());
        data.context = Value::Obj(e);
        data.suppress_context = true;
    }
    err
}

/// `next(gen)` for iteration: `None` when the generator finishes.
pub fn next(ts: &mut ThreadState, gen: &ObjRef) -> PyResult<Option<Value>> {
    match resume(ts, gen, Value::None, None)? {
        Resumed::Yielded(v) => Ok(Some(v)),
        Resumed::Returned(_) => Ok(None),
    }
}

/// `gen.send(v)` / `gen.throw(e)`: the next yielded value or `StopIteration(result)`.
pub fn send(ts: &mut ThreadState, gen: &ObjRef, sent: Value, throw: Option<ObjRef>) -> PyResult {
    match resume(ts, gen, sent, throw)? {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(ts.stop_iteration(v)),
    }
}

pub fn close(ts: &mut ThreadState, gen: &ObjRef) -> PyResult {
    let Obj::Generator(g) = &**gen else {
        return Ok(Value::None);
    };
    let started = g.frame.borrow().as_ref().map(|f| f.ip > 0);
    match started {
        None => return Ok(Value::None),
        Some(false) => {
            g.frame.borrow_mut().take();
            return Ok(Value::None);
        }
        Some(true) => {}
    }
    let exit = crate::object::error::new_exception(ts.exc_class(ExcKind::GeneratorExit), vec![]);
    match resume(ts, gen, Value::None, Some(exit)) {
        Ok(Resumed::Yielded(_)) => {
            let msg = format!("{} ignored GeneratorExit", g.kind.noun());
            Err(ts.new_exc(ExcKind::RuntimeError, msg))
        }
        Ok(Resumed::Returned(_)) => Ok(Value::None),
        Err(e)
            if ts.exc_matches(&e, ExcKind::GeneratorExit)
                || ts.exc_matches(&e, ExcKind::StopIteration) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// `GetYieldFromIter`: generators (and coroutines, from a `types.coroutine` generator) are
/// delegated to as they are; a coroutine only from a coroutine-like generator.
pub fn yield_from_iter(ts: &mut ThreadState, v: &Value) -> PyResult {
    match v.obj().map(|o| &**o) {
        Some(Obj::Generator(g)) if g.kind == GenKind::Generator => Ok(v.clone()),
        Some(Obj::Generator(g)) if g.kind == GenKind::Coroutine => {
            Err(ts
                .type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"))
        }
        _ => crate::protocol::iter::get_iter(ts, v),
    }
}

pub enum Step {
    Yielded(Value),
    Done(Value),
}

/// One round of `yield from` (or `await`): send `sent` into the sub-iterator.
#[inline(never)]
pub fn yield_from_step(ts: &mut ThreadState, iter: &Value, sent: Value) -> PyResult<Step> {
    if let Value::Obj(o) = iter {
        match &**o {
            Obj::Generator(_) => {
                return Ok(match resume(ts, o, sent, None)? {
                    Resumed::Yielded(v) => Step::Yielded(v),
                    Resumed::Returned(v) => Step::Done(v),
                });
            }
            Obj::Iter(state) if state.borrow().is_awaitable() => {
                return crate::interp::coroutine::await_step(ts, o, sent, None);
            }
            Obj::Instance(_) => return send_to_object(ts, iter, sent),
            _ => {}
        }
    }
    Ok(match crate::protocol::iter::next_value(ts, iter)? {
        Some(v) => Step::Yielded(v),
        None => Step::Done(Value::None),
    })
}

/// `iter.__next__()` (or `iter.send(sent)` when something is sent), with the value of the
/// `StopIteration` that ends it.
fn send_to_object(ts: &mut ThreadState, iter: &Value, sent: Value) -> PyResult<Step> {
    let (name, args) = match sent {
        Value::None => ("__next__", vec![]),
        sent => ("send", vec![sent]),
    };
    let method = get_attr(ts, iter, &Value::new_str(name))?;
    match call_value(ts, &method, &args, &[]) {
        Ok(v) => Ok(Step::Yielded(v)),
        Err(e) if ts.exc_matches(&e, ExcKind::StopIteration) => {
            let value = get_attr(ts, &Value::Obj(e), &Value::new_str("value"))?;
            Ok(Step::Done(value))
        }
        Err(e) => Err(e),
    }
}
