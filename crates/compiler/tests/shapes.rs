//! Instruction sequences of key shapes, on hand-built ASTs.

mod support;

use gilvm_compiler::bytecode::{
    BinaryOperator, CodeFlags, Comparison, Constant, Instruction::*, MakeFunctionFlags,
};
use gilvm_syntax::ast::{BinOp, CmpOp, StmtKind};
use support::*;

#[test]
fn chained_comparison_evaluates_middle_once() {
    let code = compile(vec![expr(compare(
        name("a"),
        vec![(CmpOp::Lt, name("b")), (CmpOp::Lt, name("c"))],
    ))]);
    let less = CompareOp(Comparison::Less);
    assert_eq!(
        code.instructions,
        vec![
            LoadName(0),
            LoadName(1),
            DupTop,
            RotThree,
            less,
            JumpIfFalseOrPop(9),
            LoadName(2),
            less,
            Jump(11),
            RotTwo,
            PopTop,
            PopTop,
            LoadConst(0),
            ReturnValue,
        ]
    );
}

#[test]
fn return_inside_try_finally_runs_the_final_body_first() {
    let body = vec![try_(
        vec![ret(Some(call(name("g"), vec![])))],
        vec![],
        vec![expr(call(name("h"), vec![]))],
    )];
    let module = compile(vec![def("f", &[], body)]);
    let f = inner(&module, 0);
    assert_eq!(f.constants[0], Constant::None, "no docstring: None first");
    assert_eq!(
        f.instructions,
        vec![
            SetupFinally(13),
            LoadGlobal(0),
            Call(0),
            PopBlock,
            LoadGlobal(1),
            Call(0),
            PopTop,
            ReturnValue,
            PopBlock,
            LoadGlobal(1),
            Call(0),
            PopTop,
            Jump(17),
            LoadGlobal(1),
            Call(0),
            PopTop,
            Reraise,
            LoadConst(0),
            ReturnValue,
        ]
    );
}

#[test]
fn augmented_subscript_evaluates_container_and_index_once() {
    let code = compile(vec![s(StmtKind::AugAssign {
        target: subscript(name("a"), name("i")),
        op: BinOp::Add,
        value: int(1),
    })]);
    assert_eq!(
        code.instructions[..8],
        [
            LoadName(0),
            LoadName(1),
            DupTopTwo,
            BinarySubscr,
            LoadConst(0),
            InplaceOp(BinaryOperator::Add),
            RotThree,
            StoreSubscr,
        ]
    );
}

#[test]
fn augmented_attribute_evaluates_object_once() {
    let code = compile(vec![s(StmtKind::AugAssign {
        target: attr(name("o"), "x"),
        op: BinOp::Mult,
        value: int(2),
    })]);
    assert_eq!(
        code.instructions[..7],
        [
            LoadName(0),
            DupTop,
            LoadAttr(1),
            LoadConst(0),
            InplaceOp(BinaryOperator::Multiply),
            RotTwo,
            StoreAttr(1),
        ]
    );
}

#[test]
fn constants_are_deduplicated_but_distinct_by_type_and_sign() {
    let values = vec![
        int(1),
        float(1.0),
        boolean(true),
        float(0.0),
        neg(float(0.0)),
        int(1),
        float(-0.0),
    ];
    let code = compile(vec![expr(list(values))]);
    assert_eq!(
        code.constants[..5],
        [
            Constant::Int(1),
            Constant::Float(1.0),
            Constant::Bool(true),
            Constant::Float(0.0),
            Constant::Float(-0.0),
        ]
    );
    let loads: Vec<_> = code.instructions[..7].to_vec();
    assert_eq!(
        loads,
        vec![
            LoadConst(0),
            LoadConst(1),
            LoadConst(2),
            LoadConst(3),
            LoadConst(4),
            LoadConst(0),
            LoadConst(4),
        ]
    );
}

#[test]
fn big_ints_and_constant_tuples() {
    let big = gilvm_syntax::ast::Constant::Int(num_bigint::BigInt::from(i64::MAX) * 4);
    let code = compile(vec![expr(tuple(vec![
        int(1),
        neg(int(2)),
        e(gilvm_syntax::ast::ExprKind::Constant(big)),
    ]))]);
    let Constant::Tuple(items) = &code.constants[0] else {
        panic!("folded tuple expected, got {:?}", code.constants);
    };
    assert_eq!(items[0], Constant::Int(1));
    assert_eq!(items[1], Constant::Int(-2));
    assert!(matches!(items[2], Constant::BigInt(_)));
}

