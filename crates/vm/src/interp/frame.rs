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

// The value stack is indexed without bounds checks. Why that is sound, once for all the
// methods below: a frame's `slots` are made with room for `code.frame_size()` values
// (`ThreadState::empty_frame`) and never shrink; the code passed `gilvm_compiler::verify`
// when its `CodeInfo` was built, so every instruction finds the values it takes on the
// stack (which sits above the `nlocals` locals: `len > nlocals` at a pop), never grows it
// past `max_stack`, and names only locals below `nlocals` (which every frame fills before
// it runs). The debug build asserts each of these at every access, and the test suite runs
// the debug build over every program.
impl Frame {
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        let len = self.slots.len();
        debug_assert!(
            len < self.code.frame_size() && len < self.slots.capacity(),
            "value stack overflow in {}",
            self.code.code.qualname
        );
        // SAFETY: `len` is below the capacity (see above).
        unsafe {
            self.slots.as_mut_ptr().add(len).write(v);
            self.slots.set_len(len + 1);
        }
    }
    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        let len = self.slots.len();
        self.debug_check_stack(1);
        // SAFETY: the stack holds a value (see above); it moves out as the length drops.
        unsafe {
            self.slots.set_len(len - 1);
            self.slots.as_ptr().add(len - 1).read()
        }
    }
    /// Pushes a copy of local `i`.
    #[inline(always)]
    pub fn push_local(&mut self, i: usize) {
        let v = self.local(i).clone();
        self.push(v);
    }
    /// Pushes a copy of local `i`, which the compiler proved bound (`LoadFast`, not
    /// `LoadFastCheck`; the debug build checks it).
    #[inline(always)]
    pub fn push_bound_local(&mut self, i: usize) {
        debug_assert!(
            !self.local(i).is_null(),
            "unbound local {i} loaded unchecked"
        );
        self.push_local(i);
    }
    /// Fast local `i`: unbound is `Null`.
    #[inline(always)]
    pub fn local(&self, i: usize) -> &Value {
        debug_assert!(i < self.code.nlocals && i < self.slots.len());
        // SAFETY: `i < nlocals <= len` (see above).
        unsafe { self.slots.get_unchecked(i) }
    }
    #[inline(always)]
    pub fn set_local(&mut self, i: usize, v: Value) {
        debug_assert!(i < self.code.nlocals && i < self.slots.len());
        // SAFETY: `i < nlocals <= len` (see above).
        *unsafe { self.slots.get_unchecked_mut(i) } = v;
    }
    /// Unbound locals up to `nlocals` (a new frame's slots hold its arguments, if any).
    #[inline(always)]
    pub fn fill_locals(&mut self) {
        let (len, nlocals) = (self.slots.len(), self.code.nlocals);
        if len >= nlocals {
            return;
        }
        debug_assert!(nlocals <= self.slots.capacity());
        // SAFETY: `nlocals` is within the capacity (see above); each slot is written before
        // the length covers it.
        unsafe {
            let slots = self.slots.as_mut_ptr();
            for i in len..nlocals {
                slots.add(i).write(Value::Null);
            }
            self.slots.set_len(nlocals);
        }
    }
    /// Moves the top `n` values of `caller`'s stack, in order, into this new (empty)
    /// frame's first locals, its parameters; then the other locals are unbound.
    #[inline(always)]
    pub fn take_args(&mut self, caller: &mut Frame, n: usize) {
        debug_assert!(self.slots.is_empty() && n <= self.code.nlocals);
        caller.debug_check_stack(n);
        let from = caller.slots.len() - n;
        // SAFETY: the caller's stack holds the `n` values (see above) and this frame's
        // capacity covers its `nlocals >= n` locals; the values move: the caller's length
        // drops below them before this frame's covers them.
        unsafe {
            let (args, locals) = (caller.slots.as_ptr().add(from), self.slots.as_mut_ptr());
            // Value by value for the usual few: a call of `memcpy` (which a loop or a
            // variable-length copy becomes) costs more than the copy.
            let move_arg = |k: usize| locals.add(k).write(args.add(k).read());
            match n {
                0 => {}
                1 => move_arg(0),
                2 => {
                    move_arg(0);
                    move_arg(1);
                }
                _ => std::ptr::copy_nonoverlapping(args, locals, n),
            }
            caller.slots.set_len(from);
            self.slots.set_len(n);
        }
        self.fill_locals();
    }
    /// Removes the top value.
    #[inline(always)]
    pub fn drop_top(&mut self) {
        drop(self.pop());
    }
    #[inline(always)]
    pub fn top(&self) -> &Value {
        self.debug_check_stack(1);
        // SAFETY: the stack holds a value (see above).
        unsafe { self.slots.get_unchecked(self.slots.len() - 1) }
    }
    /// Asserts (in the debug build) that the stack holds `n` values above the locals.
    #[inline(always)]
    fn debug_check_stack(&self, n: usize) {
        debug_assert!(
            self.slots.len() >= self.code.nlocals + n,
            "value stack underflow in {}",
            self.code.code.qualname
        );
    }
    /// Whether the frame is suspended in a `yield from` (its sub-iterator on top).
    pub fn in_yield_from(&self) -> bool {
        self.code.instructions.get(self.ip)
            == Some(&gilvm_compiler::bytecode::Instruction::YieldFrom)
    }

    /// The `i`-th value from the top (0 = top).
    #[inline(always)]
    pub fn peek(&self, i: usize) -> &Value {
        self.debug_check_stack(i + 1);
        // SAFETY: the instruction's inputs, at least `i + 1` values, are on the stack
        // (see above).
        unsafe { self.slots.get_unchecked(self.slots.len() - 1 - i) }
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
