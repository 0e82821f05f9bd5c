//! Deterministic single-thread behaviour: tick counting, idempotence, events.
#![cfg(not(loom))]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use gilvm_gil::{Event, EventKind, Gil, GilConfig, Policy};

#[test]
fn tick_policy_releases_every_check_interval() {
    let gil = Gil::new(GilConfig {
        check_interval: 10,
        ..GilConfig::with_policy(Policy::Tick)
    });
    let me = gil.register_thread("main");
    me.acquire();
    for _ in 0..100 {
        me.tick();
    }
    assert!(me.holds_gil());
    let stats = gil.stats();
    assert_eq!(stats.totals.acquisitions, 11);
    assert_eq!(stats.totals.switches, 1);
}

#[test]
fn other_policies_do_not_count_ticks() {
    for policy in [Policy::Timeout, Policy::Priority] {
        let gil = Gil::new(GilConfig::with_policy(policy));
        let me = gil.register_thread("main");
        me.acquire();
        for _ in 0..1000 {
            me.tick();
        }
        assert!(!me.checkpoint());
        assert_eq!(gil.stats().totals.acquisitions, 1);
    }
}

#[test]
fn acquire_and_release_are_idempotent() {
    let gil = Gil::new(GilConfig::default());
    let me = gil.register_thread("main");
    me.release();
    me.acquire();
    me.acquire();
    assert!(me.holds_gil());
    me.release();
    me.release();
    assert!(!me.holds_gil());
    assert_eq!(gil.stats().totals.acquisitions, 1);
}

#[test]
fn priority_is_stored_per_thread() {
    let gil = Gil::new(GilConfig::default());
    let a = gil.register_thread("a");
    let b = gil.register_thread("b");
    a.set_priority(7);
    assert_eq!((a.priority(), b.priority()), (7, 0));
    assert_eq!(gil.stats().thread(a.id()).unwrap().name, "a");
}

#[test]
fn hook_sees_every_event() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let gil = Gil::with_hook(GilConfig::default(), move |event: &Event| {
        sink.lock().unwrap().push(event.kind.clone());
    });
    let me = gil.register_thread("main");
    me.acquire();
    me.set_priority(2);
    me.blocking(|| ());
    drop(me);
    let kinds: Vec<EventKind> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|kind| match kind {
            EventKind::Acquire { .. } => EventKind::Acquire {
                waited: Duration::ZERO,
            },
            other => other.clone(),
        })
        .collect();
    let acquire = EventKind::Acquire {
        waited: Duration::ZERO,
    };
    assert_eq!(
        kinds,
        vec![
            EventKind::ThreadStart {
                name: Arc::from("main")
            },
            EventKind::Request,
            acquire.clone(),
            EventKind::PriorityChange { priority: 2 },
            EventKind::BlockingRelease,
            EventKind::Request,
            acquire,
            EventKind::Release,
            EventKind::ThreadEnd,
        ]
    );
}

#[test]
fn fork_child_keeps_only_the_forking_thread() {
    for policy in [Policy::Tick, Policy::Timeout, Policy::Priority] {
        let gil = Gil::new(GilConfig::with_policy(policy));
        let forking = gil.register_thread("forking");
        let other = gil.register_thread("other");
        forking.acquire();
        // No real fork: the call answers "this is the child".
        let answer = gil.fork(forking.id(), || 0, |&pid| pid == 0);
        assert_eq!(answer, 0);
        let stats = gil.stats();
        assert!(stats.thread(forking.id()).is_some_and(|row| row.registered));
        assert!(stats.thread(other.id()).is_some_and(|row| !row.registered));
        assert_eq!(gil.holder(), Some(forking.id()));
        assert!(!gil.drop_requested());
        // A thread the child starts gets the lock once the forking thread lets go.
        let started = gil.register_thread("started");
        forking.release();
        started.acquire();
        assert!(started.holds_gil());
        std::mem::forget(other);
    }
}

#[test]
fn fork_parent_keeps_every_thread() {
    let gil = Gil::new(GilConfig::default());
    let forking = gil.register_thread("forking");
    let other = gil.register_thread("other");
    forking.acquire();
    assert_eq!(gil.fork(forking.id(), || 42, |&pid| pid == 0), 42);
    assert!(gil
        .stats()
        .thread(other.id())
        .is_some_and(|row| row.registered));
}
