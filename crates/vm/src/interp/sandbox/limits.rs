//! The limits a script cannot catch its way out of, and the one flag the eval breaker reads.
//!
//! [`Guard`] is an interpreter's sandbox state, shared (`Arc`) by its runtime, its thread
//! states and the host's [`InterruptHandle`]s. Its `armed` flag is the eval breaker's whole
//! cost: one relaxed load per check point, `false` for ever in an interpreter without limits.
//! With a time limit, an instruction budget or a memory limit it is set for good, and every
//! check point runs [`checkpoint`] (the cost is in `docs/benchmarks.md`); an interrupt sets it
//! from any thread.
//!
//! Once a time or instruction limit (or an interrupt) fires, the guard stays *tripped*: every
//! later check point of every thread raises `LimitExceeded` again, so `except BaseException:
//! pass` only buys the script the code up to its next loop iteration or call; blocking waits
//! ([`wait_until`]) give up. [`Guard::restart`] (a new run) clears it.

use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU32, AtomicU64, AtomicU8, Ordering};
use std::time::{Duration, Instant};

use super::capabilities::Sandbox;
use super::memory::MemoryAccount;
use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};

/// The limits of an interpreter (all off by default).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time of a run.
    pub time: Option<Duration>,
    /// Check points (loop iterations and calls) a run may pass.
    pub instructions: Option<u64>,
    /// Bytes the interpreter's threads may hold allocated at once.
    pub memory: Option<usize>,
    /// Threads a script may have running at once besides its main thread.
    pub threads: Option<usize>,
}

/// Which limit stopped a script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LimitKind {
    /// [`Limits::time`] (raises `LimitExceeded`).
    Time,
    /// [`Limits::instructions`] (raises `LimitExceeded`).
    Instructions,
    /// The host's [`InterruptHandle::interrupt`] (raises `LimitExceeded`).
    Interrupt,
    /// [`Limits::memory`] (raises a catchable `MemoryError`).
    Memory,
}

impl LimitKind {
    fn code(self) -> u8 {
        match self {
            LimitKind::Time => 1,
            LimitKind::Instructions => 2,
            LimitKind::Interrupt => 3,
            LimitKind::Memory => 4,
        }
    }

    fn from_code(code: u8) -> Option<LimitKind> {
        [
            LimitKind::Time,
            LimitKind::Instructions,
            LimitKind::Interrupt,
            LimitKind::Memory,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }

    /// The message of the exception this limit raises (and of `gilvm`'s last stderr line).
    pub fn message(self, limits: &Limits) -> String {
        match self {
            LimitKind::Time => format!(
                "time limit of {} reached",
                format_duration(limits.time.unwrap_or_default())
            ),
            LimitKind::Instructions => format!(
                "instruction limit of {} reached",
                limits.instructions.unwrap_or_default()
            ),
            LimitKind::Interrupt => "interrupted by the host".to_string(),
            LimitKind::Memory => format!(
                "memory limit of {} reached",
                format_size(limits.memory.unwrap_or_default())
            ),
        }
    }

    /// The limit an exception of class `type_name` with `message` reports, if it is one of
    /// the sandbox's (the inverse of [`LimitKind::message`]).
    pub fn of_exception(type_name: &str, message: &str) -> Option<LimitKind> {
        match type_name {
            "LimitExceeded" if message.starts_with("time limit") => Some(LimitKind::Time),
            "LimitExceeded" if message.starts_with("instruction limit") => {
                Some(LimitKind::Instructions)
            }
            "LimitExceeded" if message.starts_with("interrupted") => Some(LimitKind::Interrupt),
            "MemoryError" if message.starts_with("memory limit of") => Some(LimitKind::Memory),
            _ => None,
        }
    }
}

/// `1s`, `500ms`, `1.5s`: the form `--timeout` accepts.
pub fn format_duration(d: Duration) -> String {
    if d.subsec_nanos() == 0 && d.as_secs() > 0 {
        format!("{}s", d.as_secs())
    } else if d.as_nanos().is_multiple_of(1_000_000) {
        format!("{}ms", d.as_millis())
    } else {
        format!("{:?}", d)
    }
}

/// `64M`, `1G`, `1500K`, `100`: the form `--max-memory` accepts (binary units).
pub fn format_size(bytes: usize) -> String {
    for (unit, shift) in [("G", 30), ("M", 20), ("K", 10)] {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("{}{unit}", bytes >> shift);
        }
    }
    bytes.to_string()
}

