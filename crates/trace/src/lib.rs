//! See the GIL: record what `gilvm_gil::Gil` does, write it as a Chrome
//! trace (Perfetto, chrome://tracing), read it back, check its invariants,
//! summarise it per thread and draw it as an SVG timeline in the style of
//! David Beazley's GIL talks.
//!
//! ```text
//! let recorder = Recorder::new();
//! let gil = Gil::with_hook(config, recorder.hook());   // once, at start-up
//! recorder.start();                                     // gil.trace_start(path)
//! ...
//! let trace = recorder.stop();                          // gil.trace_stop()
//! write_chrome_file(&trace, path)?;
//! timeline_command(path, svg_path, &SvgOptions::default())?;
//! ```

#![forbid(unsafe_code)]

mod analysis;
mod build;
mod check;
mod chrome;
mod error;
mod html;
mod model;
mod recorder;
mod svg;
mod timeline;
mod window;

pub use analysis::{summarize, ThreadSummary};
pub use build::{build_trace, RawEvent, ThreadRecording};
pub use check::{check, Violation};
pub use chrome::{read_chrome, read_chrome_file, to_chrome_json, write_chrome, write_chrome_file};
pub use error::TraceError;
pub use html::{render_html, HtmlOptions};
pub use model::{InstantEvent, InstantKind, Span, SpanKind, ThreadInfo, Trace, TraceMeta};
pub use recorder::{tid_of, Recorder};
pub use svg::{format_duration, render_svg, SvgOptions};
pub use timeline::timeline_command;
pub use window::busiest_window;
