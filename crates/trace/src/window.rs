//! Choosing what to draw when no window is given: the busiest stretch of the trace.

use crate::model::{InstantKind, Span, Trace};

/// The `[start, end)` window of `length_ns` (or the whole trace, if shorter) where threads
/// contend most: the most hand-overs of the GIL from one thread to another, drop requests
/// and forced switches. A thread taking the GIL again and again by itself (a sleeper alone,
/// one thread holding it for seconds) does not count. A trace with no contention at all
/// falls back to all its GIL events (span starts and instants). Ties go to the earliest
/// window.
pub fn busiest_window(trace: &Trace, length_ns: u64) -> (u64, u64) {
    let length_ns = length_ns.max(1);
    if trace.duration_ns <= length_ns {
        return (0, trace.duration_ns);
    }
    let mut times = contention_times(trace);
    if times.is_empty() {
        times = trace.spans.iter().map(|s| s.start_ns).collect();
        times.extend(trace.instants.iter().map(|i| i.at_ns));
    }
    times.sort_unstable();
    let latest_start = trace.duration_ns - length_ns;
    let (mut best_start, mut best_count, mut best_last) = (0, 0, 0);
    let mut last = 0;
    for (first, &start) in times.iter().enumerate() {
        let start = start.min(latest_start);
        last = last.max(first);
        while last < times.len() && times[last] < start + length_ns {
            last += 1;
        }
        let count = last - first;
        if count > best_count {
            (best_start, best_count, best_last) = (start, count, times[last - 1]);
        }
    }
    // Up to a tenth of the window before its first event, for context, keeping its last.
    let room = (best_start + length_ns - 1).saturating_sub(best_last);
    let start = best_start - (length_ns / 10).min(room).min(best_start);
    (start, start + length_ns)
}

/// When the GIL passed from one thread to another, and when a thread asked another to drop
/// it or was forced to.
fn contention_times(trace: &Trace) -> Vec<u64> {
    let mut running: Vec<&Span> = trace.spans.iter().filter(|s| s.kind.holds_gil()).collect();
    running.sort_by_key(|s| s.start_ns);
    let mut times: Vec<u64> = running
        .windows(2)
        .filter(|pair| pair[0].tid != pair[1].tid)
        .map(|pair| pair[1].start_ns)
        .collect();
    times.extend(
        trace
            .instants
            .iter()
            .filter(|i| matches!(i.kind, InstantKind::DropRequest | InstantKind::ForcedSwitch))
            .map(|i| i.at_ns),
    );
    times
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SpanKind;

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
        assert_eq!(busiest_window(&trace, 100), (690, 790));
        assert_eq!(busiest_window(&trace, 5000), (0, 1000));
    }

    #[test]
    fn windows_stay_inside_the_trace_and_ties_go_to_the_earliest() {
        let trace = trace_with_starts(&[100, 980], 1000);
        assert_eq!(busiest_window(&trace, 50), (95, 145));
        let late = trace_with_starts(&[990, 995, 999], 1000);
        assert_eq!(busiest_window(&late, 100), (900, 1000));
        assert_eq!(busiest_window(&Trace::default(), 100), (0, 0));
    }

    #[test]
    fn hand_overs_between_threads_beat_one_thread_alone() {
        let run = |tid, start_ns| Span {
            tid,
            kind: SpanKind::Running,
            start_ns,
            end_ns: start_ns + 5,
        };
        // Thread 1 alone takes the GIL 20 times in 100..200; threads 1 and 2 hand it over
        // four times in 520..580.
        let mut spans: Vec<Span> = (0..20).map(|i| run(1, 100 + i * 5)).collect();
        spans.extend([
            run(1, 500),
            run(2, 520),
            run(1, 540),
            run(2, 560),
            run(1, 580),
        ]);
        let trace = Trace {
            spans,
            duration_ns: 1000,
            ..Trace::default()
        };
        assert_eq!(busiest_window(&trace, 100), (510, 610));
    }
}
