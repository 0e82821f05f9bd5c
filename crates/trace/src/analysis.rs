//! Per-thread statistics computed from a trace.

use crate::model::{InstantKind, SpanKind, Trace};

/// What one thread did with the GIL over a trace.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadSummary {
    pub tid: u64,
    pub name: String,
    /// Time holding the GIL to run code (collections apart).
    pub running_ns: u64,
    /// Time holding the GIL to collect reference cycles.
    pub gc_ns: u64,
    /// Time holding the GIL (running or collecting) over the trace's wall time, 0.0 to 1.0.
    pub holding_share: f64,
    /// Number of waits for the GIL (requests that led to, or are still
    /// waiting for, an acquire).
    pub waits: usize,
    pub wait_p50_ns: u64,
    pub wait_p99_ns: u64,
    pub wait_max_ns: u64,
    /// Time blocked with the GIL released.
    pub blocked_ns: u64,
    pub forced_switches: usize,
    pub drop_requests: usize,
}

/// One summary per thread, in lane order.
pub fn summarize(trace: &Trace) -> Vec<ThreadSummary> {
    trace
        .threads
        .iter()
        .map(|thread| {
            let total = |kind: SpanKind| -> u64 {
                trace
                    .spans
                    .iter()
                    .filter(|s| s.tid == thread.tid && s.kind == kind)
                    .map(|s| s.duration_ns())
                    .sum()
            };
            let mut waits: Vec<u64> = trace
                .spans
                .iter()
                .filter(|s| s.tid == thread.tid && s.kind == SpanKind::Waiting)
                .map(|s| s.duration_ns())
                .collect();
            waits.sort_unstable();
            let count = |kind: InstantKind| {
                trace
                    .instants
                    .iter()
                    .filter(|i| i.tid == thread.tid && i.kind == kind)
                    .count()
            };
            let running_ns = total(SpanKind::Running);
            let gc_ns = total(SpanKind::Gc);
            ThreadSummary {
                tid: thread.tid,
                name: thread.name.clone(),
                running_ns,
                gc_ns,
                holding_share: share(running_ns + gc_ns, trace.duration_ns),
                waits: waits.len(),
                wait_p50_ns: percentile(&waits, 50),
                wait_p99_ns: percentile(&waits, 99),
                wait_max_ns: waits.last().copied().unwrap_or(0),
                blocked_ns: total(SpanKind::Blocked),
                forced_switches: count(InstantKind::ForcedSwitch),
                drop_requests: count(InstantKind::DropRequest),
            }
        })
        .collect()
}

fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Nearest-rank percentile of sorted values (0 when there are none).
fn percentile(sorted: &[u64], percent: usize) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (percent * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn nearest_rank_percentiles() {
        let values: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&values, 50), 50);
        assert_eq!(percentile(&values, 99), 99);
        assert_eq!(percentile(&[7], 99), 7);
        assert_eq!(percentile(&[1, 2, 3], 50), 2);
        assert_eq!(percentile(&[], 50), 0);
    }
}
