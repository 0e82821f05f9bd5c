//! One step of `itertools`' native lazy iterators ([`Tool`]), as CPython's
//! `itertoolsmodule.c` steps them. A step may run Python code (the inner iterator, a
//! predicate, `+` of a `count`), so what it needs is cloned out of the iterator's cell first
//! and written back after: the code may touch the same iterator again.

use std::cell::RefCell;

use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::Value;
use crate::objects::iterators::IterState;
use crate::objects::itertools_state::Tool;
use crate::protocol::call::call_value;
use crate::protocol::iter::{collect, get_iter, next_value};
use crate::protocol::ops;
use gilvm_compiler::bytecode::BinaryOperator;

/// Runs `f` on the tool in `state`, if it still is one.
fn with_tool<R>(state: &RefCell<IterState>, f: impl FnOnce(&mut Tool) -> R) -> Option<R> {
    match &mut *state.borrow_mut() {
        IterState::Tool(tool) => Some(f(tool)),
        _ => None,
    }
}

/// `r`, having marked the iterator spent if it is an error.
fn spent_on_error<T>(state: &RefCell<IterState>, r: PyResult<T>) -> PyResult<T> {
    if r.is_err() {
        let mut state = state.borrow_mut();
        *state = IterState::Exhausted(state.type_id());
    }
    r
}

/// The next item: `None` when the iterator is spent (the caller marks it exhausted).
pub fn next(ts: &mut ThreadState, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
    enum Plan {
        Repeat,
        Count(Value, Value),
        Chain(Value, Value),
        Islice(Value, usize, usize, Option<usize>),
        Starmap(Value, Value),
        TakeWhile(Value, Value),
        DropWhile(Value, Value, bool),
    }
    let plan = match &*state.borrow() {
        IterState::Tool(tool) => match &**tool {
            Tool::Repeat { .. } => Plan::Repeat,
            Tool::Count { next, step } => Plan::Count(next.clone(), step.clone()),
            Tool::Chain { current, sources } => Plan::Chain(current.clone(), sources.clone()),
            Tool::Islice {
                inner,
                consumed,
                wanted,
                stop,
                ..
            } => Plan::Islice(inner.clone(), *consumed, *wanted, *stop),
            Tool::Starmap { func, inner } => Plan::Starmap(func.clone(), inner.clone()),
            Tool::TakeWhile { predicate, inner } => {
                Plan::TakeWhile(predicate.clone(), inner.clone())
            }
            Tool::DropWhile {
                predicate,
                inner,
                dropping,
            } => Plan::DropWhile(predicate.clone(), inner.clone(), *dropping),
        },
        _ => return Ok(None),
    };
    match plan {
        Plan::Repeat => Ok(repeat(state)),
        Plan::Count(current, step) => count(ts, state, current, &step).map(Some),
        Plan::Chain(current, sources) => chain(ts, state, current, &sources),
        Plan::Islice(inner, consumed, wanted, stop) => {
            islice(ts, state, &inner, consumed, wanted, stop)
        }
        Plan::Starmap(func, inner) => starmap(ts, &func, &inner),
        Plan::TakeWhile(predicate, inner) => match next_value(ts, &inner)? {
            Some(v) if test(ts, &predicate, &v)? => Ok(Some(v)),
            _ => Ok(None),
        },
        Plan::DropWhile(predicate, inner, dropping) => {
            drop_while(ts, state, &predicate, &inner, dropping)
        }
    }
}

/// A `repeat`'s next item (it runs no Python code: all under one borrow).
fn repeat(state: &RefCell<IterState>) -> Option<Value> {
    with_tool(state, |tool| match tool {
        Tool::Repeat { item, left } => match left {
            Some(0) => None,
            Some(n) => {
                *n -= 1;
                Some(item.clone())
            }
            None => Some(item.clone()),
        },
        _ => None,
    })
    .flatten()
}

fn count(
    ts: &mut ThreadState,
    state: &RefCell<IterState>,
    current: Value,
    step: &Value,
) -> PyResult<Value> {
    let following = match (&current, step) {
        (Value::Int(a), Value::Int(b)) => crate::objects::int::add(*a, *b),
        _ => ops::binary_op(ts, BinaryOperator::Add, &current, step)?,
    };
    with_tool(state, |tool| {
        if let Tool::Count { next, .. } = tool {
            *next = following;
        }
    });
    Ok(current)
}

fn chain(
    ts: &mut ThreadState,
    state: &RefCell<IterState>,
    mut current: Value,
    sources: &Value,
) -> PyResult<Option<Value>> {
    loop {
        if !current.is_null() {
            if let Some(v) = next_value(ts, &current)? {
                return Ok(Some(v));
            }
        }
        // An error from the sources (or an iterable that is not one) ends the chain for good,
        // as CPython clears its source; the active iterator's errors do not.
        let Some(iterable) = spent_on_error(state, next_value(ts, sources))? else {
            return Ok(None);
        };
        current = spent_on_error(state, get_iter(ts, &iterable))?;
        let it = current.clone();
        with_tool(state, |tool| {
            if let Tool::Chain { current, .. } = tool {
                *current = it;
            }
        });
    }
}

fn islice(
    ts: &mut ThreadState,
    state: &RefCell<IterState>,
    inner: &Value,
    mut consumed: usize,
    wanted: usize,
    stop: Option<usize>,
) -> PyResult<Option<Value>> {
    let record = |consumed: usize, step_on: bool| {
        with_tool(state, |tool| {
            if let Tool::Islice {
                consumed: c,
                wanted,
                stop,
                step,
                ..
            } = tool
            {
                *c = consumed;
                if step_on {
                    let next = wanted.saturating_add(*step);
                    *wanted = match *stop {
                        Some(stop) if next > stop => stop,
                        _ => next,
                    };
                }
            }
        })
    };
    // An error from the inner iterator ends the slice for good, as CPython's.
    while consumed < wanted {
        if spent_on_error(state, next_value(ts, inner))?.is_none() {
            return Ok(None);
        }
        consumed += 1;
        record(consumed, false);
    }
    if stop.is_some_and(|stop| consumed >= stop) {
        return Ok(None);
    }
    let Some(item) = spent_on_error(state, next_value(ts, inner))? else {
        return Ok(None);
    };
    record(consumed + 1, true);
    Ok(Some(item))
}

fn starmap(ts: &mut ThreadState, func: &Value, inner: &Value) -> PyResult<Option<Value>> {
    let Some(args) = next_value(ts, inner)? else {
        return Ok(None);
    };
    let args = collect(ts, &args)?;
    match call_value(ts, func, &args, &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if ts.exc_matches(&e, ExcKind::StopIteration) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether `predicate(v)` is true.
fn test(ts: &mut ThreadState, predicate: &Value, v: &Value) -> PyResult<bool> {
    let r = call_value(ts, predicate, std::slice::from_ref(v), &[])?;
    ops::truthy(ts, &r)
}

fn drop_while(
    ts: &mut ThreadState,
    state: &RefCell<IterState>,
    predicate: &Value,
    inner: &Value,
    dropping: bool,
) -> PyResult<Option<Value>> {
    loop {
        let Some(v) = next_value(ts, inner)? else {
            return Ok(None);
        };
        if !dropping || !test(ts, predicate, &v)? {
            with_tool(state, |tool| {
                if let Tool::DropWhile { dropping, .. } = tool {
                    *dropping = false;
                }
            });
            return Ok(Some(v));
        }
    }
}
