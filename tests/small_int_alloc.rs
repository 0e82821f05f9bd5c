//! Small-int arithmetic allocates nothing: the same program run with 1,000 and with 100,000
//! loop iterations must make (almost) the same number of heap allocations. A counting global
//! allocator sees every allocation of the process, including the interpreter thread's.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use gilvm::Interpreter;

struct CountingAllocator;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts calls.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as our caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as our caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Allocations made while running the loop `iterations` times.
fn allocations_for(iterations: u32) -> usize {
    let source = format!(
        "def work(n):\n    total = 0\n    i = 0\n    while i < n:\n        total = (total + i * 3 - 1) % 1000003\n        i += 1\n    return total\nwork({iterations})\n"
    );
    let code = gilvm::compile(&source, "<alloc>").expect("compiles");
    let interpreter = Interpreter::builder()
        .capture_output(Arc::new(Mutex::new(Vec::new())))
        .build();
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    interpreter.run_code(&code).expect("runs");
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

#[test]
fn small_int_arithmetic_allocates_nothing() {
    let short = allocations_for(1_000);
    let long = allocations_for(100_000);
    assert!(
        long <= short + 10,
        "99,000 more iterations made {} more allocations ({short} vs {long})",
        long as isize - short as isize
    );
}
