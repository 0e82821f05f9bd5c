//! Invariants every GIL trace must satisfy; the checker reports the first
//! one broken.

use std::collections::HashSet;
use std::fmt;

use crate::model::{InstantKind, Span, SpanKind, Trace};

/// The first broken invariant found in a trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Violation {
    /// Two threads held the GIL at once: `second` started before `first`
    /// ended.
    OverlappingRunning { first: Span, second: Span },
    /// A thread got the GIL without asking: no waiting span of the same
    /// thread ends where this running span starts. (A running span at time
    /// 0 is exempt: the GIL was held when the recording started.)
    AcquireWithoutRequest { running: Span },
    /// After thread `tid` was forced to switch at `at_ns`, the GIL went back
    /// to it: `next` is the first running span after its release.
    ForcedSwitchToSameThread { tid: u64, at_ns: u64, next: Span },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::OverlappingRunning { first, second } => write!(
                f,
                "threads {} and {} both hold the GIL at {} ns (running {}..{} and {}..{})",
                first.tid,
                second.tid,
                second.start_ns,
                first.start_ns,
                first.end_ns,
                second.start_ns,
                second.end_ns
            ),
            Violation::AcquireWithoutRequest { running } => write!(
                f,
                "thread {} acquires the GIL at {} ns without a request",
                running.tid, running.start_ns
            ),
            Violation::ForcedSwitchToSameThread { tid, at_ns, next } => write!(
                f,
                "forced switch of thread {tid} at {at_ns} ns hands the GIL back to it at {} ns",
                next.start_ns
            ),
        }
    }
}

impl std::error::Error for Violation {}

/// Checks that running spans never overlap, that every running span follows
/// a wait of its thread, and that every forced switch hands the GIL to
/// another thread. A gc span holds the GIL as a running one does.
pub fn check(trace: &Trace) -> Result<(), Violation> {
    let running = holding_spans(trace);
    check_no_overlap(&running)?;
    check_requested(trace, &running)?;
    check_forced_switches(trace, &running)
}

/// The spans holding the GIL, by start; a collection's spans are merged with the running
/// spans of its thread they touch (the thread held the GIL throughout).
fn holding_spans(trace: &Trace) -> Vec<Span> {
    let mut spans: Vec<Span> = trace
        .spans
        .iter()
        .filter(|s| s.kind.holds_gil())
        .copied()
        .collect();
    spans.sort_by_key(|s| (s.start_ns, s.end_ns));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last)
                if last.tid == span.tid
                    && last.end_ns == span.start_ns
                    && (last.kind == SpanKind::Gc || span.kind == SpanKind::Gc) =>
            {
                last.end_ns = span.end_ns;
                last.kind = span.kind;
            }
            _ => merged.push(span),
        }
    }
    merged
}

fn check_no_overlap(running: &[Span]) -> Result<(), Violation> {
    for pair in running.windows(2) {
        if pair[1].start_ns < pair[0].end_ns {
            return Err(Violation::OverlappingRunning {
                first: pair[0],
                second: pair[1],
            });
        }
    }
    Ok(())
}

fn check_requested(trace: &Trace, running: &[Span]) -> Result<(), Violation> {
    let wait_ends: HashSet<(u64, u64)> = trace
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Waiting)
        .map(|s| (s.tid, s.end_ns))
        .collect();
    match running
        .iter()
        .find(|s| s.start_ns > 0 && !wait_ends.contains(&(s.tid, s.start_ns)))
    {
        Some(span) => Err(Violation::AcquireWithoutRequest { running: *span }),
        None => Ok(()),
    }
}

/// `running` is sorted by start and, once overlaps are ruled out, by end.
fn check_forced_switches(trace: &Trace, running: &[Span]) -> Result<(), Violation> {
    let forced = trace
        .instants
        .iter()
        .filter(|i| i.kind == InstantKind::ForcedSwitch);
    for switch in forced {
        // The release that was forced: the thread's last running span that
        // ended by the time the switch was reported.
        let ended = running.partition_point(|s| s.end_ns <= switch.at_ns);
        let Some(released) = running[..ended].iter().rev().find(|s| s.tid == switch.tid) else {
            continue;
        };
        let after = running.partition_point(|s| s.start_ns < released.end_ns);
        let next = running[after..].iter().find(|s| *s != released);
        if let Some(next) = next.filter(|next| next.tid == switch.tid) {
            return Err(Violation::ForcedSwitchToSameThread {
                tid: switch.tid,
                at_ns: switch.at_ns,
                next: *next,
            });
        }
    }
    Ok(())
}
