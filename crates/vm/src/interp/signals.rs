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
    if !main {
        ts.allow_threads(move || std::thread::sleep(duration));
        return Ok(());
    }
    let end = Instant::now() + duration;
    ts.allow_threads(move || loop {
        let now = Instant::now();
        if now >= end || pending() {
            break;
        }
        std::thread::sleep((end - now).min(Duration::from_millis(20)));
    });
    handle_pending(ts)
}
