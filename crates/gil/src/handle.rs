//! The per-thread handle through which an interpreter thread drives the lock.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use crate::gil::ReleaseReason;
use crate::sync::Condvar;
use crate::{Gil, Policy};

/// A registered thread's identity: its index in registration order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ThreadId(pub usize);

/// One interpreter thread's registration with a [`Gil`]. Dropping it
/// releases the lock if this thread holds it and unregisters the thread
/// (its statistics stay in [`Gil::stats`]).
pub struct ThreadHandle {
    gil: Arc<Gil>,
    id: ThreadId,
    name: Arc<str>,
    /// Notified when the lock is handed to this thread (Priority policy).
    wake: Arc<Condvar>,
    /// Tick policy only: checks left before the periodic release. Only the
    /// owning thread touches it, so plain relaxed loads and stores suffice.
    ticks_left: AtomicU32,
    counts_ticks: bool,
}

impl ThreadHandle {
    pub(crate) fn new(gil: Arc<Gil>, id: ThreadId, name: &str) -> ThreadHandle {
        let config = gil.config();
        ThreadHandle {
            id,
            name: Arc::from(name),
            wake: Arc::new(Condvar::new()),
            ticks_left: AtomicU32::new(config.check_interval),
            counts_ticks: config.policy == Policy::Tick,
            gil,
        }
    }

    pub fn id(&self) -> ThreadId {
        self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn gil(&self) -> &Arc<Gil> {
        &self.gil
    }

    /// Blocks until this thread holds the lock (no-op if it already does).
    pub fn acquire(&self) {
        self.gil.acquire(self.id, &self.wake, false);
    }

    /// Releases the lock (no-op if this thread does not hold it).
    pub fn release(&self) {
        self.gil.release(self.id, ReleaseReason::Plain);
    }

    /// Whether this thread holds the lock now.
    pub fn holds_gil(&self) -> bool {
        self.gil.holder() == Some(self.id)
    }

    /// The interpreter's eval-breaker check (backward jumps, calls). When
    /// nothing is pending: one relaxed load, plus, under the Tick policy, a
    /// relaxed load and store of the tick countdown.
    #[inline]
    pub fn tick(&self) {
        if self.gil.drop_requested() {
            self.checkpoint();
        } else if self.counts_ticks {
            self.count_tick();
        }
    }

    #[inline]
    fn count_tick(&self) {
        let left = self.ticks_left.load(Ordering::Relaxed);
        if left > 1 {
            self.ticks_left.store(left - 1, Ordering::Relaxed);
        } else {
            self.ticks_left
                .store(self.gil.config().check_interval, Ordering::Relaxed);
            self.release_and_reacquire();
        }
    }

    /// Python 2's periodic release: let go and at once ask again. Nothing
    /// stops this thread from winning again.
    fn release_and_reacquire(&self) {
        if self.gil.release(self.id, ReleaseReason::Plain) {
            self.acquire();
        }
    }

    /// If a drop request is pending and this thread holds the lock, releases
    /// it and re-acquires it (after another thread had it, under Timeout and
    /// Priority). Returns whether it released.
    pub fn checkpoint(&self) -> bool {
        if !self.gil.drop_requested() {
            return false;
        }
        let released = self.gil.release(self.id, ReleaseReason::Yield);
        if released {
            self.acquire();
        }
        released
    }

    /// Releases the lock before a blocking call (I/O, sleep, join).
    pub fn release_for_blocking(&self) {
        self.gil.release(self.id, ReleaseReason::Blocking);
    }

    /// Re-acquires the lock after a blocking call; under the Priority policy
    /// the thread competes with the I/O boost until it next releases.
    pub fn reacquire_after_blocking(&self) {
        self.gil.acquire(self.id, &self.wake, true);
    }

    /// Runs `call` without the lock: `release_for_blocking`, `call`,
    /// `reacquire_after_blocking`.
    pub fn blocking<R>(&self, call: impl FnOnce() -> R) -> R {
        self.release_for_blocking();
        let result = call();
        self.reacquire_after_blocking();
        result
    }

    /// Sets the base priority (higher = more urgent; default 0).
    pub fn set_priority(&self, priority: i32) {
        self.gil.set_priority(self.id, priority);
    }

    pub fn priority(&self) -> i32 {
        self.gil.priority(self.id)
    }
}

impl Drop for ThreadHandle {
    fn drop(&mut self) {
        self.gil.unregister(self.id);
    }
}
