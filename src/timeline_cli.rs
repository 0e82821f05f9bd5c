//! `gilvm timeline TRACE.json -o OUT.svg|OUT.html`: draws a GIL trace (from `--gil-trace` or
//! `gil.trace_stop()`) as an SVG timeline or an interactive HTML page.
//!
//! A clap subcommand of `gilvm`: a first argument `timeline` always means it, so a script
//! file literally named `timeline` runs as `gilvm ./timeline`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use gilvm::trace::{timeline_command, SvgOptions};

/// Draw a GIL trace: one row per thread, coloured by what it did with the GIL (running,
/// waiting, blocked), with forced switches, drop requests and priority changes marked.
/// `-o OUT.html` writes an interactive page (zoom, pan, hover), anything else an SVG.
/// Without --from/--to, the picture shows the busiest --span of the trace.
#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// The trace: Chrome Trace Event JSON written by `gilvm --gil-trace` or `gil.trace_stop()`.
    #[arg(value_name = "TRACE.json")]
    trace: PathBuf,

    /// The file to write: OUT.html for the interactive page, OUT.svg for a picture.
    #[arg(short = 'o', long = "output", value_name = "OUT.svg|OUT.html")]
    output: PathBuf,

    /// Width of the plot area in pixels.
    #[arg(long, value_name = "N", default_value_t = 1000,
          value_parser = clap::value_parser!(u32).range(100..=20_000))]
    width: u32,

    /// Start of the window to draw, in milliseconds from the start of the trace.
    #[arg(long, value_name = "MS", value_parser = parse_ms)]
    from: Option<f64>,

    /// End of the window to draw, in milliseconds from the start of the trace.
    #[arg(long, value_name = "MS", value_parser = parse_ms)]
    to: Option<f64>,

    /// Title drawn above the timeline (the GIL policy and switch interval recorded in the
    /// trace are added to it).
    #[arg(long, value_name = "T")]
    title: Option<String>,

    /// Without --from/--to: the length of the busiest window drawn (HTML: shown first).
    #[arg(long, value_name = "MS", default_value_t = 100.0, value_parser = parse_ms)]
    span: f64,
}

/// Runs `gilvm timeline`. Exit status: 0, 2 on a usage error, 1 when the trace cannot be
/// read or the picture written.
pub fn run(cli: TimelineArgs) -> ExitCode {
    let window = match window_ns(cli.from, cli.to) {
        Ok(window) => window,
        Err(msg) => {
            eprintln!("gilvm timeline: {msg}");
            return ExitCode::from(2);
        }
    };
    let defaults = SvgOptions::default();
    let options = SvgOptions {
        width: cli.width,
        window,
        title: cli.title.unwrap_or(defaults.title),
        busiest_ns: ((cli.span * 1e6).round() as u64).max(1),
    };
    match timeline_command(&cli.trace, &cli.output, &options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gilvm timeline: {err}");
            ExitCode::from(1)
        }
    }
}

/// A non-negative, finite number of milliseconds.
fn parse_ms(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(ms) if ms.is_finite() && ms >= 0.0 => Ok(ms),
        _ => Err(format!("'{text}' is not a number of milliseconds >= 0")),
    }
}

/// The `[from, to)` window in nanoseconds (`to` defaults to the end of the trace).
fn window_ns(from: Option<f64>, to: Option<f64>) -> Result<Option<(u64, u64)>, String> {
    if from.is_none() && to.is_none() {
        return Ok(None);
    }
    let to_ns = |ms: f64| (ms * 1e6).round() as u64;
    let start = from.map_or(0, to_ns);
    let end = to.map_or(u64::MAX, to_ns);
    if end <= start {
        return Err(format!(
            "--to ({} ms) must be after --from ({} ms)",
            to.unwrap_or(0.0),
            from.unwrap_or(0.0)
        ));
    }
    Ok(Some((start, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_in_milliseconds_and_must_not_be_empty() {
        assert_eq!(window_ns(None, None), Ok(None));
        assert_eq!(
            window_ns(Some(1.5), Some(2.0)),
            Ok(Some((1_500_000, 2_000_000)))
        );
        assert_eq!(window_ns(None, Some(3.0)), Ok(Some((0, 3_000_000))));
        assert_eq!(window_ns(Some(3.0), None), Ok(Some((3_000_000, u64::MAX))));
        assert!(window_ns(Some(2.0), Some(2.0)).is_err());
        assert!(window_ns(None, Some(0.0)).is_err());
        assert!(parse_ms("-1").is_err() && parse_ms("inf").is_err() && parse_ms("x").is_err());
    }
}
