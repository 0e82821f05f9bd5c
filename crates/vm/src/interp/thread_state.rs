//! Per-thread execution state: the frame stack, the handled exception, recursion depth.

use std::rc::Rc;
use std::sync::Arc;

use gilvm_gil::ThreadHandle;

use crate::interp::frame::Frame;
use crate::interp::runtime::Runtime;
use crate::interp::sandbox::memory::MemoryScope;
use crate::interp::sandbox::Guard;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{ObjRef, Value};
use crate::objects::code::CodeInfo;

/// Deepest nesting of native re-entries (each uses some Rust stack of the interpreter thread).
const MAX_NATIVE_DEPTH: u32 = 10_000;

pub struct ThreadState {
    pub rt: Rc<Runtime>,
    /// Suspended caller frames of the running eval loops (the running frame is held by the
    /// loop itself).
    // Boxed on purpose: a frame switch then moves one pointer, not the whole frame.
    #[allow(clippy::vec_box)]
    pub frames: Vec<Box<Frame>>,
    /// Python frames plus native re-entries currently active.
    pub depth: u32,
    /// Nested eval loops / native recursions on the Rust stack (bounded separately from
    /// `sys.setrecursionlimit`, so a huge limit cannot overflow the native stack).
    native_depth: u32,
    /// The exception being handled (`sys.exc_info()`), `Null` if none.
    pub handled: Value,
    /// Set by `Reraise` / bare `raise`: the exception keeps its traceback unchanged.
    pub reraising: bool,
    /// Recycled frames (their value storage keeps its capacity).
    #[allow(clippy::vec_box)]
    frame_pool: Vec<Box<Frame>>,
    /// Copy of the runtime's recursion limit (`sys.setrecursionlimit` updates both).
    pub recursion_limit: u32,
    /// Objects whose repr is in progress (to print `[...]` for self-containing containers).
    pub repr_stack: Vec<usize>,
    /// The calling frame's `(globals, locals)`, set by the call path just before it calls a
    /// builtin with `NativeFunction::caller_scope` (`eval`, `exec`, `dir`, `vars`), which take it.
    pub caller_scope: Option<(ObjRef, Value)>,
    /// The thread's current `contextvars.Context`, `Null` until the thread first asks.
    pub context: Value,
    /// Makes the runtime's heap this thread's current one (new containers are tracked there).
    _heap_scope: HeapScope,
    /// The interpreter's sandbox and limits (the runtime's, one pointer nearer).
    pub guard: Arc<Guard>,
    /// Charges this thread's allocations to the memory limit's account; just before `gil`,
    /// so that the values above are freed on that account.
    _memory_scope: MemoryScope,
    /// This thread's GIL registration, held while the state exists (see `crate::interp::gil`).
    /// Must stay the last field: fields drop in order, so every value above is released
    /// before the handle's drop releases the lock.
    pub gil: ThreadHandle,
}

/// The thread's current heap while its state exists. It holds the runtime itself, so the
/// heap outlives the thread-local pointer to it (dropped first, restoring the previous one).
struct HeapScope {
    _entered: crate::object::gc::heap::Entered,
    _rt: Rc<Runtime>,
}

impl HeapScope {
    fn enter(rt: &Rc<Runtime>) -> HeapScope {
        HeapScope {
            _entered: rt.heap.enter_thread(),
            _rt: rt.clone(),
        }
    }
}

impl ThreadState {
    /// The state of a thread whose handle `gil` holds the GIL (see `crate::interp::gil`, rule 2).
    pub fn new(rt: Rc<Runtime>, gil: ThreadHandle) -> ThreadState {
        debug_assert!(gil.holds_gil());
        ThreadState {
            _heap_scope: HeapScope::enter(&rt),
            gil,
            _memory_scope: MemoryScope::enter(&rt.guard),
            guard: Arc::clone(&rt.guard),
            recursion_limit: rt.recursion_limit.get(),
            rt,
            frames: Vec::new(),
            depth: 0,
            native_depth: 0,
            handled: Value::Null,
            reraising: false,
            frame_pool: Vec::new(),
            repr_stack: Vec::new(),
            caller_scope: None,
            context: Value::Null,
        }
    }

