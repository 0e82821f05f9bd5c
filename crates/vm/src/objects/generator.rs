//! Generator objects (and coroutines and async generators, which share their machinery): a
//! suspended heap frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::interp::frame::Frame;
use crate::object::typeobj::TypeId;
use crate::object::value::Value;
use crate::objects::code::CodeInfo;

/// What calling the function made: its code's `GENERATOR`, `COROUTINE` or
/// `ASYNC_GENERATOR` flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The word CPython's messages use (`coroutine already executing`).
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    pub fn type_id(self) -> TypeId {
        match self {
            GenKind::Generator => TypeId::Generator,
            GenKind::Coroutine => TypeId::Coroutine,
            GenKind::AsyncGenerator => TypeId::AsyncGenerator,
        }
    }
}

pub struct Generator {
    /// `None` once finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    /// `__qualname__`: the function's str object (`__name__` is its code's name).
    pub qualname: Value,
    pub kind: GenKind,
    pub code: Rc<CodeInfo>,
    /// A generator `types.coroutine` made awaitable (CPython's `CO_ITERABLE_COROUTINE`).
    pub iterable_coroutine: Cell<bool>,
    /// Async generators: an `asend`/`athrow` awaitable is driving it.
    pub running_async: Cell<bool>,
    /// Async generators: finished or closed (`aclose` and `athrow` have nothing to do).
    pub closed: Cell<bool>,
}

impl Generator {
    /// `gi_yieldfrom`/`cr_await`/`ag_await`: the iterator a `yield from` or `await` the
    /// generator is suspended in delegates to, else `None`.
    pub fn yield_from(&self) -> Value {
        let frame = self.frame.borrow();
        match frame.as_deref() {
            Some(f) if f.in_yield_from() => f.top().clone(),
            _ => Value::None,
        }
    }

    /// Suspended in a `yield from`/`await` (not at a plain `yield`).
    pub fn in_yield_from(&self) -> bool {
        self.frame
            .borrow()
            .as_deref()
            .is_some_and(Frame::in_yield_from)
    }
}

/// An awaitable that drives a coroutine or an async generator one step per `send`:
/// `coro.__await__()`, `agen.asend(v)` / `agen.__anext__()`, `agen.athrow(e)` / `aclose()`.
pub struct AwaitOp {
    /// The coroutine or async generator.
    pub target: crate::object::value::ObjRef,
    pub kind: AwaitKind,
    pub state: AwaitState,
}

pub enum AwaitKind {
    /// `coroutine.__await__()`.
    Wrapper,
    /// `asend(value)`: the value sent on the first step.
    ASend(Value),
    /// `athrow(exc)`, or `aclose()` (`None`: throws `GeneratorExit`).
    AThrow(Option<Value>),
}

/// CPython's `AWAITABLE_STATE_*`: an asend/athrow awaitable can be awaited once.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AwaitState {
    Init,
    Iter,
    Closed,
}

impl AwaitOp {
    pub fn type_id(&self) -> TypeId {
        match self.kind {
            AwaitKind::Wrapper => TypeId::CoroutineWrapper,
            AwaitKind::ASend(_) => TypeId::AsyncGenASend,
            AwaitKind::AThrow(_) => TypeId::AsyncGenAThrow,
        }
    }
}
