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

/// Walks every path of `code` from an empty stack: each instruction is reached at one depth
/// only, no path pops below empty, and every depth fits in `max_stack`. The eval loop pushes
/// and pops without checks on the strength of this bound.
fn verify_all_paths(code: &CodeObject) {
    let mut depth_at: Vec<Option<i32>> = vec![None; code.instructions.len()];
    let mut work = vec![(0usize, 0i32)];
    let name = &code.qualname;
    while let Some((i, depth)) = work.pop() {
        let instr = code.instructions[i];
        match depth_at[i] {
            Some(d) => {
                assert_eq!(d, depth, "{name}: {instr:?} at {i} reached at two depths");
                continue;
            }
            None => depth_at[i] = Some(depth),
        }
        let mut edges = Vec::new();
        if let Some(target) = instr.jump_target() {
            edges.push((target as usize, depth + instr.stack_effect(true)));
        }
        if !instr.ends_flow() {
            edges.push((i + instr.width(), depth + instr.stack_effect(false)));
        }
        for (next, after) in edges {
            assert!(after >= 0, "{name}: stack underflow at {i} {instr:?}");
            assert!(
                after <= code.max_stack as i32,
                "{name}: depth {after} after {i} {instr:?} > max_stack {}",
                code.max_stack
            );
            work.push((next, after));
        }
    }
}

fn walk(code: &CodeObject, f: &mut impl FnMut(&CodeObject)) {
    f(code);
    for constant in &code.constants {
        if let gilvm_compiler::bytecode::Constant::Code(inner) = constant {
            walk(inner, f);
        }
    }
}

#[test]
fn every_test_program_fits_in_max_stack() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs");
    let mut dirs = vec![root];
    let mut checked = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("tests/programs is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "py") {
                continue;
            }
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            // Programs about syntax errors do not compile; the others must verify.
            if let Ok(module) = gilvm_compiler::compile_source(&source, "t.py") {
                walk(&module, &mut verify_all_paths);
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} programs found");
}
