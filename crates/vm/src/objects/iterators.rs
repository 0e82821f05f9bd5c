//! Iterator objects of the built-in types (`iter(list)`, `enumerate`, `zip`, `map`, ...).

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::names::Dunder;
use crate::object::typeobj::TypeId;
use crate::object::value::{DictViewKind, Obj, ObjRef, Value};
use crate::objects::combinatorics::IndexWalk;
use crate::objects::function::Args;

pub enum IterState {
    List {
        list: ObjRef,
        index: usize,
    },
    Tuple {
        tuple: ObjRef,
        index: usize,
    },
    Str {
        text: ObjRef,
        byte_pos: usize,
    },
    Bytes {
        bytes: ObjRef,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Dict {
        dict: ObjRef,
        index: usize,
        kind: DictViewKind,
        /// The dict's size when iteration began: a change is an error.
        size: usize,
        /// The dict's [`removals`](crate::objects::dict::Dict::removals) then: keys gone
        /// and others added (the same size) are an error too.
        removals: u64,
        /// `reversed(d)`, `reversed(d.items())`...: from the last entry back.
        reversed: bool,
    },
    /// A set's items as iteration began: a change of the set's size is an error.
    Set {
        set: ObjRef,
        items: Vec<Value>,
        index: usize,
    },
    /// The old sequence protocol (`iter(obj)` of an object with `__getitem__` and no
    /// `__iter__`): `seq[index]` at each step, until `IndexError` or `StopIteration`.
    Sequence {
        seq: Value,
        index: usize,
    },
    /// A snapshot (`reversed`, `memoryview`), with the type it shows.
    Snapshot {
        items: Vec<Value>,
        index: usize,
        kind: TypeId,
    },
    Enumerate {
        inner: Value,
        /// The next index: an int, beyond `i64` when `start` was (CPython's `en_longindex`).
        count: Value,
    },
    Zip {
        inners: Vec<Value>,
        /// `zip(..., strict=True)`: unequal lengths raise `ValueError`.
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// `itertools.permutations` and `itertools.combinations`.
    Combinatoric(Box<IndexWalk>),
    /// `itertools.count`, `repeat`, `chain`, `islice`, `starmap`, `takewhile`, `dropwhile`.
    Tool(Box<crate::objects::itertools_state::Tool>),
    /// A finished iterator (of the given type): its sources are released.
    Exhausted(TypeId),
    /// An awaitable driving a coroutine or async generator (`interp::coroutine`).
    Await(Box<crate::objects::generator::AwaitOp>),
}

impl IterState {
    /// The iterator's type (`list_iterator`, `map`, ...).
    pub fn type_id(&self) -> TypeId {
        match self {
            IterState::List { .. } => TypeId::ListIterator,
            IterState::Tuple { .. } => TypeId::TupleIterator,
            IterState::Str { .. } => TypeId::StrIterator,
            IterState::Bytes { .. } => TypeId::BytesIterator,
            IterState::Range { .. } => TypeId::RangeIterator,
            IterState::Dict { kind, .. } => match kind {
                DictViewKind::Keys => TypeId::DictKeyIterator,
                DictViewKind::Values => TypeId::DictValueIterator,
                DictViewKind::Items => TypeId::DictItemIterator,
            },
            IterState::Set { .. } => TypeId::SetIterator,
            IterState::Sequence { .. } => TypeId::Iterator,
            IterState::Snapshot { kind, .. } => *kind,
            IterState::Enumerate { .. } => TypeId::Enumerate,
            IterState::Zip { .. } => TypeId::Zip,
            IterState::Map { .. } => TypeId::Map,
            IterState::Filter { .. } => TypeId::Filter,
            IterState::Callable { .. } => TypeId::CallableIterator,
            IterState::Combinatoric(walk) => walk.type_id(),
            IterState::Tool(tool) => tool.type_id(),
            IterState::Exhausted(kind) => *kind,
            IterState::Await(op) => op.type_id(),
        }
    }
    /// An awaitable of `interp::coroutine` (with `send`/`throw`/`close`).
    pub fn is_awaitable(&self) -> bool {
        matches!(self, IterState::Await(_))
    }

    pub fn type_name(&self) -> &'static str {
        self.type_id().name()
    }
}

/// `enumerate(iterable, start=0)`.
pub fn enumerate(ts: &mut ThreadState, args: &Args) -> PyResult {
    let Some(iterable) = args.pos.first().or(args.kw("iterable")) else {
        return Err(ts.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    let start = match args.pos.get(1).or(args.kw("start")) {
        Some(v) => match crate::protocol::ops::index_of(ts, v)? {
            Some(Value::Bool(b)) => Value::Int(b as i64),
            Some(i) => i,
            None => {
                return Err(ts.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    crate::object::class_of::type_name(ts, v)
                )))
            }
        },
        None => Value::Int(0),
    };
    let inner = crate::protocol::iter::get_iter(ts, iterable)?;
    Ok(Value::new_iter(IterState::Enumerate {
        inner,
        count: start,
    }))
}

/// `zip(*iterables, strict=False)`.
pub fn zip(ts: &mut ThreadState, args: &Args) -> PyResult {
    let mut inners = Vec::new();
    for v in args.pos {
        inners.push(crate::protocol::iter::get_iter(ts, v)?);
    }
    let strict = match args.kw("strict") {
        Some(v) => crate::protocol::ops::truthy(ts, v)?,
        None => false,
    };
    Ok(Value::new_iter(IterState::Zip { inners, strict }))
}

/// `map(function, *iterables)`.
pub fn map(ts: &mut ThreadState, args: &Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(ts.type_error("map() must have at least two arguments."));
    }
    let mut inners = Vec::new();
    for v in &args.pos[1..] {
        inners.push(crate::protocol::iter::get_iter(ts, v)?);
    }
    Ok(Value::new_iter(IterState::Map {
        func: args.pos[0].clone(),
        inners,
    }))
}

