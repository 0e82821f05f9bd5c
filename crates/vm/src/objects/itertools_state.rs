//! The state of `itertools`' lazy iterators that step natively (CPython's
//! `itertoolsmodule.c`): `count`, `repeat`, `chain`, `islice`, `starmap`, `takewhile`,
//! `dropwhile`. They live in an [`IterState::Tool`](crate::objects::iterators::IterState);
//! `protocol::iter_tools` steps them (a step may run Python code), `stdlib/itertools.py`
//! checks their arguments.

use crate::object::typeobj::TypeId;
use crate::object::value::Value;

pub enum Tool {
    /// `count(start, step)`: `next` is the value to give next.
    Count { next: Value, step: Value },
    /// `repeat(item, times)`: `left` is `None` for ever.
    Repeat { item: Value, left: Option<usize> },
    /// `chain(*iterables)` / `chain.from_iterable(iterables)`: the iterator being read
    /// (`Null` between two) and the iterator of the iterables still to read.
    Chain { current: Value, sources: Value },
    /// `islice(it, start, stop, step)`: `consumed` items read so far, `wanted` the index of
    /// the next one to give, `stop` the index to stop at.
    Islice {
        inner: Value,
        consumed: usize,
        wanted: usize,
        stop: Option<usize>,
        step: usize,
    },
    /// `starmap(func, iterable)`.
    Starmap { func: Value, inner: Value },
    /// `takewhile(predicate, iterable)`.
    TakeWhile { predicate: Value, inner: Value },
    /// `dropwhile(predicate, iterable)`: `dropping` until the predicate first fails.
    DropWhile {
        predicate: Value,
        inner: Value,
        dropping: bool,
    },
}

impl Tool {
    pub fn type_id(&self) -> TypeId {
        match self {
            Tool::Count { .. } => TypeId::Count,
            Tool::Repeat { .. } => TypeId::Repeat,
            Tool::Chain { .. } => TypeId::Chain,
            Tool::Islice { .. } => TypeId::Islice,
            Tool::Starmap { .. } => TypeId::Starmap,
            Tool::TakeWhile { .. } => TypeId::TakeWhile,
            Tool::DropWhile { .. } => TypeId::DropWhile,
        }
    }

    /// Every value held, for the cycle collector.
    pub fn values(&self) -> Vec<&Value> {
        match self {
            Tool::Count { next, step } => vec![next, step],
            Tool::Repeat { item, .. } => vec![item],
            Tool::Chain { current, sources } => vec![current, sources],
            Tool::Islice { inner, .. } => vec![inner],
            Tool::Starmap { func, inner } => vec![func, inner],
            Tool::TakeWhile { predicate, inner }
            | Tool::DropWhile {
                predicate, inner, ..
            } => {
                vec![predicate, inner]
            }
        }
    }
}
