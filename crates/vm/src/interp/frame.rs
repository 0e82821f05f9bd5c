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
    /// A generator's frame that a `for` loop's `ForIter` resumed in place (no nested eval
    /// loop): its yield, return or escaping exception goes back to the loop's frame, the
    /// caller below it, whose stack top is the generator (`generator::resume_in_place`).
    pub resumed_by_for: bool,
}

// The value stack is pushed, popped and read without capacity, emptiness or bounds checks.
// The invariant that makes this sound: a frame's `slots` has room for `code.frame_size()`
// values (its locals, then `max_stack`) from the moment it is made (`ThreadState::empty_frame`
// reserves it; nothing shrinks a live frame's allocation), and the compiler's `max_stack`
// bounds the depth every path through the code reaches, never popping below the start
// (`gilvm_compiler::max_stack_depth` over each instruction's stack effect; it asserts the
// lower bound in debug builds, as `push` and `pop` assert theirs: `cargo test --test
// programs` runs every test program under those assertions, and the compiler's
// `stack_depth` test checks every test program's code objects).
impl Frame {
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        let len = self.slots.len();
        debug_assert!(
            len < self.code.frame_size() && len < self.slots.capacity(),
            "stack deeper than max_stack in {}",
            self.code.code.qualname
        );
        // SAFETY: `len < code.frame_size() <= capacity` by the invariant above: the write is
        // inside the allocation, and the new length covers only initialised values.
        unsafe {
            self.slots.as_mut_ptr().add(len).write(v);
            self.slots.set_len(len + 1);
        }
    }
    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        let len = self.slots.len();
        debug_assert!(
            len > self.code.nlocals,
            "stack underflow in {}",
            self.code.code.qualname
        );
        // SAFETY: the stack is not empty (the invariant above: no path pops below its start,
        // and the locals lie under the stack): `len - 1` is an initialised value, read once
        // and no longer covered by the length.
        unsafe {
            self.slots.set_len(len - 1);
            self.slots.as_ptr().add(len - 1).read()
        }
    }
    /// Local `i` (a compiler-made index: below `code.nlocals`, which the slots always hold).
    #[inline(always)]
    pub fn local(&self, i: usize) -> &Value {
        debug_assert!(i < self.code.nlocals && i < self.slots.len());
        // SAFETY: the compiler only emits local indices below `nlocals`, and a running
        // frame's slots start with its `nlocals` locals (`fill_locals`) under the stack.
        unsafe { self.slots.get_unchecked(i) }
    }
    /// Rebinds local `i` (an index as in [`Frame::local`]).
    #[inline(always)]
    pub fn set_local(&mut self, i: usize, v: Value) {
        debug_assert!(i < self.code.nlocals && i < self.slots.len());
        // SAFETY: as in `local`: `i` is below `nlocals`, which the slots hold.
        unsafe { *self.slots.get_unchecked_mut(i) = v }
    }
    /// Pushes a copy of local `i`.
    #[inline(always)]
    pub fn push_local(&mut self, i: usize) {
        let v = self.local(i).clone();
        self.push(v);
    }
    /// Unbound locals up to `nlocals` (a new frame's slots hold its arguments, if any).
    /// Written in place: `Vec::push` stays an out-of-line call per local in the call path.
    #[inline(always)]
    pub fn fill_locals(&mut self, nlocals: usize) {
        let len = self.slots.len();
        if len >= nlocals {
            return;
        }
        // A no-op test for a frame from `empty_frame` (room for `frame_size() >= nlocals`).
        self.slots.reserve(nlocals - len);
        // SAFETY: `reserve` made room for `nlocals` values; each slot from `len` up is
        // written once before the length covers it.
        unsafe {
            let base = self.slots.as_mut_ptr();
            for i in len..nlocals {
                base.add(i).write(Value::Null);
            }
            self.slots.set_len(nlocals);
        }
    }
    /// Moves the top `n` values of `caller`'s stack (a call's arguments, bottom first) onto
    /// the end of this frame's slots: one copy, no per-value drain or count updates.
    #[inline(always)]
    pub fn take_args(&mut self, caller: &mut Frame, n: usize) {
        let from = caller
            .slots
            .len()
            .checked_sub(n)
            .expect("a call's arguments are on the caller's stack");
        let len = self.slots.len();
        // A no-op test for a new frame whose locals take the arguments (`frame_size()`).
        self.slots.reserve(n);
        // SAFETY: `from..from + n` are initialised values of `caller` (checked just above),
        // moved exactly once: `caller`'s length drops below
        // them before anything reads it again. `reserve` made room for them after `len`, and
        // the two frames are distinct allocations (`&mut` twice), so the copy cannot overlap.
        unsafe {
            let source = caller.slots.as_ptr().add(from);
            std::ptr::copy_nonoverlapping(source, self.slots.as_mut_ptr().add(len), n);
            caller.slots.set_len(from);
            self.slots.set_len(len + n);
        }
    }
    /// Removes the top value (cheaper than `truncate`, which the optimiser keeps as a call).
    #[inline(always)]
    pub fn drop_top(&mut self) {
        drop(self.pop());
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
