//! The SVG timeline: one row per thread, coloured by what it did with the
//! GIL, a time axis, a legend and a per-thread summary table below.

mod axis;
mod columns;

use std::fmt::Write;

use crate::analysis::{summarize, ThreadSummary};
use crate::model::{InstantKind, SpanKind, Trace};
use crate::window::busiest_window;
pub use axis::format_duration;
use axis::{format_in, tick_step, unit_for};
use columns::{lane_runs, Scale};

/// How to draw a timeline.
#[derive(Clone, Debug)]
pub struct SvgOptions {
    /// Width of the plot area in pixels (labels come on top of it).
    pub width: u32,
    /// Only draw `[start_ns, end_ns)` of the trace (its own times). `None`: the busiest
    /// `busiest_ns` of it ([`crate::busiest_window`]), or all of a shorter trace.
    pub window: Option<(u64, u64)>,
    pub title: String,
    /// Length of the window chosen when none is given.
    pub busiest_ns: u64,
}

impl Default for SvgOptions {
    fn default() -> SvgOptions {
        SvgOptions {
            width: 1000,
            window: None,
            title: "GIL timeline".to_owned(),
            busiest_ns: 100_000_000,
        }
    }
}

const LABEL_WIDTH: f64 = 170.0;
const MARGIN: f64 = 20.0;
const ROWS_TOP: f64 = 84.0;
const ROW_HEIGHT: f64 = 26.0;
const BAR_HEIGHT: f64 = 16.0;
const TABLE_ROW: f64 = 18.0;

fn colour(kind: SpanKind) -> &'static str {
    match kind {
        SpanKind::Running => "#2ca02c",
        SpanKind::Waiting => "#e4572e",
        SpanKind::Blocked => "#a6c8e8",
        SpanKind::Gc => "#8c564b",
    }
}

fn legend_label(kind: SpanKind) -> &'static str {
    match kind {
        SpanKind::Running => "running (holds the GIL)",
        SpanKind::Waiting => "waiting for the GIL",
        SpanKind::Blocked => "blocked, GIL released",
        SpanKind::Gc => "gc (collecting, holds the GIL)",
    }
}

/// Draws the trace (or its window) as an SVG document.
pub fn render_svg(trace: &Trace, options: &SvgOptions) -> String {
    let (start_ns, end_ns) = options
        .window
        .unwrap_or_else(|| busiest_window(trace, options.busiest_ns));
    let shown = trace.window(start_ns, end_ns);
    let columns = options.width.max(100) as usize;
    let scale = Scale {
        start_ns: 0,
        ns_per_px: shown.duration_ns.max(1) as f64 / columns as f64,
        columns,
    };
    let rows_bottom = ROWS_TOP + ROW_HEIGHT * shown.threads.len() as f64;
    let summaries = summarize(&shown);
    let table_top = rows_bottom + 70.0;
    let width = LABEL_WIDTH + columns as f64 + MARGIN;
    let height = table_top + TABLE_ROW * (summaries.len() as f64 + 1.0) + MARGIN;

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{MARGIN}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{}</text>\n",
        escape(&full_title(&options.title, trace))
    );
    draw_legend(&mut svg);
    let _ = writeln!(
        svg,
        "<text x=\"{MARGIN}\" y=\"68\" font-size=\"11\" fill=\"#555\">{}</text>",
        escape(&window_note(trace, options, start_ns, shown.duration_ns))
    );
    for (row, thread) in shown.threads.iter().enumerate() {
        draw_row(&mut svg, &shown, thread.tid, &thread.name, row, scale);
    }
    draw_axis(&mut svg, start_ns, shown.duration_ns, scale, rows_bottom);
    draw_table(&mut svg, &summaries, table_top);
    svg.push_str("</svg>\n");
    svg
}

/// The title, followed by the GIL's configuration when the trace records it and the title
/// does not already say it.
pub fn full_title(title: &str, trace: &Trace) -> String {
    let meta = trace.meta.describe();
    if meta.is_empty() || title.contains(&meta) {
        title.to_owned()
    } else {
        format!("{title} ({meta})")
    }
}

/// Which part of the trace the picture shows, and how it was chosen.
fn window_note(trace: &Trace, options: &SvgOptions, start_ns: u64, shown_ns: u64) -> String {
    let whole = format_duration(trace.duration_ns);
    if shown_ns >= trace.duration_ns {
        return format!("the whole trace ({whole})");
    }
    let how = if options.window.is_some() {
        "chosen window"
    } else {
        "the busiest window (most GIL events; --from/--to choose another)"
    };
    format!(
        "{} to {} of {whole}: {how}",
        format_duration(start_ns),
        format_duration(start_ns + shown_ns)
    )
}

fn draw_legend(svg: &mut String) {
    let mut x = MARGIN;
    let y = 40.0;
    for kind in SpanKind::ALL {
        let _ = writeln!(
            svg,
            "<rect x=\"{x}\" y=\"{y}\" width=\"14\" height=\"12\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"{}\">{}</text>",
            colour(kind),
            x + 18.0,
            y + 10.0,
            legend_label(kind)
        );
        x += if kind == SpanKind::Gc { 215.0 } else { 190.0 };
    }
    let _ = writeln!(
        svg,
        "{}<text x=\"{}\" y=\"{}\">forced switch</text>\
         {}<text x=\"{}\" y=\"{}\">drop request</text>\
         {}<text x=\"{}\" y=\"{}\">priority change</text>",
        forced_mark(x + 6.0, y),
        x + 18.0,
        y + 10.0,
        drop_mark(x + 126.0, y, y + 12.0),
        x + 134.0,
        y + 10.0,
        priority_mark(x + 236.0, y + 6.0),
        x + 244.0,
        y + 10.0
    );
}

