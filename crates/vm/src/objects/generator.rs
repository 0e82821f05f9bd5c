//! Generator objects: a suspended heap frame.

use std::cell::{Cell, RefCell};

use crate::interp::frame::Frame;

pub struct Generator {
    /// `None` once finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    pub name: String,
    pub qualname: String,
}
