//! The recorder: a GIL hook that timestamps every event into a buffer per
//! thread. Installed once, when the `Gil` is built; switched on and off at
//! run time. When off, an event costs one atomic load (a plain load on x86).

use std::collections::BTreeMap;
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
    /// The thread has unregistered; its buffer is kept only for the recording in progress.
    finished: bool,
}

impl ThreadBuffer {
    fn new(id: usize) -> ThreadBuffer {
        ThreadBuffer {
            name: Mutex::new(format!("Thread-{id}")),
            events: Mutex::new(Vec::new()),
            finished: false,
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
    /// By `ThreadId`: the registered threads, and those that finished during the recording
    /// in progress (dropped when it stops), so that a server starting a thread per request
    /// keeps a bounded table. Changes (write lock) only when a thread starts or ends.
    buffers: RwLock<BTreeMap<usize, ThreadBuffer>>,
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
            buffers: RwLock::new(BTreeMap::new()),
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
        let mut buffers = self.buffers.write();
        buffers.retain(|_, buffer| !buffer.finished);
        for buffer in buffers.values() {
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
        // Under the write lock, so that a thread ending meanwhile (`thread_ended`) sees either
        // the recording (and leaves its buffer to be collected here) or none.
        let mut buffers = self.buffers.write();
        if !self.recording.swap(false, Ordering::AcqRel) {
            return Trace::default();
        }
        let duration_ns = self.since_start_ns();
        let recordings = buffers
            .iter()
            .map(|(&id, buffer)| ThreadRecording {
                thread: ThreadInfo {
                    tid: tid_of(ThreadId(id)),
                    name: buffer.name.lock().clone(),
                },
                events: std::mem::take(&mut *buffer.events.lock()),
            })
            .collect();
        buffers.retain(|_, buffer| !buffer.finished);
        drop(buffers);
        let mut trace = build_trace(recordings, duration_ns);
        trace.meta = self.meta();
        trace
    }

    fn on_event(&self, event: &Event) {
        if let EventKind::ThreadStart { name } = &event.kind {
            self.name_thread(event.thread, name);
        }
        self.record(event.thread, RawKind::Gil(event.kind.clone()));
        if let EventKind::ThreadEnd = event.kind {
            self.thread_ended(event.thread);
        }
    }

    /// Drops a finished thread's buffer, or marks it for [`Recorder::stop`] to drop when a
    /// recording holds its events.
    fn thread_ended(&self, thread: ThreadId) {
        let mut buffers = self.buffers.write();
        if !self.is_recording() {
            buffers.remove(&thread.0);
        } else if let Some(buffer) = buffers.get_mut(&thread.0) {
            buffer.finished = true;
        }
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
        if let Some(buffer) = self.buffers.read().get(&index) {
            buffer.events.lock().push(raw);
            return;
        }
        self.buffers
            .write()
            .entry(index)
            .or_insert_with(|| ThreadBuffer::new(index))
            .events
            .lock()
            .push(raw);
    }

    fn name_thread(&self, thread: ThreadId, name: &str) {
        let mut buffers = self.buffers.write();
        let buffer = buffers
            .entry(thread.0)
            .or_insert_with(|| ThreadBuffer::new(thread.0));
        *buffer.name.lock() = name.to_owned();
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

#[cfg(test)]
mod tests {
    use gilvm_gil::GilConfig;

    use super::*;

    fn tracked(recorder: &Recorder) -> usize {
        recorder.buffers.read().len()
    }

    /// A thread per request must not grow the recorder: a finished thread's buffer goes.
    #[test]
    fn finished_threads_leave_no_buffer() {
        let recorder = Recorder::new();
        let gil = Gil::with_hook(GilConfig::default(), recorder.hook());
        let main = gil.register_thread("main");
        for index in 0..1000 {
            drop(gil.register_thread(&format!("worker-{index}")));
        }
        assert_eq!(tracked(&recorder), 1);
        drop(main);
        assert_eq!(tracked(&recorder), 0);
    }

    /// A thread that ends during a recording is in its trace, and gone after it.
    #[test]
    fn a_thread_finished_while_recording_is_kept_until_stop() {
        let recorder = Recorder::new();
        let gil = Gil::with_hook(GilConfig::default(), recorder.hook());
        let main = gil.register_thread("main");
        recorder.start();
        let worker = gil.register_thread("worker");
        worker.acquire();
        drop(worker);
        assert_eq!(tracked(&recorder), 2);
        let trace = recorder.stop();
        assert!(trace.threads.iter().any(|t| t.name == "worker"));
        assert_eq!(tracked(&recorder), 1);
        drop(main);
        assert_eq!(tracked(&recorder), 0);
    }
}
