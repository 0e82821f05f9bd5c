//! Runs a Python file with the gilvm interpreter: `cargo run -p gilvm-vm --example run FILE`.

use std::process::ExitCode;

use gilvm_vm::embed::Session;
use gilvm_vm::{Config, RunError};

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = argv.first() else {
        eprintln!("usage: run FILE [ARGS...]");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let code = match gilvm_compiler::compile_source(&source, path) {
        Ok(c) => c,
        Err(e) => {
            eprint!("{}", e.report(path, &source));
            return ExitCode::from(1);
        }
    };
    let session = Session::new(Config {
        argv: argv.clone(),
        print_traceback: true,
        ..Config::default()
    });
    match session.run_main(code, &source) {
        Ok(()) => ExitCode::SUCCESS,
        Err(RunError::Exception { .. }) => ExitCode::from(1),
        Err(RunError::Exit(n)) => ExitCode::from(n as u8),
    }
}
