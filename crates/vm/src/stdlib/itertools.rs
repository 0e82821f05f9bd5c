//! The native part of `itertools`: the combinatoric iterators over a pool that `itertools.py`
//! has already made a tuple and whose `r` it has checked (`objects::combinatorics`), and the
//! lazy iterators (`count`, `repeat`, `chain`, `islice`, `starmap`, `takewhile`,
//! `dropwhile`: `objects::itertools_state`) over arguments it has checked.

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError};
use crate::object::args::{int_arg, positional};
use crate::object::error::PyResult;
use crate::object::typeobj::TypeId;
use crate::object::value::{Obj, Value};
use crate::objects::combinatorics::IndexWalk;
use crate::objects::function::{Args, NativeFn};
use crate::objects::iterators::IterState;
use crate::objects::itertools_state::Tool;
use crate::protocol::iter::get_iter;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_permutations", permutations),
    ("_combinations", combinations),
    ("_count", count),
    ("_repeat", repeat),
    ("_chain", chain),
    ("_islice", islice),
    ("_starmap", starmap),
    ("_takewhile", takewhile),
    ("_dropwhile", dropwhile),
];

/// `_permutations(pool, r)`: `r` is `None` (the pool's length) or a checked int.
fn permutations(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    walk(ts, "_permutations", args, TypeId::Permutations)
}

/// `_combinations(pool, r)`.
fn combinations(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    walk(ts, "_combinations", args, TypeId::Combinations)
}

fn walk(ts: &mut ThreadState, name: &str, args: &Args, kind: TypeId) -> PyResult {
    let a = positional(ts, name, args, 2, 2)?;
    let pool = match &a[0] {
        Value::Obj(o) => match &**o {
            Obj::Tuple(items) => items.to_vec(),
            _ => return Err(ts.type_error(format!("{name}() needs a tuple"))),
        },
        _ => return Err(ts.type_error(format!("{name}() needs a tuple"))),
    };
    let r = match &a[1] {
        Value::None => pool.len(),
        v => usize::try_from(int_arg(ts, v)?).unwrap_or(0),
    };
    // CPython allocates `r` indices whatever the pool: a count no memory holds is a
    // MemoryError here, not an empty walk.
    alloc::check_items::<usize>(r).or_memory_error(ts)?;
    Ok(Value::new_iter(match IndexWalk::new(pool, r, kind) {
        Some(w) => IterState::Combinatoric(Box::new(w)),
        None => IterState::Exhausted(kind),
    }))
}

/// `_count(start, step)` (checked by `itertools.py`).
fn count(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_count", args, 2, 2)?;
    Ok(tool(Tool::Count {
        next: a[0].clone(),
        step: a[1].clone(),
    }))
}

/// `_repeat(item, times)`: `times` None or an int (negative: none).
fn repeat(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_repeat", args, 2, 2)?;
    let left = match &a[1] {
        Value::None => None,
        v => Some(usize::try_from(int_arg(ts, v)?).unwrap_or(0)),
    };
    Ok(tool(Tool::Repeat {
        item: a[0].clone(),
        left,
    }))
}

/// `_chain(iterables)`: reads the iterables from `iter(iterables)` lazily.
fn chain(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_chain", args, 1, 1)?;
    let sources = get_iter(ts, &a[0])?;
    Ok(tool(Tool::Chain {
        current: Value::Null,
        sources,
    }))
}

/// `_islice(iterator, start, stop, step)`: checked ints, `stop` None for no end.
fn islice(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_islice", args, 4, 4)?;
    let index = |ts: &ThreadState, v: &Value| -> PyResult<usize> {
        Ok(usize::try_from(int_arg(ts, v)?).unwrap_or(0))
    };
    let stop = match &a[2] {
        Value::None => None,
        v => Some(index(ts, v)?),
    };
    Ok(tool(Tool::Islice {
        inner: a[0].clone(),
        consumed: 0,
        wanted: index(ts, &a[1])?,
        stop,
        step: index(ts, &a[3])?.max(1),
    }))
}

/// `_starmap(func, iterator)`.
fn starmap(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_starmap", args, 2, 2)?;
    Ok(tool(Tool::Starmap {
        func: a[0].clone(),
        inner: a[1].clone(),
    }))
}

/// `_takewhile(predicate, iterator)`.
fn takewhile(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_takewhile", args, 2, 2)?;
    Ok(tool(Tool::TakeWhile {
        predicate: a[0].clone(),
        inner: a[1].clone(),
    }))
}

/// `_dropwhile(predicate, iterator)`.
fn dropwhile(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_dropwhile", args, 2, 2)?;
    Ok(tool(Tool::DropWhile {
        predicate: a[0].clone(),
        inner: a[1].clone(),
        dropping: true,
    }))
}

fn tool(t: Tool) -> Value {
    Value::new_iter(IterState::Tool(Box::new(t)))
}
