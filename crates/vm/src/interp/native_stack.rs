//! The native stack of interpreter threads. Python calls do not use it, but native
//! re-entries (`__repr__`, `sorted(key=...)`, generators) do: [`ThreadState::enter_native`]
//! stops them with `RecursionError` while [`has_room`] says there is a margin left, whatever
//! the stack's size. Threads ask for a large stack (reserved lazily by the OS), less under an
//! address-space limit (`ulimit -v`), where a large reservation would keep them from starting.
//!
//! [`ThreadState::enter_native`]: crate::interp::thread_state::ThreadState::enter_native

/// Stack a native re-entry must find left: one level of the eval loop and the native code
/// between two re-entries use far less, even in a debug build.
const MARGIN: usize = 1 << 20;

/// The smallest stack an interpreter thread gets.
const SMALLEST: usize = 8 << 20;

/// `preferred` bytes, or under an address-space limit at most `1/share` of it (and at least
/// [`SMALLEST`]).
pub fn stack_bytes(preferred: usize, share: usize) -> usize {
    match address_space_limit() {
        Some(limit) => preferred.min(limit / share).max(SMALLEST),
        None => preferred,
    }
}

/// Whether the current thread has [`MARGIN`] of native stack left (true where that cannot
/// be known).
#[inline]
pub fn has_room() -> bool {
    stacker::remaining_stack().is_none_or(|left| left >= MARGIN)
}

#[cfg(unix)]
fn address_space_limit() -> Option<usize> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `getrlimit` writes one `rlimit` through a pointer to a local one.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur as usize)
}

#[cfg(not(unix))]
fn address_space_limit() -> Option<usize> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_with_a_small_stack_runs_out_of_room_before_it_overflows() {
        fn descend(depth: usize) -> usize {
            let pad = [depth as u8; 4096];
            if !has_room() {
                return depth;
            }
            let deepest = descend(depth + 1);
            std::hint::black_box(&pad);
            deepest
        }
        let depth = std::thread::Builder::new()
            .stack_size(SMALLEST)
            .spawn(|| descend(0))
            .unwrap()
            .join()
            .unwrap();
        assert!(depth > 100, "{depth}");
        assert!(stack_bytes(1 << 40, 8) >= SMALLEST);
    }
}
