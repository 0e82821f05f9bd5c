//! Turns one recording's raw GIL events into the span/instant model. Each
//! thread's events are replayed through a small state machine of its own.

use std::time::Duration;

use gilvm_gil::EventKind;

use crate::model::{InstantEvent, InstantKind, Span, SpanKind, ThreadInfo, Trace};

/// One recorded event: nanoseconds since the recording started, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawEvent {
    pub at_ns: u64,
    pub kind: RawKind,
}

/// What a recorded event says: the GIL's own events, and the interpreter's marks around a
/// cycle collection (which runs while the thread holds the GIL).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawKind {
    Gil(EventKind),
    CollectionStart,
    CollectionEnd,
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
    /// When the thread last released the GIL: a forced switch is reported once the other
    /// thread has the lock, but it happened at that release.
    last_release_ns: Option<u64>,
    /// The thread's base priority (threads start at 0): a change to the same value is not
    /// a change.
    priority: i32,
    /// Inside a cycle collection: the time it holds the GIL is a gc span, not a running one
    /// (a finalizer the collection runs may release the GIL and get it back meanwhile).
    collecting: bool,
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
            Phase::Running { since } if self.collecting => self.span(SpanKind::Gc, since, at),
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

    /// The wait ends here. It began `waited` ago, when the thread asked for the GIL: that
    /// is before its `Request` event if it first had to queue for the lock's internal mutex
    /// (so a Tick trace shows that time as waiting, not idle), and before the recording if
    /// the request predates it (then the wait is cut at the recording's start).
    fn acquire(&mut self, at: u64, waited: Duration) {
        let waited_ns = u64::try_from(waited.as_nanos()).unwrap_or(u64::MAX);
        let asked = at.saturating_sub(waited_ns);
        let since = match self.phase {
            Phase::Waiting { since } => since.min(asked),
            _ => {
                self.close(at);
                asked
            }
        };
        // The span before the wait (blocked, or a wait cut short) ends where the wait begins;
        // a running span is never cut (the wait cannot begin before the release).
        let since = match self.spans.last_mut() {
            Some(previous) if previous.end_ns > since && previous.kind.holds_gil() => {
                previous.end_ns
            }
            Some(previous) if previous.end_ns > since => {
                previous.end_ns = previous.start_ns.max(since);
                previous.end_ns
            }
            _ => since,
        };
        self.phase = Phase::Waiting { since };
        self.close(at);
        self.phase = Phase::Running { since: at };
    }

    /// A collection starts or ends (`collecting`) at `at`: the GIL is held, so the running
    /// (or gc) span so far ends there and the next one begins. With no event before it, the
    /// thread has held the GIL since the recording began (as for a release).
    fn collection(&mut self, at: u64, collecting: bool) {
        if matches!(self.phase, Phase::Idle) && self.spans.is_empty() {
            self.phase = Phase::Running { since: 0 };
        }
        if matches!(self.phase, Phase::Running { .. }) {
            self.close(at);
            self.phase = Phase::Running { since: at };
        }
        self.collecting = collecting;
    }

    fn apply(&mut self, event: &RawEvent) {
        let at = event.at_ns;
        let kind = match &event.kind {
            RawKind::Gil(kind) => kind,
            RawKind::CollectionStart => return self.collection(at, true),
            RawKind::CollectionEnd => return self.collection(at, false),
        };
        match kind {
            EventKind::ThreadStart { .. } => {}
            EventKind::ThreadEnd => self.close(at),
            EventKind::Request => {
                self.close(at);
                self.phase = Phase::Waiting { since: at };
            }
            EventKind::Acquire { waited } => self.acquire(at, *waited),
            EventKind::Release => {
                self.release(at);
                self.last_release_ns = Some(at);
            }
            EventKind::BlockingRelease => {
                self.release(at);
                self.last_release_ns = Some(at);
                self.phase = Phase::Blocked { since: at };
            }
            EventKind::DropRequest => self.instant(InstantKind::DropRequest, at),
            EventKind::ForcedSwitch => self.instant(
                InstantKind::ForcedSwitch,
                self.last_release_ns.unwrap_or(at),
            ),
            EventKind::PriorityChange { priority } => {
                if *priority != self.priority {
                    self.priority = *priority;
                    let kind = InstantKind::PriorityChange {
                        priority: *priority,
                    };
                    self.instant(kind, at);
                }
            }
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
            last_release_ns: None,
            priority: 0,
            collecting: false,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lane(events: Vec<(u64, EventKind)>) -> Trace {
        let events = events
            .into_iter()
            .map(|(at_ns, kind)| (at_ns, RawKind::Gil(kind)))
            .collect();
        raw_lane(events)
    }

    fn raw_lane(events: Vec<(u64, RawKind)>) -> Trace {
        let events = events
            .into_iter()
            .map(|(at_ns, kind)| RawEvent { at_ns, kind })
            .collect();
        let thread = ThreadInfo {
            tid: 1,
            name: "t".into(),
        };
        build_trace(vec![ThreadRecording { thread, events }], 100)
    }

    fn spans_of(trace: &Trace) -> Vec<(SpanKind, u64, u64)> {
        trace
            .spans
            .iter()
            .map(|s| (s.kind, s.start_ns, s.end_ns))
            .collect()
    }

    fn acquire(waited_ns: u64) -> EventKind {
        EventKind::Acquire {
            waited: Duration::from_nanos(waited_ns),
        }
    }

    #[test]
    fn a_wait_starts_when_the_thread_asked_not_when_its_request_was_registered() {
        // Blocked from 10; asked for the GIL at 20 (waited 30 by 50) but queued on the
        // lock's mutex until 40, when its request was registered.
        let trace = lane(vec![
            (10, EventKind::BlockingRelease),
            (40, EventKind::Request),
            (50, acquire(30)),
        ]);
        assert_eq!(
            spans_of(&trace),
            [
                (SpanKind::Running, 0, 10),
                (SpanKind::Blocked, 10, 20),
                (SpanKind::Waiting, 20, 50),
                (SpanKind::Running, 50, 100),
            ]
        );
    }

    #[test]
    fn a_wait_never_cuts_the_running_span_before_it() {
        // Clocks differ by a little: the wait claims to have begun before the release.
        let trace = lane(vec![
            (2, EventKind::Request),
            (3, acquire(1)),
            (30, EventKind::Release),
            (31, EventKind::Request),
            (40, acquire(20)),
        ]);
        assert_eq!(
            spans_of(&trace),
            [
                (SpanKind::Waiting, 2, 3),
                (SpanKind::Running, 3, 30),
                (SpanKind::Waiting, 30, 40),
                (SpanKind::Running, 40, 100),
            ]
        );
    }

    #[test]
    fn forced_switches_sit_at_the_forced_release_and_no_op_priority_changes_vanish() {
        let trace = lane(vec![
            (1, EventKind::PriorityChange { priority: 0 }),
            (2, EventKind::Request),
            (3, acquire(1)),
            (30, EventKind::Release),
            (45, EventKind::ForcedSwitch),
            (50, EventKind::PriorityChange { priority: 2 }),
            (60, EventKind::PriorityChange { priority: 2 }),
        ]);
        let instants: Vec<_> = trace.instants.iter().map(|i| (i.kind, i.at_ns)).collect();
        assert_eq!(
            instants,
            [
                (InstantKind::ForcedSwitch, 30),
                (InstantKind::PriorityChange { priority: 2 }, 50),
            ]
        );
    }

    #[test]
    fn a_collection_is_a_gc_span_between_running_ones_even_across_a_release() {
        // Running from 3; collects 10..40, its finalizer sleeping (GIL released) 20..25.
        let trace = raw_lane(vec![
            (2, RawKind::Gil(EventKind::Request)),
            (3, RawKind::Gil(acquire(1))),
            (10, RawKind::CollectionStart),
            (20, RawKind::Gil(EventKind::BlockingRelease)),
            (24, RawKind::Gil(EventKind::Request)),
            (25, RawKind::Gil(acquire(1))),
            (40, RawKind::CollectionEnd),
        ]);
        assert_eq!(
            spans_of(&trace),
            [
                (SpanKind::Waiting, 2, 3),
                (SpanKind::Running, 3, 10),
                (SpanKind::Gc, 10, 20),
                (SpanKind::Blocked, 20, 24),
                (SpanKind::Waiting, 24, 25),
                (SpanKind::Gc, 25, 40),
                (SpanKind::Running, 40, 100),
            ]
        );
    }
}
