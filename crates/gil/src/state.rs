//! The lock's state proper, protected by the `Gil`'s mutex. Pure
//! bookkeeping: who holds, who waits, who is next; no blocking here.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use crate::stats::{RetiredThreads, ThreadRow, ThreadStats};
use crate::sync::Condvar;
use crate::ThreadId;

/// How many finished threads keep a row of their own in the statistics; older ones are
/// folded into [`RetiredThreads`], so a program that starts threads for ever keeps a
/// bounded record.
pub(crate) const FINISHED_ROWS: usize = 100;

/// A registered thread.
#[derive(Default)]
pub(crate) struct ThreadSlot {
    pub name: Arc<str>,
    /// Base priority (higher = more urgent).
    pub priority: i32,
    /// I/O boost, granted on return from a blocking call, cleared on release.
    pub boost: i32,
    pub stats: ThreadStats,
}

/// A thread queued for hand-off (Priority policy only).
pub(crate) struct Waiter {
    pub id: ThreadId,
    /// Arrival order: FIFO among equal effective priorities.
    pub ticket: u64,
    /// Switch intervals this thread has waited (timeouts of the queue's timekeeper): aging.
    pub age: u32,
    /// Hand-offs to this thread taken back before it woke up. It ranks the waiter like age
    /// does (so take-backs cannot pass it over forever), but unlike age it buys no
    /// protection once the thread holds the lock: see [`State::holder_priority_of`].
    pub passed_over: u32,
    /// The waiter's own condition variable, notified on hand-off.
    pub wake: Arc<Condvar>,
}

/// A hand-off the receiving thread has not woken up for yet (Priority policy only).
pub(crate) struct PendingHandOff {
    /// The receiver's queue entry, kept so that it can be queued again as it was.
    pub waiter: Waiter,
    /// Whether granting it counted a switch in the receiver's statistics.
    pub counted_switch: bool,
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
    /// The one queued thread that sleeps with a timeout, ages the queue and asks for drops
    /// (Priority policy only); `None` when the queue is empty or its timekeeper was handed
    /// the lock and no other waiter has woken to take the role yet.
    pub timekeeper: Option<ThreadId>,
    /// Set from a hand-off until its receiver (the holder) returns from its wait: while the
    /// OS has not run it yet, a newcomer that outranks it may take the lock back.
    pub pending_hand_off: Option<PendingHandOff>,
    pub next_ticket: u64,
    /// The registered threads (a hash map: registering and finding a thread cost the same
    /// however many came before).
    pub threads: HashMap<ThreadId, ThreadSlot>,
    /// How many threads were ever registered: the next thread's id.
    pub registered_ever: usize,
    /// Rows of the last [`FINISHED_ROWS`] finished threads, oldest first.
    pub finished: VecDeque<ThreadRow>,
    /// The finished threads before those, summed.
    pub retired: RetiredThreads,
    /// Stands in for a thread that is not registered (a stale id): writes to it are lost.
    pub scratch: ThreadSlot,
    /// Age at which a waiter is starving (`GilConfig::starve_after`).
    pub starve_after: u32,
}

/// The effective priority of a starving waiter with ticket 0: above any priority a thread
/// can reach otherwise (an `i32` base, an `i32` boost and a `u32` age or pass-over count);
/// a later ticket ranks lower, so starving waiters are served first come first served.
const STARVING: i64 = i64::MAX / 2;

impl State {
    pub fn register(&mut self, name: &str) -> ThreadId {
        let id = ThreadId(self.registered_ever);
        self.registered_ever += 1;
        let slot = ThreadSlot {
            name: Arc::from(name),
            ..ThreadSlot::default()
        };
        self.threads.insert(id, slot);
        id
    }

    /// Ends a thread's registration: its row joins the finished ones, and the oldest of
    /// those beyond [`FINISHED_ROWS`] is folded into the retired totals.
    pub fn unregister(&mut self, id: ThreadId) {
        let Some(slot) = self.threads.remove(&id) else {
            return;
        };
        self.finished.push_back(row(id, &slot, false));
        if self.finished.len() > FINISHED_ROWS {
            if let Some(oldest) = self.finished.pop_front() {
                self.retired.threads += 1;
                self.retired.stats.merge(&oldest.stats);
            }
        }
    }

