//! The recorder: a GIL hook that timestamps every event into a buffer per
//! thread. Installed once, when the `Gil` is built; switched on and off at
//! run time. When off, an event costs one atomic load (a plain load on x86).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Instant;

use gilvm_gil::{Event, EventKind, Gil, Policy, ThreadId};
use parking_lot::{Mutex, RwLock};

use crate::build::{build_trace, RawEvent, RawKind, ThreadRecording};
use crate::model::{ThreadInfo, Trace, TraceMeta};

/// One registered thread's name and events. Each has its own lock: only
/// events of this thread touch it, and the GIL's own mutex already orders
/// them, so it is never contended.
struct ThreadBuffer {
    name: Mutex<String>,
    events: Mutex<Vec<RawEvent>>,
}

impl ThreadBuffer {
    fn new(id: usize) -> ThreadBuffer {
        ThreadBuffer {
            name: Mutex::new(format!("Thread-{id}")),
            events: Mutex::new(Vec::new()),
        }
    }
}

/// Records GIL events. Share it as an `Arc`; install [`Recorder::hook`] with
/// `Gil::with_hook`, then [`Recorder::start`] and [`Recorder::stop`].
pub struct Recorder {
    epoch: Instant,
    recording: AtomicBool,
    /// When the current recording started, in ns since `epoch`.
    started_ns: AtomicU64,
    /// Indexed by `ThreadId`; grows (write lock) only when a thread registers.
    buffers: RwLock<Vec<ThreadBuffer>>,
    /// The lock whose hook this is, to name its policy in the trace (see [`Recorder::attach`]).
    gil: Mutex<Weak<Gil>>,
}

impl Recorder {
    /// A recorder that is not recording yet.
    pub fn new() -> Arc<Recorder> {
        Arc::new(Recorder {
            epoch: Instant::now(),
            recording: AtomicBool::new(false),
            started_ns: AtomicU64::new(0),
            buffers: RwLock::new(Vec::new()),
            gil: Mutex::new(Weak::new()),
        })
    }

    /// Tells the recorder which lock its hook is installed in, so that traces carry the
    /// lock's policy and switch interval ([`Trace::meta`]). Keeps only a weak reference.
    pub fn attach(&self, gil: &Arc<Gil>) {
        *self.gil.lock() = Arc::downgrade(gil);
    }

    fn meta(&self) -> TraceMeta {
        let Some(gil) = self.gil.lock().upgrade() else {
            return TraceMeta::default();
        };
        let config = gil.config();
        let policy = match config.policy {
            Policy::Tick => "tick",
            Policy::Timeout => "timeout",
            Policy::Priority => "priority",
        };
        TraceMeta {
            policy: Some(policy.to_owned()),
            switch_interval_ns: u64::try_from(config.switch_interval.as_nanos()).ok(),
            check_interval: Some(config.check_interval),
        }
    }

    /// The callback to give `Gil::with_hook`. Thread names are kept even
    /// while not recording, so threads registered before `start` are named.
    pub fn hook(self: &Arc<Self>) -> impl Fn(&Event) + Send + Sync + 'static {
        let recorder = Arc::clone(self);
        move |event: &Event| recorder.on_event(event)
    }

    /// Starts a new recording (discarding events of any earlier one).
    pub fn start(&self) {
        for buffer in self.buffers.read().iter() {
            buffer.events.lock().clear();
        }
        self.started_ns.store(self.now_ns(), Ordering::Relaxed);
        self.recording.store(true, Ordering::Release);
    }

    pub fn is_recording(&self) -> bool {
        self.recording.load(Ordering::Relaxed)
    }

    /// Stops recording and returns what was recorded since [`Recorder::start`]
    /// (an empty trace if it was not recording).
    pub fn stop(&self) -> Trace {
        if !self.recording.swap(false, Ordering::AcqRel) {
            return Trace::default();
        }
        let duration_ns = self.since_start_ns();
        let recordings = self
            .buffers
            .read()
            .iter()
            .enumerate()
            .map(|(id, buffer)| ThreadRecording {
                thread: ThreadInfo {
                    tid: tid_of(ThreadId(id)),
                    name: buffer.name.lock().clone(),
                },
                events: std::mem::take(&mut *buffer.events.lock()),
            })
            .collect();
        let mut trace = build_trace(recordings, duration_ns);
        trace.meta = self.meta();
        trace
    }

    fn on_event(&self, event: &Event) {
        if let EventKind::ThreadStart { name } = &event.kind {
            self.name_thread(event.thread, name);
        }
        self.record(event.thread, RawKind::Gil(event.kind.clone()));
    }

    /// Marks the start of a cycle collection by `thread`, which holds the GIL: until
    /// [`Recorder::collection_ended`], its time holding the lock is a gc span.
    pub fn collection_started(&self, thread: ThreadId) {
        self.record(thread, RawKind::CollectionStart);
    }

    /// Marks the end of `thread`'s collection.
    pub fn collection_ended(&self, thread: ThreadId) {
        self.record(thread, RawKind::CollectionEnd);
    }

    fn record(&self, thread: ThreadId, kind: RawKind) {
        // Acquire pairs with `start`'s Release: a recording event sees
        // that recording's start time.
        if !self.recording.load(Ordering::Acquire) {
            return;
        }
        let raw = RawEvent {
            at_ns: self.since_start_ns(),
            kind,
        };
        let index = thread.0;
        if let Some(buffer) = self.buffers.read().get(index) {
            buffer.events.lock().push(raw);
            return;
        }
        self.grow_to(index);
        self.buffers.read()[index].events.lock().push(raw);
    }

    fn name_thread(&self, thread: ThreadId, name: &str) {
        self.grow_to(thread.0);
        *self.buffers.read()[thread.0].name.lock() = name.to_owned();
    }

    /// Makes sure buffer `index` exists (rare: once per thread).
    fn grow_to(&self, index: usize) {
        if self.buffers.read().len() > index {
            return;
        }
        let mut buffers = self.buffers.write();
        while buffers.len() <= index {
            let id = buffers.len();
            buffers.push(ThreadBuffer::new(id));
        }
    }

    fn now_ns(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    fn since_start_ns(&self) -> u64 {
        self.now_ns()
            .saturating_sub(self.started_ns.load(Ordering::Relaxed))
    }
}

/// The Chrome trace thread id of a GIL thread: stable, and never 0 (which
/// some viewers treat specially).
pub fn tid_of(thread: ThreadId) -> u64 {
    thread.0 as u64 + 1
}
