//! Blocking waits that a signal interrupts (PEP 475): `time.sleep`, lock acquisition (and so
//! `Thread.join`, `Queue.get`, `Event.wait`, `Condition.wait`), socket calls, `select`,
//! `input()` from a terminal.
//!
//! The wait runs without the GIL. In the main thread it is cut into slices of at most
//! [`SLICE`]: between two slices it looks at the tripped-signal flag, and when a signal waits
//! it takes the GIL back and runs the handlers (`interp::signals::handle_pending`): an
//! exception from a handler ends the wait, otherwise the wait goes on with the time left.
//! Slicing, rather than `EINTR`, because the kernel may deliver the signal to any thread
//! (under `gilvm` the script's main thread is not even the process's first thread) and std's
//! lock and sleep primitives retry `EINTR` themselves. Other threads wait in one piece,
//! unless a sandbox limit or an interrupt handle may fire (`interp::sandbox`): then every
//! thread's wait is sliced the same way and a fired limit ends it with `LimitExceeded`.

use std::time::{Duration, Instant};

use crate::interp::sandbox::limits::check_tripped;
use crate::interp::signals::{handle_pending, is_main_thread, pending};
use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;

/// The longest a main-thread wait goes without looking for a signal.
pub const SLICE: Duration = Duration::from_millis(10);

/// How one stretch of a wait ended.
enum Stretch<R> {
    Done(R),
    TimedOut,
    Signalled,
    LimitFired,
}

/// Waits until `attempt` returns `Some` or `deadline` (if any) passes (`Ok(None)`), with the
/// GIL released. `attempt(until)` waits at most until `until` and returns `None` if what it
/// waits for did not happen by then. In the main thread, a signal's handler runs meanwhile
/// and its exception ends the wait.
pub fn wait<R: Send>(
    ts: &mut ThreadState,
    deadline: Option<Instant>,
    mut attempt: impl FnMut(Option<Instant>) -> Option<R> + Send,
) -> PyResult<Option<R>> {
    let main = is_main_thread(ts);
    let guard = std::sync::Arc::clone(&ts.guard);
    let limited = guard.watched();
    if !main && !limited {
        return Ok(ts.allow_threads(move || attempt(deadline)));
    }
    loop {
        let stretch = ts.allow_threads(|| loop {
            let slice_end = Instant::now() + SLICE;
            let until = deadline.map_or(slice_end, |d| d.min(slice_end));
            if let Some(done) = attempt(Some(until)) {
                return Stretch::Done(done);
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return Stretch::TimedOut;
            }
            if main && pending() {
                return Stretch::Signalled;
            }
            if limited && guard.tripped().is_some() {
                return Stretch::LimitFired;
            }
        });
        match stretch {
            Stretch::Done(done) => return Ok(Some(done)),
            Stretch::TimedOut => return Ok(None),
            Stretch::Signalled => handle_pending(ts)?,
            Stretch::LimitFired => check_tripped(ts)?,
        }
    }
}

/// `time.sleep(duration)`: the handlers of signals that arrive meanwhile run, and the sleep
/// goes on for the time left unless one raises.
pub fn sleep(ts: &mut ThreadState, duration: Duration) -> PyResult<()> {
    let end = Instant::now() + duration;
    wait(ts, Some(end), |until| {
        let until = until.unwrap_or(end);
        std::thread::sleep(until.saturating_duration_since(Instant::now()));
        None::<()>
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::{Config, Session};
    use crate::interp::signals::trip;

    #[test]
    fn a_signal_handler_runs_during_a_main_thread_sleep_which_then_resumes() {
        let session = Session::new(Config::default());
        // SAFETY: nothing made inside escapes: the closure returns a duration and a bool.
        let (slept, raised) = unsafe {
            session.enter(|ts| {
                let started = Instant::now();
                let waker = std::thread::spawn(|| {
                    std::thread::sleep(Duration::from_millis(30));
                    trip(libc::SIGUSR2 as usize);
                });
                // SIGUSR2 has no Python handler and the OS default (not caught by us): the
                // main thread looks at it, does nothing, and sleeps on.
                let result = sleep(ts, Duration::from_millis(80));
                waker.join().unwrap();
                (started.elapsed(), result.is_err())
            })
        };
        assert!(!raised);
        assert!(slept >= Duration::from_millis(80), "slept {slept:?}");
    }
}