/// `filter(function, iterable)`.
pub fn filter(ts: &mut ThreadState, args: &Args) -> PyResult {
    let a = crate::object::args::positional(ts, "filter", args, 2, 2)?;
    let inner = crate::protocol::iter::get_iter(ts, &a[1])?;
    Ok(Value::new_iter(IterState::Filter {
        func: a[0].clone(),
        inner,
    }))
}

/// The sequence and position of an index-based iterator (list, tuple, str, bytes), for
/// `__reduce__`: `None` for the other kinds.
fn position(state: &IterState) -> Option<(Value, usize)> {
    Some(match state {
        IterState::List { list, index } => (Value::Obj(list.clone()), *index),
        IterState::Tuple { tuple, index } => (Value::Obj(tuple.clone()), *index),
        IterState::Bytes { bytes, index } => (Value::Obj(bytes.clone()), *index),
        IterState::Sequence { seq, index } => (seq.clone(), *index),
        IterState::Str { text, byte_pos } => {
            let s = Value::Obj(text.clone());
            let chars = s
                .as_str()
                .map_or(0, |t| t.as_str()[..*byte_pos].chars().count());
            (s, chars)
        }
        _ => return None,
    })
}

/// `it.__reduce__()` of an index-based iterator: `(iter, (sequence,), index)`, or
/// `(iter, ((),))` once exhausted, as CPython.
pub fn reduce(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    crate::object::args::positional(ts, "__reduce__", args, 0, 0)?;
    let iter = crate::interp::names::load_builtin(ts, "iter")?;
    let Some(Obj::Iter(state)) = this.obj().map(|o| &**o) else {
        return Err(ts.type_error("__reduce__ needs an iterator"));
    };
    let found = position(&state.borrow());
    Ok(match found {
        Some((seq, index)) => Value::new_tuple(vec![
            iter,
            Value::new_tuple(vec![seq]),
            Value::Int(index as i64),
        ]),
        None => Value::new_tuple(vec![
            iter,
            Value::new_tuple(vec![Value::new_tuple(Vec::new())]),
        ]),
    })
}

