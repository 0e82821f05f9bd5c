//! Chrome Trace Event Format (the `{"traceEvents": [...]}` form), which
//! Perfetto and chrome://tracing open. Times in the file are microseconds
//! with nanosecond decimals.

use std::io::{BufWriter, Write};
use std::path::Path;

use serde_json::{json, Map, Value};

use crate::model::{InstantEvent, InstantKind, Span, SpanKind, ThreadInfo, Trace, TraceMeta};
use crate::TraceError;

const PID: u64 = 1;
const CATEGORY: &str = "gil";

fn micros(ns: u64) -> f64 {
    ns as f64 / 1000.0
}

fn nanos(us: f64) -> u64 {
    (us * 1000.0).round() as u64
}

fn thread_metadata(thread: &ThreadInfo, index: usize) -> [Value; 2] {
    [
        json!({"name": "thread_name", "ph": "M", "pid": PID, "tid": thread.tid,
               "args": {"name": thread.name}}),
        json!({"name": "thread_sort_index", "ph": "M", "pid": PID, "tid": thread.tid,
               "args": {"sort_index": index}}),
    ]
}

fn span_event(span: &Span) -> Value {
    json!({"name": span.kind.name(), "cat": CATEGORY, "ph": "X", "pid": PID, "tid": span.tid,
           "ts": micros(span.start_ns), "dur": micros(span.duration_ns())})
}

fn instant_event(instant: &InstantEvent) -> Value {
    let mut event = json!({"name": instant.kind.name(), "cat": CATEGORY, "ph": "i", "s": "t",
                           "pid": PID, "tid": instant.tid, "ts": micros(instant.at_ns)});
    if let InstantKind::PriorityChange { priority } = instant.kind {
        event["args"] = json!({ "priority": priority });
    }
    event
}

/// The trace as a Chrome trace JSON value.
pub fn to_chrome_json(trace: &Trace) -> Value {
    let mut events = vec![
        json!({"name": "process_name", "ph": "M", "pid": PID, "tid": 0,
                                 "args": {"name": "gilvm GIL"}}),
    ];
    for (index, thread) in trace.threads.iter().enumerate() {
        events.extend(thread_metadata(thread, index));
    }
    events.extend(trace.spans.iter().map(span_event));
    events.extend(trace.instants.iter().map(instant_event));
    let mut other = json!({"generator": "gilvm-trace", "duration_us": micros(trace.duration_ns)});
    let meta = &trace.meta;
    if let Some(policy) = &meta.policy {
        other["policy"] = json!(policy);
    }
    if let Some(ns) = meta.switch_interval_ns {
        other["switch_interval_us"] = json!(micros(ns));
    }
    if let Some(n) = meta.check_interval {
        other["check_interval"] = json!(n);
    }
    json!({
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "otherData": other,
    })
}

/// The GIL's configuration from `otherData` (absent in traces of older gilvm versions).
fn read_meta(root: &Value) -> TraceMeta {
    let other = |key: &str| root.pointer(&format!("/otherData/{key}"));
    TraceMeta {
        policy: other("policy").and_then(Value::as_str).map(str::to_owned),
        switch_interval_ns: other("switch_interval_us")
            .and_then(Value::as_f64)
            .filter(|us| us.is_finite() && *us >= 0.0)
            .map(nanos),
        check_interval: other("check_interval")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok()),
    }
}

/// Writes the trace as Chrome trace JSON to `out`.
pub fn write_chrome(trace: &Trace, out: impl Write) -> Result<(), TraceError> {
    let mut out = BufWriter::new(out);
    serde_json::to_writer(&mut out, &to_chrome_json(trace))?;
    out.flush().map_err(serde_json::Error::io)?;
    Ok(())
}

/// Writes the trace as Chrome trace JSON to the file at `path`.
pub fn write_chrome_file(trace: &Trace, path: &Path) -> Result<(), TraceError> {
    let file = std::fs::File::create(path).map_err(|err| TraceError::io(path, err))?;
    write_chrome(trace, file)
}

