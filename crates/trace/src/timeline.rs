//! The `gilvm timeline` command: a trace file in, an SVG picture out.

use std::path::Path;

use crate::{read_chrome_file, render_svg, SvgOptions, TraceError};

/// Reads the Chrome trace at `trace_path` and writes its timeline to
/// `out_svg`.
pub fn timeline_command(
    trace_path: &Path,
    out_svg: &Path,
    options: &SvgOptions,
) -> Result<(), TraceError> {
    let trace = read_chrome_file(trace_path)?;
    let svg = render_svg(&trace, options);
    std::fs::write(out_svg, svg).map_err(|err| TraceError::io(out_svg, err))
}