#[test]
fn starred_unpacking_uses_unpack_ex() {
    let target = tuple(vec![name("a"), starred(name("b")), name("c"), name("d")]);
    let code = compile(vec![assign(target, name("x"))]);
    assert_eq!(code.instructions[1], UnpackEx(1 | (2 << 8)));
}

#[test]
fn method_calls_use_load_method_and_keywords_use_call_kw() {
    let code = compile(vec![
        expr(call(attr(name("o"), "m"), vec![int(1)])),
        expr(call_kw(
            name("f"),
            vec![int(1)],
            vec![keyword(Some("k"), int(2))],
        )),
    ]);
    assert_eq!(
        code.instructions[..4],
        [LoadName(0), LoadMethod(1), LoadConst(0), CallMethod(1)]
    );
    assert_eq!(code.instructions[9], CallKw(2));
    let kwnames = Constant::Tuple(vec![Constant::Str("k".into())].into());
    assert!(code.constants.contains(&kwnames));
}

#[test]
fn star_args_build_a_tuple_and_a_dict() {
    let code = compile(vec![expr(call_kw(
        name("f"),
        vec![int(1), starred(name("xs"))],
        vec![keyword(Some("k"), int(2)), keyword(None, name("m"))],
    ))]);
    assert_eq!(
        code.instructions[..14],
        [
            LoadName(0),
            BuildList(0),
            LoadConst(0),
            ListAppend(1),
            LoadName(1),
            ListExtend(1),
            ListToTuple,
            BuildMap(0),
            LoadConst(1),
            LoadConst(2),
            BuildMap(1),
            DictMerge(1),
            LoadName(2),
            DictMerge(1),
        ]
    );
    assert_eq!(code.instructions[14], CallFunctionEx(1));
}

#[test]
fn generator_functions_are_flagged() {
    let module = compile(vec![def("g", &[], vec![expr(yield_(Some(int(1))))])]);
    let g = inner(&module, 0);
    assert!(g.flags.has(CodeFlags::GENERATOR));
    assert!(!module.flags.has(CodeFlags::GENERATOR));
    assert!(module.flags.has(CodeFlags::NAMESPACE));
}

#[test]
fn break_in_for_pops_the_iterator_and_continue_jumps_back() {
    let code = compile(vec![for_(
        name("x"),
        name("xs"),
        vec![s(StmtKind::Break), s(StmtKind::Continue)],
    )]);
    assert_eq!(
        code.instructions,
        vec![
            LoadName(0),
            GetIter,
            ForIter(8),
            StoreName(1),
            PopTop,
            Jump(8),
            Jump(2),
            Jump(2),
            LoadConst(0),
            ReturnValue,
        ]
    );
}

#[test]
fn except_as_name_is_deleted_after_the_handler() {
    let code = compile(vec![try_(
        vec![expr(call(name("f"), vec![]))],
        vec![handler(Some(name("E")), Some("e"), vec![s(StmtKind::Pass)])],
        vec![],
    )]);
    assert_eq!(
        code.instructions,
        vec![
            SetupFinally(6),
            LoadName(0),
            Call(0),
            PopTop,
            PopBlock,
            Jump(15),
            LoadName(1),
            JumpIfNotExcMatch(14),
            StoreName(2),
            PopExcept,
            LoadConst(0),
            StoreName(2),
            DeleteName(2),
            Jump(15),
            Reraise,
            LoadConst(0),
            ReturnValue,
        ]
    );
}

#[test]
fn closures_flag_make_function() {
    let body = vec![
        assign(name("x"), int(1)),
        def("g", &[], vec![ret(Some(name("x")))]),
    ];
    let module = compile(vec![def("f", &[], body)]);
    let f = inner(&module, 0);
    assert!(f
        .instructions
        .contains(&MakeFunction(MakeFunctionFlags::CLOSURE)));
    assert!(f.instructions.contains(&LoadClosure(0)));
    assert_eq!(inner(&f, 0).qualname.as_ref(), "f.<locals>.g");
}
