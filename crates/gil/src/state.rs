//! The lock's state proper, protected by the `Gil`'s mutex. Pure
//! bookkeeping: who holds, who waits, who is next; no blocking here.

use std::sync::Arc;

use crate::stats::{ThreadRow, ThreadStats};
use crate::sync::Condvar;
use crate::ThreadId;

/// A registered thread.
pub(crate) struct ThreadSlot {
    pub name: Arc<str>,
    /// Base priority (higher = more urgent).
    pub priority: i32,
    /// I/O boost, granted on return from a blocking call, cleared on release.
    pub boost: i32,
    pub registered: bool,
    pub stats: ThreadStats,
}

/// A thread queued for hand-off (Priority policy only).
pub(crate) struct Waiter {
    pub id: ThreadId,
    /// Arrival order: FIFO among equal effective priorities.
    pub ticket: u64,
    /// Switch intervals this thread has waited (timeouts seen): aging.
    pub age: u32,
    /// The waiter's own condition variable, notified on hand-off.
    pub wake: Arc<Condvar>,
}

#[derive(Default)]
pub(crate) struct State {
    pub holder: Option<ThreadId>,
    /// Priority the holder is compared against by waiters: its effective
    /// priority when it got the lock (aging included), decayed to its base +
    /// boost once it has held the lock for a full interval.
    pub holder_priority: i64,
    pub last_holder: Option<ThreadId>,
    /// Bumped whenever the lock passes to a different thread (ceval_gil.c's
    /// `switch_number`): a waiter that times out with an unchanged number
    /// knows the holder has had a whole interval.
    pub switch_number: u64,
    /// Threads blocked in `acquire` (all policies).
    pub waiting: usize,
    /// Hand-off queue (Priority policy only).
    pub waiters: Vec<Waiter>,
    pub next_ticket: u64,
    pub threads: Vec<ThreadSlot>,
}

impl State {
    pub fn register(&mut self, name: &str) -> ThreadId {
        self.threads.push(ThreadSlot {
            name: Arc::from(name),
            priority: 0,
            boost: 0,
            registered: true,
            stats: ThreadStats::default(),
        });
        ThreadId(self.threads.len() - 1)
    }

    pub fn slot(&mut self, id: ThreadId) -> &mut ThreadSlot {
        &mut self.threads[id.0]
    }

    /// Base priority plus boost: what a thread is worth before aging.
    pub fn current_priority(&self, id: ThreadId) -> i64 {
        let slot = &self.threads[id.0];
        i64::from(slot.priority) + i64::from(slot.boost)
    }

    pub fn effective_priority(&self, waiter: &Waiter) -> i64 {
        self.current_priority(waiter.id) + i64::from(waiter.age)
    }

    /// Gives the lock to `id`, competing at `priority`. Returns whether the
    /// lock changed threads.
    pub fn grant(&mut self, id: ThreadId, priority: i64) -> bool {
        self.holder = Some(id);
        self.holder_priority = priority;
        let switched = self.last_holder != Some(id);
        if switched {
            self.last_holder = Some(id);
            self.switch_number += 1;
            self.slot(id).stats.switches += 1;
        }
        switched
    }

    pub fn enqueue(&mut self, id: ThreadId, wake: Arc<Condvar>) {
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        self.waiters.push(Waiter {
            id,
            ticket,
            age: 0,
            wake,
        });
    }

    pub fn waiter_mut(&mut self, id: ThreadId) -> Option<&mut Waiter> {
        self.waiters.iter_mut().find(|w| w.id == id)
    }

    /// Removes and returns the most urgent waiter: highest effective
    /// priority, earliest ticket among equals.
    pub fn pop_most_urgent(&mut self) -> Option<Waiter> {
        let best = self
            .waiters
            .iter()
            .enumerate()
            .max_by_key(|(_, w)| (self.effective_priority(w), std::cmp::Reverse(w.ticket)))
            .map(|(index, _)| index)?;
        Some(self.waiters.remove(best))
    }

    pub fn rows(&self) -> Vec<ThreadRow> {
        self.threads
            .iter()
            .enumerate()
            .map(|(index, slot)| ThreadRow {
                id: ThreadId(index),
                name: slot.name.to_string(),
                priority: slot.priority,
                registered: slot.registered,
                stats: slot.stats.clone(),
            })
            .collect()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    fn state_with(priorities: &[i32]) -> State {
        let mut state = State::default();
        for (i, &p) in priorities.iter().enumerate() {
            let id = state.register(&format!("t{i}"));
            state.slot(id).priority = p;
        }
        state
    }

    fn queue(state: &mut State, ids: &[usize]) {
        for &id in ids {
            state.enqueue(ThreadId(id), Arc::new(Condvar::new()));
        }
    }

    fn drain(state: &mut State) -> Vec<usize> {
        std::iter::from_fn(|| state.pop_most_urgent().map(|w| w.id.0)).collect()
    }

    #[test]
    fn highest_priority_first_fifo_among_equals() {
        let mut state = state_with(&[0, 5, 0, 5, 1]);
        queue(&mut state, &[0, 1, 2, 3, 4]);
        assert_eq!(drain(&mut state), vec![1, 3, 4, 0, 2]);
    }

    #[test]
    fn boost_and_aging_raise_a_waiter() {
        let mut state = state_with(&[3, 0, 0]);
        queue(&mut state, &[0, 1, 2]);
        state.slot(ThreadId(2)).boost = 3; // 0 + 3 ties with 3, later ticket
        state.waiter_mut(ThreadId(1)).unwrap().age = 4; // 0 + 4 beats 3
        assert_eq!(drain(&mut state), vec![1, 0, 2]);
    }

    #[test]
    fn grant_counts_switches_only_between_threads() {
        let mut state = state_with(&[0, 0]);
        assert!(state.grant(ThreadId(0), 0));
        assert!(!state.grant(ThreadId(0), 0));
        assert!(state.grant(ThreadId(1), 7));
        assert_eq!(state.switch_number, 2);
        assert_eq!(state.holder_priority, 7);
        assert_eq!(state.threads[0].stats.switches, 1);
    }
}