    /// The eval-breaker check (backward jumps, calls): one relaxed load of the GIL's drop
    /// request and one of the interrupt flag when nothing is pending (plus the tick countdown
    /// under the Tick policy). The lock may be released and re-acquired here; `&mut self`
    /// keeps Python code out meanwhile. A pending interrupt raises `KeyboardInterrupt` in the
    /// main thread (`interp::signals`). One more relaxed load: the sandbox's flag, set when a
    /// limit is counted or has fired (`interp::sandbox::limits`).
    #[inline(always)]
    pub fn check_eval_breaker(&mut self) -> PyResult<()> {
        self.gil.tick();
        if self.rt.heap.attention.get() {
            crate::interp::gc::at_safe_point(self);
        }
        if crate::interp::signals::pending() {
            crate::interp::signals::handle_pending(self)?;
        }
        if self.guard.armed() {
            return crate::interp::sandbox::limits::checkpoint(self);
        }
        Ok(())
    }

    /// Enters one level of Python or native recursion.
    #[inline(always)]
    pub fn enter(&mut self) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        self.depth += 1;
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn recursion_error(&mut self) -> ObjRef {
        self.new_exc(ExcKind::RecursionError, "maximum recursion depth exceeded")
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Enters a nested native recursion (an eval loop re-entered from native code).
    pub fn enter_native(&mut self) -> PyResult<()> {
        if self.native_depth >= MAX_NATIVE_DEPTH || !crate::interp::native_stack::has_room() {
            return Err(self.recursion_error());
        }
        self.native_depth += 1;
        Ok(())
    }

    pub fn leave_native(&mut self) {
        self.native_depth -= 1;
    }

    /// Runs `f` one native level deeper: native code that calls back into operations (a
    /// `__repr__` that is `object.__str__`, an instance whose `__call__` is itself) recurses
    /// on the native stack, so past the limit it is a `RecursionError`, not a stack overflow.
    #[inline]
    pub fn nested_native<T>(&mut self, f: impl FnOnce(&mut Self) -> PyResult<T>) -> PyResult<T> {
        self.enter_native()?;
        let r = f(self);
        self.leave_native();
        r
    }

    /// A frame running `code` with all `code.nlocals` locals unbound, reusing a recycled
    /// allocation when there is one.
    #[inline]
    pub fn new_frame(
        &mut self,
        code: &Rc<CodeInfo>,
        globals: &ObjRef,
        namespace: Option<ObjRef>,
    ) -> Box<Frame> {
        let mut f = self.empty_frame(code, globals, namespace);
        f.fill_locals(code.nlocals);
        f
    }

    /// A frame running `code` whose `slots` are still empty (the caller fills the locals),
    /// with room for its locals and its deepest stack; a recycled allocation when there is one.
    #[inline(always)]
    pub fn empty_frame(
        &mut self,
        code: &Rc<CodeInfo>,
        globals: &ObjRef,
        namespace: Option<ObjRef>,
    ) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                // A recycled frame usually ran the same function (recursion, loops): keeping
                // its references then saves two count updates per call.
                if !Rc::ptr_eq(&f.code, code) {
                    f.code = code.clone();
                    f.slots.reserve(code.frame_size());
                }
                if !ObjRef::ptr_eq(&f.globals, globals) {
                    f.globals = globals.clone();
                }
                f.ip = 0;
                f.namespace = namespace;
                f
            }
            None => Box::new(Frame {
                code: code.clone(),
                ip: 0,
                slots: Vec::with_capacity(code.frame_size()),
                cells: Vec::new(),
                blocks: Vec::new(),
                globals: globals.clone(),
                namespace,
                runs_init: false,
                resumed_by_for: false,
            }),
        }
    }

    /// Returns a finished frame's allocation to the pool. Its `code` and `globals` stay
    /// referenced until the frame is reused (they are replaced then).
    #[inline(always)]
    pub fn recycle_frame(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() < 64 {
            f.slots.clear();
            // Most frames have neither: skip the drop loops' calls.
            if !f.cells.is_empty() {
                f.cells.clear();
            }
            if !f.blocks.is_empty() {
                f.blocks.clear();
            }
            f.namespace = None;
            f.runs_init = false;
            f.resumed_by_for = false;
            self.frame_pool.push(f);
        }
    }
}
