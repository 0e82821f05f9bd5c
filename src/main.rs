//! The `gilvm` command: runs a Python script, a `-c` string, a module (`-m`), a script piped
//! on stdin, or the interactive prompt; or disassembles a file. Options as CPython's
//! (`cli::parse`), plus gilvm's GIL settings.
//!
//! Exit status, as CPython's: 0 on success, 1 after an uncaught exception or a syntax error,
//! the `sys.exit` code, and 2 on a usage error (including a script that cannot be opened).
//!
//! Subcommands: `gilvm timeline TRACE.json -o OUT.svg|OUT.html` draws a trace written by
//! `--gil-trace` (see `timeline_cli`); `gilvm experiment NAME` runs one of David Beazley's GIL
//! experiments end to end (see `experiment`). A first argument naming a subcommand always
//! means it: a script file literally named `timeline` runs as `gilvm ./timeline`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use gilvm::{GilConfig, Interpreter, Policy};

mod cli;
mod experiment;
mod gil_cli;
mod repl;
mod sandbox_cli;
mod timeline_cli;

/// Every allocation is charged to the memory limit's account (`--max-memory`).
#[global_allocator]
static ALLOCATOR: gilvm::CountingAllocator = gilvm::CountingAllocator::system();

use gil_cli::StatsMode;

/// Run Python 3 programs on gilvm, a bytecode VM with a real global interpreter lock.
#[derive(Parser, Debug)]
#[command(
    name = "gilvm",
    version,
    about,
    override_usage = "gilvm [option] ... [-c cmd | -m mod | file | -] [arg] ...",
    after_help = cli::HELP
)]
struct Cli {
    /// Socket calls that would not block keep the GIL (on); off: release it around each call.
    #[arg(long, value_name = "on|off", default_value = "on", action = clap::ArgAction::Set, value_parser = parse_on_off)]
    io_fast_path: bool,

    /// Print the bytecode of FILE instead of running it.
    #[arg(long)]
    dis: bool,

    /// GIL scheduling policy.
    #[arg(long = "gil", value_name = "POLICY", default_value = "priority", value_parser = gil_cli::parse_policy)]
    gil: Policy,

    /// How long a thread waits before asking the GIL holder to switch (e.g. 5ms, 500us, 0.01s).
    #[arg(long, value_name = "DURATION", default_value = "5ms", value_parser = gil_cli::parse_duration)]
    switch_interval: std::time::Duration,

    /// Check points between voluntary releases under `--gil tick`.
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
    check_interval: u32,

    /// Print the GIL's counters per thread to stderr at exit; with =DURATION (e.g.
    /// --gil-stats=1s), also every DURATION while the program runs.
    #[arg(long, value_name = "DURATION", num_args = 0..=1, require_equals = true,
          default_missing_value = "exit", value_parser = gil_cli::parse_stats_mode)]
    gil_stats: Option<StatsMode>,

    /// Record every GIL event and write them to FILE at exit (Chrome Trace Event JSON, for
    /// Perfetto, chrome://tracing or `gilvm timeline`).
    #[arg(long, value_name = "FILE")]
    gil_trace: Option<PathBuf>,

    #[command(flatten)]
    sandbox: sandbox_cli::SandboxArgs,
}

/// `gilvm timeline ...` and `gilvm experiment ...`: gilvm's tools, parsed apart from CPython's
/// command line.
#[derive(Parser, Debug)]
#[command(name = "gilvm", version, about)]
struct Tools {
    #[command(subcommand)]
    tool: Tool,
}

#[derive(Subcommand, Debug)]
enum Tool {
    /// Draw a GIL trace: a still SVG picture, or an interactive HTML page.
    Timeline(timeline_cli::TimelineArgs),
    /// Run one of David Beazley's GIL experiments under each GIL policy, print its table and
    /// write timelines (SVG and HTML) and a README into a folder.
    Experiment(experiment::ExperimentArgs),
}

/// The subcommands' names, which a first argument always means.
const TOOLS: &[&str] = &["timeline", "experiment"];

