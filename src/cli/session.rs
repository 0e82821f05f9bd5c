//! Runs that go on in one `gilvm::Interpreter` session: the interactive prompt, `-i` after a
//! script or `-c`, `-m module`, and a script piped on stdin.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gilvm::{GilConfig, Interpreter, Policy, PyResult};

use super::{Parsed, Target};
use crate::repl;

/// Runs `target` (`None`: only the prompt), then the prompt when asked (`-i`,
/// `PYTHONINSPECT`) or when nothing else was given; returns the exit status.
pub fn run(target: Option<Target>, parsed: &Parsed, run: &crate::RunOptions) -> ExitCode {
    let gil = &run.gil;
    let stats = run.print_stats.is_some();
    let module = match &target {
        Some(Target::Module(name)) => match find_module(name, parsed) {
            Some(found) => Some(found),
            None => {
                eprintln!("gilvm: No module named {name}");
                return ExitCode::from(1);
            }
        },
        _ => None,
    };
    let argv0 = match (&target, &module) {
        (Some(Target::Script(file)), _) => file.clone(),
        (Some(Target::Command(_)), _) => "-c".to_string(),
        (Some(Target::Module(_)), Some(found)) => found.file.to_string_lossy().into_owned(),
        (Some(Target::Stdin { dash: true }), _) => "-".to_string(),
        _ => String::new(),
    };
    let argv = std::iter::once(argv0).chain(parsed.args.iter().cloned());
    let builder = Interpreter::builder()
        .policy(gil.policy)
        .switch_interval(gil.switch_interval)
        .check_interval(gil.check_interval)
        .io_fast_path(run.io_fast_path)
        .handle_signals(true)
        .exit_after_finalize(true)
        .argv(argv.collect());
    let interp = run.sandbox.apply(builder).build();
    let inspect = parsed.flags.inspect > 0;
    let result = match (&target, module) {
        (Some(Target::Script(file)), _) => {
            let path = std::path::absolute(file).unwrap_or_else(|_| PathBuf::from(file));
            if let Err(e) = std::fs::metadata(&path) {
                let errno = e.raw_os_error().unwrap_or(0);
                let reason = e.to_string();
                let reason = reason.split(" (os error").next().unwrap_or_default();
                eprintln!(
                    "gilvm: can't open file '{}': [Errno {errno}] {reason}",
                    path.display()
                );
                return ExitCode::from(2);
            }
            interp.with_gil(|py| py.run_file(&path).map(drop))
        }
        (Some(Target::Command(code)), _) => {
            interp.with_gil(|py| py.run_module(code, "<string>", "__main__").map(drop))
        }
        (Some(Target::Module(_)), Some(found)) => run_module(&interp, &found),
        (Some(Target::Stdin { .. }), _) if !inspect || !std::io::stdin().is_terminal() => {
            if inspect {
                // `-i` with a pipe: the prompt reads the pipe's lines.
                Ok(())
            } else {
                let mut source = String::new();
                match std::io::stdin().read_to_string(&mut source) {
                    Ok(_) => interp.with_gil(|py| py.run_stdin(&source)),
                    Err(e) => {
                        eprintln!("gilvm: can't read stdin: {e}");
                        return ExitCode::from(2);
                    }
                }
            }
        }
        _ => Ok(()),
    };
    let mut status = 0;
    let prompt = inspect || target.is_none();
    if let Err(error) = result {
        if let Some(code) = error.exit_status() {
            return finish(&interp, stats, code);
        }
        eprint!("{}", error.traceback());
        crate::sandbox_cli::report(&error);
        status = 1;
        if !prompt && super::interrupted(&error) {
            finish(&interp, stats, status);
            interp.finalize();
            super::die_by_sigint();
        }
    }
    if prompt {
        let options = repl::Options {
            quiet: parsed.flags.quiet > 0 || (target.is_some() && !inspect),
            gil: describe(gil),
        };
        status = repl::run(&interp, &options);
    }
    finish(&interp, stats, status)
}

fn finish(interp: &Interpreter, stats: bool, status: i32) -> ExitCode {
    if stats {
        eprint!("{}", crate::gil_cli::stats_table(&interp.gil_stats(), true));
        eprint!("{}", crate::gil_cli::gc_line(&interp.gc_stats()));
    }
    ExitCode::from(status.clamp(0, 255) as u8)
}

/// The banner's words for the GIL settings.
fn describe(gil: &GilConfig) -> String {
    match gil.policy {
        Policy::Tick => format!("tick, check interval {}", gil.check_interval),
        Policy::Timeout => format!("timeout, switch interval {:?}", gil.switch_interval),
        Policy::Priority => format!("priority, switch interval {:?}", gil.switch_interval),
    }
}

/// A module `-m` runs: its file, and its package (`__package__`).
struct FoundModule {
    file: PathBuf,
    package: String,
}

/// `NAME.py`, or `NAME/__main__.py` for a package, in the current directory (unless `-P`)
/// and `PYTHONPATH`, dots being directories.
fn find_module(name: &str, parsed: &Parsed) -> Option<FoundModule> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if !parsed.flags.safe_path {
        dirs.push(std::env::current_dir().ok()?);
    }
    dirs.extend(
        super::pythonpath(&parsed.flags)
            .into_iter()
            .map(PathBuf::from),
    );
    let relative: PathBuf = name.split('.').collect();
    let parent = name.rsplit_once('.').map_or("", |(p, _)| p);
    for dir in dirs {
        let file = dir.join(&relative).with_extension("py");
        if file.is_file() {
            return Some(FoundModule {
                file,
                package: parent.to_string(),
            });
        }
        let main = dir.join(&relative).join("__main__.py");
        if main.is_file() {
            return Some(FoundModule {
                file: main,
                package: name.to_string(),
            });
        }
    }
    None
}

/// Runs a module found by `-m` as `__main__`, after importing its package.
fn run_module(interp: &Interpreter, found: &FoundModule) -> PyResult<()> {
    let file = found.file.to_string_lossy().into_owned();
    let source = std::fs::read_to_string(Path::new(&file))
        .map_err(|e| gilvm::PyErr::new("OSError", e.to_string()))?;
    interp.with_gil(|py| {
        if !found.package.is_empty() {
            py.import(&found.package)?;
        }
        let main = py.run_module("", &file, "__main__")?;
        if !found.package.is_empty() {
            main.setattr("__package__", found.package.as_str())?;
        }
        py.run_module(&source, &file, "__main__").map(drop)
    })
}
