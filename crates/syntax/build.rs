//! Generates the parser from the grammar in the workspace's top-level `grammar/` directory.

use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let grammar_dir = manifest_dir.join("../../grammar");
    let out_dir = std::env::var("OUT_DIR").expect("set by cargo");
    println!("cargo:rerun-if-changed={}", grammar_dir.display());
    lalrpop::Configuration::new()
        .set_in_dir(&grammar_dir)
        .set_out_dir(out_dir)
        .emit_rerun_directives(true)
        .process()
        .expect("the grammar in grammar/ must be valid");
}
