//! Generator objects: a suspended heap frame.

use std::cell::{Cell, RefCell};

use crate::interp::frame::Frame;
use crate::object::value::Value;

pub struct Generator {
    /// `None` once finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    pub name: String,
    pub qualname: String,
}

impl Generator {
    /// `gi_yieldfrom`: the iterator a `yield from` the generator is suspended in delegates
    /// to, else `None`.
    pub fn yield_from(&self) -> Value {
        let frame = self.frame.borrow();
        match frame.as_deref() {
            Some(f) if f.in_yield_from() => f.top().clone(),
            _ => Value::None,
        }
    }
}