/// Reads a trace written by [`write_chrome`]. Events this crate does not
/// know (other categories, other phases) are skipped.
pub fn read_chrome(text: &str) -> Result<Trace, TraceError> {
    let root: Value = serde_json::from_str(text)?;
    let events = match &root {
        Value::Object(object) => object
            .get("traceEvents")
            .and_then(Value::as_array)
            .ok_or_else(|| TraceError::Format("no \"traceEvents\" array".into()))?,
        Value::Array(events) => events,
        _ => return Err(TraceError::Format("neither an object nor an array".into())),
    };
    let mut trace = Trace::default();
    for (index, event) in events.iter().enumerate() {
        let event = event
            .as_object()
            .ok_or_else(|| format_error(index, "an event is not an object"))?;
        read_event(&mut trace, event).map_err(|what| format_error(index, what))?;
    }
    let recorded = root
        .pointer("/otherData/duration_us")
        .and_then(Value::as_f64)
        .map_or(0, nanos);
    let last_end = trace.spans.iter().map(|s| s.end_ns).max().unwrap_or(0);
    let last_instant = trace.instants.iter().map(|i| i.at_ns).max().unwrap_or(0);
    trace.duration_ns = recorded.max(last_end).max(last_instant);
    trace.meta = read_meta(&root);
    trace.sort();
    Ok(trace)
}

/// Reads the Chrome trace JSON file at `path`.
pub fn read_chrome_file(path: &Path) -> Result<Trace, TraceError> {
    let text = std::fs::read_to_string(path).map_err(|err| TraceError::io(path, err))?;
    read_chrome(&text)
}

fn format_error(index: usize, what: &str) -> TraceError {
    TraceError::Format(format!("event {index}: {what}"))
}

type Event = Map<String, Value>;

fn read_event(trace: &mut Trace, event: &Event) -> Result<(), &'static str> {
    let name = field_str(event, "name")?;
    match field_str(event, "ph")? {
        "M" if name == "thread_name" => {
            let thread_name = event
                .get("args")
                .and_then(|args| args.get("name"))
                .and_then(Value::as_str)
                .ok_or("thread_name without args.name")?;
            trace.threads.push(ThreadInfo {
                tid: field_u64(event, "tid")?,
                name: thread_name.to_owned(),
            });
        }
        "X" => {
            if let Some(kind) = SpanKind::from_name(name) {
                let start_ns = field_time(event, "ts")?;
                trace.spans.push(Span {
                    tid: field_u64(event, "tid")?,
                    kind,
                    start_ns,
                    end_ns: start_ns.saturating_add(field_time(event, "dur")?),
                });
            }
        }
        "i" | "I" => {
            if let Some(kind) = instant_kind(name, event)? {
                trace.instants.push(InstantEvent {
                    tid: field_u64(event, "tid")?,
                    kind,
                    at_ns: field_time(event, "ts")?,
                });
            }
        }
        _ => {}
    }
    Ok(())
}

fn instant_kind(name: &str, event: &Event) -> Result<Option<InstantKind>, &'static str> {
    Ok(match name {
        "drop request" => Some(InstantKind::DropRequest),
        "forced switch" => Some(InstantKind::ForcedSwitch),
        "priority change" => {
            let priority = event
                .get("args")
                .and_then(|args| args.get("priority"))
                .and_then(Value::as_i64)
                .and_then(|p| i32::try_from(p).ok())
                .ok_or("priority change without an integer args.priority")?;
            Some(InstantKind::PriorityChange { priority })
        }
        _ => None,
    })
}

fn field_str<'a>(event: &'a Event, key: &'static str) -> Result<&'a str, &'static str> {
    event.get(key).and_then(Value::as_str).ok_or(missing(key))
}

fn field_u64(event: &Event, key: &'static str) -> Result<u64, &'static str> {
    event.get(key).and_then(Value::as_u64).ok_or(missing(key))
}

fn field_time(event: &Event, key: &'static str) -> Result<u64, &'static str> {
    let us = event.get(key).and_then(Value::as_f64).ok_or(missing(key))?;
    if us.is_finite() && us >= 0.0 {
        Ok(nanos(us))
    } else {
        Err("a negative or infinite time")
    }
}

fn missing(key: &'static str) -> &'static str {
    match key {
        "name" => "missing or non-string \"name\"",
        "ph" => "missing or non-string \"ph\"",
        "tid" => "missing or non-integer \"tid\"",
        "ts" => "missing or non-numeric \"ts\"",
        "dur" => "missing or non-numeric \"dur\"",
        _ => "missing field",
    }
}
