//! Model checks of the lock's state machine with loom.
//!
//! Run (release mode matters: loom explores thousands of interleavings):
//!
//! ```text
//! RUSTFLAGS="--cfg loom" cargo test -p gilvm-gil --release --test loom
//! ```
//!
//! loom cannot model real time, so the timed wait is modelled through the
//! switch interval (see `src/sync.rs`): a non-zero interval means "the timer
//! never fires first" (waiters only wake on notifications: this is where a
//! lost wake-up shows up as a loom deadlock), zero means "the interval has
//! always already elapsed" (waiters time out, age and set drop requests,
//! which drives forced switching).
//!
//! Checked: mutual exclusion (a loom `UnsafeCell` touched only under the GIL:
//! loom fails on any concurrent access), no lost wake-up and no deadlock
//! (loom fails when every thread is blocked), forced switching, the
//! Priority policy's hand-off order, and that a starving waiter gets the lock
//! whatever the priority gap.
#![cfg(loom)]

use std::sync::Arc;
use std::time::Duration;

use gilvm_gil::{Gil, GilConfig, Policy, ThreadHandle};
use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicBool, Ordering};
use loom::thread;

const TIMER_NEVER_FIRES: Duration = Duration::from_secs(1);
const TIMER_ALWAYS_FIRED: Duration = Duration::ZERO;

fn gil(policy: Policy, switch_interval: Duration) -> Arc<Gil> {
    Gil::new(GilConfig {
        policy,
        switch_interval,
        check_interval: 1,
        io_boost: 1,
        starve_after: 1,
    })
}

/// Threads bump a GIL-protected cell: one runs a check point (and so
/// possibly releases and re-acquires) between two bumps, `plain` others bump
/// once.
fn bumping_threads(policy: Policy, switch_interval: Duration, plain: usize) {
    let mut builder = loom::model::Builder::new();
    if plain > 1 {
        // Three threads are explored with at most three preemptions, which
        // keeps the model to seconds; two threads are explored exhaustively.
        builder.preemption_bound = Some(3);
    }
    builder.check(move || {
        let gil = gil(policy, switch_interval);
        let cell = Arc::new(GilProtected(UnsafeCell::new(0)));
        let checking = gil.register_thread("checking");
        let mut workers = vec![{
            let cell = Arc::clone(&cell);
            thread::spawn(move || {
                checking.acquire();
                bump(&cell);
                if switch_interval.is_zero() {
                    // Twice: lets a waiter whose timer fired reach its drop
                    // request (loom runs yielding threads in turn).
                    thread::yield_now();
                    thread::yield_now();
                }
                checking.tick();
                bump(&cell);
                checking.release();
            })
        }];
        for _ in 0..plain {
            let me = gil.register_thread("plain");
            let cell = Arc::clone(&cell);
            workers.push(thread::spawn(move || {
                me.acquire();
                bump(&cell);
                me.release();
            }));
        }
        for worker in workers {
            worker.join().unwrap();
        }
        // SAFETY: every worker has been joined.
        assert_eq!(cell.0.with(|value| unsafe { *value }), 2 + plain);
        assert_eq!(gil.holder(), None);
    });
}

/// A cell with no synchronisation of its own: only the GIL protects it.
struct GilProtected(UnsafeCell<usize>);

// SAFETY: it is only touched by threads holding the GIL; loom reports any
// concurrent access, which is what the models check.
unsafe impl Sync for GilProtected {}

/// Only called with the GIL held.
fn bump(cell: &GilProtected) {
    // SAFETY: the caller holds the GIL; loom reports any concurrent access.
    cell.0.with_mut(|value| unsafe { *value += 1 });
}

#[test]
fn tick_mutual_exclusion_and_wake_up() {
    bumping_threads(Policy::Tick, TIMER_NEVER_FIRES, 2);
}

#[test]
fn timeout_mutual_exclusion_and_wake_up() {
    bumping_threads(Policy::Timeout, TIMER_NEVER_FIRES, 2);
}

#[test]
fn priority_mutual_exclusion_and_wake_up() {
    bumping_threads(Policy::Priority, TIMER_NEVER_FIRES, 2);
}

#[test]
fn timeout_mutual_exclusion_with_drop_requests() {
    bumping_threads(Policy::Timeout, TIMER_ALWAYS_FIRED, 1);
}

#[test]
fn priority_mutual_exclusion_with_drop_requests() {
    bumping_threads(Policy::Priority, TIMER_ALWAYS_FIRED, 1);
}