    /// After a fork, in the child: `keep` (the forking thread, which held the lock) is the
    /// only thread left; the others' registrations end as if they had finished.
    pub fn keep_only(&mut self, keep: ThreadId) {
        let gone: Vec<ThreadId> = self
            .threads
            .keys()
            .copied()
            .filter(|&id| id != keep)
            .collect();
        for id in gone {
            self.unregister(id);
        }
        self.holder = Some(keep);
        self.last_holder = Some(keep);
        self.waiting = 0;
        self.waiters.clear();
        self.timekeeper = None;
        self.pending_hand_off = None;
    }

    pub fn is_registered(&self, id: ThreadId) -> bool {
        self.threads.contains_key(&id)
    }

    pub fn slot(&mut self, id: ThreadId) -> &mut ThreadSlot {
        if self.threads.contains_key(&id) {
            self.threads.get_mut(&id).expect("checked just above")
        } else {
            &mut self.scratch
        }
    }

    /// Base priority plus boost: what a thread is worth before aging.
    pub fn current_priority(&self, id: ThreadId) -> i64 {
        self.threads
            .get(&id)
            .map_or(0, |slot| i64::from(slot.priority) + i64::from(slot.boost))
    }

    pub fn effective_priority(&self, waiter: &Waiter) -> i64 {
        match self.starving_priority(waiter) {
            Some(priority) => priority,
            None => self.holder_priority_of(waiter) + i64::from(waiter.passed_over),
        }
    }

    /// A waiter that has waited `starve_after` intervals outranks every waiter that has not,
    /// whatever the priority gap: aging by one per interval alone would leave a thread
    /// `2**31` levels below the holder waiting for ever.
    fn starving_priority(&self, waiter: &Waiter) -> Option<i64> {
        let ticket = i64::try_from(waiter.ticket).unwrap_or(i64::MAX);
        (waiter.age >= self.starve_after).then(|| STARVING.saturating_sub(ticket))
    }

    /// The priority a waiter holds the lock at once handed it: base + boost + age. Being
    /// passed over by take-backs got it the lock but does not shield it from the thread
    /// that took it back (an echo server's I/O thread would otherwise wait a whole interval
    /// each time the CPU thread finally got its turn).
    /// A starving waiter holds at its starving rank, so it too gets one interval.
    pub fn holder_priority_of(&self, waiter: &Waiter) -> i64 {
        match self.starving_priority(waiter) {
            Some(priority) => priority,
            None => self.current_priority(waiter.id) + i64::from(waiter.age),
        }
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
            passed_over: 0,
            wake,
        });
    }

    /// Takes back a hand-off whose receiver has not woken up yet: the receiver is queued
    /// again with its ticket, its counted switch is undone, and it counts one more
    /// pass-over — so a thread that keeps coming back boosted from short blocking calls
    /// cannot take the lock from it forever. Returns whether there was one.
    pub fn take_back_hand_off(&mut self) -> bool {
        let Some(mut pending) = self.pending_hand_off.take() else {
            return false;
        };
        pending.waiter.passed_over = pending.waiter.passed_over.saturating_add(1);
        if pending.counted_switch {
            self.slot(pending.waiter.id).stats.switches -= 1;
        }
        self.waiters.push(pending.waiter);
        self.holder = None;
        true
    }

    #[cfg(test)]
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

    /// The registered threads and the last finished ones, in registration order.
    pub fn rows(&self) -> Vec<ThreadRow> {
        let live = self.threads.iter().map(|(&id, slot)| row(id, slot, true));
        let mut rows: Vec<ThreadRow> = live.chain(self.finished.iter().cloned()).collect();
        rows.sort_by_key(|row| row.id);
        rows
    }
}

