//! Tracing hook: the lock reports what it does to an optional callback.

use std::sync::Arc;
use std::time::Duration;

use crate::ThreadId;

/// One thing the lock did, on behalf of `thread`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub thread: ThreadId,
    pub kind: EventKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// The thread registered with the lock ([`crate::Gil::register_thread`]);
    /// always its first event.
    ThreadStart { name: Arc<str> },
    /// The thread unregistered (its handle was dropped); always its last
    /// event.
    ThreadEnd,
    /// The thread asked for the lock.
    Request,
    /// The thread got the lock after waiting `waited`.
    Acquire { waited: Duration },
    /// The thread (a waiter) asked the holder to drop the lock.
    DropRequest,
    /// The thread released the lock.
    Release,
    /// The thread released because of a drop request and another thread got
    /// the lock.
    ForcedSwitch,
    /// The thread's base priority changed.
    PriorityChange { priority: i32 },
    /// The thread released the lock around a blocking call.
    BlockingRelease,
}

/// The callback. It runs with the lock's internal mutex held, so it must be
/// quick and must not call back into the [`crate::Gil`].
pub type Hook = Box<dyn Fn(&Event) + Send + Sync>;
