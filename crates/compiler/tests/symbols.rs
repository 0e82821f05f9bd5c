//! Name classification: fast locals, globals, cells and free variables, class cells.

mod support;

use gilvm_compiler::bytecode::Instruction::*;
use gilvm_syntax::ast::StmtKind;
use support::*;

#[test]
fn nonlocal_and_parameters_become_cells() {
    // def outer(p):
    //     x = 1
    //     def inner():
    //         nonlocal x
    //         x = p
    //         return y
    //     return inner
    let inner_body = vec![
        s(StmtKind::Nonlocal(vec!["x".into()])),
        assign(name("x"), name("p")),
        ret(Some(name("y"))),
    ];
    let outer_body = vec![
        assign(name("x"), int(1)),
        def("inner", &[], inner_body),
        ret(Some(name("inner"))),
    ];
    let module = compile(vec![def("outer", &["p"], outer_body)]);
    let outer = inner(&module, 0);
    assert_eq!(names(&outer.cellvars), ["p", "x"]);
    assert!(outer.freevars.is_empty());
    assert_eq!(names(&outer.varnames), ["p", "inner"]);
    // prologue copies the parameter into its cell
    assert_eq!(outer.instructions[..2], [LoadFast(0), StoreDeref(0)]);
    assert!(outer
        .instructions
        .windows(3)
        .any(|w| w == [LoadClosure(0), LoadClosure(1), BuildTuple(2)]));
    let f = inner(&outer, 0);
    assert_eq!(names(&f.freevars), ["p", "x"]);
    assert!(f.cellvars.is_empty());
    assert_eq!(f.instructions[..2], [LoadDeref(0), StoreDeref(1)]);
    assert_eq!(f.instructions[2], LoadGlobal(0));
    assert_eq!(names(&f.names), ["y"]);
}

#[test]
fn global_declaration_in_function_uses_global_ops() {
    let body = vec![
        s(StmtKind::Global(vec!["g".into()])),
        assign(name("g"), int(1)),
        assign(name("l"), name("g")),
    ];
    let module = compile(vec![def("f", &[], body)]);
    let f = inner(&module, 0);
    assert_eq!(
        f.instructions[..4],
        [LoadConst(1), StoreGlobal(0), LoadGlobal(0), StoreFast(0)]
    );
}

#[test]
fn class_scope_is_invisible_to_methods() {
    // class C:
    //     x = 1
    //     def m(self): return x
    let module = compile(vec![class(
        "C",
        vec![
            assign(name("x"), int(1)),
            def("m", &["self"], vec![ret(Some(name("x")))]),
        ],
    )]);
    let body = inner(&module, 0);
    let m = inner(&body, 0);
    assert_eq!(m.instructions[0], LoadGlobal(0));
    assert_eq!(m.qualname.as_ref(), "C.m");
    assert!(body.cellvars.is_empty());
    assert_eq!(
        body.instructions[..4],
        [LoadName(0), StoreName(1), LoadConst(0), StoreName(2)]
    );
    assert_eq!(
        names(&body.names)[..3],
        ["__name__", "__module__", "__qualname__"]
    );
}

#[test]
fn super_gives_the_class_a_class_cell() {
    let call_super = call(attr(call(name("super"), vec![]), "m"), vec![]);
    let module = compile(vec![class(
        "C",
        vec![def("m", &["self"], vec![ret(Some(call_super))])],
    )]);
    let body = inner(&module, 0);
    assert_eq!(names(&body.cellvars), ["__class__"]);
    let n = body.instructions.len();
    assert_eq!(body.instructions[n - 2..], [LoadClosure(0), ReturnValue]);
    let m = inner(&body, 0);
    assert_eq!(names(&m.freevars), ["__class__"]);
}

#[test]
fn class_in_function_reads_enclosing_names_through_class_deref() {
    // def f():
    //     x = 1
    //     class C:
    //         y = x
    let module = compile(vec![def(
        "f",
        &[],
        vec![
            assign(name("x"), int(1)),
            class("C", vec![assign(name("y"), name("x"))]),
        ],
    )]);
    let f = inner(&module, 0);
    assert_eq!(names(&f.cellvars), ["x"]);
    let body = inner(&f, 0);
    assert_eq!(names(&body.freevars), ["x"]);
    assert!(body.instructions.contains(&LoadClassDeref(0)));
    assert_eq!(body.qualname.as_ref(), "f.<locals>.C");
}

#[test]
fn comprehension_is_a_function_and_walrus_binds_outside() {
    // def f(): return [(z := x) for x in y], z
    let comp = listcomp(walrus("z", name("x")), name("x"), name("y"));
    let module = compile(vec![def(
        "f",
        &[],
        vec![ret(Some(tuple(vec![comp, name("z")])))],
    )]);
    let f = inner(&module, 0);
    assert_eq!(names(&f.cellvars), ["z"]);
    let comp = inner(&f, 0);
    assert_eq!(comp.name.as_ref(), "<listcomp>");
    assert_eq!(comp.qualname.as_ref(), "f.<locals>.<listcomp>");
    assert_eq!(names(&comp.varnames), [".0", "x"]);
    assert_eq!(names(&comp.freevars), ["z"]);
    assert_eq!(comp.arg_count, 1);
    // the first iterator is evaluated outside: GetIter then Call(1)
    let n = f
        .instructions
        .iter()
        .position(|i| *i == GetIter)
        .expect("GetIter");
    assert_eq!(f.instructions[n - 1], LoadGlobal(0));
    assert_eq!(f.instructions[n + 1], Call(1));
    assert!(comp.instructions.contains(&StoreDeref(0)));
    assert!(comp.instructions.contains(&ListAppend(2)));
}

#[test]
fn module_level_names_use_name_ops() {
    let code = compile(vec![assign(name("a"), name("b"))]);
    assert_eq!(code.instructions[..2], [LoadName(0), StoreName(1)]);
}