/// An interpreter's sandbox: its capabilities, its limits and their live state.
pub struct Guard {
    /// Something for the eval breaker's slow path ([`checkpoint`]) to look at.
    armed: AtomicBool,
    /// Blocking waits wake every [`WAIT_SLICE`] to look at the guard: a limit is set, or the
    /// host holds an [`InterruptHandle`].
    watched: AtomicBool,
    /// The [`LimitKind::code`] of the limit that fired, 0 if none.
    tripped: AtomicU8,
    /// Check points left in this run's instruction budget. Check points run under the GIL,
    /// one thread at a time: plain loads and stores suffice (no read-modify-write).
    instructions_left: AtomicI64,
    /// Check points until the next look at the clock (see [`CLOCK_EVERY`]).
    clock_countdown: AtomicU32,
    /// This run's end, in nanoseconds since `epoch` (`u64::MAX`: no time limit).
    deadline: AtomicU64,
    epoch: Instant,
    pub limits: Limits,
    /// `None`: every capability granted (no sandbox).
    pub sandbox: Option<Sandbox>,
    pub memory: MemoryAccount,
}

impl Guard {
    pub fn new(sandbox: Option<Sandbox>, limits: Limits) -> Guard {
        let guard = Guard {
            armed: AtomicBool::new(false),
            watched: AtomicBool::new(false),
            tripped: AtomicU8::new(0),
            instructions_left: AtomicI64::new(0),
            clock_countdown: AtomicU32::new(0),
            deadline: AtomicU64::new(u64::MAX),
            epoch: Instant::now(),
            memory: MemoryAccount::new(limits.memory),
            limits,
            sandbox,
        };
        guard.restart();
        guard
    }

    /// Starts a run: the clock and the instruction budget start afresh, a fired limit is
    /// forgotten.
    pub fn restart(&self) {
        let budget = self
            .limits
            .instructions
            .map_or(i64::MAX, |n| n.min(i64::MAX as u64) as i64);
        self.instructions_left.store(budget, Ordering::Relaxed);
        let deadline = self
            .limits
            .time
            .map_or(u64::MAX, |t| self.now() + t.as_nanos() as u64);
        self.deadline.store(deadline, Ordering::SeqCst);
        self.tripped.store(0, Ordering::SeqCst);
        let counted = self.limits.time.is_some()
            || self.limits.instructions.is_some()
            || self.limits.memory.is_some();
        self.armed.store(counted, Ordering::SeqCst);
        if counted {
            self.watched.store(true, Ordering::SeqCst);
        }
    }

    /// A handle for the host to stop this interpreter's scripts.
    pub fn interrupt_handle(self: &std::sync::Arc<Guard>) -> InterruptHandle {
        self.watched.store(true, Ordering::SeqCst);
        InterruptHandle(std::sync::Arc::clone(self))
    }

    /// Whether the eval breaker must call [`checkpoint`] (one relaxed load).
    #[inline(always)]
    pub fn armed(&self) -> bool {
        self.armed.load(Ordering::Relaxed)
    }

    /// Whether a limit or an interrupt handle may fire during this run: blocking waits then
    /// look at [`Guard::tripped`] between slices (`interp::interruptible::wait`).
    pub fn watched(&self) -> bool {
        self.watched.load(Ordering::Relaxed)
    }

    /// Fires `kind` (first one wins) and wakes the check points.
    pub fn trip(&self, kind: LimitKind) {
        let _ = self
            .tripped
            .compare_exchange(0, kind.code(), Ordering::SeqCst, Ordering::SeqCst);
        self.armed.store(true, Ordering::SeqCst);
    }

    /// Nanoseconds since the guard was made.
    fn now(&self) -> u64 {
        self.epoch.elapsed().as_nanos() as u64
    }

    /// Fires the time limit if this run's deadline has passed.
    fn look_at_clock(&self) {
        if self.now() >= self.deadline.load(Ordering::Relaxed) {
            self.trip(LimitKind::Time);
        }
    }

    /// The limit that fired in this run, if any (looking at the clock first).
    pub fn tripped(&self) -> Option<LimitKind> {
        self.look_at_clock();
        LimitKind::from_code(self.tripped.load(Ordering::SeqCst))
    }

    /// Sets the eval breaker's flag (the memory account went over its limit).
    pub fn arm(&self) {
        self.armed.store(true, Ordering::SeqCst);
    }

    /// The `LimitExceeded` (or `MemoryError`) that `kind` raises.
    fn exception(&self, ts: &ThreadState, kind: LimitKind) -> crate::object::value::ObjRef {
        let class = match kind {
            LimitKind::Memory => ExcKind::MemoryError,
            _ => ExcKind::LimitExceeded,
        };
        ts.new_exc(class, kind.message(&self.limits))
    }

    /// The `MemoryError` of an allocation of `bytes` the memory limit refuses.
    pub fn memory_error(&self, ts: &ThreadState) -> crate::object::value::ObjRef {
        self.exception(ts, LimitKind::Memory)
    }
}

