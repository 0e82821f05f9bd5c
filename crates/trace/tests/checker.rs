//! The invariant checker against hand-made traces, good and bad.

use gilvm_trace::{
    check, read_chrome, InstantEvent, InstantKind, Span, SpanKind, ThreadInfo, Trace, Violation,
};

fn span(tid: u64, kind: SpanKind, start_ns: u64, end_ns: u64) -> Span {
    Span {
        tid,
        kind,
        start_ns,
        end_ns,
    }
}

fn forced(tid: u64, at_ns: u64) -> InstantEvent {
    InstantEvent {
        tid,
        kind: InstantKind::ForcedSwitch,
        at_ns,
    }
}

fn trace(spans: Vec<Span>, instants: Vec<InstantEvent>) -> Trace {
    let mut trace = Trace {
        threads: vec![
            ThreadInfo {
                tid: 1,
                name: "a".into(),
            },
            ThreadInfo {
                tid: 2,
                name: "b".into(),
            },
        ],
        spans,
        instants,
        duration_ns: 100,
        ..Trace::default()
    };
    trace.sort();
    trace
}

/// a runs 0..10; b waits 5..10 and runs 10..20 after a's forced switch.
fn good_spans() -> Vec<Span> {
    vec![
        span(1, SpanKind::Running, 0, 10),
        span(2, SpanKind::Waiting, 5, 10),
        span(2, SpanKind::Running, 10, 20),
    ]
}

#[test]
fn a_good_trace_passes() {
    assert_eq!(check(&trace(good_spans(), vec![forced(1, 10)])), Ok(()));
}

#[test]
fn overlapping_running_spans_are_caught() {
    let mut spans = good_spans();
    spans.push(span(1, SpanKind::Waiting, 12, 15));
    spans.push(span(1, SpanKind::Running, 15, 30));
    match check(&trace(spans, vec![])) {
        Err(Violation::OverlappingRunning { first, second }) => {
            assert_eq!((first.tid, second.tid, second.start_ns), (2, 1, 15));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_acquire_without_a_request_is_caught() {
    let mut spans = good_spans();
    spans.push(span(1, SpanKind::Running, 25, 30));
    assert_eq!(
        check(&trace(spans, vec![])),
        Err(Violation::AcquireWithoutRequest {
            running: span(1, SpanKind::Running, 25, 30)
        })
    );
}

#[test]
fn a_forced_switch_back_to_the_same_thread_is_caught() {
    let spans = vec![
        span(1, SpanKind::Running, 0, 10),
        span(1, SpanKind::Waiting, 10, 11),
        span(1, SpanKind::Running, 11, 20),
        span(2, SpanKind::Waiting, 5, 40),
    ];
    let violation = check(&trace(spans, vec![forced(1, 10)])).unwrap_err();
    assert!(matches!(
        violation,
        Violation::ForcedSwitchToSameThread {
            tid: 1,
            at_ns: 10,
            ..
        }
    ));
    assert!(violation.to_string().contains("forced switch of thread 1"));
}

#[test]
fn bad_json_is_an_error_not_a_panic() {
    for text in [
        "",
        "[1]",
        "{}",
        "{\"traceEvents\": 3}",
        "{\"traceEvents\": [{\"ph\": \"X\"}]}",
        "{\"traceEvents\": [{\"name\": \"running\", \"ph\": \"X\", \"tid\": 1, \"ts\": -1, \"dur\": 1}]}",
        "{\"traceEvents\": [{\"name\": \"priority change\", \"ph\": \"i\", \"tid\": 1, \"ts\": 1}]}",
    ] {
        assert!(read_chrome(text).is_err(), "{text}");
    }
}

#[test]
fn a_collection_holds_the_gil_between_running_spans_of_its_thread() {
    // b collects 12..16 inside its running time: no request needed after it.
    let mut spans = good_spans();
    spans.pop();
    spans.extend([
        span(2, SpanKind::Running, 10, 12),
        span(2, SpanKind::Gc, 12, 16),
        span(2, SpanKind::Running, 16, 20),
    ]);
    assert_eq!(check(&trace(spans.clone(), vec![forced(1, 10)])), Ok(()));
    // a running while b collects is two holders at once.
    spans.push(span(1, SpanKind::Running, 14, 15));
    assert!(matches!(
        check(&trace(spans, vec![])),
        Err(Violation::OverlappingRunning { .. })
    ));
}