/// `it.__setstate__(index)` of an index-based iterator: moves it (clamped to the sequence).
pub fn setstate(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = crate::object::args::positional(ts, "__setstate__", args, 1, 1)?;
    let wanted = crate::object::args::int_arg(ts, &a[0])?.max(0) as usize;
    let Some(Obj::Iter(state)) = this.obj().map(|o| &**o) else {
        return Err(ts.type_error("__setstate__ needs an iterator"));
    };
    let len = |v: &ObjRef| match &**v {
        Obj::List(l) => l.borrow().len(),
        Obj::Tuple(t) => t.len(),
        Obj::Bytes(b) => b.len(),
        _ => 0,
    };
    match &mut *state.borrow_mut() {
        IterState::List { list, index } => *index = wanted.min(len(list)),
        IterState::Tuple { tuple, index } => *index = wanted.min(len(tuple)),
        IterState::Bytes { bytes, index } => *index = wanted.min(len(bytes)),
        IterState::Sequence { index, .. } => *index = wanted,
        IterState::Str { text, byte_pos } => {
            let s = Value::Obj(text.clone());
            let t = s.as_str().map_or("", |t| t.as_str());
            *byte_pos = t.char_indices().nth(wanted).map_or(t.len(), |(i, _)| i);
        }
        _ => {}
    }
    Ok(Value::None)
}

/// `__length_hint__()` of the iterators over collections: how many items are left; none
/// once the dict or set changed size (its next step raises).
pub fn length_hint(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    crate::object::args::positional(ts, "__length_hint__", args, 0, 0)?;
    let Some(Obj::Iter(state)) = this.obj().map(|o| &**o) else {
        return Ok(Value::Int(0));
    };
    let walked = match &*state.borrow() {
        IterState::Sequence { seq, index } => Some((seq.clone(), *index)),
        _ => None,
    };
    if let Some((seq, index)) = walked {
        return sequence_left(ts, &seq, index);
    }
    let left = match &*state.borrow() {
        IterState::List { list, index } => match &**list {
            Obj::List(l) => l.borrow().len().saturating_sub(*index),
            _ => 0,
        },
        IterState::Tuple { tuple, index } => match &**tuple {
            Obj::Tuple(t) => t.len().saturating_sub(*index),
            _ => 0,
        },
        IterState::Str { text, byte_pos } => match &**text {
            Obj::Str(s) => s.as_str().get(*byte_pos..).map_or(0, |t| t.chars().count()),
            _ => 0,
        },
        IterState::Bytes { bytes, index } => match &**bytes {
            Obj::Bytes(b) => b.len().saturating_sub(*index),
            Obj::ByteArray(b) => b.borrow().len().saturating_sub(*index),
            _ => 0,
        },
        IterState::Range { next, stop, step } => range_left(*next, *stop, *step),
        IterState::Dict {
            dict, index, size, ..
        } => match &**dict {
            Obj::Dict(d) if d.borrow().len() == *size => size.saturating_sub(*index),
            _ => 0,
        },
        IterState::Set { set, items, index } => match &**set {
            Obj::Set { items: now, .. } if now.borrow().len() == items.len() => {
                items.len().saturating_sub(*index)
            }
            _ => 0,
        },
        IterState::Snapshot { items, index, .. } => items.len().saturating_sub(*index),
        _ => 0,
    };
    Ok(Value::Int(left as i64))
}

/// What an iterator over the old sequence protocol has left: `len(seq) - index`, or
/// `NotImplemented` when the sequence has no `__len__`, as CPython's `iter_len`.
fn sequence_left(ts: &mut ThreadState, seq: &Value, index: usize) -> PyResult {
    let has_len = match seq.obj().map(|o| &**o) {
        Some(Obj::Instance(inst)) => {
            crate::protocol::class::lookup_special(ts, inst.class(), Dunder::Len).is_some()
        }
        _ => true,
    };
    if !has_len {
        return Ok(ts.rt.not_implemented.clone());
    }
    let len = crate::protocol::sequence::len_of(ts, seq)?;
    Ok(Value::Int(len.saturating_sub(index) as i64))
}

/// The values a range iterator at `next` has left to give.
fn range_left(next: i64, stop: i64, step: i64) -> usize {
    let (next, stop, step) = (i128::from(next), i128::from(stop), i128::from(step));
    let n = if step > 0 && next < stop {
        (stop - next + step - 1) / step
    } else if step < 0 && next > stop {
        (next - stop - step - 1) / -step
    } else {
        0
    };
    usize::try_from(n).unwrap_or(usize::MAX)
}
