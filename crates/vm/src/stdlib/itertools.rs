//! The native part of `itertools`: the combinatoric iterators over a pool that `itertools.py`
//! has already made a tuple and whose `r` it has checked (`objects::combinatorics`).

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError};
use crate::object::args::{int_arg, positional};
use crate::object::error::PyResult;
use crate::object::typeobj::TypeId;
use crate::object::value::{Obj, Value};
use crate::objects::combinatorics::IndexWalk;
use crate::objects::function::{Args, NativeFn};
use crate::objects::iterators::IterState;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_permutations", permutations),
    ("_combinations", combinations),
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