fn forced_mark(x: f64, top: f64) -> String {
    format!("<path d=\"M{} {top}h8l-4 7z\" fill=\"black\"/>", x - 4.0)
}

fn drop_mark(x: f64, top: f64, bottom: f64) -> String {
    format!("<path d=\"M{x} {top}V{bottom}\" stroke=\"#ff9f1c\" stroke-width=\"2\"/>")
}

fn priority_mark(x: f64, y: f64) -> String {
    format!("<circle cx=\"{x}\" cy=\"{y}\" r=\"3\" fill=\"#7b2cbf\"/>")
}

fn draw_row(svg: &mut String, trace: &Trace, tid: u64, name: &str, row: usize, scale: Scale) {
    let top = ROWS_TOP + ROW_HEIGHT * row as f64;
    let bar_top = top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
    let _ = writeln!(
        svg,
        "<g class=\"thread\" data-tid=\"{tid}\">\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
         <rect x=\"{LABEL_WIDTH}\" y=\"{bar_top}\" width=\"{}\" height=\"{BAR_HEIGHT}\" fill=\"#f4f4f4\"/>",
        LABEL_WIDTH - 8.0,
        bar_top + 12.0,
        escape(name),
        scale.columns
    );
    let spans = trace.spans.iter().filter(|s| s.tid == tid);
    for run in lane_runs(spans, scale, BAR_HEIGHT as u32) {
        let mut y = bar_top;
        for (kind, height) in SpanKind::ALL.into_iter().zip(run.heights) {
            if height == 0 {
                continue;
            }
            let _ = writeln!(
                svg,
                "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{height}\" fill=\"{}\"/>",
                LABEL_WIDTH + run.first as f64,
                run.end - run.first,
                colour(kind)
            );
            y += f64::from(height);
        }
    }
    draw_marks(svg, trace, tid, scale, bar_top);
    svg.push_str("</g>\n");
}

/// One mark per kind per pixel column, however many events fall there.
fn draw_marks(svg: &mut String, trace: &Trace, tid: u64, scale: Scale, bar_top: f64) {
    let mut seen = std::collections::HashSet::new();
    for instant in trace.instants.iter().filter(|i| i.tid == tid) {
        let column = scale.column(instant.at_ns);
        let kind = std::mem::discriminant(&instant.kind);
        if !seen.insert((column, kind)) {
            continue;
        }
        let x = LABEL_WIDTH + column as f64 + 0.5;
        let mark = match instant.kind {
            InstantKind::ForcedSwitch => forced_mark(x, bar_top - 4.0),
            InstantKind::DropRequest => {
                drop_mark(x, bar_top + BAR_HEIGHT - 5.0, bar_top + BAR_HEIGHT + 3.0)
            }
            InstantKind::PriorityChange { .. } => priority_mark(x, bar_top + BAR_HEIGHT / 2.0),
        };
        svg.push_str(&mark);
    }
    svg.push('\n');
}

fn draw_axis(svg: &mut String, offset_ns: u64, span_ns: u64, scale: Scale, top: f64) {
    let y = top + 6.0;
    let _ = writeln!(
        svg,
        "<path d=\"M{LABEL_WIDTH} {y}h{}\" stroke=\"black\"/>",
        scale.columns
    );
    let step = tick_step(span_ns, 10);
    let (unit_name, unit) = unit_for(step);
    let first = offset_ns.div_ceil(step) * step;
    let mut tick = first;
    while tick <= offset_ns + span_ns {
        let x = LABEL_WIDTH + scale.x(tick - offset_ns);
        let _ = writeln!(
            svg,
            "<path d=\"M{x} {y}v5\" stroke=\"black\"/>\
             <text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            y + 18.0,
            format_in(tick, unit)
        );
        tick += step;
    }
    // Below the tick labels, at the right: clear of the first tick's label whatever the
    // window's offset.
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">time since the trace began ({unit_name})</text>",
        LABEL_WIDTH + scale.columns as f64,
        y + 36.0
    );
}

const TABLE_COLUMNS: [(&str, f64); 9] = [
    ("thread", 0.0),
    ("holds GIL", 170.0),
    ("waits", 260.0),
    ("p50 wait", 330.0),
    ("p99 wait", 420.0),
    ("max wait", 510.0),
    ("blocked", 600.0),
    ("gc", 690.0),
    ("forced switches", 780.0),
];

fn draw_table(svg: &mut String, summaries: &[ThreadSummary], top: f64) {
    let header = TABLE_COLUMNS.map(|(name, _)| name.to_owned());
    draw_table_row(svg, &header, top, true);
    for (index, summary) in summaries.iter().enumerate() {
        let cells = [
            escape(&summary.name),
            format!("{:.1}%", summary.holding_share * 100.0),
            summary.waits.to_string(),
            format_duration(summary.wait_p50_ns),
            format_duration(summary.wait_p99_ns),
            format_duration(summary.wait_max_ns),
            format_duration(summary.blocked_ns),
            format_duration(summary.gc_ns),
            summary.forced_switches.to_string(),
        ];
        draw_table_row(svg, &cells, top + TABLE_ROW * (index as f64 + 1.0), false);
    }
}

fn draw_table_row(svg: &mut String, cells: &[String; 9], y: f64, header: bool) {
    let weight = if header { " font-weight=\"bold\"" } else { "" };
    let _ = write!(svg, "<g class=\"summary\"{weight}>");
    for ((_, x), cell) in TABLE_COLUMNS.iter().zip(cells) {
        let _ = write!(svg, "<text x=\"{}\" y=\"{y}\">{cell}</text>", MARGIN + x);
    }
    svg.push_str("</g>\n");
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
