//! Asynchronous requests from outside the interpreter, handled at the eval breaker: today
//! the interrupt (Ctrl-C, `SIGINT`), which raises `KeyboardInterrupt` in the main thread.
//!
//! A signal handler (or any host thread) calls [`request_interrupt`]: one atomic store, safe
//! in a signal handler. The eval loop reads the flag at every eval-breaker check point
//! (`ThreadState::check_eval_breaker`: backward jumps and calls); the main thread takes it and
//! raises. Blocking calls that sleep (`time.sleep`) wake up to look at it too. A future
//! `signal` module adds its handlers here, next to the flag.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::interp::sandbox::limits::{check_tripped, wait_until};
use crate::interp::thread_state::ThreadState;
use crate::object::error::{new_exception, ExcKind, PyResult};

/// Set by [`request_interrupt`], cleared when the main thread raises `KeyboardInterrupt`.
static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Asks the main thread to raise `KeyboardInterrupt` at its next check point
/// (async-signal-safe).
pub fn request_interrupt() {
    INTERRUPT.store(true, Ordering::SeqCst);
}

/// Forgets a pending interrupt (the prompt cancels its line itself).
pub fn clear_interrupt() {
    INTERRUPT.store(false, Ordering::SeqCst);
}

/// Whether an interrupt waits (one relaxed load: the eval breaker's fast path).
#[inline(always)]
pub fn pending() -> bool {
    INTERRUPT.load(Ordering::Relaxed)
}

/// The slow path of the eval breaker: in the main thread, a pending interrupt becomes a
/// `KeyboardInterrupt`; other threads leave it for the main thread.
#[cold]
pub fn handle_pending(ts: &mut ThreadState) -> PyResult<()> {
    if ts.ident() != ts.rt.threads.main_ident.get() {
        return Ok(());
    }
    if INTERRUPT.swap(false, Ordering::SeqCst) {
        return Err(new_exception(
            ts.exc_class(ExcKind::KeyboardInterrupt),
            Vec::new(),
        ));
    }
    Ok(())
}

/// Sleeps for `duration` with the GIL released, waking early (in the main thread) when an
/// interrupt is requested, which it then raises.
pub fn interruptible_sleep(ts: &mut ThreadState, duration: Duration) -> PyResult<()> {
    let main = ts.ident() == ts.rt.threads.main_ident.get();
    let end = Instant::now() + duration;
    // The sandbox's limits (`interp::sandbox::limits`) cut the sleep short too.
    let guard = std::sync::Arc::clone(&ts.guard);
    ts.allow_threads(move || {
        wait_until(&guard, Some(end), |slice| {
            if !main {
                std::thread::sleep(slice.unwrap_or(duration));
                return false;
            }
            let slice_end = Instant::now() + slice.unwrap_or(duration);
            loop {
                let now = Instant::now();
                if now >= slice_end || pending() {
                    return pending();
                }
                std::thread::sleep((slice_end - now).min(Duration::from_millis(20)));
            }
        })
    });
    handle_pending(ts)?;
    check_tripped(ts)
}