/// The main thread holds the GIL and runs check points until the other
/// thread has had the GIL: the drop request must force it out exactly once.
fn forced_switch(policy: Policy) {
    loom::model(move || {
        let gil = gil(policy, TIMER_ALWAYS_FIRED);
        let main = gil.register_thread("main");
        main.acquire();
        hold_until_the_other_ran(&main, gil.register_thread("other"));
        assert!(main.holds_gil());
        main.release();
        let stats = gil.stats();
        assert_eq!(stats.thread(main.id()).unwrap().stats.forced_switches, 1);
    });
}

/// `holder` (holding the GIL) runs check points until `other`, on a new thread, has had the
/// GIL; returns once that thread has ended.
fn hold_until_the_other_ran(holder: &ThreadHandle, other: ThreadHandle) {
    let other_ran = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&other_ran);
    let worker = thread::spawn(move || {
        other.acquire();
        flag.store(true, Ordering::Relaxed);
        other.release();
    });
    while !other_ran.load(Ordering::Relaxed) {
        holder.tick();
        thread::yield_now();
    }
    worker.join().unwrap();
}

#[test]
fn timeout_forces_the_holder_out() {
    forced_switch(Policy::Timeout);
}

#[test]
fn priority_forces_the_holder_out() {
    forced_switch(Policy::Priority);
}

/// The main thread holds the GIL while two threads with the given priorities
/// queue up in order; returns the order in which they got it.
fn hand_off_order(first_priority: i32, second_priority: i32, expected: [usize; 2]) {
    loom::model(move || {
        let gil = gil(Policy::Priority, TIMER_NEVER_FIRES);
        let main = gil.register_thread("main");
        main.acquire();
        let order = Arc::new(loom::sync::Mutex::new(Vec::new()));
        let mut workers = Vec::new();
        for (index, priority) in [first_priority, second_priority].into_iter().enumerate() {
            let me = gil.register_thread(&format!("t{index}"));
            me.set_priority(priority);
            workers.push(spawn_recorder(me, index, Arc::clone(&order)));
            while gil.stats().waiting < index + 1 {
                thread::yield_now();
            }
        }
        main.release();
        for worker in workers {
            worker.join().unwrap();
        }
        assert_eq!(*order.lock().unwrap(), expected);
    });
}

fn spawn_recorder(
    me: ThreadHandle,
    index: usize,
    order: Arc<loom::sync::Mutex<Vec<usize>>>,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        me.acquire();
        order.lock().unwrap().push(index);
        me.release();
    })
}

#[test]
fn priority_hands_off_to_the_most_urgent_waiter() {
    hand_off_order(1, 2, [1, 0]);
}

#[test]
fn priority_hands_off_fifo_among_equals() {
    hand_off_order(1, 1, [0, 1]);
}

/// The main thread hands the GIL to a queued thread while a more urgent one
/// arrives: in the interleavings where the receiver has not woken up yet, the
/// newcomer takes the hand-off back. Both must still get the GIL, one at a
/// time, with no lost wake-up.
#[test]
fn priority_newcomer_takes_back_a_hand_off_safely() {
    loom::model(|| {
        let gil = gil(Policy::Priority, TIMER_NEVER_FIRES);
        let cell = Arc::new(GilProtected(UnsafeCell::new(0)));
        let main = gil.register_thread("main");
        main.acquire();
        let receiver = gil.register_thread("receiver");
        let urgent = gil.register_thread("urgent");
        urgent.set_priority(5);
        let spawn_bumper = |me: ThreadHandle| {
            let cell = Arc::clone(&cell);
            thread::spawn(move || {
                me.acquire();
                bump(&cell);
                me.release();
            })
        };
        let receiver = spawn_bumper(receiver);
        while gil.stats().waiting < 1 {
            thread::yield_now();
        }
        let urgent = spawn_bumper(urgent);
        main.release();
        receiver.join().unwrap();
        urgent.join().unwrap();
        // SAFETY: both workers have been joined.
        assert_eq!(cell.0.with(|value| unsafe { *value }), 2);
        assert_eq!(gil.holder(), None);
    });
}

/// A holder at the highest priority there is keeps running check points until a waiter at
/// priority 0 has had the lock: aging by one per interval would need `2**31` intervals, but
/// the waiter starves after `starve_after` (1 here) and then outranks it. loom fails the
/// model if the loop never ends (the waiter starved).
#[test]
fn priority_a_starving_waiter_outranks_any_priority() {
    loom::model(|| {
        let gil = gil(Policy::Priority, TIMER_ALWAYS_FIRED);
        let hog = gil.register_thread("hog");
        hog.set_priority(i32::MAX);
        hog.acquire();
        hold_until_the_other_ran(&hog, gil.register_thread("low"));
        hog.release();
        assert_eq!(gil.holder(), None);
    });
}
