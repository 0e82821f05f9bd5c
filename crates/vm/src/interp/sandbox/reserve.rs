//! The emergency reserve: how a program that grows past the machine's memory (or an
//! address-space limit, `ulimit -v`) in many small allocations gets `MemoryError` instead of
//! an abort.
//!
//! Large allocations whose size a script chooses go through `object::alloc` (`try_reserve`)
//! and raise `MemoryError` themselves. The many small allocations of the runtime (an object,
//! a frame, a string) are infallible: Rust aborts when the allocator refuses one. So
//! [`CountingAllocator`](super::memory::CountingAllocator) keeps [`RESERVE_BYTES`] of address
//! space mapped (never touched: no resident memory); when the system allocator refuses a
//! small request, it unmaps the reserve and retries, and a `MemoryError` is owed: the next
//! eval-breaker check point of any thread raises it ([`at_check_point`]), the script unwinds
//! (freeing what it built) and may go on. Later check points map the reserve again as soon as
//! there is room.

use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, Ordering};

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;

/// Address space held back for the allocations between a refusal and the `MemoryError`
/// (and the handler that catches it).
pub const RESERVE_BYTES: usize = 16 << 20;

/// A refused request at most this big may spend the reserve; a larger one fails at once
/// (its caller is fallible, or would not fit after the release either).
const LARGEST_RESCUED: usize = RESERVE_BYTES / 2;

/// Check points between two attempts to map a spent reserve again.
const REARM_EVERY: u32 = 256;

/// The mapped reserve (null: not mapped).
static RESERVE: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());
/// Whether [`arm`] ran once (the allocator maps the reserve at its first allocation).
static STARTED: AtomicBool = AtomicBool::new(false);
/// The reserve was released and is not mapped again yet.
static SPENT: AtomicBool = AtomicBool::new(false);
/// A small allocation succeeded only thanks to the reserve: a `MemoryError` is owed.
static OWED: AtomicBool = AtomicBool::new(false);
static REARM_COUNTDOWN: AtomicU32 = AtomicU32::new(0);

/// Maps the reserve at the allocator's first call (one relaxed load afterwards).
#[inline]
pub fn start() {
    if !STARTED.load(Ordering::Relaxed) && !STARTED.swap(true, Ordering::SeqCst) {
        arm();
    }
}

/// Maps the reserve if it is not mapped; whether it is now.
fn arm() -> bool {
    if !RESERVE.load(Ordering::SeqCst).is_null() {
        return true;
    }
    let Some(block) = map() else {
        return false;
    };
    if RESERVE
        .compare_exchange(
            std::ptr::null_mut(),
            block,
            Ordering::SeqCst,
            Ordering::SeqCst,
        )
        .is_err()
    {
        unmap(block);
    }
    true
}

/// Called by the allocator when the system refused `size` bytes: whether the reserve was
/// released so that a retry may succeed (then [`rescued`] says whether it did).
pub fn release_for(size: usize) -> bool {
    if size > LARGEST_RESCUED {
        return false;
    }
    let block = RESERVE.swap(std::ptr::null_mut(), Ordering::SeqCst);
    if block.is_null() {
        return false;
    }
    unmap(block);
    SPENT.store(true, Ordering::SeqCst);
    crate::interp::signals::wake_eval_breaker();
    true
}

/// After a retry that [`release_for`] allowed succeeded: the program now runs on the reserve.
pub fn rescued() {
    OWED.store(true, Ordering::SeqCst);
}

/// Whether check points must keep calling [`at_check_point`] (the reserve is to be mapped
/// again, or a `MemoryError` is owed).
pub fn wants_check_points() -> bool {
    SPENT.load(Ordering::Relaxed) || OWED.load(Ordering::Relaxed)
}

/// The eval breaker's part: raises an owed `MemoryError`; maps a spent reserve again (every
/// [`REARM_EVERY`] check points, while there is no room for it).
pub fn at_check_point(ts: &ThreadState) -> PyResult<()> {
    if OWED.swap(false, Ordering::SeqCst) {
        return Err(ts.memory_error());
    }
    if SPENT.load(Ordering::Relaxed) {
        let left = REARM_COUNTDOWN.load(Ordering::Relaxed);
        if left > 0 {
            REARM_COUNTDOWN.store(left - 1, Ordering::Relaxed);
        } else if arm() {
            SPENT.store(false, Ordering::SeqCst);
        } else {
            REARM_COUNTDOWN.store(REARM_EVERY, Ordering::Relaxed);
        }
    }
    Ok(())
}

/// Address space only: the pages are never touched, so the reserve costs no memory until
/// it is unmapped and the allocator reuses the room.
#[cfg(unix)]
fn map() -> Option<*mut u8> {
    // SAFETY: an anonymous private mapping at an address the kernel chooses: it aliases
    // nothing, and only `unmap` below (with the same length) ever touches it.
    let block = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            RESERVE_BYTES,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    (block != libc::MAP_FAILED).then_some(block.cast())
}

#[cfg(unix)]
fn unmap(block: *mut u8) {
    // SAFETY: `block` came from `map` (same length), was taken out of `RESERVE` by a swap, so
    // no other thread unmaps it too, and nothing points into it.
    unsafe { libc::munmap(block.cast(), RESERVE_BYTES) };
}

#[cfg(not(unix))]
fn map() -> Option<*mut u8> {
    None
}

#[cfg(not(unix))]
fn unmap(_block: *mut u8) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_owes_an_error_and_a_check_point_maps_the_reserve_again() {
        start();
        assert!(arm(), "the reserve maps");
        assert!(
            !release_for(LARGEST_RESCUED + 1),
            "a large request does not spend it"
        );
        assert!(release_for(64));
        assert!(RESERVE.load(Ordering::SeqCst).is_null());
        assert!(!release_for(64), "spent: nothing left to release");
        assert!(wants_check_points());
        assert!(arm());
        SPENT.store(false, Ordering::SeqCst);
        assert!(!wants_check_points());
    }
}
