//! The `gilvm timeline` command: a trace file in, a picture out: a still SVG, or an
//! interactive HTML page when the output's name ends in `.html`.

use std::path::Path;

use crate::{read_chrome_file, render_html, render_svg, HtmlOptions, SvgOptions, TraceError};

/// Reads the Chrome trace at `trace_path` and writes its timeline to `out`: an HTML page
/// if `out` ends in `.html` or `.htm` (the window, if any, is the part shown first), an
/// SVG picture otherwise.
pub fn timeline_command(
    trace_path: &Path,
    out: &Path,
    options: &SvgOptions,
) -> Result<(), TraceError> {
    let trace = read_chrome_file(trace_path)?;
    let page = if is_html(out) {
        let html = HtmlOptions {
            title: options.title.clone(),
            view: options.window,
            busiest_ns: options.busiest_ns,
        };
        render_html(&trace, &html)
    } else {
        render_svg(&trace, options)
    };
    std::fs::write(out, page).map_err(|err| TraceError::io(out, err))
}

/// Whether `path` names an HTML file.
pub fn is_html(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}
