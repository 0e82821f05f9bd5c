//! Shared by `tests/cli.rs` and `tests/trace.rs`: runs the built `gilvm` binary from the
//! package root and reads its output.

use std::process::{Command, Output};

/// Runs `gilvm` with `args` in the package root and waits for it.
pub fn gilvm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gilvm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("gilvm runs")
}

/// A child's stdout or stderr as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