/// Check points between two looks at the clock under a time limit: reading it costs about
/// as much as the rest of a check point; a check point is at most one loop iteration or call
/// apart from the next, so the limit fires at most this many of them late.
const CLOCK_EVERY: u32 = 16;

/// The eval breaker's slow path, taken while [`Guard::armed`]: the instruction budget is
/// charged one check point, the clock looked at every [`CLOCK_EVERY`], and a fired limit
/// raises (again); then the memory account is looked at.
#[inline(never)]
pub fn checkpoint(ts: &ThreadState) -> PyResult<()> {
    let guard = &ts.guard;
    if guard.limits.instructions.is_some() {
        let left = guard.instructions_left.load(Ordering::Relaxed) - 1;
        guard.instructions_left.store(left, Ordering::Relaxed);
        if left < 0 {
            guard.trip(LimitKind::Instructions);
        }
    }
    if guard.limits.time.is_some() {
        match guard.clock_countdown.load(Ordering::Relaxed) {
            0 => {
                guard.clock_countdown.store(CLOCK_EVERY, Ordering::Relaxed);
                guard.look_at_clock();
            }
            n => guard.clock_countdown.store(n - 1, Ordering::Relaxed),
        }
    }
    if let Some(kind) = LimitKind::from_code(guard.tripped.load(Ordering::Relaxed)) {
        return Err(guard.exception(ts, kind));
    }
    if guard.memory.over_limit() {
        return Err(guard.exception(ts, LimitKind::Memory));
    }
    Ok(())
}

/// Raises `LimitExceeded` if a limit has fired (after a blocking wait that [`wait_until`] cut
/// short), without charging the instruction budget.
pub fn check_tripped(ts: &ThreadState) -> PyResult<()> {
    match ts.guard.tripped() {
        Some(kind) => Err(ts.guard.exception(ts, kind)),
        None => Ok(()),
    }
}

/// A host's handle to stop a running script: `interrupt()` makes every thread of the
/// interpreter raise `LimitExceeded` at its next check point, as the time limit does, and
/// wakes its blocking waits. `Send + Sync + Clone`; it outlives the interpreter harmlessly.
#[derive(Clone)]
pub struct InterruptHandle(std::sync::Arc<Guard>);

impl InterruptHandle {
    /// Stops the script running now (if none runs, the next run clears it).
    pub fn interrupt(&self) {
        self.0.trip(LimitKind::Interrupt);
    }
}

impl std::fmt::Debug for InterruptHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InterruptHandle")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_limit_and_map_back_to_it() {
        let limits = Limits {
            time: Some(Duration::from_millis(1500)),
            instructions: Some(1000),
            memory: Some(64 << 20),
            threads: None,
        };
        let cases = [
            (
                LimitKind::Time,
                "LimitExceeded",
                "time limit of 1500ms reached",
            ),
            (
                LimitKind::Instructions,
                "LimitExceeded",
                "instruction limit of 1000 reached",
            ),
            (
                LimitKind::Interrupt,
                "LimitExceeded",
                "interrupted by the host",
            ),
            (
                LimitKind::Memory,
                "MemoryError",
                "memory limit of 64M reached",
            ),
        ];
        for (kind, class, message) in cases {
            assert_eq!(kind.message(&limits), message);
            assert_eq!(LimitKind::of_exception(class, message), Some(kind));
            assert_eq!(LimitKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(LimitKind::of_exception("MemoryError", ""), None);
        assert_eq!(format_duration(Duration::from_secs(2)), "2s");
        assert_eq!(format_size(1500), "1500");
    }

    #[test]
    fn a_fired_limit_stays_until_the_next_run() {
        let limits = Limits {
            instructions: Some(2),
            ..Limits::default()
        };
        let guard = Guard::new(None, limits);
        assert!(guard.armed());
        guard.trip(LimitKind::Instructions);
        guard.trip(LimitKind::Interrupt);
        assert_eq!(
            guard.tripped(),
            Some(LimitKind::Instructions),
            "the first one wins"
        );
        guard.restart();
        assert_eq!(guard.tripped(), None);
        let unlimited = Guard::new(None, Limits::default());
        assert!(
            !unlimited.armed(),
            "no limits: the eval breaker's fast path only"
        );
    }

    #[test]
    fn an_interrupt_handle_makes_waits_watch_the_guard() {
        let guard = std::sync::Arc::new(Guard::new(None, Limits::default()));
        assert!(
            !guard.watched(),
            "no limit, no handle: waits need not slice"
        );
        let handle = guard.interrupt_handle();
        assert!(guard.watched());
        handle.interrupt();
        assert_eq!(guard.tripped(), Some(LimitKind::Interrupt));
    }
}
