//! Recording real GIL threads, round-tripping through Chrome JSON, checking
//! and drawing the result.

use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use gilvm_gil::{Gil, GilConfig, Policy};
use gilvm_trace::{
    check, read_chrome, render_svg, summarize, to_chrome_json, write_chrome, InstantKind, Recorder,
    SpanKind, SvgOptions, Trace,
};

fn spin(for_how_long: Duration, handle: &gilvm_gil::ThreadHandle) {
    let start = Instant::now();
    while start.elapsed() < for_how_long {
        handle.tick();
    }
}

/// Three CPU-bound threads and one that blocks, under `policy`.
fn record(policy: Policy) -> Trace {
    let recorder = Recorder::new();
    let config = GilConfig {
        policy,
        switch_interval: Duration::from_millis(1),
        ..GilConfig::default()
    };
    let gil = Gil::with_hook(config, recorder.hook());
    recorder.start();
    let workers: Vec<_> = (0..3)
        .map(|index| {
            let gil = Arc::clone(&gil);
            thread::spawn(move || {
                let me = gil.register_thread(&format!("cpu-{index}"));
                for _ in 0..5 {
                    me.acquire();
                    spin(Duration::from_millis(3), &me);
                    me.release();
                }
            })
        })
        .collect();
    let io = {
        let gil = Arc::clone(&gil);
        thread::spawn(move || {
            let me = gil.register_thread("io");
            me.acquire();
            for _ in 0..4 {
                spin(Duration::from_micros(200), &me);
                me.blocking(|| thread::sleep(Duration::from_millis(2)));
            }
        })
    };
    for worker in workers {
        worker.join().unwrap();
    }
    io.join().unwrap();
    recorder.stop()
}

fn round_trip(trace: &Trace) -> Trace {
    let mut bytes = Vec::new();
    write_chrome(trace, &mut bytes).unwrap();
    read_chrome(std::str::from_utf8(&bytes).unwrap()).unwrap()
}

fn check_recording(policy: Policy) {
    let recorded = record(policy);
    let trace = round_trip(&recorded);
    assert_eq!(trace, recorded, "the JSON round trip loses nothing");
    check(&trace).unwrap_or_else(|violation| panic!("{policy:?}: {violation}"));
    let names: Vec<&str> = trace.threads.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names.len(), 4);
    for name in ["cpu-0", "cpu-1", "cpu-2", "io"] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    for thread in &trace.threads {
        let has = |kind| {
            trace
                .spans
                .iter()
                .any(|s| s.tid == thread.tid && s.kind == kind)
        };
        assert!(
            has(SpanKind::Running) && has(SpanKind::Waiting),
            "{}",
            thread.name
        );
    }
    let io = trace.threads.iter().find(|t| t.name == "io").unwrap();
    let summaries = summarize(&trace);
    let io_summary = summaries.iter().find(|s| s.tid == io.tid).unwrap();
    assert!(io_summary.blocked_ns >= 4 * 2_000_000, "{io_summary:?}");
    let cpu_share: f64 = summaries.iter().map(|s| s.holding_share).sum();
    assert!(cpu_share <= 1.0 + 1e-9, "shares add up to {cpu_share}");
    let forced = trace
        .instants
        .iter()
        .filter(|i| i.kind == InstantKind::ForcedSwitch)
        .count();
    assert!(
        forced > 0,
        "{policy:?}: 3 ms slices with a 1 ms interval force switches"
    );
}

#[test]
fn timeout_policy_recording_passes_the_checker() {
    check_recording(Policy::Timeout);
}

#[test]
fn priority_policy_recording_passes_the_checker() {
    check_recording(Policy::Priority);
}

#[test]
fn nothing_is_recorded_before_start_or_after_stop() {
    let recorder = Recorder::new();
    let gil = Gil::with_hook(GilConfig::default(), recorder.hook());
    let me = gil.register_thread("MainThread");
    me.acquire();
    me.release();
    recorder.start();
    me.acquire();
    me.release();
    let trace = recorder.stop();
    me.acquire();
    assert_eq!(trace.threads.len(), 1);
    assert_eq!(trace.threads[0].name, "MainThread", "named before start");
    let running = trace.spans.iter().filter(|s| s.kind == SpanKind::Running);
    assert_eq!(running.count(), 1);
    assert!(!recorder.is_recording());
    assert_eq!(recorder.stop(), Trace::default());
}

#[test]
fn a_lock_held_when_recording_starts_runs_from_time_zero() {
    let recorder = Recorder::new();
    let gil = Gil::with_hook(GilConfig::default(), recorder.hook());
    let me = gil.register_thread("MainThread");
    me.acquire();
    recorder.start();
    me.release();
    let trace = recorder.stop();
    assert_eq!(trace.spans.len(), 1);
    assert_eq!(trace.spans[0].start_ns, 0);
    check(&trace).unwrap();
}

#[test]
fn chrome_json_has_the_required_fields() {
    let json = to_chrome_json(&record(Policy::Priority));
    assert_eq!(json["displayTimeUnit"], "ms");
    let events = json["traceEvents"].as_array().unwrap();
    let mut named_lanes = std::collections::HashSet::new();
    for event in events {
        for field in ["name", "ph", "pid", "tid"] {
            assert!(event.get(field).is_some(), "{field} missing in {event}");
        }
        match event["ph"].as_str().unwrap() {
            "M" => {
                if event["name"] == "thread_name" {
                    assert!(event["args"]["name"].is_string());
                    named_lanes.insert(event["tid"].as_u64().unwrap());
                }
            }
            "X" => {
                assert!(event["ts"].as_f64().unwrap() >= 0.0);
                assert!(event["dur"].as_f64().unwrap() >= 0.0);
                assert!(named_lanes.contains(&event["tid"].as_u64().unwrap()));
            }
            "i" => {
                assert!(event["ts"].is_number());
                assert_eq!(event["s"], "t");
            }
            other => panic!("unexpected phase {other}"),
        }
    }
    assert_eq!(named_lanes.len(), 4);
}

#[test]
fn svg_is_well_formed_with_a_row_per_thread() {
    let trace = record(Policy::Timeout);
    let svg = render_svg(&trace, &SvgOptions::default());
    let document = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let rows: Vec<_> = document
        .descendants()
        .filter(|node| node.attribute("class") == Some("thread"))
        .collect();
    assert_eq!(rows.len(), 4);
    for thread in &trace.threads {
        assert!(rows.iter().any(|row| row
            .descendants()
            .any(|node| node.text() == Some(thread.name.as_str()))));
    }
    let rects = document
        .descendants()
        .filter(|node| node.has_tag_name("rect"))
        .count();
    assert!(
        rects < 4 * 1000,
        "merged to at most a rect per pixel: {rects}"
    );
}
