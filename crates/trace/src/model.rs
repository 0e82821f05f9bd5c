//! The trace model: what happened to the GIL, as spans and instants on one
//! lane per thread. Times are nanoseconds since recording started.

/// One lane: an interpreter thread. `tid` is the Chrome trace thread id
/// (the GIL's `ThreadId` plus one, so stable across runs of one program).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadInfo {
    pub tid: u64,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanKind {
    /// Holding the GIL.
    Running,
    /// Asked for the GIL, not holding it yet.
    Waiting,
    /// Released the GIL around a blocking call (I/O, sleep, join).
    Blocked,
    /// Holding the GIL to collect reference cycles (with the finalizers the collection
    /// runs): every other thread is stopped.
    Gc,
}

impl SpanKind {
    pub const ALL: [SpanKind; 4] = [
        SpanKind::Running,
        SpanKind::Waiting,
        SpanKind::Blocked,
        SpanKind::Gc,
    ];

    /// The event name in the Chrome trace.
    pub fn name(self) -> &'static str {
        match self {
            SpanKind::Running => "running",
            SpanKind::Waiting => "waiting for the GIL",
            SpanKind::Blocked => "blocked (GIL released)",
            SpanKind::Gc => "gc",
        }
    }

    /// Whether the thread holds the GIL during such a span (running or collecting).
    pub fn holds_gil(self) -> bool {
        matches!(self, SpanKind::Running | SpanKind::Gc)
    }

    /// The kind's position in [`SpanKind::ALL`].
    pub fn index(self) -> usize {
        match self {
            SpanKind::Running => 0,
            SpanKind::Waiting => 1,
            SpanKind::Blocked => 2,
            SpanKind::Gc => 3,
        }
    }

    pub fn from_name(name: &str) -> Option<SpanKind> {
        SpanKind::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub tid: u64,
    pub kind: SpanKind,
    pub start_ns: u64,
    pub end_ns: u64,
}

impl Span {
    pub fn duration_ns(&self) -> u64 {
        self.end_ns.saturating_sub(self.start_ns)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InstantKind {
    /// This thread, waiting, asked the holder to drop the GIL.
    DropRequest,
    /// This thread dropped the GIL on request and another thread got it.
    ForcedSwitch,
    /// This thread's base priority changed to `priority`.
    PriorityChange { priority: i32 },
}

impl InstantKind {
    pub fn name(self) -> &'static str {
        match self {
            InstantKind::DropRequest => "drop request",
            InstantKind::ForcedSwitch => "forced switch",
            InstantKind::PriorityChange { .. } => "priority change",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstantEvent {
    pub tid: u64,
    pub kind: InstantKind,
    pub at_ns: u64,
}

/// How the traced GIL was configured (when the recorder knew its lock: see
/// [`crate::Recorder::attach`]); written in the Chrome trace's `otherData`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TraceMeta {
    /// `tick`, `timeout` or `priority`.
    pub policy: Option<String>,
    /// The switch interval when the recording stopped.
    pub switch_interval_ns: Option<u64>,
    /// The Tick policy's check interval.
    pub check_interval: Option<u32>,
}

impl TraceMeta {
    /// `policy timeout, switch interval 5 ms` (what is known), or empty.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(policy) = &self.policy {
            parts.push(format!("policy {policy}"));
        }
        if let Some(ns) = self.switch_interval_ns {
            if self.policy.as_deref() != Some("tick") {
                parts.push(format!("switch interval {}", crate::format_duration(ns)));
            }
        }
        if let Some(n) = self.check_interval {
            if self.policy.as_deref() == Some("tick") {
                parts.push(format!("check interval {n}"));
            }
        }
        parts.join(", ")
    }
}

/// A whole trace. Spans and instants are sorted by start time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    pub threads: Vec<ThreadInfo>,
    pub spans: Vec<Span>,
    pub instants: Vec<InstantEvent>,
    /// Length of the recording (at least the end of the last span).
    pub duration_ns: u64,
    pub meta: TraceMeta,
}

impl Trace {
    pub fn thread_name(&self, tid: u64) -> Option<&str> {
        self.threads
            .iter()
            .find(|thread| thread.tid == tid)
            .map(|thread| thread.name.as_str())
    }

    /// Sorts spans and instants by time (then lane), as the model promises.
    pub fn sort(&mut self) {
        self.spans.sort_by_key(|s| (s.start_ns, s.end_ns, s.tid));
        self.instants.sort_by_key(|i| (i.at_ns, i.tid));
        self.threads.sort_by_key(|t| t.tid);
    }

    /// The part of the trace inside `[start_ns, end_ns)`, times shifted so
    /// the window starts at 0; spans crossing the edges are cut.
    pub fn window(&self, start_ns: u64, end_ns: u64) -> Trace {
        let end_ns = end_ns.min(self.duration_ns).max(start_ns);
        let spans = self
            .spans
            .iter()
            .filter(|s| s.end_ns > start_ns && s.start_ns < end_ns)
            .map(|s| Span {
                start_ns: s.start_ns.max(start_ns) - start_ns,
                end_ns: s.end_ns.min(end_ns) - start_ns,
                ..*s
            })
            .collect();
        let instants = self
            .instants
            .iter()
            .filter(|i| (start_ns..end_ns).contains(&i.at_ns))
            .map(|i| InstantEvent {
                at_ns: i.at_ns - start_ns,
                ..*i
            })
            .collect();
        Trace {
            threads: self.threads.clone(),
            spans,
            instants,
            duration_ns: end_ns - start_ns,
            meta: self.meta.clone(),
        }
    }
}
