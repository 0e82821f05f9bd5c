//! Heap frames: a window of locals followed by the value stack, plus cells and the block stack.

use std::rc::Rc;

use crate::object::value::{ObjRef, Value};
use crate::objects::code::CodeInfo;

#[derive(Clone, Debug)]
pub enum BlockKind {
    /// `SetupFinally` / `SetupWith`: jump to the handler when an exception arrives.
    Handler,
    /// Running an except/finally handler: restores the previously handled exception on exit.
    ExceptHandler { previous: Value },
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    /// Value-stack depth (counted from the start of `slots`) to restore.
    pub depth: usize,
}

pub struct Frame {
    pub code: Rc<CodeInfo>,
    /// Index of the next instruction.
    pub ip: usize,
    /// `code.nlocals` fast locals, then the value stack.
    pub slots: Vec<Value>,
    /// Cellvars followed by freevars.
    pub cells: Vec<ObjRef>,
    pub blocks: Vec<Block>,
    pub globals: ObjRef,
    /// The namespace dict of module and class bodies.
    pub namespace: Option<ObjRef>,
    /// The frame runs the `__init__` of a class called by the eval loop (pushed in place,
    /// CPython 3.11's init-check shim): the caller's stack already holds the new instance, so
    /// the return value is checked to be `None` and dropped (`class::init_returned`).
    pub runs_init: bool,
}

impl Frame {
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.slots.push(v);
    }
    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.slots.pop().unwrap_or(Value::Null)
    }
    /// Pushes a copy of local `i`. Written as clone-then-push so that it inlines: the
    /// library's `extend_from_within` stays an out-of-line call in the optimised builds.
    #[inline(always)]
    pub fn push_local(&mut self, i: usize) {
        let v = self.slots[i].clone();
        self.slots.push(v);
    }
    /// Unbound locals up to `nlocals` (a new frame's slots hold its arguments, if any).
    #[inline(always)]
    pub fn fill_locals(&mut self, nlocals: usize) {
        while self.slots.len() < nlocals {
            self.slots.push(Value::Null);
        }
    }
    /// Removes the top value (cheaper than `truncate`, which the optimiser keeps as a call).
    #[inline(always)]
    pub fn drop_top(&mut self) {
        self.slots.pop();
    }
    /// Whether the frame is suspended in a `yield from` (its sub-iterator on top).
    pub fn in_yield_from(&self) -> bool {
        self.code.instructions.get(self.ip)
            == Some(&gilvm_compiler::bytecode::Instruction::YieldFrom)
    }

    #[inline(always)]
    pub fn top(&self) -> &Value {
        self.slots.last().unwrap_or(&Value::Null)
    }
    /// The `i`-th value from the top (0 = top).
    pub fn peek(&self, i: usize) -> &Value {
        let len = self.slots.len();
        &self.slots[len - 1 - i]
    }
    /// Removes and returns the top `n` values, bottom first.
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.slots.len() - n;
        self.slots.split_off(at)
    }
    /// The instruction being executed (the one before `ip`).
    pub fn current_ip(&self) -> usize {
        self.ip.saturating_sub(1)
    }
}
