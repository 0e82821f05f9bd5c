//! Generator protocol: resuming the suspended frame in a nested eval loop (`next`, `send`,
//! `throw`, `close`) and `yield from` delegation.

use std::cell::{Cell, RefCell};

use crate::interp::eval::{run_frame, FrameExit};
use crate::interp::frame::Frame;
use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::Function;
use crate::objects::generator::Generator;
use crate::protocol::attr::get_attr;
use crate::protocol::call::call_value;

pub fn new_generator(frame: Box<Frame>, func: &Function) -> Value {
    Value::Obj(ObjRef::new(Obj::Generator(Generator {
        frame: RefCell::new(Some(frame)),
        running: Cell::new(false),
        name: func.name().to_string(),
        qualname: func.qualname.clone(),
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
    if g.running.get() {
        return Err(ts.value_error("generator already executing"));
    }
    let Some(mut frame) = g.frame.borrow_mut().take() else {
        return match throw {
            Some(exc) => Err(exc),
            None => Ok(Resumed::Returned(Value::None)),
        };
    };
    if frame.ip == 0 && !sent.is_none() && throw.is_none() {
        *g.frame.borrow_mut() = Some(frame);
        return Err(ts.type_error("can't send non-None value to a just-started generator"));
    }
    if frame.ip > 0 && throw.is_none() {
        frame.push(sent);
    }
    g.running.set(true);
    let result = match throw {
        Some(exc) if frame.in_yield_from() => throw_into_delegate(ts, frame, exc),
        throw => run_frame(ts, frame, throw),
    };
    g.running.set(false);
    match result.map_err(|e| stop_iteration_to_runtime_error(ts, e))? {
        FrameExit::Yield(v, frame) => {
            *g.frame.borrow_mut() = Some(frame);
            Ok(Resumed::Yielded(v))
        }
        FrameExit::Return(v) => Ok(Resumed::Returned(v)),
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

/// PEP 479: a `StopIteration` escaping a generator's frame becomes a `RuntimeError`.
fn stop_iteration_to_runtime_error(ts: &ThreadState, e: ObjRef) -> ObjRef {
    if !ts.exc_matches(&e, ExcKind::StopIteration) {
        return e;
    }
    let err = ts.new_exc(ExcKind::RuntimeError, "generator raised StopIteration");
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
            Err(ts.new_exc(ExcKind::RuntimeError, "generator ignored GeneratorExit"))
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

pub fn yield_from_iter(ts: &mut ThreadState, v: &Value) -> PyResult {
    match v.obj().map(|o| &**o) {
        Some(Obj::Generator(_)) => Ok(v.clone()),
        _ => crate::protocol::iter::get_iter(ts, v),
    }
}

pub enum Step {
    Yielded(Value),
    Done(Value),
}

/// One round of `yield from`: send `sent` into the sub-iterator.
pub fn yield_from_step(ts: &mut ThreadState, iter: &Value, sent: Value) -> PyResult<Step> {
    if let Value::Obj(o) = iter {
        if matches!(&**o, Obj::Generator(_)) {
            return Ok(match resume(ts, o, sent, None)? {
                Resumed::Yielded(v) => Step::Yielded(v),
                Resumed::Returned(v) => Step::Done(v),
            });
        }
    }
    Ok(match crate::protocol::iter::next_value(ts, iter)? {
        Some(v) => Step::Yielded(v),
        None => Step::Done(Value::None),
    })
}
