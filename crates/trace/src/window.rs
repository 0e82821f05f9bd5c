//! Choosing what to draw when no window is given: the busiest stretch of the trace.

use crate::model::Trace;

/// The `[start, end)` window of `length_ns` (or the whole trace, if shorter) holding the
/// most GIL events: span starts (requests, acquisitions, releases) and instants (drop
/// requests, forced switches, priority changes). A long run of one thread holding the
/// GIL alone is one event; a convoy is hundreds. Ties go to the earliest window.
pub fn busiest_window(trace: &Trace, length_ns: u64) -> (u64, u64) {
    let length_ns = length_ns.max(1);
    if trace.duration_ns <= length_ns {
        return (0, trace.duration_ns);
    }
    let mut times: Vec<u64> = trace.spans.iter().map(|s| s.start_ns).collect();
    times.extend(trace.instants.iter().map(|i| i.at_ns));
    times.sort_unstable();
    let latest_start = trace.duration_ns - length_ns;
    let (mut best_start, mut best_count) = (0, 0);
    let mut last = 0;
    for (first, &start) in times.iter().enumerate() {
        let start = start.min(latest_start);
        last = last.max(first);
        while last < times.len() && times[last] < start + length_ns {
            last += 1;
        }
        let count = last - first;
        if count > best_count {
            (best_start, best_count) = (start, count);
        }
    }
    (best_start, best_start + length_ns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, SpanKind};

    fn trace_with_starts(starts: &[u64], duration_ns: u64) -> Trace {
        let spans = starts
            .iter()
            .map(|&start_ns| Span {
                tid: 1,
                kind: SpanKind::Waiting,
                start_ns,
                end_ns: start_ns + 1,
            })
            .collect();
        Trace {
            spans,
            duration_ns,
            ..Trace::default()
        }
    }

    #[test]
    fn the_window_with_most_events_wins() {
        // One event early, a burst of five between 700 and 760, two late.
        let trace = trace_with_starts(&[5, 700, 710, 720, 740, 760, 900, 990], 1000);
        assert_eq!(busiest_window(&trace, 100), (700, 800));
        assert_eq!(busiest_window(&trace, 5000), (0, 1000));
    }

    #[test]
    fn windows_stay_inside_the_trace_and_ties_go_to_the_earliest() {
        let trace = trace_with_starts(&[100, 980], 1000);
        assert_eq!(busiest_window(&trace, 50), (100, 150));
        let late = trace_with_starts(&[990, 995, 999], 1000);
        assert_eq!(busiest_window(&late, 100), (900, 1000));
        assert_eq!(busiest_window(&Trace::default(), 100), (0, 0));
    }
}
