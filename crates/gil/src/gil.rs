//! The lock itself: acquisition and release under the three policies. See
//! the crate documentation for the algorithm in prose.

use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::event::{Event, EventKind, Hook};
use crate::state::{PendingHandOff, State};
use crate::stats::GilStats;
use crate::sync::{AtomicBool, Condvar, Mutex, MutexGuard, Ordering};
use crate::{GilConfig, Policy, ThreadHandle, ThreadId};

/// The global interpreter lock. Create it with [`Gil::new`], give every
/// interpreter thread a [`ThreadHandle`] with [`Gil::register_thread`], and
/// drive it through the handle.
pub struct Gil {
    config: GilConfig,
    /// The live switch interval in nanoseconds (`sys.setswitchinterval` changes it while
    /// threads run); `config.switch_interval` is only its initial value.
    switch_interval_ns: AtomicU64,
    state: Mutex<State>,
    /// The eval breaker: set by a waiter that wants the holder to drop the
    /// lock, cleared whenever the lock is given to a thread.
    drop_request: AtomicBool,
    /// Tick and Timeout policies: waiters for a free lock sleep here.
    free: Condvar,
    /// Timeout policy: a forced releaser sleeps here until another thread has
    /// taken the lock (ceval_gil.c's `switch_cond`).
    switched: Condvar,
    hook: Option<Hook>,
}

/// Why the holder releases; decides forced switching and the reported event.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReleaseReason {
    /// `release()` or a Tick-policy periodic release.
    Plain,
    /// At a checkpoint; forced if a drop request is pending.
    Yield,
    /// Around a blocking call.
    Blocking,
    /// The thread's handle is being dropped.
    Unregister,
}

impl Gil {
    pub fn new(config: GilConfig) -> Arc<Gil> {
        Arc::new(Gil::build(config, None))
    }

    /// A lock that reports every [`Event`] to `hook` (see [`Hook`]).
    pub fn with_hook(config: GilConfig, hook: impl Fn(&Event) + Send + Sync + 'static) -> Arc<Gil> {
        Arc::new(Gil::build(config, Some(Box::new(hook))))
    }

    fn build(config: GilConfig, hook: Option<Hook>) -> Gil {
        Gil {
            config: GilConfig {
                check_interval: config.check_interval.max(1),
                starve_after: config.starve_after.max(1),
                ..config
            },
            switch_interval_ns: AtomicU64::new(duration_ns(config.switch_interval)),
            state: Mutex::new(State {
                starve_after: config.starve_after.max(1),
                ..State::default()
            }),
            drop_request: AtomicBool::new(false),
            free: Condvar::new(),
            switched: Condvar::new(),
            hook,
        }
    }

    /// The configuration, with the current switch interval.
    pub fn config(&self) -> GilConfig {
        GilConfig {
            switch_interval: self.switch_interval(),
            ..self.config
        }
    }

    /// The current switch interval (see [`Gil::set_switch_interval`]).
    pub fn switch_interval(&self) -> Duration {
        Duration::from_nanos(
            self.switch_interval_ns
                .load(std::sync::atomic::Ordering::Relaxed),
        )
    }

    /// Changes the switch interval at run time (`sys.setswitchinterval`); waiters use the new
    /// value from their next timed wait on.
    pub fn set_switch_interval(&self, interval: Duration) {
        self.switch_interval_ns
            .store(duration_ns(interval), std::sync::atomic::Ordering::Relaxed);
    }

    /// Registers the calling interpreter thread. The handle does not hold the
    /// lock yet; dropping it releases the lock if held and unregisters.
    pub fn register_thread(self: &Arc<Self>, name: &str) -> ThreadHandle {
        let mut state = self.state.lock();
        let id = state.register(name);
        let slot_name = Arc::clone(&state.slot(id).name);
        self.emit(id, EventKind::ThreadStart { name: slot_name });
        drop(state);
        ThreadHandle::new(Arc::clone(self), id, name)
    }

    /// The flag the interpreter polls (one relaxed load) at backward jumps and
    /// calls; when set, it calls [`ThreadHandle::checkpoint`].
    pub fn eval_breaker(&self) -> &AtomicBool {
        &self.drop_request
    }

    #[inline]
    pub fn drop_requested(&self) -> bool {
        self.drop_request.load(Ordering::Relaxed)
    }

    /// The thread holding the lock now, if any.
    pub fn holder(&self) -> Option<ThreadId> {
        self.state.lock().holder
    }

    pub fn stats(&self) -> GilStats {
        let state = self.state.lock();
        GilStats::new(
            self.config.policy,
            state.rows(),
            state.retired.clone(),
            state.waiting,
        )
    }

    /// How many threads were ever registered (each has had an id: the next thread's id).
    /// Costs the same however many there were, unlike [`Gil::stats`].
    pub fn threads_registered(&self) -> usize {
        self.state.lock().registered_ever
    }