fn row(id: ThreadId, slot: &ThreadSlot, registered: bool) -> ThreadRow {
    ThreadRow {
        id,
        name: slot.name.to_string(),
        priority: slot.priority,
        registered,
        stats: slot.stats.clone(),
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    fn state_with(priorities: &[i32]) -> State {
        let mut state = State {
            starve_after: 10,
            ..State::default()
        };
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

    /// Two threads: the lock is handed to thread 1, which is taken back before it wakes.
    fn hand_off_taken_back_from_thread_1() -> State {
        let mut state = state_with(&[0, 0]);
        queue(&mut state, &[1]);
        let waiter = state.pop_most_urgent().unwrap();
        let counted_switch = state.grant(ThreadId(1), 0);
        state.pending_hand_off = Some(PendingHandOff {
            waiter,
            counted_switch,
        });
        assert!(state.take_back_hand_off());
        state
    }

    #[test]
    fn a_hand_off_taken_back_requeues_the_receiver_older_and_uncounted() {
        let mut state = hand_off_taken_back_from_thread_1();
        assert_eq!(state.holder, None);
        assert_eq!(state.threads[&ThreadId(1)].stats.switches, 0);
        let requeued = state.waiter_mut(ThreadId(1)).unwrap();
        assert_eq!(
            (requeued.ticket, requeued.age, requeued.passed_over),
            (0, 0, 1)
        );
        assert!(!state.take_back_hand_off());
    }

    /// The echo-server cycle behind the convoy: the I/O thread takes back a hand-off to the
    /// CPU thread after a short `send` (the CPU thread is passed over once), blocks in
    /// `recv`, and the CPU thread is granted the lock. When the I/O thread comes back boosted it must
    /// outrank that holder, or it waits a whole interval per round trip.
    #[test]
    fn a_holder_passed_over_by_take_backs_is_not_shielded_by_them() {
        let mut state = hand_off_taken_back_from_thread_1();
        let cpu = state.pop_most_urgent().unwrap();
        assert_eq!(state.effective_priority(&cpu), 1, "the pass-over ranks it");
        let cpu_priority = state.holder_priority_of(&cpu);
        state.grant(cpu.id, cpu_priority);
        state.slot(ThreadId(0)).boost = 1;
        assert!(state.current_priority(ThreadId(0)) > state.holder_priority);
    }

    #[test]
    fn a_starving_waiter_outranks_any_priority_first_come_first_served() {
        let mut state = state_with(&[i32::MAX, 0, -5, i32::MAX]);
        state.slot(ThreadId(0)).boost = i32::MAX;
        queue(&mut state, &[0, 1, 2, 3]);
        state.waiter_mut(ThreadId(0)).unwrap().passed_over = u32::MAX;
        state.waiter_mut(ThreadId(1)).unwrap().age = 9;
        state.waiter_mut(ThreadId(2)).unwrap().age = 10;
        let starving = state.waiter_mut(ThreadId(2)).unwrap();
        let starving_rank = {
            let waiter = Waiter {
                id: starving.id,
                ticket: starving.ticket,
                age: starving.age,
                passed_over: 0,
                wake: Arc::clone(&starving.wake),
            };
            state.holder_priority_of(&waiter)
        };
        // Held at its starving rank: no priority outranks it during its interval.
        assert!(starving_rank > i64::from(i32::MAX) * 2 + i64::from(u32::MAX));
        state.waiter_mut(ThreadId(1)).unwrap().age = 10;
        // Threads 1 and 2 starve: first come first served, then by priority.
        assert_eq!(drain(&mut state), vec![1, 2, 0, 3]);
    }

    #[test]
    fn grant_counts_switches_only_between_threads() {
        let mut state = state_with(&[0, 0]);
        assert!(state.grant(ThreadId(0), 0));
        assert!(!state.grant(ThreadId(0), 0));
        assert!(state.grant(ThreadId(1), 7));
        assert_eq!(state.switch_number, 2);
        assert_eq!(state.holder_priority, 7);
        assert_eq!(state.threads[&ThreadId(0)].stats.switches, 1);
    }

    #[test]
    fn finished_threads_beyond_the_last_hundred_are_folded_into_totals() {
        let mut state = state_with(&[]);
        for i in 0..250 {
            let id = state.register(&format!("t{i}"));
            state.slot(id).stats.acquisitions = 2;
            state.unregister(id);
        }
        let live = state.register("live");
        assert_eq!(live, ThreadId(250), "ids are never reused");
        let rows = state.rows();
        assert_eq!(rows.len(), FINISHED_ROWS + 1);
        assert_eq!(rows[0].id, ThreadId(150));
        assert!(!rows[0].registered && rows[FINISHED_ROWS].registered);
        assert_eq!(state.retired.threads, 150);
        assert_eq!(state.retired.stats.acquisitions, 300);
        // A stale id is harmless.
        state.slot(ThreadId(3)).priority = 9;
        assert_eq!(state.current_priority(ThreadId(3)), 0);
        assert_eq!(state.threads.len(), 1);
    }
}
