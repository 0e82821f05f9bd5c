//! The parser never panics, and handles large realistic programs quickly.

use gilvm_syntax::ast::StmtKind;
use gilvm_syntax::parse_module;
use proptest::prelude::*;

const REALISTIC: &str = include_str!("data/realistic.py");

#[test]
fn realistic_program_parses() {
    let module = parse_module(REALISTIC)
        .unwrap_or_else(|e| panic!("{}", e.report("realistic.py", REALISTIC)));
    let classes = module
        .body
        .iter()
        .filter(|s| matches!(s.kind, StmtKind::ClassDef(_)))
        .count();
    let functions = module
        .body
        .iter()
        .filter(|s| matches!(s.kind, StmtKind::FunctionDef(_)))
        .count();
    assert_eq!((classes, functions), (2, 4));
}

#[test]
fn ten_thousand_lines_parse() {
    let mut source = String::new();
    while source.lines().count() < 10_000 {
        source.push_str(REALISTIC);
    }
    let started = std::time::Instant::now();
    let module = parse_module(&source).expect("parses");
    assert!(module.body.len() > 1000);
    // Generous for unoptimised test builds; a release build takes a few milliseconds.
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_text_never_panics(source in "\\PC{0,200}") {
        let _ = parse_module(&source);
    }

    #[test]
    fn python_like_text_never_panics(
        source in "([a-z]{1,3}|[0-9._xjeob]{1,4}|[ \\t\\n]|[-+*/%@&|^~<>=!:;,.()\\[\\]{}]{1,2}|['\"]|\\\\|#|f'|b\"|if|else|def|for|in|lambda|yield|\\{|\\}){0,60}"
    ) {
        let _ = parse_module(&source);
    }

    #[test]
    fn truncated_programs_never_panic(cut in 0usize..REALISTIC.len()) {
        let end = (0..=cut).rev().find(|&i| REALISTIC.is_char_boundary(i)).unwrap_or(0);
        let _ = parse_module(&REALISTIC[..end]);
    }
}
