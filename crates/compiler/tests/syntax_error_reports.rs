//! The repository's syntax-error programs: `SyntaxError::report_file` prints exactly what
//! CPython 3.11 printed for them (recorded in `tests/programs/syntax_errors/*.stderr`, with
//! `$ROOT` standing for the repository's path).

use std::fs;
use std::path::Path;

use gilvm_compiler::compile_source;

#[test]
fn reports_match_the_recorded_cpython_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs/syntax_errors");
    let mut programs: Vec<_> = fs::read_dir(&dir)
        .expect("the corpus directory")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "py"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty(), "no programs in {}", dir.display());
    let mut mismatches = Vec::new();
    for program in &programs {
        let name = program
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a name");
        let source = fs::read_to_string(program).expect("the program");
        let expected = fs::read_to_string(program.with_extension("stderr")).expect("its .stderr");
        let filename = format!("$ROOT/tests/programs/syntax_errors/{name}");
        let got = match compile_source(&source, &filename) {
            Ok(_) => "(compiles)".to_string(),
            Err(error) => error.report_file(&filename, &source),
        };
        if got != expected {
            mismatches.push(format!("{name}:\n--- expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
