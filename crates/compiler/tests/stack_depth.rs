//! `max_stack` is an upper bound of the depth reached by straight-line code.

mod support;

use gilvm_compiler::bytecode::CodeObject;
use gilvm_syntax::ast::{BinOp, ExprKind, Keyword, Span, StmtKind};
use support::*;

/// Simulates `code` assuming it runs from top to bottom; returns the deepest stack seen.
fn simulate_straight_line(code: &CodeObject) -> i32 {
    let mut depth = 0;
    let mut deepest = 0;
    let mut at = 0;
    while let Some(instr) = code.instructions.get(at) {
        // A superinstruction runs the next instruction too.
        at += instr.width();
        assert!(
            instr.jump_target().is_none(),
            "not straight-line: {instr:?}"
        );
        depth += instr.stack_effect(false);
        assert!(depth >= 0, "stack underflow at {instr:?}");
        deepest = deepest.max(depth);
    }
    assert_eq!(depth, 0, "return pops the last value");
    deepest
}

fn check(code: &CodeObject) {
    let deepest = simulate_straight_line(code);
    assert!(
        code.max_stack as i32 >= deepest,
        "{} < {deepest}",
        code.max_stack
    );
    assert!(deepest > 0);
}

#[test]
fn straight_line_programs_fit_in_max_stack() {
    let nested = bin(
        name("a"),
        BinOp::Add,
        bin(
            name("b"),
            BinOp::Mult,
            bin(name("c"), BinOp::Sub, name("d")),
        ),
    );
    let dict = e(ExprKind::Dict {
        keys: vec![Some(string("k")), None],
        values: vec![name("v"), name("m")],
    });
    let kwargs = vec![Keyword {
        arg: Some("x".into()),
        value: list(vec![name("a"), starred(name("b"))]),
        span: Span::default(),
    }];
    let programs = vec![
        vec![assign(name("x"), nested)],
        vec![expr(call_kw(
            attr(name("o"), "f"),
            vec![int(1), dict],
            kwargs,
        ))],
        vec![assign(
            tuple(vec![name("a"), starred(name("b")), name("c")]),
            tuple(vec![name("x"), name("y"), name("z")]),
        )],
        vec![s(StmtKind::AugAssign {
            target: subscript(attr(name("a"), "b"), name("i")),
            op: BinOp::Pow,
            value: call(name("f"), vec![name("x"), name("y")]),
        })],
    ];
    for body in programs {
        check(&compile(body));
    }
}