    #[inline]
    fn emit(&self, thread: ThreadId, kind: EventKind) {
        if let Some(hook) = &self.hook {
            hook(&Event { thread, kind });
        }
    }

    /// Blocks until `id` holds the lock; a no-op if it already does.
    /// `boosted`: the thread returns from a blocking call (I/O boost).
    pub(crate) fn acquire(&self, id: ThreadId, wake: &Arc<Condvar>, boosted: bool) {
        let start = Instant::now();
        let mut state = self.state.lock();
        if state.holder == Some(id) {
            return;
        }
        if boosted && self.config.policy == Policy::Priority {
            state.slot(id).boost = self.config.io_boost;
        }
        self.emit(id, EventKind::Request);
        state.waiting += 1;
        state = match self.config.policy {
            Policy::Tick | Policy::Timeout => self.take_when_free(state, id),
            Policy::Priority => self.wait_for_hand_off(state, id, wake),
        };
        state.waiting -= 1;
        let waited = start.elapsed();
        state.slot(id).stats.record_acquisition(waited);
        self.emit(id, EventKind::Acquire { waited });
    }

    /// Tick and Timeout: wait until nobody holds the lock, then take it
    /// (whoever gets the mutex first wins: no hand-off).
    fn take_when_free<'a>(
        &'a self,
        mut state: MutexGuard<'a, State>,
        id: ThreadId,
    ) -> MutexGuard<'a, State> {
        while state.holder.is_some() {
            if self.config.policy == Policy::Tick {
                state = self.free.wait(state);
                continue;
            }
            let seen = state.switch_number;
            let (guard, timed_out) = self.free.wait_for(state, self.switch_interval());
            state = guard;
            if timed_out && state.holder.is_some() && state.switch_number == seen {
                self.request_drop(&mut state, id);
            }
        }
        if state.grant(id, 0) {
            self.switched.notify_all();
        }
        self.drop_request.store(false, Ordering::Relaxed);
        state
    }

    /// Priority: take a free lock, or queue and sleep on the thread's own
    /// condition variable until a releaser hands the lock over.
    fn wait_for_hand_off<'a>(
        &'a self,
        mut state: MutexGuard<'a, State>,
        id: ThreadId,
        wake: &Arc<Condvar>,
    ) -> MutexGuard<'a, State> {
        // Invariant: the lock is free only when nobody is queued.
        if state.holder.is_none() {
            let priority = state.current_priority(id);
            state.grant(id, priority);
            self.drop_request.store(false, Ordering::Relaxed);
            return state;
        }
        let priority = state.current_priority(id);
        if priority > state.holder_priority && state.take_back_hand_off() {
            state.grant(id, priority);
            self.drop_request.store(false, Ordering::Relaxed);
            return state;
        }
        state.enqueue(id, Arc::clone(wake));
        if priority > state.holder_priority {
            self.request_drop(&mut state, id);
        }
        // Only the queue's timekeeper sleeps with a timeout; the others sleep until they are
        // handed the lock or the timekeeper's role. A thread in this loop is always queued.
        while state.holder != Some(id) {
            if state.timekeeper.is_none() {
                state.timekeeper = Some(id);
            }
            if state.timekeeper != Some(id) {
                state = wake.wait(state);
                continue;
            }
            let seen = state.switch_number;
            let (guard, timed_out) = wake.wait_for(state, self.switch_interval());
            state = guard;
            if timed_out && state.holder != Some(id) && state.timekeeper == Some(id) {
                self.on_interval_waited(&mut state, seen);
            }
        }
        state.pending_hand_off = None;
        state
    }

    /// The queue's timekeeper waited one more switch interval: every waiter ages, the
    /// holder's aging protection ends if it held the lock the whole interval, and the most
    /// urgent waiter asks for the lock if it now outranks the holder. One thread wakes per
    /// interval whatever the length of the queue (each waiter waking on its own timer made
    /// thousands of queued threads — a burst of exiting handler threads — wake every
    /// interval and starve the holder of CPU).
    fn on_interval_waited(&self, state: &mut State, seen: u64) {
        if state.switch_number == seen {
            if let Some(holder) = state.holder {
                state.holder_priority = state.current_priority(holder);
            }
        }
        for waiter in &mut state.waiters {
            waiter.age = waiter.age.saturating_add(1);
        }
        self.request_drop_if_outranked(state);
    }

    /// Priority: sets the drop request if the most urgent waiter outranks
    /// the holder.
    fn request_drop_if_outranked(&self, state: &mut State) {
        let most_urgent = state
            .waiters
            .iter()
            .map(|w| (state.effective_priority(w), w.id))
            .max_by_key(|&(priority, _)| priority);
        if let Some((priority, id)) = most_urgent {
            if state.holder.is_some() && priority > state.holder_priority {
                self.request_drop(state, id);
            }
        }
    }

    fn request_drop(&self, state: &mut State, by: ThreadId) {
        if !self.drop_request.load(Ordering::Relaxed) {
            self.drop_request.store(true, Ordering::Relaxed);
            state.slot(by).stats.drop_requests += 1;
            self.emit(by, EventKind::DropRequest);
        }
    }

    /// Releases the lock if `id` holds it; returns whether it did.
    pub(crate) fn release(&self, id: ThreadId, reason: ReleaseReason) -> bool {
        let mut state = self.state.lock();
        if state.holder != Some(id) {
            return false;
        }
        let forced = reason == ReleaseReason::Yield && self.drop_requested();
        state.slot(id).boost = 0;
        let kind = match reason {
            ReleaseReason::Blocking => EventKind::BlockingRelease,
            _ => EventKind::Release,
        };
        self.emit(id, kind);
        match self.config.policy {
            Policy::Priority => self.hand_off(&mut state, id, forced),
            Policy::Tick | Policy::Timeout => {
                state.holder = None;
                self.free.notify_one();
                if forced {
                    self.wait_for_switch(state, id);
                }
            }
        }
        true
    }

    /// Priority: gives the lock straight to the most urgent waiter.
    fn hand_off(&self, state: &mut State, from: ThreadId, forced: bool) {
        self.drop_request.store(false, Ordering::Relaxed);
        let Some(next) = state.pop_most_urgent() else {
            state.holder = None;
            return;
        };
        let priority = state.holder_priority_of(&next);
        let counted_switch = state.grant(next.id, priority);
        next.wake.notify_one();
        if state.timekeeper == Some(next.id) {
            // The role passes on, and its new holder is woken to start its timed wait.
            state.timekeeper = state.waiters.first().map(|w| w.id);
            if let Some(waiter) = state.waiters.first() {
                waiter.wake.notify_one();
            }
        }
        state.pending_hand_off = Some(PendingHandOff {
            waiter: next,
            counted_switch,
        });
        if forced {
            self.count_forced_switch(state, from);
        }
    }

    /// Timeout (FORCE_SWITCHING): a thread made to drop the lock does not
    /// compete for it again until another thread has taken it.
    fn wait_for_switch(&self, mut state: MutexGuard<'_, State>, id: ThreadId) {
        self.drop_request.store(false, Ordering::Relaxed);
        while state.last_holder == Some(id) {
            state = self.switched.wait(state);
        }
        self.count_forced_switch(&mut state, id);
    }

    fn count_forced_switch(&self, state: &mut State, id: ThreadId) {
        state.slot(id).stats.forced_switches += 1;
        self.emit(id, EventKind::ForcedSwitch);
    }

    /// Sets the base priority of any registered thread (`thread.priority = p` from another
    /// thread); same effect as [`ThreadHandle::set_priority`] on that thread's handle.
    pub fn set_thread_priority(&self, id: ThreadId, priority: i32) {
        if self.state.lock().is_registered(id) {
            self.set_priority(id, priority);
        }
    }

    pub(crate) fn set_priority(&self, id: ThreadId, priority: i32) {
        let mut state = self.state.lock();
        state.slot(id).priority = priority;
        self.emit(id, EventKind::PriorityChange { priority });
        if self.config.policy != Policy::Priority {
            return;
        }
        if state.holder == Some(id) {
            state.holder_priority = state.current_priority(id);
        }
        self.request_drop_if_outranked(&mut state);
    }

    pub(crate) fn priority(&self, id: ThreadId) -> i32 {
        self.state.lock().slot(id).priority
    }

    /// Runs `fork` (a call that forks the process, made by thread `keep` while it holds the
    /// lock) with the lock's state mutex held, so that the child gets a consistent copy of it
    /// (and of the trace a hook records, which is only written under that mutex). In the child
    /// (`is_child` of `fork`'s result) only the forking thread exists: `keep` goes on holding
    /// the lock, every other registration ends, nobody waits and no drop is requested.
    pub fn fork<R>(
        &self,
        keep: ThreadId,
        fork: impl FnOnce() -> R,
        is_child: impl FnOnce(&R) -> bool,
    ) -> R {
        let mut state = self.state.lock();
        let forked = fork();
        if is_child(&forked) {
            state.keep_only(keep);
            self.drop_request.store(false, Ordering::Relaxed);
            // Empties the wait queues of the threads the child does not have, so that a
            // later notification reaches a thread the child starts.
            self.free.notify_all();
            self.switched.notify_all();
        }
        forked
    }

    pub(crate) fn unregister(&self, id: ThreadId) {
        self.release(id, ReleaseReason::Unregister);
        let mut state = self.state.lock();
        state.unregister(id);
        self.emit(id, EventKind::ThreadEnd);
    }
}

fn duration_ns(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn switch_interval_changes_at_run_time() {
        let gil = Gil::new(GilConfig::default());
        assert_eq!(gil.switch_interval(), Duration::from_millis(5));
        gil.set_switch_interval(Duration::from_micros(250));
        assert_eq!(gil.config().switch_interval, Duration::from_micros(250));
    }
}
