//! The memory limit: every heap allocation of an interpreter's threads is charged to its
//! [`MemoryAccount`] by [`CountingAllocator`], a `#[global_allocator]` wrapper the host
//! installs (the `gilvm` command, the tests and the `sandbox` example do; a library cannot
//! choose a program's allocator, and a host may wrap its own, e.g. jemalloc).
//!
//! Each thread running an interpreter with a memory limit points a thread-local at that
//! interpreter's [`Guard`] while its `ThreadState` lives ([`MemoryScope`]); the allocator
//! charges the size of every allocation, reallocation and free made there. Threads of
//! interpreters without a memory limit (and the host's own threads) leave it null: one
//! thread-local load per allocation.
//!
//! It also keeps the emergency reserve ([`reserve`]) that turns the system allocator's refusal
//! of a small request into a `MemoryError` instead of an abort.
//!
//! Two ways to `MemoryError` under the limit, both catchable (the script may free memory and go on):
//! - large allocations (sequence and string repetition, `bytes(n)`, big integers...) call
//!   [`reserve`] first, which raises *before* the memory is taken;
//! - any other allocation that goes over the limit arms the eval breaker, and the next check
//!   point raises while the account stays over it (overshoot: what one stretch of code
//!   between two check points allocates in small pieces).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::Arc;

use super::limits::Guard;
use super::reserve;
use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;

/// Bytes held by one interpreter's threads, against its limit.
pub struct MemoryAccount {
    limit: Option<usize>,
    /// Signed: memory allocated before a thread's scope began may be freed inside it.
    used: AtomicIsize,
}

impl MemoryAccount {
    pub fn new(limit: Option<usize>) -> MemoryAccount {
        MemoryAccount {
            limit,
            used: AtomicIsize::new(0),
        }
    }

    /// Bytes charged now (allocated minus freed by the interpreter's threads).
    pub fn used(&self) -> usize {
        self.used.load(Ordering::Relaxed).max(0) as usize
    }

    pub fn over_limit(&self) -> bool {
        self.limit.is_some_and(|limit| self.used() > limit)
    }

    /// Whether taking `bytes` more would go over the limit.
    fn refuses(&self, bytes: usize) -> bool {
        self.limit
            .is_some_and(|limit| self.used().saturating_add(bytes) > limit)
    }
}

thread_local! {
    /// The guard whose account this thread's allocations are charged to (null: none).
    static CHARGED: Cell<*const Guard> = const { Cell::new(std::ptr::null()) };
}

/// Charges `delta` bytes to the current thread's account, if it has one.
#[inline]
fn charge(delta: isize) {
    let _ = CHARGED.try_with(|charged| {
        let guard = charged.get();
        if guard.is_null() {
            return;
        }
        // SAFETY: a non-null pointer was set by a live `MemoryScope`, which holds an `Arc` of
        // the guard until it resets the pointer (a forgotten scope leaks its `Arc`, so the
        // guard then lives for ever); see `memory_scope_charges_and_restores` below.
        let guard = unsafe { &*guard };
        let used = guard.memory.used.fetch_add(delta, Ordering::Relaxed) + delta;
        if delta > 0 && guard.memory.limit.is_some_and(|l| used > l as isize) {
            guard.arm();
        }
    });
}

/// `allocate()`, retried once after releasing the emergency reserve when the system refused
/// a small request (see [`reserve`]).
#[inline]
fn rescued(size: usize, mut allocate: impl FnMut() -> *mut u8) -> *mut u8 {
    let ptr = allocate();
    if !ptr.is_null() || !reserve::release_for(size) {
        return ptr;
    }
    let ptr = allocate();
    if !ptr.is_null() {
        reserve::rescued();
    }
    ptr
}

/// A global allocator that charges the interpreters' allocations to their memory accounts
/// and forwards everything to `A` (the system allocator by default). Install it in the
/// program for [`Limits::memory`](super::Limits::memory) to count every allocation:
///
/// ```ignore
/// #[global_allocator]
/// static ALLOCATOR: gilvm::CountingAllocator = gilvm::CountingAllocator::system();
/// ```
pub struct CountingAllocator<A = System>(pub A);

impl CountingAllocator<System> {
    /// Counting over the system allocator.
    pub const fn system() -> CountingAllocator<System> {
        CountingAllocator(System)
    }
}

// SAFETY: every call is forwarded unchanged to the inner allocator, which upholds
// `GlobalAlloc`'s contract (a refused call is retried once, unchanged: a failed `realloc`
// leaves its block as it was); the reserve released between the two is a mapping nothing
// points into; `charge` only updates an atomic counter and never allocates
// (the thread-local is const-initialised and has no destructor).
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAllocator<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        reserve::start();
        // SAFETY: the caller's contract, passed on.
        let ptr = rescued(layout.size(), || unsafe { self.0.alloc(layout) });
        if !ptr.is_null() {
            charge(layout.size() as isize);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let ptr = rescued(layout.size(), || unsafe { self.0.alloc_zeroed(layout) });
        if !ptr.is_null() {
            charge(layout.size() as isize);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { self.0.dealloc(ptr, layout) };
        charge(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let new = rescued(new_size, || unsafe {
            self.0.realloc(ptr, layout, new_size)
        });
        if !new.is_null() {
            charge(new_size as isize - layout.size() as isize);
        }
        new
    }
}

/// While alive, charges this thread's allocations to `guard`'s account (when it has a memory
/// limit); dropping it restores the previous account. Held by `ThreadState`.
pub struct MemoryScope {
    previous: *const Guard,
    guard: Option<Arc<Guard>>,
}

impl MemoryScope {
    pub fn enter(guard: &Arc<Guard>) -> MemoryScope {
        let previous = CHARGED.with(|c| c.get());
        if guard.limits.memory.is_none() {
            return MemoryScope {
                previous,
                guard: None,
            };
        }
        CHARGED.with(|c| c.set(Arc::as_ptr(guard)));
        MemoryScope {
            previous,
            guard: Some(Arc::clone(guard)),
        }
    }
}

impl Drop for MemoryScope {
    fn drop(&mut self) {
        if self.guard.is_some() {
            CHARGED.with(|c| c.set(self.previous));
        }
    }
}

/// Raises `MemoryError` if allocating `bytes` would take the interpreter over its memory
/// limit — before the memory is taken. The large constructors call it.
pub fn reserve(ts: &ThreadState, bytes: usize) -> PyResult<()> {
    if ts.guard.memory.refuses(bytes) {
        return Err(ts.guard.memory_error(ts));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interp::sandbox::Limits;

    #[test]
    fn memory_scope_charges_and_restores() {
        let limits = Limits {
            memory: Some(1000),
            ..Limits::default()
        };
        let guard = Arc::new(Guard::new(None, limits));
        {
            let _scope = MemoryScope::enter(&guard);
            charge(600);
            assert_eq!(guard.memory.used(), 600);
            assert!(!guard.memory.over_limit());
            assert!(guard.memory.refuses(500));
            charge(600);
            assert!(guard.memory.over_limit());
            charge(-1200);
        }
        charge(5000);
        assert_eq!(guard.memory.used(), 0, "charges after the scope go nowhere");
        assert!(CHARGED.with(|c| c.get()).is_null());
    }
}
