//! Per-thread execution state: the frame stack, the handled exception, recursion depth.

use std::rc::Rc;
use std::sync::atomic::Ordering;

use crate::error::{ExcKind, PyResult};
use crate::frame::Frame;
use crate::runtime::Runtime;
use crate::value::Value;

pub struct ThreadState {
    pub rt: Rc<Runtime>,
    /// Suspended caller frames of the running eval loops (the running frame is held by the
    /// loop itself).
    pub frames: Vec<Frame>,
    /// Python frames plus native re-entries currently active.
    pub depth: u32,
    /// The exception being handled (`sys.exc_info()`), `Null` if none.
    pub handled: Value,
    /// Set by `Reraise` / bare `raise`: the exception keeps its traceback unchanged.
    pub reraising: bool,
    /// Recycled frame storage (locals + value stack).
    pub slot_pool: Vec<Vec<Value>>,
    /// Objects whose repr is in progress (to print `[...]` for self-containing containers).
    pub repr_stack: Vec<usize>,
}

impl ThreadState {
    pub fn new(rt: Rc<Runtime>) -> ThreadState {
        ThreadState {
            rt,
            frames: Vec::new(),
            depth: 0,
            handled: Value::Null,
            reraising: false,
            slot_pool: Vec::new(),
            repr_stack: Vec::new(),
        }
    }

    /// The eval-breaker check: one relaxed load on the fast path.
    #[inline(always)]
    pub fn check_eval_breaker(&mut self) {
        if self.rt.eval_breaker.load(Ordering::Relaxed) != 0 {
            self.handle_eval_breaker();
        }
    }

    /// Hook for the GIL (drop/reacquire) and signals; for now it only clears the request.
    #[cold]
    fn handle_eval_breaker(&mut self) {
        self.rt.eval_breaker.store(0, Ordering::Relaxed);
    }

    /// Enters one level of Python or native recursion.
    pub fn enter(&mut self) -> PyResult<()> {
        if self.depth >= self.rt.recursion_limit.get() {
            return Err(self.new_exc(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    pub fn take_slots(&mut self, capacity: usize) -> Vec<Value> {
        match self.slot_pool.pop() {
            Some(mut v) => {
                v.reserve(capacity);
                v
            }
            None => Vec::with_capacity(capacity),
        }
    }

    pub fn recycle_slots(&mut self, mut slots: Vec<Value>) {
        slots.clear();
        if self.slot_pool.len() < 64 {
            self.slot_pool.push(slots);
        }
    }
}
