//! gilvm's global interpreter lock (GIL), with three selectable policies that
//! replay the history of CPython's lock (David Beazley, "Understanding the
//! Python GIL" and "Embracing the GIL"; CPython's `Python/ceval_gil.c`). The
//! crate knows nothing of bytecode: the interpreter tells it when a thread
//! starts, reaches a check point, blocks and ends.
//!
//! # Notes on the algorithm
//!
//! ## State
//!
//! One mutex protects the whole state (`state::State`): the holder, the
//! holder's priority, the last holder, the *switch number* (bumped each time
//! the lock passes to a different thread, as in ceval_gil.c), the number of
//! waiting threads, the hand-off queue (Priority only) and per-thread slots
//! (name, base priority, I/O boost, counters). Outside the mutex sits one
//! atomic flag, the *drop request* (CPython's `gil_drop_request`, part of its
//! eval breaker): the holder polls it with a single relaxed load at every
//! check point, so the uncontended fast path never touches the mutex. It is
//! only written under the mutex: set by a waiter, cleared whenever the lock
//! is given to a thread.
//!
//! ## Who waits on what
//!
//! * Tick and Timeout: waiters for a free lock sleep on one shared condition
//!   variable, `free`; a release signals it once. Whoever reaches the mutex
//!   first takes the lock — a newcomer, or the releaser itself asking again —
//!   so there is no hand-off guarantee.
//! * Timeout: a thread forced to release sleeps on `switched` until the last
//!   holder is somebody else (FORCE_SWITCHING; CPython's `switch_cond`).
//! * Priority: each thread has its own condition variable. A release picks
//!   the next holder itself, makes it the holder under the mutex and
//!   notifies only that thread: an explicit hand-off, so the releaser cannot
//!   win again by being quick.
//!
//! ## The three policies
//!
//! **Tick** (Python 2). The interpreter calls [`ThreadHandle::tick`] at each
//! check point; every `check_interval` ticks the holder releases and
//! immediately re-requests the lock, like Python 2's `_Py_Ticker`. With a
//! plain mutex + condition variable the woken waiter usually finds the lock
//! taken again by the releaser, which never stopped running: on several
//! cores this is the thrashing (many releases, few switches, long waits)
//! Beazley measured. It is reproduced on purpose.
//!
//! **Timeout** (Python 3.2's "new GIL"). A waiter sleeps on `free` for at most
//! `switch_interval`. If it times out and the switch number has not moved
//! meanwhile — the holder has kept the lock a whole interval — it sets the
//! drop request. The holder sees the flag at its next check point
//! ([`ThreadHandle::checkpoint`]), releases, clears the request and, because
//! the release was forced, waits on `switched` until another thread has
//! taken the lock before asking again. A thread that takes the lock clears
//! the drop request and, if the lock changed threads, bumps the switch number
//! and wakes the forced releasers.
//!
//! **Priority** (the default). Timeout, plus per-thread integer priorities
//! (default 0, higher is more urgent) and explicit hand-off:
//!
//! * A waiter's *effective priority* is base + boost + age, where age counts
//!   the switch intervals it has waited (its timed waits that expired).
//! * The holder competes at the effective priority it was granted the lock
//!   with; once it has held the lock for a whole interval (a waiter times out
//!   with an unchanged switch number) this decays to its base + boost.
//! * A waiter sets the drop request as soon as its effective priority exceeds
//!   the holder's: at once on arrival if its base + boost is higher, or after
//!   one interval with no switch at equal priority (Timeout's rule: the age of
//!   1 beats the decayed holder), or after enough intervals to make up a
//!   priority gap.
//! * Every release hands the lock to the waiter with the highest effective
//!   priority, FIFO (arrival ticket) among equals. Forced switching is thus
//!   implied: the releaser queues behind the threads already waiting.
//! * A hand-off is only complete once its receiver has woken up, and on a
//!   busy machine the OS may take milliseconds to run it. Meanwhile a
//!   newcomer that outranks it (typically a boosted thread back from I/O)
//!   takes the lock back at once instead of setting a drop request the
//!   sleeping receiver cannot see: the receiver is queued again, passed over
//!   once more, so that this cannot repeat forever.
//! * I/O boost: [`ThreadHandle::reacquire_after_blocking`] adds
//!   `GilConfig::io_boost` to the thread's priority until it next releases,
//!   so a thread coming back from I/O preempts an equal-priority CPU-bound
//!   holder at its next check point instead of waiting an interval — the
//!   fix for the convoy effect Beazley showed in the new GIL, with no change
//!   to the program. A hand-off taken back counts as a *pass-over* for its
//!   receiver: it ranks the receiver in the queue but, unlike age, does not
//!   protect it once it holds the lock — else the returning I/O thread would
//!   find the CPU thread holding at a priority it cannot beat, and wait a
//!   whole interval (the convoy again; see `docs/gil.md`).
//!
//! ## Starvation
//!
//! Aging prevents starvation: a waiter's age grows by one per interval waited
//! and never resets while it waits, even when other threads switch. A waiter
//! `d` priority levels below every competitor therefore becomes the most
//! urgent after about `d + 1` intervals (plus the competitors' own ages):
//! it then gets the drop request honoured and the hand-off. It keeps its aged
//! priority for one interval, so it gets a real slice rather than a single
//! check point. Aging alone bounds nothing when the gap is huge (a holder at
//! `i32::MAX`), so a waiter that has waited `GilConfig::starve_after`
//! intervals is *starving*: it outranks every waiter that is not, whatever
//! the priorities, and starving waiters are served first come first served.
//! With `n` competing threads a waiter therefore gets the lock within about
//! `starve_after + 2n + 1` intervals (plus the holder's way to its next check
//! point; see `docs/gil.md`). Tick and Timeout have no priorities and no
//! aging: like CPython, they promise no order among waiters.
//!
//! ## How the interpreter drives it
//!
//! ```text
//! let gil = Gil::new(GilConfig::default());       // once per interpreter
//! let me = gil.register_thread("MainThread");     // per interpreter thread
//! me.acquire();                                   // before running bytecode
//! loop {
//!     ...                                         // at backward jumps and calls:
//!     me.tick();                                  // one relaxed load when idle
//!     ...                                         // around a blocking call:
//!     me.release_for_blocking(); read(); me.reacquire_after_blocking();
//! }
//! drop(me);                                       // releases and unregisters
//! ```
//!
//! An interpreter with its own eval-breaker word can instead poll
//! [`Gil::eval_breaker`] and call [`ThreadHandle::checkpoint`] when it is set,
//! but the Tick policy only works through `tick`.
//!
//! ## Model checking
//!
//! The state machine is written over a small facade (`sync`) so that `loom`
//! can check it; see `tests/loom.rs` for what is checked and how to run it.

#![forbid(unsafe_code)]

mod config;
mod event;
mod gil;
mod handle;
mod state;
mod stats;
mod sync;

pub use config::{GilConfig, Policy};
pub use event::{Event, EventKind, Hook};
pub use gil::Gil;
pub use handle::{ThreadHandle, ThreadId};
pub use stats::{GilStats, RetiredThreads, ThreadRow, ThreadStats, WaitHistogram};
