//! Hostile nesting: every deep input ends in CPython's error (or compiles), never in a native
//! stack overflow — also on a thread with a small stack, as an embedding host may compile on.

use gilvm_compiler::compile_source;
use gilvm_syntax::SyntaxErrorKind::{self, MemoryError, RecursionError};

/// Compiles `source` on a thread with a `stack_kib` KiB stack; the error's kind, if any.
fn compile_on_small_stack(source: String, stack_kib: usize) -> Option<SyntaxErrorKind> {
    std::thread::Builder::new()
        .stack_size(stack_kib * 1024)
        .spawn(move || compile_source(&source, "deep.py").err().map(|e| e.kind))
        .unwrap()
        .join()
        .unwrap()
}

fn chain(prefix: &str, unit: &str, n: usize, suffix: &str) -> String {
    format!("{prefix}{}{suffix}\n", unit.repeat(n))
}

fn elifs(n: usize) -> String {
    format!("if x:\n pass\n{}", "elif x:\n pass\n".repeat(n))
}

/// The kinds CPython 3.11 gives for each (checked with `python3 FILE`).
#[test]
fn deep_chains_raise_cpythons_errors_on_a_small_stack() {
    let cases: Vec<(&str, String, Option<SyntaxErrorKind>)> = vec![
        (
            "unary 20k",
            chain("x = ", "-", 20_000, "1"),
            Some(MemoryError),
        ),
        (
            "not 50k",
            chain("x = ", "not ", 50_000, "1"),
            Some(MemoryError),
        ),
        (
            "add 20k",
            format!("x = 1{}\n", "+1".repeat(20_000)),
            Some(RecursionError),
        ),
        (
            "attribute 20k",
            chain("x = a", ".b", 20_000, ""),
            Some(RecursionError),
        ),
        (
            "call 20k",
            chain("x = f", "()", 20_000, ""),
            Some(RecursionError),
        ),
        (
            "subscript 20k",
            chain("x = a", "[0]", 20_000, ""),
            Some(RecursionError),
        ),
        (
            "ternary 20k",
            chain("x = ", "1 if 1 else ", 20_000, "1"),
            Some(MemoryError),
        ),
        ("elif 20k", elifs(20_000), Some(MemoryError)),
        ("elif 5000", elifs(5_000), Some(RecursionError)),
        (
            "lambda 10k",
            chain("f = ", "lambda: ", 10_000, "1"),
            Some(MemoryError),
        ),
        ("lambda 2900", chain("f = ", "lambda: ", 2_900, "1"), None),
        (
            "power 3000",
            format!("x = 2{}\n", "**2".repeat(3_000)),
            Some(MemoryError),
        ),
        // Found by the fuzzer: the f-string token was cloned, recursively, by the parser.
        (
            "f-string power 50k",
            format!("x = f\"{{2{}}}\"\n", "**2".repeat(50_000)),
            Some(MemoryError),
        ),
        (
            "f-string attribute 20k",
            format!("x = f'{{a{}}}'\n", ".b".repeat(20_000)),
            Some(RecursionError),
        ),
        // The deepest CPython still compiles: 3,000 levels of statements and expressions.
        ("unary 2998", chain("x = ", "-", 2_998, "1"), None),
        (
            "unary 2999",
            chain("x = ", "-", 2_999, "1"),
            Some(RecursionError),
        ),
        ("add 2999", format!("x = 1{}\n", "+1".repeat(2_998)), None),
        ("attribute 2998", chain("x = a", ".b", 2_998, ""), None),
        ("lambda 1400", chain("f = ", "lambda: ", 1_400, "1"), None),
        ("elif 2990", elifs(2_990), None),
    ];
    for (name, source, expected) in cases {
        assert_eq!(compile_on_small_stack(source, 1024), expected, "{name}");
    }
}

#[test]
fn a_50k_chain_does_not_abort_a_256k_thread() {
    let source = chain("x = ", "-", 50_000, "1");
    assert_eq!(compile_on_small_stack(source, 256), Some(MemoryError));
    let source = chain("x = a", ".b", 50_000, "");
    assert_eq!(compile_on_small_stack(source, 256), Some(RecursionError));
}

#[test]
fn deep_errors_are_reported_without_a_location() {
    let error = compile_source(&chain("x = a", ".b", 5_000, ""), "deep.py").unwrap_err();
    assert_eq!(
        error.report("deep.py", ""),
        "RecursionError: maximum recursion depth exceeded during compilation\n"
    );
    let error = compile_source(&chain("x = ", "-", 9_000, "1"), "deep.py").unwrap_err();
    assert_eq!(error.report("deep.py", ""), "MemoryError\n");
}
