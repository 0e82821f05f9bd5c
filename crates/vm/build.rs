//! Compiles the embedded standard library (every `.py` file under `src/stdlib`) to code
//! objects once, at build time, so that importing one decodes bytes instead of parsing and
//! compiling its source (`stdlib::frozen`). Writes `$OUT_DIR/frozen_stdlib.bin` (the code
//! objects, one after another) and `$OUT_DIR/frozen_stdlib.rs` (the index, keyed by the hash
//! of each source text).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use gilvm_compiler::frozen::{encode, source_hash};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/stdlib");
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut files = Vec::new();
    python_files(&manifest.join("src/stdlib"), &mut files);
    files.sort();
    let mut bytes = Vec::new();
    let mut index = Vec::new();
    for path in &files {
        // A module that is not text or does not compile stays source: its import reports it.
        let Ok(source) = fs::read_to_string(path) else {
            continue;
        };
        let Ok(code) = gilvm_compiler::compile_source(&source, "<frozen>") else {
            continue;
        };
        let start = bytes.len();
        bytes.extend(encode(&code));
        index.push((source_hash(&source), source.len(), start, bytes.len()));
    }
    index.sort();
    index.dedup_by_key(|entry| entry.0);
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("frozen_stdlib.bin"), &bytes).expect("OUT_DIR is writable");
    let mut rs = String::from("&[\n");
    for (hash, len, start, end) in index {
        writeln!(rs, "    ({hash:#x}, {len}, {start}, {end}),").unwrap();
    }
    rs.push(']');
    fs::write(out.join("frozen_stdlib.rs"), rs).expect("OUT_DIR is writable");
}

fn python_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/stdlib is readable") {
        let path = entry.expect("src/stdlib is readable").path();
        if path.is_dir() {
            python_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "py") {
            files.push(path);
        }
    }
}
