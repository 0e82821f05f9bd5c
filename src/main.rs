//! The `gilvm` command: runs a Python script, a `-c` string, or disassembles a file.
//!
//! Exit status, as CPython's: 0 on success, 1 after an uncaught exception or a syntax error,
//! the `sys.exit` code, and 2 on a usage error (including a script that cannot be opened).

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use gilvm_compiler::bytecode::CodeObject;
use gilvm_vm::{GilConfig, Interpreter, InterpreterConfig, Policy, RunError};

mod gil_cli;

/// Run Python 3 programs on gilvm, a bytecode VM with a real global interpreter lock.
#[derive(Parser, Debug)]
#[command(name = "gilvm", version, about, trailing_var_arg = true)]
struct Cli {
    /// Program passed in as a string (terminates the option list).
    #[arg(short = 'c', value_name = "CODE", conflicts_with = "dis")]
    command: Option<String>,

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

    /// Print the GIL's counters per thread to stderr at exit.
    #[arg(long)]
    gil_stats: bool,

    /// The script to run, followed by its arguments (`sys.argv[1:]`).
    #[arg(value_name = "FILE [ARGS]...", allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let run = RunOptions {
        gil: GilConfig {
            policy: cli.gil,
            switch_interval: cli.switch_interval,
            check_interval: cli.check_interval,
            ..GilConfig::default()
        },
        print_stats: cli.gil_stats,
    };
    match (&cli.command, cli.args.split_first()) {
        (Some(code), _) => {
            let argv = std::iter::once("-c".to_string()).chain(cli.args.iter().cloned());
            run_source(code, "<string>", argv.collect(), &run)
        }
        (None, Some((file, rest))) => run_file(file, rest, cli.dis, &run),
        (None, None) => {
            eprintln!("gilvm: no script given (interactive mode is not supported); see --help");
            ExitCode::from(2)
        }
    }
}

/// How to run a program (from the GIL options).
struct RunOptions {
    gil: GilConfig,
    print_stats: bool,
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
        return match compile(&source, &display) {
            Some(code) => {
                print!("{}", gilvm_compiler::disassemble(&code));
                ExitCode::SUCCESS
            }
            None => ExitCode::from(1),
        };
    }
    let argv = std::iter::once(file.to_string()).chain(rest.iter().cloned());
    run_source(&source, &display, argv.collect(), run)
}

fn run_source(source: &str, filename: &str, argv: Vec<String>, run: &RunOptions) -> ExitCode {
    let Some(code) = compile(source, filename) else {
        return ExitCode::from(1);
    };
    let config = InterpreterConfig {
        argv,
        gil: run.gil,
        print_traceback: true,
        ..InterpreterConfig::default()
    };
    let interpreter = Interpreter::new(config);
    let result = interpreter.run_main(code, source);
    if run.print_stats {
        eprint!("{}", gil_cli::stats_table(&interpreter.gil_stats()));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // Already printed, before the VM waited for the other threads.
        Err(RunError::Exception { .. }) => ExitCode::from(1),
        Err(RunError::Exit(status)) => ExitCode::from(status as u8),
    }
}

/// Compiles, printing CPython's report of a syntax error to stderr on failure.
fn compile(source: &str, filename: &str) -> Option<Arc<CodeObject>> {
    match gilvm_compiler::compile_source(source, filename) {
        Ok(code) => Some(code),
        Err(error) => {
            eprint!("{}", error.report(filename, source));
            None
        }
    }
}

/// `No such file or directory (os error 2)` → `No such file or directory`.
fn strip_os_suffix(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
