//! Compile-time `SyntaxError`s with CPython's messages.

mod support;

use gilvm_syntax::ast::StmtKind;
use support::*;

fn message(body: Vec<gilvm_syntax::ast::Stmt>) -> String {
    compile_err(body).message
}

#[test]
fn return_outside_function() {
    assert_eq!(message(vec![ret(None)]), "'return' outside function");
    let in_class = class("C", vec![ret(None)]);
    assert_eq!(message(vec![in_class]), "'return' outside function");
}

#[test]
fn break_and_continue_outside_loop() {
    assert_eq!(message(vec![s(StmtKind::Break)]), "'break' outside loop");
    assert_eq!(
        message(vec![s(StmtKind::Continue)]),
        "'continue' not properly in loop"
    );
    // a loop in an enclosing function does not count
    let nested = while_(boolean(true), vec![def("f", &[], vec![s(StmtKind::Break)])]);
    assert_eq!(message(vec![nested]), "'break' outside loop");
}

#[test]
fn yield_outside_function() {
    assert_eq!(
        message(vec![expr(yield_(None))]),
        "'yield' outside function"
    );
}

#[test]
fn global_after_use() {
    let body = vec![expr(name("x")), s(StmtKind::Global(vec!["x".into()]))];
    assert_eq!(
        message(vec![def("f", &[], body)]),
        "name 'x' is used prior to global declaration"
    );
}

#[test]
fn nonlocal_errors() {
    assert_eq!(
        message(vec![s(StmtKind::Nonlocal(vec!["x".into()]))]),
        "nonlocal declaration not allowed at module level"
    );
    let body = vec![s(StmtKind::Nonlocal(vec!["x".into()]))];
    assert_eq!(
        message(vec![def("f", &[], body)]),
        "no binding for nonlocal 'x' found"
    );
}

#[test]
fn starred_assignment_errors() {
    assert_eq!(
        message(vec![assign(starred(name("a")), name("b"))]),
        "starred assignment target must be in a list or tuple"
    );
    let two = tuple(vec![starred(name("a")), starred(name("b"))]);
    assert_eq!(
        message(vec![assign(two, name("c"))]),
        "multiple starred expressions in assignment"
    );
}

#[test]
fn duplicate_parameter_and_keyword() {
    assert_eq!(
        message(vec![def("f", &["a", "a"], vec![])]),
        "duplicate argument 'a' in function definition"
    );
    let kws = vec![keyword(Some("k"), int(1)), keyword(Some("k"), int(2))];
    assert_eq!(
        message(vec![expr(call_kw(name("f"), vec![], kws))]),
        "keyword argument repeated: k"
    );
}

#[test]
fn errors_carry_one_based_columns() {
    let error = compile_err(vec![ret(None)]);
    assert_eq!((error.line, error.column), (1, 1));
}