fn parse_on_off(text: &str) -> Result<bool, String> {
    match text {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(format!("expected on or off, got '{text}'")),
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    if argv
        .get(1)
        .is_some_and(|first| TOOLS.contains(&first.as_str()))
    {
        return match Tools::parse_from(&argv).tool {
            Tool::Timeline(args) => timeline_cli::run(args),
            Tool::Experiment(args) => experiment::run(args),
        };
    }
    let parsed = match cli::parse("gilvm".into(), argv.get(1..).unwrap_or_default()) {
        Ok(parsed) => parsed,
        Err(line) => {
            eprintln!("{line}\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let cli = Cli::parse_from(&parsed.clap_args);
    let run = RunOptions {
        gil: GilConfig {
            policy: cli.gil,
            switch_interval: cli.switch_interval,
            check_interval: cli.check_interval,
            ..GilConfig::default()
        },
        print_stats: cli.gil_stats,
        trace: cli.gil_trace,
        io_fast_path: cli.io_fast_path,
        sandbox: cli.sandbox,
    };
    let target = cli::start(&parsed, argv);
    let inspect = parsed.flags.inspect > 0;
    match target {
        Some(cli::Target::Command(code)) if !inspect => {
            let argv = std::iter::once("-c".to_string()).chain(parsed.args.iter().cloned());
            run_source(&code, "<string>", argv.collect(), &run)
        }
        Some(cli::Target::Script(file)) if !inspect || cli.dis => {
            run_file(&file, &parsed.args, cli.dis, &run)
        }
        target => {
            if run.trace.is_some() {
                eprintln!("gilvm: --gil-trace records a script or -c run, not -i, -m, stdin or the prompt");
                return ExitCode::from(2);
            }
            cli::session::run(target, &parsed, &run)
        }
    }
}

/// How to run a program (from the GIL and I/O options).
struct RunOptions {
    gil: GilConfig,
    print_stats: Option<StatsMode>,
    /// Where to write the GIL trace (`--gil-trace`).
    trace: Option<PathBuf>,
    io_fast_path: bool,
    /// `--sandbox`, `--allow-*` and the limits.
    sandbox: sandbox_cli::SandboxArgs,
}

fn run_file(file: &str, rest: &[String], dis: bool, run: &RunOptions) -> ExitCode {
    // CPython reports the script by its absolute path in tracebacks and `__file__`.
    let path = std::path::absolute(Path::new(file)).unwrap_or_else(|_| file.into());
    let display = path.display().to_string();
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(0);
            eprintln!(
                "gilvm: can't open file '{display}': [Errno {errno}] {}",
                strip_os_suffix(&e)
            );
            return ExitCode::from(2);
        }
    };
    let Ok(source) = String::from_utf8(bytes) else {
        eprintln!(
            "  File \"{display}\"\nSyntaxError: Non-UTF-8 code in file {display}; gilvm reads source as UTF-8"
        );
        return ExitCode::from(1);
    };
    if dis {
        return match gilvm::disassemble(&source, &display) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprint!("{}", error.traceback());
                ExitCode::from(1)
            }
        };
    }
    let argv = std::iter::once(file.to_string()).chain(rest.iter().cloned());
    run_source(&source, &display, argv.collect(), run)
}

fn run_source(source: &str, filename: &str, argv: Vec<String>, run: &RunOptions) -> ExitCode {
    // A syntax error ends the run before the trace starts (and writes no trace file).
    let code = match gilvm::compile(source, filename) {
        Ok(code) => code,
        Err(error) => {
            eprint!("{}", error.traceback());
            return ExitCode::from(1);
        }
    };
    let builder = Interpreter::builder()
        .argv(argv)
        .gil(run.gil)
        .io_fast_path(run.io_fast_path)
        .print_traceback(true)
        .handle_signals(true)
        .exit_after_finalize(true);
    let program = Arc::new(run.sandbox.apply(builder).build());
    if let Some(path) = &run.trace {
        if let Err(msg) = gil_cli::start_trace(&program, path) {
            eprintln!("gilvm: {msg}");
            return ExitCode::from(2);
        }
        gil_cli::finish_trace_on_sigterm(Arc::clone(&program), path.clone());
    }
    let live = match run.print_stats {
        Some(StatsMode::Every(interval)) => {
            Some(gil_cli::print_stats_every(Arc::clone(&program), interval))
        }
        _ => None,
    };
    let result = program.run_code(&code);
    drop(live);
    if run.print_stats.is_some() {
        eprint!("{}", gil_cli::stats_table(&program.gil_stats(), true));
        eprint!("{}", gil_cli::gc_line(&program.gc_stats()));
    }
    // The traceback of an uncaught exception is already printed, before the program waited
    // for its other threads; a `SystemExit` carries its status.
    let status = match &result {
        Ok(()) => 0,
        Err(error) => {
            sandbox_cli::report(error);
            error.exit_status().unwrap_or(1) as u8
        }
    };
    if let Some(path) = &run.trace {
        if let Err(msg) = gil_cli::finish_trace(&program, path) {
            eprintln!("gilvm: {msg}");
            return ExitCode::from(status.max(1));
        }
    }
    if result.is_err_and(|error| cli::interrupted(&error)) {
        cli::die_by_sigint();
    }
    ExitCode::from(status)
}

/// `No such file or directory (os error 2)` → `No such file or directory`.
fn strip_os_suffix(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
