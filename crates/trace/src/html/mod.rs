//! The interactive timeline: one self-contained HTML file (inline script and style, no
//! network, works from `file://`) that draws the trace on a canvas, with zoom, pan, hover
//! details and a summary table of the part shown. The trace is embedded as compact JSON:
//! per thread, delta-encoded span starts, durations and a string of span kinds.

use serde_json::{json, Value};

use crate::model::{InstantKind, SpanKind, Trace};
use crate::svg::full_title;
use crate::window::busiest_window;

const SCRIPT: &str = include_str!("timeline.js");
const STYLE: &str = include_str!("timeline.css");

/// How to build the page.
#[derive(Clone, Debug)]
pub struct HtmlOptions {
    pub title: String,
    /// The part shown first, `[start_ns, end_ns)`; the whole trace stays reachable by
    /// zooming out. `None`: the busiest `busiest_ns` of the trace.
    pub view: Option<(u64, u64)>,
    /// Length of the busiest window (the initial view when `view` is `None`, and key `b`).
    pub busiest_ns: u64,
}

impl Default for HtmlOptions {
    fn default() -> HtmlOptions {
        HtmlOptions {
            title: "GIL timeline".to_owned(),
            view: None,
            busiest_ns: 100_000_000,
        }
    }
}

/// The kind's digit in the page's kinds string: its index in `SpanKind::ALL`, as the
/// script's `KINDS` lists them.
fn kind_digit(kind: SpanKind) -> char {
    char::from(b'0' + kind.index() as u8)
}

fn thread_data(trace: &Trace, tid: u64, name: &str) -> Value {
    let mut starts = Vec::new();
    let mut durations = Vec::new();
    let mut kinds = String::new();
    let mut previous = 0;
    for span in trace.spans.iter().filter(|s| s.tid == tid) {
        starts.push(span.start_ns - previous);
        previous = span.start_ns;
        durations.push(span.duration_ns());
        kinds.push(kind_digit(span.kind));
    }
    let mut times = Vec::new();
    let mut instant_kinds = String::new();
    let mut priorities = Vec::new();
    for instant in trace.instants.iter().filter(|i| i.tid == tid) {
        times.push(instant.at_ns);
        let (letter, priority) = match instant.kind {
            InstantKind::ForcedSwitch => ('F', None),
            InstantKind::DropRequest => ('D', None),
            InstantKind::PriorityChange { priority } => ('P', Some(priority)),
        };
        instant_kinds.push(letter);
        priorities.push(priority);
    }
    json!({"tid": tid, "name": name, "s": starts, "d": durations, "k": kinds,
           "it": times, "ik": instant_kinds, "ip": priorities})
}

/// The page for `trace`.
pub fn render_html(trace: &Trace, options: &HtmlOptions) -> String {
    let busiest = busiest_window(trace, options.busiest_ns);
    let view = options
        .view
        .map(|(start, end)| (start.min(trace.duration_ns), end.min(trace.duration_ns)))
        .filter(|(start, end)| end > start)
        .unwrap_or(busiest);
    let threads: Vec<Value> = trace
        .threads
        .iter()
        .map(|thread| thread_data(trace, thread.tid, &thread.name))
        .collect();
    let title = full_title(&options.title, trace);
    let data = json!({
        "title": title,
        "meta": trace.meta.describe(),
        "duration": trace.duration_ns,
        "view": [view.0, view.1],
        "busiest": [busiest.0, busiest.1],
        "threads": threads,
    });
    // Inside a <script> element only "</" could end it early.
    let data = data.to_string().replace("</", "<\\/");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n\
         <script>window.__timelineErrors = [];\n\
         window.addEventListener(\"error\", function (e) {{ window.__timelineErrors.push(String(e.message)); \
         var s = document.getElementById(\"selftest\"); if (s) {{ s.dataset.status = \"fail\"; s.textContent = \"SCRIPT ERROR \" + e.message; }} }});</script>\n\
         </head>\n<body>\n<h1 id=\"title\"></h1>\n<div id=\"meta\"></div>\n<div id=\"legend\"></div>\n\
         <div id=\"help\">Zoom: mouse wheel, + and -, double click. Pan: drag, ← →. \
         0: whole trace, b: busiest window. Hover for details.</div>\n\
         <div id=\"plot\"><div id=\"tip\"></div></div>\n<div id=\"view\"></div>\n\
         <table id=\"summary\"><thead><tr><th>thread (part shown)</th><th>holds GIL</th><th>waits</th>\
         <th>p50 wait</th><th>p99 wait</th><th>max wait</th><th>blocked</th><th>gc</th><th>forced switches</th>\
         <th>drop requests</th></tr></thead><tbody id=\"summary-body\"></tbody></table>\n\
         <div id=\"selftest\"></div>\n\
         <script id=\"trace-data\" type=\"application/json\">{data}</script>\n\
         <script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        title = escape(&title),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, ThreadInfo};

    #[test]
    fn the_page_embeds_the_trace_and_nothing_external() {
        let trace = Trace {
            threads: vec![ThreadInfo {
                tid: 1,
                name: "</script><b>".into(),
            }],
            spans: vec![
                Span {
                    tid: 1,
                    kind: SpanKind::Running,
                    start_ns: 10,
                    end_ns: 30,
                },
                Span {
                    tid: 1,
                    kind: SpanKind::Blocked,
                    start_ns: 30,
                    end_ns: 50,
                },
            ],
            duration_ns: 50,
            ..Trace::default()
        };
        let page = render_html(&trace, &HtmlOptions::default());
        assert!(page.starts_with("<!DOCTYPE html>"));
        for field in ["\"s\":[10,20]", "\"d\":[20,20]", "\"k\":\"02\""] {
            assert!(page.contains(field), "{field}");
        }
        assert!(
            !page.contains("</script><b>"),
            "the name cannot end the script"
        );
        assert!(!page.contains("http://") && !page.contains("https://"));
        assert!(!page.contains("src="), "no external script or image");
    }
}
