//! Turns one recording's raw GIL events into the span/instant model. Each
//! thread's events are replayed through a small state machine of its own.

use std::time::Duration;

use gilvm_gil::EventKind;

use crate::model::{InstantEvent, InstantKind, Span, SpanKind, ThreadInfo, Trace};

/// One recorded event: nanoseconds since the recording started, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawEvent {
    pub at_ns: u64,
    pub kind: EventKind,
}

/// One thread's recording: its lane and its events in time order.
pub struct ThreadRecording {
    pub thread: ThreadInfo,
    pub events: Vec<RawEvent>,
}

/// Where a thread stands between two of its events.
#[derive(Clone, Copy)]
enum Phase {
    /// Not known to want or hold the GIL (before its first event, or ended).
    Idle,
    Waiting {
        since: u64,
    },
    Running {
        since: u64,
    },
    Blocked {
        since: u64,
    },
}

struct LaneBuilder {
    tid: u64,
    phase: Phase,
    spans: Vec<Span>,
    instants: Vec<InstantEvent>,
}

impl LaneBuilder {
    fn span(&mut self, kind: SpanKind, start_ns: u64, end_ns: u64) {
        self.spans.push(Span {
            tid: self.tid,
            kind,
            start_ns,
            end_ns: end_ns.max(start_ns),
        });
    }

    fn instant(&mut self, kind: InstantKind, at_ns: u64) {
        self.instants.push(InstantEvent {
            tid: self.tid,
            kind,
            at_ns,
        });
    }

    /// Ends the current phase's span at `at` (if it has one).
    fn close(&mut self, at: u64) {
        match self.phase {
            Phase::Idle => {}
            Phase::Waiting { since } => self.span(SpanKind::Waiting, since, at),
            Phase::Running { since } => self.span(SpanKind::Running, since, at),
            Phase::Blocked { since } => self.span(SpanKind::Blocked, since, at),
        }
        self.phase = Phase::Idle;
    }

    /// A release: the thread held the GIL since its acquire, or, if the
    /// acquire predates the recording, since the recording began.
    fn release(&mut self, at: u64) {
        if !matches!(self.phase, Phase::Running { .. }) {
            self.close(at);
            self.phase = Phase::Running { since: 0 };
        }
        self.close(at);
    }

    /// An acquire whose request predates the recording still gets its wait,
    /// cut at the recording's start.
    fn acquire(&mut self, at: u64, waited: Duration) {
        if !matches!(self.phase, Phase::Waiting { .. }) {
            self.close(at);
            let waited_ns = u64::try_from(waited.as_nanos()).unwrap_or(u64::MAX);
            self.phase = Phase::Waiting {
                since: at.saturating_sub(waited_ns),
            };
        }
        self.close(at);
        self.phase = Phase::Running { since: at };
    }

    fn apply(&mut self, event: &RawEvent) {
        let at = event.at_ns;
        match &event.kind {
            EventKind::ThreadStart { .. } => {}
            EventKind::ThreadEnd => self.close(at),
            EventKind::Request => {
                self.close(at);
                self.phase = Phase::Waiting { since: at };
            }
            EventKind::Acquire { waited } => self.acquire(at, *waited),
            EventKind::Release => self.release(at),
            EventKind::BlockingRelease => {
                self.release(at);
                self.phase = Phase::Blocked { since: at };
            }
            EventKind::DropRequest => self.instant(InstantKind::DropRequest, at),
            EventKind::ForcedSwitch => self.instant(InstantKind::ForcedSwitch, at),
            EventKind::PriorityChange { priority } => self.instant(
                InstantKind::PriorityChange {
                    priority: *priority,
                },
                at,
            ),
        }
    }
}

/// Builds the trace of a recording that lasted `duration_ns`; phases still
/// open at the end are closed there. Threads without events are left out.
pub fn build_trace(recordings: Vec<ThreadRecording>, duration_ns: u64) -> Trace {
    let mut trace = Trace {
        duration_ns,
        ..Trace::default()
    };
    for recording in recordings {
        if recording.events.is_empty() {
            continue;
        }
        let mut lane = LaneBuilder {
            tid: recording.thread.tid,
            phase: Phase::Idle,
            spans: Vec::new(),
            instants: Vec::new(),
        };
        for event in &recording.events {
            lane.apply(event);
        }
        let last = recording.events.last().map_or(0, |e| e.at_ns);
        lane.close(duration_ns.max(last));
        trace.duration_ns = trace.duration_ns.max(last);
        trace.threads.push(recording.thread);
        trace.spans.append(&mut lane.spans);
        trace.instants.append(&mut lane.instants);
    }
    trace.sort();
    trace
}
